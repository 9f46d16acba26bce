//! Uploads: which records a set of certificates becomes, before anything is added.
//!
//! A chain uploaded together is one record: its leaf, with the chain in the
//! record's `pem`, sorted leaf first. Certificates are grouped across
//! everything uploaded at once (a leaf in one file and its intermediate in
//! another still make one record). A CA certificate that issues none of the
//! uploaded server certificates is refused with the reason: Certdesk tracks
//! the certificates sites serve, not CAs.
//!
//! The order is judged as given, before the chain is sorted, because a
//! server sends the certificates in the order of its file and a client
//! expects them as TLS says (RFC 5246, 7.4.2): "The sender's certificate
//! MUST come first in the list. Each following certificate MUST directly
//! certify the one preceding it." A file in another order previews with
//! [`ChainProblem::WrongOrder`]; the record still keeps the sorted chain.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::certificate::Certificate;
use super::chain::{ChainReport, analyze_chain};
use super::chain_problems::ChainProblem;
use super::record::{issuer_name, label, record_for};
use super::upload_input::UploadInput;
use certdesk_rules::model::Certificate as Record;

/// Longest chain followed from a leaf (real ones have 2 to 4 members).
const MAX_CHAIN: usize = 8;

/// One record an upload would add, with what the preview shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadCandidate {
    pub record: Record,
    pub leaf: Certificate,
    /// The leaf and the issuers uploaded with it, analysed at `now`, leaf
    /// first; its problems include the order they were given in, and its
    /// `input_positions` are positions in the upload.
    pub chain: ChainReport,
}

/// A certificate that will not be added, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedCertificate {
    /// Its CN, else its subject.
    pub label: String,
    pub fingerprint: String,
    pub reason: String,
}

/// What an upload would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadPlan {
    pub candidates: Vec<UploadCandidate>,
    pub refused: Vec<RefusedCertificate>,
}

/// Where a certificate was given: its source and its position in the upload.
#[derive(Clone, Copy, Debug)]
struct Place {
    source: usize,
    position: usize,
}

/// Groups `certs` (in input order, as one file or paste) into records: one
/// per server certificate, with the CA certificates that issue it as its
/// chain. Chains are judged at `now`.
pub fn plan_upload(certs: &[Certificate], now: NaiveDateTime) -> UploadPlan {
    plan(certs, &[], now)
}

/// [`plan_upload`] of everything given to the upload dialog at once, the
/// order judged within each source: files chosen together have no order
/// between them (a certificate file and a chain file are both fine).
pub fn plan_upload_input(input: &UploadInput, now: NaiveDateTime) -> UploadPlan {
    plan(&input.certificates, &input.source_of, now)
}

/// `sources[i]` is the source of `certs[i]`; missing entries are source 0.
fn plan(certs: &[Certificate], sources: &[usize], now: NaiveDateTime) -> UploadPlan {
    // Distinct certificates, each with every place it was given.
    let mut pool: Vec<&Certificate> = Vec::new();
    let mut given: Vec<Vec<Place>> = Vec::new();
    let mut by_fingerprint: HashMap<&[u8; 32], usize> = HashMap::new();
    for (position, c) in certs.iter().enumerate() {
        let place = Place {
            source: sources.get(position).copied().unwrap_or(0),
            position,
        };
        match by_fingerprint.get(c.fingerprint_bytes()) {
            Some(i) => given[*i].push(place),
            None => {
                by_fingerprint.insert(c.fingerprint_bytes(), pool.len());
                pool.push(c);
                given.push(vec![place]);
            }
        }
    }
    // The CA certificates of the pool by subject, in pool order: finding an
    // issuer is then a lookup, not a scan of every certificate uploaded.
    let mut cas_by_subject: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, c) in pool.iter().enumerate().filter(|(_, c)| c.is_ca()) {
        cas_by_subject.entry(c.subject().der()).or_default().push(i);
    }
    let mut plan = UploadPlan::default();
    let mut used = vec![false; pool.len()];
    // (server certificate, the issuer it lacks) of each incomplete chain.
    let mut incomplete: Vec<(String, String)> = Vec::new();
    for (i, leaf) in pool.iter().enumerate() {
        if leaf.is_ca() {
            continue;
        }
        used[i] = true;
        let mut members = vec![i];
        let mut current = i;
        while members.len() < MAX_CHAIN && !pool[current].is_self_signed() {
            let Some(next) = issuer_in(pool[current], &pool, &cas_by_subject, &members) else {
                break;
            };
            used[next] = true;
            members.push(next);
            current = next;
        }
        let chain: Vec<Certificate> = members.iter().map(|m| pool[*m].clone()).collect();
        match record_for(leaf, &chain[1..]) {
            Ok(record) => {
                let report = chain_as_given(&chain, &order_as_given(&members, &given), now);
                if report
                    .problems
                    .iter()
                    .any(|p| matches!(p, ChainProblem::MissingIssuer { .. }))
                    && let Some(top) = report.certificates.last()
                {
                    incomplete.push((label(leaf), issuer_name(top.issuer())));
                }
                plan.candidates.push(UploadCandidate {
                    record,
                    leaf: (*leaf).clone(),
                    chain: report,
                });
            }
            Err(reason) => plan.refused.push(refused(leaf, reason)),
        }
    }
    for (i, c) in pool.iter().enumerate() {
        if used[i] {
            continue;
        }
        let reason = if c.is_self_signed() && !incomplete.is_empty() {
            root_above_a_gap(&incomplete)
        } else {
            format!(
                "This is a CA certificate ({}), not a server certificate, and it issued none of the server certificates uploaded with it. Upload it together with the certificate it issued; on its own it is not added.",
                if c.is_self_signed() {
                    "a root"
                } else {
                    "an intermediate"
                }
            )
        };
        plan.refused.push(refused(c, reason));
    }
    plan
}

