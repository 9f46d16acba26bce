//! Notification policies: who is told what, how long ahead, how often, on
//! which channel (issue 13). The documents end on "enable SSL certificate
//! message notifications and renew your certificate in advance"; this is the
//! console's own model of those notifications.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::contact::{check_email, check_name, check_phone};

/// A policy names at most this many contacts.
pub const MAX_CONTACTS: usize = 10;
/// Longest webhook URL accepted, in bytes.
pub const MAX_WEBHOOK_LEN: usize = 2048;
/// Longest policy name, in characters.
pub const MAX_POLICY_NAME: usize = 64;
/// With quiet hours on, reminders go out only from this time ...
pub const WINDOW_START: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
/// ... until this time (exclusive); the rest of the day is quiet.
pub const WINDOW_END: NaiveTime = match NaiveTime::from_hms_opt(20, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// How a contact is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    Email,
    /// A message in the console's own notification centre.
    InSite,
    DingTalk,
    WeCom,
    Lark,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::InSite,
        Channel::DingTalk,
        Channel::WeCom,
        Channel::Lark,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::InSite => "In-site message",
            Channel::DingTalk => "DingTalk webhook",
            Channel::WeCom => "WeCom webhook",
            Channel::Lark => "Lark webhook",
        }
    }

    /// Delivered by posting to a webhook URL the contact gives.
    pub fn needs_webhook(self) -> bool {
        matches!(self, Channel::DingTalk | Channel::WeCom | Channel::Lark)
    }
}

/// How long before the expiry the first reminder goes out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LeadTime {
    #[default]
    Days30,
    Days60,
    Days90,
}

impl LeadTime {
    pub const ALL: [LeadTime; 3] = [LeadTime::Days30, LeadTime::Days60, LeadTime::Days90];

    pub fn days(self) -> i64 {
        match self {
            LeadTime::Days30 => 30,
            LeadTime::Days60 => 60,
            LeadTime::Days90 => 90,
        }
    }
}

/// How often a reminder is repeated until the certificate is handled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Repeat {
    /// One reminder (the default policy).
    #[default]
    Once,
    EveryDays(u8),
}

impl Repeat {
    /// Days between two reminders; `None` for one reminder only. A stored
    /// `EveryDays(0)` (refused by [`validate_policy`]) counts as once, so the
    /// schedule can never loop on the same day.
    pub fn step_days(self) -> Option<i64> {
        match self {
            Repeat::Once | Repeat::EveryDays(0) => None,
            Repeat::EveryDays(n) => Some(i64::from(n)),
        }
    }

    /// The choices the form offers: once, or every 1, 3, 5 or 7 days.
    pub const ALL: [Repeat; 5] = [
        Repeat::Once,
        Repeat::EveryDays(1),
        Repeat::EveryDays(3),
        Repeat::EveryDays(5),
        Repeat::EveryDays(7),
    ];

    pub fn label(self) -> String {
        match self {
            Repeat::Once => "Once".to_string(),
            Repeat::EveryDays(1) => "Every day until handled".to_string(),
            Repeat::EveryDays(n) => format!("Every {n} days until handled"),
        }
    }
}

/// What a reminder is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReminderEvent {
    /// The certificate expires within the lead time and is not renewed.
    ApproachingExpiry,
    /// It expired and nothing replaced it.
    ExpiredNotRenewed,
    /// The Managed Service could not start the next certificate by itself.
    ManagedStartNeedsYou,
    /// The CA's review failed.
    ReviewFailed,
    /// A managed deployment task failed.
    DeploymentFailed,
    /// A domain must be validated again before a planned issuance.
    ValidationNeeded,
}

