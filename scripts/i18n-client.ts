/**
 * Writes lib/i18n/client-messages.json: for the public pages and each role's area, the catalog
 * paths its browser code can read (lib/i18n/client-scan.ts). Run after adding a client
 * component that translates, or when the test `client-messages.test.ts` says so:
 *
 *   npm run i18n:client
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalogNamespaces, clientMessagePaths, type Area } from '@/lib/i18n/client-scan';

const root = path.resolve(import.meta.dirname, '..');
const areas: Area[] = ['public', 'admin', 'tutor', 'student', 'parent'];
const namespaces = catalogNamespaces(root);
const result = Object.fromEntries(areas.map((area) => [area, clientMessagePaths(root, area, namespaces)]));
fs.writeFileSync(path.join(root, 'lib/i18n/client-messages.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(Object.entries(result).map(([area, list]) => `${area}: ${list.length} paths`).join(', '));
