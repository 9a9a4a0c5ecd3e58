import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../client';
import { messageReads, messages, messageThreads } from '../schema';

type Pick = { student_id: string; student: string; student_user: string | null; parent_user: string; tutor_id: string; tutor_user: string };

const HOUR = 3_600_000;

/**
 * A few conversations so the demo's message pages are not empty: three families writing with
 * their child's tutor, a student asking their tutor, and one parent's question to the office
 * that the office has not read yet (the number beside "Wiadomości" for the admin). Everything
 * else is read and counted as told, so the message-notices job sends nothing for the demo.
 */
export async function seedMessages(db: Queryable, schoolId: string, now: Date) {
  const picks = await queryRows<Pick>(
    db,
    sql`select distinct on (pu.email) s.id as student_id, s.first_name as student, s.user_id as student_user,
               p.user_id as parent_user, t.id as tutor_id, t.user_id as tutor_user
        from parent_students ps
          join parents p on p.id = ps.parent_id join users pu on pu.id = p.user_id
          join students s on s.id = ps.student_id
          join student_subjects ss on ss.student_id = s.id
          join tutors t on t.id = ss.tutor_id
        where ps.school_id = ${schoolId} and ps.access = 'full' and t.user_id is not null and s.status = 'active'
        order by pu.email, s.id, t.id
        limit 4`,
  );
  const students = await queryRows<Pick>(
    db,
    sql`select s.id as student_id, s.first_name as student, s.user_id as student_user, null as parent_user, t.id as tutor_id, t.user_id as tutor_user
        from students s join student_subjects ss on ss.student_id = s.id join tutors t on t.id = ss.tutor_id
        where s.school_id = ${schoolId} and s.user_id is not null and t.user_id is not null and s.status = 'active'
        order by s.id, t.id limit 1`,
  );
  if (picks.length < 2) return;
  const [admin] = await queryRows<{ id: string }>(db, sql`select id from users where school_id = ${schoolId} and role = 'admin' order by email limit 1`);

  const conversations = [
    { pick: picks[0], subject: 'Zadanie domowe z ułamków', lines: ['Dzień dobry, {s} nie wie, czy zadanie 4 jest na jutro. Pozdrawiam', 'Dzień dobry, tak, na jutro. Zadanie 5 na następny tydzień.', 'Dziękuję!'], daysAgo: 2 },
    { pick: picks[1], subject: 'Przygotowanie do sprawdzianu', lines: ['Dzień dobry, w piątek {s} ma sprawdzian z geometrii. Czy możemy powtórzyć pola figur?', 'Oczywiście, zrobimy to na najbliższej lekcji.'], daysAgo: 5 },
    ...(picks[2] ? [{ pick: picks[2], subject: 'Nieobecność w przyszłym tygodniu', lines: ['Dzień dobry, w przyszłym tygodniu wyjeżdżamy. Jak odrobić lekcję?', 'Dzień dobry, proszę zgłosić odwołanie w portalu: odrobienie umówimy po powrocie.'], daysAgo: 9 }] : []),
    ...(students[0] ? [{ pick: students[0], subject: 'Materiały do matury', lines: ['Dzień dobry, jaki zbiór zadań do matury warto kupić?', 'Polecam zbiór CKE z ostatnich lat, przyniosę go na lekcję.'], daysAgo: 3, student: true }] : []),
  ];

  for (const c of conversations) {
    const start = new Date(now.getTime() - c.daysAgo * 24 * HOUR);
    const isStudent = 'student' in c;
    const familyAuthor = isStudent ? c.pick.student_user! : c.pick.parent_user;
    const times = c.lines.map((_, i) => new Date(start.getTime() + i * 3 * HOUR));
    const [thread] = await db
      .insert(messageThreads)
      .values({ schoolId, studentId: c.pick.student_id, tutorId: c.pick.tutor_id, audience: isStudent ? 'student' : 'family', subject: c.subject, createdBy: familyAuthor, createdAt: times[0], lastMessageAt: times.at(-1)! })
      .returning({ id: messageThreads.id });
    await db.insert(messages).values(
      c.lines.map((line, i) => ({ schoolId, threadId: thread.id, authorId: i % 2 === 0 ? familyAuthor : c.pick.tutor_user, body: line.replace('{s}', c.pick.student), createdAt: times[i] })),
    );
    const readers = isStudent ? [c.pick.student_user!, c.pick.tutor_user] : [...(await parentUsersOf(db, c.pick.student_id)), c.pick.tutor_user];
    await db.insert(messageReads).values([...new Set(readers)].map((userId) => ({ schoolId, threadId: thread.id, userId, lastReadAt: now, notifiedAt: now })));
  }

  // A question for the office, not read yet.
  if (admin) {
    const asked = new Date(now.getTime() - 4 * HOUR);
    const pick = picks[picks.length - 1];
    const [thread] = await db
      .insert(messageThreads)
      .values({ schoolId, studentId: pick.student_id, tutorId: null, audience: 'family', subject: 'Faktura na firmę', createdBy: pick.parent_user, createdAt: asked, lastMessageAt: asked })
      .returning({ id: messageThreads.id });
    await db.insert(messages).values({ schoolId, threadId: thread.id, authorId: pick.parent_user, body: 'Dzień dobry, czy od stycznia faktury mogą być wystawiane na moją firmę? Prześlę NIP.', createdAt: asked });
    await db.insert(messageReads).values([
      ...(await parentUsersOf(db, pick.student_id)).map((userId) => ({ schoolId, threadId: thread.id, userId, lastReadAt: now, notifiedAt: now })),
      { schoolId, threadId: thread.id, userId: admin.id, lastReadAt: null, notifiedAt: now },
    ]);
  }
}

async function parentUsersOf(db: Queryable, studentId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(db, sql`select p.user_id from parent_students ps join parents p on p.id = ps.parent_id where ps.student_id = ${studentId} and p.user_id is not null`);
  return rows.map((r) => r.user_id);
}
