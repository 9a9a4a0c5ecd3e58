import path from 'node:path';
import { describe, expect, it } from 'vitest';
import committed from './client-messages.json';
import { pickMessages } from './client-messages';
import { catalogNamespaces, clientMessagePaths, type Area } from './client-scan';

const root = path.resolve(import.meta.dirname, '../..');
const namespaces = catalogNamespaces(root);
const areas: Area[] = ['public', 'admin', 'tutor', 'student', 'parent'];

describe('the catalog parts sent to the browser', () => {
  it.each(areas)('are up to date for %s (else run `npm run i18n:client`)', (area) => {
    expect(committed[area], `lib/i18n/client-messages.json is out of date for "${area}": run npm run i18n:client`).toEqual(clientMessagePaths(root, area, namespaces));
  });

  it('follow what the browser code of an area translates, and leave out the rest', () => {
    // The parent's message form and cancellation dialog translate in the browser; the audit trail and reports are server-rendered office pages.
    expect(committed.parent).toEqual(expect.arrayContaining(['messaging', 'cancellations', 'nav', 'common']));
    expect(committed.parent).not.toContain('audit');
    expect(committed.parent).not.toContain('reports');
    // A key a form receives as data (a zod message from the schema it shares with its action), alone.
    expect(committed.parent).toContain('records.required');
    expect(committed.parent).not.toContain('records');
    expect(committed.admin).toEqual(expect.arrayContaining(['settings', 'records']));
    expect(committed.public).toEqual(expect.arrayContaining(['login']));
    expect(committed.public).not.toContain('invoices');
  });

  it('picks whole namespaces and single keys out of the catalog', () => {
    const messages = { nav: { home: 'Start', menu: 'Menu' }, records: { required: 'Wymagane', invalidNip: 'Zły NIP' }, audit: { title: 'Historia' } };
    expect(pickMessages(messages, ['nav', 'records.required', 'missing.key'])).toEqual({ nav: { home: 'Start', menu: 'Menu' }, records: { required: 'Wymagane' } });
  });
});
