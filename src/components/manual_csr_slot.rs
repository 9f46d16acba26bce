//! Manual Entry in the renewal panel: `ManualCsrInput` (which reads the CSR,
//! checks it against the original and verifies its signature) wired to the
//! order form.

use yew::prelude::*;

use super::hooks::use_id;
use super::manual_csr::{ManualCsrInput, ParsedCsr};
use crate::rules::Certificate;
use crate::store::order_form::ManualCsr;

/// What `ManualCsrInput` says for an empty text area: not an error until a submit.
const EMPTY: &str = "Paste the content of your CSR file.";

#[derive(Properties, PartialEq)]
pub struct ManualCsrSlotProps {
    pub original: Option<Certificate>,
    /// "Paste the CSR..." after a submit attempt with nothing pasted.
    pub missing: Option<String>,
    pub on_change: Callback<Option<Result<ManualCsr, String>>>,
}

#[component]
pub fn ManualCsrSlot(props: &ManualCsrSlotProps) -> Html {
    let (csr_id, missing_id) = (use_id("manual-csr"), use_id("manual-csr-missing"));
    let Some(original) = &props.original else {
        return html! { <p class="hint">{ "Manual Entry needs the certificate being renewed." }</p> };
    };
    let on_change = props
        .on_change
        .reform(|result: Result<ParsedCsr, String>| match result {
            Ok(csr) => Some(Ok(ManualCsr {
                pem: csr.csr_pem,
                key_algorithm: csr.key_algorithm,
            })),
            Err(why) if why == EMPTY => None,
            Err(why) => Some(Err(why)),
        });
    html! {
        <>
            <ManualCsrInput original_key={original.key_algorithm} names={original.domains.clone()} {on_change} id={csr_id} />
            if let Some(missing) = &props.missing {
                <p id={missing_id} class="field-error" role="alert">{ missing.clone() }</p>
            }
        </>
    }
}
