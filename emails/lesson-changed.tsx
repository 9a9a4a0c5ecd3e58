import { Link, Section, Text } from '@react-email/components';
import { EmailLayout, paragraph, type SchoolContact } from './layout';

/** When and where a lesson is (or was), in the school's zone. */
export type LessonSlot = { date: string; time: string; room: string | null; meetingUrl: string | null };

/** One lesson that was moved (new time or place) or cancelled. */
export type LessonChangeLine = { subjectName: string; students: string[] } & (
  | { change: 'moved'; before: LessonSlot; after: LessonSlot }
  | { change: 'cancelled'; before: LessonSlot; reason: string | null }
);

export type LessonChangedEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  contact?: SchoolContact;
  /** Never set for this kind: a change must reach people who unsubscribed from reminders. */
  unsubscribeUrl?: string;
  name: string;
  /** Usually one; a series changed "from this lesson on" lists each lesson it moved or cancelled. */
  changes: LessonChangeLine[];
};

const copy = {
  pl: {
    moved: (s: string, d: string, t: string) => `Lekcja przeniesiona: ${s} ${d}, ${t}`,
    cancelled: (s: string, d: string, t: string) => `Lekcja odwołana: ${s} ${d}, ${t}`,
    many: (n: number) => `Zmiany w planie lekcji (${n})`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    introMany: 'W planie lekcji zaszły zmiany:',
    movedLine: (s: string) => `Lekcja ${s} została przeniesiona.`,
    cancelledLine: (s: string, d: string, t: string) => `Lekcja ${s}, ${d}, ${t}, została odwołana.`,
    was: 'Było',
    now: 'Jest',
    online: 'online',
    link: 'Link do lekcji',
    reason: 'Powód',
    questions: 'W razie pytań skontaktuj się ze szkołą.',
  },
  en: {
    moved: (s: string, d: string, t: string) => `Lesson moved: ${s} on ${d}, ${t}`,
    cancelled: (s: string, d: string, t: string) => `Lesson cancelled: ${s} on ${d}, ${t}`,
    many: (n: number) => `Changes to your lessons (${n})`,
    hello: (n: string) => `Hello ${n},`,
    introMany: 'Your lessons have changed:',
    movedLine: (s: string) => `The lesson ${s} has been moved.`,
    cancelledLine: (s: string, d: string, t: string) => `The lesson ${s} on ${d}, ${t} has been cancelled.`,
    was: 'Was',
    now: 'Now',
    online: 'online',
    link: 'Lesson link',
    reason: 'Reason',
    questions: 'If you have any questions, please contact the school.',
  },
};

type Copy = (typeof copy)['pl'];

export const lessonChangedSubject = (p: Pick<LessonChangedEmailProps, 'locale' | 'changes'>) => {
  const c = copy[p.locale];
  if (p.changes.length !== 1) return c.many(p.changes.length);
  const [only] = p.changes;
  return (only.change === 'moved' ? c.moved : c.cancelled)(only.subjectName, only.before.date, only.before.time);
};

const line = { ...paragraph, margin: '0 0 6px' } as const;

/** "Matematyka (Ola Nowak)": the subject and whom it concerns. */
const what = (l: LessonChangeLine) => (l.students.length ? `${l.subjectName} (${l.students.join(', ')})` : l.subjectName);

/** "10.12.2026, 16:00–17:00, Sala 2 / online". */
function slotText(c: Copy, s: LessonSlot) {
  const place = [s.room, s.meetingUrl ? c.online : null].filter(Boolean).join(' / ');
  return [s.date, s.time, place].filter(Boolean).join(', ');
}

function Change({ c, change }: { c: Copy; change: LessonChangeLine }) {
  if (change.change === 'cancelled') {
    return (
      <>
        <Text style={line}>{c.cancelledLine(what(change), change.before.date, change.before.time)}</Text>
        {change.reason && (
          <Text style={line}>
            {c.reason}: {change.reason}
          </Text>
        )}
      </>
    );
  }
  return (
    <>
      <Text style={line}>{c.movedLine(what(change))}</Text>
      <Text style={{ ...line, color: '#71717a' }}>
        {c.was}: {slotText(c, change.before)}
      </Text>
      <Text style={{ ...line, fontWeight: 600 }}>
        {c.now}: {slotText(c, change.after)}
      </Text>
      {change.after.meetingUrl && (
        <Text style={line}>
          {c.link}: <Link href={change.after.meetingUrl}>{change.after.meetingUrl}</Link>
        </Text>
      )}
    </>
  );
}

/** Tells a lesson's students, their parents and its tutor that it was moved or cancelled. */
export default function LessonChangedEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl,
  name = 'Katarzyna Nowak',
  changes = [
    {
      change: 'moved',
      subjectName: 'Matematyka',
      students: ['Ola Nowak'],
      before: { date: '10.12.2026', time: '16:00–17:00', room: 'Sala 2', meetingUrl: null },
      after: { date: '11.12.2026', time: '17:00–18:00', room: 'Sala 5', meetingUrl: null },
    },
  ],
}: Partial<LessonChangedEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={lessonChangedSubject({ locale, changes })} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      {changes.length > 1 && <Text style={paragraph}>{c.introMany}</Text>}
      {changes.map((change, i) => (
        <Section key={i} style={{ margin: '0 0 12px' }}>
          <Change c={c} change={change} />
        </Section>
      ))}
      <Text style={{ ...paragraph, marginTop: 14 }}>{c.questions}</Text>
    </EmailLayout>
  );
}
