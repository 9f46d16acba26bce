//! The notification centre: what is due now (each with its certificate and
//! action), browser notifications, the policies, the sandbox outbox and the
//! calendar export.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{action_for, download_calendar, due, outbox};
use crate::components::context::{use_app, use_handle};
use crate::components::dialogs::Dialog;
use crate::components::hooks::{use_dialogs, use_id_prefix};
use crate::components::modal::Modal;
use crate::platform::notify::{self, Permission};
use crate::rules::{NotificationPolicy, PolicyScope, Repeat, hhmm};
use crate::store::{Action, Notice, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct NotificationCentreProps {
    pub on_close: Callback<()>,
}

fn policy_summary(p: &NotificationPolicy) -> String {
    let scope = match &p.scope {
        PolicyScope::All => "all certificates".to_string(),
        PolicyScope::Certificates(ids) if ids.len() == 1 => "1 certificate".to_string(),
        PolicyScope::Certificates(ids) => format!("{} certificates", ids.len()),
    };
    let contacts = p.contacts.len();
    format!(
        "{} days ahead · {} · {contacts} contact{} · {scope}{}",
        p.lead.days(),
        match p.repeat {
            Repeat::Once => "once".to_string(),
            other => other.label().to_lowercase(),
        },
        if contacts == 1 { "" } else { "s" },
        if p.quiet_hours {
            " · 09:00–20:00 only"
        } else {
            ""
        }
    )
}

fn permission_text(permission: Permission) -> &'static str {
    match permission {
        Permission::Unsupported => {
            "This browser cannot show notifications for this page (it needs https or localhost and a browser that has them). The bell above still counts what is due."
        }
        Permission::Default => {
            "Get a browser notification when something becomes due while this page is open. The browser asks you first."
        }
        Permission::Granted => {
            "On: you get a browser notification when something becomes due while this page is open."
        }
        Permission::Denied => {
            "Blocked: this browser refuses notifications for this site. To turn them on, allow notifications in the site settings (the icon left of the address), then reload the page. Certdesk will not ask again."
        }
    }
}

#[component]
pub fn NotificationCentre(props: &NotificationCentreProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let dialogs = use_dialogs();
    let ids = use_id_prefix();
    let today = app.today();
    let alerts = due(&app.inventory, today);
    let sent = outbox(&app.inventory, today);
    let permission = use_state(notify::permission);
    let ask = {
        let permission = permission.clone();
        Callback::from(move |_| {
            let permission = permission.clone();
            spawn_local(async move { permission.set(notify::request().await) });
        })
    };
    let on_ics = {
        let app = app.clone();
        Callback::from(move |_| {
            let all = &app.inventory.certificates;
            let file = "certdesk-renewals.ics";
            if let Err(e) = download_calendar(&app.inventory, all, app.today(), app.now_ms, file) {
                app.dispatch(Action::Notify(Notice::new(
                    NoticeKind::Error,
                    format!("The calendar was not downloaded: {e}"),
                )));
            }
        })
    };
    let footer = html! { <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button> };
    html! {
        <Modal id={ids.id("notification-centre")} class={classes!("notification-centre")} title="Notifications" on_close={props.on_close.clone()} side=true {footer}>
            <section aria-labelledby={ids.id("due-title")}>
                <h3 id={ids.id("due-title")}>{ format!("Due as of {today} ({})", alerts.len()) }</h3>
                if alerts.is_empty() {
                    <p class="muted">{ "Nothing is due: no certificate needs you on this date." }</p>
                } else {
                    <ul class="alerts">
                        for alert in alerts.iter() {
                            <li class="alert-item" data-id={alert.certificate_id.clone()}>
                                <span class="alert-kind">{ alert.event.label() }</span>
                                <p>{ alert.message.clone() }</p>
                                <div class="button-row">
                                    <button type="button" class="btn btn-small" onclick={dialogs.opener(Dialog::Details(alert.certificate_id.clone()))}>{ "Certificate details" }</button>
                                    if let Some((dialog, label)) = action_for(&app.inventory, &alert.certificate_id, today) {
                                        <button type="button" class="btn btn-small btn-primary" onclick={dialogs.opener(dialog)}>{ label }</button>
                                    }
                                </div>
                            </li>
                        }
                    </ul>
                }
            </section>
            <section aria-labelledby={ids.id("browser-title")}>
                <h3 id={ids.id("browser-title")}>{ "Browser notifications" }</h3>
                <p class="browser-permission">{ permission_text(*permission) }</p>
                if *permission == Permission::Default {
                    <button type="button" class="btn" onclick={ask}>{ "Turn on browser notifications" }</button>
                }
            </section>
            <section aria-labelledby={ids.id("policies-title")}>
                <h3 id={ids.id("policies-title")}>{ "Notification policies" }</h3>
                if app.inventory.policies.is_empty() {
                    <p class="muted">{ "No policy: the bell uses the default of 30 days before expiry, and nobody is sent anything. Add a policy to name who is told, how and how often." }</p>
                }
                <ul class="policies">
                    for policy in app.inventory.policies.iter() {
                        <li class="policy-item" data-policy={policy.id.clone()}>
                            <strong>{ policy.name.clone() }</strong>
                            <span class="muted">{ policy_summary(policy) }</span>
                            <div class="button-row">
                                <button type="button" class="btn btn-small" aria-label={format!("Edit {}", policy.name)}
                                        onclick={dialogs.opener(Dialog::Policy(Some(policy.id.clone())))}>{ "Edit" }</button>
                                <button type="button" class="btn btn-small btn-danger-text" aria-label={format!("Delete {}", policy.name)}
                                        onclick={{ let (handle, id) = (handle.clone(), policy.id.clone()); move |_| { let (handle, id) = (handle.clone(), id.clone()); spawn_local(async move { let _ = handle.delete_policy(&id).await; }); } }}>{ "Delete" }</button>
                            </div>
                        </li>
                    }
                </ul>
                <button type="button" class="btn btn-primary add-policy" onclick={dialogs.opener(Dialog::Policy(None))}>{ "Add policy" }</button>
            </section>
            <section aria-labelledby={ids.id("outbox-title")} class="outbox">
                <h3 id={ids.id("outbox-title")}>{ "Outbox" }<span class="sandbox-label">{ "Sandbox" }</span></h3>
                <p class="muted">{ "The sandbox sends nothing. This is what the policies would have sent in the last 30 days, newest first." }</p>
                if sent.is_empty() {
                    <p class="muted">{ "Nothing would have been sent." }</p>
                } else {
                    <ul class="outbox-list">
                        for r in sent.iter().take(50) {
                            <li>
                                <span class="outbox-when">{ format!("{} {}", r.on, hhmm(r.at)) }</span>
                                { format!(" Would send to {} ({}) by {}: ", r.contact, r.target, r.channel.label()) }
                                <span>{ r.message.clone() }</span>
                            </li>
                        }
                    </ul>
                    if sent.len() > 50 { <p class="muted">{ format!("And {} earlier.", sent.len() - 50) }</p> }
                }
            </section>
            <section aria-labelledby={ids.id("calendar-title")}>
                <h3 id={ids.id("calendar-title")}>{ "Calendar" }</h3>
                <p class="muted">{ "Every expiry, Managed Service start, in-term reissue, review deadline and validation deadline as an iCalendar file, with alarms from your policies' lead times. Importing it again updates the events instead of duplicating them." }</p>
                <button type="button" class="btn download-ics" onclick={on_ics}>{ "Download calendar (.ics)" }</button>
            </section>
        </Modal>
    }
}
