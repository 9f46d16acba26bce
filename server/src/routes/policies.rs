//! Notification policies: saved whole after `validate_policy` (the form's
//! own check), deleted by ID.

use axum::Json;
use axum::extract::{Path, State};
use certdesk_api::FieldError;
use certdesk_rules::{NotificationPolicy, validate_policy};

use crate::answer::{Answer, JsonBody};
use crate::auth::Admin;
use crate::change::change;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

/// Each message of `validate_policy`, with the field it is about.
fn field_errors(errors: certdesk_rules::PolicyErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut push = |field: String, message: Option<String>| {
        if let Some(message) = message {
            out.push(FieldError { field, message });
        }
    };
    push("name".into(), errors.name);
    push("repeat".into(), errors.repeat);
    push("contacts".into(), errors.contacts);
    push("scope".into(), errors.scope);
    for (i, c) in errors.contact {
        push(format!("contacts[{i}].name"), c.name);
        push(format!("contacts[{i}].email"), c.email);
        push(format!("contacts[{i}].phone"), c.phone);
        push(format!("contacts[{i}].channels"), c.channels);
        for (channel, message) in c.webhooks {
            push(format!("contacts[{i}].webhooks.{channel:?}"), Some(message));
        }
    }
    out
}

pub async fn put(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
    body: JsonBody<NotificationPolicy>,
) -> ApiResult<Json<NotificationPolicy>> {
    let policy = body.value;
    if policy.id != id {
        return Err(ApiError::field(
            "id",
            format!("must be the ID in the path ({id})"),
        ));
    }
    if let Err(errors) = validate_policy(&policy) {
        return Err(ApiError::invalid(
            "The policy has fields to correct (listed in errors).",
            field_errors(errors),
        ));
    }
    let saved = policy.clone();
    change(
        &state,
        &caller.account,
        None,
        move |work| {
            match work
                .inventory
                .policies
                .iter_mut()
                .find(|p| p.id == policy.id)
            {
                Some(p) => *p = policy,
                None => work.inventory.policies.push(policy),
            }
            Ok(())
        },
        |_, ()| Ok(Answer::no_content()),
    )
    .await?;
    Ok(Json(saved))
}

pub async fn delete(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Path(id): Path<String>,
) -> ApiResult<Answer> {
    change(
        &state,
        &caller.account,
        None,
        |work| {
            let before = work.inventory.policies.len();
            work.inventory.policies.retain(|p| p.id != id);
            if work.inventory.policies.len() == before {
                return Err(ApiError::not_found(format!("Policy {id}")));
            }
            Ok(())
        },
        |_, ()| Ok(Answer::no_content()),
    )
    .await
}
