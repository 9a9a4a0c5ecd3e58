-- Search that ignores case and Polish letters ("lukasz zolnierz" finds "Łukasz Żołnierz").
-- unaccent() is only STABLE (its dictionary could change), so it cannot feed a generated column
-- or an index; this wrapper pins the dictionary and is declared IMMUTABLE, the usual approach.
CREATE OR REPLACE FUNCTION tutorhub_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
