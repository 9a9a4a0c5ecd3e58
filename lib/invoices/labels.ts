/**
 * The words printed on an invoice, in the document's language (the payer's, stored with the
 * invoice), not the reader's: an invoice looks the same to the office and to the family. Kept
 * here rather than in a request catalog because the PDF is also rendered by jobs and emails,
 * outside any request. Both languages have every key (the type says so).
 */
export type InvoiceLabels = {
  title: { vat: string; plain: string; correction: string };
  corrects: (number: string, date: string) => string;
  correctionReason: string;
  place: string;
  issueDate: string;
  saleDate: string;
  period: string;
  seller: string;
  buyer: string;
  nip: string;
  bankAccount: string;
  email: string;
  phone: string;
  columns: { lp: string; description: string; date: string; quantity: string; unitNet: string; net: string; vat: string; gross: string };
  currencyNote: string;
  exempt: string;
  vatSummary: { rate: string; net: string; vat: string; gross: string; total: string };
  exemptBasis: string;
  payment: string;
  transfer: string;
  dueDate: string;
  transferTitle: string;
  paid: string;
  due: string;
  refund: string;
  inWords: string;
  page: (page: number, pages: number) => string;
};

export const invoiceLabels: Record<'pl' | 'en', InvoiceLabels> = {
  pl: {
    title: { vat: 'Faktura VAT nr', plain: 'Faktura nr', correction: 'Faktura korygująca nr' },
    corrects: (number, date) => `do faktury nr ${number} z dnia ${date}`,
    correctionReason: 'Przyczyna korekty',
    place: 'Miejsce wystawienia',
    issueDate: 'Data wystawienia',
    saleDate: 'Data sprzedaży',
    period: 'Okres rozliczeniowy',
    seller: 'Sprzedawca',
    buyer: 'Nabywca',
    nip: 'NIP',
    bankAccount: 'Nr konta',
    email: 'E-mail',
    phone: 'Tel.',
    columns: { lp: 'Lp.', description: 'Nazwa usługi', date: 'Data', quantity: 'Ilość', unitNet: 'Cena netto', net: 'Wartość netto', vat: 'VAT', gross: 'Wartość brutto' },
    currencyNote: 'Kwoty w złotych (PLN)',
    exempt: 'zw',
    vatSummary: { rate: 'Stawka VAT', net: 'Wartość netto', vat: 'Kwota VAT', gross: 'Wartość brutto', total: 'Razem' },
    exemptBasis: 'Podstawa zwolnienia',
    payment: 'Sposób płatności',
    transfer: 'przelew',
    dueDate: 'Termin płatności',
    transferTitle: 'Tytuł przelewu',
    paid: 'Zapłacono',
    due: 'Do zapłaty',
    refund: 'Do zwrotu',
    inWords: 'Słownie',
    page: (page, pages) => `Strona ${page} z ${pages}`,
  },
  en: {
    title: { vat: 'VAT invoice no.', plain: 'Invoice no.', correction: 'Corrective invoice no.' },
    corrects: (number, date) => `to invoice no. ${number} of ${date}`,
    correctionReason: 'Reason for correction',
    place: 'Place of issue',
    issueDate: 'Date of issue',
    saleDate: 'Date of supply',
    period: 'Billing period',
    seller: 'Seller',
    buyer: 'Buyer',
    nip: 'Tax ID (NIP)',
    bankAccount: 'Bank account',
    email: 'Email',
    phone: 'Phone',
    columns: { lp: 'No.', description: 'Service', date: 'Date', quantity: 'Qty', unitNet: 'Unit net', net: 'Net', vat: 'VAT', gross: 'Gross' },
    currencyNote: 'Amounts in Polish zloty (PLN)',
    exempt: 'exempt',
    vatSummary: { rate: 'VAT rate', net: 'Net', vat: 'VAT', gross: 'Gross', total: 'Total' },
    exemptBasis: 'VAT exemption basis',
    payment: 'Payment method',
    transfer: 'bank transfer',
    dueDate: 'Payment due',
    transferTitle: 'Transfer title',
    paid: 'Paid',
    due: 'Amount due',
    refund: 'To be refunded',
    inWords: 'In words',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};
