import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import InvoiceIssuedEmail, { invoiceIssuedSubject } from './invoice-issued';
import OverdueNoticeEmail, { overdueNoticeSubject } from './overdue-notice';
import PaymentReminderEmail, { paymentReminderSubject } from './payment-reminder';

/** The plain-text part as sent, every run of spaces (non-breaking ones in amounts too) as one. */
async function text(email: ReactElement): Promise<string> {
  return (await render(email, { plainText: true })).replace(/[\s\u00a0\u202f]+/g, ' ');
}

const facts = {
  schoolName: 'Na Piątkę',
  contact: { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  name: 'Katarzyna Nowak',
  number: 'FV/0007/11/2026',
  dueDate: '2026-12-09',
  due: 123_450,
  sellerName: 'Szkoła Korepetycji Na Piątkę sp. z o.o.',
  bankAccount: '12 1140 2004 0000 3102 1234 5678',
  transferTitle: 'FV/0007/11/2026 Ola Nowak, Kuba Nowak',
  invoicesUrl: 'https://app.example.test/parent/invoices',
};
const unsubscribeUrl = 'https://app.example.test/unsubscribe?s=school&e=k%40example.test&t=signature';

/** What every one of the three must show for the payer to pay without calling the school. */
function expectPaymentFacts(body: string, amount: string, locale: 'pl' | 'en') {
  const l = locale === 'pl' ? { account: 'Numer konta', title: 'Tytuł przelewu', payee: 'Odbiorca', amount: 'Kwota' } : { account: 'Account number', title: 'Transfer title', payee: 'Payee', amount: 'Amount' };
  expect(body).toContain(`${l.payee}: Szkoła Korepetycji Na Piątkę sp. z o.o.`);
  expect(body).toContain(`${l.account}: 12 1140 2004 0000 3102 1234 5678`);
  expect(body).toContain(`${l.title}: FV/0007/11/2026 Ola Nowak, Kuba Nowak`);
  expect(body).toContain(`${l.amount}: ${amount}`);
}

/** A plain-text part with no layout left in it: no markup, no styles, nothing unset. */
function expectCleanText(body: string) {
  expect(body).not.toMatch(/[<>{}]|undefined|null|NaN|px;|#[0-9a-f]{6}/i);
}

describe('invoice issued', () => {
  it('Polish: the number, month, amount, due date, how to pay and that the PDF is attached', async () => {
    expect(invoiceIssuedSubject({ locale: 'pl', number: 'FV/0007/11/2026', period: '2026-11' })).toBe('Faktura FV/0007/11/2026 za listopad 2026');
    const body = await text(<InvoiceIssuedEmail {...facts} locale="pl" period="2026-11" gross={123_450} />);
    expect(body).toContain('Dzień dobry, Katarzyna Nowak!');
    expect(body).toContain('Przesyłamy fakturę nr FV/0007/11/2026 za listopad 2026. Faktura w PDF jest w załączniku tej wiadomości.');
    expect(body).toContain('Do zapłaty: 1 234,50 zł, termin płatności: 09.12.2026.');
    expectPaymentFacts(body, '1 234,50 zł', 'pl');
    expect(body).toContain('Moje faktury https://app.example.test/parent/invoices');
    expect(body).toContain('Na Piątkę · Kontakt ze szkołą: biuro@napiatke.pl · +48 22 123 45 67');
    expect(body).not.toContain('Wypisz');
    expectCleanText(body);
  });

  it('English: the same facts, amounts as the English portal writes them, dates as on the invoice', async () => {
    expect(invoiceIssuedSubject({ locale: 'en', number: 'FV/0007/11/2026', period: '2026-11' })).toBe('Invoice FV/0007/11/2026 for November 2026');
    const body = await text(<InvoiceIssuedEmail {...facts} locale="en" period="2026-11" gross={123_450} />);
    expect(body).toContain('Hello Katarzyna Nowak,');
    expect(body).toContain('Here is invoice no. FV/0007/11/2026 for November 2026. The invoice is attached to this email as a PDF.');
    expect(body).toContain('Amount due: PLN 1,234.50, payment due by 09.12.2026.');
    expectPaymentFacts(body, 'PLN 1,234.50', 'en');
    expect(body).toContain('Contact the school: biuro@napiatke.pl');
    expectCleanText(body);
  });

  it('an earlier overpayment: partly covered says what is left; fully covered asks for nothing', async () => {
    const partly = await text(<InvoiceIssuedEmail {...facts} locale="pl" period="2026-11" gross={150_000} due={50_000} />);
    expect(partly).toContain('Do zapłaty: 500,00 zł, termin płatności: 09.12.2026.');
    expect(partly).toContain('Faktura opiewa na 1 500,00 zł; część tej kwoty pokrywa Twoja wcześniejsza nadpłata.');
    expect(partly).toContain('Kwota: 500,00 zł');
    const covered = await text(<InvoiceIssuedEmail {...facts} locale="en" period="2026-11" gross={150_000} due={0} />);
    expect(covered).toContain('The invoice total of PLN 1,500.00 is already fully covered by your earlier overpayment — there is nothing to pay.');
    expect(covered).not.toContain('Account number');
  });

  it('an invoice without a bank account, and a payer without a portal page', async () => {
    const body = await text(<InvoiceIssuedEmail {...facts} locale="pl" period="2026-11" gross={123_450} bankAccount={null} invoicesUrl={null} />);
    expect(body).toContain('Faktura nie podaje numeru konta — o sposób płatności zapytaj szkołę.');
    expect(body).not.toContain('Numer konta');
    expect(body).not.toContain('Moje faktury');
  });
});

describe('payment reminder', () => {
  it('Polish: when it is due, what is left, how to pay, and the unsubscribe link in the footer', async () => {
    expect(paymentReminderSubject({ locale: 'pl', number: 'FV/0007/11/2026', dueDate: '2026-12-09' })).toBe('Przypomnienie: termin płatności faktury FV/0007/11/2026 mija 09.12.2026');
    const body = await text(<PaymentReminderEmail {...facts} locale="pl" daysLeft={7} unsubscribeUrl={unsubscribeUrl} />);
    expect(body).toContain('Uprzejmie przypominamy, że termin płatności faktury nr FV/0007/11/2026 mija za 7 dni (09.12.2026).');
    expect(body).toContain('Do zapłaty pozostało: 1 234,50 zł.');
    expectPaymentFacts(body, '1 234,50 zł', 'pl');
    expect(body).toContain(`Nie chcesz dostawać przypomnień? Wypisz się ${unsubscribeUrl}`);
    expectCleanText(body.replace(unsubscribeUrl, ''));
  });

  it('English, and tomorrow / today in both languages', async () => {
    expect(paymentReminderSubject({ locale: 'en', number: 'FV/0007/11/2026', dueDate: '2026-12-09' })).toBe('Reminder: invoice FV/0007/11/2026 is due on 09.12.2026');
    const body = await text(<PaymentReminderEmail {...facts} locale="en" daysLeft={7} unsubscribeUrl={unsubscribeUrl} />);
    expect(body).toContain('This is a friendly reminder that invoice no. FV/0007/11/2026 is due in 7 days (09.12.2026).');
    expect(body).toContain('Amount still due: PLN 1,234.50.');
    expectPaymentFacts(body, 'PLN 1,234.50', 'en');
    expect(body).toContain(`No more reminders? Unsubscribe ${unsubscribeUrl}`);
    expect(await text(<PaymentReminderEmail {...facts} locale="en" daysLeft={1} />)).toContain('is due tomorrow (09.12.2026)');
    expect(await text(<PaymentReminderEmail {...facts} locale="pl" daysLeft={1} />)).toContain('mija jutro (09.12.2026)');
    expect(await text(<PaymentReminderEmail {...facts} locale="pl" daysLeft={0} />)).toContain('mija dziś (09.12.2026)');
  });
});

describe('overdue notice', () => {
  it('Polish: past due since the date, what is still owed, how to pay, whom to tell if already paid — no unsubscribe link', async () => {
    expect(overdueNoticeSubject({ locale: 'pl', number: 'FV/0007/11/2026' })).toBe('Zaległa płatność za fakturę FV/0007/11/2026');
    const body = await text(<OverdueNoticeEmail {...facts} locale="pl" />);
    expect(body).toContain('Termin płatności faktury nr FV/0007/11/2026 minął 09.12.2026, a nie odnotowaliśmy jeszcze całej wpłaty.');
    expect(body).toContain('Do zapłaty pozostało: 1 234,50 zł.');
    expectPaymentFacts(body, '1 234,50 zł', 'pl');
    expect(body).toContain('Jeśli płatność została już wysłana, prosimy o kontakt ze szkołą — sprawdzimy ją i uzupełnimy nasze zapisy. Kontakt: biuro@napiatke.pl, +48 22 123 45 67.');
    expect(body).not.toContain('Wypisz');
    expectCleanText(body);
  });

  it('English', async () => {
    expect(overdueNoticeSubject({ locale: 'en', number: 'FV/0007/11/2026' })).toBe('Overdue payment for invoice FV/0007/11/2026');
    const body = await text(<OverdueNoticeEmail {...facts} locale="en" due={5_050} />);
    expect(body).toContain('Invoice no. FV/0007/11/2026 was due on 09.12.2026, and we have not yet received the full payment.');
    expect(body).toContain('Amount still due: PLN 50.50.');
    expect(body).toContain('If you have already paid, please contact the school so that we can find your payment and update our records. Contact: biuro@napiatke.pl, +48 22 123 45 67.');
    expect(body).not.toContain('Unsubscribe');
    expectCleanText(body);
  });
});
