//! The server's sandbox CA: a root (ECDSA P-384) and an intermediate (P-256)
//! made once and kept in the database, so every chain it issued stays
//! verifiable across restarts. It issues real X.509 leaves with exactly the
//! rules' validity (certdesk-x509's `sandbox_leaf_spec`, as the browser's
//! sandbox does), signed through certdesk-x509's builder with native keys.
//!
//! A leaf carries the CSR's public key once the CSR's self-signature
//! verifies; without a CSR, a fresh key pair of the record's algorithm is
//! made and its private key dropped (no user's private key is ever kept).

mod signer;
pub mod verify;

use std::sync::Arc;

use certdesk_rules::{Certificate as Record, KeyAlgorithm};
use certdesk_x509::{
    AsyncSigner, EncodedName, KeyKind, LeafIssuer, SANDBOX_INTERMEDIATE_NAME, SANDBOX_ROOT_NAME,
    key_identifier, pem_encode, read_csr, sandbox_ca_name, sandbox_ca_spec, sandbox_leaf_spec,
    sign_certificate,
};
use chrono::NaiveDate;
use data_encoding::BASE64;
use sqlx::{AnyPool, Row};

pub use signer::{NativeKey, fresh_public_key, random_serial};

pub struct SandboxCa {
    root_der: Vec<u8>,
    intermediate_der: Vec<u8>,
    intermediate_key: NativeKey,
    intermediate_name: EncodedName,
    intermediate_ski: Vec<u8>,
}

struct Made {
    root_key: Vec<u8>,
    root_cert: Vec<u8>,
    intermediate_key: Vec<u8>,
    intermediate_cert: Vec<u8>,
}

async fn make() -> Result<Made, String> {
    let root_key = NativeKey::generate_p384();
    let intermediate_key = NativeKey::generate_p256();
    let root_name = sandbox_ca_name(SANDBOX_ROOT_NAME)?;
    let intermediate_name = sandbox_ca_name(SANDBOX_INTERMEDIATE_NAME)?;
    let root_spki = root_key.spki()?;
    let root_ski = key_identifier(&root_spki).map_err(|e| e.to_string())?;
    let scheme = root_key.scheme().clone();
    let root = sandbox_ca_spec(
        &scheme,
        &root_name,
        &root_name,
        root_spki,
        None,
        random_serial(),
    )?;
    let root_cert = sign_certificate(&root, &root_key)
        .await
        .map_err(|e| e.to_string())?;
    let intermediate = sandbox_ca_spec(
        &scheme,
        &root_name,
        &intermediate_name,
        intermediate_key.spki()?,
        Some(root_ski),
        random_serial(),
    )?;
    let intermediate_cert = sign_certificate(&intermediate, &root_key)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Made {
        root_key: root_key.to_pkcs8()?,
        root_cert,
        intermediate_key: intermediate_key.to_pkcs8()?,
        intermediate_cert,
    })
}

