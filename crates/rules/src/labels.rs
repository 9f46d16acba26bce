//! Labels in the documents' own words, and the lists the UI builds selects from.

use super::model::{
    Brand, CertificateKind, CertificateStatus, CsrMode, DomainType, KeyAlgorithm, LifecycleState,
    Specification, ValidationType, VerificationMethod,
};

impl CertificateKind {
    pub const ALL: [CertificateKind; 2] = [CertificateKind::Official, CertificateKind::Uploaded];

    /// The tab names: "Official Certificate", "Uploaded".
    pub fn label(&self) -> &'static str {
        match self {
            CertificateKind::Official => "Official Certificate",
            CertificateKind::Uploaded => "Uploaded",
        }
    }
}

impl Brand {
    pub const ALL: [Brand; 3] = [Brand::AlibabaCloud, Brand::DigiCert, Brand::GlobalSign];

    /// "Supported brands include Alibaba Cloud, DigiCert, and GlobalSign."
    pub fn label(&self) -> &'static str {
        match self {
            Brand::AlibabaCloud => "Alibaba Cloud",
            Brand::DigiCert => "DigiCert",
            Brand::GlobalSign => "GlobalSign",
            Brand::Other => "Other CA",
        }
    }
}

impl ValidationType {
    pub const ALL: [ValidationType; 3] =
        [ValidationType::Dv, ValidationType::Ov, ValidationType::Ev];

    pub fn label(&self) -> &'static str {
        match self {
            ValidationType::Dv => "DV",
            ValidationType::Ov => "OV",
            ValidationType::Ev => "EV",
        }
    }

    /// "DV Certificate", "OV Certificate", "EV Certificate" (the specification table).
    pub fn long_label(&self) -> &'static str {
        match self {
            ValidationType::Dv => "DV Certificate",
            ValidationType::Ov => "OV Certificate",
            ValidationType::Ev => "EV Certificate",
        }
    }
}

impl DomainType {
    pub const ALL: [DomainType; 3] = [
        DomainType::Single,
        DomainType::Wildcard,
        DomainType::MultiDomain,
    ];

    /// "Single Domain", "Wildcard Domain", "Multi-domain".
    pub fn label(&self) -> &'static str {
        match self {
            DomainType::Single => "Single Domain",
            DomainType::Wildcard => "Wildcard Domain",
            DomainType::MultiDomain => "Multi-domain",
        }
    }
}

impl Specification {
    /// Every combination of brand, validation type and domain type (27), in `ALL` order.
    pub fn all() -> Vec<Specification> {
        let mut specs = Vec::with_capacity(27);
        for brand in Brand::ALL {
            for validation in ValidationType::ALL {
                for domain_type in DomainType::ALL {
                    specs.push(Specification {
                        brand,
                        validation,
                        domain_type,
                    });
                }
            }
        }
        specs
    }

    /// E.g. "DigiCert OV Wildcard Domain".
    pub fn label(&self) -> String {
        format!(
            "{} {} {}",
            self.brand.label(),
            self.validation.label(),
            self.domain_type.label()
        )
    }
}

impl KeyAlgorithm {
    pub const ALL: [KeyAlgorithm; 6] = [
        KeyAlgorithm::Rsa2048,
        KeyAlgorithm::Rsa3072,
        KeyAlgorithm::Rsa4096,
        KeyAlgorithm::EcdsaP256,
        KeyAlgorithm::EcdsaP384,
        KeyAlgorithm::Sm2,
    ];

    pub fn label(&self) -> &'static str {
        match self {
            KeyAlgorithm::Rsa2048 => "RSA 2048",
            KeyAlgorithm::Rsa3072 => "RSA 3072",
            KeyAlgorithm::Rsa4096 => "RSA 4096",
            KeyAlgorithm::EcdsaP256 => "ECDSA P-256",
            KeyAlgorithm::EcdsaP384 => "ECDSA P-384",
            KeyAlgorithm::Sm2 => "SM2",
        }
    }
}

impl LifecycleState {
    pub const ALL: [LifecycleState; 7] = [
        LifecycleState::NotActivated,
        LifecycleState::PendingApplication,
        LifecycleState::ValidatingApplication,
        LifecycleState::ValidationFailed,
        LifecycleState::Issued,
        LifecycleState::Cancelled,
        LifecycleState::Revoked,
    ];

    pub fn label(&self) -> &'static str {
        CertificateStatus::from(*self).label()
    }
}

impl From<LifecycleState> for CertificateStatus {
    /// The stored state as shown, before the dates are looked at.
    fn from(state: LifecycleState) -> Self {
        match state {
            LifecycleState::NotActivated => CertificateStatus::NotActivated,
            LifecycleState::PendingApplication => CertificateStatus::PendingApplication,
            LifecycleState::ValidatingApplication => CertificateStatus::ValidatingApplication,
            LifecycleState::ValidationFailed => CertificateStatus::ValidationFailed,
            LifecycleState::Issued => CertificateStatus::Issued,
            LifecycleState::Cancelled => CertificateStatus::Cancelled,
            LifecycleState::Revoked => CertificateStatus::Revoked,
        }
    }
}

impl CertificateStatus {
    pub const ALL: [CertificateStatus; 9] = [
        CertificateStatus::NotActivated,
        CertificateStatus::PendingApplication,
        CertificateStatus::ValidatingApplication,
        CertificateStatus::ValidationFailed,
        CertificateStatus::Issued,
        CertificateStatus::PendingExpiration,
        CertificateStatus::Expired,
        CertificateStatus::Cancelled,
        CertificateStatus::Revoked,
    ];

    pub fn label(&self) -> &'static str {
        match self {
            CertificateStatus::NotActivated => "Not Activated",
            CertificateStatus::PendingApplication => "Pending Application",
            CertificateStatus::ValidatingApplication => "Validating Application",
            CertificateStatus::ValidationFailed => "Validation Failed",
            CertificateStatus::Issued => "Issued",
            CertificateStatus::PendingExpiration => "Pending Expiration",
            CertificateStatus::Expired => "Expired",
            CertificateStatus::Cancelled => "Cancelled",
            CertificateStatus::Revoked => "Revoked",
        }
    }
}

impl VerificationMethod {
    pub const ALL: [VerificationMethod; 4] = [
        VerificationMethod::AutomaticDns,
        VerificationMethod::ManualDns,
        VerificationMethod::File,
        VerificationMethod::CaContact,
    ];

    pub fn label(&self) -> &'static str {
        match self {
            VerificationMethod::AutomaticDns => "Automatic DNS Verification",
            VerificationMethod::ManualDns => "Manual DNS Verification",
            VerificationMethod::File => "File Verification",
            VerificationMethod::CaContact => "Email or phone (CA contacts you)",
        }
    }
}

impl CsrMode {
    pub const ALL: [CsrMode; 3] = [CsrMode::Automatic, CsrMode::Manual, CsrMode::OriginalKey];

    /// "Automatic", "Manual Entry", "Update with Original Key".
    pub fn label(&self) -> &'static str {
        match self {
            CsrMode::Automatic => "Automatic",
            CsrMode::Manual => "Manual Entry",
            CsrMode::OriginalKey => "Update with Original Key",
        }
    }
}
