import { Button, Text } from '@react-email/components';
import { day, money, PaymentDetails, type PaymentFacts } from './invoice-issued';
import { button, EmailLayout, paragraph, type SchoolContact } from './layout';

export type OverdueNoticeEmailProps = PaymentFacts & {
  schoolName: string;
  locale: 'pl' | 'en';
  contact?: SchoolContact;
  unsubscribeUrl?: string;
  name: string;
  number: string;
  /** The due date that passed, "2026-12-09". */
  dueDate: string;
  invoicesUrl: string | null;
};

const copy = {
  pl: {
    subject: (number: string) => `Zaległa płatność za fakturę ${number}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    intro: (number: string, date: string) => `Termin płatności faktury nr ${number} minął ${date}, a nie odnotowaliśmy jeszcze całej wpłaty.`,
    due: (amount: string) => `Do zapłaty pozostało: ${amount}.`,
    ask: 'Prosimy o przelew na poniższe dane.',
    portal: 'Fakturę i historię płatności znajdziesz w portalu szkoły.',
    button: 'Moje faktury',
    paid: 'Jeśli płatność została już wysłana, prosimy o kontakt ze szkołą — sprawdzimy ją i uzupełnimy nasze zapisy.',
    reach: (how: string) => `Kontakt: ${how}.`,
    thanks: 'Dziękujemy!',
  },
  en: {
    subject: (number: string) => `Overdue payment for invoice ${number}`,
    hello: (n: string) => `Hello ${n},`,
    intro: (number: string, date: string) => `Invoice no. ${number} was due on ${date}, and we have not yet received the full payment.`,
    due: (amount: string) => `Amount still due: ${amount}.`,
    ask: 'Please make the transfer using the details below.',
    portal: "You can see the invoice and your payments in the school's portal.",
    button: 'My invoices',
    paid: 'If you have already paid, please contact the school so that we can find your payment and update our records.',
    reach: (how: string) => `Contact: ${how}.`,
    thanks: 'Thank you!',
  },
};

export const overdueNoticeSubject = (p: Pick<OverdueNoticeEmailProps, 'locale' | 'number'>) => copy[p.locale].subject(p.number);

/** Tells a payer, once per invoice, that its due date passed with money still owed: politely, with the way to pay. */
export default function OverdueNoticeEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl,
  name = 'Katarzyna Nowak',
  number = 'FV/0007/11/2026',
  dueDate = '2026-12-09',
  due = 123_450,
  sellerName = 'Szkoła Korepetycji Na Piątkę sp. z o.o.',
  bankAccount = '12 1140 2004 0000 3102 1234 5678',
  transferTitle = 'FV/0007/11/2026 Ola Nowak, Kuba Nowak',
  invoicesUrl = 'http://localhost:3000/parent/invoices',
}: Partial<OverdueNoticeEmailProps>) {
  const c = copy[locale];
  const reach = [contact?.email, contact?.phone].filter(Boolean).join(', ');
  return (
    <EmailLayout preview={c.subject(number)} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.intro(number, day(dueDate))}</Text>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{c.due(money(due, locale))}</Text>
      {bankAccount && <Text style={paragraph}>{c.ask}</Text>}
      <PaymentDetails locale={locale} facts={{ sellerName, bankAccount, transferTitle, due }} />
      <Text style={paragraph}>
        {c.paid}
        {reach && ` ${c.reach(reach)}`}
      </Text>
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
