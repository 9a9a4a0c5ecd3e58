import { describe, expect, it, vi } from 'vitest';
import { roles, permissions, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/db/schema';
import type * as RealViewer from '@/lib/auth/viewer';
import { actAs, requirePage } from '@/test/mocks/viewer';

// The real lib/auth/viewer.ts, with only the Auth.js session underneath it faked: the
// session is whoever the test double says is signed in, so both answer the same question.
const session = vi.hoisted(() => ({ user: null as null | Record<string, unknown> }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => (session.user ? { user: session.user } : null) }));
// No proxy ran: no signed viewer arrives in the request headers, so the real one asks the session.
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

const viewer = (role: Role) => ({ userId: `user-${role}`, role, schoolId: 'school-1', schoolName: 'Szkoła', name: `A ${role}`, email: `${role}@example.test`, locale: 'pl', timeZone: 'Europe/Warsaw' });

/** What a page guard did: let the viewer in, answered 404, or sent them to a URL. */
async function outcome(guard: () => Promise<unknown>): Promise<string> {
  try {
    await guard();
    return 'allowed';
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? err);
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return 'not found';
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    throw err;
  }
}

describe('the requirePage test double', () => {
  it('answers 404 to a viewer of another role, even one with the permission', async () => {
    actAs(viewer('admin'));
    expect(await outcome(() => requirePage('students.read', 'admin'))).toBe('allowed');
    expect(await outcome(() => requirePage('students.read', 'tutor'))).toBe('not found');
    expect(await outcome(() => requirePage('users.list'))).toBe('allowed');
    actAs(viewer('parent'));
    expect(await outcome(() => requirePage('users.list'))).toBe('not found');
  });

  it('decides like the real requirePage for every role, permission and page role', async () => {
    const real = await vi.importActual<typeof RealViewer>('@/lib/auth/viewer');
    const cases: { who: Role | null; permission: Permission; role?: Role }[] = [];
    for (const who of [null, ...roles]) {
      for (const permission of Object.keys(permissions) as Permission[]) {
        for (const role of [undefined, ...roles]) cases.push({ who, permission, role });
      }
    }
    const differences: string[] = [];
    const seen = new Set<string>();
    for (const { who, permission, role } of cases) {
      actAs(who ? viewer(who) : null);
      session.user = who ? { id: `user-${who}`, ...viewer(who) } : null;
      const mine = await outcome(() => requirePage(permission, role));
      const theirs = await outcome(() => real.requirePage(permission, role));
      seen.add(theirs);
      if (mine !== theirs) differences.push(`${who ?? 'nobody'} ${permission} ${role ?? '-'}: double ${mine}, real ${theirs}`);
    }
    expect(differences).toEqual([]);
    // The comparison covered every kind of answer.
    expect([...seen].sort()).toEqual(['allowed', 'not found', 'redirect /login']);
  });
});
