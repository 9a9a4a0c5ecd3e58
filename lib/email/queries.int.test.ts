import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, type EmailOutbox } from '@/db/schema';
import { createSchool, createTutor, createUser } from '@/db/seed/factories';
import { getOutboxMessage, listOutbox } from '@/lib/email/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

const base = Date.parse('2026-11-26T13:05:00Z');
const minutes = (n: number) => new Date(base + n * 60_000);
const signInUrl = 'https://tutorhub.test/api/auth/callback/email?token=s3cret-token';

type NewOutboxRow = typeof emailOutbox.$inferInsert;
async function insertEmail(values: Partial<NewOutboxRow> & { schoolId: string | null }): Promise<EmailOutbox> {
  const [row] = await t.db
    .insert(emailOutbox)
    .values({ toAddress: 'someone@example.test', subject: 'Hello', template: 'lesson-reminder', html: '<p>Hello</p>', text: 'Hello', status: 'logged', ...values })
    .returning();
  return row;
}

// "Na Piątkę" has 31 messages: 27 reminders, a failed invoice, a magic link and two
// promotions whose subjects differ only where a LIKE wildcard would match. "Sowa" has two,
// and one system message belongs to no school.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });

  const reminders = [];
  for (let i = 0; i < 27; i++) {
    reminders.push(await insertEmail({ schoolId: school.id, toAddress: `parent${i}@example.test`, subject: `Lesson reminder ${i}`, createdAt: minutes(i) }));
  }
  const invoice = await insertEmail({
    schoolId: school.id,
    toAddress: 'Kasia.Nowak@example.test',
    subject: 'Invoice FV/2026/11/001',
    template: 'invoice-issued',
    status: 'failed',
    error: 'Mailbox full',
    html: '<p>Your invoice is attached.</p>',
    text: 'Your invoice is attached.',
    createdAt: minutes(30),
  });
  const magicLink = await insertEmail({
    schoolId: school.id,
    toAddress: 'parent1@example.test',
    subject: 'Your sign-in link',
    template: 'magic-link',
    status: 'sent',
    html: `<a href="${signInUrl}">Sign in</a>`,
    text: `Sign in: ${signInUrl}`,
    createdAt: minutes(31),
    sentAt: minutes(31),
  });
  const promoPercent = await insertEmail({ schoolId: school.id, subject: 'Promo: 100% pass rate', template: 'newsletter', createdAt: minutes(32) });
  await insertEmail({ schoolId: school.id, subject: 'Promo: 1000 pass rate', template: 'newsletter', createdAt: minutes(33) });

  const sowaMessages = [
    await insertEmail({ schoolId: sowa.id, toAddress: 'kasia@sowa.test', subject: 'Lesson reminder Sowa', status: 'failed', createdAt: minutes(40) }),
    await insertEmail({ schoolId: sowa.id, subject: 'Welcome to Sowa', status: 'queued', createdAt: minutes(41) }),
  ];
  const systemMessage = await insertEmail({ schoolId: null, subject: 'Lesson reminder (system)', createdAt: minutes(50) });

  return { school, sowa, admin, sowaAdmin, tutor, reminders, invoice, magicLink, promoPercent, sowaMessages, systemMessage };
}

beforeAll(async () => {
  w = await build();
});

