import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/unsubscribe/route';
import { auditLog, emailUnsubscribes } from '@/db/schema';
import { createSchool } from '@/db/seed/factories';
import { resubscribeAction, unsubscribeAction } from '@/lib/notifications/unsubscribe-actions';
import { isLinkUnsubscribed, readUnsubscribeLink, unsubscribeLimits } from '@/lib/notifications/unsubscribe-requests';
import { isUnsubscribed, unsubscribeUrl } from '@/lib/notifications/unsubscribe';
import { freshTestDatabase } from '@/test/database';
import { actAs, testMeta } from '@/test/mocks/viewer';

const t = freshTestDatabase();

let w: { school: Awaited<ReturnType<typeof createSchool>>; sowa: Awaited<ReturnType<typeof createSchool>> };
beforeAll(async () => {
  w = {
    school: await createSchool(t.db, { name: 'Na Piątkę', email: 'biuro@napiatke.test' }),
    sowa: await createSchool(t.db, { name: 'Sowa', locale: 'en' }),
  };
});
// Nobody is signed in on the unsubscribe page.
beforeEach(() => actAs(null));

/** The query of the link an email to `email` from `schoolId` carries. */
function linkParams(schoolId: string, email: string) {
  return Object.fromEntries(new URL(unsubscribeUrl(schoolId, email)).searchParams);
}

function form(params: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(params)) data.set(k, v);
  return data;
}

