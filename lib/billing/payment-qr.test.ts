import { describe, expect, it } from 'vitest';
import { MAX_QR_GROSZE, zbpPaymentPayload, type PaymentQrInput } from './payment-qr';

const ACCOUNT = '92124012340001567890123456';
const base: PaymentQrInput = { nip: '1234567890', account: ACCOUNT, amountMinor: 1200, recipient: 'Odbiorca 1', title: 'FV 1234/34/2012' };
const fields = (payload: string | null) => payload?.split('|') ?? [];

describe('ZBP transfer QR payload', () => {
  it('matches the examples of the ZBP recommendation, with and without a NIP', () => {
    expect(zbpPaymentPayload(base)).toBe('1234567890|PL|92124012340001567890123456|001200|Odbiorca 1|FV 1234/34/2012|||');
    expect(zbpPaymentPayload({ ...base, nip: null, title: 'Przelew ekspress' })).toBe('|PL|92124012340001567890123456|001200|Odbiorca 1|Przelew ekspress|||');
    expect(zbpPaymentPayload({ ...base, nip: '', title: 'Przelew ekspress' })).toBe('|PL|92124012340001567890123456|001200|Odbiorca 1|Przelew ekspress|||');
  });

  it('always has nine fields, the last three empty', () => {
    const parts = fields(zbpPaymentPayload(base));
    expect(parts).toHaveLength(9);
    expect(parts.slice(6)).toEqual(['', '', '']);
  });

  it('writes the amount as six digits of grosze', () => {
    expect(fields(zbpPaymentPayload({ ...base, amountMinor: 1 }))[3]).toBe('000001');
    expect(fields(zbpPaymentPayload({ ...base, amountMinor: 15_000 }))[3]).toBe('015000');
    expect(fields(zbpPaymentPayload({ ...base, amountMinor: MAX_QR_GROSZE }))[3]).toBe('999999');
  });

  it('gives no code for an amount it cannot carry: above 9 999,99 zł, nothing, a credit or a fraction of a grosz', () => {
    expect(MAX_QR_GROSZE).toBe(999_999);
    for (const amountMinor of [1_000_000, 12_345_678, 0, -500, 12.5, Number.NaN]) {
      expect(zbpPaymentPayload({ ...base, amountMinor }), String(amountMinor)).toBeNull();
    }
  });

  it('takes the account as people write it: with PL, spaces, dashes, lower case', () => {
    for (const account of ['PL92124012340001567890123456', 'PL92 1240 1234 0001 5678 9012 3456', 'pl92 1240 1234 0001 5678 9012 3456', '92 1240 1234 0001 5678 9012 3456', '92-1240-1234-0001-5678-9012-3456', 'PL92\u00a01240\u00a01234\u00a00001\u00a05678\u00a09012\u00a03456']) {
      expect(fields(zbpPaymentPayload({ ...base, account }))[2], account).toBe(ACCOUNT);
    }
  });

  it('gives no code without a valid Polish account', () => {
    for (const account of [null, undefined, '', 'DE89 3704 0044 0532 0130 00', 'PL92 1240 1234 0001 5678 9012 345', 'PL93 1240 1234 0001 5678 9012 3456', 'konto w banku']) {
      expect(zbpPaymentPayload({ ...base, account }), String(account)).toBeNull();
    }
  });

  it('writes the NIP as ten digits, and leaves the field empty when it is not one', () => {
    expect(fields(zbpPaymentPayload({ ...base, nip: '526-000-12-46' }))[0]).toBe('5260001246');
    expect(fields(zbpPaymentPayload({ ...base, nip: '526 000 12 46' }))[0]).toBe('5260001246');
    expect(fields(zbpPaymentPayload({ ...base, nip: 'PL5260001246' }))[0]).toBe('');
    expect(fields(zbpPaymentPayload({ ...base, nip: '123' }))[0]).toBe('');
    expect(fields(zbpPaymentPayload({ ...base, nip: undefined }))[0]).toBe('');
  });

  it('cuts the recipient to 20 characters and the title to 32, at the end of a word', () => {
    const parts = fields(
      zbpPaymentPayload({ ...base, recipient: '  Szkoła Korepetycji Na Piątkę Sp. z o.o.  ', title: ' FV/0029/10/2026 Laurencja Duszyńska, Jan Duszyński ' }),
    );
    expect(parts[4]).toBe('Szkoła Korepetycji');
    expect(parts[5]).toBe('FV/0029/10/2026 Laurencja');
    // Cut where a word ends: nothing is dropped but the space, or the comma before the next name.
    expect(fields(zbpPaymentPayload({ ...base, recipient: 'Korepetycje Łódź Ab Nowa' }))[4]).toBe('Korepetycje Łódź Ab');
    expect(fields(zbpPaymentPayload({ ...base, title: 'FV/0208/11/2026 Agata Urban, Izabela Urban' }))[5]).toBe('FV/0208/11/2026 Agata Urban');
    // One long word is cut where the limit falls.
    expect(fields(zbpPaymentPayload({ ...base, recipient: 'Korepetycjeiwięcejjeszcze' }))[4]).toBe('Korepetycjeiwięcejje');
    // Exactly at the limit, nothing is cut.
    expect(fields(zbpPaymentPayload({ ...base, recipient: 'Na Piątkę Sp. z o.o.' }))[4]).toBe('Na Piątkę Sp. z o.o.');
    for (const recipient of ['Akademia Korepetycji Matematycznych Plus', 'x'.repeat(50)]) {
      const [, , , , name, title] = fields(zbpPaymentPayload({ ...base, recipient, title: recipient.repeat(2) }));
      expect(Array.from(name).length).toBeLessThanOrEqual(20);
      expect(Array.from(title).length).toBeLessThanOrEqual(32);
    }
  });

  it('keeps Polish letters, each one character however it was typed', () => {
    const parts = fields(zbpPaymentPayload({ ...base, recipient: 'Żółć Gęślą Jaźń Łódź Ćma', title: 'Zajęcia: Zośka Ślązak, Łucja Świątek' }));
    expect(parts[4]).toBe('Żółć Gęślą Jaźń Łódź');
    expect(parts[5]).toBe('Zajęcia: Zośka Ślązak, Łucja');
    // Twenty Polish letters are twenty characters (and forty bytes of UTF-8): none is cut.
    expect(fields(zbpPaymentPayload({ ...base, recipient: 'ŻółćŻółćŻółćŻółćŻółć' }))[4]).toBe('ŻółćŻółćŻółćŻółćŻółć');
    // "ą" as "a" and a combining ogonek counts once.
    expect(fields(zbpPaymentPayload({ ...base, recipient: 'Na Pia\u0328tke\u0328 Sp. z o.o. Warszawa' }))[4]).toBe('Na Piątkę Sp. z o.o.');
  });

  it('takes "|" and line breaks out of the text, so the fields stay nine', () => {
    const payload = zbpPaymentPayload({ ...base, recipient: 'Odbiorca|1', title: 'FV 1|2\n3\tcztery\u00ad' });
    expect(fields(payload)).toHaveLength(9);
    expect(fields(payload)[4]).toBe('Odbiorca 1');
    expect(fields(payload)[5]).toBe('FV 1 2 3 cztery');
    expect(fields(zbpPaymentPayload({ ...base, recipient: '||||' }))[4]).toBe('');
  });
});
