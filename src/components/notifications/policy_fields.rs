//! The contacts of a policy: name, email, phone, channels and the webhook of
//! each webhook channel, each field with its error.

use yew::prelude::*;

use crate::components::hooks::IdPrefix;
use crate::components::text_field::TextField;
use crate::rules::{Channel, MAX_CONTACTS, PolicyContact, PolicyContactErrors};
use crate::store::policy_form::{ContactField, PolicyChange};

#[derive(Properties, PartialEq)]
pub struct PolicyContactsProps {
    pub contacts: Vec<PolicyContact>,
    pub errors: Vec<(usize, PolicyContactErrors)>,
    pub ids: IdPrefix,
    pub on_change: Callback<PolicyChange>,
}

fn webhook_of(contact: &PolicyContact, channel: Channel) -> String {
    contact
        .webhooks
        .iter()
        .find(|(c, _)| *c == channel)
        .map(|(_, u)| u.clone())
        .unwrap_or_default()
}

#[component]
pub fn PolicyContacts(props: &PolicyContactsProps) -> Html {
    let on_change = &props.on_change;
    let full = props.contacts.len() >= MAX_CONTACTS;
    html! {
        <fieldset class="policy-contacts">
            <legend>{ format!("Contacts ({} of at most {MAX_CONTACTS})", props.contacts.len()) }</legend>
            for (i, contact) in props.contacts.iter().enumerate() {
                { contact_html(i, contact, props.errors.iter().find(|(k, _)| *k == i).map(|(_, e)| e), &props.ids, on_change) }
            }
            <button type="button" class="btn add-contact" disabled={full}
                    aria-describedby={full.then(|| props.ids.id("contacts-full"))}
                    onclick={on_change.reform(|_| PolicyChange::AddContact)}>{ "Add contact" }</button>
            if full {
                <p class="hint" id={props.ids.id("contacts-full")}>{ format!("A policy notifies at most {MAX_CONTACTS} contacts: make a second policy for more.") }</p>
            }
        </fieldset>
    }
}

fn contact_html(
    i: usize,
    contact: &PolicyContact,
    errors: Option<&PolicyContactErrors>,
    ids: &IdPrefix,
    on_change: &Callback<PolicyChange>,
) -> Html {
    let errors = errors.cloned().unwrap_or_default();
    let field = |f: ContactField| on_change.reform(move |v: String| PolicyChange::Contact(i, f, v));
    let channels_error = ids.id(&format!("contact-{i}-channels-error"));
    html! {
        <div class="policy-contact" data-contact={i.to_string()}>
            <div class="contact-head">
                <strong>{ format!("Contact {}", i + 1) }</strong>
                <button type="button" class="btn-link remove-contact" aria-label={format!("Remove contact {}", i + 1)}
                        onclick={on_change.reform(move |_| PolicyChange::RemoveContact(i))}>{ "Remove" }</button>
            </div>
            <div class="field-row">
                <TextField id={ids.id(&format!("contact-{i}-name"))} label="Name" value={contact.name.clone()}
                           on_input={field(ContactField::Name)} error={errors.name.clone()} required=true />
                <TextField id={ids.id(&format!("contact-{i}-email"))} label="Email" input_type="email" value={contact.email.clone()}
                           on_input={field(ContactField::Email)} error={errors.email.clone()} autocomplete="email" />
                <TextField id={ids.id(&format!("contact-{i}-phone"))} label="Phone (optional)" input_type="tel" value={contact.phone.clone()}
                           on_input={field(ContactField::Phone)} error={errors.phone.clone()} autocomplete="tel" />
            </div>
            <fieldset class="channels" aria-describedby={errors.channels.is_some().then(|| channels_error.clone())}>
                <legend>{ "Channels" }</legend>
                for channel in Channel::ALL {
                    <label class="check">
                        <input type="checkbox" checked={contact.channels.contains(&channel)}
                               onchange={on_change.reform(move |_| PolicyChange::ToggleChannel(i, channel))} />
                        { channel.label() }
                    </label>
                }
            </fieldset>
            if let Some(message) = errors.channels.clone() {
                <p class="field-error" id={channels_error} role="alert">{ message }</p>
            }
            for channel in contact.channels.iter().copied().filter(|c| c.needs_webhook()) {
                <TextField id={ids.id(&format!("contact-{i}-{}", format!("{channel:?}").to_lowercase()))}
                           label={format!("{} URL", channel.label())} input_type="url" value={webhook_of(contact, channel)}
                           hint="https:// only: reminders name your certificates."
                           on_input={on_change.reform(move |v: String| PolicyChange::Webhook(i, channel, v))}
                           error={errors.webhooks.iter().find(|(c, _)| *c == channel).map(|(_, m)| m.clone())} />
            }
        </div>
    }
}
