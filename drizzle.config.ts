import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database; `npm run db:migrate` applies them with our own runner.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
