-- What ModelPort adds to a registered client: who may call which models at which rate tier.
CREATE TABLE api_client (
    client_id            varchar(100) PRIMARY KEY,
    registered_client_id varchar(100) NOT NULL UNIQUE
        REFERENCES oauth2_registered_client (id) ON DELETE CASCADE,
    name                 varchar(100) NOT NULL,
    -- NULL: every model; otherwise the only models the client may use
    models               text[],
    tier                 varchar(50)  NOT NULL,
    created_by           varchar(200) NOT NULL,
    created_at           timestamptz  NOT NULL,
    revoked_by           varchar(200),
    revoked_at           timestamptz
);

-- Admins who sign in to the console. Passwords are delegating-encoder hashes ({bcrypt}...).
CREATE TABLE app_user (
    username       varchar(100) PRIMARY KEY,
    password_hash  varchar(200) NOT NULL,
    enabled        boolean      NOT NULL DEFAULT true,
    failed_logins  integer      NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created_at     timestamptz  NOT NULL
);

-- Token signing keys, newest = highest id. The private key is AES-GCM encrypted with a key
-- derived (PBKDF2, per-row salt) from MODELPORT_KEY_ENCRYPTION_SECRET; the kid is the
-- cipher's associated data, so a ciphertext cannot be moved to another row.
CREATE TABLE signing_key (
    id                    bigserial    PRIMARY KEY,
    kid                   varchar(100) NOT NULL UNIQUE,
    public_key            bytea        NOT NULL,
    private_key_encrypted bytea        NOT NULL,
    salt                  bytea        NOT NULL,
    iv                    bytea        NOT NULL,
    created_at            timestamptz  NOT NULL
);
