import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph } from './layout';

export type MagicLinkEmailProps = { url: string; schoolName: string; locale: 'pl' | 'en' };

const copy = {
  pl: {
    subject: 'Twój link logowania do TutorHub',
    intro: 'Kliknij przycisk, aby zalogować się do portalu szkoły. Link działa raz i przez 10 minut.',
    button: 'Zaloguj się',
    ignore: 'Jeśli to nie Ty prosiłeś o link, zignoruj tę wiadomość.',
  },
  en: {
    subject: 'Your TutorHub sign-in link',
    intro: "Press the button to sign in to your school's portal. The link works once and for 10 minutes.",
    button: 'Sign in',
    ignore: 'If you did not ask for this link, ignore this email.',
  },
};

export const magicLinkSubject = (locale: 'pl' | 'en') => copy[locale].subject;

export default function MagicLinkEmail({ url = 'http://localhost:3000/login/confirm?token=sample', schoolName = 'Szkoła Korepetycji Na Piątkę', locale = 'pl' }: Partial<MagicLinkEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c.subject} schoolName={schoolName}>
      <Text style={paragraph}>{c.intro}</Text>
      <Button href={url} style={button}>
        {c.button}
      </Button>
      <Text style={{ ...paragraph, marginTop: 20, fontSize: 13, color: '#52525b' }}>{c.ignore}</Text>
    </EmailLayout>
  );
}
