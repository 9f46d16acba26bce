//! An account's inventory in the database, one row per record: loaded whole
//! for the engine, written back row by row (only what changed, each change
//! one version more and one feed row).

use std::collections::HashMap;

use certdesk_engine::{Inventory, Order};
use certdesk_rules::{Certificate, CertificateKind, NotificationPolicy};
use sqlx::{AnyConnection, Row};

use crate::problem::{ApiError, ApiResult};

/// An account's inventory as stored, with each certificate's version.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub name: String,
    pub inventory: Inventory,
    pub versions: HashMap<String, i64>,
}

pub fn tab_of(cert: &Certificate) -> &'static str {
    match cert.kind {
        CertificateKind::Official => "official",
        CertificateKind::Uploaded => "uploaded",
    }
}

/// The serde name of a lifecycle state (`Issued`, `NotActivated`…).
pub fn state_name(cert: &Certificate) -> String {
    serde_json::to_value(cert.state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn search_text(cert: &Certificate) -> String {
    let mut text = format!("{}\n{}", cert.id, cert.name);
    for d in &cert.domains {
        text.push('\n');
        text.push_str(d);
    }
    text.to_lowercase()
}

fn parse<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> ApiResult<T> {
    serde_json::from_str(text).map_err(|e| ApiError::internal(format!("stored {what}: {e}")))
}

pub async fn load(conn: &mut AnyConnection, account: &str) -> ApiResult<Loaded> {
    let row = sqlx::query("SELECT name, quotas, prices, sandbox FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| ApiError::internal(format!("account {account} is gone")))?;
    let mut inventory = Inventory {
        quotas: parse("quotas", row.get("quotas"))?,
        prices: parse("prices", row.get("prices"))?,
        sandbox: parse("sandbox", row.get("sandbox"))?,
        ..Inventory::default()
    };
    let name: String = row.get("name");
    let mut versions = HashMap::new();
    let rows = sqlx::query(
        "SELECT id, version, body FROM certificates WHERE account_id = $1 ORDER BY position",
    )
    .bind(account)
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let cert: Certificate = parse("certificate", row.get("body"))?;
        versions.insert(row.get("id"), row.get("version"));
        inventory.certificates.push(cert);
    }
    for row in sqlx::query("SELECT body FROM orders WHERE account_id = $1 ORDER BY position")
        .bind(account)
        .fetch_all(&mut *conn)
        .await?
    {
        inventory.orders.push(parse("order", row.get("body"))?);
    }
    for row in sqlx::query("SELECT body FROM policies WHERE account_id = $1 ORDER BY position")
        .bind(account)
        .fetch_all(&mut *conn)
        .await?
    {
        inventory.policies.push(parse("policy", row.get("body"))?);
    }
    Ok(Loaded {
        name,
        inventory,
        versions,
    })
}

async fn feed(
    conn: &mut AnyConnection,
    account: &str,
    kind: &str,
    ref_id: &str,
    text: &str,
) -> ApiResult<()> {
    // The writer holds the account's lock: MAX + 1 is this account's next seq.
    sqlx::query(
        "INSERT INTO feed (account_id, seq, kind, ref_id, text) VALUES ($1,
           (SELECT COALESCE(MAX(seq), 0) + 1 FROM feed WHERE account_id = $1), $2, $3, $4)",
    )
    .bind(account)
    .bind(kind)
    .bind(ref_id)
    .bind(text)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes a certificate row (new at version 1, else one version more).
async fn put_certificate(
    conn: &mut AnyConnection,
    account: &str,
    cert: &Certificate,
    version: i64,
) -> ApiResult<()> {
    sqlx::query(
        "INSERT INTO certificates (account_id, id, version, tab, state, name, search, body, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
           (SELECT COALESCE(MAX(position), 0) + 1 FROM certificates WHERE account_id = $1))
         ON CONFLICT (account_id, id) DO UPDATE SET version = excluded.version,
           tab = excluded.tab, state = excluded.state, name = excluded.name,
           search = excluded.search, body = excluded.body",
    )
    .bind(account)
    .bind(&cert.id)
    .bind(version)
    .bind(tab_of(cert))
    .bind(state_name(cert))
    .bind(&cert.name)
    .bind(search_text(cert))
    .bind(serde_json::to_string(cert)?)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What a write did.
#[derive(Clone, Debug, Default)]
pub struct Written {
    /// Every certificate's version after the write.
    pub versions: HashMap<String, i64>,
    /// Feed rows added (0: nothing changed, nobody to wake).
    pub feed_rows: usize,
}

/// Writes `after` over `before` (rows that changed only, each one version
/// more and one feed row), then the events and failures.
pub async fn write(
    conn: &mut AnyConnection,
    account: &str,
    before: &Loaded,
    after: &Inventory,
    events: &[String],
    failures: &[String],
) -> ApiResult<Written> {
    let mut written = Written {
        versions: before.versions.clone(),
        feed_rows: 0,
    };
    let old: HashMap<&str, &Certificate> = before
        .inventory
        .certificates
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    for cert in &after.certificates {
        if old.get(cert.id.as_str()) == Some(&cert) {
            continue;
        }
        let version = before.versions.get(&cert.id).copied().unwrap_or(0) + 1;
        put_certificate(conn, account, cert, version).await?;
        written.versions.insert(cert.id.clone(), version);
        feed(conn, account, "certificate", &cert.id, "").await?;
        written.feed_rows += 1;
    }
    let kept: std::collections::HashSet<&str> =
        after.certificates.iter().map(|c| c.id.as_str()).collect();
    for id in old.keys() {
        if !kept.contains(id) {
            sqlx::query("DELETE FROM certificates WHERE account_id = $1 AND id = $2")
                .bind(account)
                .bind(*id)
                .execute(&mut *conn)
                .await?;
            written.versions.remove(*id);
            feed(conn, account, "deleted", id, "").await?;
            written.feed_rows += 1;
        }
    }
    let inv = &before.inventory;
    if inv.quotas != after.quotas || inv.prices != after.prices || inv.sandbox != after.sandbox {
        sqlx::query("UPDATE accounts SET quotas = $1, prices = $2, sandbox = $3 WHERE id = $4")
            .bind(serde_json::to_string(&after.quotas)?)
            .bind(serde_json::to_string(&after.prices)?)
            .bind(serde_json::to_string(&after.sandbox)?)
            .bind(account)
            .execute(&mut *conn)
            .await?;
        if inv.quotas != after.quotas {
            feed(conn, account, "quotas", "", "").await?;
            written.feed_rows += 1;
        }
    }
    let order_id: fn(&Order) -> &str = |o| o.id.as_str();
    let orders = (inv.orders.as_slice(), after.orders.as_slice());
    upsert_changed(
        conn,
        account,
        "orders",
        "order",
        orders,
        order_id,
        &mut written,
    )
    .await?;
    write_policies(conn, account, &inv.policies, &after.policies, &mut written).await?;
    for (kind, texts) in [("event", events), ("failure", failures)] {
        for text in texts {
            feed(conn, account, kind, "", text).await?;
            written.feed_rows += 1;
        }
    }
    Ok(written)
}

/// Upserts each record of `after` that is new or changed since `before`
/// into `table` (`orders` or `policies`: a fixed name, never input), with one
/// feed row of `kind` each. Records are matched by ID, in one pass.
async fn upsert_changed<T: serde::Serialize + PartialEq>(
    conn: &mut AnyConnection,
    account: &str,
    table: &'static str,
    kind: &str,
    (before, after): (&[T], &[T]),
    id: fn(&T) -> &str,
    written: &mut Written,
) -> ApiResult<()> {
    let old: HashMap<&str, &T> = before.iter().map(|r| (id(r), r)).collect();
    let upsert = format!(
        "INSERT INTO {table} (account_id, id, body, position) VALUES ($1, $2, $3,
           (SELECT COALESCE(MAX(position), 0) + 1 FROM {table} WHERE account_id = $1))
         ON CONFLICT (account_id, id) DO UPDATE SET body = excluded.body"
    );
    for record in after {
        if old.get(id(record)) == Some(&record) {
            continue;
        }
        sqlx::query(&upsert)
            .bind(account)
            .bind(id(record))
            .bind(serde_json::to_string(record)?)
            .execute(&mut *conn)
            .await?;
        feed(conn, account, kind, id(record), "").await?;
        written.feed_rows += 1;
    }
    Ok(())
}

async fn write_policies(
    conn: &mut AnyConnection,
    account: &str,
    before: &[NotificationPolicy],
    after: &[NotificationPolicy],
    written: &mut Written,
) -> ApiResult<()> {
    let id: fn(&NotificationPolicy) -> &str = |p| p.id.as_str();
    upsert_changed(
        conn,
        account,
        "policies",
        "policy",
        (before, after),
        id,
        written,
    )
    .await?;
    for policy in before {
        if after.iter().all(|p| p.id != policy.id) {
            sqlx::query("DELETE FROM policies WHERE account_id = $1 AND id = $2")
                .bind(account)
                .bind(&policy.id)
                .execute(&mut *conn)
                .await?;
            feed(conn, account, "policy_deleted", &policy.id, "").await?;
            written.feed_rows += 1;
        }
    }
    Ok(())
}

/// Inserts a whole inventory into a new account (the demo, `--demo-inventory`).
pub async fn insert_inventory(
    conn: &mut AnyConnection,
    account: &str,
    name: &str,
    inventory: &Inventory,
) -> ApiResult<()> {
    let empty = Loaded {
        name: name.to_string(),
        inventory: Inventory {
            quotas: inventory.quotas.clone(),
            prices: inventory.prices.clone(),
            sandbox: inventory.sandbox.clone(),
            ..Inventory::default()
        },
        versions: HashMap::new(),
    };
    write(conn, account, &empty, inventory, &[], &[]).await?;
    Ok(())
}
