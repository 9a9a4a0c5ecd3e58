import { createTranslator } from 'next-intl';
import type { z } from 'zod';
import en from '@/messages/en.json';
import pl from '@/messages/pl.json';
import type { Locale } from './config';

/**
 * Our own words for zod's issues, in the person's language; pass as
 * `safeParse(data, { error })` or `zodResolver(schema, { error })`. Zod's bundled locales
 * speak to developers ("expected string to have >=1 characters"); a school secretary needs
 * "This field is required." The sentences live in the `validation` catalog section. A
 * message a schema sets itself (a catalog key such as "records.invalidNip") wins over this
 * map and is translated by the form or the action wrapper.
 */
export function zodErrorMap(locale: Locale | string): z.core.$ZodErrorMap {
  const t = translators[locale === 'en' ? 'en' : 'pl'];
  return (issue) => t(keyOf(issue), valuesOf(issue));
}

const translators = {
  pl: createTranslator({ locale: 'pl', messages: { validation: pl.validation }, namespace: 'validation' }),
  en: createTranslator({ locale: 'en', messages: { validation: en.validation }, namespace: 'validation' }),
};

type Issue = z.core.$ZodRawIssue;
type ValidationKey = keyof typeof pl.validation;

function keyOf(issue: Issue): ValidationKey {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'required';
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return 'number';
      if (issue.expected === 'date') return 'date';
      return 'invalid';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'tooShort';
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? 'chooseOne' : 'tooFew';
      return 'tooSmall';
    case 'too_big':
      if (issue.origin === 'string') return 'tooLong';
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooMany';
      return 'tooBig';
    case 'invalid_format':
      if (issue.format === 'email') return 'email';
      if (issue.format === 'date' || issue.format === 'datetime') return 'date';
      if (issue.format === 'url') return 'url';
      // A malformed id comes from a picker or a link, never from typing.
      if (issue.format === 'uuid' || issue.format === 'guid') return 'option';
      return 'format';
    case 'invalid_value':
      return 'option';
    case 'not_multiple_of':
      return 'multipleOf';
    case 'unrecognized_keys':
      return 'unknownField';
    default:
      return 'invalid';
  }
}

function valuesOf(issue: Issue): Record<string, number | string> {
  const limit = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : 0);
  switch (issue.code) {
    case 'too_small':
      return { min: limit(issue.minimum) };
    case 'too_big':
      return { max: limit(issue.maximum) };
    case 'not_multiple_of':
      return { divisor: limit(issue.divisor) };
    default:
      return {};
  }
}
