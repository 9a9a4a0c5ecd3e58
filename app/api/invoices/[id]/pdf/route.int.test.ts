import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invoices } from '@/db/schema';
import { createFamily, createLesson, createSchool, createSubject, createTutor, createUser, setSubjectPrice } from '@/db/seed/factories';
import { issueMonth } from '@/lib/billing/run';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';
import { GET } from './route';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę', city: 'Łódź' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 10_000 });
  const { parent, children } = await createFamily(t.db, { schoolId: school.id, lastName: 'Żółkiewska' });
  await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: math.id, studentIds: [children[0].id], status: 'completed', start: '2026-11-03T15:00:00Z' });
  const [invoice] = (await issueMonth(t.db, { system: 'monthly-billing', schoolId: school.id }, school.id, '2026-11', new Date('2026-11-25T07:00:00Z'))).issued;
  const other = await createSchool(t.db, { name: 'Sowa' });
  const otherAdmin = await createUser(t.db, { schoolId: other.id, role: 'admin' });
  return { admin, parent, tutor, invoice, otherAdmin };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const get = (id: string) => GET(new Request(`http://school.test/api/invoices/${id}/pdf`), { params: Promise.resolve({ id }) });

describe('GET /api/invoices/{id}/pdf', () => {
  it('sends the office the invoice as a PDF attachment named after its number, kept only to be asked about again', async () => {
    actAs(viewerOf(w.admin));
    const response = await get(w.invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${w.invoice.number.replaceAll('/', '-')}.pdf"`);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
  });

  it('renders a version once: the same bytes again, 304 to a browser that has it, a new PDF once a payment changes what it shows', async () => {
    actAs(viewerOf(w.admin));
    const first = await get(w.invoice.id);
    const etag = first.headers.get('etag')!;
    const again = await get(w.invoice.id);
    expect(again.headers.get('etag')).toBe(etag);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);

    const revalidated = await GET(new Request(`http://school.test/api/invoices/${w.invoice.id}/pdf`, { headers: { 'if-none-match': etag } }), { params: Promise.resolve({ id: w.invoice.id }) });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');

    await t.db.update(invoices).set({ paid: 5_000 }).where(eq(invoices.id, w.invoice.id));
    try {
      const paid = await GET(new Request(`http://school.test/api/invoices/${w.invoice.id}/pdf`, { headers: { 'if-none-match': etag } }), { params: Promise.resolve({ id: w.invoice.id }) });
      expect(paid.status).toBe(200);
      expect(paid.headers.get('etag')).not.toBe(etag);
    } finally {
      await t.db.update(invoices).set({ paid: 0 }).where(eq(invoices.id, w.invoice.id));
    }
  });

  it('sends the parent who pays it too', async () => {
    actAs(viewerOf(w.parent.user!));
    expect((await get(w.invoice.id)).status).toBe(200);
  });

  it('answers the same 404 to a stranger, another school, a tutor and a bad id', async () => {
    const answers = [];
    for (const viewer of [null, viewerOf(w.otherAdmin), viewerOf(w.tutor.user!)]) {
      actAs(viewer);
      answers.push(await get(w.invoice.id));
    }
    actAs(viewerOf(w.admin));
    answers.push(await get('not-an-id'), await get('00000000-0000-4000-8000-000000000000'));
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await response.text()).toBe('Not found');
    }
  });
});
