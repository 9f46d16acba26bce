//! Says clearly when the console is not showing today.

use yew::prelude::*;

use super::context::use_app;
use crate::store::Action;

#[component]
pub fn AsOfBanner() -> Html {
    let app = use_app();
    let Some(as_of) = app.as_of else {
        return html! {};
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::SetAsOf(None)))
    };
    html! {
        <div class="banner banner-as-of" role="status">
            <span class="banner-icon" aria-hidden="true">{ "◷" }</span>
            <span>
                { "Viewing the console as of " }<strong>{ as_of.to_string() }</strong>
                { format!(" (today is {}). Statuses, days left and activation dates are computed for that day.", app.real_today) }
                if let Some(day) = app.remote.as_ref().and_then(|r| r.server_today) {
                    { format!(" This is a what-if view: the server acts on its own date ({day}), so orders and requests are placed as of that day.") }
                }
            </span>
            <button type="button" class="btn btn-small" onclick={back}>{ "Back to today" }</button>
        </div>
    }
}
