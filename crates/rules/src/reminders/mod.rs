//! Reminders (issue 13): notification policies, when each event is active,
//! and the exact reminders and open alerts they give.

pub(crate) mod events;
pub mod policy;
pub mod schedule;

pub(crate) use events::Inputs;
pub use policy::{
    Channel, LeadTime, MAX_CONTACTS, MAX_POLICY_NAME, MAX_WEBHOOK_LEN, NotificationPolicy,
    PolicyContact, PolicyContactErrors, PolicyErrors, PolicyScope, ReminderEvent, Repeat,
    WINDOW_END, WINDOW_START, check_webhook, validate_policy,
};
pub use schedule::{Alert, DEFAULT_LEAD_DAYS, Reminder, open_alerts, reminder_schedule};
