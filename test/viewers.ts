import type { User } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';

/** The viewer a signed-in `user` would be. */
export function viewerOf(user: Pick<User, 'id' | 'role' | 'schoolId' | 'name' | 'email' | 'locale'>): Viewer {
  return { userId: user.id, role: user.role, schoolId: user.schoolId, name: user.name, email: user.email, locale: user.locale };
}
