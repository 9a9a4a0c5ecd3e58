// The JavaScript budget of the pages people open on phones, read from the output of
// `npm run build`: for each route below, the script chunks a browser downloads for its first
// screen, summed gzipped, against the route's budget. Exits 1 when a route is over, and also
// when a route or a manifest cannot be found: a check that passes because the build output
// changed shape would be worse than none.
//
// What counts as the first screen's JavaScript (checked against Chromium, bench/RESULTS.md):
// - the framework's bootstrap chunks (`rootMainFiles` of .next/build-manifest.json);
// - every chunk the route's client reference manifest lists for its entries (`entryJSFiles`:
//   the root layout, each nested layout, the page, and their error and not-found boundaries).
//   The page's HTML carries a script tag for each of these but the not-found boundary's, so
//   the sum is an upper bound, a few kB above what the browser fetches.
// Not counted: the `nomodule` polyfills (modern browsers skip them) and chunks behind
// `next/dynamic` or `import()`, which load when something renders them, not with the page
// (Turbopack leaves react-loadable-manifest.json empty for app routes, so they are not listed). Sizes are gzip at zlib's default level, as the Next server
// compresses responses.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

/**
 * The phone pages and their budgets in kB (1 kB = 1000 bytes) of gzipped JavaScript. The goal
 * is 200 kB: the parent's and the student's homes are under it (189 kB) since the header's
 * menus, the phone drawer and the cancellation dialog load on first use. /tutor (281 kB) is
 * held where it is until the zod schemas its home brings to the browser (31 kB) go the same way.
 */
export const BUDGETS = [
  { route: '/parent', budgetKb: 200 },
  { route: '/student', budgetKb: 200 },
  { route: '/tutor', budgetKb: 285 },
];

/** A failure the build output explains: printed as a sentence, without a stack trace. */
export class BudgetError extends Error {}

function readJson(file) {
  if (!fs.existsSync(file)) throw new BudgetError(`${file} is missing: run \`npm run build\` first.`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The app directory's page for a URL, e.g. `/parent` → `/(app)/parent/page`. */
export function pageOfRoute(nextDir, route) {
  const routes = readJson(path.join(nextDir, 'app-path-routes-manifest.json'));
  const pages = Object.keys(routes).filter((page) => routes[page] === route && page.endsWith('/page'));
  if (pages.length !== 1) throw new BudgetError(`${route}: ${pages.length === 0 ? 'no page' : `${pages.length} pages`} for this route in app-path-routes-manifest.json.`);
  return pages[0];
}

/**
 * The client reference manifest of an app page: a script that assigns
 * `globalThis.__RSC_MANIFEST[page]`, run here in a sandbox of its own.
 */
export function clientManifestOf(nextDir, page) {
  const file = path.join(nextDir, 'server', 'app', `${page}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) throw new BudgetError(`${page}: no client reference manifest at ${path.relative(process.cwd(), file)}.`);
  const sandbox = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  const manifest = sandbox.__RSC_MANIFEST?.[page];
  if (!manifest?.entryJSFiles || Object.keys(manifest.entryJSFiles).length === 0) throw new BudgetError(`${page}: its client reference manifest lists no entry chunks (entryJSFiles).`);
  return manifest;
}

/** The chunks of a page's first load, as paths under `.next/` (`static/chunks/…js`), each once. */
export function firstLoadChunks(nextDir, page) {
  const { rootMainFiles } = readJson(path.join(nextDir, 'build-manifest.json'));
  if (!Array.isArray(rootMainFiles) || rootMainFiles.length === 0) throw new BudgetError('build-manifest.json lists no rootMainFiles (the framework chunks).');
  const { entryJSFiles } = clientManifestOf(nextDir, page);
  const chunks = new Set([...rootMainFiles, ...Object.values(entryJSFiles).flat()].map((file) => file.replace(/^\/?(_next\/)?/, '')));
  return [...chunks].filter((file) => file.endsWith('.js'));
}

/** Raw and gzipped bytes of each chunk; a chunk a manifest names but the build lacks is an error. */
export function measure(nextDir, chunks) {
  return chunks.map((file) => {
    const full = path.join(nextDir, file);
    if (!fs.existsSync(full)) throw new BudgetError(`${file} is named by the manifests but missing from the build.`);
    const bytes = fs.readFileSync(full);
    return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
}

/** One row per route; `over` when its gzipped JavaScript exceeds the budget. */
export function checkRoutes(nextDir, budgets = BUDGETS) {
  return budgets.map(({ route, budgetKb }) => {
    const sizes = measure(nextDir, firstLoadChunks(nextDir, pageOfRoute(nextDir, route)));
    const raw = sizes.reduce((sum, s) => sum + s.raw, 0);
    const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
    return { route, chunks: sizes.length, raw, gzip, budgetKb, over: gzip > budgetKb * 1000, largest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 5) };
  });
}

const kb = (bytes) => (bytes / 1000).toFixed(1);

function printTable(rows) {
  const table = [['route', 'chunks', 'raw kB', 'gzipped kB', 'budget kB', ''], ...rows.map((r) => [r.route, String(r.chunks), kb(r.raw), kb(r.gzip), String(r.budgetKb), r.over ? 'OVER' : 'ok'])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd());
}

function main() {
  const nextDir = path.resolve(process.argv[2] ?? '.next');
  let rows;
  try {
    rows = checkRoutes(nextDir);
  } catch (error) {
    if (!(error instanceof BudgetError)) throw error;
    console.error(`JavaScript budget: cannot measure. ${error.message}`);
    process.exit(1);
  }
  printTable(rows);
  const over = rows.filter((r) => r.over);
  if (over.length === 0) return;
  for (const r of over) {
    console.error(`\n${r.route} ships ${kb(r.gzip)} kB of gzipped JavaScript on its first screen, over its budget of ${r.budgetKb} kB. Largest chunks:`);
    for (const s of r.largest) console.error(`  ${s.file}  ${kb(s.gzip)} kB`);
  }
  console.error('\nMove what the first screen does not need behind next/dynamic, or keep it on the server.');
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
