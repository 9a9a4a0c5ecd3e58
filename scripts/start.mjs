// `npm start`: the production server as the Docker image runs it (`node server.js` inside the
// standalone folder, which makes that folder its working directory). The embedded database's
// folder is resolved against the project instead, so its data survives the next build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, '.next', 'standalone', 'server.js');
if (!fs.existsSync(server)) {
  console.error('No production build yet: run `npm run build` first.');
  process.exit(1);
}
const env = { ...process.env, NODE_ENV: 'production', PGLITE_DIR: path.resolve(root, process.env.PGLITE_DIR || '.data/pglite') };
const child = spawn(process.execPath, [server], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
