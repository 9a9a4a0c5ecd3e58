import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, type SchoolContact } from './layout';

export type MakeupExpiringEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  contact?: SchoolContact;
  unsubscribeUrl?: string;
  name: string;
  /** The student the makeup lesson is owed to. */
  studentName: string;
  /** The cancelled lesson that earned it: "Matematyka, 10.12.2026". */
  sourceLesson: string;
  /** The last day it can be used, "09.01.2027". */
  useBy: string;
  /** The reader's portal, when they have an account. */
  portalUrl: string | null;
};

const copy = {
  pl: {
    subject: (d: string) => `Lekcja odrabiana do wykorzystania do ${d}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    body: (student: string, lesson: string) => `Przysługuje lekcja odrabiana za odwołaną lekcję: ${lesson} (${student}).`,
    useBy: (d: string) => `Można ją wykorzystać do ${d}. Potem przepada.`,
    howTo: 'Aby umówić lekcję odrabianą, skontaktuj się ze szkołą lub z nauczycielem (kontakt poniżej) — ustalą termin i zapiszą lekcję.',
    portal: 'Otwórz portal',
  },
  en: {
    subject: (d: string) => `Makeup lesson: use it by ${d}`,
    hello: (n: string) => `Hello ${n},`,
    body: (student: string, lesson: string) => `A makeup lesson is owed for a cancelled lesson: ${lesson} (${student}).`,
    useBy: (d: string) => `It can be used until ${d}. After that it expires.`,
    howTo: 'To book the makeup lesson, contact the school or the tutor (details below) — they will agree on a time and book it.',
    portal: 'Open the portal',
  },
};

export const makeupExpiringSubject = (p: Pick<MakeupExpiringEmailProps, 'locale' | 'useBy'>) => copy[p.locale].subject(p.useBy);

/** Warns a student (and their parents) a few days (the school's setting) before a makeup credit expires. */
export default function MakeupExpiringEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl = 'http://localhost:3000/unsubscribe?s=sample&e=sample&t=sample',
  name = 'Katarzyna Nowak',
  studentName = 'Ola Nowak',
  sourceLesson = 'Matematyka, 10.12.2026',
  useBy = '09.01.2027',
  portalUrl = 'http://localhost:3000/parent',
}: Partial<MakeupExpiringEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(useBy)} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.body(studentName, sourceLesson)}</Text>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{c.useBy(useBy)}</Text>
      <Text style={paragraph}>{c.howTo}</Text>
      {portalUrl && (
        <Button href={portalUrl} style={button}>
          {c.portal}
        </Button>
      )}
    </EmailLayout>
  );
}
