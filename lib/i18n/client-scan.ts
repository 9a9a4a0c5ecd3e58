import fs from 'node:fs';
import path from 'node:path';

/**
 * Which parts of the message catalog each area's client components can read, found by reading
 * the source: every page sends its client components the catalog parts they need and no more
 * (the whole catalog is ~130 kB and used to travel with every page, twice: in the RSC payload
 * and the HTML). `npm run i18n:client` writes the result to `client-messages.json`;
 * `client-messages.test.ts` fails while that file is out of date.
 *
 * From each area's entry files it follows imports (`@/…` and relative ones) to every module
 * that can run in the browser: a `'use client'` module, or one imported by such a module. In
 * those it collects the namespaces given to `useTranslations('…')`, and every string literal
 * shaped like a catalog key (`'messaging.errors.empty'`): keys translated by `useTranslations()`
 * with no namespace, and keys that arrive as data (zod messages from a shared schema, field
 * errors from the action a form posts to) both appear as such literals in a module the form
 * imports. Paths are kept at the depth they were written and merged (`invoices` covers
 * `invoices.parent`).
 */

export type Area = 'public' | 'admin' | 'tutor' | 'student' | 'parent';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The files each area starts from: its pages and layouts, and the root layout above them all. */
function entries(root: string, area: Area): string[] {
  const app = path.join(root, 'app');
  const own = area === 'public' ? [path.join(app, '(auth)')] : [path.join(app, '(app)', area)];
  const top = fs.readdirSync(app).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(app, f));
  const shared = area === 'public' ? [] : fs.readdirSync(path.join(app, '(app)')).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(app, '(app)', f));
  return [...top, ...shared, ...own.flatMap((dir) => walk(dir))];
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full) : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

function resolve(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  if (/\.tsx?$/.test(base) && fs.existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null; // JSON, CSS and the like carry no translations
}

const IMPORTS = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const NAMESPACE = /useTranslations\(\s*['"]([\w.]+)['"]\s*\)/g;
const KEY_LITERAL = /['"`]([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)['"`]/g;
const isClient = (source: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(source);

/** The catalog paths the area's browser code can ask for, given the catalog's top-level namespaces. */
export function clientMessagePaths(root: string, area: Area, namespaces: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visited = new Map<string, boolean>(); // file → reached as browser code
  const queue: [string, boolean][] = entries(root, area).map((f) => [f, false]);
  while (queue.length) {
    const [file, inherited] = queue.pop()!;
    const source = fs.readFileSync(file, 'utf8');
    const client = inherited || isClient(source);
    if (visited.has(file) && (visited.get(file) || !client)) continue;
    visited.set(file, client);
    if (client) {
      for (const [, ns] of source.matchAll(NAMESPACE)) found.add(ns);
      for (const [, key] of source.matchAll(KEY_LITERAL)) if (namespaces.has(key.split('.')[0])) found.add(key);
    }
    for (const m of source.matchAll(IMPORTS)) {
      const target = resolve(root, file, m[1] ?? m[2] ?? m[3]);
      if (target) queue.push([target, client]);
    }
  }
  return merge([...found]);
}

/** Drops every path another one already covers, sorted. */
function merge(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}.`)));
}

/** The catalog's top-level namespaces: the shared file's keys and one per feature file. */
export function catalogNamespaces(root: string): Set<string> {
  const dir = path.join(root, 'messages');
  const shared = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'pl.json'), 'utf8')));
  const features = fs.readdirSync(dir).flatMap((f) => /^pl\.(\w+)\.json$/.exec(f)?.[1] ?? []);
  return new Set([...shared, ...features]);
}
