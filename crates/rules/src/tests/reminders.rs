//! Notification policies and the reminder schedule (issue 13).

use chrono::NaiveTime;

use crate::testing::*;
use crate::*;

fn t(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN)
}

pub(super) fn ops() -> PolicyContact {
    PolicyContact {
        name: "Ops".into(),
        email: "ops@example.com".into(),
        phone: String::new(),
        channels: vec![Channel::Email, Channel::InSite],
        webhooks: Vec::new(),
    }
}

pub(super) fn policy(id: &str, lead: LeadTime, repeat: Repeat) -> NotificationPolicy {
    NotificationPolicy {
        id: id.into(),
        name: id.into(),
        lead,
        repeat,
        ..NotificationPolicy::default_for(ops())
    }
}

/// The brief's example: shop.example.com (cas-7f3a21), expiring 2026-12-13.
pub(super) fn shop() -> Certificate {
    Certificate {
        id: "cas-7f3a21".into(),
        name: "shop.example.com".into(),
        domains: vec!["shop.example.com".into()],
        ..official("2026-06-01", "2026-12-13")
    }
}

fn days(reminders: &[Reminder], event: ReminderEvent, channel: Channel) -> Vec<String> {
    reminders
        .iter()
        .filter(|r| r.event == event && r.channel == channel)
        .map(|r| r.on.to_string())
        .collect()
}

#[test]
fn expiry_then_expired_every_seven_days_on_each_channel() {
    let p = policy("weekly", LeadTime::Days30, Repeat::EveryDays(7));
    let r = reminder_schedule(&[p], &[shop()], d("2026-11-01"), d("2027-01-31"));
    assert_eq!(
        days(&r, ReminderEvent::ApproachingExpiry, Channel::Email),
        [
            "2026-11-13",
            "2026-11-20",
            "2026-11-27",
            "2026-12-04",
            "2026-12-11"
        ]
    );
    assert_eq!(
        days(&r, ReminderEvent::ExpiredNotRenewed, Channel::InSite),
        [
            "2026-12-14",
            "2026-12-21",
            "2026-12-28",
            "2027-01-04",
            "2027-01-11",
            "2027-01-18",
            "2027-01-25"
        ]
    );
    assert_eq!(r.len(), 24);
    let first = &r[0];
    assert_eq!(first.at, t(9));
    assert_eq!(
        (first.channel, first.target.as_str()),
        (Channel::Email, "ops@example.com")
    );
    assert_eq!(r[1].target, "in-site message to Ops");
    assert_eq!(
        first.message,
        "shop.example.com (cas-7f3a21) expires on 2026-12-13 and is not renewed: renew it (Renewal purchase) or it stops being trusted."
    );
    assert!(
        r.windows(2)
            .all(|w| (w[0].on, w[0].at) <= (w[1].on, w[1].at))
    );
}

#[test]
fn a_renewal_handles_the_certificate_unless_it_is_cancelled() {
    let p = policy("daily", LeadTime::Days60, Repeat::EveryDays(1));
    let mut renewal = Certificate {
        id: "cas-new".into(),
        association: Some(Association {
            original: "cas-7f3a21".into(),
            order: "o-1".into(),
            position: 1,
            of: 1,
            renewal: true,
        }),
        ..in_state(LifecycleState::PendingApplication)
    };
    let certs = [shop(), renewal.clone()];
    let r = reminder_schedule(
        std::slice::from_ref(&p),
        &certs,
        d("2026-10-01"),
        d("2027-01-31"),
    );
    assert!(r.is_empty(), "{r:?}");
    renewal.state = LifecycleState::Cancelled;
    let r = reminder_schedule(&[p], &[shop(), renewal], d("2026-10-01"), d("2027-01-31"));
    assert!(
        r.iter()
            .any(|r| r.event == ReminderEvent::ApproachingExpiry)
    );
    assert!(r.iter().all(|r| r.certificate_id == "cas-7f3a21"));
}

#[test]
fn once_reminds_on_the_first_active_day_in_the_range() {
    let p = policy("once", LeadTime::Days90, Repeat::Once);
    let r = reminder_schedule(&[p], &[shop()], d("2026-11-20"), d("2026-12-31"));
    let on: Vec<_> = r
        .iter()
        .map(|r| (r.on.to_string(), r.event, r.channel))
        .collect();
    assert_eq!(
        on,
        [
            (
                "2026-11-20".into(),
                ReminderEvent::ApproachingExpiry,
                Channel::Email
            ),
            (
                "2026-11-20".into(),
                ReminderEvent::ApproachingExpiry,
                Channel::InSite
            ),
            (
                "2026-12-14".into(),
                ReminderEvent::ExpiredNotRenewed,
                Channel::Email
            ),
            (
                "2026-12-14".into(),
                ReminderEvent::ExpiredNotRenewed,
                Channel::InSite
            ),
        ]
    );
}

