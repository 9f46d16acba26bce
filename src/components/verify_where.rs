//! Step 2 of the verification walkthrough: which host to check, and how to
//! see what it serves: the documents' Chrome padlock steps and the exact
//! `openssl s_client` command, ready to copy.

use yew::prelude::*;

use super::copy_button::CopyButton;
use super::hooks::use_id_prefix;

#[derive(Properties, PartialEq)]
pub struct VerifyWhereProps {
    pub host: AttrValue,
    pub host_error: Option<AttrValue>,
    /// A wildcard certificate: the user names the host.
    pub wildcard: bool,
    pub on_host: Callback<String>,
}

/// The command for `host` (empty host: a placeholder the user sees as such).
pub fn s_client_command(host: &str) -> String {
    let host = if host.trim().is_empty() {
        "HOST"
    } else {
        host.trim()
    };
    format!("openssl s_client -connect {host}:443 -servername {host} -showcerts </dev/null")
}

#[component]
pub fn VerifyWhere(props: &VerifyWhereProps) -> Html {
    let ids = use_id_prefix();
    let oninput = {
        let on_host = props.on_host.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_host.emit(el.value());
        })
    };
    let host = props.host.trim().to_string();
    let shown = if host.is_empty() {
        "your host name".to_string()
    } else {
        host.clone()
    };
    let command = s_client_command(&host);
    let hint = if props.wildcard {
        "This is a wildcard certificate: enter the host name to check, such as www.example.com (a wildcard covers one label)."
    } else {
        "A name this certificate covers."
    };
    let described = if props.host_error.is_some() {
        ids.ids(["verify-host-hint", "verify-host-error"])
    } else {
        ids.ids(["verify-host-hint"])
    };
    html! {
        <>
            <div class="form-field form-field-inline">
                <label for={ids.id("verify-host")}>{ "Host name to check" }</label>
                <input id={ids.id("verify-host")} type="text" value={props.host.clone()} {oninput} spellcheck="false" autocomplete="off"
                       aria-invalid={props.host_error.is_some().to_string()} aria-describedby={described} />
                <p class="hint" id={ids.id("verify-host-hint")}>{ hint }</p>
                if let Some(e) = &props.host_error {
                    <p id={ids.id("verify-host-error")} class="field-error" role="alert">{ e.clone() }</p>
                }
            </div>
            <h4>{ "In a browser such as Chrome" }</h4>
            <ol class="browser-steps">
                <li>{ "Enter " }<span class="mono">{ format!("https://{shown}") }</span>{ " in the address bar and open the site." }</li>
                <li>{ "Click the icon left of the address (the padlock, or \"View site information\"), then click \"Connection is secure\"." }</li>
                <li>{ "Click \"Certificate is valid\". In the panel that appears, check the expiration date (\"Expires On\", under Validity Period)." }</li>
            </ol>
            <p class="muted">{ "The new certificate is deployed if that date matches the new certificate's expiration date (step 1)." }</p>
            <h4>{ "Or with openssl, from any computer" }</h4>
            <div class="command">
                <code id={ids.id("verify-command")}>{ command.clone() }</code>
                <CopyButton text={command} what="the openssl command" />
            </div>
            <p class="muted">{ "It prints the chain the site sends; paste all of it below." }</p>
        </>
    }
}
