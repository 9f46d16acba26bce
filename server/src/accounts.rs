//! Accounts and their tokens (the CLI's `account add` and `account revoke`,
//! `serve --demo`).

use crate::db::{Db, Dialect};
use certdesk_api::Role;
use certdesk_engine::Inventory;

use crate::auth::{new_token, token_hash};
use crate::store;

/// The demo account's ID.
pub const DEMO_ACCOUNT: &str = "demo";

fn new_id() -> String {
    use rand_core::RngCore;
    let mut bytes = [0u8; 6];
    rand_core::OsRng.fill_bytes(&mut bytes);
    format!("acct-{}", data_encoding::HEXLOWER.encode(&bytes))
}

/// The advisory lock (PostgreSQL) under which accounts are made.
const ACCOUNTS_LOCK: i64 = 0x6365_7274_6465_736b; // "certdesk"

fn db_error(e: impl std::fmt::Display) -> String {
    format!("database: {e}")
}

/// The account named `name` (made with `inventory` when there is none),
/// and a new token of `role` for it (`token`, or a random one). Returns
/// the account ID and the token, which is stored only as its hash.
pub async fn add(
    db: &Db,
    id: Option<&str>,
    name: &str,
    role: Role,
    token: Option<&str>,
    inventory: impl FnOnce() -> Inventory,
) -> Result<(String, String), String> {
    let token = token.map(str::to_string).unwrap_or_else(new_token);
    if token.len() < 16 {
        return Err("a token must have at least 16 characters".into());
    }
    let mut tx = db.begin_write().await.map_err(|e| e.problem.detail)?;
    if db.dialect == Dialect::Postgres {
        // Two `account add` of one name at once make one account.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(ACCOUNTS_LOCK)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
    }
    let existing: Option<String> = match id {
        Some(id) => sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1").bind(id),
        None => sqlx::query_scalar("SELECT id FROM accounts WHERE name = $1 ORDER BY created_at")
            .bind(name),
    }
    .fetch_optional(&mut *tx)
    .await
    .map_err(db_error)?;
    let account = match existing {
        Some(account) => account,
        None => {
            let account = id.map(str::to_string).unwrap_or_else(new_id);
            let inventory = inventory();
            sqlx::query(
                "INSERT INTO accounts (id, name, quotas, prices, sandbox, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&account)
            .bind(name)
            .bind(serde_json::to_string(&inventory.quotas).map_err(db_error)?)
            .bind(serde_json::to_string(&inventory.prices).map_err(db_error)?)
            .bind(serde_json::to_string(&inventory.sandbox).map_err(db_error)?)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
            store::insert_inventory(&mut tx, &account, name, &inventory)
                .await
                .map_err(|e| e.problem.detail)?;
            account
        }
    };
    let role_name = match role {
        Role::Admin => "admin",
        Role::Viewer => "viewer",
    };
    sqlx::query("INSERT INTO tokens (hash, account_id, role, label) VALUES ($1, $2, $3, $4)")
        .bind(token_hash(&token))
        .bind(&account)
        .bind(role_name)
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(|e| format!("the token cannot be stored (is it already in use?): {e}"))?;
    tx.commit().await.map_err(db_error)?;
    Ok((account, token))
}

/// Revokes `token`: it stops working at once, on every replica (tokens are
/// looked up per request, never cached). Returns the account ID, its name and
/// the token's role, or why nothing was revoked.
pub async fn revoke(db: &Db, token: &str) -> Result<(String, String, String), String> {
    use sqlx::Row;
    let hash = token_hash(token.trim());
    let mut tx = db.begin_write().await.map_err(|e| e.problem.detail)?;
    let row = sqlx::query(
        "SELECT t.account_id, a.name, t.role FROM tokens t
         JOIN accounts a ON a.id = t.account_id WHERE t.hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await
    .map_err(db_error)?
    .ok_or("no account has this token (already revoked, or a typo): nothing was changed")?;
    let found = (
        row.try_get::<String, _>(0).map_err(db_error)?,
        row.try_get::<String, _>(1).map_err(db_error)?,
        row.try_get::<String, _>(2).map_err(db_error)?,
    );
    sqlx::query("DELETE FROM tokens WHERE hash = $1")
        .bind(&hash)
        .execute(&mut *tx)
        .await
        .map_err(db_error)?;
    tx.commit().await.map_err(db_error)?;
    Ok(found)
}
