//! The checks one imported certificate must pass on its own, and the check
//! of association chains across the file and the inventory.

use std::collections::{HashMap, HashSet};

use crate::rules::{Certificate, LifecycleState, domain_type_of, normalize_domains};

/// The certificate with its domains in canonical form, or why it is refused.
/// Reasons are lower-case fragments, shown after the item's number and ID.
pub(super) fn certificate(mut cert: Certificate) -> Result<Certificate, String> {
    if cert.id.trim().is_empty() {
        return Err("it has no ID".into());
    }
    if cert.name.trim().is_empty() {
        return Err("it has no name".into());
    }
    cert.domains = domains(&cert)?;
    dates(&cert)?;
    if let Some(a) = &cert.association
        && (a.position == 0 || a.position > a.of)
    {
        return Err(format!(
            "its place in its order ({} of {}) is impossible",
            a.position, a.of
        ));
    }
    Ok(cert)
}

/// States in which no domain needs to be bound yet: nothing was applied for.
fn may_lack_domains(state: LifecycleState) -> bool {
    matches!(
        state,
        LifecycleState::NotActivated
            | LifecycleState::PendingApplication
            | LifecycleState::Cancelled
    )
}

fn domains(cert: &Certificate) -> Result<Vec<String>, String> {
    if cert.domains.is_empty() {
        return if may_lack_domains(cert.state) {
            Ok(Vec::new())
        } else {
            Err(format!(
                "it has no bound domains, which a certificate in state {} must have",
                cert.state.label()
            ))
        };
    }
    let names = normalize_domains(&cert.domains).map_err(|e| format!("domains: {e}"))?;
    let found = domain_type_of(&names).map_err(|e| format!("domains: {e}"))?;
    if found != cert.spec.domain_type {
        return Err(format!(
            "its domains make it a {} certificate, but its specification says {}",
            found.label(),
            cert.spec.domain_type.label()
        ));
    }
    Ok(names)
}

fn dates(cert: &Certificate) -> Result<(), String> {
    match (cert.not_before, cert.not_after) {
        (Some(from), Some(to)) if from > to => {
            return Err(format!(
                "it is valid from {from} to {to}: the start is after the end"
            ));
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err("it has only one of its two validity dates (valid from, valid to)".into());
        }
        (None, None) if cert.state == LifecycleState::Issued => {
            return Err("it is Issued but has no validity dates".into());
        }
        _ => {}
    }
    match (cert.term_start, cert.term_end) {
        (Some(start), Some(end)) if start > end => Err(format!(
            "its service term runs from {start} to {end}: the start is after the end"
        )),
        _ => Ok(()),
    }
}

enum Mark {
    Visiting,
    Good,
    Bad,
}

/// For each candidate, `None` when its chain of originals ends at a
/// certificate without one (in the inventory or among the candidates), else
/// why not. `rejected` holds the IDs of the file's items already refused.
pub(super) fn associations(
    candidates: &[Certificate],
    inventory_ids: &HashSet<&str>,
    rejected: &HashSet<String>,
) -> Vec<Option<String>> {
    let by_id: HashMap<&str, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut marks: Vec<Option<Mark>> = candidates.iter().map(|_| None).collect();
    let mut reasons: Vec<Option<String>> = candidates.iter().map(|_| None).collect();
    for start in 0..candidates.len() {
        let mut path: Vec<usize> = Vec::new();
        let mut current = start;
        // Walks up the originals until one is known to be good or bad.
        let tail: Option<String> = loop {
            match marks.get(current).and_then(Option::as_ref) {
                Some(Mark::Good) => break None,
                Some(Mark::Bad) => {
                    break Some(original_refused(candidates, current));
                }
                Some(Mark::Visiting) => {
                    break Some("its chain of original certificates loops back on itself".into());
                }
                None => {}
            }
            let Some(cert) = candidates.get(current) else {
                break None;
            };
            if let Some(slot) = marks.get_mut(current) {
                *slot = Some(Mark::Visiting);
            }
            path.push(current);
            let Some(a) = &cert.association else {
                break None;
            };
            if a.original == cert.id {
                break Some("it names itself as its original certificate".into());
            }
            if inventory_ids.contains(a.original.as_str()) {
                break None;
            }
            match by_id.get(a.original.as_str()) {
                Some(&next) => current = next,
                None if rejected.contains(&a.original) => {
                    break Some(format!(
                        "its original certificate \"{}\" was rejected",
                        a.original
                    ));
                }
                None => {
                    break Some(format!(
                        "its original certificate \"{}\" is neither in this file nor in the inventory",
                        a.original
                    ));
                }
            }
        };
        // The last certificate of the path met the problem; those before it inherit it.
        let good = tail.is_none();
        let mut reason = tail;
        for &i in path.iter().rev() {
            if let Some(slot) = marks.get_mut(i) {
                *slot = Some(if good { Mark::Good } else { Mark::Bad });
            }
            if let Some(slot) = reasons.get_mut(i) {
                *slot = reason.take();
            }
            if !good {
                reason = Some(original_refused(candidates, i));
            }
        }
    }
    reasons
}

fn original_refused(candidates: &[Certificate], index: usize) -> String {
    let id = candidates.get(index).map_or("", |c| c.id.as_str());
    format!("its original certificate \"{id}\" was rejected")
}
