/** "FV/0007/11/2026" → "FV-0007-11-2026.pdf": the invoice number as a file name every system accepts. */
export function pdfFileName(number: string): string {
  const safe = number
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return `${safe || 'faktura'}.pdf`;
}
