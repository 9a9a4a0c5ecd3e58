import { render } from '@react-email/render';
import { describe, expect, it } from 'vitest';
import NewMessagesEmail, { newMessagesSubject } from './new-messages';

const contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' };
const threads = [
  { subject: 'Zadanie z geometrii', studentName: 'Ola Nowak', from: 'Anna Kowalczyk', count: 2 },
  { subject: '<b>Faktura</b>', studentName: 'Ola Nowak', from: 'Biuro', count: 1 },
];

describe('new messages notice', () => {
  it('lists the threads with news, in Polish, links to the messages and carries no unsubscribe link', async () => {
    expect(newMessagesSubject({ locale: 'pl', threads })).toBe('Nowe wiadomości w TutorHub (3)');
    expect(newMessagesSubject({ locale: 'pl', threads: threads.slice(1) })).toBe('Nowa wiadomość w TutorHub');
    const props = { schoolName: 'Na Piątkę', locale: 'pl' as const, contact, name: 'Ewa Nowak', threads, messagesUrl: 'https://app.example.test/parent/messages' };
    const [html, text] = await Promise.all([render(<NewMessagesEmail {...props} />), render(<NewMessagesEmail {...props} />, { plainText: true })]);
    for (const fact of ['Dzień dobry, Ewa Nowak!', 'Zadanie z geometrii — Ola Nowak, od: Anna Kowalczyk (2)', 'Treść wiadomości przeczytasz po zalogowaniu', 'https://app.example.test/parent/messages', 'biuro@napiatke.pl']) {
      expect(text).toContain(fact);
    }
    // A subject someone typed is text in the email too.
    expect(html).not.toContain('<b>Faktura</b>');
    expect(html).toContain('&lt;b&gt;Faktura&lt;/b&gt;');
    expect(text).not.toMatch(/unsubscribe|wypisz/i);
  });

  it('reads in English', async () => {
    expect(newMessagesSubject({ locale: 'en', threads })).toBe('New messages in TutorHub (3)');
    const text = await render(<NewMessagesEmail schoolName="Na Piątkę" locale="en" contact={contact} name="Ewa Nowak" threads={threads} messagesUrl="https://app.example.test/parent/messages" />, { plainText: true });
    expect(text).toContain('Zadanie z geometrii — Ola Nowak, from: Anna Kowalczyk (2)');
    expect(text).toContain('Sign in to read them');
  });
});
