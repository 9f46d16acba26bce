//! Rule 8: which domain verification methods are offered, and why the others are not.

use super::domain::{is_ipv4, normalize_domain};
use super::model::{DomainType, Specification, ValidationType, VerificationMethod};

/// One method and whether it is offered (`Err` = the reason it is not).
pub type MethodOption = (VerificationMethod, Result<(), String>);

const OV_EV_CONTACT: &str =
    "OV and EV certificates are validated by the CA contacting the named contact";
const IP_NO_DNS: &str = "An IP address has no DNS zone to add a record to: use File Verification";

/// Every method, offered or not, with the reason when not.
///
/// Source: "DV certificates ... The certificate and the domain name DNS are not
/// under the same Alibaba Cloud account: Manual DNS Verification (Recommended)
/// ... File Verification ... Wildcard domain names do not support file
/// validation. The certificate and the domain name DNS are under the same
/// Alibaba Cloud account: The system uses the Automatic DNS Verification
/// method." and "OV certificates: After you submit an OV certificate request,
/// the CA sends domain ownership validation instructions to the contact by
/// email or phone." (EV alike). An IPv4 address has no DNS: only a file proves it.
pub fn verification_methods(
    spec: &Specification,
    domains: &[String],
    dns_in_same_account: bool,
) -> Vec<MethodOption> {
    let names: Vec<String> = domains
        .iter()
        .filter_map(|d| normalize_domain(d).ok())
        .collect();
    methods_for_names(spec, &names, dns_in_same_account)
}

/// [`verification_methods`] for names already normalized.
pub(crate) fn methods_for_names(
    spec: &Specification,
    names: &[String],
    dns_in_same_account: bool,
) -> Vec<MethodOption> {
    let wildcard =
        spec.domain_type == DomainType::Wildcard || names.iter().any(|n| n.starts_with("*."));
    let has_ip = names.iter().any(|n| is_ipv4(n));
    VerificationMethod::ALL
        .into_iter()
        .map(|method| {
            (
                method,
                offered(
                    spec.validation,
                    method,
                    wildcard,
                    has_ip,
                    dns_in_same_account,
                ),
            )
        })
        .collect()
}

fn offered(
    validation: ValidationType,
    method: VerificationMethod,
    wildcard: bool,
    has_ip: bool,
    same_account: bool,
) -> Result<(), String> {
    use VerificationMethod::*;
    if validation != ValidationType::Dv {
        return match method {
            CaContact => Ok(()),
            _ => Err(format!("{OV_EV_CONTACT} by email or phone")),
        };
    }
    match method {
        CaContact => {
            Err("Only OV and EV certificates are validated by the CA contacting you".to_string())
        }
        AutomaticDns | ManualDns if has_ip => Err(IP_NO_DNS.to_string()),
        File if wildcard => Err("Wildcard domain names do not support file validation".to_string()),
        File if has_ip => Ok(()),
        AutomaticDns if same_account => Ok(()),
        AutomaticDns => {
            Err("The domain's DNS is not in this account: add the TXT record yourself".to_string())
        }
        ManualDns | File if same_account => Err(
            "The domain's DNS is in this account: the record is added automatically".to_string(),
        ),
        ManualDns | File => Ok(()),
    }
}

/// The method selected by default: "By default, this is the same as the
/// validation method of the original certificate." When the original's method
/// is no longer offered (or there is no original), the first offered method in
/// `VerificationMethod::ALL` order, which puts the recommended one first.
pub fn default_verification(
    original: Option<VerificationMethod>,
    options: &[MethodOption],
) -> Option<VerificationMethod> {
    let allowed = |m: VerificationMethod| options.iter().any(|(o, r)| *o == m && r.is_ok());
    original
        .filter(|m| allowed(*m))
        .or_else(|| options.iter().find(|(_, r)| r.is_ok()).map(|(m, _)| *m))
}

/// Why `method` cannot be used (`Ok` when it is offered).
pub fn method_allowed(method: VerificationMethod, options: &[MethodOption]) -> Result<(), String> {
    match options.iter().find(|(m, _)| *m == method) {
        Some((_, result)) => result.clone(),
        None => Err(format!("{} is not offered", method.label())),
    }
}
