import { render } from '@react-email/render';
import { describe, expect, it } from 'vitest';
import { EmailLayout } from './layout';

describe('email layout', () => {
  it('puts the school logo above its name when the school has one, and nothing when not', async () => {
    const logoUrl = 'https://app.example.test/api/schools/6f1c2b9e-0000-4000-8000-000000000001/logo?v=0123456789abcdef';
    const withLogo = await render(
      <EmailLayout preview="p" schoolName="Na Piątkę" contact={{ email: 'biuro@napiatke.pl', logoUrl }}>
        treść
      </EmailLayout>,
    );
    expect(withLogo).toMatch(new RegExp(`<img[^>]*src="${logoUrl.replace(/[?.]/g, '\\$&')}"`));
    expect(withLogo.indexOf(logoUrl)).toBeLessThan(withLogo.indexOf('Na Piątkę'));
    const without = await render(
      <EmailLayout preview="p" schoolName="Na Piątkę" contact={{ email: 'biuro@napiatke.pl' }}>
        treść
      </EmailLayout>,
    );
    expect(without).not.toContain('<img');
  });
});
