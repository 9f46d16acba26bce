//! `cargo bench -p certdesk-x509 --bench inputs`: every entry point a user's
//! input reaches, timed natively at n and 2n. The ratio shows the growth:
//! about 2 is linear, about 4 quadratic. Inputs are built here, with fixed
//! keys, so every run measures the same bytes.

use std::hint::black_box;
use std::time::{Duration, Instant};

use certdesk_rules::domain::normalize_domains;
use certdesk_rules::model::KeyAlgorithm;
use certdesk_x509::{
    Certificate, CertificateSpec, NameSpec, SignatureScheme, SubjectAltName, analyze_chain,
    assemble_certificate, csr_request, domain_type_of, parse_date, plan_upload, read_served,
    tbs_certificate,
};
use chrono::{NaiveDate, NaiveDateTime};
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::pkcs8::EncodePublicKey;

struct Key {
    key: SigningKey,
    spki: Vec<u8>,
    id: Vec<u8>,
}

impl Key {
    fn fixed(byte: u8) -> Key {
        let key = SigningKey::from_slice(&[byte; 32]).expect("a valid scalar");
        let spki = key
            .verifying_key()
            .to_public_key_der()
            .expect("encodes")
            .into_vec();
        let id = certdesk_x509::key_identifier(&spki).expect("key id");
        Key { key, spki, id }
    }
}

fn scheme() -> SignatureScheme {
    SignatureScheme::for_key(KeyAlgorithm::EcdsaP256).expect("P-256")
}

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a fixed date")
}

fn signed(tbs: &[u8], issuer: &Key) -> Certificate {
    let signature: Signature = issuer.key.sign(tbs);
    let der = assemble_certificate(tbs, &scheme(), signature.to_der().as_bytes()).expect("der");
    Certificate::from_der(&der).expect("parses")
}

fn spec(
    serial: u32,
    subject: &str,
    names: Vec<SubjectAltName>,
    key: &Key,
    ca: &Key,
) -> CertificateSpec {
    let mut serial_bytes = vec![0x01];
    serial_bytes.extend(serial.to_be_bytes());
    CertificateSpec {
        serial: serial_bytes,
        scheme: scheme(),
        issuer: NameSpec::new("Certdesk Bench CA").encode().expect("name"),
        subject: NameSpec::new(subject).encode().expect("name"),
        not_before: at(2026, 1, 1),
        not_after: at(2026, 12, 31),
        spki_der: key.spki.clone(),
        alt_names: names,
        ca: None,
        key_usage: vec![],
        extended_key_usage: vec![],
        authority_key_id: Some(ca.id.clone()),
    }
}

fn ca_certificate(ca: &Key) -> Certificate {
    let mut s = spec(1, "Certdesk Bench CA", vec![], ca, ca);
    s.ca = Some(None);
    signed(&tbs_certificate(&s).expect("tbs"), ca)
}

/// A server certificate with `n` DNS names (wildcards when asked).
fn with_sans(n: usize, wildcard: bool, leaf: &Key, ca: &Key) -> Certificate {
    let names = (0..n)
        .map(|i| {
            let name = if wildcard {
                format!("*.h{i}.example.com")
            } else {
                format!("h{i}.example.com")
            };
            SubjectAltName::parse(&name)
        })
        .collect();
    signed(
        &tbs_certificate(&spec(2, "h0.example.com", names, leaf, ca)).expect("tbs"),
        ca,
    )
}

// A TBSCertificate with `n` private extensions, assembled by hand: the
// builder writes only the extensions Certdesk knows.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend(content);
    out
}

fn base128(mut v: u32) -> Vec<u8> {
    let mut out = vec![(v & 0x7f) as u8];
    v >>= 7;
    while v > 0 {
        out.insert(0, 0x80 | (v & 0x7f) as u8);
        v >>= 7;
    }
    out
}

fn with_extensions(n: usize, leaf: &Key, ca: &Key) -> Certificate {
    let ecdsa_sha256 = tlv(
        0x30,
        &tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]),
    );
    let name = NameSpec::new("ext.example.com").encode().expect("name");
    let validity = [tlv(0x17, b"260101000000Z"), tlv(0x17, b"261231000000Z")].concat();
    let extensions: Vec<u8> = (0..n as u32)
        .flat_map(|i| {
            // 1.3.6.1.4.1.32473.i (32473: the documentation enterprise number).
            let mut oid = vec![0x2b, 0x06, 0x01, 0x04, 0x01];
            oid.extend(base128(32473));
            oid.extend(base128(i));
            tlv(0x30, &[tlv(0x06, &oid), tlv(0x04, &[0x05, 0x00])].concat())
        })
        .collect();
    let tbs = tlv(
        0x30,
        &[
            tlv(0xa0, &tlv(0x02, &[2])),
            tlv(0x02, &[0x01, 0x02]),
            ecdsa_sha256,
            name.der().to_vec(),
            tlv(0x30, &validity),
            name.der().to_vec(),
            leaf.spki.clone(),
            tlv(0xa3, &tlv(0x30, &extensions)),
        ]
        .concat(),
    );
    signed(&tbs, ca)
}

