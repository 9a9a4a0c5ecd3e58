import 'server-only';
import { cache } from 'react';
import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { messageReads, messages, messageThreads, parents, parentStudents, students, studentSubjects, tutors, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { totalOf } from '@/lib/list/paginate';
import { getDb } from '@/lib/db';
import { isUuid, studentVisibility } from '@/lib/students/queries';
import { mayWrite, threadVisibility } from './access';
import { parentAccess } from '@/lib/families/access';

export const THREADS_PAGE_SIZE = 20;

/**
 * Messages in a thread the viewer has not read: someone else's, newer than their last read.
 * The admin reads every thread of the school but answers for the office: only the office's
 * threads count as unread for them (a tutor's conversations are the tutor's to answer).
 */
function unreadIn(viewer: Viewer) {
  const ownInbox = viewer.role === 'admin' ? sql`${messageThreads.tutorId} is null` : sql`true`;
  return sql<number>`(
    select count(*)::int from ${messages}
    where ${messages.threadId} = ${messageThreads.id} and ${ownInbox}
      and ${messages.authorId} <> ${viewer.userId}
      and ${messages.createdAt} > coalesce((
        select ${messageReads.lastReadAt} from ${messageReads}
        where ${messageReads.threadId} = ${messageThreads.id} and ${messageReads.userId} = ${viewer.userId}
      ), '-infinity'::timestamptz)
  )`;
}

export type ThreadRow = {
  id: string;
  subject: string;
  studentName: string;
  /** The school's side: a tutor's name, or null for the office. */
  tutorName: string | null;
  audience: 'family' | 'student';
  lastMessageAt: Date;
  preview: string;
  lastAuthor: string;
  unread: number;
};

const lastMessage = aliasedTable(messages, 'last_message');
const lastAuthor = aliasedTable(users, 'last_author');

/** The viewer's threads, newest activity first, with the last message's first words and their unread count. */
export async function listThreads(viewer: Viewer, { page = 1 }: { page?: number } = {}): Promise<{ rows: ThreadRow[]; total: number; page: number; pageSize: number }> {
  const db = getDb();
  const where = threadVisibility(viewer);
  const rows = await db
    .select({
      id: messageThreads.id,
      subject: messageThreads.subject,
      studentFirst: students.firstName,
      studentLast: students.lastName,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
      audience: messageThreads.audience,
      lastMessageAt: messageThreads.lastMessageAt,
      preview: sql<string>`left(${lastMessage.body}, 160)`,
      lastAuthor: lastAuthor.name,
      unread: unreadIn(viewer),
    })
    .from(messageThreads)
    .innerJoin(students, eq(students.id, messageThreads.studentId))
    .leftJoin(tutors, eq(tutors.id, messageThreads.tutorId))
    .innerJoinLateral(
      db.select().from(messages).where(eq(messages.threadId, messageThreads.id)).orderBy(desc(messages.createdAt), desc(messages.id)).limit(1).as('last_message'),
      sql`true`,
    )
    .innerJoin(lastAuthor, eq(lastAuthor.id, lastMessage.authorId))
    .where(where)
    .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
    .limit(THREADS_PAGE_SIZE)
    .offset((page - 1) * THREADS_PAGE_SIZE);
  const total = await totalOf(rows.length, page, THREADS_PAGE_SIZE, () => db.$count(messageThreads, where));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      studentName: `${r.studentFirst} ${r.studentLast}`,
      tutorName: r.tutorFirst ? `${r.tutorFirst} ${r.tutorLast}` : null,
      audience: r.audience,
      lastMessageAt: r.lastMessageAt,
      preview: r.preview.replace(/\s+/g, ' '),
      lastAuthor: r.lastAuthor,
      unread: r.unread,
    })),
    total,
    page,
    pageSize: THREADS_PAGE_SIZE,
  };
}

/** How many messages the viewer has not read, over every thread they may read: the number beside "Wiadomości". */
export const countUnread = cache(async (viewer: Viewer): Promise<number> => {
  const [row] = await getDb()
    .select({ unread: sql<number>`coalesce(sum(${unreadIn(viewer)}), 0)::int` })
    .from(messageThreads)
    .where(and(threadVisibility(viewer), sql`${messageThreads.lastMessageAt} > coalesce((select ${messageReads.lastReadAt} from ${messageReads} where ${messageReads.threadId} = ${messageThreads.id} and ${messageReads.userId} = ${viewer.userId}), '-infinity'::timestamptz)`));
  return row?.unread ?? 0;
});

export type ThreadMessage = { id: string; body: string; authorName: string; mine: boolean; fromSchool: boolean; createdAt: Date };

export type ThreadDetail = {
  id: string;
  subject: string;
  studentId: string;
  studentName: string;
  tutorName: string | null;
  audience: 'family' | 'student';
  canWrite: boolean;
  messages: ThreadMessage[];
};

