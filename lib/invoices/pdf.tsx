import 'server-only';
import path from 'node:path';
import { Document, Font, Image, Page, Path, Rect, StyleSheet, Svg, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { zbpPaymentPayload } from '@/lib/billing/payment-qr';
import { QR_QUIET_ZONE, paymentQrDrawing } from '@/lib/billing/payment-qr-code';
import { formatMoney, percentOf, type Grosze } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import type { InvoiceDocument } from './document';
import { invoiceLabels, type InvoiceLabels } from './labels';
import { amountInWords } from './words';

/**
 * The invoice as an A4 PDF, in the document's language. The font is embedded (Geist, shipped by
 * the `geist` package) so Polish letters render and copy out as text; its files are read from
 * the working directory, which the standalone build includes for the PDF route
 * (`outputFileTracingIncludes` in next.config.ts).
 */
export const INVOICE_FONT_FILES = ['Geist-Regular.ttf', 'Geist-SemiBold.ttf'] as const;
const FONT_DIR = path.join('node_modules', 'geist', 'dist', 'fonts', 'geist-sans');
const FAMILY = 'InvoiceSans';

/** Enough of a fontkit font to look up its glyphs (the type @react-pdf/font gives its fonts is wider). */
type GlyphSource = { characterSet: number[]; glyphForCodePoint(codePoint: number): unknown };

let fontsReady: Promise<void> | null = null;

/**
 * Registers the font once per process and warms its glyph cache. fontkit caches a glyph object
 * per glyph the first time it is asked for it, across documents; when that first time is as a
 * component of another glyph (Z inside Ż, drawn while rendering one invoice), the cached glyph
 * has no character, and the next invoice that prints a plain "Z" in that weight loses it (blank
 * on the page, missing from the text). Asking for every character of the font first, each by
 * its own code point, makes every cached glyph carry its character.
 */
function prepareFonts(): Promise<void> {
  fontsReady ??= (async () => {
    const dir = path.join(process.cwd(), FONT_DIR);
    Font.register({
      family: FAMILY,
      fonts: [
        { src: path.join(dir, INVOICE_FONT_FILES[0]), fontWeight: 400 },
        { src: path.join(dir, INVOICE_FONT_FILES[1]), fontWeight: 600 },
      ],
    });
    // Words are never hyphenated: the default rules are English ones and would split Polish names.
    Font.registerHyphenationCallback((word) => [word]);
    for (const fontWeight of [400, 600]) {
      const source = Font.getFont({ fontFamily: FAMILY, fontWeight });
      await source.load();
      const font = source.data as unknown as GlyphSource | null;
      if (!font?.characterSet) throw new Error(`Invoice font not loaded: ${String(source.src)}`);
      for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
        // Not the ligatures (ﬁ, ﬂ): the layout makes those from two letters and must keep them
        // as two letters, or "five" copies out of the PDF as "ﬁve".
        if (codePoint < 0xfb00 || codePoint > 0xfb4f) font.glyphForCodePoint(codePoint);
      }
    }
  })();
  return fontsReady;
}

/** The school's logo as stored (PNG or JPEG): printed above the seller's name. Presentation, not part of the invoice's record. */
export type PdfLogo = { contentType: 'image/png' | 'image/jpeg'; data: Buffer };

export async function renderInvoicePdf(doc: InvoiceDocument, logo?: PdfLogo | null): Promise<Buffer> {
  await prepareFonts();
  return renderToBuffer(<InvoicePdf doc={doc} logo={logo ?? null} />);
}

const INK = '#18181b';
const MUTED = '#71717a';
const RULE = '#d4d4d8';
const SHADE = '#f4f4f5';
/** The transfer QR code's side in points, its quiet zone included: about 30 mm, so a phone reads it off paper. */
const QR_SIZE = 84;

