//! Time moving on in the sandbox: each certificate's own timeline is played
//! up to "today", after the certificate it follows (so a Not Activated one
//! sees its predecessor issued first).

use chrono::NaiveDate;

use super::Advanced;
use crate::inventory::{Inventory, SandboxSettings};
use crate::rules::{
    Activation, Certificate, DeploymentTask, DomainValidation, LifecycleState, TaskStatus,
    ValidationType, ValidityBasis, activation, cap_on, next_in_term_reissue, review_schedule,
    service_end, validity_on,
};

/// "DV Certificate ... 1 to 15 minutes": the sandbox CA takes one minute.
pub const SANDBOX_DV_REVIEW_MS: i64 = 60_000;

/// Bounds the steps of one certificate (a 395-day term under the 47-day cap is 13 reissues).
const MAX_STEPS: usize = 64;

/// Why the sandbox refuses a review when told to ("make the next review fail").
const SANDBOX_FAILURE: &str = "The sandbox CA could not validate domain ownership: the validation record \
     was not found (you asked the sandbox to fail this review). Fix the validation and submit again.";

pub(super) fn advance(inventory: &Inventory, today: NaiveDate, now_ms: i64) -> Option<Advanced> {
    // The common case on a clock tick: nothing is on its way anywhere.
    if !inventory.certificates.iter().any(may_move) {
        return None;
    }
    // Cloned only once something moves: this runs on a timer over the whole inventory.
    let mut next: Option<Inventory> = None;
    let mut settings = inventory.sandbox.clone();
    let (mut events, mut failures) = (Vec::new(), Vec::new());
    // A certificate's predecessor must move first; passes repeat until nothing
    // changes (an order has at most 3 certificates, renewals of renewals a few more).
    for _ in 0..8 {
        let current = next.as_ref().unwrap_or(inventory);
        let links = current.links();
        let mut changes = Vec::new();
        for (i, cert) in current.certificates.iter().enumerate() {
            if !may_move(cert) {
                continue;
            }
            let prev = current.predecessor_with(&links, cert);
            let original = current.original_with(&links, cert);
            let mut ctx = Context {
                today,
                now_ms,
                settings: &mut settings,
                events: &mut events,
                failures: &mut failures,
            };
            if let Some(stepped) = step(cert, prev, original, &mut ctx) {
                changes.push((i, stepped));
            }
        }
        if changes.is_empty() {
            break;
        }
        let target = next.get_or_insert_with(|| inventory.clone());
        for (i, cert) in changes {
            target.certificates[i] = cert;
        }
    }
    let mut next = next?;
    next.sandbox = settings;
    Some(Advanced {
        inventory: next,
        events,
        failures,
    })
}

/// What one step may read and write besides the certificate.
struct Context<'a> {
    today: NaiveDate,
    now_ms: i64,
    settings: &'a mut SandboxSettings,
    events: &'a mut Vec<String>,
    failures: &'a mut Vec<String>,
}

/// Cheap pre-check: only these states can move on their own.
fn may_move(c: &Certificate) -> bool {
    match c.state {
        LifecycleState::NotActivated | LifecycleState::ValidatingApplication => true,
        LifecycleState::Issued => {
            c.deployments
                .iter()
                .any(|t| t.status == TaskStatus::Pending)
                || matches!((c.not_after, c.term_end), (Some(to), Some(end)) if to < end)
        }
        _ => false,
    }
}

fn step(
    cert: &Certificate,
    prev: Option<&Certificate>,
    original: Option<&Certificate>,
    ctx: &mut Context,
) -> Option<Certificate> {
    let mut c = cert.clone();
    for _ in 0..MAX_STEPS {
        let moved = match c.state {
            LifecycleState::NotActivated => prev.is_some_and(|p| start(&mut c, p, ctx)),
            LifecycleState::ValidatingApplication => review(&mut c, prev, original, ctx),
            LifecycleState::Issued => deploy(&mut c, ctx) | reissue(&mut c, ctx),
            _ => false,
        };
        if !moved {
            break;
        }
    }
    (c != *cert).then_some(c)
}

/// A Not Activated certificate on its trigger date: the Managed Service submits it, or says why it cannot.
fn start(c: &mut Certificate, prev: &Certificate, ctx: &mut Context) -> bool {
    match activation(prev, c, ctx.today) {
        Activation::Due { trigger_on, .. } => {
            c.state = LifecycleState::ValidatingApplication;
            c.applied_on = Some(trigger_on);
            c.applied_at_ms = None;
            c.note = Some(format!(
                "Started automatically by the Managed Service on {trigger_on}."
            ));
            ctx.events.push(format!(
                "Managed Service started the application of {} ({}) on {trigger_on}.",
                c.name, c.id
            ));
            true
        }
        Activation::ManualNeeded {
            trigger_on, reason, ..
        } => {
            c.state = LifecycleState::PendingApplication;
            c.note = Some(format!("{reason}. Submit the request yourself."));
            ctx.events.push(format!(
                "{} ({}) reached its start date {trigger_on}: {reason}.",
                c.name, c.id
            ));
            true
        }
        _ => false,
    }
}

