//! Real inputs, and the ways the property tests damage them.

use proptest::prelude::*;

use super::fixtures::fixtures;
use crate::{Item, read_input};

/// Real inputs to mutate: every fixture certificate and CSR (PEM and DER),
/// the bundles, and the s_client text.
pub(super) fn corpus() -> &'static Vec<Vec<u8>> {
    static CORPUS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let f = fixtures();
        let mut pems: Vec<&String> = vec![
            &f.rsa.leaf,
            &f.rsa.intermediate,
            &f.rsa.root,
            &f.ec.leaf,
            &f.ec.intermediate,
            &f.ec.root,
            &f.multi_leaf,
            &f.expired_leaf,
            &f.html_leaf,
            &f.ed25519,
            &f.rsa_pss,
            &f.sm2,
            &f.p521,
            &f.bare_csr,
            &f.p7b_pem,
            &f.s_client,
        ];
        pems.extend(f.csrs.iter().map(|(_, pem)| pem));
        let mut out: Vec<Vec<u8>> = pems.iter().map(|p| p.as_bytes().to_vec()).collect();
        for pem in &pems {
            out.extend(read_input(pem.as_bytes()).items.iter().map(|i| match i {
                Item::Certificate(c) => c.der().to_vec(),
                Item::Csr(c) => c.der().to_vec(),
            }));
        }
        out.push(f.p7b_der.clone());
        out.push(f.cms_ber.clone());
        out
    })
}

#[derive(Clone, Debug)]
pub(super) enum Mutation {
    FlipBit(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    SetByte(usize, u8),
}

pub(super) fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8)).prop_map(|(i, v)| Mutation::Insert(i, v)),
        1 => (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Remove(i, n)),
        // Length and tag bytes are where parsers break: 0x80-0x84, 0xff, 0x00.
        2 => (any::<usize>(), prop::sample::select(vec![0u8, 0x30, 0x80, 0x81, 0x82, 0x84, 0xa0, 0xff]))
            .prop_map(|(i, b)| Mutation::SetByte(i, b)),
    ]
}

pub(super) fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::FlipBit(i, b) => {
                if let Some(x) = bytes.get_mut(i % len) {
                    *x ^= 1 << b;
                }
            }
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Insert(i, v) => {
                let at = i % len;
                bytes.splice(at.min(bytes.len())..at.min(bytes.len()), v.iter().copied());
            }
            Mutation::Remove(i, n) => {
                let start = (i % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::SetByte(i, b) => {
                if let Some(x) = bytes.get_mut(i % len) {
                    *x = *b;
                }
            }
        }
    }
    bytes
}
