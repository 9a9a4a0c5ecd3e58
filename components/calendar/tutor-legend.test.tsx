import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import messages from '@/messages/en.calendar.json';
import { LEGEND_ALL_UP_TO, LEGEND_FIRST, TutorLegend } from './tutor-legend';

const tutors = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `Tutor ${String(i + 1).padStart(3, '0')}`, color: '#123456' }));

function render(n: number) {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale="en" timeZone="Europe/Warsaw" messages={{ calendar: messages }}>
      <TutorLegend tutors={tutors(n)} />
    </NextIntlClientProvider>,
  );
  return { names: html.match(/data-testid="legend-tutor"/g)?.length ?? 0, html };
}

describe('TutorLegend', () => {
  it('names every tutor of a small school', () => {
    const { names, html } = render(LEGEND_ALL_UP_TO);
    expect(names).toBe(LEGEND_ALL_UP_TO);
    expect(html).not.toContain('<button');
  });

  it('names the first dozen of a large school and offers the rest behind one button', () => {
    const { names, html } = render(121);
    expect(names).toBe(LEGEND_FIRST);
    expect(html).toContain(`Tutor ${String(LEGEND_FIRST).padStart(3, '0')}`);
    expect(html).not.toContain(`Tutor ${String(LEGEND_FIRST + 1).padStart(3, '0')}`);
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>\+109 more<\/button>/);
  });
});
