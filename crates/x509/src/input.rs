//! The one entry for whatever a user pastes, drops or chooses.

use std::borrow::Cow;

use super::certificate::Certificate;
use super::csr::Csr;
use super::der::{self, tag};
use super::detect::Found;
use super::pem::{self, BlockError};
use super::pkcs7::{self, Bundle};
use super::problems::ReadProblem;

/// Largest input read: 1 MiB. A certificate is 1-3 KB and the longest
/// real chains with hundreds of SANs stay well under 100 KB, so anything
/// bigger is the wrong file (a log, an archive), refused before any work.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// A certificate or a CSR found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Certificate(Certificate),
    Csr(Csr),
}

/// Everything found in one input: items in input order (a bundle's
/// certificates in bundle order), and what could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadResult {
    pub items: Vec<Item>,
    pub problems: Vec<ReadProblem>,
}

impl ReadResult {
    pub fn certificates(&self) -> Vec<&Certificate> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Certificate(c) => Some(c),
                Item::Csr(_) => None,
            })
            .collect()
    }

    pub fn csrs(&self) -> Vec<&Csr> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Csr(c) => Some(c),
                Item::Certificate(_) => None,
            })
            .collect()
    }

    /// The certificates, owned, for [`super::analyze_chain`].
    pub fn into_certificates(self) -> Vec<Certificate> {
        self.items
            .into_iter()
            .filter_map(|i| match i {
                Item::Certificate(c) => Some(c),
                Item::Csr(_) => None,
            })
            .collect()
    }

    fn problem(problem: ReadProblem) -> Self {
        Self {
            items: Vec::new(),
            problems: vec![problem],
        }
    }
}

/// Reads PEM (any text containing PEM blocks, such as the whole output of
/// `openssl s_client -showcerts`), DER, or a PKCS#7 bundle (PEM or DER),
/// with one or many certificates and CSRs. Never panics; whatever is not
/// read is in `problems`, each with a message naming what was found and what
/// was expected.
pub fn read_input(bytes: &[u8]) -> ReadResult {
    if bytes.len() > MAX_INPUT_BYTES {
        return ReadResult::problem(ReadProblem::too_large(bytes.len()));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return ReadResult::problem(ReadProblem::empty());
    }
    let text = as_text(bytes);
    if let Some(text) = &text
        && text.contains("-----BEGIN ")
    {
        return read_pem(text);
    }
    if bytes.first() == Some(&tag::SEQUENCE) {
        return read_der(bytes, None);
    }
    match text {
        Some(text) => read_text_without_blocks(&text),
        None => ReadResult::problem(ReadProblem::binary()),
    }
}

/// The input as text: UTF-8; UTF-16 with a byte-order mark (Windows
/// Notepad's "Unicode"); or, when PEM markers are there, any 8-bit text
/// (Latin-1 e-mail around the blocks), undecodable bytes replaced.
fn as_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], c.get(1).copied().unwrap_or(0)];
                if be {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            })
            .collect();
        Cow::Owned(String::from_utf16_lossy(&units))
    };
    match bytes {
        [0xff, 0xfe, ..] => Some(utf16(false)),
        [0xfe, 0xff, ..] => Some(utf16(true)),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Some(Cow::Borrowed(text)),
            Err(_) if bytes.windows(11).any(|w| w == b"-----BEGIN ") => {
                Some(String::from_utf8_lossy(bytes))
            }
            Err(_) => None,
        },
    }
}

/// Reads input that must be exactly one CSR (Manual CSR entry). Anything
/// else, a certificate or several CSRs included, is the problem returned.
pub fn read_csr(bytes: &[u8]) -> Result<Csr, ReadProblem> {
    let mut result = read_input(bytes);
    let csrs = result.csrs().len();
    let certs = result.certificates().len();
    if csrs == 1
        && result.problems.is_empty()
        && certs == 0
        && let Some(Item::Csr(csr)) = result.items.pop()
    {
        return Ok(csr);
    }
    if csrs > 1 {
        return Err(ReadProblem::many_csrs(csrs));
    }
    if csrs == 0 && certs > 0 && result.problems.is_empty() {
        return Err(ReadProblem::certificate_not_csr());
    }
    Err(result
        .problems
        .into_iter()
        .next()
        .unwrap_or_else(ReadProblem::no_csr))
}

