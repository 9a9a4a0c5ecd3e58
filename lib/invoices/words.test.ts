import { describe, expect, it } from 'vitest';
import { amountInWords } from './words';

describe('amountInWords (Polish)', () => {
  it.each([
    [0, 'zero złotych 00/100'],
    [1, 'zero złotych 01/100'],
    [100, 'jeden złoty 00/100'],
    [200, 'dwa złote 00/100'],
    [500, 'pięć złotych 00/100'],
    [1_200, 'dwanaście złotych 00/100'],
    [1_300, 'trzynaście złotych 00/100'],
    [1_400, 'czternaście złotych 00/100'],
    [2_200, 'dwadzieścia dwa złote 00/100'],
    [2_100, 'dwadzieścia jeden złotych 00/100'],
    [10_100, 'sto jeden złotych 00/100'],
    [11_200, 'sto dwanaście złotych 00/100'],
    [10_400, 'sto cztery złote 00/100'],
    [123_450, 'jeden tysiąc dwieście trzydzieści cztery złote 50/100'],
    [100_000, 'jeden tysiąc złotych 00/100'],
    [200_000, 'dwa tysiące złotych 00/100'],
    [500_000, 'pięć tysięcy złotych 00/100'],
    [1_200_000, 'dwanaście tysięcy złotych 00/100'],
    [2_100_000, 'dwadzieścia jeden tysięcy złotych 00/100'],
    [2_200_000, 'dwadzieścia dwa tysiące złotych 00/100'],
    [1_234_567, 'dwanaście tysięcy trzysta czterdzieści pięć złotych 67/100'],
    [35_100, 'trzysta pięćdziesiąt jeden złotych 00/100'],
    [99_999, 'dziewięćset dziewięćdziesiąt dziewięć złotych 99/100'],
    [100_000_000, 'jeden milion złotych 00/100'],
    [200_000_000, 'dwa miliony złotych 00/100'],
    [500_000_000, 'pięć milionów złotych 00/100'],
    [100_100_100, 'jeden milion jeden tysiąc jeden złotych 00/100'],
    [1_000_000_000, 'dziesięć milionów złotych 00/100'],
    [-5_000, 'minus pięćdziesiąt złotych 00/100'],
  ])('%i grosze → %s', (grosze, words) => {
    expect(amountInWords(grosze, 'pl')).toBe(words);
  });
});

describe('amountInWords (English)', () => {
  it.each([
    [0, 'zero zlotys 00/100'],
    [100, 'one zloty 00/100'],
    [200, 'two zlotys 00/100'],
    [1_200, 'twelve zlotys 00/100'],
    [2_200, 'twenty-two zlotys 00/100'],
    [10_100, 'one hundred and one zlotys 00/100'],
    [123_450, 'one thousand two hundred and thirty-four zlotys 50/100'],
    [200_500, 'two thousand and five zlotys 00/100'],
    [1_234_567, 'twelve thousand three hundred and forty-five zlotys 67/100'],
    [100_000_000, 'one million zlotys 00/100'],
    [-5_000, 'minus fifty zlotys 00/100'],
  ])('%i grosze → %s', (grosze, words) => {
    expect(amountInWords(grosze, 'en')).toBe(words);
  });

  it('refuses what is not whole grosze', () => {
    expect(() => amountInWords(1.5, 'pl')).toThrow(RangeError);
  });
});