/** Where a server action redirected to (`redirect()` throws NEXT_REDIRECT with the URL in its digest). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2];
    throw err;
  }
  throw new Error('no redirect');
}

const rowsFor = (schoolId: string) => t.db.select().from(emailUnsubscribes).where(eq(emailUnsubscribes.schoolId, schoolId));
const auditsFor = (schoolId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, schoolId), eq(auditLog.entityType, 'email_unsubscribe')))
    .orderBy(auditLog.id);

describe('the unsubscribe link', () => {
  it('names the school and the address, lower-cased, and leads to the one-click address', () => {
    const url = new URL(unsubscribeUrl(w.school.id, 'Ewa.Nowak+Szkola@Example.test'));
    expect(url.pathname).toBe('/api/unsubscribe');
    expect(url.searchParams.get('s')).toBe(w.school.id);
    expect(url.searchParams.get('e')).toBe('ewa.nowak+szkola@example.test');
    expect(url.searchParams.get('t')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('is read back when untouched, and refused when any part was changed or is missing', async () => {
    const good = linkParams(w.school.id, 'ewa@example.test');
    expect(await readUnsubscribeLink(t.db, good)).toEqual({
      school: { id: w.school.id, name: 'Na Piątkę', locale: 'pl', email: 'biuro@napiatke.test', phone: null },
      email: 'ewa@example.test',
    });
    // The same address typed in capitals is the same address.
    expect(await readUnsubscribeLink(t.db, { ...good, e: 'EWA@example.test' })).toMatchObject({ email: 'ewa@example.test' });
    const other = linkParams(w.sowa.id, 'ewa@example.test');
    const tampered: Record<string, unknown>[] = [
      { ...good, e: 'adam@example.test' },
      { ...good, s: w.sowa.id },
      { ...good, t: other.t },
      { ...good, t: good.t.slice(0, -1) + (good.t.endsWith('A') ? 'B' : 'A') },
      { ...good, t: good.t.slice(0, 10) },
      { ...good, t: `${good.t}x` },
      { ...good, t: '' },
      { s: good.s, e: good.e },
      { s: good.s, t: good.t },
      { e: good.e, t: good.t },
      { ...good, s: 'not-a-uuid' },
      { ...good, s: '00000000-0000-4000-8000-000000000000' },
      { ...good, e: [good.e, 'adam@example.test'] },
      { ...good, t: 'ą'.repeat(32) },
      { ...good, e: 'x'.repeat(5000) },
      {},
    ];
    for (const params of tampered) expect(await readUnsubscribeLink(t.db, params), JSON.stringify(params).slice(0, 80)).toBeNull();
  });
});

describe('the unsubscribe page buttons', () => {
  it('unsubscribe the address from its school only, audited with no person acting, and subscribe it again', async () => {
    const params = linkParams(w.school.id, 'Anna@Example.test');
    const link = (await readUnsubscribeLink(t.db, params))!;
    expect(await isLinkUnsubscribed(t.db, link)).toBe(false);

    const back = await redirectOf(() => unsubscribeAction(form(params)));
    expect(back).toBe(`/unsubscribe?${new URLSearchParams(params)}&r=out`);
    expect(await isUnsubscribed(t.db, w.school.id, 'anna@example.test')).toBe(true);
    expect(await isUnsubscribed(t.db, w.sowa.id, 'anna@example.test')).toBe(false);
    const [row] = await rowsFor(w.school.id);
    expect(row.email).toBe('anna@example.test');
    let audits = await auditsFor(w.school.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: null,
      actorRole: null,
      actorSystem: 'unsubscribe-link',
      ip: testMeta.ip,
      userAgent: testMeta.userAgent,
      action: 'email.unsubscribed',
      entityId: row.id,
      after: { email: 'anna@example.test' },
    });

    // Pressed twice (a second tab, a double click): still one row, nothing more audited.
    expect(await redirectOf(() => unsubscribeAction(form(params)))).toBe(back);
    expect(await rowsFor(w.school.id)).toHaveLength(1);
    expect(await auditsFor(w.school.id)).toHaveLength(1);

    // "Subscribe me again" undoes it.
    expect(await redirectOf(() => resubscribeAction(form(params)))).toBe(`/unsubscribe?${new URLSearchParams(params)}&r=in`);
    expect(await isUnsubscribed(t.db, w.school.id, 'anna@example.test')).toBe(false);
    expect(await rowsFor(w.school.id)).toHaveLength(0);
    audits = await auditsFor(w.school.id);
    expect(audits.map((a) => a.action)).toEqual(['email.unsubscribed', 'email.resubscribed']);
    expect(audits[1]).toMatchObject({ actorUserId: null, actorSystem: 'unsubscribe-link', before: { email: 'anna@example.test' } });
    // Again: nothing to undo, nothing audited.
    await redirectOf(() => resubscribeAction(form(params)));
    expect(await auditsFor(w.school.id)).toHaveLength(2);
  });

  it('change nothing for a link that does not verify, and send the visitor back to the page that says so', async () => {
    const params = { ...linkParams(w.school.id, 'kasia@example.test'), e: 'zosia@example.test' };
    expect(await redirectOf(() => unsubscribeAction(form(params)))).toBe(`/unsubscribe?${new URLSearchParams(params)}`);
    expect(await redirectOf(() => unsubscribeAction(new FormData()))).toBe('/unsubscribe?');
    expect(await isUnsubscribed(t.db, w.school.id, 'zosia@example.test')).toBe(false);
    expect(await isUnsubscribed(t.db, w.school.id, 'kasia@example.test')).toBe(false);
  });

  it('stop after too many attempts for one address, and say so', async () => {
    const params = linkParams(w.sowa.id, 'busy@example.test');
    const outcomes: string[] = [];
    for (let i = 0; i <= unsubscribeLimits.address.max; i++) {
      const back = await redirectOf(() => (i % 2 === 0 ? unsubscribeAction(form(params)) : resubscribeAction(form(params))));
      outcomes.push(new URL(back, 'http://x').searchParams.get('r') ?? '');
    }
    expect(outcomes.slice(0, unsubscribeLimits.address.max)).toEqual(Array.from({ length: unsubscribeLimits.address.max }, (_, i) => (i % 2 === 0 ? 'out' : 'in')));
    expect(outcomes.at(-1)).toBe('limited');
  });
});

describe('/api/unsubscribe', () => {
  const url = (params: Record<string, string>) => `http://school.test/api/unsubscribe?${new URLSearchParams(params)}`;
  const oneClick = (params: Record<string, string>, body: BodyInit | null, type?: string) =>
    POST(new Request(url(params), { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} }));

  it('unsubscribes with the one-click POST of RFC 8058, as a urlencoded or a multipart form, without a page', async () => {
    const params = linkParams(w.school.id, 'jan@example.test');
    const response = await oneClick(params, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await isUnsubscribed(t.db, w.school.id, 'jan@example.test')).toBe(true);
    // Again: the same answer, one row.
    expect((await oneClick(params, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).status).toBe(200);
    expect((await rowsFor(w.school.id)).filter((r) => r.email === 'jan@example.test')).toHaveLength(1);

    const multipart = new FormData();
    multipart.set('List-Unsubscribe', 'One-Click');
    const params2 = linkParams(w.sowa.id, 'jan@example.test');
    expect((await POST(new Request(url(params2), { method: 'POST', body: multipart }))).status).toBe(200);
    expect(await isUnsubscribed(t.db, w.sowa.id, 'jan@example.test')).toBe(true);
    const [audit] = (await auditsFor(w.sowa.id)).filter((a) => (a.after as { email?: string } | null)?.email === 'jan@example.test');
    expect(audit).toMatchObject({ actorUserId: null, actorSystem: 'unsubscribe-link', action: 'email.unsubscribed' });
  });

  it('refuses a POST without the one-click body or with a link that does not verify, changing nothing', async () => {
    const params = linkParams(w.school.id, 'piotr@example.test');
    for (const [body, type] of [
      [null, undefined],
      ['', 'application/x-www-form-urlencoded'],
      ['List-Unsubscribe=Yes', 'application/x-www-form-urlencoded'],
      ['{"List-Unsubscribe":"One-Click"}', 'application/json'],
      ['List-Unsubscribe=One-Click', 'multipart/form-data; boundary=nothing'],
    ] as const) {
      expect((await oneClick(params, body, type)).status, `${body} ${type}`).toBe(400);
    }
    const bad: Record<string, string>[] = [{ ...params, e: 'pawel@example.test' }, { ...params, t: 'x' }, { s: params.s, e: params.e }];
    for (const link of bad) {
      expect((await oneClick(link, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).status).toBe(400);
    }
    expect(await isUnsubscribed(t.db, w.school.id, 'piotr@example.test')).toBe(false);
    expect(await isUnsubscribed(t.db, w.school.id, 'pawel@example.test')).toBe(false);
  });

  it('sends a GET (a person clicking, or a mail scanner) on to the page, changing nothing', async () => {
    const params = linkParams(w.school.id, 'ola@example.test');
    const response = await GET(new Request(url(params)));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/unsubscribe?${new URLSearchParams(params)}`);
    expect(await isUnsubscribed(t.db, w.school.id, 'ola@example.test')).toBe(false);
  });
});
