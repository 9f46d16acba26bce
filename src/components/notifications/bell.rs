//! The bell in the page header: how many things are due as of the As of
//! date; it opens the notification centre. While the page is open and the
//! user allowed it, each newly due thing also shows as a browser notification.

use std::collections::HashSet;

use yew::prelude::*;

use super::due;
use crate::components::context::use_app;
use crate::components::dialogs::Dialog;
use crate::components::hooks::use_dialogs;
use crate::platform::notify;

#[component]
pub fn NotificationBell() -> Html {
    let app = use_app();
    let dialogs = use_dialogs();
    let today = app.today();
    let alerts = {
        let inventory = app.inventory.clone();
        use_memo((app.rev, today), move |(_, today)| due(&inventory, *today))
    };
    // Alerts already known in this page: those due when it opened are in the
    // bell; only what becomes due later is also told as a browser notification.
    // The inventory is there once storage (or the server) has answered: what is
    // due then is what was due when the page opened.
    let arrived = !app.loading && app.remote.as_ref().is_none_or(|r| r.loaded());
    let known = use_mut_ref(|| None::<HashSet<String>>);
    {
        let (alerts, known) = (alerts.clone(), known.clone());
        use_effect_with((alerts, arrived), move |(alerts, arrived)| {
            if !arrived {
                return;
            }
            let mut known = known.borrow_mut();
            let first = known.is_none();
            let known = known.get_or_insert_with(HashSet::new);
            for alert in alerts.iter() {
                let key = format!("{:?}:{}:{}", alert.event, alert.certificate_id, alert.since);
                if known.insert(key.clone()) && !first {
                    notify::show(alert.event.label(), &alert.message, &key);
                }
            }
        });
    }
    let n = alerts.len();
    let label = match n {
        0 => "Notifications: nothing due".to_string(),
        1 => "Notifications: 1 due".to_string(),
        n => format!("Notifications: {n} due"),
    };
    html! {
        <button type="button" class={classes!("btn", "bell", (n > 0).then_some("bell-due"))}
                aria-label={label.clone()} title={label} onclick={dialogs.opener(Dialog::Notifications)}>
            <svg class="bell-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.3 1.6a.6.6 0 0 1-.5 1H2.7a.6.6 0 0 1-.5-1l1.3-1.6V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.3 13.8h3.4a1.7 1.7 0 0 1-3.4 0z" />
            </svg>
            <span aria-hidden="true">{ "Notifications" }</span>
            // The space keeps the visible text "Notifications 8" inside the label
            // "Notifications: 8 due" (WCAG 2.5.3, label in name), not "Notifications8".
            if n > 0 { { " " } <span class="bell-count" aria-hidden="true">{ n }</span> }
        </button>
    }
}
