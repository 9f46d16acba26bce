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

use crate::x509::{Certificate, CheckPlan, SignatureCheck, SignatureScheme, ecdsa_raw_to_der};

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
pub(super) fn openssl(dir: &Path, args: &[&str]) -> Vec<u8> {
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
    let result = crate::x509::read_input(pem.as_bytes());
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    result.into_certificates().remove(0)
}

pub(super) fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(make)
}

const CA_CONFIG: &str = "[ ca ]
default_ca = CA_default
[ CA_default ]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_any
preserve = yes
copy_extensions = none
unique_subject = no
email_in_dn = no
[ policy_any ]
countryName = optional
organizationName = optional
commonName = supplied
";

const CA_EXT: &str = "basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
";

const INTER_EXT: &str = "basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
";

fn leaf_ext(alt_names: &str) -> String {
    let san = if alt_names.is_empty() {
        String::new()
    } else {
        format!("subjectAltName = {alt_names}\n")
    };
    format!(
        "basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
{san}"
    )
}

fn key(dir: &Path, name: &str, algorithm: &str) {
    let spec: Vec<&str> = match algorithm {
        "rsa1024" => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"],
        "rsa2048" => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        "rsa3072" => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"],
        "rsa4096" => vec!["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096"],
        "p256" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "p384" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "p521" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        "sm2" => vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2"],
        "ed25519" => vec!["-algorithm", "ED25519"],
        other => panic!("no key type {other}"),
    };
    let mut args = vec!["genpkey"];
    args.extend(spec);
    args.extend(["-out", name]);
    openssl(dir, &args);
}

/// Issues `{name}.pem` from a new key `{name}.key` with `openssl ca`.
/// `issuer` is `None` for a self-signed root.
#[allow(clippy::too_many_arguments)]
fn issue(
    dir: &Path,
    name: &str,
    algorithm: &str,
    subject: &str,
    issuer: Option<&str>,
    ext: &str,
    dates: (&str, &str),
    md: &str,
) -> String {
    let key_file = format!("{name}.key");
    key(dir, &key_file, algorithm);
    let csr = format!("{name}.csr");
    openssl(
        dir,
        &[
            "req", "-new", "-key", &key_file, "-subj", subject, "-out", &csr,
        ],
    );
    let ext_file = format!("{name}.ext");
    write(dir, &ext_file, format!("[ ext ]\n{ext}"));
    let out = format!("{name}.pem");
    let mut args = vec![
        "ca",
        "-batch",
        "-notext",
        "-config",
        "ca.cnf",
        "-in",
        &csr,
        "-out",
        &out,
        "-extfile",
        &ext_file,
        "-extensions",
        "ext",
        "-startdate",
        dates.0,
        "-enddate",
        dates.1,
        "-md",
        md,
    ];
    let issuer_key;
    let issuer_cert;
    match issuer {
        None => args.extend(["-selfsign", "-keyfile", &key_file]),
        Some(issuer) => {
            issuer_key = format!("{issuer}.key");
            issuer_cert = format!("{issuer}.pem");
            args.extend(["-keyfile", &issuer_key, "-cert", &issuer_cert]);
        }
    }
    openssl(dir, &args);
    read(dir, &out)
}

const VALID: (&str, &str) = ("20260601000000Z", "20270601000000Z");
const CA_DATES: (&str, &str) = ("20240101000000Z", "20340101000000Z");
/// Past 2049, so the root's notAfter is a GeneralizedTime.
const ROOT_DATES: (&str, &str) = ("20200101000000Z", "20600101000000Z");

