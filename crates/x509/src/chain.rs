//! Chains: putting certificates in order (leaf first) and saying what is wrong.
//!
//! Issuers are matched as RFC 5280 path building does: the issuer's subject
//! DER equals the certificate's issuer DER, and, when both are present, the
//! issuer's subjectKeyIdentifier equals the authorityKeyIdentifier.
//!
//! Without a root store, a chain that ends at a CA certificate whose issuer
//! is absent is taken to end at a root the browser already has (that is how
//! servers should send chains); it is reported as [`ChainReport::anchor`],
//! not as a problem. A leaf whose issuer is absent is a missing intermediate.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use super::certificate::Certificate;
use super::chain_problems::{ChainProblem, Severity};
use super::check::SignatureCheck;
use super::time::ValidityState;

/// The analysis of a set of certificates as one chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// The chain, leaf first, each followed by its issuer.
    pub certificates: Vec<Certificate>,
    /// For each of `certificates`, its 0-based position in the input.
    pub input_positions: Vec<usize>,
    /// Input certificates that are not on the leaf's path, with their positions.
    pub unrelated: Vec<(usize, Certificate)>,
    /// One per signature to check: each certificate by its issuer, and a
    /// self-signed root by itself.
    pub links: Vec<ChainLink>,
    pub problems: Vec<ChainProblem>,
    /// Issuer of the last certificate when it is a CA not included here:
    /// the root the browser must already trust.
    pub anchor: Option<String>,
}

/// One signature of the chain: `certificates[subject]` signed by `certificates[issuer]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainLink {
    pub subject: usize,
    pub issuer: usize,
    pub check: SignatureCheck,
}

/// Puts `certs` in order (leaf first) and reports every problem, with the
/// validity of each member judged at `now` (UTC).
pub fn analyze_chain(certs: &[Certificate], now: NaiveDateTime) -> ChainReport {
    let mut report = ChainReport {
        certificates: Vec::new(),
        input_positions: Vec::new(),
        unrelated: Vec::new(),
        links: Vec::new(),
        problems: Vec::new(),
        anchor: None,
    };
    // Distinct certificates with their input positions.
    let mut pool: Vec<(usize, &Certificate)> = Vec::new();
    let mut seen: HashSet<&[u8; 32]> = HashSet::new();
    for (i, c) in certs.iter().enumerate() {
        if seen.insert(c.fingerprint_bytes()) {
            pool.push((i, c));
        } else {
            report.problems.push(ChainProblem::Duplicate {
                input_position: i,
                subject: label(c),
            });
        }
    }
    let names = Names::of(&pool);
    let Some(leaf) = pick_leaf(&pool, &names) else {
        report.problems.push(ChainProblem::Empty);
        return report;
    };
    // What is left of the pool: certificates not on the path yet.
    let mut taken = vec![false; pool.len()];
    taken[leaf] = true;
    let mut path = vec![pool[leaf]];
    loop {
        let (_, current) = path[path.len() - 1];
        if current.is_self_signed() {
            break;
        }
        if let Some(next) = pick_issuer(current, &pool, &names, &taken) {
            taken[next] = true;
            path.push(pool[next]);
            continue;
        }
        let near_miss = names
            .with_subject(current.issuer().der())
            .iter()
            .find(|i| !taken[**i])
            .map(|i| label(pool[*i].1));
        if current.is_ca() && near_miss.is_none() && path.len() > 1 {
            report.anchor = Some(current.issuer().to_string());
        } else {
            report.problems.push(ChainProblem::MissingIssuer {
                index: path.len() - 1,
                subject: label(current),
                issuer: current.issuer().to_string(),
                authority_key_id: current.authority_key_id_hex(),
                near_miss,
            });
        }
        break;
    }
    let positions: Vec<usize> = path.iter().map(|(i, _)| *i).collect();
    if positions.first() != Some(&0) || positions.windows(2).any(|w| w[0] > w[1]) {
        report.problems.insert(0, ChainProblem::WrongOrder);
    }
    let last = path.len() - 1;
    let (_, leaf) = path[0];
    if leaf.is_self_signed() && last == 0 {
        report.problems.push(ChainProblem::SelfSignedLeaf {
            subject: label(leaf),
        });
    } else if path[last].1.is_self_signed() {
        report.problems.push(ChainProblem::RootIncluded {
            index: last,
            subject: label(path[last].1),
        });
    }
    if leaf.is_ca() {
        report.problems.push(ChainProblem::LeafIsCa {
            subject: label(leaf),
        });
    }
    for (index, (_, c)) in path.iter().enumerate() {
        if index > 0 && !c.is_ca() {
            report.problems.push(ChainProblem::IssuerNotCa {
                index,
                subject: label(c),
            });
        }
        match c.validity_at(now) {
            ValidityState::Valid => {}
            ValidityState::Expired => report.problems.push(ChainProblem::Expired {
                index,
                subject: label(c),
                not_after: c.not_after(),
            }),
            ValidityState::NotYetValid => report.problems.push(ChainProblem::NotYetValid {
                index,
                subject: label(c),
                not_before: c.not_before(),
            }),
        }
        let issuer = if index < last { index + 1 } else { index };
        if index < last || c.is_self_signed() {
            report.links.push(ChainLink {
                subject: index,
                issuer,
                check: c.signature_check(path[issuer].1),
            });
        }
    }
    let left = pool.iter().zip(&taken).filter(|(_, taken)| !**taken);
    for ((position, c), _) in left {
        let (position, c) = (*position, *c);
        report.problems.push(ChainProblem::Unrelated {
            input_position: position,
            subject: label(c),
        });
        report.unrelated.push((position, c.clone()));
    }
    report.input_positions = positions;
    report.certificates = path.into_iter().map(|(_, c)| c.clone()).collect();
    report
}

