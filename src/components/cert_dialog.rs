//! Props shared by the dialogs a row action opens on one certificate.

use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CertDialogProps {
    /// The certificate's resource ID.
    pub id: AttrValue,
    pub on_close: Callback<()>,
}
