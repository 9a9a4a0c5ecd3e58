import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** The frame every TutorHub email shares: school name on top, a calm single column. */
export function EmailLayout({ preview, schoolName, children, footer }: { preview: string; schoolName: string; children: ReactNode; footer?: string }) {
  return (
    <Html>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f4f5', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, maxWidth: 520, padding: '28px 32px' }}>
          <Text style={{ color: '#4f46e5', fontSize: 14, fontWeight: 700, margin: '0 0 16px' }}>{schoolName}</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e4e4e7', margin: '24px 0 12px' }} />
          <Text style={{ color: '#71717a', fontSize: 12, margin: 0 }}>{footer ?? 'TutorHub'}</Text>
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
