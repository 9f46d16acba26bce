//! The CSR just made, to copy or download, and its private key, to download
//! now or lose: it is kept nowhere.

use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::platform::download::{download, file_stem};
use crate::rules::model::KeyAlgorithm;

/// A CSR and its private key, in memory only.
#[derive(Clone, PartialEq, Eq)]
pub struct Generated {
    pub csr_pem: String,
    pub key_pem: String,
    pub algorithm: KeyAlgorithm,
    pub common_name: String,
}

/// Never print the key, even in debug output.
impl std::fmt::Debug for Generated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generated")
            .field("csr_pem", &self.csr_pem)
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

#[derive(Properties, PartialEq)]
pub struct CsrResultProps {
    pub made: Generated,
    pub id_prefix: AttrValue,
}

#[component]
pub fn CsrResult(props: &CsrResultProps) -> Html {
    let p = props.id_prefix.to_string();
    let error = use_state(|| None::<String>);
    let key_saved = use_state(|| false);
    let made = &props.made;
    let stem = file_stem(&made.common_name);
    let save = |name: String, mime: &'static str, text: String, is_key: bool| {
        let (error, key_saved) = (error.clone(), key_saved.clone());
        Callback::from(move |_| match download(&name, mime, &text) {
            Ok(()) => {
                error.set(None);
                if is_key {
                    key_saved.set(true);
                }
            }
            Err(e) => error.set(Some(e)),
        })
    };
    let csr_id = format!("{p}-result-csr");
    // A new CSR brings the result, and the key warning first, into view.
    let section = use_node_ref();
    {
        let section = section.clone();
        use_effect_with(made.csr_pem.clone(), move |_| {
            if let Some(el) = section.cast::<web_sys::Element>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    html! {
        <section class="csr-result" ref={section} aria-labelledby={format!("{p}-result-title")}>
            <h3 id={format!("{p}-result-title")}>{ format!("CSR for {} ({})", made.common_name, made.algorithm.label()) }</h3>
            <div class="key-warning" role="note" aria-labelledby={format!("{p}-key-title")}>
                <h4 id={format!("{p}-key-title")}>{ "Download the private key now" }</h4>
                <p>{ "The private key was made in this browser and is not kept anywhere: not by Certdesk, not in this browser's storage, not on any server. Once this window is closed it cannot be recovered, and a certificate issued for this CSR cannot be used without it." }</p>
                <p>{ "Keep the file secret: anyone who has it can impersonate your site." }</p>
                <button type="button" class="btn btn-primary" onclick={save(format!("{stem}.key"), "application/x-pem-file", made.key_pem.clone(), true)}>
                    { "Download private key (PKCS#8 PEM)" }
                </button>
                if *key_saved {
                    <p class="key-saved" role="status">{ format!("Saved as {stem}.key. Check it is in your downloads before you close this window.") }</p>
                }
            </div>
            <label for={csr_id.clone()}>{ "Certificate signing request (PEM)" }</label>
            <textarea id={csr_id} class="pem-output" readonly=true rows="8" spellcheck="false" value={made.csr_pem.clone()} />
            <div class="form-actions">
                <CopyButton text={made.csr_pem.clone()} what="the CSR" />
                <button type="button" class="btn btn-small" onclick={save(format!("{stem}.csr"), "application/pkcs10", made.csr_pem.clone(), false)}>
                    { "Download CSR" }
                </button>
            </div>
            if let Some(message) = (*error).clone() {
                <p class="field-error" role="alert">{ message }</p>
            }
        </section>
    }
}
