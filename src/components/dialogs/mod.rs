//! What a row action (or a toolbar button) opens: a value, so any component
//! can name a dialog without importing the components that draw it. `host`
//! draws them; `use_dialogs()` opens them.

pub mod download;
pub mod host;

use crate::rules::CertAction;

/// What a row action (or a toolbar button) opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Cancel(String),
    Delete(String),
    Renew(String),
    /// A purchase replacing a certificate, or a new one (`None`).
    Purchase(Option<String>),
    Submit(String),
    Progress(String),
    Deploy(String),
    Verify(String),
    Emergency(String),
    /// The emergency procedure's DV purchase for the domains of an expired certificate.
    EmergencyPurchase(String),
    Reissue(String),
    Details(String),
    /// The notification centre (the bell).
    Notifications,
    /// A notification policy to edit (`None`: a new one).
    Policy(Option<String>),
}

impl Dialog {
    /// The dialog a row action opens; `None` for Download, which opens none.
    pub fn for_action(id: String, action: CertAction) -> Option<Dialog> {
        Some(match action {
            CertAction::RenewalPurchase => Dialog::Renew(id),
            CertAction::Purchase | CertAction::Update => Dialog::Purchase(Some(id)),
            CertAction::SubmitRequest => Dialog::Submit(id),
            CertAction::ViewProgress => Dialog::Progress(id),
            CertAction::Cancel => Dialog::Cancel(id),
            CertAction::Delete => Dialog::Delete(id),
            CertAction::ReissueAndSync => Dialog::Reissue(id),
            CertAction::Deploy => Dialog::Deploy(id),
            CertAction::Verify => Dialog::Verify(id),
            CertAction::EmergencySteps => Dialog::Emergency(id),
            CertAction::Download => return None,
        })
    }
}
