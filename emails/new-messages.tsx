import { Button, Section, Text } from '@react-email/components';
import { button, EmailLayout, paragraph, type SchoolContact } from './layout';

export type NewMessagesThread = { subject: string; studentName: string; from: string; count: number };

export type NewMessagesEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  contact?: SchoolContact;
  unsubscribeUrl?: string;
  name: string;
  /** Every thread with news for the reader since the last notice; the texts stay in the app. */
  threads: NewMessagesThread[];
  /** The reader's messages page. */
  messagesUrl: string;
};

const total = (threads: NewMessagesThread[]) => threads.reduce((n, t) => n + t.count, 0);

const copy = {
  pl: {
    subject: (n: number) => (n === 1 ? 'Nowa wiadomość w TutorHub' : `Nowe wiadomości w TutorHub (${n})`),
    hello: (n: string) => `Dzień dobry, ${n}!`,
    intro: (n: number) => (n === 1 ? 'Czeka na Ciebie nowa wiadomość:' : `Czekają na Ciebie nowe wiadomości (${n}):`),
    line: (t: NewMessagesThread) => `${t.subject} — ${t.studentName}, od: ${t.from}${t.count > 1 ? ` (${t.count})` : ''}`,
    privacy: 'Treść wiadomości przeczytasz po zalogowaniu: nie wysyłamy jej e-mailem.',
    open: 'Przeczytaj wiadomości',
  },
  en: {
    subject: (n: number) => (n === 1 ? 'A new message in TutorHub' : `New messages in TutorHub (${n})`),
    hello: (n: string) => `Hello ${n},`,
    intro: (n: number) => (n === 1 ? 'A new message is waiting for you:' : `New messages are waiting for you (${n}):`),
    line: (t: NewMessagesThread) => `${t.subject} — ${t.studentName}, from: ${t.from}${t.count > 1 ? ` (${t.count})` : ''}`,
    privacy: 'Sign in to read them: message texts are not sent by email.',
    open: 'Read the messages',
  },
};

export const newMessagesSubject = (p: Pick<NewMessagesEmailProps, 'locale' | 'threads'>) => copy[p.locale].subject(total(p.threads));

/**
 * One notice for everything new since the last one (the `message-notices` job batches them):
 * which threads, about whom, from whom. The texts are not in the email: they may be about a
 * child, and an inbox is not the place for them.
 */
export default function NewMessagesEmail({
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' },
  unsubscribeUrl,
  name = 'Katarzyna Nowak',
  threads = [
    { subject: 'Zadanie z geometrii', studentName: 'Ola Nowak', from: 'Anna Kowalczyk', count: 2 },
    { subject: 'Zmiana godziny w styczniu', studentName: 'Ola Nowak', from: 'Biuro szkoły', count: 1 },
  ],
  messagesUrl = 'http://localhost:3000/parent/messages',
}: Partial<NewMessagesEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(total(threads))} schoolName={schoolName} locale={locale} contact={contact} unsubscribeUrl={unsubscribeUrl}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.intro(total(threads))}</Text>
      <Section>
        {threads.map((t, i) => (
          <Text key={i} style={{ ...paragraph, margin: '0 0 6px', paddingLeft: '12px', borderLeft: '3px solid #e4e4e7' }}>
            {c.line(t)}
          </Text>
        ))}
      </Section>
      <Text style={paragraph}>{c.privacy}</Text>
      <Button href={messagesUrl} style={button}>
        {c.open}
      </Button>
    </EmailLayout>
  );
}
