import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditLog, schools } from '@/db/schema';
import { createSchool, createUser } from '@/db/seed/factories';
import { runAudited } from '@/lib/audited';
import { log } from '@/lib/log';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();

describe('runAudited', () => {
  it('writes a job’s audit row with the job’s name and no person', async () => {
    const school = await createSchool(t.db, { name: 'Sowa' });
    await runAudited({ system: 'monthly-billing', schoolId: school.id }, async (tx, audit) => {
      await tx.update(schools).set({ billingDay: 20 }).where(eq(schools.id, school.id));
      await audit({ action: 'school.settings', entityType: 'school', entityId: school.id, after: { billingDay: 20 } });
    });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, school.id));
    expect(row).toMatchObject({ actorSystem: 'monthly-billing', actorUserId: null, actorRole: null, schoolId: school.id, action: 'school.settings' });
  });

  it('writes a person’s row with their id and no job', async () => {
    const school = await createSchool(t.db);
    const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
    await runAudited({ userId: admin.id, role: 'admin', schoolId: school.id, ip: '203.0.113.9', userAgent: 'test' }, (_tx, audit) =>
      audit({ action: 'test.person', entityType: 'school', entityId: school.id }),
    );
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.person'));
    expect(row).toMatchObject({ actorUserId: admin.id, actorSystem: null, ip: '203.0.113.9' });
  });

  it('rolls back a change without an audit row, and runs after-commit tasks only after a commit', async () => {
    const school = await createSchool(t.db);
    const sent: string[] = [];
    await expect(
      runAudited({ system: 'test', schoolId: school.id }, async (tx, _audit, afterCommit) => {
        await tx.update(schools).set({ billingDay: 3 }).where(eq(schools.id, school.id));
        afterCommit(async () => void sent.push('never'));
      }),
    ).rejects.toThrow('without an audit entry');
    const [after] = await t.db.select().from(schools).where(eq(schools.id, school.id));
    expect(after.billingDay).toBe(25);
    expect(sent).toEqual([]);

    await expect(
      runAudited({ system: 'test', schoolId: school.id }, async (_tx, audit, afterCommit) => {
        await audit({ action: 'test.fail', entityType: 'school' });
        afterCommit(async () => void sent.push('never'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(sent).toEqual([]);

    let seenCommitted: number | undefined;
    await runAudited({ system: 'test', schoolId: school.id }, async (tx, audit, afterCommit) => {
      await tx.update(schools).set({ billingDay: 10 }).where(eq(schools.id, school.id));
      await audit({ action: 'test.ok', entityType: 'school', entityId: school.id });
      afterCommit(async () => {
        // Another connection sees the change: the task runs after the commit.
        seenCommitted = (await t.db.select().from(schools).where(eq(schools.id, school.id)))[0].billingDay;
        sent.push('email');
      });
    });
    expect(sent).toEqual(['email']);
    expect(seenCommitted).toBe(10);
  });

  it('logs a failing after-commit task without failing the committed change', async () => {
    const school = await createSchool(t.db);
    const spy = vi.spyOn(log, 'error').mockImplementation(() => {});
    const result = await runAudited({ system: 'test', schoolId: school.id }, async (_tx, audit, afterCommit) => {
      await audit({ action: 'test.after_fails', entityType: 'school', entityId: school.id });
      afterCommit(async () => {
        throw new Error('provider down');
      });
      return 'done';
    });
    expect(result).toBe('done');
    expect(spy).toHaveBeenCalledWith('after-commit task failed', expect.objectContaining({ error: 'provider down', system: 'test' }));
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.after_fails'))).toHaveLength(1);
    spy.mockRestore();
  });
});
