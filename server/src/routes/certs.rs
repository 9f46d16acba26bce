//! Changes of one certificate: submit its request, cancel, PCA sync,
//! record a verification, delete. Each needs `If-Match` (its version) and
//! an admin token; the engine decides whether the rules allow it.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use certdesk_api::Cancelled;
use certdesk_engine::Sandbox;
use certdesk_rules::VerificationRecord;

use crate::answer::{Answer, JsonBody, RawBody, if_match};
use crate::auth::{Admin, Caller};
use crate::change::{Done, Work, change};
use crate::idempotency::{self, Start};
use crate::problem::ApiResult;
use crate::state::AppState;

/// A POST on one certificate: admin, If-Match, Idempotency-Key, then `op`.
async fn post_on<R>(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    path: &str,
    body: &[u8],
    op: impl FnOnce(&mut Work) -> ApiResult<R>,
    answer: impl FnOnce(&Done, R) -> ApiResult<Answer>,
) -> ApiResult<Response> {
    if_match(headers)?;
    match idempotency::start(state, &caller.account, headers, path, body).await? {
        Start::Replay(response) => Ok(response),
        Start::Run(idem) => Ok(change(state, &caller.account, Some(&idem), op, answer)
            .await?
            .into_response()),
    }
}

fn entry_answer(done: &Done, id: &str) -> ApiResult<Answer> {
    let entry = done.entry(id)?;
    Ok(Answer::json(StatusCode::OK, &entry)?.with_etag(entry.version))
}

pub async fn application(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> ApiResult<Response> {
    let version = if_match(&headers);
    let path = format!("/v1/certificates/{id}/application");
    post_on(
        &state,
        &caller,
        &headers,
        &path,
        &body,
        |work| {
            work.expect_version(&id, version?)?;
            work.inventory =
                Sandbox.submit_application(&work.inventory, &id, work.today, work.now_ms)?;
            Ok(())
        },
        |done, ()| entry_answer(done, &id),
    )
    .await
}

pub async fn cancel(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> ApiResult<Response> {
    let version = if_match(&headers);
    let path = format!("/v1/certificates/{id}/cancel");
    post_on(
        &state,
        &caller,
        &headers,
        &path,
        &body,
        |work| {
            work.expect_version(&id, version?)?;
            let (next, returned) = Sandbox.cancel(&work.inventory, &id, work.today)?;
            work.inventory = next;
            Ok(returned)
        },
        |done, returned| {
            Answer::json(
                StatusCode::OK,
                &Cancelled {
                    certificate: done.entry(&id)?,
                    quotas: done.inventory.quotas.clone(),
                    returned,
                },
            )
        },
    )
    .await
}

pub async fn pca_sync(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> ApiResult<Response> {
    let version = if_match(&headers);
    let path = format!("/v1/certificates/{id}/pca-sync");
    post_on(
        &state,
        &caller,
        &headers,
        &path,
        &body,
        |work| {
            work.expect_version(&id, version?)?;
            work.inventory = Sandbox.sync_pca(&work.inventory, &id, work.today)?;
            Ok(())
        },
        |done, ()| entry_answer(done, &id),
    )
    .await
}

pub async fn verification(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: JsonBody<VerificationRecord>,
) -> ApiResult<Answer> {
    let version = if_match(&headers)?;
    let record = body.value;
    change(
        &state,
        &caller.account,
        None,
        |work| {
            work.expect_version(&id, version)?;
            let index = work
                .inventory
                .position(&id)
                .ok_or_else(|| crate::problem::ApiError::not_found(format!("Certificate {id}")))?;
            work.inventory.certificates[index].verified = Some(record);
            Ok(())
        },
        |done, ()| entry_answer(done, &id),
    )
    .await
}

pub async fn delete(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Answer> {
    let version = if_match(&headers)?;
    change(
        &state,
        &caller.account,
        None,
        |work| {
            work.expect_version(&id, version)?;
            let gone = Sandbox.delete(&work.inventory, &id, work.today)?;
            work.inventory.certificates.retain(|c| c.id != gone.id);
            Ok(())
        },
        |_, ()| Ok(Answer::no_content()),
    )
    .await
}
