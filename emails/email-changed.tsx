import { Text } from '@react-email/components';
import { EmailLayout, paragraph } from './layout';

export type EmailChangedEmailProps = {
  schoolName: string;
  locale: 'pl' | 'en';
  name: string;
  /** The new address, masked ("n***@example.com"): the old inbox may no longer be the person's. */
  maskedNewEmail: string;
};

const copy = {
  pl: {
    subject: (s: string) => `Zmieniono adres e-mail logowania w ${s}`,
    hello: (n: string) => `Dzień dobry, ${n}!`,
    body: (s: string, e: string) => `Adres e-mail, którym logujesz się do ${s} w TutorHub, został zmieniony na ${e}. Ten adres nie służy już do logowania, a otwarte sesje zostały zakończone.`,
    warning: 'Jeśli nie spodziewałeś(-aś) się tej zmiany, skontaktuj się ze szkołą.',
  },
  en: {
    subject: (s: string) => `Your sign-in email at ${s} was changed`,
    hello: (n: string) => `Hello ${n},`,
    body: (s: string, e: string) => `The email you use to sign in to ${s} on TutorHub was changed to ${e}. This address no longer signs you in, and open sessions were ended.`,
    warning: "If this wasn't expected, contact the school.",
  },
};

export const emailChangedSubject = (p: Pick<EmailChangedEmailProps, 'locale' | 'schoolName'>) => copy[p.locale].subject(p.schoolName);

/** Sent to the OLD address after the office changes someone's sign-in email. */
export default function EmailChangedEmail({ schoolName = 'Szkoła Korepetycji Na Piątkę', locale = 'pl', name = 'Anna Kowalska', maskedNewEmail = 'a***@example.com' }: Partial<EmailChangedEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject(schoolName)} schoolName={schoolName}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c.body(schoolName, maskedNewEmail)}</Text>
      <Text style={{ ...paragraph, fontWeight: 600 }}>{c.warning}</Text>
    </EmailLayout>
  );
}
