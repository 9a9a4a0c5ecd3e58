import { ensurePgliteTemplate, ensurePostgresTemplate } from './template';

/** Once per test run: the migrated template every integration test file copies. */
export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) await ensurePostgresTemplate(serverUrl);
  else await ensurePgliteTemplate();
}
