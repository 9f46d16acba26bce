//! The reads: the account, the certificate list and one certificate, its
//! file, the quotas and the policies. Each reads one consistent snapshot.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use certdesk_api::{Account, DEFAULT_PAGE, Entry, ListQuery, MAX_PAGE, Page};
use certdesk_rules::{Certificate, LifecycleState, NotificationPolicy, Quotas};
use data_encoding::BASE64URL_NOPAD;
use sqlx::Row;

use crate::answer::Answer;
use crate::auth::Caller;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use crate::{feed, store};

pub async fn account(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Account>> {
    let mut tx = state.db.begin_read().await?;
    let cursor = feed::cursor(&mut tx, &caller.account).await?;
    let loaded = store::load(&mut tx, &caller.account).await?;
    tx.commit().await?;
    Ok(Json(Account {
        id: caller.account,
        name: loaded.name,
        role: caller.role,
        today: state.clock.today(),
        quotas: loaded.inventory.quotas,
        prices: loaded.inventory.prices,
        orders: loaded.inventory.orders,
        policies: loaded.inventory.policies,
        cursor,
    }))
}

fn bad_query(e: QueryRejection) -> ApiError {
    ApiError::bad_request(
        format!("The query is not valid: {}", e.body_text()),
        Vec::new(),
    )
}

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Page>> {
    let Query(query) = query.map_err(bad_query)?;
    let limit = query.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::field("limit", format!("from 1 to {MAX_PAGE}")));
    }
    let tab = match query.tab.as_deref() {
        None => None,
        Some(t @ ("official" | "uploaded")) => Some(t.to_string()),
        Some(_) => return Err(ApiError::field("tab", "official or uploaded")),
    };
    if let Some(s) = &query.state
        && serde_json::from_value::<LifecycleState>(serde_json::Value::String(s.clone())).is_err()
    {
        return Err(ApiError::field(
            "state",
            "a lifecycle state: NotActivated, PendingApplication, ValidatingApplication, ValidationFailed, Issued, Cancelled or Revoked",
        ));
    }
    let after = match &query.cursor {
        None => None,
        Some(c) => Some(
            BASE64URL_NOPAD
                .decode(c.as_bytes())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(|| ApiError::field("cursor", "use the `next` of the page before"))?,
        ),
    };
    let q = query
        .q
        .as_deref()
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty());
    let mut sql = String::from("SELECT version, body FROM certificates WHERE account_id = $1");
    // `q` is a substring of `search`: LIKE with its wildcards escaped.
    let q = q.map(|q| {
        let escaped = q
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let mut n = 1;
    for (present, clause) in [
        (tab.is_some(), " AND tab = $"),
        (query.state.is_some(), " AND state = $"),
        (q.is_some(), " AND search LIKE $"),
        (after.is_some(), " AND id > $"),
    ] {
        if present {
            n += 1;
            sql.push_str(clause);
            sql.push_str(&n.to_string());
            if clause.contains("LIKE") {
                sql.push_str(" ESCAPE '\\'");
            }
        }
    }
    sql.push_str(&format!(" ORDER BY id LIMIT ${}", n + 1));
    let mut select = sqlx::query(&sql).bind(&caller.account);
    for value in [tab, query.state.clone(), q, after].into_iter().flatten() {
        select = select.bind(value);
    }
    let rows = select
        .bind(limit as i64 + 1)
        .fetch_all(&state.db.pool)
        .await?;
    let mut items = Vec::with_capacity(rows.len().min(limit));
    for row in rows.iter().take(limit) {
        let certificate: Certificate = serde_json::from_str(row.get("body"))?;
        items.push(Entry {
            version: row.get("version"),
            certificate,
        });
    }
    let next = (rows.len() > limit)
        .then(|| {
            items
                .last()
                .map(|e| BASE64URL_NOPAD.encode(e.certificate.id.as_bytes()))
        })
        .flatten();
    Ok(Json(Page { items, next }))
}

async fn entry(state: &AppState, account: &str, id: &str) -> ApiResult<Entry> {
    let row =
        sqlx::query("SELECT version, body FROM certificates WHERE account_id = $1 AND id = $2")
            .bind(account)
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("Certificate {id}")))?;
    Ok(Entry {
        version: row.get("version"),
        certificate: serde_json::from_str(row.get("body"))?,
    })
}

pub async fn certificate(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Answer> {
    let entry = entry(&state, &caller.account, &id).await?;
    Ok(Answer::json(StatusCode::OK, &entry)?.with_etag(entry.version))
}

/// The PEM chain, leaf first: what the CA issued here (or the chain uploaded).
pub async fn file(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let entry = entry(&state, &caller.account, &id).await?;
    let Some(pem) = entry.certificate.pem else {
        return Err(ApiError::not_found(format!(
            "A certificate file for {id} (it has not been issued here yet)"
        )));
    };
    Ok((
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("application/pem-certificate-chain"),
        )],
        pem,
    )
        .into_response())
}

pub async fn quotas(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Quotas>> {
    let row = sqlx::query("SELECT quotas FROM accounts WHERE id = $1")
        .bind(&caller.account)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(Json(serde_json::from_str(row.get("quotas"))?))
}

pub async fn policies(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<NotificationPolicy>>> {
    let rows = sqlx::query("SELECT body FROM policies WHERE account_id = $1 ORDER BY position")
        .bind(&caller.account)
        .fetch_all(&state.db.pool)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(serde_json::from_str(row.get("body"))?);
    }
    Ok(Json(out))
}