const s = StyleSheet.create({
  page: { fontFamily: FAMILY, fontSize: 8.5, color: INK, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40 },
  header: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 18 },
  brand: { fontSize: 13, fontWeight: 600, maxWidth: 230 },
  logo: { maxHeight: 44, maxWidth: 160, objectFit: 'contain', objectPosition: 'left', marginBottom: 6 },
  brandSub: { color: MUTED, marginTop: 2 },
  titleBox: { alignItems: 'flex-end', maxWidth: 290 },
  title: { fontSize: 15, fontWeight: 600, textAlign: 'right' },
  titleSub: { marginTop: 3, textAlign: 'right' },
  meta: { marginTop: 8, flexDirection: 'column', alignItems: 'flex-end' },
  metaRow: { flexDirection: 'row', marginTop: 1 },
  metaLabel: { color: MUTED, width: 110, textAlign: 'right', marginRight: 8 },
  metaValue: { width: 72 },
  parties: { flexDirection: 'row', marginBottom: 16 },
  party: { flex: 1, borderTopWidth: 1.5, borderTopColor: INK, paddingTop: 6 },
  partyGap: { width: 24 },
  sectionLabel: { fontSize: 7, color: MUTED, textTransform: 'uppercase', letterSpacing: 0.6, marginBottom: 4 },
  partyName: { fontSize: 10, fontWeight: 600, marginBottom: 2 },
  correction: { backgroundColor: SHADE, padding: 8, marginBottom: 14 },
  table: { marginBottom: 12 },
  thead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 4, paddingTop: 2 },
  th: { fontSize: 7, color: MUTED, fontWeight: 600 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 4 },
  cLp: { width: 20 },
  cDesc: { flex: 1, paddingRight: 8 },
  cDate: { width: 50 },
  cQty: { width: 38, textAlign: 'right' },
  cUnit: { width: 56, textAlign: 'right' },
  cNet: { width: 58, textAlign: 'right' },
  cVat: { width: 40, textAlign: 'right' },
  cGross: { width: 60, textAlign: 'right' },
  currencyNote: { fontSize: 7, color: MUTED, marginTop: 3, textAlign: 'right' },
  lower: { flexDirection: 'row', alignItems: 'flex-start' },
  payment: { flex: 1, marginRight: 24 },
  kv: { flexDirection: 'row', marginBottom: 3 },
  kvLabel: { color: MUTED, width: 80 },
  kvValue: { flex: 1 },
  qr: { marginTop: 2, width: QR_SIZE, height: QR_SIZE },
  summary: { width: 240 },
  sumHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 3 },
  sumRow: { flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: RULE },
  sumRate: { width: 52 },
  sumCell: { flex: 1, textAlign: 'right' },
  sumTotal: { fontWeight: 600 },
  dueBox: { marginTop: 12, backgroundColor: SHADE, padding: 10 },
  dueLine: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 2 },
  dueAmount: { fontSize: 14, fontWeight: 600 },
  words: { marginTop: 4, color: MUTED },
  note: { marginTop: 14, color: MUTED },
  footer: { position: 'absolute', bottom: 24, left: 40, right: 40, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7, color: MUTED, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 6 },
});

/** Amounts in the table: the number alone ("1 234,50"), the currency said once under it. */
function figure(amount: Grosze, language: 'pl' | 'en'): string {
  return formatMoney(amount, language)
    .replace(/\s?(zł|PLN)\s?/, '')
    .trim();
}

function titleOf(doc: InvoiceDocument, t: InvoiceLabels): string {
  if (doc.kind === 'correction') return `${t.title.correction} ${doc.number}`;
  return `${doc.vat.mode === 'rate' ? t.title.vat : t.title.plain} ${doc.number}`;
}

function periodOf(period: string, language: 'pl' | 'en'): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

function lineGross(net: Grosze, vat: InvoiceDocument['vat']): Grosze {
  return vat.mode === 'rate' ? net + percentOf(net, vat.ratePercent) : net;
}

