import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * React's `cache()` as the server renderer gives it, for tests that render pages: outside a
 * request the browser build of React that tests load calls the function every time, so a
 * loader the layout and the page both call (`getViewerSchool`) would be counted twice. Here
 * a call inside `inRequest` is remembered for that request, keyed like React's: each argument
 * by value if primitive, by identity if an object; a thrown error is remembered too.
 *
 * No `react` import here: a test replaces `react`'s `cache` with this one from a `vi.mock`
 * factory, which cannot load a module that imports `react` itself.
 */
type CacheNode = { primitives?: Map<unknown, CacheNode>; objects?: WeakMap<object, CacheNode>; result?: { value: unknown } | { error: unknown } };

const request = new AsyncLocalStorage<WeakMap<object, CacheNode>>();

/** Runs `fn` as one request: `requestCache`d functions called inside it share results. */
export function inRequest<T>(fn: () => Promise<T>): Promise<T> {
  return request.run(new WeakMap(), fn);
}

export function requestCache<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const store = request.getStore();
    if (!store) return fn(...args);
    let node = store.get(fn);
    if (!node) store.set(fn, (node = {}));
    for (const arg of args) node = child(node, arg);
    if (node.result) {
      if ('error' in node.result) throw node.result.error;
      return node.result.value as R;
    }
    try {
      const value = fn(...args);
      node.result = { value };
      return value;
    } catch (error) {
      node.result = { error };
      throw error;
    }
  };
}

function child(node: CacheNode, arg: unknown): CacheNode {
  if ((typeof arg === 'object' && arg !== null) || typeof arg === 'function') {
    node.objects ??= new WeakMap();
    let next = node.objects.get(arg);
    if (!next) node.objects.set(arg, (next = {}));
    return next;
  }
  node.primitives ??= new Map();
  let next = node.primitives.get(arg);
  if (!next) node.primitives.set(arg, (next = {}));
  return next;
}
