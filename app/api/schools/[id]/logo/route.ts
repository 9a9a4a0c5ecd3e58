import { getDb } from '@/lib/db';
import { isUuid } from '@/lib/students/queries';
import { loadSchoolLogo } from '@/lib/schools/logo';

export const dynamic = 'force-dynamic';

/**
 * A school's logo, for its emails and pages. Public, as a letterhead is: email clients fetch it
 * without a session. The address carries the logo's version (`?v=`), so the answer may be kept
 * for a year; `nosniff` and the content type from the stored, checked bytes keep it an image.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const logo = isUuid(id) ? await loadSchoolLogo(getDb(), id) : undefined;
  if (!logo) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  return new Response(new Uint8Array(logo.data), {
    headers: {
      'Content-Type': logo.contentType,
      'Content-Length': String(logo.data.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${logo.sha256}"`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}
