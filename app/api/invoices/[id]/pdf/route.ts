import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { pdfFileName } from '@/lib/invoices/file-name';
import { loadInvoiceDocument } from '@/lib/invoices/load';
import { invoicePdf } from '@/lib/invoices/pdf-cache';

export const dynamic = 'force-dynamic';

/** Kept by the browser, but asked about again each time: the tag says whether it changed. */
const revalidate = { 'Cache-Control': 'private, no-cache' };

/**
 * The invoice as a PDF download, for whoever may see it (the school's office; a parent the
 * invoices they pay). Nobody signed in, an id that is not one, another school's invoice or
 * another payer's: the same 404, so an id cannot be probed. A browser that has this version
 * already gets 304.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [viewer, { id }] = await Promise.all([getViewer(), params]);
  const doc = viewer ? await loadInvoiceDocument(viewer, id) : null;
  if (!doc) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store', 'Content-Type': 'text/plain; charset=utf-8' } });
  const { pdf, etag } = await invoicePdf(getDb(), viewer!.schoolId, doc);
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ...revalidate, ETag: etag } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...revalidate,
      ETag: etag,
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `attachment; filename="${pdfFileName(doc.number)}"`,
    },
  });
}