#[test]
fn two_policies_naming_the_same_contact_give_one_reminder_at_the_earlier_time() {
    let early = NotificationPolicy {
        send_at: t(8),
        ..policy("a", LeadTime::Days30, Repeat::Once)
    };
    let late = NotificationPolicy {
        send_at: t(22),
        quiet_hours: true,
        ..policy("b", LeadTime::Days30, Repeat::Once)
    };
    let r = reminder_schedule(
        &[late.clone(), early],
        &[shop()],
        d("2026-11-13"),
        d("2026-11-13"),
    );
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|r| r.at == t(8) && r.policy_id == "a"));
    // Quiet hours move 22:00 to 09:00 the same day.
    let r = reminder_schedule(&[late], &[shop()], d("2026-11-13"), d("2026-11-13"));
    assert!(r.iter().all(|r| r.at == t(9) && r.on == d("2026-11-13")));
}

#[test]
fn a_channel_without_a_target_is_skipped() {
    let mut p = policy("p", LeadTime::Days30, Repeat::Once);
    p.contacts[0].email = " ".into();
    p.contacts[0].channels.push(Channel::DingTalk);
    let r = reminder_schedule(&[p], &[shop()], d("2026-11-13"), d("2026-11-13"));
    assert_eq!(
        r.iter().map(|r| r.channel).collect::<Vec<_>>(),
        [Channel::InSite]
    );
}

#[test]
fn scope_limits_the_certificates() {
    let mut p = policy("p", LeadTime::Days30, Repeat::Once);
    p.scope = PolicyScope::Certificates(vec!["cas-other".into()]);
    assert!(reminder_schedule(&[p], &[shop()], d("2026-11-01"), d("2027-01-31")).is_empty());
}

fn order_member(id: &str, position: u8, state: LifecycleState) -> Certificate {
    Certificate {
        id: id.into(),
        association: Some(Association {
            original: "cas-orig".into(),
            order: "o-9".into(),
            position,
            of: 2,
            renewal: true,
        }),
        ..in_state(state)
    }
}

#[test]
fn a_managed_start_that_needs_the_user_from_its_trigger_day() {
    // cas-b (position 1) is issued to 2027-03-01; cas-n (position 2) is DV with
    // DNS elsewhere and no validation-free authorization: it triggers on
    // 2027-01-30 (30 days before) and needs manual submission.
    let b = Certificate {
        not_before: Some(d("2026-03-01")),
        not_after: Some(d("2027-03-01")),
        ..order_member("cas-b", 1, LifecycleState::Issued)
    };
    let n = order_member("cas-n", 2, LifecycleState::NotActivated);
    let p = policy("p", LeadTime::Days30, Repeat::EveryDays(3));
    let r = reminder_schedule(&[p], &[b, n], d("2027-01-01"), d("2027-02-10"));
    let start: Vec<_> = r
        .iter()
        .filter(|r| r.event == ReminderEvent::ManagedStartNeedsYou && r.channel == Channel::Email)
        .map(|r| (r.on.to_string(), r.certificate_id.as_str()))
        .collect();
    assert_eq!(
        start,
        [
            ("2027-01-30".to_string(), "cas-n"),
            ("2027-02-02".to_string(), "cas-n"),
            ("2027-02-05".to_string(), "cas-n"),
            ("2027-02-08".to_string(), "cas-n"),
        ]
    );
    assert!(
        r[r.len() - 1].message.contains("Submit request"),
        "{}",
        r[0].message
    );
    // cas-b is followed by cas-n: no expiry reminder, but the start needs a
    // fresh validation (done 2026-03-01, 335 days before; 200 allowed then).
    assert!(
        r.iter()
            .all(|r| r.event != ReminderEvent::ApproachingExpiry)
    );
    let v: Vec<_> = r
        .iter()
        .filter(|r| r.event == ReminderEvent::ValidationNeeded && r.channel == Channel::Email)
        .map(|r| (r.on.to_string(), r.certificate_id.as_str()))
        .collect();
    assert_eq!(v.first(), Some(&("2027-01-01".to_string(), "cas-b")));
    // Every 3 days from 2027-01-01 while active (through the start on 2027-01-30).
    assert_eq!(v.last(), Some(&("2027-01-28".to_string(), "cas-b")));
}

#[test]
fn a_later_certificate_left_pending_needs_the_user_from_today() {
    let pending = order_member("cas-p", 2, LifecycleState::PendingApplication);
    let first = order_member("cas-f", 1, LifecycleState::PendingApplication);
    let alerts = open_alerts(&[], &[first, pending], d("2027-01-01"));
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        (alerts[0].certificate_id.as_str(), alerts[0].event),
        ("cas-p", ReminderEvent::ManagedStartNeedsYou)
    );
}

