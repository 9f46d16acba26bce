//! Manual Entry in the renewal panel: the pasted CSR, read and checked
//! against the original certificate, its signature verified with WebCrypto.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::text_field::TextField;
use crate::platform::crypto::{Verdict, verify_csr};
use crate::rules::Certificate;
use crate::store::order_form::ManualCsr;
use crate::x509::check_manual_csr;

#[derive(Properties, PartialEq)]
pub struct ManualCsrSlotProps {
    pub original: Option<Certificate>,
    pub error: Option<String>,
    pub on_change: Callback<Option<Result<ManualCsr, String>>>,
}

#[component]
pub fn ManualCsrSlot(props: &ManualCsrSlotProps) -> Html {
    let text = use_state(String::new);
    // Each paste gets a number; a slower signature check of an older paste is dropped.
    let latest = use_mut_ref(|| 0u64);
    let on_input = {
        let (text, on_change, original, latest) = (
            text.clone(),
            props.on_change.clone(),
            props.original.clone(),
            latest.clone(),
        );
        Callback::from(move |value: String| {
            text.set(value.clone());
            *latest.borrow_mut() += 1;
            let this = *latest.borrow();
            let Some(original) = original.clone() else {
                return;
            };
            if value.trim().is_empty() {
                on_change.emit(None);
                return;
            }
            match check_manual_csr(&value, original.key_algorithm, &original.domains) {
                Err(why) => on_change.emit(Some(Err(why))),
                Ok(csr) => {
                    let (on_change, latest) = (on_change.clone(), latest.clone());
                    spawn_local(async move {
                        let result = match verify_csr(&csr).await {
                            Verdict::Invalid(why) => Err(format!(
                                "The CSR's signature is not valid ({why}): it was altered after it was signed, or made wrongly. Generate it again."
                            )),
                            _ => match csr.key_algorithm() {
                                Some(key_algorithm) => Ok(ManualCsr {
                                    pem: csr.to_pem(),
                                    key_algorithm,
                                }),
                                None => Err("The CSR's key algorithm is not supported".to_string()),
                            },
                        };
                        if *latest.borrow() == this {
                            on_change.emit(Some(result));
                        }
                    });
                }
            }
        })
    };
    html! {
        <TextField id="manual-csr" label="CSR File" rows={8} value={(*text).clone()} {on_input} error={props.error.clone()}
                   hint={Some(AttrValue::Static("Paste the whole CSR, from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----. It must use the original certificate's key algorithm and exactly its domain names."))} />
    }
}
