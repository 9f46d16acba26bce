//! Builders shared by the rules' tests.
#![allow(dead_code)]

use chrono::NaiveDate;

use crate::rules::model::*;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}

pub fn spec(brand: Brand, validation: ValidationType, domain_type: DomainType) -> Specification {
    Specification {
        brand,
        validation,
        domain_type,
    }
}

pub fn dv_single() -> Specification {
    spec(Brand::DigiCert, ValidationType::Dv, DomainType::Single)
}

pub fn contact() -> Contact {
    Contact {
        name: "Li Wei".into(),
        email: "li.wei@example.com".into(),
        phone: "+86 138 0013 8000".into(),
    }
}

/// An issued Official DV single-domain certificate.
pub fn official(not_before: &str, not_after: &str) -> Certificate {
    Certificate {
        id: "cas-1".into(),
        name: "www".into(),
        kind: CertificateKind::Official,
        pca: false,
        spec: dv_single(),
        key_algorithm: KeyAlgorithm::Rsa2048,
        domains: vec!["www.example.com".into()],
        state: LifecycleState::Issued,
        not_before: Some(d(not_before)),
        not_after: Some(d(not_after)),
        term_start: None,
        term_end: None,
        verification: VerificationMethod::ManualDns,
        dns_in_same_account: false,
        validation_free: false,
        contact: contact(),
        csr_mode: Some(CsrMode::Automatic),
        association: None,
        applied_on: None,
        failure_reason: None,
        pem: None,
        issuer: None,
        verified: None,
        note: None,
        csr: None,
        applied_at_ms: None,
        resources: Vec::new(),
        deployments: Vec::new(),
    }
}

pub fn uploaded(not_before: &str, not_after: &str) -> Certificate {
    Certificate {
        kind: CertificateKind::Uploaded,
        csr_mode: None,
        ..official(not_before, not_after)
    }
}

pub fn in_state(state: LifecycleState) -> Certificate {
    Certificate {
        state,
        not_before: None,
        not_after: None,
        ..official("2025-01-01", "2025-01-01")
    }
}