fn chain(
    dir: &Path,
    prefix: &'static str,
    algs: [&str; 3],
    md: &str,
    sans: &str,
    cn: &str,
) -> Chain {
    let root = format!("{prefix}-root");
    let inter = format!("{prefix}-inter");
    let leaf = format!("{prefix}-leaf");
    let o = "/C=US/O=Certdesk Test";
    Chain {
        root: issue(
            dir,
            &root,
            algs[0],
            &format!("{o}/CN=Certdesk Test Root {prefix}"),
            None,
            CA_EXT,
            ROOT_DATES,
            md,
        ),
        intermediate: issue(
            dir,
            &inter,
            algs[1],
            &format!("{o}/CN=Certdesk Test CA {prefix}"),
            Some(&root),
            INTER_EXT,
            CA_DATES,
            md,
        ),
        leaf: issue(
            dir,
            &leaf,
            algs[2],
            &format!("/CN={cn}"),
            Some(&inter),
            &leaf_ext(sans),
            VALID,
            md,
        ),
        prefix,
    }
}

fn self_signed(dir: &Path, name: &str, algorithm: &str, extra: &[&str]) -> String {
    let key_file = format!("{name}.key");
    key(dir, &key_file, algorithm);
    let out = format!("{name}.pem");
    let subject = format!("/CN={name}.example.com");
    let mut args = vec![
        "req", "-x509", "-new", "-key", &key_file, "-subj", &subject, "-days", "30", "-out", &out,
    ];
    args.extend(extra);
    openssl(dir, &args);
    read(dir, &out)
}

