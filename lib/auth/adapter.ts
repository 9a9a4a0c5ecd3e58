import 'server-only';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { and, eq, sql } from 'drizzle-orm';
import { users, verificationTokens, type User } from '@/db/schema';
import { getDb } from '@/lib/db';

const toAdapterUser = (u: Pick<User, 'id' | 'email' | 'name' | 'emailVerified'>): AdapterUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: u.emailVerified,
});

/**
 * The few adapter methods Auth.js needs for magic links with JWT sessions. Accounts are
 * created by the school (invitations), never by signing in: `createUser` refuses.
 */
export const authAdapter: Adapter = {
  async createVerificationToken(token) {
    await getDb().insert(verificationTokens).values(token);
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    // Delete-returning makes the token single use even under concurrent clicks.
    const [row] = await getDb()
      .delete(verificationTokens)
      .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
      .returning();
    return row ?? null;
  },
  async getUserByEmail(email) {
    const [row] = await getDb().select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    return row ? toAdapterUser(row) : null;
  },
  async getUser(id) {
    const [row] = await getDb().select().from(users).where(eq(users.id, id));
    return row ? toAdapterUser(row) : null;
  },
  async updateUser({ id, emailVerified }) {
    const [row] = await getDb()
      .update(users)
      .set(emailVerified ? { emailVerified, updatedAt: new Date() } : { updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return toAdapterUser(row);
  },
  async createUser() {
    throw new Error('Accounts are created by invitation, not by signing in.');
  },
};
