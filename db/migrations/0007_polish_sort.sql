-- Names in Polish alphabetical order: a ą b c ć d e ę … l ł … n ń o ó … s ś … z ź ż, where each
-- letter with a diacritic is a letter of its own ("Łukasz" after every L…, "Żak" after "Zych").
-- PGlite has no ICU, so `collate "pl-PL-x-icu"` is not available on both engines. Instead each
-- Polish letter becomes its base letter followed by a marker that sorts after every ASCII letter
-- under the "C" collation ('{' for ą ć ę ł ń ó ś ź, '|' for ż so that ź < ż); other accents
-- are folded away (é → e) and the result is compared byte by byte: callers ORDER BY
-- tutorhub_sort_key(x) COLLATE "C". Upper-case Polish letters are mapped by hand because
-- lower() only knows ASCII under the C locale that PGlite and many servers use.
CREATE OR REPLACE FUNCTION tutorhub_sort_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(
      translate(value, 'ĄĆĘŁŃÓŚŹŻ', 'ąćęłńóśźż'),
      'ą', 'a{'), 'ć', 'c{'), 'ę', 'e{'), 'ł', 'l{'), 'ń', 'n{'), 'ó', 'o{'), 'ś', 's{'), 'ź', 'z{'), 'ż', 'z|')))
$$;
