import { SECTION_KEYS, type ExportRow, type GdprExport } from './export';

type Translate = (key: string, values?: Record<string, string | number>) => string;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function cell(v: ExportRow[string]): string {
  if (v === null || v === '') return '<span class="none">—</span>';
  if (typeof v === 'boolean') return v ? 'tak' : 'nie';
  return escape(String(v));
}

/** camelCase → "camel case": column headings for the raw field names, which the JSON file keeps. */
const heading = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * The export as one self-contained, printable HTML document: a heading per section (in the
 * reader's language) and a table per section with the JSON file's own field names as column
 * headers, so both files can be compared line by line. No scripts, no external resources.
 */
export function exportToHtml(data: GdprExport, t: Translate, lang: string): string {
  const sections = SECTION_KEYS.map((key) => {
    const rows = data.sections[key];
    const title = escape(t(`sections.${key}`));
    if (rows.length === 0) return `<section><h2>${title}</h2><p class="none">${escape(t('empty'))}</p></section>`;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const head = columns.map((c) => `<th scope="col">${escape(heading(c))}</th>`).join('');
    const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c] ?? null)}</td>`).join('')}</tr>`).join('\n');
    return `<section><h2>${title} <span class="count">(${rows.length})</span></h2><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`;
  }).join('\n');
  const title = escape(t('title', { name: data.person.name }));
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  :root { color-scheme: light; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #18181b; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #e4e4e7; padding-bottom: .25rem; }
  .count, .none { color: #71717a; font-weight: normal; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
  dt { color: #52525b; }
  dd { margin: 0; font-weight: 600; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  th, td { border: 1px solid #e4e4e7; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  td { white-space: pre-wrap; word-break: break-word; }
  th { background: #f4f4f5; font-weight: 600; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11px; }
    .scroll { overflow: visible; }
    section { break-inside: auto; }
    h2 { break-after: avoid; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
  }
</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>${escape(t('intro', { school: data.school.legalName ?? data.school.name }))}</p>
<dl>
  <dt>${escape(t('person'))}</dt><dd>${escape(data.person.name)}${data.person.anonymised ? ` (${escape(t('anonymised'))})` : ''}</dd>
  <dt>${escape(t('kind'))}</dt><dd>${escape(t(`kinds.${data.person.kind}`))}</dd>
  <dt>${escape(t('school'))}</dt><dd>${escape(data.school.legalName ?? data.school.name)}${data.school.email ? `, ${escape(data.school.email)}` : ''}</dd>
  <dt>${escape(t('generated'))}</dt><dd>${escape(data.generatedOn)} (${escape(data.generatedAt)})</dd>
</dl>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}
