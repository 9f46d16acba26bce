//! No input panics: arbitrary bytes, arbitrary text, and real certificates,
//! CSRs and bundles with bits flipped, bytes cut and inserted, go through
//! every entry point, and whatever parses goes through every accessor and
//! the date arithmetic.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use super::fixtures::{at, fixtures, now};
use super::mutations::{apply, corpus, mutation};
use crate::{
    Certificate, CertificateSpec, Csr, Item, NameSpec, SignatureScheme, SubjectAltName, Validity,
    analyze_chain, assemble_certificate, colon_hex, domain_type_of, ecdsa_der_to_raw,
    ecdsa_raw_to_der, parse_hex, read_csr, read_input, tbs_certificate,
};
use certdesk_rules::model::KeyAlgorithm;

/// Moments that stress the date arithmetic, plus the tests' now.
fn moments() -> [NaiveDateTime; 4] {
    [
        NaiveDateTime::MIN,
        NaiveDateTime::MAX,
        at("1970-01-01 00:00:00"),
        now(),
    ]
}

fn use_certificate(c: &Certificate) {
    let _ = (
        c.subject().to_string(),
        c.issuer().to_string(),
        c.common_name(),
        c.version(),
    );
    let _ = (
        c.serial_hex(),
        c.serial_bytes(),
        c.fingerprint_sha256(),
        c.fingerprint_bytes(),
    );
    let _ = (
        c.not_before_date(),
        c.not_after_date(),
        c.validity().period_days(),
    );
    for moment in moments() {
        let _ = c.validity_at(moment);
        let _ = c.validity().days_until_expiry(moment.date());
    }
    for n in c.subject_alt_names() {
        assert!(!n.to_string().is_empty() || n.value().is_empty());
    }
    let _ = (c.dns_names(),);
    let _ = (
        c.ip_addresses(),
        c.names(),
        c.domain_type(),
        c.covers("www.example.com"),
        c.covers(""),
    );
    let key = c.public_key();
    let _ = (
        key.to_string(),
        key.bits(),
        key.curve().map(|c| (c.name(), c.field_bytes())),
    );
    let _ = (
        key.algorithm(),
        c.key_algorithm(),
        c.signature_algorithm().to_string(),
    );
    let _ = (
        c.subject_key_id_hex(),
        c.authority_key_id_hex(),
        c.is_ca(),
        c.path_len_constraint(),
    );
    for u in c.key_usage() {
        assert!(!u.name().is_empty());
    }
    for u in c.extended_key_usage() {
        assert!(!u.name().is_empty());
    }
    let _ = (
        c.warnings(),
        c.is_self_signed(),
        c.is_issued_by(c),
        c.tbs_der(),
        c.signature_value(),
    );
    let _ = c.signature_check(c);
    let again = read_input(c.to_pem().as_bytes());
    assert_eq!(
        again.items,
        vec![Item::Certificate(c.clone())],
        "PEM round trip"
    );
}

fn use_csr(c: &Csr) {
    let _ = (
        c.subject().to_string(),
        c.common_name(),
        c.subject_alt_names(),
        c.names(),
    );
    let _ = (
        c.domain_type(),
        c.public_key().to_string(),
        c.key_algorithm(),
    );
    let _ = (
        c.signature_algorithm().to_string(),
        c.warnings(),
        c.signature_check(),
        c.info_der(),
    );
    let again = read_input(c.to_pem().as_bytes());
    assert_eq!(again.items, vec![Item::Csr(c.clone())], "PEM round trip");
}

/// Every entry point on `bytes`, and every accessor on what comes out.
fn exercise(bytes: &[u8]) {
    let result = read_input(bytes);
    for p in &result.problems {
        assert!(!p.message.is_empty());
    }
    for item in &result.items {
        match item {
            Item::Certificate(c) => use_certificate(c),
            Item::Csr(c) => use_csr(c),
        }
    }
    let certs = result.into_certificates();
    for moment in moments() {
        let report = analyze_chain(&certs, moment);
        let _ = (report.is_complete(), report.worst(), report.leaf());
        for p in &report.problems {
            assert!(!p.message().is_empty());
            let _ = p.severity();
        }
    }
    let _ = read_csr(bytes);
    if let Ok(c) = Certificate::from_der(bytes) {
        use_certificate(&c);
    }
    if let Ok(c) = Csr::from_der(bytes) {
        use_csr(&c);
    }
    for field in [0, 32, 48, 66] {
        let _ = ecdsa_der_to_raw(bytes, field);
    }
    let _ = ecdsa_raw_to_der(bytes);
}

