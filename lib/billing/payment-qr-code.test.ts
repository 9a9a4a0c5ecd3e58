import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, drawQr, paymentQrCode, paymentQrDrawing } from './payment-qr-code';

const PAYLOAD = '1234567890|PL|92124012340001567890123456|001200|Odbiorca 1|FV 1234/34/2012|||';
const POLISH = '5260001246|PL|61109010140000071219812874|015000|Na Piątkę Sp. z o.o.|FV/0007/11/2026 Żaneta Łódzka|||';

/** The dark modules a drawing paints, as "row,col" inside the quiet zone, read back from its path. */
function paintedModules(path: string): Set<string> {
  const dark = new Set<string>();
  const re = /M(\d+) (\d+)h(\d+)v1H(\d+)z/gy;
  let match: RegExpExecArray | null;
  let read = 0;
  while ((match = re.exec(path))) {
    const [x, y, w, back] = match.slice(1).map(Number);
    expect(back).toBe(x);
    for (let i = 0; i < w; i++) dark.add(`${y - QR_QUIET_ZONE},${x + i - QR_QUIET_ZONE}`);
    read = re.lastIndex;
  }
  expect(read, 'the path is only unit-high rectangles').toBe(path.length);
  return dark;
}

describe('payment QR code', () => {
  it.each([
    ['the ZBP example', PAYLOAD],
    ['Polish letters', POLISH],
  ])('carries %s as one byte segment of UTF-8 at error correction level L', (_, payload) => {
    const code = paymentQrCode(payload);
    // Level L is bit 1 (M 0, Q 3, H 2).
    expect(code.errorCorrectionLevel.bit).toBe(1);
    expect(code.segments).toHaveLength(1);
    const [segment] = code.segments;
    expect(segment.mode.id).toBe('Byte');
    const bytes = Uint8Array.from(segment.data as Uint8Array);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(payload);
    expect(bytes.length).toBe(Buffer.byteLength(payload, 'utf8'));
  });

  it('draws exactly the modules of the code, inside a quiet zone of four', () => {
    const code = paymentQrCode(POLISH);
    const { size, path } = drawQr(code);
    const n = code.modules.size;
    expect(size).toBe(n + 2 * QR_QUIET_ZONE);
    const expected = new Set<string>();
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (code.modules.get(r, c)) expected.add(`${r},${c}`);
    const painted = paintedModules(path);
    expect(painted).toEqual(expected);
    for (const cell of painted) {
      const [r, c] = cell.split(',').map(Number);
      expect(r >= 0 && c >= 0 && r < n && c < n, `${cell} in the quiet zone`).toBe(true);
    }
  });

  it('says level L in the format information the drawing shows, in both copies', () => {
    const { size, path } = paymentQrDrawing(PAYLOAD);
    const n = size - 2 * QR_QUIET_ZONE;
    const dark = paintedModules(path);
    const at = (r: number, c: number) => (dark.has(`${r},${c}`) ? 1 : 0);
    // The two highest of the 15 format bits are the level, masked with 10 (ISO/IEC 18004 §7.9):
    // beside the lower-left finder (column 8) and under the upper-left one (row 8).
    const level = (hi: number, lo: number) => ((hi << 1) | lo) ^ 0b10;
    const L = 0b01;
    expect(level(at(n - 1, 8), at(n - 2, 8))).toBe(L);
    expect(level(at(8, 0), at(8, 1))).toBe(L);
    // The dark module every code has above the lower-left format bits.
    expect(at(n - 8, 8)).toBe(1);
  });

  it('keeps the longest payload (every letter a two-byte Polish one) small enough for 3 px modules in a 176 px image', () => {
    const longest = `5260001246|PL|61109010140000071219812874|999999|${'Ż'.repeat(20)}|${'Ś'.repeat(32)}|||`;
    const { size } = paymentQrDrawing(longest);
    expect(176 / size).toBeGreaterThanOrEqual(3);
  });
});
