import fs from 'node:fs';
import path from 'node:path';
import type * as NextIntl from 'next-intl';
import * as React from 'react';
import { DEFAULT_TIME_ZONE } from '@/lib/time';
import { inRequest } from './request-cache';

/**
 * Runs a React Server Component tree the way Next runs it for one request, for its data only
 * (no HTML): every server component is called and, if async, awaited; what it returns is
 * walked in turn. Used to count the database queries a page costs, nested components included.
 *
 * - A function component is called with its props. Calling a React hook means it is a client
 *   component, which the server does not run: its props are walked instead (children and any
 *   prop holding elements: server components rendered on the server and handed to it). A
 *   client component without React hooks is run like a server one: harmless, it renders the
 *   same on the server for its HTML.
 * - Host elements (`div`), fragments, Suspense, context and other React objects are not
 *   components the server runs: their props are walked.
 * - A promise in the tree or in a prop (handed to a client component) is awaited and walked.
 * - The whole render is one request for `react`'s `cache()` when the test swaps it for
 *   `requestCache` (test/request-cache.ts), as a page test should.
 */
export type ServerRender = {
  /** The names of the async server components that ran, in the order they started. */
  asyncComponents: string[];
};

/** Renders `node` (a page, or a layout wrapping a page) as one request. */
export function renderServerTree(node: React.ReactNode): Promise<ServerRender> {
  const render: ServerRender = { asyncComponents: [] };
  return inRequest(() => withHooksRefused(() => walk(node, render, 0))).then(() => render);
}

type PageProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A page's element with its props as Next passes them: `params` and `searchParams` are promises. */
export function pageElement(Page: (props: PageProps) => unknown, { params = {}, searchParams = {} }: { params?: Record<string, string>; searchParams?: Record<string, string | string[]> } = {}) {
  return React.createElement(Page as React.FC<PageProps>, { params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
}

class HookCalled extends Error {
  constructor() {
    super('a hook was called: a client component');
  }
}

/** Hook calls so far: a library may catch `HookCalled` and throw its own error, which this still tells apart. */
let hookCalls = 0;

const internals = (React as unknown as { __CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE: { H: unknown } })
  .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;

/**
 * While rendering, React's hook dispatcher answers every hook with `HookCalled`, so a client
 * component is told from a server one by what it does, and any other error still fails the test.
 */
async function withHooksRefused<T>(fn: () => Promise<T>): Promise<T> {
  const previous = internals.H;
  internals.H = new Proxy(
    {},
    {
      get: () => () => {
        hookCalls++;
        throw new HookCalled();
      },
    },
  );
  try {
    return await fn();
  } finally {
    internals.H = previous;
  }
}

const MEMO = Symbol.for('react.memo');
/** Plain objects and arrays in props are searched for elements this deep (rows of a table, items of a menu). */
const PROP_DEPTH = 4;

async function walk(node: unknown, render: ServerRender, depth: number): Promise<void> {
  if (node === null || typeof node !== 'object') return; // strings, numbers, booleans, functions: nothing to run
  if (isThenable(node)) return walk(await node, render, depth);
  if (Array.isArray(node)) {
    await Promise.all(node.map((n) => walk(n, render, depth)));
    return;
  }
  if (React.isValidElement(node)) return walkElement(node, render);
  if (depth < PROP_DEPTH && isPlainObject(node)) await Promise.all(Object.values(node).map((v) => walk(v, render, depth + 1)));
}

async function walkElement(element: React.ReactElement, render: ServerRender): Promise<void> {
  const props = element.props as Record<string, unknown>;
  let type = element.type as unknown;
  if (typeof type === 'object' && type !== null && (type as { $$typeof?: symbol }).$$typeof === MEMO) type = (type as { type: unknown }).type;
  const isFunctionComponent = typeof type === 'function' && !(type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent;
  if (!isFunctionComponent) return walk(props, render, 0);
  const component = type as (props: unknown) => unknown;
  let result: unknown;
  const hooksBefore = hookCalls;
  try {
    result = component(props);
  } catch (err) {
    // A function component runs synchronously up to its first hook: a hook call in between is this component's.
    if (hookCalls > hooksBefore) return walk(props, render, 0);
    throw err;
  }
  if (isThenable(result)) {
    render.asyncComponents.push(component.name || 'anonymous');
    result = await result;
  }
  return walk(result, render, 0);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isPlainObject(value: object) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type IntlCore = Pick<typeof NextIntl, 'createTranslator' | 'createFormatter'>;

/**
 * next-intl outside a Next request, with the real catalogs (Polish, the default, in the
 * default zone) so pages translate and format as they do for a visitor: `server` stands in
 * for `next-intl/server`, `hooks` for next-intl's hooks, which server components may call
 * too (then they run in full; a client component still stops at its first React hook).
 * Takes the real `next-intl` so that a test can mock that module with it.
 */
export function intlFor({ createTranslator, createFormatter }: IntlCore, locale: 'pl' | 'en' = 'pl') {
  const messages = loadCatalogs(locale);
  const timeZone = DEFAULT_TIME_ZONE;
  const translator = (options?: string | { namespace?: string }) =>
    createTranslator({ locale, messages, timeZone, namespace: typeof options === 'string' ? options : options?.namespace } as Parameters<typeof createTranslator>[0]);
  const formatter = () => createFormatter({ locale, timeZone });
  return {
    server: {
      getLocale: async () => locale,
      getMessages: async () => messages,
      getTimeZone: async () => timeZone,
      getNow: async () => new Date(),
      getFormatter: async () => formatter(),
      getTranslations: async (options?: string | { namespace?: string }) => translator(options),
    },
    hooks: {
      useLocale: () => locale,
      useMessages: () => messages,
      useTimeZone: () => timeZone,
      useNow: () => new Date(),
      useFormatter: formatter,
      useTranslations: translator,
    },
  };
}

/** As i18n/request.ts merges them: `<locale>.json` at the root, each `<locale>.<ns>.json` under its namespace. */
function loadCatalogs(locale: string): Record<string, unknown> {
  const dir = path.join(import.meta.dirname, '..', 'messages');
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const messages = read(`${locale}.json`);
  for (const file of fs.readdirSync(dir)) {
    const match = new RegExp(`^${locale}\\.([a-z-]+)\\.json$`).exec(file);
    if (match) messages[match[1]] = read(file);
  }
  return messages;
}
