// Types of check-js-budget.mjs (a plain Node script, so CI runs it without a build step) for its test.
export type Budget = { route: string; budgetKb: number };
export type ChunkSize = { file: string; raw: number; gzip: number };
export type RouteRow = { route: string; chunks: number; raw: number; gzip: number; budgetKb: number; over: boolean; largest: ChunkSize[] };

export const BUDGETS: Budget[];
export class BudgetError extends Error {}
export function pageOfRoute(nextDir: string, route: string): string;
export function clientManifestOf(nextDir: string, page: string): { entryJSFiles: Record<string, string[]> };
export function firstLoadChunks(nextDir: string, page: string): string[];
export function measure(nextDir: string, chunks: string[]): ChunkSize[];
export function checkRoutes(nextDir: string, budgets?: Budget[]): RouteRow[];
