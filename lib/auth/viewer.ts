import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { headers } from 'next/headers';
import type { Role } from '@/db/schema';
import { auth } from '@/lib/auth/auth';
import { FORWARDED_VIEWER_HEADER, readForwardedViewer, viewerOf } from '@/lib/auth/forwarded-viewer';
import { can, type Permission } from '@/lib/auth/permissions';
import { requestMetaFrom, type RequestMeta } from '@/lib/auth/request-meta';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';

/** The signed-in person, as every query and action sees them. */
export type Viewer = {
  userId: string;
  role: Role;
  schoolId: string;
  /** The school's name, for the page header; comes with the session like the time zone. */
  schoolName: string;
  name: string;
  email: string;
  locale: string;
  /** The school's IANA time zone, for "today", display and wall-clock times; comes with the session, no query. */
  timeZone: string;
};

/**
 * The viewer of this request, or null. Cached per request. The session is validated against
 * the database once per request: by the proxy, which hands the viewer on signed, or here
 * where the proxy did not run.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const forwarded = readForwardedViewer((await headers()).get(FORWARDED_VIEWER_HEADER), authSecret());
  if (forwarded) return forwarded;
  const session = await auth();
  if (!session?.user?.id) return null;
  return viewerOf(session.user);
});

/**
 * For pages: the viewer with `permission`, else off to /login (no session) or a 404
 * (wrong role — the page does not exist for them).
 */
export async function requirePage(permission: Permission, role?: Role): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  if (!can(viewer.role, permission) || (role && viewer.role !== role)) notFound();
  return viewer;
}

export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers(), env.TRUSTED_PROXY_HOPS);
}
