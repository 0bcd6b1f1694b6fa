-- The model registry: models, their immutable versions, the bytes behind them
-- (content-addressed, stored once) and which versions serve traffic.

CREATE TABLE model (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    description TEXT        NOT NULL DEFAULT '',
    tags        TEXT[]      NOT NULL DEFAULT '{}',
    owner       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Model bytes, content-addressed by sha256, in chunks so neither upload nor download ever
-- needs a whole model in memory.
CREATE TABLE model_blob (
    sha256      CHAR(64)    PRIMARY KEY,
    size_bytes  BIGINT      NOT NULL,
    chunk_count INT         NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE model_blob_chunk (
    sha256 CHAR(64) NOT NULL REFERENCES model_blob (sha256) ON DELETE CASCADE,
    seq    INT      NOT NULL,
    data   BYTEA    NOT NULL,
    PRIMARY KEY (sha256, seq)
);

CREATE TABLE model_version (
    id               BIGSERIAL PRIMARY KEY,
    model_id         BIGINT      NOT NULL REFERENCES model (id) ON DELETE CASCADE,
    version          INT         NOT NULL,
    sha256           CHAR(64)    NOT NULL REFERENCES model_blob (sha256),
    size_bytes       BIGINT      NOT NULL,
    uploaded_by      TEXT        NOT NULL,
    uploaded_at      TIMESTAMPTZ NOT NULL,
    description      TEXT        NOT NULL DEFAULT '',
    ir_version       BIGINT      NOT NULL,
    opsets           JSONB       NOT NULL,
    producer_name    TEXT        NOT NULL DEFAULT '',
    producer_version TEXT        NOT NULL DEFAULT '',
    signature        JSONB       NOT NULL,
    UNIQUE (model_id, version)
);

CREATE INDEX model_version_sha256 ON model_version (sha256);

-- Which versions serve: production, optionally a canary with its share, optionally a shadow.
CREATE TABLE rollout (
    model_id           BIGINT      PRIMARY KEY REFERENCES model (id) ON DELETE CASCADE,
    production_version INT,
    canary_version     INT,
    canary_percent     INT         NOT NULL DEFAULT 0 CHECK (canary_percent BETWEEN 0 AND 100),
    shadow_version     INT,
    updated_by         TEXT        NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