fn review(
    c: &mut Certificate,
    prev: Option<&Certificate>,
    original: Option<&Certificate>,
    ctx: &mut Context,
) -> bool {
    let Some(applied_on) = c.applied_on else {
        return false;
    };
    let Some(schedule) = review_schedule(c.spec.validation, applied_on) else {
        return false;
    };
    let issue_on = schedule.expected_issue_on;
    let minute_passed = c
        .applied_at_ms
        .is_none_or(|at| ctx.now_ms.saturating_sub(at) >= SANDBOX_DV_REVIEW_MS);
    let ready = ctx.today > issue_on
        || (ctx.today == issue_on && (c.spec.validation != ValidationType::Dv || minute_passed));
    if !ready {
        return false;
    }
    if ctx.settings.fail_next_review {
        ctx.settings.fail_next_review = false;
        c.state = LifecycleState::ValidationFailed;
        c.failure_reason = Some(SANDBOX_FAILURE.to_string());
        ctx.events.push(format!(
            "Sandbox CA: the review of {} ({}) failed on {issue_on}.",
            c.name, c.id
        ));
        return true;
    }
    let basis = match (&c.association, prev) {
        (Some(a), Some(p)) if a.position > 1 || a.renewal => match service_end(p) {
            Some(previous_end) => ValidityBasis::CarryOver { previous_end },
            None => ValidityBasis::Purchase,
        },
        _ => ValidityBasis::Purchase,
    };
    let Ok(validity) = validity_on(basis, issue_on) else {
        return false;
    };
    let Some(first) = validity.chain.first() else {
        return false;
    };
    c.state = LifecycleState::Issued;
    c.term_start = Some(validity.term.start);
    c.term_end = Some(validity.term.end);
    c.not_before = Some(first.from);
    c.not_after = Some(first.to);
    c.failure_reason = None;
    // The CA validated the domains during the review: recorded on the day the
    // request was submitted, the earliest it can have been done, so the reuse
    // date shown is never later than the CA's.
    let validated_on = c.applied_on.unwrap_or(issue_on).min(issue_on);
    record_validations(c, validated_on);
    c.note = (validity.chain.len() > 1).then(|| {
        format!(
            "Its paid term ({} to {}) is covered by {} certificates: certificates issued from {} may be valid at most {} days (CA/Browser Forum SC-081).",
            validity.term.start,
            validity.term.end,
            validity.chain.len(),
            first.cap.since.map_or_else(|| "now".to_string(), |d| d.to_string()),
            first.cap.max_days
        )
    });
    c.deployments = deployment_tasks(c, prev.or(original), issue_on);
    ctx.events.push(format!(
        "Sandbox CA issued {} ({}), valid {} to {}.",
        c.name, c.id, first.from, first.to
    ));
    true
}

/// Tasks for the cloud resources the certificate before it was deployed to
/// (none for a manually entered CSR: "cannot be deployed to Alibaba Cloud
/// products through the console").
fn deployment_tasks(
    c: &Certificate,
    before: Option<&Certificate>,
    on: NaiveDate,
) -> Vec<DeploymentTask> {
    if c.csr_mode == Some(crate::rules::CsrMode::Manual) {
        return Vec::new();
    }
    before
        .map(|p| p.resources.clone())
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(n, resource)| DeploymentTask {
            id: format!("task-{}-{}", c.id, n + 1),
            resource,
            created_on: on,
            status: TaskStatus::Pending,
        })
        .collect()
}

/// Managed deployment tasks finish the day after they were created.
fn deploy(c: &mut Certificate, ctx: &mut Context) -> bool {
    let mut moved = false;
    for task in c
        .deployments
        .iter_mut()
        .filter(|t| t.status == TaskStatus::Pending && ctx.today > t.created_on)
    {
        moved = true;
        if ctx.settings.fail_next_deployment {
            ctx.settings.fail_next_deployment = false;
            let reason = format!(
                "{} {} rejected the certificate: its listener is locked by another change (sandbox). Deploy it to this resource manually or retry.",
                task.resource.product.label(),
                task.resource.name
            );
            ctx.failures.push(format!(
                "Deployment of {} ({}) to {} {} failed: {reason} A notification was sent by email and internal message.",
                c.name, c.id, task.resource.product.label(), task.resource.name
            ));
            task.status = TaskStatus::Failed(reason);
        } else {
            task.status = TaskStatus::Succeeded;
            if !c.resources.contains(&task.resource) {
                c.resources.push(task.resource.clone());
            }
        }
    }
    moved
}

/// SC-081: the next certificate inside the paid term, when the current one is near its end.
fn reissue(c: &mut Certificate, ctx: &mut Context) -> bool {
    let Some(next) = next_in_term_reissue(c, ctx.today).filter(|r| r.due) else {
        return false;
    };
    let cap = cap_on(next.issuance.from);
    c.not_before = Some(next.issuance.from);
    c.not_after = Some(next.issuance.to);
    c.pem = None;
    if next.fresh_validation_needed {
        record_validations(c, next.issuance.from);
    }
    c.verified = None;
    c.note = Some(format!(
        "Reissued within its paid term on {} (valid to {}): a certificate issued then may be valid at most {} days (CA/Browser Forum SC-081). Deploy the new one.{}",
        next.issuance.from,
        next.issuance.to,
        cap.max_days,
        if next.fresh_validation_needed {
            " Its domain validation was done again."
        } else {
            ""
        }
    ));
    ctx.events.push(format!(
        "{} ({}) was reissued inside its term: valid {} to {}.",
        c.name, c.id, next.issuance.from, next.issuance.to
    ));
    true
}

/// Records a domain validation of every domain of `c` on `on`, by its method.
fn record_validations(c: &mut Certificate, on: NaiveDate) {
    let method = c.verification;
    let fresh: Vec<DomainValidation> = c
        .domains
        .iter()
        .map(|domain| DomainValidation {
            domain: domain.clone(),
            validated_on: on,
            method,
        })
        .collect();
    // Keep only the newest validation of each domain.
    c.validations.retain(|v| {
        !fresh
            .iter()
            .any(|f| f.domain.eq_ignore_ascii_case(&v.domain))
    });
    c.validations.extend(fresh);
}