/** One thread with every message, oldest first; null when it is not there or not the viewer's to read. */
export const getThread = cache(async (viewer: Viewer, id: string): Promise<ThreadDetail | null> => {
  if (!isUuid(id)) return null;
  const db = getDb();
  const [thread] = await db
    .select({
      id: messageThreads.id,
      subject: messageThreads.subject,
      studentId: messageThreads.studentId,
      studentFirst: students.firstName,
      studentLast: students.lastName,
      tutorFirst: tutors.firstName,
      tutorLast: tutors.lastName,
      audience: messageThreads.audience,
    })
    .from(messageThreads)
    .innerJoin(students, eq(students.id, messageThreads.studentId))
    .leftJoin(tutors, eq(tutors.id, messageThreads.tutorId))
    .where(and(eq(messageThreads.id, id), threadVisibility(viewer)));
  if (!thread) return null;
  const [rows, access] = await Promise.all([
    db
      .select({ id: messages.id, body: messages.body, authorId: messages.authorId, authorName: users.name, authorRole: users.role, createdAt: messages.createdAt })
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.threadId, id))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    parentAccess(getDb(), viewer, thread.studentId),
  ]);
  return {
    id: thread.id,
    subject: thread.subject,
    studentId: thread.studentId,
    studentName: `${thread.studentFirst} ${thread.studentLast}`,
    tutorName: thread.tutorFirst ? `${thread.tutorFirst} ${thread.tutorLast}` : null,
    audience: thread.audience,
    canWrite: mayWrite(viewer.role, access),
    messages: rows.map((m) => ({
      id: m.id,
      body: m.body,
      authorName: m.authorName,
      mine: m.authorId === viewer.userId,
      fromSchool: m.authorRole === 'admin' || m.authorRole === 'tutor',
      createdAt: m.createdAt,
    })),
  };
});


export type ComposeStudent = {
  id: string;
  name: string;
  /** Who on the school's side the viewer may write to about this student. */
  recipients: { value: string; tutorName: string | null }[];
  /** For staff: which family side can read a thread (the student needs an account, the family a parent with one). */
  audiences: ('family' | 'student')[];
};

/**
 * What the "new message" form offers: the students the viewer may start a thread about, and
 * for each the school's side they may write to. A parent: the children they have `full`
 * access to, to the office or one of the child's tutors; a student: themself, likewise; a
 * tutor: their students' families or the students, as themself; the admin: any active
 * student's family or the student, as the office.
 */
export async function composeOptions(viewer: Viewer): Promise<ComposeStudent[]> {
  const db = getDb();
  const base = db
    .select({ id: students.id, firstName: students.firstName, lastName: students.lastName, userId: students.userId })
    .from(students)
    .where(
      and(
        studentVisibility(viewer),
        ne(students.status, 'archived'),
        viewer.role === 'parent'
          ? inArray(
              students.id,
              db
                .select({ id: parentStudents.studentId })
                .from(parentStudents)
                .innerJoin(parents, eq(parents.id, parentStudents.parentId))
                .where(and(eq(parents.userId, viewer.userId), eq(parentStudents.access, 'full'))),
            )
          : undefined,
      ),
    )
    .orderBy(sql`lower(tutorhub_fold(${students.lastName}))`, sql`lower(tutorhub_fold(${students.firstName}))`)
    .limit(500);
  const rows = await base;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);

  if (viewer.role === 'parent' || viewer.role === 'student') {
    const teaching = await db
      .selectDistinct({ studentId: studentSubjects.studentId, tutorId: tutors.id, first: tutors.firstName, last: tutors.lastName })
      .from(studentSubjects)
      .innerJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
      .where(and(inArray(studentSubjects.studentId, ids), ne(tutors.status, 'left'), isNotNull(tutors.userId)));
    return rows.map((s) => ({
      id: s.id,
      name: `${s.firstName} ${s.lastName}`,
      recipients: [
        { value: 'office', tutorName: null },
        ...teaching
          .filter((t) => t.studentId === s.id)
          .sort((a, b) => `${a.last} ${a.first}`.localeCompare(`${b.last} ${b.first}`, 'pl'))
          .map((t) => ({ value: t.tutorId, tutorName: `${t.first} ${t.last}` })),
      ],
      audiences: [viewer.role === 'parent' ? 'family' : 'student'],
    }));
  }

  // Staff: a family side someone can read.
  const [families, [self]] = await Promise.all([
    db
      .selectDistinct({ studentId: parentStudents.studentId })
      .from(parentStudents)
      .innerJoin(parents, eq(parents.id, parentStudents.parentId))
      .where(and(inArray(parentStudents.studentId, ids), isNotNull(parents.userId))),
    viewer.role === 'tutor' ? db.select({ id: tutors.id }).from(tutors).where(eq(tutors.userId, viewer.userId)) : Promise.resolve([undefined]),
  ]);
  const hasFamily = new Set(families.map((f) => f.studentId));
  return rows
    .map((s) => ({
      id: s.id,
      name: `${s.firstName} ${s.lastName}`,
      recipients: [viewer.role === 'tutor' && self ? { value: self.id, tutorName: viewer.name } : { value: 'office', tutorName: null }],
      audiences: [...(hasFamily.has(s.id) ? (['family'] as const) : []), ...(s.userId ? (['student'] as const) : [])],
    }))
    .filter((s) => s.audiences.length > 0);
}
