//! Validation of notification policies (issue 13): every message says what to change.

use super::reminders::{ops, policy};
use crate::*;

fn errors(p: &NotificationPolicy) -> PolicyErrors {
    validate_policy(p).err().unwrap_or_default()
}

#[test]
fn the_default_policy_is_valid() {
    assert_eq!(
        validate_policy(&NotificationPolicy::default_for(ops())),
        Ok(())
    );
    for repeat in Repeat::ALL {
        assert_eq!(
            validate_policy(&policy("p", LeadTime::Days90, repeat)),
            Ok(())
        );
    }
}

#[test]
fn a_bad_email_says_how_to_write_it() {
    let mut p = policy("p", LeadTime::Days30, Repeat::Once);
    p.contacts[0].email = "ops.example.com".into();
    let e = errors(&p);
    assert_eq!(e.contact.len(), 1);
    assert_eq!(e.contact[0].0, 0);
    assert_eq!(
        e.contact[0].1.email.as_deref(),
        Some("The email address needs an @: write it as name@example.com")
    );
    p.contacts[0].email = String::new();
    assert_eq!(
        errors(&p).contact[0].1.email.as_deref(),
        Some("Enter the email address reminders go to, or turn email off for this contact")
    );
}

#[test]
fn a_webhook_must_be_https_with_a_host() {
    let mut p = policy("p", LeadTime::Days30, Repeat::Once);
    p.contacts[0].channels.push(Channel::WeCom);
    p.contacts[0]
        .webhooks
        .push((Channel::WeCom, "http://qyapi.example.com/send?key=1".into()));
    let e = errors(&p);
    assert_eq!(
        e.contact[0].1.webhooks,
        [(
            Channel::WeCom,
            "The WeCom webhook must be an https:// URL (this one has http): reminders name your certificates and must not travel unencrypted".to_string()
        )]
    );
    p.contacts[0].webhooks[0].1 = "https:///send?key=1".into();
    assert_eq!(
        errors(&p).contact[0].1.webhooks[0].1,
        "The WeCom webhook URL has no valid host: paste the whole URL the app gave you"
    );
    p.contacts[0].webhooks.clear();
    assert_eq!(
        errors(&p).contact[0].1.webhooks[0].1,
        "Enter the WeCom webhook URL, or turn that channel off"
    );
    assert_eq!(
        check_webhook(
            Channel::Lark,
            "HTTPS://open.feishu.cn/open-apis/bot/v2/hook/x"
        ),
        None
    );
    assert_eq!(
        check_webhook(
            Channel::DingTalk,
            "https://user@oapi.dingtalk.com:443/robot/send"
        ),
        None
    );
    assert!(
        check_webhook(Channel::DingTalk, "oapi.dingtalk.com/robot")
            .is_some_and(|m| m.contains("has no scheme"))
    );
}

#[test]
fn an_eleventh_contact_is_refused() {
    let mut p = policy("p", LeadTime::Days30, Repeat::Once);
    p.contacts = (1..=11)
        .map(|i| PolicyContact {
            name: format!("Person {i}"),
            ..ops()
        })
        .collect();
    assert_eq!(
        errors(&p).contacts.as_deref(),
        Some("A policy notifies at most 10 contacts (11 now): remove 1 or make a second policy")
    );
    p.contacts.pop();
    assert_eq!(validate_policy(&p), Ok(()));
    p.contacts.clear();
    assert_eq!(
        errors(&p).contacts.as_deref(),
        Some("Add at least one contact to notify")
    );
}

#[test]
fn names_and_channels_are_required() {
    let mut p = policy(" ", LeadTime::Days30, Repeat::Once);
    p.contacts[0].name = "  ".into();
    p.contacts[0].channels.clear();
    let e = errors(&p);
    assert_eq!(e.name.as_deref(), Some("Give the policy a name"));
    assert_eq!(
        e.contact[0].1.name.as_deref(),
        Some("Enter the contact's name")
    );
    assert_eq!(
        e.contact[0].1.channels.as_deref(),
        Some("Choose at least one channel for this contact")
    );
}

#[test]
fn other_mistakes_have_messages() {
    let mut p = policy("p", LeadTime::Days30, Repeat::EveryDays(0));
    p.scope = PolicyScope::Certificates(Vec::new());
    p.contacts.push(PolicyContact {
        name: "ops".into(),
        phone: "12".into(),
        ..ops()
    });
    let e = errors(&p);
    assert_eq!(
        e.repeat.as_deref(),
        Some("Choose once, or every 1, 3, 5 or 7 days")
    );
    assert_eq!(
        e.scope.as_deref(),
        Some("Choose the certificates this policy covers, or cover all of them")
    );
    assert_eq!(e.contact[0].0, 1);
    assert_eq!(
        e.contact[0].1.name.as_deref(),
        Some("Another contact of this policy is already named ops: give each contact its own name")
    );
    assert_eq!(
        e.contact[0].1.phone.as_deref(),
        Some("A phone number has 5 to 15 digits; this one has 2")
    );
    // EveryDays(0) never loops: it counts as once.
    assert_eq!(Repeat::EveryDays(0).step_days(), None);
}

#[test]
fn a_policy_round_trips_through_json() {
    let mut p = policy("p", LeadTime::Days60, Repeat::EveryDays(3));
    p.contacts[0]
        .webhooks
        .push((Channel::Lark, "https://open.feishu.cn/hook".into()));
    let json = serde_json::to_string(&p).unwrap_or_default();
    let back: Option<NotificationPolicy> = serde_json::from_str(&json).ok();
    assert_eq!(back, Some(p));
}
