import type { Grosze } from '@/lib/money';

/**
 * An amount in words, as an invoice writes it under "Do zapłaty": the złoty in words and the
 * grosze as a fraction, "jeden tysiąc dwieście trzydzieści cztery złote 50/100". Polish nouns
 * take one of three forms after a number: 1 → złoty/tysiąc/milion; 2–4, 22–24, 102–104… (but
 * not 12–14) → złote/tysiące/miliony; everything else → złotych/tysięcy/milionów. A group equal
 * to one is said "jeden tysiąc", as invoices spell it; inside a larger number (21 000) the form
 * follows the last two digits: "dwadzieścia jeden tysięcy".
 */
export function amountInWords(amount: Grosze, language: 'pl' | 'en'): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not whole grosze: ${amount}`);
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100);
  const fraction = `${String(abs % 100).padStart(2, '0')}/100`;
  const words = language === 'pl' ? `${polishNumber(whole)} ${polishForm(whole, ZLOTY)}` : `${englishNumber(whole)} ${whole === 1 ? 'zloty' : 'zlotys'}`;
  // A correction that gives money back: the same words after "minus" in both languages.
  return `${amount < 0 ? 'minus ' : ''}${words} ${fraction}`;
}

type Forms = readonly [one: string, few: string, many: string];

const ZLOTY: Forms = ['złoty', 'złote', 'złotych'];
const PL_GROUPS: Forms[] = [
  ['tysiąc', 'tysiące', 'tysięcy'],
  ['milion', 'miliony', 'milionów'],
  ['miliard', 'miliardy', 'miliardów'],
];
const PL_ONES = ['', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'];
const PL_TEENS = ['dziesięć', 'jedenaście', 'dwanaście', 'trzynaście', 'czternaście', 'piętnaście', 'szesnaście', 'siedemnaście', 'osiemnaście', 'dziewiętnaście'];
const PL_TENS = ['', '', 'dwadzieścia', 'trzydzieści', 'czterdzieści', 'pięćdziesiąt', 'sześćdziesiąt', 'siedemdziesiąt', 'osiemdziesiąt', 'dziewięćdziesiąt'];
const PL_HUNDREDS = ['', 'sto', 'dwieście', 'trzysta', 'czterysta', 'pięćset', 'sześćset', 'siedemset', 'osiemset', 'dziewięćset'];

/** The form of a Polish noun after `n`: złoty (1), złote (2–4 but not 12–14), złotych (the rest). */
export function polishForm(n: number, forms: Forms): string {
  if (n === 1) return forms[0];
  const lastTwo = n % 100;
  const last = n % 10;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms[1];
  return forms[2];
}

/** 0–999 in Polish words; '' for 0. */
function polishHundreds(n: number): string {
  const parts = [PL_HUNDREDS[Math.floor(n / 100)]];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) parts.push(PL_TEENS[rest - 10]);
  else parts.push(PL_TENS[Math.floor(rest / 10)], PL_ONES[rest % 10]);
  return parts.filter(Boolean).join(' ');
}

function polishNumber(n: number): string {
  if (n === 0) return 'zero';
  const parts: string[] = [];
  let group = 0;
  let rest = n;
  while (rest > 0) {
    const chunk = rest % 1000;
    if (chunk > 0) {
      if (group === 0) parts.unshift(polishHundreds(chunk));
      else {
        const forms = PL_GROUPS[group - 1];
        if (!forms) throw new RangeError(`amount too large to write in words: ${n}`);
        parts.unshift(`${polishHundreds(chunk)} ${polishForm(chunk, forms)}`);
      }
    }
    rest = Math.floor(rest / 1000);
    group++;
  }
  return parts.join(' ');
}

const EN_ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_GROUPS = ['', 'thousand', 'million', 'billion'];

/** 1–99 in English: "forty-two". */
function englishTens(n: number): string {
  if (n < 20) return EN_ONES[n];
  return EN_ONES[n % 10] ? `${EN_TENS[Math.floor(n / 10)]}-${EN_ONES[n % 10]}` : EN_TENS[Math.floor(n / 10)];
}

/**
 * British usage: "one hundred and one", "two thousand and five" — "and" before the last tens
 * and ones when something bigger comes before them.
 */
function englishNumber(n: number): string {
  if (n === 0) return 'zero';
  const chunks: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) chunks.push(rest % 1000);
  if (chunks.length > EN_GROUPS.length) throw new RangeError(`amount too large to write in words: ${n}`);
  const parts: string[] = [];
  for (let group = chunks.length - 1; group >= 0; group--) {
    const chunk = chunks[group];
    if (chunk === 0) continue;
    const hundreds = Math.floor(chunk / 100);
    const tens = chunk % 100;
    const words: string[] = [];
    if (hundreds) words.push(`${EN_ONES[hundreds]} hundred`);
    if (tens) {
      if (hundreds || (group === 0 && parts.length > 0)) words.push('and');
      words.push(englishTens(tens));
    }
    if (EN_GROUPS[group]) words.push(EN_GROUPS[group]);
    parts.push(words.join(' '));
  }
  return parts.join(' ');
}
