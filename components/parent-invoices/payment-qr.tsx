import { paymentQrDrawing } from '@/lib/billing/payment-qr-code';

/**
 * A transfer QR code a banking app scans: dark modules on white with the quiet zone around
 * them, white in the dark theme too (readers want dark on light), drawn crisp at any size.
 * The image is named after what it pays ("Kod QR do przelewu: FV/2026/11/0001, 150,00 zł").
 */
export function PaymentQr({ payload, label, caption }: { payload: string; label: string; caption: string }) {
  const { size, path } = paymentQrDrawing(payload);
  return (
    <figure className="grid justify-items-center gap-1.5">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${size} ${size}`}
        shapeRendering="crispEdges"
        className="size-44 rounded-md border border-border"
        data-testid="payment-qr"
        data-payload={payload}
      >
        <rect width={size} height={size} fill="#ffffff" />
        <path d={path} fill="#000000" />
      </svg>
      <figcaption className="text-center text-sm text-muted-foreground">{caption}</figcaption>
    </figure>
  );
}
