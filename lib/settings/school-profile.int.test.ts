import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, schoolLogos, schools } from '@/db/schema';
import { createSchool, createTutor, createUser } from '@/db/seed/factories';
import { GET as logoRoute } from '@/app/api/schools/[id]/logo/route';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import { removeSchoolLogoAction, updateSchoolProfileAction, uploadSchoolLogoAction } from '@/lib/settings/actions';
import { getSchoolSettings } from '@/lib/settings/queries';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// A real 1×1 PNG and the first bytes of a JPEG and a GIF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę', voivodeship: 'mazowieckie', timeZone: 'Europe/Warsaw', email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' });
  const sowa = await createSchool(t.db, { name: 'Sowa', voivodeship: 'małopolskie' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, withLogin: true });
  return { school, sowa, admin, tutor };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const audits = (schoolId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, schoolId), eq(auditLog.action, action)))
    .orderBy(auditLog.id);

const profileOf = async (id: string) =>
  (await t.db.select({ name: schools.name, email: schools.email, phone: schools.phone, voivodeship: schools.voivodeship, timeZone: schools.timeZone }).from(schools).where(eq(schools.id, id)))[0];

describe('updateSchoolProfileAction', () => {
  it('saves the name, contact, voivodeship and zone, stores the phone in one format, and audits what changed', async () => {
    actAs(viewerOf(w.admin));
    const result = await updateSchoolProfileAction({ name: '  Na Piątkę Plus ', email: 'Sekretariat@NaPiatke.pl', phone: '601 234 567', voivodeship: 'mazowieckie', timeZone: 'Europe/Warsaw' });
    expect(result).toEqual({ ok: true, data: { changed: ['name', 'email', 'phone'] } });
    expect(await profileOf(w.school.id)).toEqual({ name: 'Na Piątkę Plus', email: 'sekretariat@napiatke.pl', phone: '+48 601 234 567', voivodeship: 'mazowieckie', timeZone: 'Europe/Warsaw' });
    expect((await audits(w.school.id, 'school.settings')).at(-1)).toMatchObject({
      actorUserId: w.admin.id,
      entityType: 'school',
      entityId: w.school.id,
      before: { name: 'Na Piątkę', email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
      after: { name: 'Na Piątkę Plus', email: 'sekretariat@napiatke.pl', phone: '+48 601 234 567' },
    });
    // The settings page reads back what was saved; the other school is untouched.
    expect((await getSchoolSettings(viewerOf(w.admin)))?.school).toMatchObject({ name: 'Na Piątkę Plus', voivodeship: 'mazowieckie' });
    expect(await profileOf(w.sowa.id)).toMatchObject({ name: 'Sowa', voivodeship: 'małopolskie' });
    // Empty contact fields are "none".
    expect(await updateSchoolProfileAction({ name: 'Na Piątkę', email: '', phone: ' ', voivodeship: 'łódzkie', timeZone: 'Europe/London' })).toMatchObject({ ok: true });
    expect(await profileOf(w.school.id)).toEqual({ name: 'Na Piątkę', email: null, phone: null, voivodeship: 'łódzkie', timeZone: 'Europe/London' });
  });

  it('refuses a blank name, an unknown voivodeship or zone, a bad email or phone with the field and its message, and changes nothing', async () => {
    actAs(viewerOf(w.admin));
    const good = { name: 'Na Piątkę', email: 'biuro@napiatke.pl', phone: '', voivodeship: 'mazowieckie', timeZone: 'Europe/Warsaw' } as const;
    await updateSchoolProfileAction(good);
    const before = await profileOf(w.school.id);
    const count = (await audits(w.school.id, 'school.settings')).length;
    const bad: [keyof typeof good, unknown, string][] = [
      ['name', '   ', 'settings.school.nameRequired'],
      ['voivodeship', 'Mazowieckie', 'settings.school.voivodeshipInvalid'],
      ['voivodeship', "mazowieckie'; drop table schools; --", 'settings.school.voivodeshipInvalid'],
      ['timeZone', 'Mars/Olympus', 'settings.school.timeZoneInvalid'],
      ['timeZone', 'europe/warsaw', 'settings.school.timeZoneInvalid'],
      ['timeZone', 42, 'settings.school.timeZoneInvalid'],
      ['phone', '12', 'records.invalidPhone'],
    ];
    for (const [field, value, message] of bad) {
      const result = await updateSchoolProfileAction({ ...good, [field]: value } as never);
      expect(result, `${field} = ${JSON.stringify(value)}`).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { [field]: [message] } });
    }
    expect(await updateSchoolProfileAction({ ...good, email: 'not an email' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: expect.any(Array) } });
    expect(await profileOf(w.school.id)).toEqual(before);
    expect(await audits(w.school.id, 'school.settings')).toHaveLength(count);
  });

  it('is for the school admin only', async () => {
    actAs(viewerOf(w.tutor.user!));
    expect(await updateSchoolProfileAction({ name: 'Przejęta', email: '', phone: '', voivodeship: 'mazowieckie', timeZone: 'Europe/Warsaw' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(null);
    expect(await updateSchoolProfileAction({ name: 'Przejęta', email: '', phone: '', voivodeship: 'mazowieckie', timeZone: 'Europe/Warsaw' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await profileOf(w.school.id))?.name).not.toBe('Przejęta');
  });
});

describe('the school logo', () => {
  const logoRows = (schoolId: string) => t.db.select().from(schoolLogos).where(eq(schoolLogos.schoolId, schoolId));
  const fetchLogo = (id: string) => logoRoute(new Request(`http://test/api/schools/${id}/logo`), { params: Promise.resolve({ id }) });

  it('keeps a PNG, serves it publicly with its type, audits it without the picture, and takes it off again', async () => {
    actAs(viewerOf(w.admin));
    const saved = await uploadSchoolLogoAction({ dataUrl: dataUrl('image/png', PNG) });
    expect(saved).toMatchObject({ ok: true, data: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const [row] = await logoRows(w.school.id);
    expect(row).toMatchObject({ contentType: 'image/png' });
    expect(Buffer.compare(row!.data, PNG)).toBe(0);
    const audit = (await audits(w.school.id, 'school.logo')).at(-1)!;
    expect(audit.after).toEqual({ contentType: 'image/png', bytes: PNG.length, sha256: row!.sha256 });
    expect(JSON.stringify(audit)).not.toContain(PNG.toString('base64'));

    // Email clients fetch it without a session.
    const res = await fetchLogo(w.school.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), PNG)).toBe(0);
    expect((await fetchLogo(w.sowa.id)).status).toBe(404);
    expect((await fetchLogo('../../etc/passwd')).status).toBe(404);
    expect((await getSchoolSettings(viewerOf(w.admin)))?.logo).toBe(`/api/schools/${w.school.id}/logo?v=${row!.sha256.slice(0, 16)}`);

    // A JPEG replaces it; the audit says what it replaced.
    expect(await uploadSchoolLogoAction({ dataUrl: dataUrl('image/jpeg', JPEG_START) })).toMatchObject({ ok: true });
    expect((await audits(w.school.id, 'school.logo')).at(-1)).toMatchObject({ before: { contentType: 'image/png', sha256: row!.sha256 }, after: { contentType: 'image/jpeg' } });

    expect(await removeSchoolLogoAction({})).toEqual({ ok: true, data: { removed: true } });
    expect(await logoRows(w.school.id)).toHaveLength(0);
    expect((await audits(w.school.id, 'school.logo_remove')).length).toBe(1);
    // Nothing left to remove: nothing audited.
    expect(await removeSchoolLogoAction({})).toEqual({ ok: true, data: { removed: false } });
    expect((await audits(w.school.id, 'school.logo_remove')).length).toBe(1);
    expect((await fetchLogo(w.school.id)).status).toBe(404);
  });

  it('refuses what is not a PNG or JPEG by its bytes, or is too large, and keeps what was there', async () => {
    actAs(viewerOf(w.admin));
    await uploadSchoolLogoAction({ dataUrl: dataUrl('image/png', PNG) });
    const refused: [string, string][] = [
      [dataUrl('image/png', GIF), 'settings.school.logoInvalid'],
      [dataUrl('image/png', JPEG_START), 'settings.school.logoInvalid'],
      [dataUrl('image/jpeg', PNG), 'settings.school.logoInvalid'],
      [`data:image/png;base64,${Buffer.concat([PNG, Buffer.alloc(256 * 1024)]).toString('base64')}`, 'settings.school.logoTooLarge'],
    ];
    for (const [url, message] of refused) {
      expect(await uploadSchoolLogoAction({ dataUrl: url })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { dataUrl: [message] } });
    }
    for (const url of [dataUrl('image/svg+xml', Buffer.from('<svg onload="alert(1)"/>')), 'data:image/png;base64,!!!', 'https://example.com/logo.png', 'x'.repeat(500_000)]) {
      expect(await uploadSchoolLogoAction({ dataUrl: url })).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    const [row] = await logoRows(w.school.id);
    expect(Buffer.compare(row!.data, PNG)).toBe(0);

    actAs(viewerOf(w.tutor.user!));
    expect(await uploadSchoolLogoAction({ dataUrl: dataUrl('image/png', PNG) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await removeSchoolLogoAction({})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await logoRows(w.school.id)).toHaveLength(1);
  });

  it('is printed on the invoice PDF', async () => {
    const doc = {
      number: 'FV/0001/11/2026',
      kind: 'invoice',
      language: 'pl',
      issueDate: '2026-11-25',
      saleDate: '2026-11-30',
      period: '2026-11',
      dueDate: '2026-12-09',
      place: 'Warszawa',
      seller: { name: 'Na Piątkę', addressLine: 'ul. Długa 5', postalCode: '00-001', city: 'Warszawa', nip: '5260250274', bankAccount: null, email: null, phone: null },
      buyer: { name: 'Anna Nowak', address: null, nip: null },
      lines: [{ description: 'Matematyka', date: '2026-11-04', quantityLabel: '60 min', unitNet: 10000, net: 10000 }],
      vat: { mode: 'exempt', basis: 'art. 43 ust. 1 pkt 26 lit. a' },
      totals: { net: 10000, vat: 0, gross: 10000 },
      paid: 0,
      due: 10000,
      transferTitle: 'FV/0001/11/2026',
    } as Parameters<typeof renderInvoicePdf>[0];
    const plain = await renderInvoicePdf(doc);
    const withLogo = await renderInvoicePdf(doc, { contentType: 'image/png', data: PNG });
    expect(plain.subarray(0, 5).toString()).toBe('%PDF-');
    // The picture is embedded as an image object.
    expect(withLogo.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(plain.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });
});