/// The fastest of a few runs (one run when it takes over a second).
fn time(mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed());
        if best > Duration::from_secs(1) {
            break;
        }
    }
    best
}

fn row(what: &str, n: usize, mut run: impl FnMut(usize) -> Duration) {
    let small = run(n);
    let large = run(2 * n);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<44} {n:>7} {:>11.3} {:>11.3} {:>6.2}",
        ms(small),
        ms(large),
        ms(large) / ms(small).max(1e-6)
    );
}

fn main() {
    let ca = Key::fixed(7);
    let leaf = Key::fixed(9);
    let now = at(2026, 6, 1);
    let ca_cert = ca_certificate(&ca);
    println!(
        "{:<44} {:>7} {:>11} {:>11} {:>6}",
        "operation", "n", "n (ms)", "2n (ms)", "ratio"
    );

    row("x509 domain_type_of, n wildcard names", 5_000, |n| {
        let names: Vec<String> = (0..n).map(|i| format!("*.h{i}.example.com")).collect();
        time(|| {
            black_box(domain_type_of(black_box(&names)));
        })
    });
    row("x509 domain_type_of, n DNS names", 5_000, |n| {
        let names: Vec<String> = (0..n).map(|i| format!("h{i}.example.com")).collect();
        time(|| {
            black_box(domain_type_of(black_box(&names)));
        })
    });
    row("Certificate::from_der, n DNS SANs", 5_000, |n| {
        let der = with_sans(n, false, &leaf, &ca).der().to_vec();
        time(|| {
            black_box(Certificate::from_der(black_box(&der)).is_ok());
        })
    });
    row("Certificate::domain_type, n wildcard SANs", 5_000, |n| {
        let cert = with_sans(n, true, &leaf, &ca);
        time(|| {
            black_box(cert.domain_type());
        })
    });
    row("plan_upload, one certificate with n SANs", 5_000, |n| {
        let certs = [with_sans(n, false, &leaf, &ca), ca_cert.clone()];
        time(|| {
            black_box(plan_upload(black_box(&certs), now));
        })
    });
    row("Certificate::from_der, n extensions", 2_000, |n| {
        let der = with_extensions(n, &leaf, &ca).der().to_vec();
        time(|| {
            black_box(Certificate::from_der(black_box(&der)).is_ok());
        })
    });
    let many_leaves = |n: usize| -> Vec<Certificate> {
        std::iter::once(ca_cert.clone())
            .chain((0..n).map(|i| {
                let name = format!("s{i}.example.com");
                let s = spec(
                    10 + i as u32,
                    &name,
                    vec![SubjectAltName::parse(&name)],
                    &leaf,
                    &ca,
                );
                signed(&tbs_certificate(&s).expect("tbs"), &ca)
            }))
            .collect()
    };
    row("plan_upload, n certificates", 500, |n| {
        let certs = many_leaves(n);
        time(|| {
            black_box(plan_upload(black_box(&certs), now));
        })
    });
    row("analyze_chain, n certificates", 500, |n| {
        let certs = many_leaves(n);
        time(|| {
            black_box(analyze_chain(black_box(&certs), now));
        })
    });
    row("parse_date, n KiB of digits", 32, |n| {
        let text = "7".repeat(n * 1024);
        time(|| {
            black_box(parse_date(black_box(&text)).is_ok());
        })
    });
    row("read_served, n KiB of digits", 32, |n| {
        let text = "7".repeat(n * 1024);
        time(|| {
            black_box(read_served(black_box(&text)).is_ok());
        })
    });
    row("rules normalize_domains, n names", 5_000, |n| {
        let names: Vec<String> = (0..n).map(|i| format!("H{i}.Example.com")).collect();
        time(|| {
            black_box(normalize_domains(black_box(&names)).is_ok());
        })
    });
    row("csr_request, n names", 5_000, |n| {
        let names: Vec<String> = (0..n).map(|i| format!("h{i}.example.com")).collect();
        time(|| {
            black_box(csr_request(black_box(&names), "", "", KeyAlgorithm::EcdsaP256).is_ok());
        })
    });
    row("rules normalize_domain, IDN label of n chars", 2_000, |n| {
        let label: String = (0..n as u32)
            .filter_map(|i| char::from_u32(0x4e00 + i))
            .collect();
        let name = format!("{label}.example");
        time(|| {
            black_box(certdesk_rules::normalize_domain(black_box(&name)).is_ok());
        })
    });
    let big = with_sans(10_000, false, &leaf, &ca);
    let der = big.der().to_vec();
    let start = Instant::now();
    let parsed = Certificate::from_der(&der).expect("parses");
    let plan = plan_upload(&[parsed.clone(), ca_cert.clone()], now);
    let domain_type = parsed.domain_type();
    println!(
        "10,000 SANs: parse + plan_upload + domain_type {:.1} ms ({} candidate, {:?})",
        start.elapsed().as_secs_f64() * 1000.0,
        plan.candidates.len(),
        domain_type
    );
}
