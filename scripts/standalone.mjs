// Completes `.next/standalone` after `next build` so it runs exactly as the Docker image runs it
// (`node .next/standalone/server.js`): Next leaves the static assets, public/ and our SQL
// migrations (read from the working directory at start) outside the standalone folder.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const standalone = path.join(root, '.next', 'standalone');
if (!fs.existsSync(path.join(standalone, 'server.js'))) {
  console.error('No standalone server in .next/standalone: run `npm run build` first.');
  process.exit(1);
}
for (const [from, to] of [
  ['.next/static', '.next/static'],
  ['public', 'public'],
  ['db/migrations', 'db/migrations'],
]) {
  const source = path.join(root, from);
  if (!fs.existsSync(source)) continue;
  const target = path.join(standalone, to);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true });
}
// Local data (the dev auth secret, embedded database) must never travel with the build.
fs.rmSync(path.join(standalone, '.data'), { recursive: true, force: true });