#[test]
fn review_and_deployment_failures_repeat_until_fixed() {
    let failed = Certificate {
        id: "cas-f".into(),
        failure_reason: Some("The TXT record was not found.".into()),
        ..in_state(LifecycleState::ValidationFailed)
    };
    let mut deployed = Certificate {
        id: "cas-d".into(),
        ..official("2026-06-01", "2027-06-01")
    };
    deployed.deployments.push(DeploymentTask {
        id: "task-1".into(),
        resource: CloudResource {
            product: CloudProduct::Alb,
            name: "alb-shop".into(),
        },
        created_on: d("2026-12-01"),
        status: TaskStatus::Failed("listener not found".into()),
    });
    let p = policy("p", LeadTime::Days30, Repeat::EveryDays(5));
    let r = reminder_schedule(
        std::slice::from_ref(&p),
        &[failed.clone(), deployed.clone()],
        d("2026-12-02"),
        d("2026-12-12"),
    );
    let on = |event| days(&r, event, Channel::Email);
    assert_eq!(
        on(ReminderEvent::ReviewFailed),
        ["2026-12-02", "2026-12-07", "2026-12-12"]
    );
    assert_eq!(
        on(ReminderEvent::DeploymentFailed),
        ["2026-12-02", "2026-12-07", "2026-12-12"]
    );
    let msg = &r
        .iter()
        .find(|r| r.event == ReminderEvent::DeploymentFailed)
        .map(|r| r.message.clone())
        .unwrap_or_default();
    assert!(
        msg.contains("ALB alb-shop on 2026-12-01: listener not found"),
        "{msg}"
    );
    // Fixed: the task succeeded, the application was resubmitted.
    deployed.deployments[0].status = TaskStatus::Succeeded;
    let resubmitted = Certificate {
        state: LifecycleState::ValidatingApplication,
        applied_on: Some(d("2026-12-02")),
        ..failed
    };
    assert!(
        reminder_schedule(
            &[p],
            &[resubmitted, deployed],
            d("2026-12-02"),
            d("2026-12-12")
        )
        .is_empty()
    );
}

#[test]
fn an_in_term_reissue_that_needs_validation_and_the_term_end() {
    // Term 2026-03-15..2027-03-30 chained under the 200-day cap: the second
    // reissue (2027-02-15) is 337 days after the validation of 2026-03-15.
    let chained = Certificate {
        term_start: Some(d("2026-03-15")),
        term_end: Some(d("2027-03-30")),
        ..official("2026-03-15", "2026-09-30")
    };
    let p = policy("p", LeadTime::Days30, Repeat::Once);
    let r = reminder_schedule(&[p], &[chained], d("2026-08-01"), d("2027-03-01"));
    let on: Vec<_> = r
        .iter()
        .filter(|r| r.channel == Channel::Email)
        .map(|r| (r.on.to_string(), r.event))
        .collect();
    assert_eq!(
        on,
        [
            ("2027-01-16".to_string(), ReminderEvent::ValidationNeeded),
            ("2027-02-28".to_string(), ReminderEvent::ApproachingExpiry),
        ]
    );
    assert!(
        r[0].message
            .contains("the reissue of 2027-02-15 needs a new DNS TXT record for www.example.com"),
        "{}",
        r[0].message
    );
}

#[test]
fn open_alerts_use_the_longest_lead_and_30_days_without_a_policy() {
    let other = Certificate {
        id: "cas-other".into(),
        ..official("2026-06-01", "2027-01-10")
    };
    let today = d("2026-11-20");
    let alerts = open_alerts(&[], &[shop(), other.clone()], today);
    let ids: Vec<_> = alerts
        .iter()
        .map(|a| (a.certificate_id.as_str(), a.since.to_string()))
        .collect();
    assert_eq!(ids, [("cas-7f3a21", "2026-11-13".to_string())]);
    let mut p90 = policy("p", LeadTime::Days90, Repeat::Once);
    p90.scope = PolicyScope::Certificates(vec!["cas-other".into()]);
    let alerts = open_alerts(&[p90], &[shop(), other], today);
    let ids: Vec<_> = alerts
        .iter()
        .map(|a| (a.certificate_id.as_str(), a.since.to_string()))
        .collect();
    assert_eq!(
        ids,
        [
            ("cas-other", "2026-10-12".to_string()),
            ("cas-7f3a21", "2026-11-13".to_string())
        ]
    );
    let expired = open_alerts(&[], &[shop()], d("2027-01-01"));
    assert_eq!(expired.len(), 1);
    assert_eq!(
        (expired[0].event, expired[0].since),
        (ReminderEvent::ExpiredNotRenewed, d("2026-12-14"))
    );
}

#[test]
fn predecessor_skips_cancelled_certificates_of_the_order() {
    let original = Certificate {
        id: "cas-orig".into(),
        ..official("2026-01-01", "2026-12-31")
    };
    let first = order_member("cas-1st", 1, LifecycleState::Cancelled);
    let second = order_member("cas-2nd", 2, LifecycleState::NotActivated);
    let all = [original, first, second.clone()];
    assert_eq!(
        predecessor(&all, &second).map(|c| c.id.as_str()),
        Some("cas-orig")
    );
    let mut all = all;
    all[1].state = LifecycleState::Issued;
    assert_eq!(
        predecessor(&all, &second).map(|c| c.id.as_str()),
        Some("cas-1st")
    );
    assert_eq!(predecessor(&all, &all[0]), None);
}
