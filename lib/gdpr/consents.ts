import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { CONSENT_KINDS, personConsents, users, type ConsentKind, type ConsentSource } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { isUuid } from '@/lib/students/queries';

export type ConsentEntry = { id: string; kind: ConsentKind; granted: boolean; givenOn: string; source: ConsentSource; note: string | null; recordedAt: Date; recordedBy: string | null };
export type ConsentState = { kind: ConsentKind; current: ConsentEntry | null; history: ConsentEntry[] };

/**
 * A student's or parent's consents in the viewer's school: per kind the newest entry (the
 * current state; none recorded yet is "not given") and every earlier one, newest first.
 * Admins only; undefined for a malformed id or anyone else.
 */
export async function listConsents(viewer: Viewer, personKind: 'student' | 'parent', personId: string): Promise<ConsentState[] | undefined> {
  if (!can(viewer.role, 'gdpr.manage') || !isUuid(personId)) return undefined;
  const rows = await getDb()
    .select({
      id: personConsents.id,
      kind: personConsents.kind,
      granted: personConsents.granted,
      givenOn: personConsents.givenOn,
      source: personConsents.source,
      note: personConsents.note,
      recordedAt: personConsents.createdAt,
      recordedBy: users.name,
    })
    .from(personConsents)
    .leftJoin(users, eq(users.id, personConsents.recordedBy))
    .where(and(eq(personConsents.schoolId, viewer.schoolId), personKind === 'student' ? eq(personConsents.studentId, personId) : eq(personConsents.parentId, personId)))
    .orderBy(desc(personConsents.createdAt), desc(personConsents.givenOn));
  return CONSENT_KINDS.map((kind) => {
    const history = rows.filter((r) => r.kind === kind);
    return { kind, current: history[0] ?? null, history };
  });
}
