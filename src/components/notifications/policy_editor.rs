//! Adding or editing a notification policy, with the preview of what each
//! contact would get over the next 90 days before it is saved.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::policy_fields::PolicyContacts;
use crate::components::context::{use_app, use_handle};
use crate::components::dialogs::Dialog;
use crate::components::hooks::{use_dialogs, use_id_prefix};
use crate::components::modal::Modal;
use crate::components::text_field::TextField;
use crate::rules::sort;
use crate::rules::{
    Channel, LeadTime, PolicyScope, Reminder, ReminderEvent, Repeat, reminder_schedule,
    validate_policy,
};
use crate::store::Inventory;
use crate::store::policy_form::{PolicyChange, PolicyForm};

#[derive(Properties, PartialEq)]
pub struct PolicyEditorProps {
    /// The policy to edit; `None`: a new one.
    pub id: Option<AttrValue>,
    pub on_close: Callback<()>,
}

/// How far the preview looks ahead.
const PREVIEW_DAYS: u64 = 90;

#[component]
pub fn PolicyEditor(props: &PolicyEditorProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let dialogs = use_dialogs();
    let ids = use_id_prefix();
    let form = {
        let existing = props.id.as_ref().and_then(|id| {
            app.inventory
                .policies
                .iter()
                .find(|p| p.id == id.as_str())
                .cloned()
        });
        let all = app.inventory.policies.clone();
        use_reducer(move || existing.map_or_else(|| PolicyForm::new(&all), PolicyForm::edit))
    };
    let saving = use_state(|| false);
    let change = {
        let form = form.clone();
        Callback::from(move |c: PolicyChange| form.dispatch(c))
    };
    let errors = form.errors();
    let p = &form.policy;
    let today = app.today();
    let preview = {
        let (inventory, policy) = (app.inventory.clone(), p.clone());
        use_memo((policy, today, app.rev), move |(policy, today, _)| {
            let to = *today + chrono::Days::new(PREVIEW_DAYS);
            reminder_schedule(
                std::slice::from_ref(policy),
                &inventory.certificates,
                *today,
                to,
            )
        })
    };
    let back = {
        let dialogs = dialogs.clone();
        Callback::from(move |_| dialogs.open(Dialog::Notifications))
    };
    let save = {
        let (form, handle, dialogs, saving) = (
            form.clone(),
            handle.clone(),
            dialogs.clone(),
            saving.clone(),
        );
        Callback::from(move |_| {
            if *saving {
                return;
            }
            if validate_policy(&form.policy).is_err() {
                form.dispatch(PolicyChange::ShowErrors);
                return;
            }
            saving.set(true);
            let (policy, handle, dialogs, saving) = (
                form.policy.clone(),
                handle.clone(),
                dialogs.clone(),
                saving.clone(),
            );
            spawn_local(async move {
                match handle.save_policy(policy).await {
                    Ok(()) => dialogs.open(Dialog::Notifications),
                    // The handle shows why; everything typed stays in the form.
                    Err(_) => saving.set(false),
                }
            });
        })
    };
    let on_time = change.reform(|v: String| {
        PolicyChange::SendAt(crate::rules::parse_hhmm(&v).unwrap_or(crate::rules::WINDOW_START))
    });
    let all = p.scope == PolicyScope::All;
    let footer = html! {
        <>
            <button type="button" class="btn" onclick={back}>{ "Back to notifications" }</button>
            <button type="button" class="btn btn-primary" id={ids.id("policy-save")} onclick={save}
                    disabled={*saving} aria-busy={saving.to_string()}>{ if *saving { "Saving…" } else { "Save policy" } }</button>
        </>
    };
    let title = if props.id.is_some() {
        "Edit notification policy"
    } else {
        "Add notification policy"
    };
    html! {
        <Modal id={ids.id("policy-editor")} class={classes!("policy-editor")} {title} on_close={props.on_close.clone()} side=true wide=true {footer}>
            <div class="order-layout">
                <div class="order-form">
                    if !errors.is_empty() {
                        <p class="field-error" role="alert">{ "The policy was not saved: correct the fields marked below." }</p>
                    }
                    <TextField id={ids.id("policy-name")} label="Policy name" value={p.name.clone()} required=true
                               on_input={change.reform(PolicyChange::Name)} error={errors.name.clone()} />
                    <fieldset class="radio-row">
                        <legend>{ "First reminder" }</legend>
                        for lead in LeadTime::ALL {
                            <label class="check">
                                <input type="radio" name={ids.id("policy-lead")} checked={p.lead == lead}
                                       onchange={change.reform(move |_| PolicyChange::Lead(lead))} />
                                { format!("{} days before expiry", lead.days()) }
                            </label>
                        }
                    </fieldset>
                    <label class="field-label" for={ids.id("policy-repeat")}>{ "Repeat" }</label>
                    <select id={ids.id("policy-repeat")} onchange={change.reform(|e: Event| {
                        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        PolicyChange::Repeat(Repeat::ALL.into_iter().find(|r| r.label() == v).unwrap_or_default())
                    })}>
                        for r in Repeat::ALL {
                            <option value={r.label()} selected={p.repeat == r}>{ r.label() }</option>
                        }
                    </select>
                    <div class="field-row">
                        <div>
                            <label class="field-label" for={ids.id("policy-time")}>{ "Send at (UTC)" }</label>
                            <input type="time" id={ids.id("policy-time")} value={crate::rules::hhmm(p.send_at)}
                                   onchange={on_time.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value())} />
                        </div>
                        <label class="check">
                            <input type="checkbox" checked={p.quiet_hours}
                                   onchange={change.reform({ let on = !p.quiet_hours; move |_| PolicyChange::QuietHours(on) })} />
                            { "Only from 09:00 to 20:00 (quiet hours outside)" }
                        </label>
                    </div>
                    <fieldset class="scope">
                        <legend>{ "Certificates" }</legend>
                        <label class="check"><input type="radio" name={ids.id("policy-scope")} checked={all}
                               onchange={change.reform(|_| PolicyChange::ScopeAll(true))} />{ "All certificates" }</label>
                        <label class="check"><input type="radio" name={ids.id("policy-scope")} checked={!all}
                               onchange={change.reform(|_| PolicyChange::ScopeAll(false))} />{ "Chosen certificates" }</label>
                        if let PolicyScope::Certificates(chosen) = &p.scope {
                            <div class="scope-list">
                                for c in app.inventory.certificates.iter().filter(|c| c.association.is_none()) {
                                    <label class="check">
                                        <input type="checkbox" checked={chosen.contains(&c.id)}
                                               onchange={change.reform({ let id = c.id.clone(); move |_| PolicyChange::ToggleCertificate(id.clone()) })} />
                                        { format!("{} ({})", c.name, c.id) }
                                    </label>
                                }
                            </div>
                        }
                        if let Some(message) = errors.scope.clone() { <p class="field-error" role="alert">{ message }</p> }
                    </fieldset>
                    if let Some(message) = errors.contacts.clone() { <p class="field-error" role="alert">{ message }</p> }
                    <PolicyContacts contacts={p.contacts.clone()} errors={errors.contact.clone()} ids={ids.clone()} on_change={change.clone()} />
                </div>
                <aside class="preview" aria-labelledby={ids.id("policy-preview-title")}>
                    <h3 id={ids.id("policy-preview-title")}>{ format!("Preview: the next {PREVIEW_DAYS} days") }</h3>
                    <div aria-live="polite" class="policy-preview">
                        if preview.is_empty() {
                            <p class="muted">{ "No reminder would be sent in the next 90 days with this policy." }</p>
                        }
                        for contact in p.contacts.iter() {
                            { contact_preview(&contact.name, &preview, &app.inventory) }
                        }
                    </div>
                </aside>
            </div>
        </Modal>
    }
}

