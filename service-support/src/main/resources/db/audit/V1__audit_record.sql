-- One audit trail for the whole platform: auth-service and model-service both write here,
-- in the same transaction as the change they record.
CREATE TABLE audit_record (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target      TEXT        NOT NULL,
    model       TEXT,
    details     JSONB       NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_record_occurred_at ON audit_record (occurred_at DESC, id DESC);
CREATE INDEX audit_record_actor ON audit_record (actor, occurred_at DESC);
CREATE INDEX audit_record_model ON audit_record (model, occurred_at DESC);
