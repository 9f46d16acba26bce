//! The notification policy form as a reducer: the draft policy, the changes
//! the form makes to it, and its errors (shown once the user tried to save).

use std::rc::Rc;

use chrono::NaiveTime;

use crate::rules::sort;
use crate::rules::{
    Channel, LeadTime, MAX_CONTACTS, NotificationPolicy, PolicyContact, PolicyErrors, PolicyScope,
    Repeat, validate_policy,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyForm {
    pub policy: NotificationPolicy,
    /// Errors are shown after the first attempt to save.
    pub show_errors: bool,
}

/// Which text field of a contact changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Email,
    Phone,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyChange {
    Name(String),
    Lead(LeadTime),
    Repeat(Repeat),
    QuietHours(bool),
    SendAt(NaiveTime),
    ScopeAll(bool),
    ToggleCertificate(String),
    AddContact,
    RemoveContact(usize),
    Contact(usize, ContactField, String),
    ToggleChannel(usize, Channel),
    Webhook(usize, Channel, String),
    ShowErrors,
}

/// A fresh policy id: one more than any "policy-N" already used.
pub fn next_policy_id(existing: &[NotificationPolicy]) -> String {
    let n = existing
        .iter()
        .filter_map(|p| p.id.strip_prefix("policy-")?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("policy-{}", n + 1)
}

impl PolicyForm {
    /// A new custom policy: 30 days ahead, repeated every 3 days, one empty contact.
    pub fn new(existing: &[NotificationPolicy]) -> Self {
        let mut policy = NotificationPolicy::default_for(PolicyContact {
            channels: vec![Channel::Email],
            ..Default::default()
        });
        policy.id = next_policy_id(existing);
        policy.name = String::new();
        policy.repeat = Repeat::EveryDays(3);
        PolicyForm {
            policy,
            show_errors: false,
        }
    }

    pub fn edit(policy: NotificationPolicy) -> Self {
        PolicyForm {
            policy,
            show_errors: false,
        }
    }

    /// The errors to show now.
    pub fn errors(&self) -> PolicyErrors {
        match validate_policy(&self.policy) {
            Err(errors) if self.show_errors => errors,
            _ => PolicyErrors::default(),
        }
    }

    pub fn can_add_contact(&self) -> bool {
        self.policy.contacts.len() < MAX_CONTACTS
    }
}

impl yew::Reducible for PolicyForm {
    type Action = PolicyChange;

    fn reduce(self: Rc<Self>, change: PolicyChange) -> Rc<Self> {
        let mut next = (*self).clone();
        let p = &mut next.policy;
        match change {
            PolicyChange::Name(name) => p.name = name,
            PolicyChange::Lead(lead) => p.lead = lead,
            PolicyChange::Repeat(repeat) => p.repeat = repeat,
            PolicyChange::QuietHours(on) => p.quiet_hours = on,
            PolicyChange::SendAt(at) => p.send_at = at,
            PolicyChange::ScopeAll(true) => p.scope = PolicyScope::All,
            PolicyChange::ScopeAll(false) => {
                if p.scope == PolicyScope::All {
                    p.scope = PolicyScope::Certificates(Vec::new());
                }
            }
            PolicyChange::ToggleCertificate(id) => {
                if let PolicyScope::Certificates(ids) = &mut p.scope {
                    match ids.iter().position(|i| *i == id) {
                        Some(at) => {
                            ids.remove(at);
                        }
                        None => ids.push(id),
                    }
                }
            }
            // The 11th contact is refused by the form (the button says why), never stored.
            PolicyChange::AddContact if p.contacts.len() < MAX_CONTACTS => {
                p.contacts.push(PolicyContact {
                    channels: vec![Channel::Email],
                    ..Default::default()
                })
            }
            PolicyChange::AddContact => next.show_errors = true,
            PolicyChange::RemoveContact(i) => {
                if i < p.contacts.len() {
                    p.contacts.remove(i);
                }
            }
            PolicyChange::Contact(i, field, value) => {
                if let Some(c) = p.contacts.get_mut(i) {
                    match field {
                        ContactField::Name => c.name = value,
                        ContactField::Email => c.email = value,
                        ContactField::Phone => c.phone = value,
                    }
                }
            }
            PolicyChange::ToggleChannel(i, channel) => {
                if let Some(c) = p.contacts.get_mut(i) {
                    match c.channels.iter().position(|x| *x == channel) {
                        Some(at) => {
                            c.channels.remove(at);
                        }
                        None => {
                            c.channels.push(channel);
                            sort::sort(&mut c.channels);
                        }
                    }
                }
            }
            PolicyChange::Webhook(i, channel, url) => {
                if let Some(c) = p.contacts.get_mut(i) {
                    c.webhooks.retain(|(ch, _)| *ch != channel);
                    c.webhooks.push((channel, url));
                }
            }
            PolicyChange::ShowErrors => next.show_errors = true,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use yew::Reducible;

    use super::*;

    fn apply(form: PolicyForm, changes: Vec<PolicyChange>) -> PolicyForm {
        let mut form = Rc::new(form);
        for c in changes {
            form = form.reduce(c);
        }
        Rc::unwrap_or_clone(form)
    }

    #[test]
    fn a_new_policy_is_checked_only_after_saving_was_tried() {
        let form = PolicyForm::new(&[]);
        assert_eq!(form.policy.id, "policy-1");
        assert!(
            form.errors().is_empty(),
            "nothing shown before the first save"
        );
        let form = apply(form, vec![PolicyChange::ShowErrors]);
        let errors = form.errors();
        assert!(errors.name.is_some());
        assert!(!errors.contact.is_empty(), "the empty contact is named");
    }

    #[test]
    fn contacts_channels_and_webhooks_change_as_typed() {
        let form = apply(
            PolicyForm::new(&[]),
            vec![
                PolicyChange::Name("Ops".into()),
                PolicyChange::Contact(0, ContactField::Name, "Ops team".into()),
                PolicyChange::Contact(0, ContactField::Email, "ops@example.com".into()),
                PolicyChange::ToggleChannel(0, Channel::DingTalk),
                PolicyChange::Webhook(
                    0,
                    Channel::DingTalk,
                    "http://oapi.dingtalk.com/robot".into(),
                ),
                PolicyChange::ShowErrors,
            ],
        );
        let errors = form.errors();
        let (_, contact) = &errors.contact[0];
        assert!(contact.webhooks[0].1.contains("https://"), "{contact:?}");
        let form = apply(
            form,
            vec![PolicyChange::Webhook(
                0,
                Channel::DingTalk,
                "https://oapi.dingtalk.com/robot/send?access_token=x".into(),
            )],
        );
        assert!(form.errors().is_empty(), "{:?}", form.errors());
    }

    #[test]
    fn the_eleventh_contact_is_refused_and_the_scope_toggles() {
        let mut form = PolicyForm::new(&[]);
        for _ in 0..12 {
            form = apply(form, vec![PolicyChange::AddContact]);
        }
        assert_eq!(form.policy.contacts.len(), MAX_CONTACTS);
        assert!(!form.can_add_contact());
        let form = apply(
            form,
            vec![
                PolicyChange::ScopeAll(false),
                PolicyChange::ToggleCertificate("cas-1".into()),
                PolicyChange::ToggleCertificate("cas-2".into()),
                PolicyChange::ToggleCertificate("cas-1".into()),
            ],
        );
        assert_eq!(
            form.policy.scope,
            PolicyScope::Certificates(vec!["cas-2".into()])
        );
    }
}
