import type { User } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { DEFAULT_TIME_ZONE } from '@/lib/time';

/**
 * The viewer a signed-in `user` would be. The real session reads the school's zone with the
 * account; a test user carries it when the test read it (`{ ...user, timeZone: school.timeZone }`),
 * else the zone every school gets by default.
 */
export function viewerOf(user: Pick<User, 'id' | 'role' | 'schoolId' | 'name' | 'email' | 'locale'> & { timeZone?: string; schoolName?: string }): Viewer {
  return {
    userId: user.id,
    role: user.role,
    schoolId: user.schoolId,
    schoolName: user.schoolName ?? 'Szkoła testowa',
    name: user.name,
    email: user.email,
    locale: user.locale,
    timeZone: user.timeZone ?? DEFAULT_TIME_ZONE,
  };
}
