import { Link, Text } from '@react-email/components';
import { EmailLayout, paragraph, type SchoolContact } from './layout';

export type LessonReminderEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  contact?: SchoolContact;
  /** The signed unsubscribe-from-reminders link (a reminder always carries one). */
  unsubscribeUrl?: string;
  name: string;
  subjectName: string;
  /** "10.12.2026" in the school's zone. */
  date: string;
  /** "16:00–17:00" in the school's zone. */
  time: string;
  room: string | null;
  meetingUrl: string | null;
  tutor: string;
  /** The students this reader is told about: themselves, their children, or the whole group (the tutor). */
  students: string[];
};

const copy = {
  pl: {
    subject: (s: string, d: string, t: string) => `Przypomnienie: ${s} ${d}, ${t}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    intro: (s: string, d: string, t: string) => `Przypominamy o lekcji: ${s}, ${d}, ${t}.`,
    room: 'Sala',
    online: 'Lekcja online',
    tutor: 'Nauczyciel',
    students: (n: number) => (n === 1 ? 'Uczeń' : 'Uczniowie'),
    cantCome: 'Jeśli lekcja nie może się odbyć, daj znać szkole jak najszybciej.',
  },
  en: {
    subject: (s: string, d: string, t: string) => `Reminder: ${s} on ${d}, ${t}`,
    hello: (n: string) => `Hello ${n},`,
    intro: (s: string, d: string, t: string) => `A reminder of your lesson: ${s}, ${d}, ${t}.`,
    room: 'Room',
    online: 'Online lesson',
    tutor: 'Tutor',
    students: (n: number) => (n === 1 ? 'Student' : 'Students'),
    cantCome: 'If the lesson cannot take place, please let the school know as soon as possible.',
  },
};

export const lessonReminderSubject = (p: Pick<LessonReminderEmailProps, 'locale' | 'subjectName' | 'date' | 'time'>) => copy[p.locale].subject(p.subjectName, p.date, p.time);

const line = { ...paragraph, margin: '0 0 6px' } as const;

/** Sent some hours before a lesson (the school's setting) to its students, their parents and its tutor. */
export default function LessonReminderEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl = 'http://localhost:3000/unsubscribe?s=sample&e=sample&t=sample',
  name = 'Katarzyna Nowak',
  subjectName = 'Matematyka',
  date = '10.12.2026',
  time = '16:00–17:00',
  room = 'Sala 2',
  meetingUrl = null,
  tutor = 'Anna Kowalczyk',
  students = ['Ola Nowak'],
}: Partial<LessonReminderEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(subjectName, date, time)} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.intro(subjectName, date, time)}</Text>
      {room && (
        <Text style={line}>
          {c.room}: {room}
        </Text>
      )}
      {meetingUrl && (
        <Text style={line}>
          {c.online}: <Link href={meetingUrl}>{meetingUrl}</Link>
        </Text>
      )}
      <Text style={line}>
        {c.tutor}: {tutor}
      </Text>
      {students.length > 0 && (
        <Text style={line}>
          {c.students(students.length)}: {students.join(', ')}
        </Text>
      )}
      <Text style={{ ...paragraph, marginTop: 14 }}>{c.cantCome}</Text>
    </EmailLayout>
  );
}
