import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * AUTH_SECRET signs session cookies. Production must set it (and share it between
 * replicas). On a laptop, a random secret is created once under .data/ so `npm run dev`
 * works with no configuration and no secret ever lands in the repository.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment.');
  }
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