function InvoicePdf({ doc, logo }: { doc: InvoiceDocument; logo: PdfLogo | null }) {
  const t = invoiceLabels[doc.language];
  const lang = doc.language;
  const title = titleOf(doc, t);
  const rateLabel = doc.vat.mode === 'rate' ? `${doc.vat.ratePercent}%` : t.exempt;
  const refund = doc.due < 0;
  const { seller, buyer } = doc;
  return (
    <Document title={title} author={seller.name} subject={title} language={lang} creator="TutorHub" producer="TutorHub">
      <Page size="A4" style={s.page}>
        <View style={s.footer} fixed>
          <Text>{`${title} · ${seller.name}`}</Text>
          <Text render={({ pageNumber, totalPages }) => t.page(pageNumber, totalPages)} />
        </View>
        <View style={s.header}>
          <View>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image, not an HTML img: it has no alt */}
            {logo ? <Image src={{ data: logo.data, format: logo.contentType === 'image/png' ? 'png' : 'jpg' }} style={s.logo} /> : null}
            <Text style={s.brand}>{seller.name}</Text>
            {seller.email || seller.phone ? <Text style={s.brandSub}>{[seller.email, seller.phone].filter(Boolean).join(' · ')}</Text> : null}
          </View>
          <View style={s.titleBox}>
            <Text style={s.title}>{title}</Text>
            {doc.corrects ? <Text style={s.titleSub}>{t.corrects(doc.corrects.number, formatCalendarDate(doc.corrects.issueDate))}</Text> : null}
            <View style={s.meta}>
              {doc.place ? <Meta label={t.place} value={doc.place} /> : null}
              <Meta label={t.issueDate} value={formatCalendarDate(doc.issueDate)} />
              <Meta label={t.saleDate} value={formatCalendarDate(doc.saleDate)} />
              {doc.kind === 'invoice' ? <Meta label={t.period} value={periodOf(doc.period, lang)} /> : null}
            </View>
          </View>
        </View>

        <View style={s.parties}>
          <View style={s.party}>
            <Text style={s.sectionLabel}>{t.seller}</Text>
            <Text style={s.partyName}>{seller.name}</Text>
            {seller.addressLine ? <Text>{seller.addressLine}</Text> : null}
            {seller.postalCode || seller.city ? <Text>{[seller.postalCode, seller.city].filter(Boolean).join(' ')}</Text> : null}
            {seller.nip ? <Text>{`${t.nip}: ${seller.nip}`}</Text> : null}
            {seller.bankAccount ? <Text>{`${t.bankAccount}: ${seller.bankAccount}`}</Text> : null}
          </View>
          <View style={s.partyGap} />
          <View style={s.party}>
            <Text style={s.sectionLabel}>{t.buyer}</Text>
            <Text style={s.partyName}>{buyer.name}</Text>
            {buyer.address
              ? buyer.address
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean)
                  .map((line, i) => <Text key={i}>{line}</Text>)
              : null}
            {buyer.nip ? <Text>{`${t.nip}: ${buyer.nip}`}</Text> : null}
          </View>
        </View>

        {doc.corrects ? (
          <View style={s.correction} wrap={false}>
            <Text>
              <Text style={{ fontWeight: 600 }}>{`${t.correctionReason}: `}</Text>
              {doc.corrects.reason}
            </Text>
          </View>
        ) : null}

        <View style={s.table}>
          <View style={s.thead} fixed>
            <Text style={[s.th, s.cLp]}>{t.columns.lp}</Text>
            <Text style={[s.th, s.cDesc]}>{t.columns.description}</Text>
            <Text style={[s.th, s.cDate]}>{t.columns.date}</Text>
            <Text style={[s.th, s.cQty]}>{t.columns.quantity}</Text>
            <Text style={[s.th, s.cUnit]}>{t.columns.unitNet}</Text>
            <Text style={[s.th, s.cNet]}>{t.columns.net}</Text>
            <Text style={[s.th, s.cVat]}>{t.columns.vat}</Text>
            <Text style={[s.th, s.cGross]}>{t.columns.gross}</Text>
          </View>
          {doc.lines.map((line, i) => (
            <View key={i} style={s.row} wrap={false}>
              <Text style={s.cLp}>{i + 1}</Text>
              <Text style={s.cDesc}>{line.description}</Text>
              <Text style={s.cDate}>{line.date ? formatCalendarDate(line.date) : ''}</Text>
              <Text style={s.cQty}>{line.quantityLabel}</Text>
              <Text style={s.cUnit}>{figure(line.unitNet, lang)}</Text>
              <Text style={s.cNet}>{figure(line.net, lang)}</Text>
              <Text style={s.cVat}>{rateLabel}</Text>
              <Text style={s.cGross}>{figure(lineGross(line.net, doc.vat), lang)}</Text>
            </View>
          ))}
          <Text style={s.currencyNote}>{t.currencyNote}</Text>
        </View>

        <View style={s.lower} wrap={false}>
          <View style={s.payment}>
            <KeyValue label={t.payment} value={t.transfer} />
            <KeyValue label={t.dueDate} value={formatCalendarDate(doc.dueDate)} />
            {seller.bankAccount ? <KeyValue label={t.bankAccount} value={seller.bankAccount} /> : null}
            <KeyValue label={t.transferTitle} value={doc.transferTitle} />
            <PaymentQr doc={doc} />
          </View>
          <View style={s.summary}>
            <View style={s.sumHead}>
              <Text style={[s.th, s.sumRate]}>{t.vatSummary.rate}</Text>
              <Text style={[s.th, s.sumCell]}>{t.vatSummary.net}</Text>
              <Text style={[s.th, s.sumCell]}>{t.vatSummary.vat}</Text>
              <Text style={[s.th, s.sumCell]}>{t.vatSummary.gross}</Text>
            </View>
            <View style={s.sumRow}>
              <Text style={s.sumRate}>{rateLabel}</Text>
              <Text style={s.sumCell}>{figure(doc.totals.net, lang)}</Text>
              <Text style={s.sumCell}>{doc.vat.mode === 'rate' ? figure(doc.totals.vat, lang) : '—'}</Text>
              <Text style={s.sumCell}>{figure(doc.totals.gross, lang)}</Text>
            </View>
            <View style={[s.sumRow, s.sumTotal]}>
              <Text style={[s.sumRate, s.sumTotal]}>{t.vatSummary.total}</Text>
              <Text style={[s.sumCell, s.sumTotal]}>{formatMoney(doc.totals.net, lang)}</Text>
              <Text style={[s.sumCell, s.sumTotal]}>{formatMoney(doc.totals.vat, lang)}</Text>
              <Text style={[s.sumCell, s.sumTotal]}>{formatMoney(doc.totals.gross, lang)}</Text>
            </View>
            <View style={s.dueBox}>
              <View style={s.dueLine}>
                <Text>{t.paid}</Text>
                <Text>{formatMoney(doc.paid, lang)}</Text>
              </View>
              <View style={[s.dueLine, { alignItems: 'flex-end', marginTop: 2 }]}>
                <Text style={{ fontWeight: 600 }}>{refund ? t.refund : t.due}</Text>
                <Text style={s.dueAmount}>{formatMoney(Math.abs(doc.due), lang)}</Text>
              </View>
              <Text style={s.words}>{`${t.inWords}: ${amountInWords(Math.abs(doc.due), lang)}`}</Text>
            </View>
          </View>
        </View>

        {doc.vat.mode === 'exempt' ? <Text style={s.note}>{`${t.exemptBasis}: ${doc.vat.basis}`}</Text> : null}

      </Page>
    </Document>
  );
}