proptest! {
    // Seeds of failures are kept beside this file (props.regressions), inside x509.
    #![proptest_config(ProptestConfig {
        cases: 1000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        exercise(&bytes);
    }

    #[test]
    fn der_shaped_bytes_never_panic(
        tag in prop::sample::select(vec![0x30u8, 0x31, 0xa0, 0x02, 0x06]),
        len in prop::sample::select(vec![0x00u8, 0x05, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xff]),
        rest in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        exercise(&[&[tag, len][..], &rest].concat());
    }

    #[test]
    fn pem_shaped_text_never_panics(
        text in "(.{0,40}\n){0,3}(-----BEGIN (CERTIFICATE|CERTIFICATE REQUEST|PKCS7|PRIVATE KEY|X509 CRL|[A-Z ]{0,12})-----\n([A-Za-z0-9+/=!:> \t]{0,80}\r?\n){0,12}(-----END [A-Z ]{0,20}-----\n)?){0,3}.{0,20}"
    ) {
        exercise(text.as_bytes());
    }

    #[test]
    fn mutated_real_inputs_never_panic(
        index in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let corpus = corpus();
        let original = corpus[index.index(corpus.len())].clone();
        exercise(&apply(original, &mutations));
    }

    #[test]
    fn date_arithmetic_never_panics(a in any::<i64>(), b in any::<i64>(), c in any::<i64>()) {
        let t = |secs: i64| DateTime::from_timestamp(secs % 8_000_000_000_000, 0).map(|d| d.naive_utc());
        if let (Some(not_before), Some(not_after), Some(now)) = (t(a), t(b), t(c)) {
            let v = Validity { not_before, not_after };
            let _ = (v.state_at(now), v.period_days(), v.days_until_expiry(now.date()));
            let _ = (v.days_until_expiry(NaiveDate::MIN), v.days_until_expiry(NaiveDate::MAX));
        }
    }

    #[test]
    fn any_date_in_the_asn1_range_round_trips(
        from in 0i64..=253_402_300_799 + 62_167_219_200,
        span in 0i64..=10_000_000_000,
    ) {
        // Seconds counted from 0000-01-01 (62_167_219_200 s before 1970).
        let at = |s: i64| DateTime::from_timestamp(s - 62_167_219_200, 0).map(|d| d.naive_utc());
        let (Some(not_before), Some(not_after)) = (at(from), at((from + span).min(253_402_300_799 + 62_167_219_200))) else {
            return Ok(());
        };
        let name = NameSpec::new("dates.example.com").encode().expect("name");
        let spec = CertificateSpec {
            serial: vec![1],
            scheme: SignatureScheme::for_key(KeyAlgorithm::EcdsaP256).expect("p256"),
            issuer: name.clone(),
            subject: name,
            not_before,
            not_after,
            spki_der: p256_spki().to_vec(),
            alt_names: vec![SubjectAltName::parse("dates.example.com")],
            ca: None,
            key_usage: vec![],
            extended_key_usage: vec![],
            authority_key_id: None,
        };
        let tbs = tbs_certificate(&spec).expect("tbs");
        let der = assemble_certificate(&tbs, &spec.scheme, &[0x30, 0x06, 2, 1, 1, 2, 1, 1]).expect("cert");
        let c = Certificate::from_der(&der).expect("parses");
        prop_assert_eq!(c.not_before(), not_before);
        prop_assert_eq!(c.not_after(), not_after);
        use_certificate(&c);
    }

    #[test]
    fn chains_are_ordered_whatever_the_input_order(order in Just([0usize, 1, 2]).prop_shuffle()) {
        let certs = fixtures().rsa.certs();
        let shuffled: Vec<Certificate> = order.iter().map(|i| certs[*i].clone()).collect();
        let report = analyze_chain(&shuffled, now());
        prop_assert_eq!(&report.certificates[..], &certs[..]);
        prop_assert_eq!(report.input_positions.iter().map(|p| order[*p]).collect::<Vec<_>>(), vec![0, 1, 2]);
    }

    #[test]
    fn ecdsa_forms_round_trip(r in prop::collection::vec(any::<u8>(), 48), s in prop::collection::vec(any::<u8>(), 48)) {
        prop_assume!(r.iter().any(|b| *b != 0) && s.iter().any(|b| *b != 0));
        let raw = [r, s].concat();
        let der = ecdsa_raw_to_der(&raw).expect("der");
        prop_assert_eq!(ecdsa_der_to_raw(&der, 48).expect("raw"), raw);
    }

    #[test]
    fn hex_round_trips(bytes in prop::collection::vec(any::<u8>(), 1..40)) {
        prop_assert_eq!(parse_hex(&colon_hex(&bytes)), Some(bytes.clone()));
        prop_assert_eq!(parse_hex(&colon_hex(&bytes).to_lowercase().replace(':', " ")), Some(bytes));
    }

    #[test]
    fn domain_type_never_panics(names in prop::collection::vec("[*.a-z0-9:]{0,12}", 0..6)) {
        let _ = domain_type_of(&names);
    }
}

/// A real P-256 SubjectPublicKeyInfo (from the fixtures' CSR key).
fn p256_spki() -> &'static [u8] {
    static SPKI: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    SPKI.get_or_init(|| {
        let dir = &fixtures().dir;
        super::fixtures::openssl(
            dir,
            &["pkey", "-in", "csr-p256.key", "-pubout", "-outform", "DER"],
        )
    })
}
