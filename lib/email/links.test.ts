import { describe, expect, it } from 'vitest';
import { withoutLinks } from './index';

describe('withoutLinks', () => {
  it('removes every sign-in link from the stored copy, in HTML and in text', () => {
    const html = '<a href="https://app.example/login/confirm?token=abc&amp;email=x">Zaloguj się</a> https://app.example/invite/xyz';
    const text = 'Zaloguj się https://app.example/login/confirm?token=abc&email=x\nhttp://localhost:3000/invite/xyz]';
    expect(withoutLinks(html)).toBe('<a href="#">Zaloguj się</a> [link removed]');
    expect(withoutLinks(text)).toBe('Zaloguj się [link removed]\n[link removed]]');
    expect(withoutLinks(html + text)).not.toMatch(/token|invite\//);
  });
});