impl ReminderEvent {
    pub const ALL: [ReminderEvent; 6] = [
        ReminderEvent::ApproachingExpiry,
        ReminderEvent::ExpiredNotRenewed,
        ReminderEvent::ManagedStartNeedsYou,
        ReminderEvent::ReviewFailed,
        ReminderEvent::DeploymentFailed,
        ReminderEvent::ValidationNeeded,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReminderEvent::ApproachingExpiry => "Expiry approaching",
            ReminderEvent::ExpiredNotRenewed => "Expired and not renewed",
            ReminderEvent::ManagedStartNeedsYou => "Managed Service start needs you",
            ReminderEvent::ReviewFailed => "CA review failed",
            ReminderEvent::DeploymentFailed => "Deployment task failed",
            ReminderEvent::ValidationNeeded => "Domain validation needed",
        }
    }
}

/// One person a policy notifies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyContact {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    pub channels: Vec<Channel>,
    /// The webhook URL of each webhook channel the contact uses.
    #[serde(default)]
    pub webhooks: Vec<(Channel, String)>,
}

impl PolicyContact {
    /// Where a reminder on `channel` goes: the address, the webhook, or the console.
    pub fn target(&self, channel: Channel) -> Option<String> {
        match channel {
            Channel::Email => Some(self.email.trim().to_string()),
            Channel::InSite => Some(format!("in-site message to {}", self.name.trim())),
            webhook => self
                .webhooks
                .iter()
                .find(|(c, _)| *c == webhook)
                .map(|(_, url)| url.trim().to_string()),
        }
        // An empty address or URL is no target: the schedule skips that channel.
        .filter(|target| !target.is_empty())
    }
}

/// Which certificates a policy covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyScope {
    #[default]
    All,
    /// These certificates (resource IDs) only.
    Certificates(Vec<String>),
}

impl PolicyScope {
    pub fn covers(&self, id: &str) -> bool {
        match self {
            PolicyScope::All => true,
            PolicyScope::Certificates(ids) => ids.iter().any(|i| i == id),
        }
    }
}

/// A notification policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPolicy {
    pub id: String,
    pub name: String,
    pub lead: LeadTime,
    pub repeat: Repeat,
    pub contacts: Vec<PolicyContact>,
    /// Deliver only from 09:00 to 20:00 (the rest of the day is quiet).
    #[serde(default)]
    pub quiet_hours: bool,
    /// When in the day reminders go out (moved into the window with quiet hours on).
    pub send_at: NaiveTime,
    #[serde(default)]
    pub scope: PolicyScope,
}

impl NotificationPolicy {
    /// The default policy: one reminder 30 days before expiry, to one contact, by email.
    pub fn default_for(contact: PolicyContact) -> Self {
        NotificationPolicy {
            id: "policy-default".to_string(),
            name: "Default: 30 days before expiry".to_string(),
            lead: LeadTime::Days30,
            repeat: Repeat::Once,
            contacts: vec![contact],
            quiet_hours: false,
            send_at: WINDOW_START,
            scope: PolicyScope::All,
        }
    }

    /// The time reminders go out: `send_at`; with quiet hours on, a `send_at`
    /// outside 09:00–20:00 becomes 09:00 of the same day (a reminder is never
    /// moved to another day, so it cannot slip past the date it warns about).
    pub fn delivery_time(&self) -> NaiveTime {
        if self.quiet_hours && !(WINDOW_START..WINDOW_END).contains(&self.send_at) {
            WINDOW_START
        } else {
            self.send_at
        }
    }
}

/// What is wrong with one contact of a policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyContactErrors {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub channels: Option<String>,
    /// One message per webhook channel in error.
    pub webhooks: Vec<(Channel, String)>,
}

impl PolicyContactErrors {
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.phone.is_none()
            && self.channels.is_none()
            && self.webhooks.is_empty()
    }
}

/// What is wrong with a policy, field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyErrors {
    pub name: Option<String>,
    pub repeat: Option<String>,
    pub contacts: Option<String>,
    pub scope: Option<String>,
    /// (index of the contact, its errors)
    pub contact: Vec<(usize, PolicyContactErrors)>,
}

impl PolicyErrors {
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.repeat.is_none()
            && self.contacts.is_none()
            && self.scope.is_none()
            && self.contact.is_empty()
    }
}

