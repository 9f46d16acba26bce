//! `POST /v1/uploads`: the files read, grouped into records and judged as
//! the upload dialog does (certdesk-x509's `read_sources`,
//! `plan_upload_input`, `duplicate_of`); each new leaf with its chain is one
//! Uploaded record.

use std::collections::HashSet;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use certdesk_api::{Entry, Refusal, Upload, Uploaded};
use certdesk_x509::{duplicate_of, file_fingerprints, plan_upload_input, read_sources};
use data_encoding::BASE64;

use crate::answer::{Answer, JsonBody};
use crate::auth::Admin;
use crate::change::change;
use crate::idempotency::{self, Start};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

/// Files one upload may carry.
const MAX_FILES: usize = 50;

pub async fn upload(
    State(state): State<AppState>,
    Admin(caller): Admin,
    headers: HeaderMap,
    body: JsonBody<Upload>,
) -> ApiResult<Response> {
    if body.value.files.is_empty() || body.value.files.len() > MAX_FILES {
        return Err(ApiError::field(
            "files",
            format!("send 1 to {MAX_FILES} files"),
        ));
    }
    let idem = match idempotency::start(&state, &caller.account, &headers, "/v1/uploads", &body.raw)
        .await?
    {
        Start::Replay(response) => return Ok(response),
        Start::Run(idem) => idem,
    };
    let files: Vec<(String, Result<Vec<u8>, String>)> = body
        .value
        .files
        .into_iter()
        .map(|f| {
            let bytes = if f.base64 {
                BASE64
                    .decode(f.content.trim().as_bytes())
                    .map_err(|e| format!("The content is not valid base64: {e}"))
            } else {
                Ok(f.content.into_bytes())
            };
            (f.name, bytes)
        })
        .collect();
    let now = state.clock.now().naive_utc();
    let read = read_sources(
        files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_deref().map_err(String::as_str))),
    );
    let plan = plan_upload_input(&read, now);
    let mut refused: Vec<Refusal> = read
        .problems
        .iter()
        .map(|(name, reason)| Refusal {
            name: name.clone(),
            reason: reason.clone(),
        })
        .collect();
    refused.extend(plan.refused.iter().map(|r| Refusal {
        name: r.label.clone(),
        reason: r.reason.clone(),
    }));
    let answer = change(
        &state,
        &caller.account,
        Some(&idem),
        |work| {
            let existing = work.inventory.certificates.clone();
            let prints = file_fingerprints(&existing);
            let mut seen: HashSet<String> = HashSet::new();
            let (mut added, mut skipped) = (Vec::new(), Vec::new());
            for candidate in &plan.candidates {
                if let Some(listed) = duplicate_of(candidate, &existing, &prints) {
                    skipped.push(listed.id.clone());
                } else if seen.insert(candidate.record.id.clone()) {
                    added.push(candidate.record.id.clone());
                    work.inventory.certificates.push(candidate.record.clone());
                }
            }
            Ok((added, skipped))
        },
        |done, (added, skipped)| {
            let added = added
                .iter()
                .map(|id| done.entry(id))
                .collect::<ApiResult<Vec<Entry>>>()?;
            Answer::json(
                StatusCode::CREATED,
                &Uploaded {
                    added,
                    skipped,
                    refused,
                },
            )
        },
    )
    .await?;
    Ok(answer.into_response())
}