/**
 * The transfer QR code (ZBP) of what is left to pay, under the payment details: a banking app
 * scans it off the page or the screen. None when nothing is due, the account is not a Polish
 * one, or the amount is above what the code can carry (9 999,99 zł).
 */
function PaymentQr({ doc }: { doc: InvoiceDocument }) {
  const payload = zbpPaymentPayload({ nip: doc.seller.nip, account: doc.seller.bankAccount, amountMinor: doc.due, recipient: doc.seller.name, title: doc.transferTitle });
  if (!payload) return null;
  const { size, path } = paymentQrDrawing(payload);
  // The quiet zone reaches into the margin, so the code's edge lines up with the labels above.
  return (
    <Svg style={[s.qr, { marginLeft: -(QR_SIZE * QR_QUIET_ZONE) / size }]} viewBox={`0 0 ${size} ${size}`}>
      <Rect x={0} y={0} width={size} height={size} fill="#ffffff" />
      <Path d={path} fill="#000000" />
    </Svg>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.metaRow}>
      <Text style={s.metaLabel}>{label}</Text>
      <Text style={s.metaValue}>{value}</Text>
    </View>
  );
}

function KeyValue({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.kv}>
      <Text style={s.kvLabel}>{label}</Text>
      <Text style={s.kvValue}>{value}</Text>
    </View>
  );
}
