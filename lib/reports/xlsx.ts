import 'server-only';
import ExcelJS from 'exceljs';
import { LABEL, hours, zloty, type CellKind, type ReportTable, type ReportValue } from './table';

/** Number formats Excel and LibreOffice show in the reader's own locale (decimal comma in Polish). */
const FORMATS: Partial<Record<CellKind, string>> = {
  money: '#,##0.00',
  minutes: '#,##0.00',
  rate: '0%',
  count: '0',
  date: 'yyyy-mm-dd',
};

export type XlsxSheet = {
  /** The sheet's tab name (at most 31 characters, no []:*?/\). */
  name: string;
  /** A heading per column, in the table's order. */
  headers: string[];
  /** The first cell of the totals row ("Razem"). */
  totalLabel: string;
  /** What a row with no label is (revenue's "other": discounts, corrections). */
  emptyLabel: string;
  /** Optional lines above the table (the report's title, its filters). */
  title?: string[];
};

/**
 * A report as an .xlsx workbook: one sheet with the title lines, a bold header row, the rows and
 * a bold totals row. Money is a number of złoty (grosze / 100) with a `#,##0.00` format, lengths
 * are hours, counts whole numbers and rates fractions with a percent format — numbers a
 * spreadsheet can add up, never text; dates are real dates. Text keeps its Polish letters
 * (the format is UTF-8 XML) and is never read as a formula: exceljs writes strings as strings.
 */
export async function reportXlsx(table: ReportTable, sheet: XlsxSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TutorHub';
  workbook.created = new Date(0);
  const ws = workbook.addWorksheet(sheetName(sheet.name));
  for (const line of sheet.title ?? []) ws.addRow([line]);
  if (sheet.title?.length) {
    ws.getRow(1).font = { bold: true, size: 13 };
    ws.addRow([]);
  }
  const header = ws.addRow(sheet.headers);
  header.font = { bold: true };
  const headerRow = header.number;
  for (const row of table.rows) ws.addRow(table.columns.map((c) => cellValue(c.kind, row[c.key], c.key === LABEL ? sheet.emptyLabel : '')));
  const totals = ws.addRow(table.columns.map((c) => (c.key === LABEL ? sheet.totalLabel : cellValue(c.kind, table.totals[c.key], ''))));
  totals.font = { bold: true };
  table.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const format = FORMATS[c.kind];
    if (format) column.numFmt = format;
    const longest = Math.max(sheet.headers[i]?.length ?? 0, ...table.rows.map((r) => String(r[c.key] ?? '').length));
    column.width = Math.min(40, Math.max(c.key === LABEL ? 16 : 10, longest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(kind: CellKind, value: ReportValue, empty: string): ExcelJS.CellValue {
  if (value === null || value === undefined) return kind === 'text' ? empty : null;
  switch (kind) {
    case 'money':
      return zloty(Number(value));
    case 'minutes':
      return hours(Number(value));
    case 'count':
    case 'rate':
      return Number(value);
    case 'date':
      // A calendar date as midnight UTC: spreadsheets store dates without a zone.
      return typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
    default:
      return String(value);
  }
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Raport';
}
