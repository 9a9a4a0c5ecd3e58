import { Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

export type CancelledLessonLine = { when: string; subject: string; student?: string };

export type LessonsCancelledClosureEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  name: string;
  closureName: string;
  /** "23.12.2026–31.12.2026" or one date. */
  period: string;
  lessons: CancelledLessonLine[];
};

const copy = {
  pl: {
    subject: (school: string, closure: string) => `Odwołane lekcje: ${closure} — ${school}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    body: (closure: string, period: string, count: number) =>
      `Szkoła będzie nieczynna (${closure}, ${period}). ${count === 1 ? 'Ta lekcja została odwołana' : 'Te lekcje zostały odwołane'}:`,
    free: 'Odwołane lekcje nie są płatne. W razie pytań skontaktuj się ze szkołą.',
    forStudent: (s: string) => ` (${s})`,
  },
  en: {
    subject: (school: string, closure: string) => `Lessons cancelled: ${closure} — ${school}`,
    hello: (n: string) => `Hello ${n},`,
    body: (closure: string, period: string, count: number) => `The school will be closed (${closure}, ${period}). ${count === 1 ? 'This lesson was' : 'These lessons were'} cancelled:`,
    free: 'Cancelled lessons are not charged. Contact the school with any questions.',
    forStudent: (s: string) => ` (${s})`,
  },
};

export const lessonsCancelledClosureSubject = (p: Pick<LessonsCancelledClosureEmailProps, 'locale' | 'schoolName' | 'closureName'>) => copy[p.locale].subject(p.schoolName, p.closureName);

/** Sent once to each tutor, student and paying or full-access parent whose lessons a new closure cancelled. */
export default function LessonsCancelledClosureEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  name = 'Anna Kowalska',
  closureName = 'Przerwa świąteczna',
  period = '23.12.2026–31.12.2026',
  lessons = [
    { when: '29.12.2026 16:00–17:00', subject: 'Matematyka', student: 'Ola Nowak' },
    { when: '30.12.2026 17:00–18:00', subject: 'Fizyka', student: 'Ola Nowak' },
  ],
}: Partial<LessonsCancelledClosureEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(schoolName, closureName)} schoolName={schoolName}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.body(closureName, period, lessons.length)}</Text>
      {lessons.map((l, i) => (
        <Text key={i} style={{ ...paragraph, margin: '0 0 6px' }}>
          • {l.when} — {l.subject}
          {l.student ? c.forStudent(l.student) : ''}
        </Text>
      ))}
      <Text style={{ ...paragraph, marginTop: 14 }}>{c.free}</Text>
    </EmailLayout>
  );
}
