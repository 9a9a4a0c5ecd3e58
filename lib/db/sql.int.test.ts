import { asc, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { students } from '@/db/schema';
import { createSchool, createStudent } from '@/db/seed/factories';
import { freshTestDatabase } from '@/test/database';
import { polishOrder } from './sql';

const t = freshTestDatabase();

// A Polish reader's order: every letter with a diacritic follows its base letter as a letter of
// its own; case and foreign accents (É) do not matter.
const polish = ['Adamczyk', 'Ącki', 'Bąk', 'Cyran', 'Ćwik', 'Émile', 'Lis', 'Lucyna', 'Lżewski', 'Łukasz', 'łysy', 'Nowak', 'Ńa', 'Olek', 'Ósmy', 'Sowa', 'Szulc', 'Śliwa', 'Zych', 'Źrebiec', 'Żak', 'żółw'];
// Inserted out of order (every third name first), so insertion order cannot pass the test.
const scrambled = [0, 1, 2].flatMap((offset) => polish.filter((_, i) => i % 3 === offset)).reverse();

describe('polishOrder', () => {
  it('sorts names as a Polish reader expects, on this engine', async () => {
    const school = await createSchool(t.db);
    // Insert in a scrambled order so that insertion order cannot pass the test.
    for (const lastName of scrambled) await createStudent(t.db, { schoolId: school.id, lastName });
    const rows = await t.db
      .select({ lastName: students.lastName })
      .from(students)
      .where(eq(students.schoolId, school.id))
      .orderBy(...polishOrder(students.lastName).map((c) => asc(c)));
    expect(rows.map((r) => r.lastName)).toEqual(polish);

    const reversed = await t.db
      .select({ lastName: students.lastName })
      .from(students)
      .where(eq(students.schoolId, school.id))
      .orderBy(...polishOrder(students.lastName).map((c) => desc(c)));
    expect(reversed.map((r) => r.lastName)).toEqual([...polish].reverse());
  });
});
