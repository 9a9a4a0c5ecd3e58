import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Queryable } from '@/lib/db';
import { loadSchoolLogo, logoVersion } from '@/lib/schools/logo';
import type { InvoiceDocument } from './document';
import { renderInvoicePdf } from './pdf';

/**
 * Rendered PDFs by what they show: an invoice's document (its snapshot, lines and the paid
 * amount, which is all that moves) and the school's logo version. Rendering costs as much server
 * time as two pages, and an issued invoice is opened again and again (by the parent, the office,
 * from an email) while it stays the same; any change makes a new key, so a stale PDF is never
 * served. Per process, bounded by size; concurrent requests for a missing one render it once.
 */
const rendered = new LRUCache<string, Buffer, { doc: InvoiceDocument; db: Queryable; schoolId: string; logoSha: string | null }>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (pdf) => pdf.length,
  fetchMethod: async (_key, _stale, { context: { doc, db, schoolId, logoSha } }) =>
    renderInvoicePdf(doc, logoSha ? await loadSchoolLogo(db, schoolId) : null),
});

/** The invoice as a PDF, with an entity tag naming this version of it. */
export async function invoicePdf(db: Queryable, schoolId: string, doc: InvoiceDocument): Promise<{ pdf: Buffer; etag: string }> {
  const logoSha = await logoVersion(db, schoolId);
  const key = createHash('sha256').update(JSON.stringify([schoolId, logoSha, doc])).digest('base64url');
  const pdf = await rendered.fetch(key, { context: { doc, db, schoolId, logoSha } });
  return { pdf: pdf!, etag: `"${key.slice(0, 32)}"` };
}
