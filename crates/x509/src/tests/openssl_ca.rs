//! Making keys and certificates with `openssl genpkey`, `req` and `ca`.

use std::path::Path;

use super::fixtures::{Chain, openssl, read, write};

pub(crate) const CA_CONFIG: &str = "[ ca ]
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

pub(super) const INTER_EXT: &str = "basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
";

pub(super) fn leaf_ext(alt_names: &str) -> String {
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

pub(super) fn key(dir: &Path, name: &str, algorithm: &str) {
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

/// Issues `{name}.pem` from a new key `{name}.key` with `openssl ca`, for
/// exactly `dates` (never `-days`, which counts from the machine's clock).
/// `issuer` is `None` for a self-signed root.
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue(
    dir: &Path,
    name: &str,
    algorithm: &str,
    subject: &str,
    issuer: Option<&str>,
    ext: &str,
    dates: (&str, &str),
    md: &str,
) -> String {
    issue_with(dir, name, algorithm, subject, issuer, ext, dates, md, &[])
}

/// [`issue`] with signature options (`-sigopt`) for the request and the
/// certificate; a `distid:` option is also the one the request is verified with.
#[allow(clippy::too_many_arguments)]
fn issue_with(
    dir: &Path,
    name: &str,
    algorithm: &str,
    subject: &str,
    issuer: Option<&str>,
    ext: &str,
    dates: (&str, &str),
    md: &str,
    sigopts: &[&str],
) -> String {
    let key_file = format!("{name}.key");
    key(dir, &key_file, algorithm);
    let csr = format!("{name}.csr");
    let mut req = vec![
        "req", "-new", "-key", &key_file, "-subj", subject, "-out", &csr,
    ];
    for opt in sigopts {
        req.extend(["-sigopt", opt]);
    }
    openssl(dir, &req);
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
    for opt in sigopts {
        args.extend(["-sigopt", opt]);
        if opt.starts_with("distid:") {
            args.extend(["-vfyopt", opt]);
        }
    }
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

pub(super) const VALID: (&str, &str) = ("20260601000000Z", "20270601000000Z");
pub(super) const CA_DATES: (&str, &str) = ("20240101000000Z", "20340101000000Z");
/// Past 2049, so the root's notAfter is a GeneralizedTime.
const ROOT_DATES: (&str, &str) = ("20200101000000Z", "20600101000000Z");

pub(super) fn chain(
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

/// What `openssl req -x509` writes by default (openssl.cnf's `v3_ca`).
const SELF_SIGNED_EXT: &str = "subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
basicConstraints = critical, CA:true
";

/// A self-signed certificate for `{name}.example.com`, as `openssl req -x509`
/// makes one (a CA), but issued with `openssl ca -selfsign` for the fixed
/// dates [`VALID`]: `req -x509 -days` would date it by the machine's clock.
pub(super) fn self_signed(
    dir: &Path,
    name: &str,
    algorithm: &str,
    md: &str,
    sigopts: &[&str],
) -> String {
    issue_with(
        dir,
        name,
        algorithm,
        &format!("/CN={name}.example.com"),
        None,
        SELF_SIGNED_EXT,
        VALID,
        md,
        sigopts,
    )
}
