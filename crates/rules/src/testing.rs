//! Builders shared by the rules' tests.
#![allow(dead_code)]

use chrono::NaiveDate;

use crate::model::*;

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

/// A 1-year new purchase of an Alibaba Cloud DV single-domain certificate
/// for `domain` (the server's tests and its soak client order this).
pub fn dv_purchase(domain: &str) -> crate::OrderRequest {
    let spec = spec(Brand::AlibabaCloud, ValidationType::Dv, DomainType::Single);
    crate::OrderRequest::new_purchase(spec, vec![domain.to_string()])
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
        name: "www".into(),
        state: LifecycleState::Issued,
        not_before: Some(d(not_before)),
        not_after: Some(d(not_after)),
        verification: VerificationMethod::ManualDns,
        contact: contact(),
        csr_mode: Some(CsrMode::Automatic),
        ..Certificate::new(
            "cas-1",
            CertificateKind::Official,
            dv_single(),
            KeyAlgorithm::Rsa2048,
            vec!["www.example.com".into()],
        )
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

/// Runs a future that never waits (a sandbox or native signer answers at
/// once): polled once with a no-op waker; panics if it is not ready.
pub fn ready<T>(future: impl std::future::Future<Output = T>) -> T {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("this future was expected to be ready at once"),
    }
}