/// How many reminders, the first and last day, and the channels.
type Group = (usize, NaiveDate, NaiveDate, BTreeSet<Channel>);

/// What one contact would get, one line per certificate and event: how many
/// reminders, from when to when, on which channels.
fn contact_preview(name: &str, preview: &[Reminder], inventory: &Inventory) -> Html {
    let mut groups: BTreeMap<(&str, ReminderEvent), Group> = BTreeMap::new();
    for r in preview.iter().filter(|r| r.contact == name) {
        let g = groups
            .entry((r.certificate_id.as_str(), r.event))
            .or_insert((0, r.on, r.on, BTreeSet::new()));
        g.0 += 1;
        g.1 = g.1.min(r.on);
        g.2 = g.2.max(r.on);
        g.3.insert(r.channel);
    }
    if groups.is_empty() {
        return html! {};
    }
    let total: usize = groups.values().map(|g| g.0).sum();
    let mut lines: Vec<_> = groups.into_iter().collect();
    sort::sort_by_key(&mut lines, |(_, g)| g.1);
    html! {
        <div class="preview-block">
            <h4>{ format!("{} ({total} reminder{})", if name.trim().is_empty() { "Unnamed contact" } else { name }, if total == 1 { "" } else { "s" }) }</h4>
            <ul class="preview-reminders">
                for ((id, event), (n, first, last, channels)) in lines.iter().take(15) {
                    <li>
                        <strong>{ inventory.find(id).map_or_else(|| id.to_string(), |c| c.name.clone()) }</strong>
                        { format!(" · {}: ", event.label()) }
                        { if n == &1 { format!("1 reminder on {first}") } else { format!("{n} reminders, {first} to {last}") } }
                        { format!(" · {}", channels.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")) }
                    </li>
                }
            </ul>
            if lines.len() > 15 { <p class="muted">{ format!("And {} more certificates or events.", lines.len() - 15) }</p> }
        </div>
    }
}
