//! Certificate, chain and CSR parsing, checks and building, over x509-parser.
//!
//! Pure Rust: no browser, no UI, no clock. "Now" is always an argument
//! (x509-parser's own clock traps on wasm32). Signatures are checked by
//! `platform::crypto` with WebCrypto, from the [`SignatureCheck`] data
//! prepared here. Every string meant for display is plain text (control
//! characters made visible); the UI renders it as text, never as markup.
//!
//! # Reading
//! - [`read_input`]`(bytes) -> ReadResult`: PEM, DER, PKCS#7 (`.p7b`, PEM or
//!   DER), or any text containing PEM blocks (the whole output of
//!   `openssl s_client -showcerts`), one or many certificates and CSRs.
//!   [`ReadResult::items`] are in input order; [`ReadResult::problems`] say
//!   what could not be read, naming what was found and what was expected.
//!   Input over [`MAX_INPUT_BYTES`] (1 MiB) is refused unread.
//! - [`read_csr`]`(bytes) -> Result<Csr, ReadProblem>`: exactly one CSR.
//! - [`Certificate::from_der`], [`Csr::from_der`] for DER already in hand.
//!
//! # Certificates
//! [`Certificate`]: subject and issuer ([`DistinguishedName`], CN), serial
//! (colon hex), validity (chrono `NaiveDateTime` UTC and `NaiveDate`
//! accessors, [`ValidityState`] at a given `now`), subjectAltNames (DNS, IP),
//! key ([`PublicKeyInfo`]: the model's `KeyAlgorithm` when it is one, else a
//! description; bits; curve), signature algorithm, SHA-256 fingerprint,
//! SKI/AKI, CA or not, key usage and extended key usage (human names), the
//! specification's domain type ([`domain_type_of`]), DER and PEM.
//!
//! # Chains
//! [`analyze_chain`]`(certs, now) -> ChainReport`: leaf-first order, wrong
//! order, missing issuers (by name and key identifier), root included,
//! self-signed leaf, expired or not-yet-valid members, duplicates and
//! strays, and one [`ChainLink`] per signature with its [`SignatureCheck`]:
//! signed bytes, signature in WebCrypto's form (ECDSA converted from DER to
//! raw `r || s`), the scheme, and the signer's SPKI. Algorithms WebCrypto
//! cannot check (SM2, RSA-PSS, EdDSA, MD5) are [`CheckPlan::NotCheckable`],
//! never failures.
//!
//! # CSRs
//! [`Csr`]: subject, requested subjectAltNames (extensionRequest), key
//! algorithm, signature algorithm, and [`Csr::signature_check`] for its
//! self-signature.
//!
//! # Building
//! [`sign_certificate`] and [`sign_csr`] with the caller's [`AsyncSigner`]
//! (WebCrypto in the browser, a native key on a server); underneath,
//! [`certification_request_info`] + signature -> [`assemble_csr`];
//! [`tbs_certificate`] from a [`CertificateSpec`] + signature ->
//! [`assemble_certificate`]; [`key_identifier`]; [`ecdsa_raw_to_der`] and
//! [`ecdsa_der_to_raw`]; [`pem_encode`]. The output is accepted by
//! `openssl req -verify` and `openssl verify -x509_strict` (see the native tests).
//!
//! # Uploads, CSR requests, verification (the certificate tools)
//! - [`plan_upload`]`(certs, now) -> UploadPlan`: one Uploaded record per
//!   server certificate, its chain sorted leaf first in the record's `pem`,
//!   the order as given reported in its chain's problems; CA certificates
//!   alone and keys Certdesk does not manage are refused with the reason.
//!   [`plan_upload_input`] does the same for everything given to the upload
//!   dialog, judging the order within each file.
//!   [`record_id`] is `up-` + 12 hex digits of the fingerprint;
//!   [`duplicate_of`] finds a certificate already listed.
//! - [`csr_request`] checks the "Create CSR" form field by field;
//!   [`check_manual_csr`] checks a pasted CSR against the certificate it
//!   renews (a CSR, same key algorithm, same names).
//! - [`read_served`] reads what the site serves (a chain, `s_client`
//!   output, or the expiry date a browser shows); [`judge`] gives the
//!   walkthrough's verdict with the documents' causes ([`Cause`]).
//!
//! # Decisions
//! - Input over 1 MiB is refused unread: real chains are a few KB.
//! - Owned values: [`Certificate`] and [`Csr`] copy what they need out of
//!   x509-parser's borrowed structures once, so the UI can clone and store
//!   them; every accessor is infallible.
//! - Serial: colon hex of the DER content octets, a leading 00 included, as
//!   `openssl x509 -text` and browsers show it; [`parse_hex`] reads any
//!   pasted form for comparisons.
//! - Domain type: a CA's free companion name (`www.` or the bare domain of
//!   a wildcard) does not make a certificate multi-domain ([`domain_type_of`]).
//! - Chains without a root store: a chain ending at a CA whose issuer is
//!   absent is taken to end at a browser root ([`ChainReport::anchor`]); a
//!   leaf whose issuer is absent is a missing intermediate.
//! - Upload order: the order is judged as given, before sorting, within
//!   each source (the pasted text, each file; files chosen together have no
//!   order between them), over the chain's own members (other certificates
//!   may come between; one given twice counts where it keeps the order). Any
//!   other order is [`ChainProblem::WrongOrder`] in the preview, because a
//!   server sends its file as it is; the record keeps the chain sorted.
//! - Upload of a leaf and a root without the intermediate: the leaf's
//!   missing issuer is reported by name, and the root is not called a
//!   stray. It is not kept (no signature links it to the leaf, and browsers
//!   hold their roots); its reason names the intermediate to upload.
//! - Subject key identifiers of built certificates: SHA-256 of the key,
//!   truncated to 160 bits (RFC 7093 method 1); SHA-1 is not needed.
//! - Text from certificates keeps markup as text and shows control and
//!   bidirectional-override characters as `\u{..}` escapes.

