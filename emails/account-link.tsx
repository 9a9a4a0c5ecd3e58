import { Button, Text } from '@react-email/components';
import { button, EmailLayout, paragraph } from './layout';

export type AccountLinkEmailProps = {
  url: string;
  schoolName: string;
  locale: 'pl' | 'en';
  kind: 'invite-password' | 'invite-parent' | 'password-reset';
  name: string;
  validDays: number;
};

const copy = {
  pl: {
    'invite-password': { subject: (s: string) => `Zaproszenie do ${s} w TutorHub`, body: 'Szkoła założyła dla Ciebie konto w TutorHub. Ustaw hasło, aby z niego korzystać.', button: 'Ustaw hasło' },
    'invite-parent': { subject: (s: string) => `Portal rodzica: ${s}`, body: 'Szkoła zaprasza Cię do portalu rodzica: plan zajęć dzieci, faktury i wiadomości. Nie potrzebujesz hasła.', button: 'Otwórz portal' },
    'password-reset': { subject: () => 'Ustaw nowe hasło do TutorHub', body: 'Szkoła poprosiła o ustawienie nowego hasła do Twojego konta.', button: 'Ustaw nowe hasło' },
    hello: (n: string) => `Dzień dobry, ${n}!`,
    valid: (d: number) => (d === 1 ? 'Link jest ważny przez 24 godziny i działa raz.' : `Link jest ważny przez ${d} dni i działa raz.`),
  },
  en: {
    'invite-password': { subject: (s: string) => `Your invitation to ${s} on TutorHub`, body: 'Your school created a TutorHub account for you. Set a password to start using it.', button: 'Set my password' },
    'invite-parent': { subject: (s: string) => `Parent portal: ${s}`, body: "Your school invites you to the parent portal: your children's lessons, invoices and messages. No password needed.", button: 'Open the portal' },
    'password-reset': { subject: () => 'Set a new TutorHub password', body: 'Your school asked for a new password to be set on your account.', button: 'Set a new password' },
    hello: (n: string) => `Hello ${n},`,
    valid: (d: number) => (d === 1 ? 'The link is valid for 24 hours and works once.' : `The link is valid for ${d} days and works once.`),
  },
};

export const accountLinkSubject = (p: Pick<AccountLinkEmailProps, 'locale' | 'kind' | 'schoolName'>) => copy[p.locale][p.kind].subject(p.schoolName);

export default function AccountLinkEmail({
  url = 'http://localhost:3000/invite/sample',
  schoolName = 'Szkoła Korepetycji Na Piątkę',
  locale = 'pl',
  kind = 'invite-password',
  name = 'Anna Kowalska',
  validDays = 7,
}: Partial<AccountLinkEmailProps>) {
  const c = copy[locale];
  return (
    <EmailLayout preview={c[kind].subject(schoolName)} schoolName={schoolName}>
      <Text style={paragraph}>{c.hello(name)}</Text>
      <Text style={paragraph}>{c[kind].body}</Text>
      <Button href={url} style={button}>
        {c[kind].button}
      </Button>
      <Text style={{ ...paragraph, marginTop: 20, fontSize: 13, color: '#52525b' }}>{c.valid(validDays)}</Text>
    </EmailLayout>
  );
}
