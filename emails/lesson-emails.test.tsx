import { render } from '@react-email/render';
import { describe, expect, it } from 'vitest';
import CancellationDecidedEmail, { cancellationDecidedSubject } from './cancellation-decided';
import LessonChangedEmail, { lessonChangedSubject, type LessonChangeLine } from './lesson-changed';
import LessonReminderEmail, { lessonReminderSubject } from './lesson-reminder';
import MakeupExpiringEmail, { makeupExpiringSubject } from './makeup-expiring';

// What sendNotice passes every template: the footer's parts. Reminders carry the unsubscribe
// link; a change or a decision must reach everyone, so it never does.
const contact = { email: 'biuro@napiatke.pl', phone: '+48 22 123 45 67' };
const unsubscribeUrl = 'https://app.example.test/unsubscribe?s=school&e=ewa%40example.test&t=signature';
const frame = (locale: 'pl' | 'en', reminder: boolean) => ({ schoolName: 'Na Piątkę', locale, contact, ...(reminder ? { unsubscribeUrl } : {}) });

async function both(element: React.ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

describe('lesson reminder', () => {
  const facts = { name: 'Ewa Nowak', subjectName: 'Matematyka', date: '10.12.2026', time: '16:00–17:00', room: 'Sala 2', meetingUrl: 'https://meet.example.test/abc', tutor: 'Anna Kowalczyk', students: ['Ola Nowak'] };

  it('reads in Polish: subject, date and time, room and link, tutor, student, the school’s contact and the unsubscribe link', async () => {
    expect(lessonReminderSubject({ locale: 'pl', ...facts })).toBe('Przypomnienie: Matematyka 10.12.2026, 16:00–17:00');
    const { html, text } = await both(<LessonReminderEmail {...frame('pl', true)} {...facts} />);
    expect(html).toContain('lang="pl"');
    for (const fact of ['Dzień dobry, Ewa Nowak!', 'Matematyka, 10.12.2026, 16:00–17:00', 'Sala: Sala 2', 'https://meet.example.test/abc', 'Nauczyciel: Anna Kowalczyk', 'Uczeń: Ola Nowak', 'biuro@napiatke.pl', '+48 22 123 45 67', 'Wypisz się']) {
      expect(text).toContain(fact);
    }
    expect(html).toContain(`href="${unsubscribeUrl.replace(/&/g, '&amp;')}"`);
  });

  it('reads in English and names a group’s students for the tutor', async () => {
    const props = { ...facts, room: null, students: ['Ola Nowak', 'Kuba Lis'] };
    expect(lessonReminderSubject({ locale: 'en', ...props })).toBe('Reminder: Matematyka on 10.12.2026, 16:00–17:00');
    const { html, text } = await both(<LessonReminderEmail {...frame('en', true)} {...props} />);
    expect(html).toContain('lang="en"');
    for (const fact of ['Hello Ewa Nowak,', 'A reminder of your lesson: Matematyka, 10.12.2026, 16:00–17:00.', 'Online lesson: https://meet.example.test/abc', 'Tutor: Anna Kowalczyk', 'Students: Ola Nowak, Kuba Lis', 'Unsubscribe']) {
      expect(text).toContain(fact);
    }
    expect(text).not.toContain('Room:');
    expect(text).not.toMatch(/Dzień dobry|Przypomnienie/);
  });
});

describe('lesson changed', () => {
  const moved: LessonChangeLine = {
    change: 'moved',
    subjectName: 'Matematyka',
    students: ['Ola Nowak'],
    before: { date: '10.12.2026', time: '16:00–17:00', room: 'Sala 2', meetingUrl: null },
    after: { date: '11.12.2026', time: '17:30–18:30', room: 'Sala 5', meetingUrl: null },
  };
  const cancelled: LessonChangeLine = {
    change: 'cancelled',
    subjectName: 'Fizyka',
    students: ['Ola Nowak'],
    before: { date: '15.12.2026', time: '09:00–10:00', room: null, meetingUrl: 'https://meet.example.test/x' },
    reason: 'Choroba nauczyciela',
  };

  it('tells of a move in Polish: the old and the new time and room, no unsubscribe link', async () => {
    expect(lessonChangedSubject({ locale: 'pl', changes: [moved] })).toBe('Lekcja przeniesiona: Matematyka 10.12.2026, 16:00–17:00');
    const { html, text } = await both(<LessonChangedEmail {...frame('pl', false)} name="Ewa Nowak" changes={[moved]} />);
    for (const fact of ['Lekcja Matematyka (Ola Nowak) została przeniesiona.', 'Było: 10.12.2026, 16:00–17:00, Sala 2', 'Jest: 11.12.2026, 17:30–18:30, Sala 5', 'biuro@napiatke.pl']) {
      expect(text).toContain(fact);
    }
    expect(text).not.toContain('Wypisz');
    expect(html).not.toContain('/unsubscribe');
  });

  it('tells of a cancellation in English, with the reason', async () => {
    expect(lessonChangedSubject({ locale: 'en', changes: [cancelled] })).toBe('Lesson cancelled: Fizyka on 15.12.2026, 09:00–10:00');
    const { html, text } = await both(<LessonChangedEmail {...frame('en', false)} name="Ewa Nowak" changes={[cancelled]} />);
    expect(html).toContain('lang="en"');
    for (const fact of ['Hello Ewa Nowak,', 'The lesson Fizyka (Ola Nowak) on 15.12.2026, 09:00–10:00 has been cancelled.', 'Reason: Choroba nauczyciela']) {
      expect(text).toContain(fact);
    }
    expect(text).not.toContain('Unsubscribe');
  });

  it('lists several changes in one message (a series changed from a date)', async () => {
    const changes = [moved, cancelled];
    expect(lessonChangedSubject({ locale: 'pl', changes })).toBe('Zmiany w planie lekcji (2)');
    expect(lessonChangedSubject({ locale: 'en', changes })).toBe('Changes to your lessons (2)');
    const { text } = await both(<LessonChangedEmail {...frame('pl', false)} name="Anna Kowalczyk" changes={changes} />);
    expect(text).toContain('W planie lekcji zaszły zmiany:');
    expect(text.indexOf('Jest: 11.12.2026')).toBeLessThan(text.indexOf('Lekcja Fizyka (Ola Nowak), 15.12.2026, 09:00–10:00, została odwołana.'));
    expect(text).toContain('Powód: Choroba nauczyciela');
  });

  it('gives a new online link', async () => {
    const relinked: LessonChangeLine = { ...moved, after: { ...moved.after, room: null, meetingUrl: 'https://meet.example.test/new' } };
    const { text } = await both(<LessonChangedEmail {...frame('en', false)} name="Ewa" changes={[relinked]} />);
    expect(text).toContain('Now: 11.12.2026, 17:30–18:30, online');
    expect(text).toContain('Lesson link: https://meet.example.test/new');
  });
});

describe('makeup expiring', () => {
  const facts = { name: 'Ewa Nowak', studentName: 'Ola Nowak', sourceLesson: 'Matematyka, 10.12.2026', useBy: '09.01.2027', portalUrl: 'https://app.example.test/parent' };

  it('reads in Polish: the lesson it is for, the last day, how to book, the unsubscribe link', async () => {
    expect(makeupExpiringSubject({ locale: 'pl', useBy: '09.01.2027' })).toBe('Lekcja odrabiana do wykorzystania do 09.01.2027');
    const { html, text } = await both(<MakeupExpiringEmail {...frame('pl', true)} {...facts} />);
    for (const fact of ['Przysługuje lekcja odrabiana za odwołaną lekcję: Matematyka, 10.12.2026 (Ola Nowak).', 'Można ją wykorzystać do 09.01.2027.', 'skontaktuj się ze szkołą', 'Kontakt ze szkołą: biuro@napiatke.pl · +48 22 123 45 67', 'Wypisz się']) {
      expect(text).toContain(fact);
    }
    expect(html).toContain('href="https://app.example.test/parent"');
  });

  it('reads in English, without a portal button for someone with no account', async () => {
    expect(makeupExpiringSubject({ locale: 'en', useBy: '09.01.2027' })).toBe('Makeup lesson: use it by 09.01.2027');
    const { html, text } = await both(<MakeupExpiringEmail {...frame('en', true)} {...facts} portalUrl={null} />);
    for (const fact of ['A makeup lesson is owed for a cancelled lesson: Matematyka, 10.12.2026 (Ola Nowak).', 'It can be used until 09.01.2027.', 'To book the makeup lesson, contact the school', 'Unsubscribe']) {
      expect(text).toContain(fact);
    }
    expect(html).not.toContain('Open the portal');
  });
});

describe('cancellation decided', () => {
  const facts = { name: 'Ewa Nowak', studentName: 'Ola Nowak', lesson: 'Matematyka, 10.12.2026 16:00–17:00', lateCharged: true, note: 'Zdrowia!' };

  it('tells of an approval with a credit in Polish, with the school’s contact and no unsubscribe link', async () => {
    expect(cancellationDecidedSubject({ locale: 'pl', decision: 'approved' })).toBe('Odwołanie lekcji zatwierdzone');
    const { html, text } = await both(<CancellationDecidedEmail {...frame('pl', false)} {...facts} decision="approved" outcome="credit" creditUntil="09.01.2027" />);
    for (const fact of ['Szkoła zatwierdziła odwołanie lekcji: Ola Nowak, Matematyka, 10.12.2026 16:00–17:00.', 'do wykorzystania do 09.01.2027', 'Uwaga szkoły: Zdrowia!', 'Kontakt ze szkołą: biuro@napiatke.pl']) {
      expect(text).toContain(fact);
    }
    expect(html).toContain('lang="pl"');
    expect(html).not.toContain('/unsubscribe');
  });

  it('tells of a rejection in English', async () => {
    expect(cancellationDecidedSubject({ locale: 'en', decision: 'rejected' })).toBe('Lesson cancellation request rejected');
    const { html, text } = await both(<CancellationDecidedEmail {...frame('en', false)} {...facts} decision="rejected" outcome={null} creditUntil={null} note={null} />);
    expect(html).toContain('lang="en"');
    expect(text).toContain('The school rejected the request to cancel a lesson: Ola Nowak, Matematyka, 10.12.2026 16:00–17:00. The lesson takes place as planned.');
    expect(text).toContain('Contact the school: biuro@napiatke.pl · +48 22 123 45 67');
    expect(text).not.toContain('Unsubscribe');
  });
});