fn make() -> Fixtures {
    let temp = std::env::temp_dir();
    remove_stale_dirs(&temp);
    let dir = temp.join(format!("certdesk-x509-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("newcerts")).expect("temp dir");
    write(&dir, "index.txt", "");
    write(&dir, "serial", "1000\n");
    write(&dir, "ca.cnf", CA_CONFIG);
    let d = dir.as_path();

    let rsa = chain(
        d,
        "rsa",
        ["rsa2048"; 3],
        "sha256",
        "DNS:example.com, DNS:www.example.com",
        "www.example.com",
    );
    let ec = chain(
        d,
        "ec",
        ["p384", "p384", "p256"],
        "sha384",
        "DNS:*.example.org, DNS:example.org",
        "*.example.org",
    );
    let leaf = |name: &str, subject: &str, sans: &str, dates| {
        issue(
            d,
            name,
            "rsa2048",
            subject,
            Some("rsa-inter"),
            &leaf_ext(sans),
            dates,
            "sha256",
        )
    };
    let multi_leaf = leaf(
        "multi",
        "/CN=a.example.com",
        "DNS:a.example.com, DNS:b.example.net, IP:192.0.2.10, IP:2001:db8::10",
        VALID,
    );
    let expired_leaf = leaf(
        "expired",
        "/CN=old.example.com",
        "DNS:old.example.com",
        ("20240101000000Z", "20250101000000Z"),
    );
    let future_leaf = leaf(
        "future",
        "/CN=next.example.com",
        "DNS:next.example.com",
        ("20270601000000Z", "20280601000000Z"),
    );
    let cn_only_leaf = leaf("cnonly", "/CN=legacy.example.com", "", VALID);
    let html_leaf = leaf(
        "html",
        "/O=<b>bold<\\/b>/CN=<img src\\=x onerror\\=alert(1)>",
        "DNS:xss.example.com",
        VALID,
    );
    let issued_by_leaf = issue(
        d,
        "byleaf",
        "p256",
        "/CN=sub.example.com",
        Some("rsa-leaf"),
        &leaf_ext("DNS:sub.example.com"),
        VALID,
        "sha256",
    );
    let rekeyed_intermediate = issue(
        d,
        "rekeyed-inter",
        "rsa2048",
        "/C=US/O=Certdesk Test/CN=Certdesk Test CA rsa",
        Some("rsa-root"),
        INTER_EXT,
        CA_DATES,
        "sha256",
    );

    let ed25519 = self_signed(d, "ed25519", "ed25519", &[]);
    let rsa_pss = self_signed(
        d,
        "pss",
        "rsa2048",
        &["-sha256", "-sigopt", "rsa_padding_mode:pss"],
    );
    let rsa1024 = self_signed(d, "rsa1024", "rsa1024", &[]);
    let p521 = self_signed(d, "p521", "p521", &["-sha512"]);
    let sm2 = self_signed(
        d,
        "sm2",
        "sm2",
        &["-sm3", "-sigopt", "distid:1234567812345678"],
    );

    let mut csrs = Vec::new();
    for alg in ["rsa2048", "rsa3072", "rsa4096", "p256", "p384"] {
        let key_file = format!("csr-{alg}.key");
        key(d, &key_file, alg);
        let out = format!("csr-{alg}.csr");
        openssl(
            d,
            &[
                "req",
                "-new",
                "-key",
                &key_file,
                "-subj",
                "/C=CN/O=Example Ltd/CN=shop.example.com",
                "-addext",
                "subjectAltName=DNS:shop.example.com,DNS:www.shop.example.com,IP:192.0.2.7",
                "-out",
                &out,
            ],
        );
        csrs.push((alg, read(d, &out)));
    }
    openssl(
        d,
        &[
            "req",
            "-new",
            "-key",
            "csr-p256.key",
            "-subj",
            "/CN=bare.example.com",
            "-out",
            "bare.csr",
        ],
    );
    let bare_csr = read(d, "bare.csr");

    let chain_pem = format!("{}{}{}", rsa.leaf, rsa.intermediate, rsa.root);
    write(d, "rsa-chain.pem", &chain_pem);
    let p7b_pem = String::from_utf8(openssl(
        d,
        &["crl2pkcs7", "-nocrl", "-certfile", "rsa-chain.pem"],
    ))
    .expect("utf8");
    let p7b_der = openssl(
        d,
        &[
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            "rsa-chain.pem",
            "-outform",
            "DER",
        ],
    );
    write(d, "message.txt", "hello");
    let cms_ber = openssl(
        d,
        &[
            "cms",
            "-sign",
            "-in",
            "message.txt",
            "-signer",
            "ec-leaf.pem",
            "-inkey",
            "ec-leaf.key",
            "-certfile",
            "ec-inter.pem",
            "-outform",
            "DER",
            "-stream",
            "-nodetach",
        ],
    );
    let s_client = s_client_output(&rsa);

    Fixtures {
        dir,
        rsa,
        ec,
        multi_leaf,
        expired_leaf,
        future_leaf,
        cn_only_leaf,
        html_leaf,
        issued_by_leaf,
        rekeyed_intermediate,
        ed25519,
        rsa_pss,
        rsa1024,
        p521,
        sm2,
        csrs,
        bare_csr,
        p7b_pem,
        p7b_der,
        cms_ber,
        s_client,
    }
}

/// Removes the fixture directories of test processes that are gone.
fn remove_stale_dirs(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("certdesk-x509-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The shape of `openssl s_client -connect example.com:443 -showcerts` output.
fn s_client_output(chain: &Chain) -> String {
    format!(
        "CONNECTED(00000003)
depth=2 C = US, O = Certdesk Test, CN = Certdesk Test Root rsa
verify error:num=19:self-signed certificate in certificate chain
verify return:1
depth=0 CN = www.example.com
verify return:1
---
Certificate chain
 0 s:CN = www.example.com
   i:C = US, O = Certdesk Test, CN = Certdesk Test CA rsa
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Jun  1 00:00:00 2026 GMT; NotAfter: Jun  1 00:00:00 2027 GMT
{} 1 s:C = US, O = Certdesk Test, CN = Certdesk Test CA rsa
   i:C = US, O = Certdesk Test, CN = Certdesk Test Root rsa
{}---
Server certificate
subject=CN = www.example.com
issuer=C = US, O = Certdesk Test, CN = Certdesk Test CA rsa
---
No client certificate CA names sent
Peer signing digest: SHA256
Peer signature type: RSA-PSS
Server Temp Key: X25519, 253 bits
---
SSL handshake has read 2468 bytes and written 393 bytes
Verification error: self-signed certificate in certificate chain
---
New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384
DONE
",
        chain.leaf, chain.intermediate
    )
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
