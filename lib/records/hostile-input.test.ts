import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as accounts from '@/lib/accounts/schema';
import * as auth from '@/lib/auth/schema';
import * as catalog from '@/lib/catalog/schema';
import * as families from '@/lib/families/schema';
import { zodErrorMap } from '@/lib/i18n/zod';
import * as parents from '@/lib/parents/schema';
import * as students from '@/lib/students/schema';
import * as tutors from '@/lib/tutors/schema';
import { isMessageKey } from '@/lib/records/fields';
import { hostileString, uncleanReason } from '@/test/hostile';

/**
 * Every input schema a server action parses, fed hostile text (controls, NUL, bidi overrides,
 * invisible-only names, lone surrogates, very long strings, SQL- and HTML-looking text, emoji,
 * combining marks): each answer is either a clean refusal (messages a person can read, no
 * throw) or a clean value (nothing a list, a CSV export or PostgreSQL would choke on).
 */

const modules = { accounts, auth, catalog, families, parents, students, tutors };
type Schema = z.ZodType;
const isSchema = (v: unknown): v is Schema => typeof (v as Schema | undefined)?.safeParse === 'function';

// Every exported input schema: `*Schema` and the `*Fields` objects actions parse directly.
const schemas = Object.entries(modules).flatMap(([mod, exports]) =>
  Object.entries(exports)
    .filter(([name, v]) => /(Schema|Fields)$/.test(name) && isSchema(v))
    .map(([name, v]) => ({ id: `${mod}.${name}`, name, schema: v as Schema })),
);

const id = '0b6c7f5e-3d1a-4c8e-9f0a-2b3c4d5e6f70';
const id2 = '1c7d8a6f-4e2b-4d9f-8a1b-3c4d5e6f7a81';
const person = { firstName: 'Anna', lastName: 'Kowalska' };
const student = { ...person, birthDate: '2012-03-04', schoolName: 'SP 12', className: '5b', level: 'primary', email: 'anna@example.pl', phone: '601 234 567', notes: 'Lubi\nmatematykę', subjects: [{ subjectId: id, tutorId: id2 }] };
const parent = { ...person, email: 'rodzic@example.pl', phone: '+48 601 234 567', preferredLanguage: 'pl', billingType: 'company', billingName: 'Anna K.', billingAddress: 'ul. Polna 1', companyName: 'Firma', companyNip: '526-025-02-74', companyAddress: 'ul. Długa 2\nWarszawa' };
const tutor = { ...person, email: 'tutor@example.pl', phone: '601234567', color: '#2563eb', bio: 'Fizyka\ni chemia', status: 'active', teaches: [{ subjectId: id, levels: ['primary'] }] };

/** A valid input per schema, so each hostile string is tried where it would otherwise pass. */
const samples: Record<string, unknown> = {
  inviteSchema: { role: 'student', ...person, email: 'a@b.pl', locale: 'pl', level: 'primary' },
  userIdSchema: { userId: id },
  familyLinkSchema: { parentId: id, studentId: id2, access: 'full', isPayer: true },
  unlinkSchema: { parentId: id, studentId: id2 },
  inviteProfileSchema: { kind: 'tutor', profileId: id },
  changeEmailSchema: { userId: id, email: 'nowy@example.pl' },
  loginSchema: { email: 'a@b.pl', password: 'hasło-hasło', callbackUrl: '/admin' },
  magicLinkSchema: { email: 'a@b.pl', callbackUrl: '/parent' },
  accountLinkSchema: { token: 'x'.repeat(40), password: 'bardzo-tajne-hasło' },
  subjectFields: { name: 'Matematyka', levels: ['primary'], defaultDurationMin: 60, color: '#2563eb' },
  updateSubjectSchema: { name: 'Matematyka', levels: ['primary'], defaultDurationMin: 60, color: '#2563eb', subjectId: id },
  subjectIdSchema: { subjectId: id },
  roomFields: { name: 'Sala 1', capacity: 4 },
  updateRoomSchema: { name: 'Sala 1', capacity: 4, roomId: id },
  roomIdSchema: { roomId: id },
  familySchema: { parent, children: [student], invite: true },
  parentFields: parent,
  updateParentSchema: { ...parent, parentId: id },
  parentIdSchema: { parentId: id },
  enrolmentSchema: { subjectId: id, tutorId: id2 },
  studentFields: student,
  updateStudentSchema: { ...student, studentId: id, isSelfPayer: false },
  addAdultSchema: { ...student, level: 'adult', invite: true },
  studentStatusSchema: { studentId: id, status: 'paused' },
  studentIdSchema: { studentId: id },
  updateContactSchema: { studentId: id, phone: '601 234 567', email: 'a@b.pl' },
  teachSchema: { subjectId: id, levels: ['primary'] },
  tutorSchema: tutor,
  createTutorSchema: tutor,
  updateTutorSchema: { ...tutor, tutorId: id },
  tutorStatusSchema: { tutorId: id, status: 'on_leave' },
  tutorIdSchema: { tutorId: id },
};

