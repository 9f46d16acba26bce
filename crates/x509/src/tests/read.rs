//! `read_input` over every form a real certificate comes in.

use super::fixtures::fixtures;
use crate::{Item, ProblemKind, ReadResult, read_input};

pub(super) fn kinds(result: &ReadResult) -> Vec<ProblemKind> {
    result.problems.iter().map(|p| p.kind).collect()
}

pub(super) fn subjects(result: &ReadResult) -> Vec<String> {
    result
        .items
        .iter()
        .map(|i| match i {
            Item::Certificate(c) => format!("cert {}", c.common_name().unwrap_or("-")),
            Item::Csr(c) => format!("csr {}", c.common_name().unwrap_or("-")),
        })
        .collect()
}

#[test]
fn pem_chain_in_input_order() {
    let f = fixtures();
    let text = format!("{}{}{}", f.rsa.leaf, f.rsa.intermediate, f.rsa.root);
    let result = read_input(text.as_bytes());
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!(
        subjects(&result),
        [
            "cert www.example.com",
            "cert Certdesk Test CA rsa",
            "cert Certdesk Test Root rsa"
        ]
    );
}

#[test]
fn der_single_and_concatenated() {
    let f = fixtures();
    let leaf = read_input(f.rsa.leaf.as_bytes())
        .into_certificates()
        .remove(0);
    let inter = read_input(f.rsa.intermediate.as_bytes())
        .into_certificates()
        .remove(0);
    let one = read_input(leaf.der());
    assert_eq!(subjects(&one), ["cert www.example.com"]);
    assert!(one.problems.is_empty());
    let both = read_input(&[leaf.der(), inter.der()].concat());
    assert_eq!(
        subjects(&both),
        ["cert www.example.com", "cert Certdesk Test CA rsa"]
    );
    let mut trailing = leaf.der().to_vec();
    trailing.extend_from_slice(&[0x30, 0x82, 0xff]);
    let result = read_input(&trailing);
    assert_eq!(subjects(&result), ["cert www.example.com"]);
    assert_eq!(kinds(&result), [ProblemKind::TrailingData]);
}

#[test]
fn pkcs7_bundles_pem_der_and_ber() {
    let f = fixtures();
    let expected = [
        "cert www.example.com",
        "cert Certdesk Test CA rsa",
        "cert Certdesk Test Root rsa",
    ];
    let pem = read_input(f.p7b_pem.as_bytes());
    assert!(pem.problems.is_empty(), "{:?}", pem.problems);
    assert_eq!(subjects(&pem), expected);
    let der = read_input(&f.p7b_der);
    assert!(der.problems.is_empty(), "{:?}", der.problems);
    assert_eq!(subjects(&der), expected);
    // CMS streamed by openssl uses BER indefinite lengths.
    assert!(
        f.cms_ber.windows(2).any(|w| w == [0x30, 0x80]),
        "fixture is BER"
    );
    let ber = read_input(&f.cms_ber);
    assert!(ber.problems.is_empty(), "{:?}", ber.problems);
    let mut names = subjects(&ber);
    names.sort();
    assert_eq!(names, ["cert *.example.org", "cert Certdesk Test CA ec"]);
}

#[test]
fn s_client_output_gives_the_served_chain() {
    let result = read_input(fixtures().s_client.as_bytes());
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!(
        subjects(&result),
        ["cert www.example.com", "cert Certdesk Test CA rsa"]
    );
}

#[test]
fn csrs_and_certificates_mixed() {
    let f = fixtures();
    let text = format!("junk before\n{}\n{}", f.csrs[0].1, f.ec.leaf);
    let result = read_input(text.as_bytes());
    assert_eq!(
        subjects(&result),
        ["csr shop.example.com", "cert *.example.org"]
    );
    assert_eq!(result.csrs().len(), 1);
    assert_eq!(result.certificates().len(), 1);
}

#[test]
fn bare_base64_without_header_lines() {
    let f = fixtures();
    let body: String = f
        .rsa
        .leaf
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let result = read_input(body.as_bytes());
    assert_eq!(subjects(&result), ["cert www.example.com"]);
}

#[test]
fn windows_and_email_text_encodings() {
    let leaf = &fixtures().rsa.leaf;
    let utf16 = |be: bool| -> Vec<u8> {
        let bom: [u8; 2] = if be { [0xfe, 0xff] } else { [0xff, 0xfe] };
        bom.into_iter()
            .chain(
                leaf.encode_utf16()
                    .flat_map(move |u| if be { u.to_be_bytes() } else { u.to_le_bytes() }),
            )
            .collect()
    };
    let utf8_bom = [&[0xef, 0xbb, 0xbf][..], leaf.as_bytes()].concat();
    let latin1 = [
        &b"Voici le certificat \xe9t\xe9 demand\xe9:\r\n"[..],
        leaf.as_bytes(),
    ]
    .concat();
    for input in [utf16(false), utf16(true), utf8_bom, latin1] {
        let result = read_input(&input);
        assert!(result.problems.is_empty(), "{:?}", result.problems);
        assert_eq!(subjects(&result), ["cert www.example.com"]);
    }
}
