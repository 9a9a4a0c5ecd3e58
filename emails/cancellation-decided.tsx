import { Text } from '@react-email/components';
import { EmailLayout, paragraph, type SchoolContact } from './layout';

export type CancellationDecidedEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  /** The school's contact for the footer. */
  contact?: SchoolContact;
  /** Never set for this kind (a decision is not a reminder); accepted because every notice's frame carries the field. */
  unsubscribeUrl?: string;
  name: string;
  /** The student whose lesson it is ("Ola Nowak"). */
  studentName: string;
  /** "Matematyka, 10.12.2026 16:00–17:00" in the school's zone. */
  lesson: string;
  decision: 'approved' | 'rejected';
  /** What the approval gave: a makeup credit, a late cancellation (no credit), or none because the term's cap is used up. */
  outcome: 'credit' | 'late' | 'cap' | null;
  /** The last day the credit can be used ("31.12.2026"), when there is one. */
  creditUntil: string | null;
  /** Whether the school charges late cancellations. */
  lateCharged: boolean;
  note: string | null;
};

const copy = {
  pl: {
    subject: (d: 'approved' | 'rejected') => (d === 'approved' ? 'Odwołanie lekcji zatwierdzone' : 'Prośba o odwołanie lekcji odrzucona'),
    hello: (n: string) => `Dzień dobry, ${n}!`,
    approved: (s: string, l: string) => `Szkoła zatwierdziła odwołanie lekcji: ${s}, ${l}.`,
    rejected: (s: string, l: string) => `Szkoła odrzuciła prośbę o odwołanie lekcji: ${s}, ${l}. Lekcja odbędzie się zgodnie z planem.`,
    credit: (d: string) => `Przysługuje lekcja odrabiana — do wykorzystania do ${d}.`,
    late: (charged: boolean) =>
      charged ? 'Odwołanie nastąpiło zbyt późno, więc lekcja odrabiana nie przysługuje, a lekcja zostanie policzona zgodnie z zasadami szkoły.' : 'Odwołanie nastąpiło zbyt późno, więc lekcja odrabiana nie przysługuje.',
    cap: 'Limit lekcji odrabianych w tym semestrze został wykorzystany, więc nowa lekcja odrabiana nie przysługuje.',
    note: (n: string) => `Uwaga szkoły: ${n}`,
  },
  en: {
    subject: (d: 'approved' | 'rejected') => (d === 'approved' ? 'Lesson cancellation approved' : 'Lesson cancellation request rejected'),
    hello: (n: string) => `Hello ${n},`,
    approved: (s: string, l: string) => `The school approved the cancellation of a lesson: ${s}, ${l}.`,
    rejected: (s: string, l: string) => `The school rejected the request to cancel a lesson: ${s}, ${l}. The lesson takes place as planned.`,
    credit: (d: string) => `A makeup lesson is available — use it by ${d}.`,
    late: (charged: boolean) =>
      charged ? 'The cancellation came too late, so there is no makeup lesson, and the lesson is charged under the school’s policy.' : 'The cancellation came too late, so there is no makeup lesson.',
    cap: 'This term’s makeup lessons are used up, so no new makeup lesson is available.',
    note: (n: string) => `Note from the school: ${n}`,
  },
};

export const cancellationDecidedSubject = (p: Pick<CancellationDecidedEmailProps, 'locale' | 'decision'>) => copy[p.locale].subject(p.decision);

/** Tells the person who asked to cancel a lesson what the tutor or the office decided. */
export default function CancellationDecidedEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl,
  name = 'Katarzyna Nowak',
  studentName = 'Ola Nowak',
  lesson = 'Matematyka, 10.12.2026 16:00–17:00',
  decision = 'approved',
  outcome = 'credit',
  creditUntil = '09.01.2027',
  lateCharged = true,
  note = null,
}: Partial<CancellationDecidedEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(decision)} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{decision === 'approved' ? c.approved(studentName, lesson) : c.rejected(studentName, lesson)}</Text>
      {decision === 'approved' && outcome === 'credit' && creditUntil && <Text style={{ ...paragraph, fontWeight: 600 }}>{c.credit(creditUntil)}</Text>}
      {decision === 'approved' && outcome === 'late' && <Text style={paragraph}>{c.late(lateCharged)}</Text>}
      {decision === 'approved' && outcome === 'cap' && <Text style={paragraph}>{c.cap}</Text>}
      {note && <Text style={paragraph}>{c.note(note)}</Text>}
    </EmailLayout>
  );
}
