//! The "As of" date in the header: view the console on another day.

use yew::prelude::*;

use super::context::use_app;
use super::hooks::use_id_prefix;
use crate::store::Action;
use crate::store::as_of::{EARLIEST, LATEST, parse_as_of};

#[component]
pub fn AsOfControl() -> Html {
    let app = use_app();
    let ids = use_id_prefix();
    let error = use_state(|| None::<String>);
    let onchange = {
        let app = app.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match parse_as_of(&input.value()) {
                Ok(date) => {
                    error.set(None);
                    app.dispatch(Action::SetAsOf(Some(date)));
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let to_today = {
        let app = app.clone();
        let error = error.clone();
        Callback::from(move |_| {
            error.set(None);
            app.dispatch(Action::SetAsOf(None));
        })
    };
    html! {
        <div class="as-of">
            <label for={ids.id("as-of-date")}>{ "As of" }</label>
            <input
                id={ids.id("as-of-date")}
                type="date"
                value={app.today().to_string()}
                min={EARLIEST.to_string()}
                max={LATEST.to_string()}
                {onchange}
                aria-invalid={error.is_some().to_string()}
                aria-describedby={error.is_some().then(|| ids.id("as-of-error"))}
            />
            <button type="button" class="btn btn-small" onclick={to_today} disabled={app.as_of.is_none()}>
                { "Today" }
            </button>
            if let Some(message) = (*error).clone() {
                <p id={ids.id("as-of-error")} class="field-error as-of-error" role="alert">{ message }</p>
            }
        </div>
    }
}
