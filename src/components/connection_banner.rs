//! Where the certificates come from when Certdesk works against a server,
//! and what to do when it cannot be reached or refuses the sign-in; in the
//! browser, that the saved inventory is still being read. Nothing
//! on the page is cleared while the server is away: panels keep what was
//! typed, and the list keeps what was last loaded.

use yew::prelude::*;

use super::context::use_app;
use crate::store::Connection;

#[component]
pub fn ConnectionBanner() -> Html {
    let app = use_app();
    let Some(remote) = &app.remote else {
        // An in-browser instance reading its saved inventory (IndexedDB is asynchronous).
        return match app.loading {
            true => html! {
                <div class="banner banner-connection" role="status" aria-live="polite">
                    <span class="spinner" aria-hidden="true"></span>
                    <span>{ "Loading your saved inventory…" }</span>
                </div>
            },
            false => html! {},
        };
    };
    let api = remote.api.clone();
    let shown = if remote.loaded() {
        "The list shows what was last loaded; "
    } else {
        ""
    };
    match &remote.connection {
        Connection::Online => html! {},
        Connection::Loading => html! {
            <div class="banner banner-connection" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                <span>{ "Loading the certificates from " }<code>{ api }</code>{ "…" }</span>
            </div>
        },
        Connection::Offline(why) => html! {
            <div class="banner banner-offline" role="alert">
                <span class="banner-icon" aria-hidden="true">{ "⚠" }</span>
                <span>
                    <strong>{ "The server cannot be reached. " }</strong>
                    { format!("({}.) {shown}Certdesk tries again every 5 seconds. Anything you are typing is kept; what you submit while the server is away is refused, not lost: submit it again when this message is gone.", why.trim_end_matches('.')) }
                </span>
            </div>
        },
        Connection::Denied(why) => html! {
            <div class="banner banner-offline" role="alert">
                <span class="banner-icon" aria-hidden="true">{ "⚠" }</span>
                <span><strong>{ "Not signed in. " }</strong>{ why.clone() }</span>
            </div>
        },
    }
}