/// The order a chain's members were given in.
struct GivenOrder {
    /// For each member (leaf first), its position in the upload.
    positions: Vec<usize>,
    /// Within every source, each member comes after the ones it issued.
    in_order: bool,
}

/// Where each member of a chain (leaf first) was given, and whether that is
/// chain order. Certificates of other chains may come between; a
/// certificate given twice (two full chains pasted one after the other
/// share their intermediate) counts at its first place that keeps the order.
fn order_as_given(members: &[usize], given: &[Vec<Place>]) -> GivenOrder {
    let mut chosen: Vec<Place> = Vec::new();
    let mut in_order = true;
    for member in members {
        let places = given.get(*member).map(Vec::as_slice).unwrap_or_default();
        let after_the_others = |p: &&Place| {
            chosen
                .iter()
                .all(|c| c.source != p.source || c.position < p.position)
        };
        let fitting = places.iter().find(after_the_others).copied();
        in_order &= fitting.is_some();
        if let Some(place) = fitting.or_else(|| places.first().copied()) {
            chosen.push(place);
        }
    }
    GivenOrder {
        positions: chosen.iter().map(|p| p.position).collect(),
        in_order,
    }
}

/// The analysis of `chain` (leaf first) with the order it was given in:
/// [`ChainProblem::WrongOrder`] first when it was not chain order, and the
/// input positions of the upload.
fn chain_as_given(chain: &[Certificate], given: &GivenOrder, now: NaiveDateTime) -> ChainReport {
    let mut report = analyze_chain(chain, now);
    if !given.in_order && !report.problems.contains(&ChainProblem::WrongOrder) {
        report.problems.insert(0, ChainProblem::WrongOrder);
    }
    report.input_positions = report
        .input_positions
        .iter()
        .filter_map(|i| given.positions.get(*i).copied())
        .collect();
    report
}

/// Why a root uploaded with an incomplete chain is not kept. It is not a
/// stray: it most likely tops that chain, but no signature links it to the
/// server certificate until the intermediate is there.
fn root_above_a_gap(incomplete: &[(String, String)]) -> String {
    let needs: Vec<String> = incomplete
        .iter()
        .map(|(leaf, issuer)| format!("\"{leaf}\" needs its issuer \"{issuer}\""))
        .collect();
    format!(
        "This root came with a server certificate whose intermediate is missing ({}); a root cannot take the intermediate's place. Browsers already hold their roots, so it is not kept: upload the intermediate certificate your CA provided together with the server certificate.",
        needs.join("; ")
    )
}

/// The CA certificate of `pool` that issued `cert` and is not in `members`
/// yet: one whose key identifiers are present and equal first.
/// `cas_by_subject` lists the pool's CA certificates by subject name.
fn issuer_in(
    cert: &Certificate,
    pool: &[&Certificate],
    cas_by_subject: &HashMap<&[u8], Vec<usize>>,
    members: &[usize],
) -> Option<usize> {
    let fits = |i: usize| cert.is_issued_by(pool[i]) && !members.contains(&i);
    let matching: Vec<usize> = cas_by_subject
        .get(cert.issuer().der())
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|i| fits(*i))
        .collect();
    matching
        .iter()
        .copied()
        .find(|i| cert.authority_key_id().is_some() && pool[*i].subject_key_id().is_some())
        .or_else(|| matching.first().copied())
}

fn refused(c: &Certificate, reason: String) -> RefusedCertificate {
    RefusedCertificate {
        label: label(c),
        fingerprint: c.fingerprint_sha256(),
        reason,
    }
}
