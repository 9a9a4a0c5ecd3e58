import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { can, type Permission } from '@/lib/auth/permissions';

/**
 * Stands in for lib/auth/viewer.ts in integration tests: the session is whatever `actAs`
 * set; everything below it (queries, actions, the database) is real.
 */
let current: Viewer | null = null;
export const testMeta: RequestMeta = { ip: '203.0.113.7', userAgent: 'vitest' };

export function actAs(viewer: Viewer | null) {
  current = viewer;
}

export async function getViewer() {
  return current;
}

/** As the real one: no session → /login; without the permission, or not the page's role → 404. */
export async function requirePage(permission: Permission, role?: Role): Promise<Viewer> {
  if (!current) redirect('/login');
  if (!can(current.role, permission) || (role && current.role !== role)) notFound();
  return current;
}

export async function currentRequestMeta() {
  return testMeta;
}
