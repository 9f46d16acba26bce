//! Everything `read_input` and `read_csr` refuse, and the sentence for each.

use super::fixtures::{fixtures, read};
use super::read::kinds;
use crate::{MAX_INPUT_BYTES, ProblemKind, read_csr, read_input};

#[test]
fn private_keys_are_refused_with_the_reason() {
    let f = fixtures();
    for key in ["rsa-leaf.key", "ec-leaf.key"] {
        let result = read_input(read(&f.dir, key).as_bytes());
        assert_eq!(kinds(&result), [ProblemKind::PrivateKey], "{key}");
        assert_eq!(
            result.problems[0].message,
            "This is a private key (PRIVATE KEY block at line 1). Certdesk never needs your private key: paste the certificate (BEGIN CERTIFICATE) instead."
        );
    }
    // A certificate pasted together with its key: the certificate is read, the key refused.
    let text = format!("{}{}", f.rsa.leaf, read(&f.dir, "rsa-leaf.key"));
    let result = read_input(text.as_bytes());
    assert_eq!(result.items.len(), 1);
    assert_eq!(kinds(&result), [ProblemKind::PrivateKey]);
    assert_eq!(
        result.problems[0].line,
        Some(f.rsa.leaf.lines().count() + 1)
    );
}

#[test]
fn private_keys_in_der_and_pkcs12_are_recognised() {
    let f = fixtures();
    let d = &f.dir;
    let pkcs8 = super::fixtures::openssl(d, &["pkey", "-in", "rsa-leaf.key", "-outform", "DER"]);
    let rsa = super::fixtures::openssl(
        d,
        &[
            "rsa",
            "-in",
            "rsa-leaf.key",
            "-outform",
            "DER",
            "-traditional",
        ],
    );
    let ec = super::fixtures::openssl(d, &["ec", "-in", "ec-leaf.key", "-outform", "DER"]);
    let p12 = super::fixtures::openssl(
        d,
        &[
            "pkcs12",
            "-export",
            "-in",
            "rsa-leaf.pem",
            "-inkey",
            "rsa-leaf.key",
            "-passout",
            "pass:x",
        ],
    );
    for (name, der) in [("pkcs8", pkcs8), ("rsa", rsa), ("ec", ec), ("p12", p12)] {
        let result = read_input(&der);
        assert_eq!(
            kinds(&result),
            [ProblemKind::PrivateKey],
            "{name}: {:?}",
            result.problems
        );
    }
    let spki = super::fixtures::openssl(
        d,
        &["pkey", "-in", "rsa-leaf.key", "-pubout", "-outform", "DER"],
    );
    assert_eq!(kinds(&read_input(&spki)), [ProblemKind::PublicKey]);
    let spki_pem = super::fixtures::openssl(d, &["pkey", "-in", "rsa-leaf.key", "-pubout"]);
    let result = read_input(&spki_pem);
    assert_eq!(kinds(&result), [ProblemKind::PublicKey]);
    assert!(
        result.problems[0]
            .message
            .starts_with("This is a public key (PUBLIC KEY block")
    );
}

#[test]
fn revocation_lists_are_named() {
    let f = fixtures();
    let d = &f.dir;
    super::fixtures::openssl(
        d,
        &[
            "ca",
            "-config",
            "ca.cnf",
            "-gencrl",
            "-keyfile",
            "rsa-inter.key",
            "-cert",
            "rsa-inter.pem",
            "-crl_lastupdate",
            "20261101000000Z",
            "-crl_nextupdate",
            "20261201000000Z",
            "-out",
            "inter.crl",
        ],
    );
    let pem = read(d, "inter.crl");
    let result = read_input(pem.as_bytes());
    assert_eq!(kinds(&result), [ProblemKind::RevocationList]);
    assert!(
        result.problems[0].message.contains("X509 CRL block"),
        "{}",
        result.problems[0].message
    );
    let der = super::fixtures::openssl(d, &["crl", "-in", "inter.crl", "-outform", "DER"]);
    assert_eq!(kinds(&read_input(&der)), [ProblemKind::RevocationList]);
}

