//! Certificates for the upload, CSR and verification tests, made by the
//! `openssl` CLI once per test process (P-256 keys, so it is quick), with
//! fixed dates around 2026-11-23, the day the tests call "now".

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDate, NaiveDateTime};

use crate::{Certificate, read_input};

/// 2026-11-23 12:00:00 UTC.
pub(super) fn now() -> NaiveDateTime {
    day(2026, 11, 23).and_hms_opt(12, 0, 0).expect("time")
}

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

// The openssl runner and CA configuration are the X.509 tests' own.
pub(super) use crate::tests::fixtures::openssl;
use crate::tests::openssl_ca::CA_CONFIG;

pub(super) fn unique(prefix: &str) -> String {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", COUNT.fetch_add(1, Ordering::Relaxed))
}

pub(super) fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

pub(super) fn certs(pem: &str) -> Vec<Certificate> {
    let read = read_input(pem.as_bytes());
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    read.into_certificates()
}

pub(super) fn cert(pem: &str) -> Certificate {
    certs(pem).remove(0)
}

const CA_EXT: &str = "basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
";

fn leaf_ext(sans: &str, policy: Option<&str>) -> String {
    let policy = policy
        .map(|p| format!("certificatePolicies = {p}\n"))
        .unwrap_or_default();
    format!(
        "basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = {sans}
{policy}"
    )
}

/// The validity of the new certificate: 2026-11-01 to 2027-11-30.
pub(super) const NEW: (&str, &str) = ("20261101000000Z", "20271130235959Z");
/// The certificate it replaces: 2025-12-01 to 2026-12-01.
pub(super) const OLD: (&str, &str) = ("20251201000000Z", "20261201235959Z");
const CA_DATES: (&str, &str) = ("20200101000000Z", "20400101000000Z");

/// Issues `{name}.pem` with a new EC key on `curve` ("P-256", "P-521");
/// `issuer` None: self-signed. The X.509 tests' own `openssl ca` helper.
fn issue(
    dir: &Path,
    name: &str,
    curve: &str,
    subject: &str,
    issuer: Option<&str>,
    ext: &str,
    dates: (&str, &str),
) -> String {
    let algorithm = curve.to_ascii_lowercase().replace('-', "");
    crate::tests::openssl_ca::issue(dir, name, &algorithm, subject, issuer, ext, dates, "sha256")
}

pub(super) struct Fixtures {
    pub dir: PathBuf,
    pub root: String,
    /// "Example Trust CA", issued by the root.
    pub inter: String,
    /// shop.example.com + www.shop.example.com, NEW dates, DV policy.
    pub new_leaf: String,
    /// The same names, OLD dates.
    pub old_leaf: String,
    /// other.example.net, NEW dates.
    pub other_leaf: String,
    /// OV, EV and IV policies; no policy at all.
    pub ov_leaf: String,
    pub ev_leaf: String,
    pub iv_leaf: String,
    pub plain_leaf: String,
    /// Leaves under intermediates named like the brands' CAs.
    pub digicert_leaf: String,
    pub globalsign_leaf: String,
    pub alibaba_leaf: String,
    /// A P-521 key: not one Certdesk manages.
    pub p521_leaf: String,
    /// Subject CN `<img src=x onerror=alert(1)>`.
    pub html_leaf: String,
}

pub(super) fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(make)
}

/// Removes the fixture directories of test processes that are gone.
fn remove_stale_dirs(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("certdesk-tools-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn make() -> Fixtures {
    remove_stale_dirs(&std::env::temp_dir());
    let dir = std::env::temp_dir().join(format!("certdesk-tools-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("newcerts")).expect("temp dir");
    let d = dir.as_path();
    write(d, "index.txt", "");
    write(d, "serial", "2000\n");
    write(d, "ca.cnf", CA_CONFIG);
    let root = issue(
        d,
        "root",
        "P-384",
        "/O=Example Trust/CN=Example Trust Root",
        None,
        CA_EXT,
        CA_DATES,
    );
    let ca = |name: &str, subject: &str| {
        issue(d, name, "P-256", subject, Some("root"), CA_EXT, CA_DATES)
    };
    let inter = ca("inter", "/O=Example Trust/CN=Example Trust CA");
    ca("digicert", "/C=US/O=DigiCert Inc/CN=DigiCert Test TLS CA");
    ca(
        "globalsign",
        "/C=BE/O=GlobalSign nv-sa/CN=GlobalSign Test CA",
    );
    ca(
        "alibaba",
        "/C=CN/O=Alibaba Cloud Computing Co., Ltd./CN=Test CA",
    );
    let shop = "DNS:shop.example.com, DNS:www.shop.example.com";
    let leaf = |name: &str, curve: &str, cn: &str, sans: &str, issuer: &str, policy, dates| {
        issue(
            d,
            name,
            curve,
            &format!("/CN={cn}"),
            Some(issuer),
            &leaf_ext(sans, policy),
            dates,
        )
    };
    let dv = Some("2.23.140.1.2.1");
    Fixtures {
        new_leaf: leaf("new", "P-256", "shop.example.com", shop, "inter", dv, NEW),
        old_leaf: leaf("old", "P-256", "shop.example.com", shop, "inter", dv, OLD),
        other_leaf: leaf(
            "other",
            "P-256",
            "other.example.net",
            "DNS:other.example.net",
            "inter",
            dv,
            NEW,
        ),
        ov_leaf: leaf(
            "ov",
            "P-256",
            "ov.example.com",
            "DNS:ov.example.com",
            "inter",
            Some("2.23.140.1.2.2, 1.2.3.4"),
            NEW,
        ),
        ev_leaf: leaf(
            "ev",
            "P-384",
            "ev.example.com",
            "DNS:ev.example.com",
            "inter",
            Some("1.3.6.1.4.1.99.1, 2.23.140.1.1"),
            NEW,
        ),
        iv_leaf: leaf(
            "iv",
            "P-256",
            "iv.example.com",
            "DNS:iv.example.com",
            "inter",
            Some("2.23.140.1.2.3"),
            NEW,
        ),
        plain_leaf: leaf(
            "plain",
            "P-256",
            "plain.example.com",
            "DNS:plain.example.com",
            "inter",
            None,
            NEW,
        ),
        digicert_leaf: leaf(
            "d-leaf",
            "P-256",
            "d.example.com",
            "DNS:d.example.com",
            "digicert",
            dv,
            NEW,
        ),
        globalsign_leaf: leaf(
            "g-leaf",
            "P-256",
            "g.example.com",
            "DNS:g.example.com, DNS:*.g.example.com",
            "globalsign",
            dv,
            NEW,
        ),
        alibaba_leaf: leaf(
            "a-leaf",
            "P-256",
            "a.example.com",
            "DNS:a.example.com, DNS:b.example.com",
            "alibaba",
            dv,
            NEW,
        ),
        p521_leaf: leaf(
            "p521",
            "P-521",
            "big.example.com",
            "DNS:big.example.com",
            "inter",
            dv,
            NEW,
        ),
        html_leaf: leaf(
            "html",
            "P-256",
            "<img src\\=x onerror\\=alert(1)>",
            "DNS:xss.example.com",
            "inter",
            dv,
            NEW,
        ),
        root,
        inter,
        dir,
    }
}
