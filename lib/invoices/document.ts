import type { Grosze } from '@/lib/money';

/**
 * Everything an invoice shows, as plain data: what the PDF, the invoice page and the emails
 * render. Built from the stored invoice (its own snapshot of seller and buyer, taken when it
 * was issued), never from today's school or payer records, so an issued invoice never changes.
 * Amounts are whole grosze; dates are calendar dates in the school's zone ("2026-11-25").
 */
export type InvoiceDocument = {
  /** "FV/0007/11/2026". */
  number: string;
  kind: 'invoice' | 'correction';
  /** For a correcting invoice: the number and issue date of the invoice it corrects, and why. */
  corrects?: { number: string; issueDate: string; reason: string };
  /** The payer's language: the document's words (amounts in words too) follow it. */
  language: 'pl' | 'en';
  issueDate: string;
  /** The sale (service) date: for a monthly invoice, the last day of the month billed. */
  saleDate: string;
  /** "2026-11" — the month the lessons were given in. */
  period: string;
  dueDate: string;
  /** Where the invoice was issued ("Warszawa"). */
  place: string;
  seller: {
    name: string;
    addressLine: string;
    postalCode: string;
    city: string;
    nip: string | null;
    bankAccount: string | null;
    email: string | null;
    phone: string | null;
  };
  buyer: {
    name: string;
    /** One line or several ("ul. Długa 5\n00-001 Warszawa"). */
    address: string | null;
    /** A company payer's NIP, printed as "NIP: …". */
    nip: string | null;
  };
  /** The lines in order. `net` is quantity × unit price, rounded once; a credit line is negative. */
  lines: {
    description: string;
    /** "2026-11-04" for a lesson line; null for a summary line (a discount, a balance). */
    date: string | null;
    /** "60 min". */
    quantityLabel: string;
    unitNet: Grosze;
    net: Grosze;
  }[];
  vat:
    | { mode: 'rate'; ratePercent: number }
    /** Exempt ("zw"), with its legal basis printed on the invoice, e.g. "art. 43 ust. 1 pkt 26 lit. a ustawy o VAT". */
    | { mode: 'exempt'; basis: string };
  totals: { net: Grosze; vat: Grosze; gross: Grosze };
  /** Already paid towards this invoice (and any credit carried from before), and what is left to pay. */
  paid: Grosze;
  due: Grosze;
  /** The transfer title the payer should use: the number and the children's names. */
  transferTitle: string;
};
