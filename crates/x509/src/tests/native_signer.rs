//! The builder with a native key: the same `sign_certificate` and `sign_csr`
//! the browser uses with WebCrypto, here with a RustCrypto P-256 key (what a
//! server would use), judged by openssl.

use std::convert::Infallible;

use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::pkcs8::EncodePublicKey;

use super::fixtures::{at, fixtures, openssl_ok, req_verifies, write};
use crate::{
    AsyncSigner, CertificateSpec, ExtendedKeyUsage, KeyUsage, NameSpec, SignError, SignatureScheme,
    SubjectAltName, pem_encode, sign_certificate, sign_csr,
};
use certdesk_rules::model::{DomainType, KeyAlgorithm};
use certdesk_rules::testing::ready;

struct NativeKey {
    key: SigningKey,
    scheme: SignatureScheme,
}

impl NativeKey {
    /// A fixed key: the test is the same every run.
    fn fixed(byte: u8) -> Self {
        NativeKey {
            key: SigningKey::from_slice(&[byte; 32]).expect("a valid scalar"),
            scheme: SignatureScheme::for_key(KeyAlgorithm::EcdsaP256).expect("P-256"),
        }
    }
}

impl AsyncSigner for NativeKey {
    type Error = Infallible;

    fn scheme(&self) -> &SignatureScheme {
        &self.scheme
    }

    async fn public_key_spki(&self) -> Result<Vec<u8>, Infallible> {
        Ok(self
            .key
            .verifying_key()
            .to_public_key_der()
            .expect("encodes")
            .into_vec())
    }

    async fn sign(&self, data: &[u8]) -> Result<Vec<u8>, Infallible> {
        let signature: Signature = self.key.sign(data);
        Ok(signature.to_der().as_bytes().to_vec())
    }
}

#[test]
fn a_native_key_signs_a_ca_and_a_csr_that_openssl_accepts() {
    let dir = &fixtures().dir;
    let ca = NativeKey::fixed(7);
    let name = NameSpec::new("Certdesk Native Test CA")
        .encode()
        .expect("name");
    let spec = CertificateSpec {
        serial: vec![0x42; 16],
        scheme: ca.scheme.clone(),
        issuer: name.clone(),
        subject: name,
        not_before: at("2026-01-01 00:00:00"),
        not_after: at("2036-01-01 23:59:59"),
        spki_der: ready(ca.public_key_spki()).expect("spki"),
        alt_names: vec![],
        ca: Some(None),
        key_usage: vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign],
        extended_key_usage: vec![],
        authority_key_id: None,
    };
    let der = ready(sign_certificate(&spec, &ca)).expect("signed");
    write(dir, "native-ca.pem", pem_encode("CERTIFICATE", &der));
    assert!(
        openssl_ok(
            dir,
            &[
                "verify",
                "-attime",
                "1800000000",
                "-CAfile",
                "native-ca.pem",
                "native-ca.pem"
            ]
        ),
        "openssl verifies the self-signed certificate"
    );

    let leaf = NativeKey::fixed(9);
    let names = [SubjectAltName::parse("shop.example.com")];
    let csr = ready(sign_csr(&NameSpec::new("shop.example.com"), &names, &leaf)).expect("csr");
    write(dir, "native.csr", pem_encode("CERTIFICATE REQUEST", &csr));
    assert!(
        req_verifies(dir, "native.csr"),
        "openssl req -verify accepts the CSR"
    );

    // A spec naming another scheme than the key's is refused, not mis-signed.
    let rsa = CertificateSpec {
        scheme: SignatureScheme::for_key(KeyAlgorithm::Rsa2048).expect("RSA"),
        extended_key_usage: vec![ExtendedKeyUsage::ServerAuth],
        ..spec
    };
    assert_eq!(
        ready(sign_certificate(&rsa, &ca)),
        Err(SignError::SchemeMismatch)
    );
}

#[test]
fn a_certificate_with_ten_thousand_names_reads_plans_and_has_a_domain_type() {
    let ca = NativeKey::fixed(7);
    let leaf = NativeKey::fixed(9);
    let names: Vec<SubjectAltName> = (0..10_000)
        .map(|i| SubjectAltName::parse(&format!("*.h{i}.example.com")))
        .collect();
    let spec = CertificateSpec {
        serial: vec![0x43; 16],
        scheme: ca.scheme.clone(),
        issuer: NameSpec::new("Certdesk Native Test CA")
            .encode()
            .expect("name"),
        subject: NameSpec::new("h0.example.com").encode().expect("name"),
        not_before: at("2026-01-01 00:00:00"),
        not_after: at("2026-12-31 23:59:59"),
        spki_der: ready(leaf.public_key_spki()).expect("spki"),
        alt_names: names,
        ca: None,
        key_usage: vec![KeyUsage::DigitalSignature],
        extended_key_usage: vec![ExtendedKeyUsage::ServerAuth],
        authority_key_id: None,
    };
    let der = ready(sign_certificate(&spec, &ca)).expect("signed");
    let cert = crate::Certificate::from_der(&der).expect("parses");
    assert_eq!(cert.names().len(), 10_000);
    assert_eq!(cert.domain_type(), DomainType::MultiDomain);
    let plan = crate::plan_upload(&[cert], at("2026-06-01 00:00:00"));
    assert_eq!(plan.candidates.len(), 1, "{:?}", plan.refused);
}
