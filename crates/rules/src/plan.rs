//! The one entry point a screen calls: `plan_order`.

use chrono::NaiveDate;

use super::activation::{auto_start_check, trigger_days};
use super::contact::{is_blank, validate_contact};
use super::csr::check_csr;
use super::dates::add_days;
use super::eligibility::{Ineligible, renewal_eligibility, spec_change, update_eligibility};
use super::model::{CertificateKind, LifecycleState, PriceTable, Quotas, ValidationType};
use super::order::{OrderKind, OrderPlan, OrderRequest, PlannedCertificate};
use super::payment::{managed_service_uses, payment};
use super::plan_checks::{chain_warnings, check_domains};
use super::review::review_schedule;
use super::status::{service_days_left, service_end};
use super::validity::{MAX_CARRY_OVER_DAYS, ValidityBasis, validity_on};
use super::verification::{default_verification, method_allowed, methods_for_names};
use super::warnings::{Warning, WarningKind as W};

fn eligibility(req: &OrderRequest, today: NaiveDate) -> Result<(), Ineligible> {
    match (req.kind, &req.original) {
        (OrderKind::Renewal, None) => Err(Ineligible::NoOriginal),
        (OrderKind::Renewal, Some(o)) => {
            renewal_eligibility(o, today).and_then(|()| spec_change(&o.spec, &req.spec))
        }
        (OrderKind::Purchase, Some(o)) if o.kind == CertificateKind::Uploaded => {
            update_eligibility(o, today)
        }
        (OrderKind::Purchase, _) => Ok(()),
    }
}

/// The order plan: eligibility, planned certificates, Managed Service uses,
/// payment and warnings, for an order placed on `today`.
///
/// It applies every rule: eligibility (rule 1), validity with carry-over
/// (2, 3) under today's caps (10), multi-year periods and activation (4), the
/// Managed Service fee (5), quota and payment (6), CSR (7), verification and
/// contact (8) and the CA review (9). As the documents' example does ("Assume
/// the new certificate is issued on the same day the application process
/// starts"), the first certificate is issued on `today`; later ones on their
/// trigger day, as estimates. Never panics; out-of-range dates become a
/// blocking warning and a shorter plan.
pub fn plan_order(
    req: &OrderRequest,
    quotas: &Quotas,
    prices: &PriceTable,
    today: NaiveDate,
) -> OrderPlan {
    let mut warnings = Vec::new();
    let original = req.original.as_ref();
    let eligibility = eligibility(req, today);
    if !(1..=3).contains(&req.years) {
        warnings.push(Warning::new(
            W::PeriodInvalid,
            "Choose a period of 1, 2 or 3 years",
        ));
    }
    let years = req.years.clamp(1, 3);
    let domains = check_domains(req, &mut warnings);

    let renewal = req.kind == OrderKind::Renewal;
    let key = match (renewal, original) {
        (true, Some(o)) => o.key_algorithm,
        _ => req.key_algorithm,
    };
    let csr = check_csr(
        req.csr_mode,
        key,
        renewal,
        original.map(|o| o.key_algorithm),
        req.manual_csr_key_algorithm,
    );
    warnings.extend(csr.warnings);

    let verification_options = methods_for_names(&req.spec, &domains, req.dns_in_same_account);
    let verification = match req.verification {
        Some(method) => {
            if let Err(reason) = method_allowed(method, &verification_options) {
                warnings.push(Warning::new(
                    W::VerificationNotOffered,
                    format!("{}: {reason}", method.label()),
                ));
            }
            Some(method)
        }
        None => default_verification(original.map(|o| o.verification), &verification_options),
    };
    if verification.is_none() {
        warnings.push(Warning::new(
            W::NoVerificationMethod,
            "No domain verification method fits these domains",
        ));
    }

    let dv = req.spec.validation == ValidationType::Dv;
    let contact = if dv && is_blank(&req.contact) {
        Ok(())
    } else {
        validate_contact(&req.contact)
    };
    if let Err(errors) = &contact {
        let message = if dv {
            format!("Correct or clear the contact: {errors}")
        } else {
            format!("The CA contacts this person by email or phone during the review: {errors}")
        };
        warnings.push(Warning::new(W::ContactInvalid, message));
    }

    let days_left = original.and_then(|o| service_days_left(o, today));
    let managed_service = managed_service_uses(req.kind, years, days_left);
    if let Some(note) = &managed_service.fee_note {
        warnings.push(Warning::new(W::EarlyRenewalFee, note.clone()));
    }
    match (renewal, days_left) {
        (true, Some(d)) if d > MAX_CARRY_OVER_DAYS => warnings.push(Warning::new(
            W::CarryOverLost,
            format!(
                "Issued today, the new certificate carries over {MAX_CARRY_OVER_DAYS} of the original's {d} \
                 remaining days; the other {} are lost",
                d - MAX_CARRY_OVER_DAYS
            ),
        )),
        (false, Some(d)) if d > 0 => warnings.push(Warning::new(
            W::NoCarryOver,
            format!("A purchased certificate does not carry over the original's {d} remaining days"),
        )),
        _ => {}
    }

    let certificates = plan_certificates(req, years, today, &mut warnings);

    let payment = payment(
        req.spec,
        u32::from(years),
        managed_service.total,
        quotas,
        prices,
    );
    if payment.amount_cents.is_none() {
        warnings.push(Warning::new(
            W::PriceMissing,
            format!(
                "The price table has no usable price for {}: the amount cannot be computed",
                req.spec.label()
            ),
        ));
    }
    let review = review_schedule(req.spec.validation, today);
    let can_submit = eligibility.is_ok() && !warnings.iter().any(Warning::blocks_submission);
    OrderPlan {
        kind: req.kind,
        eligibility,
        years,
        spec: req.spec,
        domains,
        key_algorithm: csr.key_algorithm,
        cloud_deployable: csr.cloud_deployable,
        verification,
        verification_options,
        contact,
        certificates,
        managed_service,
        payment,
        review,
        warnings,
        can_submit,
    }
}

