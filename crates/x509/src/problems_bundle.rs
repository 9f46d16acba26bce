//! The problems of PKCS#7 bundles and of inputs where one CSR was expected.

use super::problems::{ProblemKind, ReadProblem, at};

impl ReadProblem {
    pub(crate) fn empty_bundle(line: Option<usize>) -> Self {
        Self::new(
            ProblemKind::EmptyBundle,
            line,
            format!("This PKCS#7 bundle{} holds no certificates.", at(line)),
        )
    }

    pub(crate) fn pkcs7_without_certificates(oid: &str, line: Option<usize>) -> Self {
        Self::new(
            ProblemKind::EmptyBundle,
            line,
            format!(
                "This is a PKCS#7 message of another type ({oid}){}, not a certificate bundle (.p7b).",
                at(line)
            ),
        )
    }

    pub(crate) fn damaged_bundle(line: Option<usize>) -> Self {
        Self::new(
            ProblemKind::InvalidStructure,
            line,
            format!(
                "This PKCS#7 bundle{} is damaged: its certificate list could not be read. Export the bundle again.",
                at(line)
            ),
        )
    }

    pub(crate) fn bad_bundle_member(index: usize, detail: &str) -> Self {
        Self::new(
            ProblemKind::InvalidStructure,
            None,
            format!(
                "Certificate {} of the PKCS#7 bundle is not a valid X.509 certificate ({detail}).",
                index + 1
            ),
        )
    }

    pub(crate) fn certificate_not_csr() -> Self {
        Self::new(
            ProblemKind::NotOneCsr,
            None,
            "This is a certificate (BEGIN CERTIFICATE), not a certificate signing request: paste the CSR (BEGIN CERTIFICATE REQUEST) instead.".into(),
        )
    }

    pub(crate) fn many_csrs(count: usize) -> Self {
        Self::new(
            ProblemKind::NotOneCsr,
            None,
            format!("This contains {count} certificate signing requests: paste just one."),
        )
    }

    pub(crate) fn no_csr() -> Self {
        Self::new(
            ProblemKind::NotOneCsr,
            None,
            "No certificate signing request found: paste the CSR, from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----.".into(),
        )
    }
}
