//! Everything given to the upload dialog at once (pasted text and files),
//! read into certificates, with what could not be read named by its source.

use super::certificate::Certificate;
use super::input::{Item, read_input};

/// What one source gave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceRead {
    pub certificates: usize,
    /// Some of it could not be read (see [`UploadInput::problems`]).
    pub problems: bool,
}

/// The certificates of every source in order, `(source, reason)` for the
/// rest, and per source what it gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadInput {
    pub certificates: Vec<Certificate>,
    /// For each of `certificates`, the 0-based index of the source it came
    /// from: the order of a chain is judged within each source
    /// ([`super::plan_upload_input`]).
    pub source_of: Vec<usize>,
    pub problems: Vec<(String, String)>,
    pub per_source: Vec<SourceRead>,
}

const CSR_NOT_CERTIFICATE: &str = "This is a certificate signing request (CSR), not a certificate: upload the certificate the CA issued for it.";

/// Reads each `(name, bytes or why they could not be had)` in order.
pub fn read_sources<'a>(
    sources: impl IntoIterator<Item = (&'a str, Result<&'a [u8], &'a str>)>,
) -> UploadInput {
    let mut out = UploadInput::default();
    for (source, (name, bytes)) in sources.into_iter().enumerate() {
        let mut read = SourceRead::default();
        match bytes {
            Err(why) => {
                read.problems = true;
                out.problems.push((name.to_string(), why.to_string()));
            }
            Ok(bytes) => {
                let found = read_input(bytes);
                read.problems = !found.problems.is_empty();
                out.problems.extend(
                    found
                        .problems
                        .into_iter()
                        .map(|p| (name.to_string(), p.message)),
                );
                for item in found.items {
                    match item {
                        Item::Certificate(c) => {
                            read.certificates += 1;
                            out.certificates.push(c);
                            out.source_of.push(source);
                        }
                        Item::Csr(_) => {
                            read.problems = true;
                            out.problems
                                .push((name.to_string(), CSR_NOT_CERTIFICATE.to_string()));
                        }
                    }
                }
            }
        }
        out.per_source.push(read);
    }
    out
}