impl SandboxCa {
    /// The CA stored in the database, made and stored first if there is none.
    pub async fn load_or_create(pool: &AnyPool) -> Result<Arc<Self>, String> {
        let db = |e: sqlx::Error| format!("the sandbox CA cannot be stored: {e}");
        let stored = sqlx::query("SELECT COUNT(*) AS n FROM ca")
            .fetch_one(pool)
            .await
            .map_err(db)?
            .get::<i64, _>("n");
        if stored == 0 {
            let made = make().await?;
            // Two processes starting at once: the first one's CA is kept.
            sqlx::query(
                "INSERT INTO ca (id, root_key, root_cert, intermediate_key, intermediate_cert)
                 VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
            )
            .bind(BASE64.encode(&made.root_key))
            .bind(BASE64.encode(&made.root_cert))
            .bind(BASE64.encode(&made.intermediate_key))
            .bind(BASE64.encode(&made.intermediate_cert))
            .execute(pool)
            .await
            .map_err(db)?;
        }
        let row = sqlx::query(
            "SELECT root_cert, intermediate_key, intermediate_cert FROM ca WHERE id = 1",
        )
        .fetch_one(pool)
        .await
        .map_err(db)?;
        let stored = |column: &str| {
            BASE64
                .decode(row.get::<String, _>(column).as_bytes())
                .map_err(|e| format!("the stored sandbox CA's {column} cannot be read: {e}"))
        };
        let intermediate_der = stored("intermediate_cert")?;
        let intermediate_key = NativeKey::from_pkcs8(&stored("intermediate_key")?)?;
        let (_, parsed) = x509_parser::parse_x509_certificate(&intermediate_der)
            .map_err(|e| format!("the stored intermediate cannot be read: {e}"))?;
        let intermediate_name = EncodedName::from_der(parsed.tbs_certificate.subject.as_raw())
            .map_err(|e| e.to_string())?;
        let intermediate_ski =
            key_identifier(&intermediate_key.spki()?).map_err(|e| e.to_string())?;
        Ok(Arc::new(SandboxCa {
            root_der: stored("root_cert")?,
            intermediate_der,
            intermediate_key,
            intermediate_name,
            intermediate_ski,
        }))
    }

    pub fn root_pem(&self) -> String {
        pem_encode("CERTIFICATE", &self.root_der)
    }

    pub fn intermediate_pem(&self) -> String {
        pem_encode("CERTIFICATE", &self.intermediate_der)
    }

    /// Issues the leaf of `record`, valid `not_before` 00:00:00 to
    /// `not_after` 23:59:59 UTC: the PEM chain, leaf, intermediate, root.
    pub async fn issue(
        &self,
        record: &Record,
        not_before: NaiveDate,
        not_after: NaiveDate,
        csr_pem: Option<&str>,
    ) -> Result<String, String> {
        let (spki, rsa) = leaf_key(record, csr_pem).await?;
        let spec = sandbox_leaf_spec(
            record,
            not_before,
            not_after,
            spki,
            rsa,
            random_serial(),
            LeafIssuer {
                name: &self.intermediate_name,
                key_id: &self.intermediate_ski,
                scheme: self.intermediate_key.scheme(),
            },
        )?;
        let leaf = sign_certificate(&spec, &self.intermediate_key)
            .await
            .map_err(|e| format!("The sandbox CA could not issue the certificate: {e}"))?;
        Ok(format!(
            "{}{}{}",
            pem_encode("CERTIFICATE", &leaf),
            self.intermediate_pem(),
            self.root_pem()
        ))
    }
}

/// The leaf's public key (SPKI DER, and whether it is RSA): the CSR's after
/// its self-signature verifies, else a fresh key's.
async fn leaf_key(record: &Record, csr_pem: Option<&str>) -> Result<(Vec<u8>, bool), String> {
    let Some(text) = csr_pem else {
        let algorithm = record.key_algorithm;
        let spki = tokio::task::spawn_blocking(move || fresh_public_key(algorithm))
            .await
            .map_err(|e| format!("the key generator failed: {e}"))??;
        let rsa = matches!(
            algorithm,
            KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 | KeyAlgorithm::Rsa4096
        );
        return Ok((spki, rsa));
    };
    let csr = checked_csr(text)?;
    Ok((
        csr.public_key().spki_der().to_vec(),
        matches!(csr.public_key().kind(), KeyKind::Rsa { .. }),
    ))
}

/// A CSR whose self-signature verifies, or why it cannot be used.
pub fn checked_csr(text: &str) -> Result<certdesk_x509::Csr, String> {
    let csr = read_csr(text.as_bytes()).map_err(|p| format!("The CSR cannot be used: {p}"))?;
    verify::check_signature(&csr.signature_check())
        .map_err(|why| format!("The CSR's signature cannot be accepted: {why}"))?;
    Ok(csr)
}