#[test]
fn truncated_pem_names_the_block_and_line() {
    let leaf = &fixtures().rsa.leaf;
    let lines: Vec<&str> = leaf.lines().collect();
    // END line lost.
    let no_end = lines[..lines.len() - 1].join("\n");
    let result = read_input(no_end.as_bytes());
    assert_eq!(kinds(&result), [ProblemKind::Truncated]);
    assert_eq!(
        result.problems[0].message,
        "The CERTIFICATE block that starts at line 1 has no END line: the text is truncated. Copy the whole block, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----."
    );
    // Middle lines lost: the base64 is whole groups but the DER is short.
    let cut = [&lines[..4], &lines[lines.len() - 2..]].concat().join("\n");
    let result = read_input(cut.as_bytes());
    assert_eq!(
        kinds(&result),
        [ProblemKind::Truncated],
        "{:?}",
        result.problems
    );
    assert!(
        result.problems[0]
            .message
            .contains("block at line 1 is truncated"),
        "{}",
        result.problems[0].message
    );
    // A line cut mid-way: base64 stops inside a group.
    let mut half = lines.clone();
    let short = &lines[3][..61];
    half[3] = short;
    let result = read_input(half.join("\n").as_bytes());
    assert_eq!(kinds(&result), [ProblemKind::Truncated]);
    assert!(result.problems[0].message.contains("stops in the middle"));
}

#[test]
fn damaged_base64_names_the_line() {
    let leaf = &fixtures().rsa.leaf;
    let mut lines: Vec<String> = leaf.lines().map(str::to_string).collect();
    lines[5].replace_range(10..11, "#");
    let text = format!("some words\n{}", lines.join("\n"));
    let result = read_input(text.as_bytes());
    assert_eq!(kinds(&result), [ProblemKind::DamagedBase64]);
    assert_eq!(
        result.problems[0].message,
        "The base64 inside the CERTIFICATE block at line 2 is damaged: line 7 contains '#', which base64 never uses. Copy the block again from its source."
    );
    assert_eq!(result.problems[0].line, Some(2));
}

#[test]
fn valid_base64_that_is_not_a_certificate() {
    let text = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
    let result = read_input(text.as_bytes());
    assert_eq!(kinds(&result), [ProblemKind::InvalidStructure]);
    assert!(result.problems[0].message.starts_with(
        "The CERTIFICATE block at line 1 decodes, but it is not a valid X.509 certificate ("
    ));
}

#[test]
fn empty_large_random_and_plain_text() {
    assert_eq!(kinds(&read_input(b"")), [ProblemKind::Empty]);
    assert_eq!(kinds(&read_input(b" \n\t ")), [ProblemKind::Empty]);
    assert!(
        read_input(b"").problems[0]
            .message
            .starts_with("Empty input")
    );
    let big = vec![b'A'; 2 * 1024 * 1024];
    let result = read_input(&big);
    assert_eq!(kinds(&result), [ProblemKind::TooLarge]);
    assert!(
        result.problems[0]
            .message
            .starts_with("File is larger than 1 MB (2.0 MB)")
    );
    assert!(read_input(&vec![b' '; MAX_INPUT_BYTES]).problems[0].kind == ProblemKind::Empty);
    let random: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 0x80)
        .collect();
    let result = read_input(&random);
    assert_eq!(kinds(&result), [ProblemKind::BinaryData]);
    assert_eq!(
        result.problems[0].message,
        "No certificate found: the input looks like random binary data (not PEM text, and not a DER certificate, CSR or PKCS#7 bundle)."
    );
    assert_eq!(
        kinds(&read_input(b"hello, this is my certificate")),
        [ProblemKind::NoCertificate]
    );
    assert_eq!(
        kinds(&read_input(
            b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host"
        )),
        [ProblemKind::SshKey]
    );
    let other = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    assert_eq!(
        kinds(&read_input(other.as_bytes())),
        [ProblemKind::PrivateKey]
    );
    let unknown = "-----BEGIN PGP MESSAGE-----\nAAAA\n-----END PGP MESSAGE-----\n";
    let result = read_input(unknown.as_bytes());
    assert_eq!(kinds(&result), [ProblemKind::UnsupportedBlock]);
    assert!(
        result.problems[0]
            .message
            .starts_with("This is a PGP MESSAGE block at line 1, not a certificate.")
    );
}

#[test]
fn read_csr_wants_exactly_one() {
    let f = fixtures();
    assert!(read_csr(f.csrs[0].1.as_bytes()).is_ok());
    let problem = read_csr(f.rsa.leaf.as_bytes()).expect_err("a certificate");
    assert_eq!(problem.kind, ProblemKind::NotOneCsr);
    assert!(problem.message.starts_with(
        "This is a certificate (BEGIN CERTIFICATE), not a certificate signing request"
    ));
    let two = format!("{}{}", f.csrs[0].1, f.csrs[1].1);
    assert_eq!(
        read_csr(two.as_bytes()).map(|_| ()).map_err(|p| p.message),
        Err("This contains 2 certificate signing requests: paste just one.".into())
    );
    let key = read_csr(read(&f.dir, "csr-p256.key").as_bytes()).expect_err("a key");
    assert_eq!(key.kind, ProblemKind::PrivateKey);
    assert_eq!(
        read_csr(b"").map_err(|p| p.kind).err(),
        Some(ProblemKind::Empty)
    );
}