/** Secrets and links are never shown or stored as typed text; every other string is checked. */
const NOT_STORED_TEXT = new Set(['password', 'token', 'callbackUrl']);
const MULTILINE = new Set(['notes', 'bio', 'billingAddress', 'companyAddress']);
const NAME_MAX: Record<string, number> = { firstName: 80, lastName: 80, name: 60 };

type Leaf = { path: (string | number)[]; value: string };
function stringLeaves(v: unknown, at: (string | number)[] = []): Leaf[] {
  if (typeof v === 'string') return [{ path: at, value: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, [...at, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, [...at, k]));
  return [];
}
function setAt(obj: unknown, p: (string | number)[], value: unknown): unknown {
  if (p.length === 0) return value;
  const copy = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string | number, unknown>;
  copy[p[0]] = setAt(copy[p[0]], p.slice(1), value);
  return copy;
}

// Catalog keys must name a real message, or the person would see "records.somethingTypo".
const dir = path.join(import.meta.dirname, '../../messages');
const catalog_ = JSON.parse(fs.readFileSync(path.join(dir, 'pl.json'), 'utf8')) as Record<string, unknown>;
for (const f of fs.readdirSync(dir).filter((f) => /^pl\.[a-z]+\.json$/.test(f))) catalog_[f.slice(3, -5)] = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const messageExists = (key: string) => typeof key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog_) === 'string';

function assertCleanAnswer(schema: Schema, input: unknown, locale: 'pl' | 'en') {
  const result = schema.safeParse(input, { error: zodErrorMap(locale) }); // must not throw
  if (!result.success) {
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      expect(typeof issue.message).toBe('string');
      expect(issue.message.trim()).not.toBe('');
      if (isMessageKey(issue.message)) expect(messageExists(issue.message), issue.message).toBe(true);
      else expect(issue.message).not.toMatch(/expected|received|>=|<=|Invalid input|oczekiwano|dane wejściowe/i);
    }
    return;
  }
  for (const leaf of stringLeaves(result.data)) {
    const field = String(leaf.path.filter((p) => typeof p === 'string').at(-1));
    if (NOT_STORED_TEXT.has(field)) continue;
    const reason = uncleanReason(leaf.value, { multiline: MULTILINE.has(field), max: NAME_MAX[field] ?? 2000 });
    expect(reason, `${leaf.path.join('.')} = ${JSON.stringify(leaf.value.slice(0, 80))}`).toBeNull();
    if (field in NAME_MAX) expect(leaf.value.length, leaf.path.join('.')).toBeGreaterThan(0);
  }
}

describe('every action input schema answers hostile input cleanly', () => {
  it('finds the schemas and has a valid sample for each (a new schema needs one here)', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(30);
    for (const { id: name, schema } of schemas) {
      const sample = samples[name.split('.')[1]];
      if (sample === undefined) continue; // checked below with random shapes only
      const r = schema.safeParse(sample);
      expect(r.success, `${name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  for (const { id: name, name: exportName, schema } of schemas) {
    const sample = samples[exportName];
    const leaves = sample === undefined ? [] : stringLeaves(sample);

    it(`${name}: hostile text in its fields → clean refusal or clean value`, () => {
      if (!leaves.length) return;
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: leaves.length - 1 }), hostileString), { minLength: 1, maxLength: 4 }),
          fc.constantFrom('pl' as const, 'en' as const),
          (replacements, locale) => {
            let input = sample;
            for (const [i, text] of replacements) input = setAt(input, leaves[i].path, text);
            assertCleanAnswer(schema, input, locale);
          },
        ),
        { numRuns: 80 },
      );
    });

    it(`${name}: any shape at all → an answer, never a throw`, () => {
      fc.assert(
        fc.property(fc.anything({ maxDepth: 3 }), (input) => assertCleanAnswer(schema, input, 'pl')),
        { numRuns: 50 },
      );
    });
  }
});

describe('known hostile inputs from the tester', () => {
  const room = catalog.roomFields;
  const parse = (v: unknown) => room.safeParse(v, { error: zodErrorMap('pl') });
  it.each([
    ['NUL', 'Sala\u00001'],
    ['bell', 'Sala\u0007'],
    ['line break', 'Sala\n1'],
    ['bidi override', 'Sala \u202e1'],
  ])('a room name with a %s is refused on the name field', (_what, name) => {
    const r = parse({ name, capacity: 3 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['name', 'records.invalidCharacters']]);
  });
  it('a name of zero-width spaces is refused as empty', () => {
    expect(parse({ name: '\u200b\u200b', capacity: 3 }).error!.issues[0].message).toBe('catalog.nameRequired');
    expect(accounts.inviteSchema.safeParse({ role: 'tutor', firstName: '\u200b', lastName: 'X', email: 'a@b.pl' }, { error: zodErrorMap('pl') }).error!.issues[0].message).toBe('To pole jest wymagane.');
  });
});
