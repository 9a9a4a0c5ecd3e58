import 'server-only';
import QRCode from 'qrcode';

/** Light modules around the code, as the QR standard asks (ISO/IEC 18004: four). */
export const QR_QUIET_ZONE = 4;

/**
 * A QR code drawn as one path: `size` modules square, the quiet zone included, the dark modules
 * as `path` (unit squares, one rectangle per run of dark modules in a row). The web page draws
 * it as an SVG, the invoice PDF with react-pdf's own `Svg`/`Path`, from the same data.
 */
export type QrDrawing = { size: number; path: string };

/**
 * The transfer QR code of a ZBP payload (`zbpPaymentPayload`): the whole text as one byte
 * segment of UTF-8 (Polish letters included), at error correction level L, as the ZBP
 * recommendation asks. One byte segment, not the mix of numeric and byte segments the library
 * would pick for the runs of digits, so that every banking app's reader takes it.
 */
export function paymentQrCode(payload: string): QRCode.QRCode {
  return QRCode.create([{ data: new TextEncoder().encode(payload), mode: 'byte' }], { errorCorrectionLevel: 'L' });
}

/** The code's modules as a path inside its quiet zone. */
export function drawQr(code: QRCode.QRCode): QrDrawing {
  const { modules } = code;
  const n = modules.size;
  const q = QR_QUIET_ZONE;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start + q} ${row + q}h${col - start}v1H${start + q}z`);
    }
  }
  return { size: n + 2 * q, path: parts.join('') };
}

/** The drawing of a ZBP payload's QR code. */
export function paymentQrDrawing(payload: string): QrDrawing {
  return drawQr(paymentQrCode(payload));
}
