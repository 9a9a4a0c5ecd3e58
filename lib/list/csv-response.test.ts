import { describe, expect, it } from 'vitest';
import { csvResponse, type CsvColumn } from './csv-response';

type Row = { first: string; last: string | null; lessons: number; balance: number };
const columns: CsvColumn<Row>[] = [
  { header: 'Imię', value: (r) => r.first },
  { header: 'Nazwisko', value: (r) => r.last },
  { header: 'Lekcje', value: (r) => r.lessons },
  { header: 'Saldo', value: (r) => r.balance },
];

async function read(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bom: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes.slice(3)) };
}

describe('csvResponse', () => {
  it('starts with a BOM, ends lines with CRLF, quotes fields with commas and keeps Polish letters', async () => {
    const res = csvResponse([{ first: 'Łukasz', last: 'Żołnierz, junior', lessons: 4, balance: 0 }], columns, { schoolToday: '2026-12-01', name: 'uczniowie' });
    const { bom, text } = await read(res);
    expect(bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe('Imię,Nazwisko,Lekcje,Saldo\r\nŁukasz,"Żołnierz, junior",4,0\r\n');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("names the file by the school's date", () => {
    const res = csvResponse([], columns, { schoolToday: '2026-12-01', name: 'uczniowie' });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="uczniowie-2026-12-01.csv"');
    const polish = csvResponse([], columns, { schoolToday: '2027-01-01', name: 'płatności' });
    expect(polish.headers.get('content-disposition')).toBe(`attachment; filename="p_atno_ci-2027-01-01.csv"; filename*=UTF-8''p%C5%82atno%C5%9Bci-2027-01-01.csv`);
  });

  it('defuses every text cell that a spreadsheet would run as a formula, but writes numbers as numbers', async () => {
    const { text } = await read(
      csvResponse([{ first: '=HYPERLINK("http://x")', last: '+48 600 100 200', lessons: 2, balance: -5 }, { first: '@SUM(A1)', last: null, lessons: 0, balance: 0 }], columns, {
        schoolToday: '2026-12-01',
        name: 'x',
      }),
    );
    expect(text.split('\r\n').slice(1, 3)).toEqual([`"'=HYPERLINK(""http://x"")",'+48 600 100 200,2,-5`, "'@SUM(A1),,0,0"]);
  });

  it('gives just the headings for an empty list', async () => {
    expect((await read(csvResponse([], columns, { schoolToday: '2026-12-01', name: 'x' }))).text).toBe('Imię,Nazwisko,Lekcje,Saldo\r\n');
  });
});
