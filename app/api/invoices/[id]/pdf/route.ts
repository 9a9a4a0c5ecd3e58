import { getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { loadSchoolLogo } from '@/lib/schools/logo';
import { pdfFileName } from '@/lib/invoices/file-name';
import { loadInvoiceDocument } from '@/lib/invoices/load';
import { renderInvoicePdf } from '@/lib/invoices/pdf';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'private, no-store' };

/**
 * The invoice as a PDF download, for whoever may see it (the school's office; a parent the
 * invoices they pay). Nobody signed in, an id that is not one, another school's invoice or
 * another payer's: the same 404, so an id cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [viewer, { id }] = await Promise.all([getViewer(), params]);
  const doc = viewer ? await loadInvoiceDocument(viewer, id) : null;
  if (!doc) return new Response('Not found', { status: 404, headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' } });
  const pdf = await renderInvoicePdf(doc, await loadSchoolLogo(getDb(), viewer!.schoolId));
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...noStore,
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `attachment; filename="${pdfFileName(doc.number)}"`,
    },
  });
}
