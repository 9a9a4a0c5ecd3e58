import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetError, checkRoutes, firstLoadChunks } from './check-js-budget.mjs';

let dir: string;

function write(file: string, content: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
}

/** A build output of one page, `/parent`, shaped as Next 16 writes it. */
function buildFixture(entryJSFiles: Record<string, string[]> | undefined = {
  '[project]/app/layout': ['static/chunks/root-layout.js'],
  '[project]/app/(app)/layout': ['static/chunks/root-layout.js', 'static/chunks/shell.js'],
  '[project]/app/(app)/parent/page': ['static/chunks/root-layout.js', 'static/chunks/shell.js', 'static/chunks/parent.js'],
}) {
  write('app-path-routes-manifest.json', JSON.stringify({ '/(app)/parent/page': '/parent', '/(app)/admin/page': '/admin' }));
  write('build-manifest.json', JSON.stringify({ polyfillFiles: ['static/chunks/polyfills.js'], rootMainFiles: ['static/chunks/framework.js'] }));
  const manifest = { moduleLoading: { prefix: '' }, clientModules: {}, entryCSSFiles: {}, entryJSFiles };
  write(
    'server/app/(app)/parent/page_client-reference-manifest.js',
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(app)/parent/page"] = ${JSON.stringify(manifest)};\n`,
  );
  for (const [name, size] of [['framework', 4000], ['polyfills', 9000], ['root-layout', 500], ['shell', 2000], ['parent', 300]] as const) {
    write(`static/chunks/${name}.js`, `/* ${name} */ ${'x'.repeat(size)}`);
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-budget-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('firstLoadChunks', () => {
  it('takes the framework chunks and every entry chunk of the page once, without the nomodule polyfills', () => {
    buildFixture();
    expect(firstLoadChunks(dir, '/(app)/parent/page').sort()).toEqual(['static/chunks/framework.js', 'static/chunks/parent.js', 'static/chunks/root-layout.js', 'static/chunks/shell.js']);
  });

  it('refuses a manifest that lists no entry chunks, rather than measuring the framework alone', () => {
    buildFixture({});
    expect(() => firstLoadChunks(dir, '/(app)/parent/page')).toThrow(BudgetError);
  });
});

describe('checkRoutes', () => {
  it('sums the gzipped chunks of the route and compares them with its budget', () => {
    buildFixture();
    const files = ['framework', 'root-layout', 'shell', 'parent'].map((name) => fs.readFileSync(path.join(dir, `static/chunks/${name}.js`)));
    const gzipped = files.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0);
    const [row] = checkRoutes(dir, [{ route: '/parent', budgetKb: 200 }]);
    expect(row).toMatchObject({ route: '/parent', chunks: 4, raw: files.reduce((sum, bytes) => sum + bytes.length, 0), gzip: gzipped, over: false });
    expect(checkRoutes(dir, [{ route: '/parent', budgetKb: (gzipped - 1) / 1000 }])[0].over).toBe(true);
  });

  it('fails when a route is not in the build, or its manifest or a chunk is missing', () => {
    buildFixture();
    expect(() => checkRoutes(dir, [{ route: '/student', budgetKb: 200 }])).toThrow(/\/student: no page/);
    expect(() => checkRoutes(dir, [{ route: '/admin', budgetKb: 200 }])).toThrow(/no client reference manifest/);
    fs.rmSync(path.join(dir, 'static/chunks/shell.js'));
    expect(() => checkRoutes(dir, [{ route: '/parent', budgetKb: 200 }])).toThrow(/shell\.js is named by the manifests but missing/);
  });
});