fn read_pem(text: &str) -> ReadResult {
    let mut out = ReadResult::default();
    for block in pem::blocks(text) {
        let label = block.label.as_str();
        let body = match block.body {
            Ok(body) => body,
            Err(BlockError::NoEnd) => {
                out.problems.push(ReadProblem::no_end(label, block.line));
                continue;
            }
            Err(BlockError::Empty) => {
                out.problems
                    .push(ReadProblem::empty_block(label, block.line));
                continue;
            }
            Err(e) => {
                out.problems
                    .push(ReadProblem::bad_base64(label, block.line, &e));
                continue;
            }
        };
        match Found::from_label(label) {
            Found::Certificate => match Certificate::from_der(&body) {
                Ok(c) => out.items.push(Item::Certificate(c)),
                Err(e) => out
                    .problems
                    .push(ReadProblem::damaged_der(label, block.line, &body, &e.0)),
            },
            Found::Csr => match Csr::from_der(&body) {
                Ok(c) => out.items.push(Item::Csr(c)),
                Err(e) => out
                    .problems
                    .push(ReadProblem::damaged_der(label, block.line, &body, &e.0)),
            },
            Found::Pkcs7 => {
                let inner = read_der(&body, Some(block.line));
                out.items.extend(inner.items);
                out.problems.extend(inner.problems);
            }
            Found::Ignored => {}
            found => out
                .problems
                .push(ReadProblem::not_wanted(found, Some(block.line))),
        }
    }
    if out.items.is_empty() && out.problems.is_empty() {
        out.problems.push(ReadProblem::no_certificate_in_text());
    }
    out
}

/// DER input: one or more concatenated certificates, a CSR, or a PKCS#7
/// bundle; otherwise whatever DER structure it is recognised as.
fn read_der(bytes: &[u8], line: Option<usize>) -> ReadResult {
    if let Some(bundle) = pkcs7::read(bytes) {
        return match bundle {
            Bundle::Certificates(list) if list.is_empty() => {
                ReadResult::problem(ReadProblem::empty_bundle(line))
            }
            Bundle::Certificates(list) => {
                let mut out = ReadResult::default();
                for (i, der) in list.into_iter().enumerate() {
                    match Certificate::from_der(der) {
                        Ok(c) => out.items.push(Item::Certificate(c)),
                        Err(e) => out.problems.push(ReadProblem::bad_bundle_member(i, &e.0)),
                    }
                }
                out
            }
            Bundle::OtherContent(oid) => {
                ReadResult::problem(ReadProblem::pkcs7_without_certificates(&oid, line))
            }
            Bundle::Damaged => ReadResult::problem(ReadProblem::damaged_bundle(line)),
        };
    }
    let mut out = ReadResult::default();
    let mut rest = bytes;
    while !rest.is_empty() {
        let element = match der::read(rest) {
            Ok((element, after)) => {
                rest = after;
                element.raw
            }
            Err(_) if !out.items.is_empty() => {
                out.problems.push(ReadProblem::trailing_data(rest.len()));
                break;
            }
            Err(e) => return ReadResult::problem(ReadProblem::bad_der(e, line)),
        };
        if let Ok(c) = Certificate::from_der(element) {
            out.items.push(Item::Certificate(c));
        } else if let Ok(c) = Csr::from_der(element) {
            out.items.push(Item::Csr(c));
        } else {
            let found = Found::from_der(element);
            let problem = match found {
                Found::Unknown => ReadProblem::unknown_der(line),
                found => ReadProblem::not_wanted(found, line),
            };
            out.problems.push(problem);
        }
    }
    out
}

fn read_text_without_blocks(text: &str) -> ReadResult {
    let trimmed = text.trim();
    if let Some(der) = pem::bare_base64(trimmed)
        && der.first() == Some(&tag::SEQUENCE)
    {
        let inner = read_der(&der, None);
        if !inner.items.is_empty() {
            return inner;
        }
    }
    if trimmed.starts_with("ssh-") || trimmed.starts_with("ecdsa-sha2-") {
        return ReadResult::problem(ReadProblem::not_wanted(Found::SshKey, None));
    }
    if text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count()
        * 10
        > text.len()
    {
        return ReadResult::problem(ReadProblem::binary());
    }
    ReadResult::problem(ReadProblem::no_certificate_in_text())
}
