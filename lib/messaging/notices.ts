import 'server-only';
import { createElement } from 'react';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { School } from '@/db/schema';
import NewMessagesEmail, { newMessagesSubject, type NewMessagesThread } from '@/emails/new-messages';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { emailLocale, sendNotice, tally, type NoticeResult } from '@/lib/notifications/send';
import { NOTICE_DELAY_MINUTES } from './rules';


type Pending = {
  user_id: string;
  email: string;
  name: string;
  locale: string;
  role: 'admin' | 'tutor' | 'student' | 'parent';
  thread_id: string;
  subject: string;
  student_name: string;
  from_name: string;
  count: number;
  latest: Date | string;
};

/**
 * Every person with messages they have neither read nor been told of, older than the delay:
 * per person and thread, how many and from whom. The readers of a thread are its family side
 * (the child's parents with an account, or the student) and its school side (the tutor, or
 * every admin for the office), never the author of a message; deactivated accounts are left out.
 */
async function pendingNotices(db: Database, schoolId: string, at: Date): Promise<Pending[]> {
  const until = new Date(at.getTime() - NOTICE_DELAY_MINUTES * 60_000).toISOString();
  return queryRows<Pending>(
    db,
    sql`with readers as (
          select t.id as thread_id, p.user_id from message_threads t
            join parent_students ps on ps.student_id = t.student_id
            join parents p on p.id = ps.parent_id
            where t.school_id = ${schoolId} and t.audience = 'family' and p.user_id is not null
          union
          select t.id, s.user_id from message_threads t
            join students s on s.id = t.student_id
            where t.school_id = ${schoolId} and t.audience = 'student' and s.user_id is not null
          union
          select t.id, tu.user_id from message_threads t
            join tutors tu on tu.id = t.tutor_id
            where t.school_id = ${schoolId} and tu.user_id is not null
          union
          select t.id, u.id from message_threads t
            join users u on u.school_id = t.school_id and u.role = 'admin'
            where t.school_id = ${schoolId} and t.tutor_id is null
        )
        select u.id as user_id, u.email, u.name, u.locale, u.role, t.id as thread_id, t.subject,
               s.first_name || ' ' || s.last_name as student_name,
               string_agg(distinct a.name, ', ') as from_name,
               count(*)::int as count, max(m.created_at) as latest
        from readers r
          join users u on u.id = r.user_id and u.status <> 'deactivated'
          join message_threads t on t.id = r.thread_id
          join students s on s.id = t.student_id
          join messages m on m.thread_id = t.id and m.author_id <> r.user_id
          join users a on a.id = m.author_id
          left join message_reads mr on mr.thread_id = t.id and mr.user_id = r.user_id
        where m.created_at <= ${until}::timestamptz
          and m.created_at > coalesce(mr.last_read_at, '-infinity'::timestamptz)
          and m.created_at > coalesce(mr.notified_at, '-infinity'::timestamptz)
        group by u.id, u.email, u.name, u.locale, u.role, t.id, t.subject, s.first_name, s.last_name
        order by u.id, max(m.created_at)`,
  );
}

/**
 * One email per person for everything new in their threads (the `message-notices` job, every
 * hour), then each thread marked as told up to its newest message in the email, so a second
 * run, a retry or a later run tells of nothing twice. A person who read the thread in the
 * meantime is not told. A school that switched the kind off still marks them told, so that
 * switching it on again does not send a backlog.
 */
export async function sendMessageNotices(db: Database, school: School, at: Date): Promise<{ people: number; threads: number; emailed: number; alreadySent: number; skipped: number }> {
  const rows = await pendingNotices(db, school.id, at);
  const byUser = new Map<string, Pending[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const results: NoticeResult[] = [];
  for (const [userId, threads] of byUser) {
    const first = threads[0];
    const locale = emailLocale(first.locale);
    const list: NewMessagesThread[] = threads.map((t) => ({ subject: t.subject, studentName: t.student_name, from: t.from_name, count: t.count }));
    const newest = threads.map((t) => new Date(t.latest).getTime()).reduce((a, b) => Math.max(a, b), 0);
    const messagesUrl = new URL(`/${first.role}/messages`, env.APP_URL).toString();
    results.push(
      await sendNotice(db, {
        school,
        kind: 'new-messages',
        to: { email: first.email, name: first.name, locale },
        // The newest message told of: the same batch is one email however often it is sent.
        about: `${userId}:${new Date(newest).toISOString()}`,
        subject: newMessagesSubject({ locale, threads: list }),
        body: (frame) => createElement(NewMessagesEmail, { ...frame, name: first.name, threads: list, messagesUrl }),
        meta: { userId, threads: threads.map((t) => t.thread_id) },
      }),
    );
    for (const t of threads) {
      const latest = new Date(t.latest).toISOString();
      await db.execute(
        sql`insert into message_reads (school_id, thread_id, user_id, notified_at) values (${school.id}, ${t.thread_id}, ${userId}, ${latest}::timestamptz)
            on conflict (thread_id, user_id) do update set notified_at = greatest(message_reads.notified_at, excluded.notified_at)`,
      );
    }
  }
  return { people: byUser.size, threads: rows.length, ...tally(results) };
}
