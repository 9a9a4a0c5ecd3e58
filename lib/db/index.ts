import 'server-only';
export { getDb, ensureDatabaseReady, installDatabase } from './connection';
export type { Database, Tx, Queryable } from '@/db/client';