describe('listing the outbox', () => {
  it('shows only the viewer’s school, newest first, 25 a page, without bodies', async () => {
    const result = await listOutbox(viewerOf(w.admin));
    expect(result).toMatchObject({ total: 31, page: 1, pageSize: 25 });
    expect(result.rows).toHaveLength(25);
    const foreign = new Set([...w.sowaMessages.map((m) => m.id), w.systemMessage.id]);
    expect(result.rows.some((r) => foreign.has(r.id))).toBe(false);
    const times = result.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(result.rows[0].subject).toBe('Promo: 1000 pass rate');
    for (const row of result.rows) {
      expect(row).not.toHaveProperty('html');
      expect(row).not.toHaveProperty('text');
    }

    const sowa = await listOutbox(viewerOf(w.sowaAdmin));
    expect(sowa.total).toBe(2);
    expect(sowa.rows.map((r) => r.id).sort()).toEqual(w.sowaMessages.map((m) => m.id).sort());
  });

  it('pages through every message once, and clamps a page past the end', async () => {
    const admin = viewerOf(w.admin);
    const first = await listOutbox(admin, { page: 1 });
    const second = await listOutbox(admin, { page: 2 });
    expect(second).toMatchObject({ total: 31, page: 2 });
    expect(second.rows).toHaveLength(6);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(31);
    expect(second.rows.at(-1)!.id).toBe(w.reminders[0].id);

    expect(await listOutbox(admin, { page: 99 })).toMatchObject({ page: 2, total: 31 });
    expect(await listOutbox(admin, { page: 0 })).toMatchObject({ page: 1 });
    expect(await listOutbox(admin, { page: Number.NaN })).toMatchObject({ page: 1 });
  });

  it('searches recipient and subject case-insensitively, within the school', async () => {
    const admin = viewerOf(w.admin);
    const byAddress = await listOutbox(admin, { q: 'kasia' });
    expect(byAddress.total).toBe(1);
    expect(byAddress.rows.map((r) => r.id)).toEqual([w.invoice.id]);

    const bySubject = await listOutbox(admin, { q: '  LESSON REMINDER ' });
    expect(bySubject.total).toBe(27);
    expect(bySubject.rows.every((r) => r.subject.startsWith('Lesson reminder'))).toBe(true);
  });

  it('treats % and _ in the search as literal characters', async () => {
    const result = await listOutbox(viewerOf(w.admin), { q: '100%' });
    expect(result.rows.map((r) => r.id)).toEqual([w.promoPercent.id]);
    expect((await listOutbox(viewerOf(w.admin), { q: 'parent_' })).total).toBe(0);
  });

  it('filters by status, ignores an unknown status, and combines with search', async () => {
    const admin = viewerOf(w.admin);
    const failed = await listOutbox(admin, { status: 'failed' });
    expect(failed.rows.map((r) => r.id)).toEqual([w.invoice.id]);
    expect((await listOutbox(admin, { status: 'sent' })).rows.map((r) => r.id)).toEqual([w.magicLink.id]);
    expect((await listOutbox(admin, { status: 'queued' })).total).toBe(0);
    expect((await listOutbox(admin, { status: 'delivered' })).total).toBe(31);
    expect((await listOutbox(admin, { q: 'reminder', status: 'logged' })).total).toBe(27);
    expect((await listOutbox(admin, { q: 'reminder', status: 'failed' })).total).toBe(0);
  });

  it('gives a tutor nothing', async () => {
    const result = await listOutbox(viewerOf(w.tutor.user!));
    expect(result).toEqual({ rows: [], total: 0, page: 1, pageSize: 25, pageCount: 1, searchTooLong: false });
  });
});

describe('reading one message', () => {
  it('returns a normal message with its body', async () => {
    const message = await getOutboxMessage(viewerOf(w.admin), w.invoice.id);
    expect(message).toMatchObject({
      id: w.invoice.id,
      toAddress: 'Kasia.Nowak@example.test',
      status: 'failed',
      error: 'Mailbox full',
      bodyHidden: false,
      html: '<p>Your invoice is attached.</p>',
      text: 'Your invoice is attached.',
    });
  });

  it('hides the body of a sign-in email', async () => {
    const message = await getOutboxMessage(viewerOf(w.admin), w.magicLink.id);
    expect(message).toMatchObject({ id: w.magicLink.id, template: 'magic-link', status: 'sent', bodyHidden: true });
    expect(message).not.toHaveProperty('html');
    expect(message).not.toHaveProperty('text');
    expect(JSON.stringify(message)).not.toContain('s3cret-token');
  });

  it('answers undefined for another school’s message, a tutor, an unknown id and a malformed id', async () => {
    expect(await getOutboxMessage(viewerOf(w.sowaAdmin), w.invoice.id)).toBeUndefined();
    expect(await getOutboxMessage(viewerOf(w.admin), w.sowaMessages[0].id)).toBeUndefined();
    expect(await getOutboxMessage(viewerOf(w.admin), w.systemMessage.id)).toBeUndefined();
    expect(await getOutboxMessage(viewerOf(w.tutor.user!), w.invoice.id)).toBeUndefined();
    expect(await getOutboxMessage(viewerOf(w.admin), randomUUID())).toBeUndefined();
    expect(await getOutboxMessage(viewerOf(w.admin), 'not-a-uuid')).toBeUndefined();
    expect(await getOutboxMessage(viewerOf(w.admin), "'; drop table email_outbox; --")).toBeUndefined();
  });
});
