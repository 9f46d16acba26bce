-- Certdesk server: one row per record of each account's inventory.
--
-- Written once for SQLite and PostgreSQL (the server runs on either through
-- sqlx's Any driver), so only their common subset: TEXT (JSON bodies, and
-- the CA's DER as base64), BIGINT, no AUTOINCREMENT/SERIAL and no rowid.
-- Sequences (feed seq, record positions) are given by the writer under the
-- account's lock (change.rs), as MAX + 1 of the account's own rows.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    quotas TEXT NOT NULL,
    prices TEXT NOT NULL,
    sandbox TEXT NOT NULL,
    -- The highest feed seq of this account pruned away (older cursors are 410).
    pruned_through BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE tokens (
    hash TEXT PRIMARY KEY, -- sha256 hex of the token; the token itself is never stored
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    label TEXT NOT NULL DEFAULT ''
);

-- `position`: the order records were added in (the engine's list order).
CREATE TABLE certificates (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL,
    tab TEXT NOT NULL,
    state TEXT NOT NULL,
    name TEXT NOT NULL,
    search TEXT NOT NULL, -- lower-case id, name and domains, for q=
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX certificates_by_position ON certificates(account_id, position);

CREATE TABLE orders (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX orders_by_position ON orders(account_id, position);

CREATE TABLE policies (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX policies_by_position ON policies(account_id, position);

-- Per account, seq 1, 2, 3… in commit order (given under the account's lock).
CREATE TABLE feed (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    -- certificate | deleted | quotas | order | policy | policy_deleted | event | failure
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, seq)
);

CREATE TABLE idempotency (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL, -- sha256 hex of method, path and body
    status BIGINT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- The sandbox CA, made once: chains issued before a restart stay verifiable.
-- Keys (PKCS#8) and certificates (DER), base64.
CREATE TABLE ca (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    root_key TEXT NOT NULL,
    root_cert TEXT NOT NULL,
    intermediate_key TEXT NOT NULL,
    intermediate_cert TEXT NOT NULL
);
