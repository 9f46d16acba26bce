//! "Contact": the person the CA emails or calls about the review.

use yew::prelude::*;

use super::hooks::use_id_prefix;
use super::text_field::TextField;
use crate::rules::{Contact, ContactErrors};
use crate::store::order_form::FormChange;

#[derive(Properties, PartialEq)]
pub struct ContactFieldsProps {
    pub contact: Contact,
    /// Errors to show (the panel decides when: after a submit attempt, or once a field was filled).
    pub errors: ContactErrors,
    /// OV and EV: the CA validates through the contact, so it is required.
    pub required: bool,
    pub on_change: Callback<FormChange>,
}

#[component]
pub fn ContactFields(props: &ContactFieldsProps) -> Html {
    let ids = use_id_prefix();
    html! {
        <fieldset class="contact">
            <legend>{ "Contact" }</legend>
            <p class="hint">{ "Depending on the domain validation method, the CA may send a validation email to this contact or call them about the review. Make sure the details are accurate." }</p>
            <TextField id={ids.id("contact-name")} label="Name" value={props.contact.name.clone()} required={props.required}
                       autocomplete={Some(AttrValue::Static("name"))} error={props.errors.name.clone()}
                       on_input={props.on_change.reform(FormChange::ContactName)} />
            <TextField id={ids.id("contact-email")} label="Email" input_type="email" value={props.contact.email.clone()} required={props.required}
                       autocomplete={Some(AttrValue::Static("email"))} error={props.errors.email.clone()}
                       on_input={props.on_change.reform(FormChange::ContactEmail)} />
            <TextField id={ids.id("contact-phone")} label="Mobile phone" input_type="tel" value={props.contact.phone.clone()} required={props.required}
                       autocomplete={Some(AttrValue::Static("tel"))} error={props.errors.phone.clone()}
                       hint={Some(AttrValue::Static("With the country code, e.g. +1 415 555 0134"))}
                       on_input={props.on_change.reform(FormChange::ContactPhone)} />
        </fieldset>
    }
}
