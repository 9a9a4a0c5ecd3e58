const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** Digits only: "526-000-12-46" → "5260001246". */
export function normalizeNip(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** A Polish tax id (NIP): ten digits, the last a weighted checksum of the first nine (mod 11). */
export function isValidNip(input: string): boolean {
  const nip = normalizeNip(input);
  if (!/^\d{10}$/.test(nip)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(nip[i]), 0);
  const check = sum % 11;
  return check !== 10 && check === Number(nip[9]);
}

/** Completes nine digits with their check digit, or null when no valid NIP starts so. */
export function completeNip(nineDigits: string): string | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(nineDigits[i]), 0);
  const check = sum % 11;
  return check === 10 ? null : nineDigits + check;
}
