import { getLocale, getTranslations } from 'next-intl/server';
import { writeAudit } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import { currentRequestMeta, getViewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { exportFileName, exportPerson } from '@/lib/gdpr/export';
import { exportToHtml } from '@/lib/gdpr/export-html';

type Params = Promise<{ kind: string; id: string }>;

/**
 * A person's data export (GDPR art. 15 and 20): `?format=json` (the default) a JSON file,
 * `?format=html` a printable document, both downloaded under a name with the person and the
 * school's date. Admins of the person's school only; anyone else, another school's id or a
 * malformed one gets 404. Each export is audited (who exported whom; no data in the entry).
 */
export async function GET(request: Request, { params }: { params: Params }) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'gdpr.manage')) return new Response('Not found', { status: 404 });
  const { kind, id } = await params;
  const format = new URL(request.url).searchParams.get('format') === 'html' ? 'html' : 'json';
  const data = await exportPerson(viewer, kind, id);
  if (!data) return new Response('Not found', { status: 404 });
  const meta = await currentRequestMeta();
  await writeAudit(getDb(), { userId: viewer.userId, role: viewer.role, schoolId: viewer.schoolId, ...meta }, { action: 'gdpr.export', entityType: kind, entityId: id, after: { format } });
  const name = exportFileName(data);
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (format === 'json') {
    return new Response(JSON.stringify(data, null, 2), {
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.json"` },
    });
  }
  const t = await getTranslations('gdpr.export');
  const html = exportToHtml(data, (key, values) => t(key as 'title', values as { name: string }), await getLocale());
  return new Response(html, {
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.html"`, 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
