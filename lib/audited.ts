import 'server-only';
import { sqlState } from '@/db/client';
import { systemActor, writeAudit, type AuditActor, type AuditEntry, type SystemActor } from '@/lib/audit';
import { getDb, type Database, type Tx } from '@/lib/db';
import { log } from '@/lib/log';

/**
 * The one transaction shape of every change, from a page or from a job: `fn` runs in one
 * transaction with an `audit` writer bound to the actor (a person, or a job such as
 * `{ system: 'monthly-billing', schoolId }`), must write at least one audit row, and is retried
 * on serialization failures and deadlocks. What must happen only once the change is durable
 * (an email, an event to the job engine) goes to `afterCommit`: it runs after the commit, never
 * after a rollback, and a failure there is logged, never undoing or failing the change. So a
 * domain function needs no request (no `after()`), and runs the same from an action, the
 * command line or a scheduler.
 */
export type Audit = (entry: AuditEntry) => Promise<void>;
export type AfterCommit = (task: () => Promise<unknown>) => void;
export type Mutation<T> = (tx: Tx, audit: Audit, afterCommit: AfterCommit) => Promise<T>;

const RETRYABLE = new Set(['40001', '40P01']);

export async function runAudited<T>(actor: AuditActor | SystemActor, fn: Mutation<T>, db: Database = getDb()): Promise<T> {
  const who = 'system' in actor && !('userId' in actor) ? systemActor(actor) : (actor as AuditActor);
  for (let attempt = 1; ; attempt++) {
    const tasks: (() => Promise<unknown>)[] = [];
    try {
      const result = await db.transaction(async (tx) => {
        let audited = 0;
        const value = await fn(
          tx,
          async (entry) => {
            audited++;
            await writeAudit(tx, who, entry);
          },
          (task) => void tasks.push(task),
        );
        if (audited === 0) throw new Error('mutation finished without an audit entry');
        return value;
      });
      for (const task of tasks) {
        try {
          await task();
        } catch (err) {
          log.error('after-commit task failed', { error: err instanceof Error ? err.message : String(err), system: who.system ?? undefined });
        }
      }
      return result;
    } catch (err) {
      if (attempt < 3 && RETRYABLE.has(sqlState(err) ?? '')) continue;
      throw err;
    }
  }
}
