//! What the renewal and purchase panels hold while the user chooses: turned
//! into the rules' `OrderRequest` for the live preview, and checked field by
//! field before anything is submitted. Pure, so every choice is tested natively.

use std::rc::Rc;

use super::inventory::Inventory;
use crate::rules::domain::split_names;
use crate::rules::{
    Brand, Certificate, Contact, ContactErrors, CsrMode, DomainType, KeyAlgorithm, OrderKind,
    OrderPlan, OrderRequest, Specification, ValidationType, VerificationMethod, normalize_domain,
    plan_order,
};

/// A CSR pasted in Manual Entry, once read and checked (by the x509 layer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManualCsr {
    pub pem: String,
    pub key_algorithm: KeyAlgorithm,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrderForm {
    pub kind: OrderKind,
    pub original: Option<Certificate>,
    pub years: u8,
    pub csr_mode: CsrMode,
    /// Manual Entry: the checked CSR, or why the pasted text is refused.
    pub manual_csr: Option<Result<ManualCsr, String>>,
    pub key_algorithm: KeyAlgorithm,
    /// `None`: the default (the original's method when still offered).
    pub verification: Option<VerificationMethod>,
    pub spec: Specification,
    /// As typed: one name per line (purchases only; a renewal keeps the original's).
    pub domains_text: String,
    pub contact: Contact,
    pub dns_in_same_account: bool,
    /// Set by a submit attempt: from then on every error is shown, not only touched fields'.
    pub show_all_errors: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FormChange {
    Years(u8),
    CsrMode(CsrMode),
    ManualCsr(Option<Result<ManualCsr, String>>),
    KeyAlgorithm(KeyAlgorithm),
    Verification(VerificationMethod),
    Brand(Brand),
    Validation(ValidationType),
    DomainType(DomainType),
    Domains(String),
    ContactName(String),
    ContactEmail(String),
    ContactPhone(String),
    DnsInSameAccount(bool),
    ShowAllErrors,
}

/// Each field's error, shown beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormErrors {
    pub domains: Option<String>,
    pub csr: Option<String>,
    pub verification: Option<String>,
    pub contact: ContactErrors,
    /// Why the order as a whole cannot be placed (eligibility, blocking warnings).
    pub order: Vec<String>,
}

impl FormErrors {
    pub fn is_empty(&self) -> bool {
        self == &FormErrors::default()
    }
}

impl OrderForm {
    fn from_request(request: OrderRequest) -> Self {
        OrderForm {
            kind: request.kind,
            domains_text: request.domains.join("\n"),
            original: request.original,
            years: request.years,
            csr_mode: request.csr_mode,
            manual_csr: None,
            key_algorithm: request.key_algorithm,
            verification: request.verification,
            spec: request.spec,
            contact: request.contact,
            dns_in_same_account: request.dns_in_same_account,
            show_all_errors: false,
        }
    }

    /// The renewal panel of `cert` ("Renewal purchase").
    pub fn renewal(cert: &Certificate) -> Self {
        Self::from_request(OrderRequest::renewal_of(cert))
    }

    /// The purchase panel: replacing `original` (Uploaded "Update", an Expired
    /// certificate), or a new certificate. Another CA's brand becomes one sold here.
    pub fn purchase(original: Option<&Certificate>) -> Self {
        let mut request = match original {
            Some(cert) => OrderRequest::purchase_for(cert),
            None => OrderRequest::new_purchase(
                Specification {
                    brand: Brand::AlibabaCloud,
                    validation: ValidationType::Dv,
                    domain_type: DomainType::Single,
                },
                Vec::new(),
            ),
        };
        if request.spec.brand == Brand::Other {
            request.spec.brand = Brand::AlibabaCloud;
        }
        if request.key_algorithm == KeyAlgorithm::Sm2 {
            request.key_algorithm = KeyAlgorithm::EcdsaP256;
        }
        Self::from_request(request)
    }

    /// The emergency procedure's purchase: "Immediately purchase a Domain
    /// Validated (DV) certificate ... choose the DNS validation method".
    pub fn emergency_dv(mut self) -> Self {
        self.spec.validation = ValidationType::Dv;
        self.spec.brand = Brand::AlibabaCloud;
        self.verification = Some(if self.dns_in_same_account {
            VerificationMethod::AutomaticDns
        } else {
            VerificationMethod::ManualDns
        });
        self.years = 1;
        self
    }

