//! What happens to a certificate after it is issued: the cloud resources it
//! is deployed to, the managed deployment tasks, and the verification record.
//!
//! Source: "a managed deployment task was automatically created for the
//! current certificate" and the verification walkthrough of issue 6.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A cloud product a certificate can be deployed to ("such as ALB, WAF, CDN, or DDoS").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CloudProduct {
    Alb,
    Slb,
    Waf,
    Cdn,
    Ddos,
}

impl CloudProduct {
    pub fn label(&self) -> &'static str {
        match self {
            CloudProduct::Alb => "ALB",
            CloudProduct::Slb => "SLB",
            CloudProduct::Waf => "WAF",
            CloudProduct::Cdn => "CDN",
            CloudProduct::Ddos => "Anti-DDoS",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudResource {
    pub product: CloudProduct,
    /// The resource's name or ID in that product.
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaskStatus {
    Pending,
    Succeeded,
    /// With the reason the user is notified of.
    Failed(String),
}

/// "a managed deployment task was automatically created for the current certificate".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploymentTask {
    pub id: String,
    pub resource: CloudResource,
    pub created_on: NaiveDate,
    pub status: TaskStatus,
}

/// The result of the verification walkthrough: "Verified on ...".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationRecord {
    pub on: NaiveDate,
    /// The site serves this certificate, it covers the domain, and its chain is complete.
    pub passed: bool,
    /// One sentence: what was found.
    pub summary: String,
}
