'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Up to this many tutors the legend names them all (two lines on a laptop)… */
export const LEGEND_ALL_UP_TO = 16;
/** …beyond it, this many, and a button for the rest. */
export const LEGEND_FIRST = 12;

/**
 * The colour of each tutor with a lesson in view. A large school's day can hold a hundred
 * tutors: the legend names the first dozen and offers the rest, rather than pushing the
 * calendar a screen down.
 */
export function TutorLegend({ tutors }: { tutors: { id: string; name: string; color: string }[] }) {
  const t = useTranslations('calendar');
  const [all, setAll] = useState(false);
  const hidden = tutors.length > LEGEND_ALL_UP_TO ? tutors.length - LEGEND_FIRST : 0;
  const shown = all || hidden === 0 ? tutors : tutors.slice(0, LEGEND_FIRST);
  return (
    <>
      {shown.map((tutor) => (
        <span key={tutor.id} className="inline-flex items-center gap-1.5" data-testid="legend-tutor">
          <span className="size-2.5 rounded-full border border-black/10" style={{ background: tutor.color }} aria-hidden />
          {tutor.name}
        </span>
      ))}
      {hidden > 0 && (
        <button
          type="button"
          className="min-h-6 rounded-sm font-medium text-foreground underline-offset-4 hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? t('legendFewer') : t('legendMore', { count: hidden })}
        </button>
      )}
    </>
  );
}
