//! `POST /v1/orders`: the rules plan the order again against the server's
//! own records (the `original` sent is replaced by the stored one), the
//! engine pays it from quota and creates its certificates.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use certdesk_api::{Entry, PlaceOrder, Placed};
use certdesk_engine::{BackendError, Sandbox};

use crate::answer::{Answer, JsonBody};
use crate::auth::Admin;
use crate::ca::checked_csr;
use crate::change::change;
use crate::idempotency::{self, Start};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use certdesk_x509::check_csr_names;

pub async fn place(
    State(state): State<AppState>,
    Admin(caller): Admin,
    headers: HeaderMap,
    body: JsonBody<PlaceOrder>,
) -> ApiResult<Response> {
    let idem = match idempotency::start(&state, &caller.account, &headers, "/v1/orders", &body.raw)
        .await?
    {
        Start::Replay(response) => return Ok(response),
        Start::Run(idem) => idem,
    };
    let PlaceOrder {
        mut request,
        csr_pem,
    } = body.value;
    // The key algorithm of a pasted CSR is the CSR's, once its signature verifies.
    let csr = match csr_pem.as_deref() {
        None => None,
        Some(text) => Some(checked_csr(text).map_err(csr_refused)?),
    };
    request.manual_csr_key_algorithm = csr.as_ref().and_then(|csr| csr.key_algorithm());
    let answer = change(
        &state,
        &caller.account,
        Some(&idem),
        |work| {
            if let Some(sent) = &request.original {
                let stored = work
                    .inventory
                    .find(&sent.id)
                    .cloned()
                    .ok_or_else(|| ApiError::not_found(format!("Certificate {}", sent.id)))?;
                request.original = Some(stored);
            }
            // The CSR must request exactly the certificate's names (the
            // stored original's for a renewal), as the app checks it.
            if let Some(csr) = &csr {
                let names = request
                    .original
                    .as_ref()
                    .map_or(&request.domains, |original| &original.domains);
                check_csr_names(csr, names).map_err(csr_refused)?;
            }
            let placed = Sandbox
                .submit_order(&work.inventory, &request, csr_pem, work.today)
                .map_err(|e| match e {
                    BackendError::Refused(why) => ApiError::invalid(why, Vec::new()),
                    other => other.into(),
                })?;
            work.inventory = placed.inventory;
            Ok((placed.order, placed.plan))
        },
        |done, (order, plan)| {
            let certificates = order
                .certificates
                .iter()
                .map(|id| done.entry(id))
                .collect::<ApiResult<Vec<Entry>>>()?;
            Answer::json(
                StatusCode::CREATED,
                &Placed {
                    certificates,
                    quotas: done.inventory.quotas.clone(),
                    order,
                    plan,
                },
            )
        },
    )
    .await?;
    Ok(answer.into_response())
}

/// 422 naming `csr_pem`: the pasted CSR cannot be used, and why.
fn csr_refused(why: String) -> ApiError {
    ApiError::invalid(
        why.clone(),
        vec![certdesk_api::FieldError {
            field: "csr_pem".into(),
            message: why,
        }],
    )
}
