-- Which models a record is about, for filtering by a caller's reach: a model change names its
-- model; a client change names the models the client is limited to. NULL: platform-wide (an
-- unlimited client, a signing key, a sign-in), shown to platform admins only.
ALTER TABLE audit_record ADD COLUMN reach TEXT[];

UPDATE audit_record SET reach = ARRAY[model] WHERE model IS NOT NULL;

UPDATE audit_record SET reach = ARRAY(SELECT jsonb_array_elements_text(details -> 'models'))
WHERE model IS NULL AND action LIKE 'client.%' AND jsonb_typeof(details -> 'models') = 'array';

CREATE INDEX audit_record_reach ON audit_record USING gin (reach);
CREATE INDEX audit_record_action ON audit_record (action, occurred_at DESC);