impl ChainReport {
    /// No missing issuer and nothing empty: every certificate up to a root
    /// (included or trusted by the browser) is present.
    pub fn is_complete(&self) -> bool {
        !self
            .problems
            .iter()
            .any(|p| matches!(p, ChainProblem::MissingIssuer { .. } | ChainProblem::Empty))
    }

    pub fn leaf(&self) -> Option<&Certificate> {
        self.certificates.first()
    }

    /// The most serious severity among the problems, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.problems.iter().map(ChainProblem::severity).max()
    }
}

/// The pool's certificates (indices, in pool order) by subject and by
/// issuer name, so that matching issuers is a lookup, not a scan.
struct Names<'a> {
    by_subject: HashMap<&'a [u8], Vec<usize>>,
    by_issuer: HashMap<&'a [u8], Vec<usize>>,
}

impl<'a> Names<'a> {
    fn of(pool: &[(usize, &'a Certificate)]) -> Self {
        let mut names = Names {
            by_subject: HashMap::new(),
            by_issuer: HashMap::new(),
        };
        for (i, (_, c)) in pool.iter().enumerate() {
            names
                .by_subject
                .entry(c.subject().der())
                .or_default()
                .push(i);
            names.by_issuer.entry(c.issuer().der()).or_default().push(i);
        }
        names
    }

    fn with_subject(&self, name: &[u8]) -> &[usize] {
        self.by_subject
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    fn with_issuer(&self, name: &[u8]) -> &[usize] {
        self.by_issuer
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// The leaf: a certificate that issues none of the others. Among several,
/// an end-entity one first, then the earliest in the input.
fn pick_leaf(pool: &[(usize, &Certificate)], names: &Names<'_>) -> Option<usize> {
    let issues_another = |c: &Certificate| {
        names.with_issuer(c.subject().der()).iter().any(|o| {
            let o = pool[*o].1;
            o.fingerprint_bytes() != c.fingerprint_bytes() && o.is_issued_by(c)
        })
    };
    let candidates: Vec<usize> = (0..pool.len())
        .filter(|i| !issues_another(pool[*i].1))
        .collect();
    candidates
        .iter()
        .copied()
        .find(|i| !pool[*i].1.is_ca())
        .or_else(|| candidates.first().copied())
        .or(if pool.is_empty() { None } else { Some(0) })
}

/// The issuer of `cert` among the pool's certificates not `taken`: one whose
/// key identifiers are present and equal first, then any whose name matches
/// and whose identifiers do not conflict.
fn pick_issuer(
    cert: &Certificate,
    pool: &[(usize, &Certificate)],
    names: &Names<'_>,
    taken: &[bool],
) -> Option<usize> {
    let matching: Vec<usize> = names
        .with_subject(cert.issuer().der())
        .iter()
        .copied()
        .filter(|i| !taken[*i] && cert.is_issued_by(pool[*i].1))
        .collect();
    matching
        .iter()
        .copied()
        .find(|i| cert.authority_key_id().is_some() && pool[*i].1.subject_key_id().is_some())
        .or_else(|| matching.first().copied())
}

/// How a certificate is named in messages: its CN, else its whole subject.
fn label(c: &Certificate) -> String {
    c.common_name()
        .map(str::to_string)
        .unwrap_or_else(|| c.subject().to_string())
}
