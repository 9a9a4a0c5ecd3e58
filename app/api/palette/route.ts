import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { canUsePalette, emptyPaletteResults, searchEverything } from '@/lib/palette/queries';
import { PALETTE_MAX_LENGTH, paletteQuery } from '@/lib/palette/rules';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'private, no-store' };

function problem(status: number, error: string) {
  return Response.json({ error }, { status, headers: noStore });
}

/**
 * The staff command palette's search: `GET /api/palette?q=…` → the groups of
 * `searchEverything`, scoped to the caller by the queries themselves.
 *
 * A route rather than a server action: the palette searches as a person types, and a fetch can
 * be aborted when the next keystroke supersedes it, while Next.js runs a client's server
 * actions one after another, so a slow search would hold up the newer one. It is a read, too:
 * a GET that nothing caches. 401 without a session, 403 for parents and students, 400 for a
 * query over 100 characters; under 2 characters the answer is empty groups.
 */
export async function GET(request: Request) {
  const t = await getTranslations('palette.errors');
  const viewer = await getViewer();
  if (!viewer) return problem(401, t('unauthenticated'));
  if (!canUsePalette(viewer)) return problem(403, t('forbidden'));
  const raw = new URL(request.url).searchParams.get('q') ?? '';
  if (raw.trim().length > PALETTE_MAX_LENGTH) return problem(400, t('tooLong', { max: PALETTE_MAX_LENGTH }));
  const q = paletteQuery(raw);
  return Response.json(q ? await searchEverything(viewer, q) : emptyPaletteResults(), { headers: noStore });
}
