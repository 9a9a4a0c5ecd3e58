import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/**
 * How the school is reached, for the footer of automatic emails ("biuro@napiatke.pl · +48 22
 * 123 45 67"), and its logo's public address for the top, when it has one.
 */
export type SchoolContact = { email?: string | null; phone?: string | null; logoUrl?: string | null };

const footerCopy = {
  pl: { contact: 'Kontakt ze szkołą', unsubscribe: 'Nie chcesz dostawać przypomnień? Wypisz się', automatic: 'Wiadomość wysłana automatycznie przez TutorHub.' },
  en: { contact: 'Contact the school', unsubscribe: 'No more reminders? Unsubscribe', automatic: 'Sent automatically by TutorHub.' },
};

/**
 * The frame every TutorHub email shares: school name on top, a calm single column. Automatic
 * emails pass `locale`, the school's `contact` and the signed `unsubscribeUrl`, which the
 * footer shows (the same link goes out as List-Unsubscribe).
 */
export function EmailLayout({
  preview,
  schoolName,
  children,
  footer,
  locale = 'pl',
  contact,
  unsubscribeUrl,
}: {
  preview: string;
  schoolName: string;
  children: ReactNode;
  footer?: string;
  locale?: 'pl' | 'en';
  contact?: SchoolContact;
  unsubscribeUrl?: string;
}) {
  const c = footerCopy[locale];
  const reach = [contact?.email, contact?.phone].filter(Boolean).join(' · ');
  const small = { color: '#71717a', fontSize: 12, lineHeight: '18px', margin: '0 0 4px' } as const;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f4f5', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, maxWidth: 520, padding: '28px 32px' }}>
          {contact?.logoUrl && <Img src={contact.logoUrl} alt="" height={40} style={{ height: 40, width: 'auto', maxWidth: 200, margin: '0 0 8px' }} />}
          <Text style={{ color: '#4f46e5', fontSize: 14, fontWeight: 700, margin: '0 0 16px' }}>{schoolName}</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e4e4e7', margin: '24px 0 12px' }} />
          {reach && (
            <Text style={small}>
              {schoolName} · {c.contact}: {reach}
            </Text>
          )}
          {unsubscribeUrl && (
            <Text style={small}>
              <Link href={unsubscribeUrl} style={{ color: '#71717a', textDecoration: 'underline' }}>
                {c.unsubscribe}
              </Link>
            </Text>
          )}
          <Text style={{ ...small, margin: 0 }}>{footer ?? (contact || unsubscribeUrl ? c.automatic : 'TutorHub')}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { color: '#18181b', fontSize: 15, lineHeight: '22px', margin: '0 0 14px' } as const;
export const button = {
  backgroundColor: '#4f46e5',
  borderRadius: 6,
  color: '#ffffff',
  display: 'inline-block',
  fontSize: 15,
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
} as const;