fn plan_certificates(
    req: &OrderRequest,
    years: u8,
    today: NaiveDate,
    warnings: &mut Vec<Warning>,
) -> Vec<PlannedCertificate> {
    let original = req.original.as_ref();
    let kind = original.map_or(CertificateKind::Official, |o| o.kind);
    let trigger = trigger_days(kind);
    let auto = auto_start_check(
        req.spec.validation,
        req.dns_in_same_account,
        req.validation_free,
        &req.contact,
    );
    let mut basis = match (req.kind, original.and_then(service_end)) {
        (OrderKind::Renewal, Some(previous_end)) => ValidityBasis::CarryOver { previous_end },
        _ => ValidityBasis::Purchase,
    };
    let mut issued_on = today;
    let mut certificates: Vec<PlannedCertificate> = Vec::with_capacity(usize::from(years));
    for position in 1..=years {
        let later = position > 1;
        if let Some(prev) = certificates.last() {
            let Some(trigger_on) = add_days(prev.term.end, -trigger) else {
                warnings.push(Warning::new(
                    W::DateOutOfRange,
                    "The later certificates' dates are outside the calendar",
                ));
                break;
            };
            basis = ValidityBasis::CarryOver {
                previous_end: prev.term.end,
            };
            issued_on = trigger_on;
        }
        let validity = match validity_on(basis, issued_on) {
            Ok(validity) => validity,
            Err(error) => {
                warnings.push(Warning::new(W::DateOutOfRange, error.to_string()));
                break;
            }
        };
        if later && let Err(reason) = &auto {
            warnings.push(Warning::new(
                W::ManualSubmissionNeeded,
                format!("Certificate {position} of {years}, due to start on {issued_on}: {reason}"),
            ));
        }
        certificates.push(PlannedCertificate {
            position,
            of: years,
            kind,
            status: if later {
                LifecycleState::NotActivated
            } else {
                LifecycleState::PendingApplication
            },
            issued_on,
            estimated: later,
            term: validity.term,
            chain: validity.chain,
            trigger_days: later.then_some(trigger),
            trigger_on: later.then_some(issued_on),
            auto_start: later.then(|| auto.clone()),
        });
    }
    chain_warnings(&certificates, warnings);
    certificates
}
