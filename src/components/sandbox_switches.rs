//! The sandbox's switches, so every path can be walked: make the next CA
//! review or managed deployment fail.

use yew::prelude::*;

use super::context::use_app;
use super::hooks::use_id_prefix;
use crate::store::Action;

#[component]
pub fn SandboxSwitches() -> Html {
    let app = use_app();
    let ids = use_id_prefix();
    if app.remote.is_some() {
        // A server's CA is not switched from a browser.
        return html! {};
    }
    let settings = app.inventory.sandbox.clone();
    let toggle = |flip: fn(&mut crate::store::inventory::SandboxSettings, bool)| {
        let (app, settings) = (app.clone(), settings.clone());
        Callback::from(move |e: Event| {
            let mut next = settings.clone();
            flip(
                &mut next,
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            );
            app.dispatch(Action::SetSandbox(next));
        })
    };
    html! {
        <fieldset class="sandbox-switches">
            <legend>{ "Sandbox CA settings" }</legend>
            <div class="field field-inline">
                <input type="checkbox" id={ids.id("sandbox-fail-review")} checked={settings.fail_next_review}
                       onchange={toggle(|s, on| s.fail_next_review = on)} />
                <label for={ids.id("sandbox-fail-review")}>{ "Make the next CA review fail (Validation Failed)" }</label>
            </div>
            <div class="field field-inline">
                <input type="checkbox" id={ids.id("sandbox-fail-deployment")} checked={settings.fail_next_deployment}
                       onchange={toggle(|s, on| s.fail_next_deployment = on)} />
                <label for={ids.id("sandbox-fail-deployment")}>{ "Make the next managed deployment task fail" }</label>
            </div>
        </fieldset>
    }
}
