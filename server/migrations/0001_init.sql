-- Certdesk server: one row per record of each account's inventory.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    quotas TEXT NOT NULL,
    prices TEXT NOT NULL,
    sandbox TEXT NOT NULL,
    -- The highest feed seq of this account pruned away (older cursors are 410).
    pruned_through INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE tokens (
    hash TEXT PRIMARY KEY, -- sha256 hex of the token; the token itself is never stored
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    label TEXT NOT NULL DEFAULT ''
);

CREATE TABLE certificates (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    tab TEXT NOT NULL,
    state TEXT NOT NULL,
    name TEXT NOT NULL,
    search TEXT NOT NULL, -- lower-case id, name and domains, for q=
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE orders (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE policies (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    -- certificate | deleted | quotas | order | policy | policy_deleted | event | failure
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feed_by_account ON feed(account_id, seq);

CREATE TABLE idempotency (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL, -- sha256 hex of method, path and body
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- The sandbox CA, made once: chains issued before a restart stay verifiable.
CREATE TABLE ca (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    root_key BLOB NOT NULL,
    root_cert BLOB NOT NULL,
    intermediate_key BLOB NOT NULL,
    intermediate_cert BLOB NOT NULL
);
