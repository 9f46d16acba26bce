//! Real certificates, chains, CSRs and bundles made by openssl at test time.
//!
//! Everything is made once per test process into a temporary directory, with
//! fixed dates (the code under test takes "now" as an argument, so the
//! fixtures never age): valid members span 2026-11-23, the day the tests
//! use as now.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDate, NaiveDateTime};

use crate::{Certificate, CheckPlan, SignatureCheck, SignatureScheme, ecdsa_raw_to_der};

/// The day the tests call "now": 2026-11-23 12:00:00 UTC.
pub(super) fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("valid date")
}

pub(super) fn at(date: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(date, "%Y-%m-%d %H:%M:%S").expect("test date")
}

/// Runs openssl in `dir`; panics with its stderr if it fails.
pub(crate) fn openssl(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `openssl req -verify`: openssl 3.0 exits 0 even when the self-signature
/// fails, so read what it says.
pub(super) fn req_verifies(dir: &Path, file: &str) -> bool {
    Command::new("openssl")
        .args(["req", "-in", file, "-verify", "-noout"])
        .current_dir(dir)
        .output()
        .map(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stderr).contains("self-signature verify OK")
        })
        .unwrap_or(false)
}

/// Runs openssl in `dir` and says whether it succeeded.
pub(super) fn openssl_ok(dir: &Path, args: &[&str]) -> bool {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// A file name no other test uses, for files written while tests run in parallel.
pub(super) fn unique(prefix: &str) -> String {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", COUNT.fetch_add(1, Ordering::Relaxed))
}

pub(super) fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("fixture file")
}

pub(super) fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

/// A root → intermediate → leaf chain, PEM, with the files' names.
pub(super) struct Chain {
    pub root: String,
    pub intermediate: String,
    pub leaf: String,
    /// Prefix of the files: `{prefix}-root.key`, `{prefix}-inter.pem`, ...
    pub prefix: &'static str,
}

impl Chain {
    pub fn certs(&self) -> [Certificate; 3] {
        [cert(&self.leaf), cert(&self.intermediate), cert(&self.root)]
    }
}

pub(super) struct Fixtures {
    pub dir: PathBuf,
    /// RSA 2048 throughout; leaf for example.com + www.example.com (Single).
    pub rsa: Chain,
    /// P-384 root and intermediate (SHA-384), P-256 leaf for *.example.org + example.org.
    pub ec: Chain,
    /// RSA leaves under the RSA intermediate.
    pub multi_leaf: String,
    pub expired_leaf: String,
    pub future_leaf: String,
    pub cn_only_leaf: String,
    pub html_leaf: String,
    /// Issued by the RSA leaf, which is not a CA.
    pub issued_by_leaf: String,
    /// Same subject as the RSA intermediate, another key, issued by the RSA root.
    pub rekeyed_intermediate: String,
    /// Self-signed certificates of other algorithms.
    pub ed25519: String,
    pub rsa_pss: String,
    pub rsa1024: String,
    pub p521: String,
    pub sm2: String,
    /// CSRs: (key algorithm file prefix, PEM).
    pub csrs: Vec<(&'static str, String)>,
    /// A CSR with no SAN and a one-attribute subject.
    pub bare_csr: String,
    /// `openssl crl2pkcs7` of the RSA chain (leaf, intermediate, root).
    pub p7b_pem: String,
    pub p7b_der: Vec<u8>,
    /// A CMS signed message streamed as BER (indefinite lengths) with the EC chain.
    pub cms_ber: Vec<u8>,
    /// What `openssl s_client -showcerts` prints for the RSA leaf + intermediate.
    pub s_client: String,
}

pub(super) fn cert(pem: &str) -> Certificate {
    let result = crate::read_input(pem.as_bytes());
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    result.into_certificates().remove(0)
}

pub(super) fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(super::make::make)
}

/// Checks a signature natively with openssl, from exactly the data prepared
/// for WebCrypto: the signer SPKI, the signed bytes, and the WebCrypto-form
/// signature (converted back to DER for ECDSA, which openssl expects).
pub(super) fn verify_natively(check: &SignatureCheck) -> bool {
    let CheckPlan::WebCrypto { scheme, signature } = &check.plan else {
        panic!("not checkable with WebCrypto: {:?}", check.plan);
    };
    let (signature, hash) = match scheme {
        SignatureScheme::Ecdsa { hash, .. } => (ecdsa_raw_to_der(signature).expect("raw"), hash),
        SignatureScheme::RsaPkcs1 { hash } => (signature.clone(), hash),
    };
    let dir = &fixtures().dir;
    let tag = unique("verify");
    let (spki, data, sig) = (
        format!("v{tag}.spki"),
        format!("v{tag}.data"),
        format!("v{tag}.sig"),
    );
    write(dir, &spki, &check.signer_spki);
    write(dir, &data, &check.signed_data);
    write(dir, &sig, &signature);
    let pem = format!("v{tag}.pub");
    openssl(
        dir,
        &[
            "pkey", "-pubin", "-inform", "DER", "-in", &spki, "-out", &pem,
        ],
    );
    let digest = format!("-{}", hash.name().replace('-', "").to_lowercase());
    openssl_ok(
        dir,
        &["dgst", &digest, "-verify", &pem, "-signature", &sig, &data],
    )
}
