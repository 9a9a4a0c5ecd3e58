import { Button, Text } from '@react-email/components';
import { day, money, PaymentDetails, type PaymentFacts } from './invoice-issued';
import { button, EmailLayout, paragraph, type SchoolContact } from './layout';

export type PaymentReminderEmailProps = PaymentFacts & {
  schoolName: string;
  locale: 'pl' | 'en';
  contact?: SchoolContact;
  /** A reminder: the footer offers to unsubscribe from them. */
  unsubscribeUrl?: string;
  name: string;
  number: string;
  /** "2026-12-09". */
  dueDate: string;
  /** Days from the school's today to the due date: 0 today, 1 tomorrow. */
  daysLeft: number;
  invoicesUrl: string | null;
};

const copy = {
  pl: {
    subject: (number: string, date: string) => `Przypomnienie: termin płatności faktury ${number} mija ${date}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    when: (days: number, date: string) => `${days <= 0 ? 'dziś' : days === 1 ? 'jutro' : `za ${days} dni`} (${date})`,
    intro: (number: string, when: string) => `Uprzejmie przypominamy, że termin płatności faktury nr ${number} mija ${when}.`,
    due: (amount: string) => `Do zapłaty pozostało: ${amount}.`,
    portal: 'Fakturę i historię płatności znajdziesz w portalu szkoły.',
    button: 'Moje faktury',
    done: 'Jeśli przelew jest już w drodze, prosimy potraktować tę wiadomość jako nieaktualną. Dziękujemy!',
  },
  en: {
    subject: (number: string, date: string) => `Reminder: invoice ${number} is due on ${date}`,
    hello: (n: string) => `Hello ${n},`,
    when: (days: number, date: string) => `${days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`} (${date})`,
    intro: (number: string, when: string) => `This is a friendly reminder that invoice no. ${number} is due ${when}.`,
    due: (amount: string) => `Amount still due: ${amount}.`,
    portal: "You can see the invoice and your payments in the school's portal.",
    button: 'My invoices',
    done: 'If you have already sent the transfer, please disregard this message. Thank you!',
  },
};

export const paymentReminderSubject = (p: Pick<PaymentReminderEmailProps, 'locale' | 'number' | 'dueDate'>) => copy[p.locale].subject(p.number, day(p.dueDate));

/** Reminds a payer, a few days ahead (the school's setting), that an unpaid invoice falls due. */
export default function PaymentReminderEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl,
  name = 'Katarzyna Nowak',
  number = 'FV/0007/11/2026',
  dueDate = '2026-12-09',
  daysLeft = 7,
  due = 123_450,
  sellerName = 'Szkoła Korepetycji Na Piątkę sp. z o.o.',
  bankAccount = '12 1140 2004 0000 3102 1234 5678',
  transferTitle = 'FV/0007/11/2026 Ola Nowak, Kuba Nowak',
  invoicesUrl = 'http://localhost:3000/parent/invoices',
}: Partial<PaymentReminderEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(number, day(dueDate))} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.intro(number, c.when(daysLeft, day(dueDate)))}</Text>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{c.due(money(due, locale))}</Text>
      <PaymentDetails locale={locale} facts={{ sellerName, bankAccount, transferTitle, due }} />
      {invoicesUrl && (
        <>
          <Text style={paragraph}>{c.portal}</Text>
          <Button href={invoicesUrl} style={button}>
            {c.button}
          </Button>
        </>
      )}
      <Text style={{ ...paragraph, marginTop: 20 }}>{c.done}</Text>
    </EmailLayout>
  );
}