/// A webhook must be an https URL with a host: reminders carry certificate
/// names, which must not travel in clear text.
pub fn check_webhook(channel: Channel, url: &str) -> Option<String> {
    let url = url.trim();
    let label = channel.label();
    if url.is_empty() {
        return Some(format!("Enter the {label} URL, or turn that channel off"));
    }
    if url.len() > MAX_WEBHOOK_LEN {
        return Some(format!(
            "The {label} URL is longer than {MAX_WEBHOOK_LEN} characters: paste only the URL the app gave you"
        ));
    }
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (scheme, rest),
        None => ("no scheme", url),
    };
    if !scheme.eq_ignore_ascii_case("https") {
        return Some(format!(
            "The {label} must be an https:// URL (this one has {scheme}): reminders name your certificates and must not travel unencrypted"
        ));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // user:password@host:port: the host is what is left without the two.
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host_port.split(':').next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '_');
    if !host_ok || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!(
            "The {label} URL has no valid host: paste the whole URL the app gave you"
        ));
    }
    None
}

fn contact_errors(contact: &PolicyContact) -> PolicyContactErrors {
    let mut errors = PolicyContactErrors {
        name: check_name(&contact.name),
        ..Default::default()
    };
    if contact.channels.is_empty() {
        errors.channels = Some("Choose at least one channel for this contact".to_string());
    }
    let email = contact.email.trim();
    if email.is_empty() {
        if contact.channels.contains(&Channel::Email) {
            errors.email = Some(
                "Enter the email address reminders go to, or turn email off for this contact"
                    .to_string(),
            );
        }
    } else {
        errors.email = check_email(email);
    }
    if !contact.phone.trim().is_empty() {
        errors.phone = check_phone(&contact.phone);
    }
    for &channel in contact.channels.iter().filter(|c| c.needs_webhook()) {
        let url = contact
            .webhooks
            .iter()
            .find(|(c, _)| *c == channel)
            .map_or("", |(_, u)| u.as_str());
        if let Some(message) = check_webhook(channel, url) {
            errors.webhooks.push((channel, message));
        }
    }
    errors
}

/// Checks a policy before it is saved; every message says what to change.
pub fn validate_policy(policy: &NotificationPolicy) -> Result<(), PolicyErrors> {
    let name = policy.name.trim();
    let mut errors = PolicyErrors {
        name: if name.is_empty() {
            Some("Give the policy a name".to_string())
        } else if name.chars().count() > MAX_POLICY_NAME {
            Some(format!(
                "Shorten the name to at most {MAX_POLICY_NAME} characters"
            ))
        } else {
            None
        },
        ..Default::default()
    };
    if policy.contacts.is_empty() {
        errors.contacts = Some("Add at least one contact to notify".to_string());
    } else if policy.contacts.len() > MAX_CONTACTS {
        errors.contacts = Some(format!(
            "A policy notifies at most {MAX_CONTACTS} contacts ({} now): remove {} or make a second policy",
            policy.contacts.len(),
            policy.contacts.len() - MAX_CONTACTS
        ));
    }
    if !Repeat::ALL.contains(&policy.repeat) {
        errors.repeat = Some("Choose once, or every 1, 3, 5 or 7 days".to_string());
    }
    if let PolicyScope::Certificates(ids) = &policy.scope
        && ids.is_empty()
    {
        errors.scope =
            Some("Choose the certificates this policy covers, or cover all of them".to_string());
    }
    errors.contact = policy
        .contacts
        .iter()
        .enumerate()
        .map(|(i, contact)| {
            let mut e = contact_errors(contact);
            // Reminders name the contact: two people of one name could not be told apart.
            let name = contact.name.trim();
            if e.name.is_none()
                && policy.contacts[..i]
                    .iter()
                    .any(|c| c.name.trim().eq_ignore_ascii_case(name))
            {
                e.name = Some(format!(
                    "Another contact of this policy is already named {name}: give each contact its own name"
                ));
            }
            (i, e)
        })
        .filter(|(_, e)| !e.is_empty())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
