//! Gives the certificates the sandbox CA issues their real X.509 file: when a
//! record is Issued by the sandbox (or reissued inside its term) and has no
//! file yet, the sandbox CA signs a leaf with exactly the record's names and
//! validity (from its CSR's key when there is one) and attaches the chain.

use std::collections::HashSet;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::context::use_app;
use crate::platform::sandbox_ca;
use crate::rules::{Certificate, LifecycleState};
use crate::store::{Action, Notice, NoticeKind};

/// Issued here (it went through the sandbox CA's review) and still without its file.
pub fn needs_file(cert: &Certificate) -> bool {
    cert.state == LifecycleState::Issued
        && cert.pem.is_none()
        && cert.applied_on.is_some()
        && cert.not_before.is_some()
}

#[component]
pub fn SandboxIssuer() -> Html {
    let app = use_app();
    // (id, not_before) already being issued, so a re-render does not issue twice.
    let started = use_mut_ref(HashSet::<(String, String)>::new);
    {
        let (app, started) = (app.clone(), started.clone());
        use_effect_with(app.rev, move |_| {
            let pending: Vec<Certificate> = app
                .inventory
                .certificates
                .iter()
                .filter(|c| needs_file(c))
                .cloned()
                .collect();
            for cert in pending {
                let key = (
                    cert.id.clone(),
                    cert.not_before.map(|d| d.to_string()).unwrap_or_default(),
                );
                if !started.borrow_mut().insert(key) {
                    continue;
                }
                let (Some(from), Some(to)) = (cert.not_before, cert.not_after) else {
                    continue;
                };
                let app = app.clone();
                spawn_local(async move {
                    match sandbox_ca::issue(&cert, from, to, cert.csr.as_deref()).await {
                        Ok(pem) => app.dispatch(Action::AttachFile { id: cert.id.clone(), pem, for_validity: Some((from, to)) }),
                        Err(e) => app.dispatch(Action::Notify(Notice::new(
                            NoticeKind::Error,
                            format!("The sandbox CA could not make the certificate file of {} ({}): {e}", cert.name, cert.id),
                        ))),
                    }
                });
            }
        });
    }
    html! {}
}
