//! The standalone "Create CSR" tool in the page header: a key pair and a CSR
//! made in this browser, for a certificate to be requested anywhere.

use yew::prelude::*;

use super::csr_generator::CsrGenerator;
use super::hooks::{Chunk, chunk_placeholder, use_chunk, use_id_prefix};
use super::modal::Modal;
use super::use_open::{Open, use_open};
use crate::lazy_chunk;
use crate::rules::model::KeyAlgorithm;

type GeneratorView = fn(AttrValue) -> Html;

// Key generation and the CSR writer come with the first use of the tool.
lazy_chunk!(static GENERATOR: GeneratorView = csr => (|id_prefix| html! {
    <CsrGenerator default_algorithm={KeyAlgorithm::EcdsaP256} on_generated={Callback::noop()} {id_prefix} />
}) as GeneratorView);

#[component]
pub fn CreateCsrButton() -> Html {
    let Open {
        is: open,
        show,
        close,
        ..
    } = use_open();
    let ids = use_id_prefix();
    let chunk = use_chunk(&GENERATOR, open);
    let footer = html! {
        <button type="button" class="btn" onclick={close.reform(|_| ())}>{ "Close" }</button>
    };
    html! {
        <>
            <button type="button" class="btn btn-small" id={ids.id("create-csr")} onclick={show}>{ "Create CSR" }</button>
            if open {
                <Modal id={ids.id("csr-tool")} class="csr-tool" title="Create a CSR" on_close={close} wide=true {footer}>
                    <p class="tool-intro">{ "Makes a new key pair and a certificate signing request in this browser. Nothing is sent anywhere: give the CSR to your CA, and keep the private key for the server." }</p>
                    if let Chunk::Ready(view) = chunk {
                        { view(ids.id("csr-tool")) }
                    } else {
                        { chunk_placeholder(&chunk, "the CSR generator") }
                    }
                </Modal>
            }
        </>
    }
}