mod build;
mod certificate;
mod chain;
mod chain_problems;
mod check;
mod csr;
mod csr_form;
mod der;
mod detect;
mod domain;
mod ecdsa;
mod extensions;
mod input;
mod issue;
mod key;
mod names;
mod oids;
mod pem;
mod pkcs7;
mod problems;
mod problems_bundle;
mod record;
mod sandbox_ca;
mod served;
mod served_causes;
mod served_input;
mod sign;
mod signature;
mod text;
mod time;
mod upload_input;
mod upload_plan;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tools_tests;

pub use build::{
    BuildError, EncodedName, NameSpec, assemble_certificate, assemble_csr,
    certification_request_info,
};
pub use certificate::{Certificate, NotACertificate};
pub use chain::{ChainLink, ChainReport, analyze_chain};
pub use chain_problems::{ChainProblem, Severity};
pub use check::{CheckPlan, SignatureCheck};
pub use csr::{Csr, NotACsr};
pub use csr_form::{
    CsrFormErrors, CsrRequest, SM2_REFUSAL, check_csr_names, check_manual_csr, csr_request,
    split_names,
};
pub use domain::{domain_type_of, name_covers};
pub use ecdsa::{EcdsaFormatError, ecdsa_der_to_raw, ecdsa_raw_to_der};
pub use extensions::{ExtendedKeyUsage, KeyUsage};
pub use input::{Item, MAX_INPUT_BYTES, ReadResult, read_csr, read_input};
pub use issue::{CertificateSpec, key_identifier, tbs_certificate};
pub use key::{Curve, KeyKind, PublicKeyInfo};
pub use names::{DistinguishedName, NameAttribute, SubjectAltName};
pub use pem::encode as pem_encode;
pub use problems::{ProblemKind, ReadProblem};
pub use record::{
    brand_of, duplicate_of, file_fingerprints, issuer_name, label, record_for, record_id,
    validation_type,
};
pub use sandbox_ca::{
    LeafIssuer, SANDBOX_INTERMEDIATE_NAME, SANDBOX_ROOT_NAME, sandbox_ca_name, sandbox_ca_spec,
    sandbox_ca_validity, sandbox_leaf_spec,
};
pub use served::{Expected, Previous, judge};
pub use served_causes::{Cause, Check, Outcome, ServedVerdict};
pub use served_input::{MAX_SERVED_BYTES, Served, parse_date, read_served};
pub use sign::{AsyncSigner, SignError, sign_certificate, sign_csr};
pub use signature::{Hash, SignatureAlgorithm, SignatureScheme};
pub use text::{colon_hex, parse_hex};
pub use time::{Validity, ValidityState};
pub use upload_input::{SourceRead, UploadInput, read_sources};
pub use upload_plan::{
    RefusedCertificate, UploadCandidate, UploadPlan, plan_upload, plan_upload_input,
};
