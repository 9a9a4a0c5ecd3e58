import { Button, Section, Text } from '@react-email/components';
import { formatMoney, type Grosze } from '@/lib/money';
import { formatCalendarDate } from '@/lib/time';
import { button, EmailLayout, paragraph, type SchoolContact } from './layout';

/**
 * The invoice email the monthly run sends each payer, with the invoice's PDF attached. The
 * billing reminders (payment-reminder.tsx, overdue-notice.tsx) share its payment details block
 * and its helpers, so the three say the account and the transfer title the same way the
 * family's invoice page does.
 */

type Locale = 'pl' | 'en';

/** What a banking app asks for, as the invoice states it (its seller snapshot and transfer title). */
export type PaymentFacts = {
  /** The seller on the invoice: who the transfer goes to. */
  sellerName: string;
  /** The account as the invoice prints it ("12 3456 …"); null when the invoice names none. */
  bankAccount: string | null;
  transferTitle: string;
  /** What is still to pay on the invoice (its total less what the payer's payments and credits cover). */
  due: Grosze;
};

export type InvoiceIssuedEmailProps = PaymentFacts & {
  schoolName: string;
  locale: Locale;
  contact?: SchoolContact;
  unsubscribeUrl?: string;
  /** The person greeted: the parent, or the adult student who pays for themself. */
  name: string;
  number: string;
  /** The month billed, "2026-11". */
  period: string;
  /** The invoice's total. */
  gross: Grosze;
  /** "2026-12-09". */
  dueDate: string;
  /** Where the family sees its invoices in the portal; null when the payer has no such page. */
  invoicesUrl: string | null;
};

const paymentCopy = {
  pl: { heading: 'Dane do przelewu', recipient: 'Odbiorca', account: 'Numer konta', title: 'Tytuł przelewu', amount: 'Kwota', noAccount: 'Faktura nie podaje numeru konta — o sposób płatności zapytaj szkołę.' },
  en: { heading: 'Payment details', recipient: 'Payee', account: 'Account number', title: 'Transfer title', amount: 'Amount', noAccount: 'The invoice names no bank account — please ask the school how to pay.' },
};

/** "1 234,50 zł" in Polish, "PLN 1,234.50" in English: as the portal and the invoice write amounts in each language. */
export const money = (amount: Grosze, locale: Locale) => formatMoney(amount, locale);

/** "listopad 2026" / "November 2026". */
export function monthLabel(period: string, locale: Locale): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** "09.12.2026": dates in every email are written the Polish way, as on the invoice. */
export const day = (date: string) => formatCalendarDate(date);

const detailRow = { ...paragraph, margin: '0 0 6px' } as const;
const detailLabel = { color: '#52525b' } as const;

/**
 * The payee, the account, the transfer title and the amount, one per line so the plain-text
 * part reads as a list ("Numer konta: 12 3456 …").
 */
export function PaymentDetails({ locale, facts }: { locale: Locale; facts: PaymentFacts }) {
  const c = paymentCopy[locale];
  if (!facts.bankAccount) return <Text style={paragraph}>{c.noAccount}</Text>;
  const row = (label: string, value: string) => (
    <Text style={detailRow}>
      <span style={detailLabel}>{label}:</span> <strong>{value}</strong>
    </Text>
  );
  return (
    <Section style={{ backgroundColor: '#f4f4f5', borderRadius: 6, margin: '4px 0 16px', padding: '12px 16px 6px' }}>
      <Text style={{ ...detailRow, fontWeight: 700 }}>{c.heading}</Text>
      {row(c.recipient, facts.sellerName)}
      {row(c.account, facts.bankAccount)}
      {row(c.title, facts.transferTitle)}
      {row(c.amount, money(facts.due, locale))}
    </Section>
  );
}

const copy = {
  pl: {
    subject: (number: string, period: string) => `Faktura ${number} za ${monthLabel(period, 'pl')}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    intro: (number: string, period: string) => `Przesyłamy fakturę nr ${number} za ${monthLabel(period, 'pl')}. Faktura w PDF jest w załączniku tej wiadomości.`,
    due: (amount: string, date: string) => `Do zapłaty: ${amount}, termin płatności: ${date}.`,
    partlyCovered: (gross: string) => `Faktura opiewa na ${gross}; część tej kwoty pokrywa Twoja wcześniejsza nadpłata.`,
    covered: (gross: string) => `Faktura na ${gross} jest już w całości pokryta Twoją wcześniejszą nadpłatą — nie trzeba nic wpłacać.`,
    portal: 'Wszystkie faktury i płatności znajdziesz też w portalu szkoły.',
    button: 'Moje faktury',
    thanks: 'Dziękujemy!',
  },
  en: {
    subject: (number: string, period: string) => `Invoice ${number} for ${monthLabel(period, 'en')}`,
    hello: (n: string) => `Hello ${n},`,
    intro: (number: string, period: string) => `Here is invoice no. ${number} for ${monthLabel(period, 'en')}. The invoice is attached to this email as a PDF.`,
    due: (amount: string, date: string) => `Amount due: ${amount}, payment due by ${date}.`,
    partlyCovered: (gross: string) => `The invoice total is ${gross}; your earlier overpayment covers part of it.`,
    covered: (gross: string) => `The invoice total of ${gross} is already fully covered by your earlier overpayment — there is nothing to pay.`,
    portal: "You can also see all your invoices and payments in the school's portal.",
    button: 'My invoices',
    thanks: 'Thank you!',
  },
};

export const invoiceIssuedSubject = (p: Pick<InvoiceIssuedEmailProps, 'locale' | 'number' | 'period'>) => copy[p.locale].subject(p.number, p.period);

/** Sends a payer the month's invoice: what to pay, by when and how; the PDF goes as an attachment. */
export default function InvoiceIssuedEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl,
  name = 'Katarzyna Nowak',
  number = 'FV/0007/11/2026',
  period = '2026-11',
  gross = 123_450,
  due = 123_450,
  dueDate = '2026-12-09',
  sellerName = 'Szkoła Korepetycji Na Piątkę sp. z o.o.',
  bankAccount = '12 1140 2004 0000 3102 1234 5678',
  transferTitle = 'FV/0007/11/2026 Ola Nowak, Kuba Nowak',
  invoicesUrl = 'http://localhost:3000/parent/invoices',
}: Partial<InvoiceIssuedEmailProps>) {
  const c = copy[locale];
  const hello = c.hello(name);
  return (
    <EmailLayout preview={c.subject(number, period)} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{hello}</Text>
      <Text style={paragraph}>{c.intro(number, period)}</Text>
      {due > 0 ? (
        <>
          <Text style={{ ...paragraph, fontWeight: 600 }}>{c.due(money(due, locale), day(dueDate))}</Text>
          {due < gross && <Text style={paragraph}>{c.partlyCovered(money(gross, locale))}</Text>}
          <PaymentDetails locale={locale} facts={{ sellerName, bankAccount, transferTitle, due }} />
        </>
      ) : (
        <Text style={{ ...paragraph, fontWeight: 600 }}>{c.covered(money(gross, locale))}</Text>
      )}
      {invoicesUrl && (
        <>
          <Text style={paragraph}>{c.portal}</Text>
          <Button href={invoicesUrl} style={button}>
            {c.button}
          </Button>
        </>
      )}
      <Text style={{ ...paragraph, marginTop: 20 }}>{c.thanks}</Text>
    </EmailLayout>
  );
}
