import type { Role } from '@/db/schema';
import paths from './client-messages.json';

/**
 * The catalog parts an area's client components read (`client-messages.json`, written by
 * `npm run i18n:client` from the source, see client-scan.ts): what a page hands to
 * NextIntlClientProvider instead of the whole catalog.
 */
export function clientMessages(messages: Record<string, unknown>, areas: readonly (Role | 'public')[]): Record<string, unknown> {
  return pickMessages(messages, areas.flatMap((area) => paths[area]));
}

/** The part of `messages` under the given paths (a path that is not in the catalog is skipped). */
export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const keys = p.split('.');
    let from: unknown = messages;
    for (const k of keys) from = from && typeof from === 'object' ? (from as Record<string, unknown>)[k] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Record<string, unknown>;
    to[keys.at(-1)!] = from;
  }
  return out;
}
