//! A large generated inventory (`?generate=N` in the URL, and the benchmarks):
//! the same kinds of records as the demo, spread over many dates.

use chrono::NaiveDate;

use super::demo::{default_prices, issued, record, shift, spec, valid};
use super::inventory::Inventory;
use crate::rules::{
    Association, Brand, CertificateKind, DomainType, KeyAlgorithm, LifecycleState, Quotas,
    Specification, ValidationType, ValidityBasis,
};

/// A deterministic pseudo-random sequence (the same inventory on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

const BRANDS: [Brand; 3] = [Brand::AlibabaCloud, Brand::DigiCert, Brand::GlobalSign];
const VALIDATIONS: [ValidationType; 3] =
    [ValidationType::Dv, ValidationType::Ov, ValidationType::Ev];
const KEYS: [KeyAlgorithm; 4] = [
    KeyAlgorithm::Rsa2048,
    KeyAlgorithm::EcdsaP256,
    KeyAlgorithm::Rsa3072,
    KeyAlgorithm::EcdsaP384,
];
const STATES: [LifecycleState; 4] = [
    LifecycleState::PendingApplication,
    LifecycleState::ValidatingApplication,
    LifecycleState::ValidationFailed,
    LifecycleState::Cancelled,
];

/// `n` certificates (about one in ten with an associated Not Activated certificate) as of `t`.
pub fn generated_inventory(t: NaiveDate, n: usize) -> Inventory {
    let mut rng = Lcg(0x5eed_cafe);
    let mut certificates = Vec::with_capacity(n);
    let mut i = 0usize;
    while certificates.len() < n {
        i += 1;
        let kind = if rng.below(10) < 7 {
            CertificateKind::Official
        } else {
            CertificateKind::Uploaded
        };
        let validation = VALIDATIONS[rng.below(3) as usize];
        let domain_type = match rng.below(10) {
            0..=6 => DomainType::Single,
            7 | 8 => DomainType::Wildcard,
            _ => DomainType::MultiDomain,
        };
        let s: Specification = spec(BRANDS[rng.below(3) as usize], validation, domain_type);
        let host = format!("host-{i:05}.example{}.com", i % 97);
        let names: Vec<String> = match domain_type {
            DomainType::Single => vec![host],
            DomainType::Wildcard => vec![format!("*.{host}")],
            DomainType::MultiDomain => {
                vec![host.clone(), format!("www.{host}"), format!("api.{host}")]
            }
        };
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let id = format!("gen-{i:06}");
        let base = record(&id, kind, s, KEYS[rng.below(4) as usize], &refs);
        let mut cert = match (kind, rng.below(20)) {
            (_, 0) => {
                let mut c = base;
                c.state = STATES[rng.below(4) as usize];
                c
            }
            (CertificateKind::Official, _) => {
                issued(base, t, -(rng.below(420) as i64), ValidityBasis::Purchase)
            }
            (CertificateKind::Uploaded, _) => {
                let from = -(rng.below(400) as i64);
                valid(base, t, from, from + 365)
            }
        };
        cert.pca = kind == CertificateKind::Uploaded && rng.below(8) == 0;
        let with_child =
            i.is_multiple_of(10) && cert.not_after.is_some_and(|end| end > shift(t, 0));
        certificates.push(cert.clone());
        if with_child && certificates.len() < n {
            let mut next = cert;
            next.id = format!("{id}-1");
            next.state = LifecycleState::NotActivated;
            next.not_before = None;
            next.not_after = None;
            next.term_start = None;
            next.term_end = None;
            next.association = Some(Association {
                original: id.clone(),
                order: format!("gen-order-{i}"),
                position: 1,
                of: 1,
                renewal: kind == CertificateKind::Official,
            });
            certificates.push(next);
        }
    }
    Inventory {
        certificates,
        quotas: Quotas {
            units: Specification::all().into_iter().map(|s| (s, 10)).collect(),
            managed_service: 10,
        },
        prices: default_prices(),
        orders: Vec::new(),
        sandbox: Default::default(),
        policies: Vec::new(),
    }
}
