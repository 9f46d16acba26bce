//! The change feed: one row per change, per account, in commit order (each
//! account has its own seq 1, 2, 3…, given under the account's lock). A
//! reader gets each record changed after its cursor whole, as it is now.

use std::collections::BTreeMap;

use certdesk_api::{ChangeFeed, Entry};
use certdesk_rules::{Certificate, NotificationPolicy};
use sqlx::{AnyConnection, Row};

use crate::problem::{ApiError, ApiResult};

/// Feed rows kept per account; a cursor older than them is 410.
pub const KEEP_PER_ACCOUNT: i64 = 10_000;

/// The account's position in the feed now.
pub async fn cursor(conn: &mut AnyConnection, account: &str) -> ApiResult<i64> {
    let (newest, pruned) = bounds(conn, account).await?;
    Ok(newest.max(pruned))
}

/// The account's newest feed seq (0: none yet) and the seq it was pruned through.
async fn bounds(conn: &mut AnyConnection, account: &str) -> ApiResult<(i64, i64)> {
    let pruned: i64 = sqlx::query_scalar("SELECT pruned_through FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_one(&mut *conn)
        .await?;
    let newest: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM feed WHERE account_id = $1")
            .bind(account)
            .fetch_one(&mut *conn)
            .await?;
    Ok((newest, pruned))
}

fn gone() -> ApiError {
    ApiError::new(
        certdesk_api::problems::CURSOR_GONE,
        "Cursor no longer held",
        axum::http::StatusCode::GONE,
        "The changes since this cursor are no longer kept: reload the account and the certificate list.",
    )
}

/// Everything changed after `since`.
pub async fn since(conn: &mut AnyConnection, account: &str, since: i64) -> ApiResult<ChangeFeed> {
    let (newest, pruned) = bounds(conn, account).await?;
    if since < pruned || since > newest.max(pruned) {
        return Err(gone());
    }
    let rows = sqlx::query(
        "SELECT seq, kind, ref_id, text FROM feed WHERE account_id = $1 AND seq > $2 ORDER BY seq",
    )
    .bind(account)
    .bind(since)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = ChangeFeed {
        cursor: since,
        ..ChangeFeed::default()
    };
    // The last thing that happened to each record decides what is sent.
    let mut certificates: BTreeMap<String, bool> = BTreeMap::new();
    let mut policies: BTreeMap<String, bool> = BTreeMap::new();
    let mut orders: Vec<String> = Vec::new();
    let mut quotas = false;
    for row in rows {
        out.cursor = row.get("seq");
        let kind: String = row.get("kind");
        let ref_id: String = row.get("ref_id");
        match kind.as_str() {
            "certificate" => drop(certificates.insert(ref_id, true)),
            "deleted" => drop(certificates.insert(ref_id, false)),
            "policy" => drop(policies.insert(ref_id, true)),
            "policy_deleted" => drop(policies.insert(ref_id, false)),
            "order" if !orders.contains(&ref_id) => orders.push(ref_id),
            "quotas" => quotas = true,
            "event" => out.events.push(row.get("text")),
            "failure" => out.failures.push(row.get("text")),
            _ => {}
        }
    }
    for (id, present) in certificates {
        let row =
            sqlx::query("SELECT version, body FROM certificates WHERE account_id = $1 AND id = $2")
                .bind(account)
                .bind(&id)
                .fetch_optional(&mut *conn)
                .await?;
        match (present, row) {
            (true, Some(row)) => {
                let certificate: Certificate = serde_json::from_str(row.get("body"))?;
                out.certificates.push(Entry {
                    version: row.get("version"),
                    certificate,
                });
            }
            _ => out.deleted.push(id),
        }
    }
    for (id, present) in policies {
        let row = sqlx::query("SELECT body FROM policies WHERE account_id = $1 AND id = $2")
            .bind(account)
            .bind(&id)
            .fetch_optional(&mut *conn)
            .await?;
        match (present, row) {
            (true, Some(row)) => {
                let policy: NotificationPolicy = serde_json::from_str(row.get("body"))?;
                out.policies.push(policy);
            }
            _ => out.deleted_policies.push(id),
        }
    }
    for id in orders {
        if let Some(row) = sqlx::query("SELECT body FROM orders WHERE account_id = $1 AND id = $2")
            .bind(account)
            .bind(&id)
            .fetch_optional(&mut *conn)
            .await?
        {
            out.orders.push(serde_json::from_str(row.get("body"))?);
        }
    }
    if quotas {
        let row = sqlx::query("SELECT quotas FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_one(&mut *conn)
            .await?;
        out.quotas = Some(serde_json::from_str(row.get("quotas"))?);
    }
    Ok(out)
}

/// Drops the account's feed rows beyond the newest [`KEEP_PER_ACCOUNT`].
pub async fn prune(conn: &mut AnyConnection, account: &str, keep: i64) -> ApiResult<()> {
    let cut: Option<i64> = sqlx::query(
        "SELECT seq FROM feed WHERE account_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2",
    )
    .bind(account)
    .bind(keep)
    .fetch_optional(&mut *conn)
    .await?
    .map(|r| r.get("seq"));
    if let Some(cut) = cut {
        sqlx::query("DELETE FROM feed WHERE account_id = $1 AND seq <= $2")
            .bind(account)
            .bind(cut)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "UPDATE accounts SET pruned_through =
               CASE WHEN pruned_through > $1 THEN pruned_through ELSE $1 END WHERE id = $2",
        )
        .bind(cut)
        .bind(account)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
