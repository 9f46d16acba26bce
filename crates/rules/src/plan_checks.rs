//! The checks of `plan_order` on domains and on SC-081 chains.

use super::caps::needs_fresh_validation;
use super::domain::{normalize_domains, type_of_names};
use super::order::{OrderKind, OrderRequest, PlannedCertificate};
use super::warnings::{Warning, WarningKind as W};
use crate::sort;

/// The request's domains in canonical form, with a warning when they are
/// invalid, do not fit the chosen domain type, or differ from a renewal's original.
pub(super) fn check_domains(req: &OrderRequest, warnings: &mut Vec<Warning>) -> Vec<String> {
    let domains = match normalize_domains(&req.domains) {
        Ok(domains) => domains,
        Err(error) => {
            warnings.push(Warning::new(W::DomainsInvalid, error.to_string()));
            return req.domains.clone();
        }
    };
    match type_of_names(&domains) {
        Ok(found) if found != req.spec.domain_type => warnings.push(Warning::new(
            W::DomainTypeMismatch,
            format!(
                "These domains need a {} certificate, but {} was chosen",
                found.label(),
                req.spec.domain_type.label()
            ),
        )),
        Ok(_) => {}
        Err(error) => warnings.push(Warning::new(W::DomainsInvalid, error.to_string())),
    }
    if let (OrderKind::Renewal, Some(original)) = (req.kind, &req.original) {
        let mut before =
            normalize_domains(&original.domains).unwrap_or_else(|_| original.domains.clone());
        let mut after = domains.clone();
        sort::sort(&mut before);
        sort::sort(&mut after);
        if before != after {
            warnings.push(Warning::new(
                W::DomainsChanged,
                "A renewal keeps the original certificate's domains: purchase a new certificate to change them",
            ));
        }
    }
    domains
}

/// One warning when a term is covered by several certificates, one when an
/// in-term certificate needs domain validation again.
pub(super) fn chain_warnings(certificates: &[PlannedCertificate], warnings: &mut Vec<Warning>) {
    let chained: Vec<&PlannedCertificate> =
        certificates.iter().filter(|c| c.chain.len() > 1).collect();
    if let Some(first) = chained.first() {
        let total: usize = certificates.iter().map(|c| c.chain.len()).sum();
        let Some(opening) = first.chain.first() else {
            return;
        };
        // The cap when the first certificate is issued, and the shortest one the terms reach.
        let shortest = chained
            .iter()
            .flat_map(|c| &c.chain)
            .min_by_key(|i| i.cap.max_days)
            .map_or(opening.cap, |i| i.cap);
        let later = match shortest.since {
            Some(since) if shortest.max_days < opening.cap.max_days => {
                format!(", and from {since} at most {} days", shortest.max_days)
            }
            _ => String::new(),
        };
        warnings.push(Warning::new(
            W::ChainedIssuance,
            format!(
                "Under CA/Browser Forum ballot SC-081 a certificate issued on {} is valid at most {} days{later}: \
                 the paid terms are covered by {total} certificates in turn, each to deploy when issued",
                opening.from, opening.cap.max_days
            ),
        ));
    }
    let fresh = certificates
        .iter()
        .flat_map(|c| c.chain.windows(2))
        .find(|pair| needs_fresh_validation(pair[0].from, pair[1].from));
    if let Some(pair) = fresh {
        warnings.push(Warning::new(
            W::FreshValidation,
            format!(
                "From {} domain validation can be reused for only {} days: each in-term certificate needs it done again",
                pair[1].from, pair[1].cap.dcv_reuse_days
            ),
        ));
    }
}