    pub fn request(&self) -> OrderRequest {
        let renewal = self.kind == OrderKind::Renewal;
        OrderRequest {
            kind: self.kind,
            original: self.original.clone(),
            years: self.years,
            csr_mode: self.csr_mode,
            manual_csr_key_algorithm: match (&self.csr_mode, &self.manual_csr) {
                (CsrMode::Manual, Some(Ok(csr))) => Some(csr.key_algorithm),
                _ => None,
            },
            key_algorithm: self.key_algorithm,
            verification: self.verification,
            spec: self.spec,
            domains: match (&self.original, renewal) {
                (Some(original), true) => original.domains.clone(),
                _ => split_names(&self.domains_text),
            },
            contact: self.contact.clone(),
            dns_in_same_account: self.dns_in_same_account,
            validation_free: self.original.as_ref().is_some_and(|o| o.validation_free),
        }
    }

    /// The live preview: the rules' answer for these choices.
    pub fn plan(&self, inventory: &Inventory, today: chrono::NaiveDate) -> OrderPlan {
        plan_order(&self.request(), &inventory.quotas, &inventory.prices, today)
    }

    /// What must be fixed before the order can be placed.
    pub fn errors(&self, plan: &OrderPlan) -> FormErrors {
        let mut errors = FormErrors::default();
        if self.kind == OrderKind::Purchase {
            let names = split_names(&self.domains_text);
            errors.domains = if names.is_empty() {
                Some("Enter the domain name the certificate protects.".to_string())
            } else {
                names
                    .iter()
                    .find_map(|n| normalize_domain(n).err().map(|e| format!("{n}: {e}.")))
            };
        }
        if self.csr_mode == CsrMode::Manual {
            errors.csr = match &self.manual_csr {
                None => Some(
                    "Paste the CSR made in your environment (BEGIN CERTIFICATE REQUEST)."
                        .to_string(),
                ),
                Some(Err(why)) => Some(why.clone()),
                Some(Ok(_)) => None,
            };
        }
        if plan.verification.is_none() {
            errors.verification = Some("Choose how domain ownership is verified.".to_string());
        }
        if let Err(contact) = &plan.contact {
            errors.contact = contact.clone();
        }
        if let Err(why) = &plan.eligibility {
            errors.order.push(why.to_string());
        }
        for warning in plan.warnings.iter().filter(|w| w.kind.blocks_submission()) {
            errors.order.push(warning.message.clone());
        }
        errors
    }
}

impl yew::Reducible for OrderForm {
    type Action = FormChange;

    fn reduce(self: Rc<Self>, change: FormChange) -> Rc<Self> {
        let mut f = (*self).clone();
        match change {
            FormChange::Years(years) => f.years = years.clamp(1, 3),
            FormChange::CsrMode(mode) => f.csr_mode = mode,
            FormChange::ManualCsr(csr) => f.manual_csr = csr,
            FormChange::KeyAlgorithm(alg) => f.key_algorithm = alg,
            FormChange::Verification(method) => f.verification = Some(method),
            FormChange::Brand(brand) => f.spec.brand = brand,
            FormChange::Validation(validation) => f.spec.validation = validation,
            FormChange::DomainType(domain_type) => f.spec.domain_type = domain_type,
            FormChange::Domains(text) => f.domains_text = text,
            FormChange::ContactName(name) => f.contact.name = name,
            FormChange::ContactEmail(email) => f.contact.email = email,
            FormChange::ContactPhone(phone) => f.contact.phone = phone,
            FormChange::DnsInSameAccount(same) => f.dns_in_same_account = same,
            FormChange::ShowAllErrors => f.show_all_errors = true,
        }
        // A method chosen for another specification may no longer be offered: back to the default.
        if matches!(f.verification, Some(VerificationMethod::CaContact))
            != (f.spec.validation != ValidationType::Dv)
        {
            f.verification = None;
        }
        Rc::new(f)
    }
}
