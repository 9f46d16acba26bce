//! Properties of the reminder schedule over random inventories and policies
//! (native only: proptest).

use std::collections::HashSet;

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::reminders::{WINDOW_END, WINDOW_START};
use crate::testing::*;
use crate::*;

fn day(offset: i64) -> NaiveDate {
    d("2026-06-01") + chrono::Days::new(offset.unsigned_abs())
}

prop_compose! {
    fn any_cert(n: usize)(
        state in proptest::sample::select(&LifecycleState::ALL[..]),
        kind in proptest::sample::select(&CertificateKind::ALL[..]),
        nb in 0i64..400, len in 1i64..400, term in proptest::option::of(0i64..200),
        applied in proptest::option::of(0i64..400),
        linked in proptest::option::of((0usize..8, 1u8..4)),
        failed_task in any::<bool>(),
        verification in proptest::sample::select(&VerificationMethod::ALL[..]),
        dns in any::<bool>(),
    ) -> Certificate {
        let mut c = Certificate {
            id: format!("cas-{n}"),
            state, kind, verification, dns_in_same_account: dns,
            applied_on: applied.map(day),
            association: linked.map(|(original, position)| Association {
                original: format!("cas-{original}"),
                order: format!("o-{}", original % 2),
                position,
                of: 3,
                renewal: true,
            }),
            ..official("2026-01-01", "2026-01-01")
        };
        if state == LifecycleState::NotActivated || state == LifecycleState::PendingApplication {
            (c.not_before, c.not_after) = (None, None);
        } else {
            c.not_before = Some(day(nb));
            c.not_after = Some(day(nb + len));
            c.term_start = c.not_before;
            c.term_end = term.map(|t| day(nb + len + t));
        }
        if failed_task {
            c.deployments.push(DeploymentTask {
                id: "t".into(),
                resource: CloudResource { product: CloudProduct::Cdn, name: "cdn".into() },
                created_on: day(nb),
                status: TaskStatus::Failed("origin unreachable".into()),
            });
        }
        c
    }
}

fn any_inventory() -> impl Strategy<Value = Vec<Certificate>> {
    (1usize..8).prop_flat_map(|n| (0..n).map(any_cert).collect::<Vec<_>>())
}

prop_compose! {
    fn any_policy(n: usize)(
        lead in proptest::sample::select(&LeadTime::ALL[..]),
        repeat in proptest::sample::select(&Repeat::ALL[..]),
        quiet in any::<bool>(), hour in 0u32..24,
        names in proptest::collection::vec(0usize..3, 1..4),
        channels in proptest::collection::vec(proptest::sample::select(&Channel::ALL[..]), 1..4),
        scoped in proptest::option::of(proptest::collection::vec(0usize..8, 0..4)),
    ) -> NotificationPolicy {
        NotificationPolicy {
            id: format!("p-{n}"),
            name: format!("Policy {n}"),
            lead, repeat, quiet_hours: quiet,
            send_at: chrono::NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default(),
            contacts: names.iter().map(|i| PolicyContact {
                name: format!("Person {i}"),
                email: format!("p{i}@example.com"),
                phone: String::new(),
                channels: channels.clone(),
                webhooks: vec![(Channel::Lark, format!("https://hooks.example.com/{i}"))],
            }).collect(),
            scope: scoped.map_or(PolicyScope::All, |ids| {
                PolicyScope::Certificates(ids.iter().map(|i| format!("cas-{i}")).collect())
            }),
        }
    }
}

fn any_policies() -> impl Strategy<Value = Vec<NotificationPolicy>> {
    (1usize..4).prop_flat_map(|n| (0..n).map(any_policy).collect::<Vec<_>>())
}

fn range() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (0i64..700, 0i64..120).prop_map(|(a, len)| (day(a), day(a + len)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn within_range_sorted_and_no_contact_gets_a_duplicate(
        certs in any_inventory(), policies in any_policies(), (from, to) in range(),
    ) {
        let r = reminder_schedule(&policies, &certs, from, to);
        let mut seen = HashSet::new();
        for x in &r {
            prop_assert!(from <= x.on && x.on <= to);
            prop_assert!(seen.insert((x.on, x.certificate_id.clone(), x.event, x.channel, x.target.clone())), "{x:?}");
        }
        let sorted = r.windows(2).all(|w| {
            (w[0].on, w[0].at, &w[0].certificate_id, w[0].event, &w[0].contact, w[0].channel)
                <= (w[1].on, w[1].at, &w[1].certificate_id, w[1].event, &w[1].contact, w[1].channel)
        });
        prop_assert!(sorted, "not sorted");
    }

    #[test]
    fn quiet_hours_are_respected(
        certs in any_inventory(), policies in any_policies(), (from, to) in range(),
    ) {
        let quiet: Vec<NotificationPolicy> =
            policies.into_iter().map(|p| NotificationPolicy { quiet_hours: true, ..p }).collect();
        for x in reminder_schedule(&quiet, &certs, from, to) {
            prop_assert!(WINDOW_START <= x.at && x.at < WINDOW_END, "{x:?}");
        }
    }

    #[test]
    fn once_gives_at_most_one_reminder(
        certs in any_inventory(), policies in any_policies(), (from, to) in range(),
    ) {
        let once: Vec<NotificationPolicy> =
            policies.into_iter().map(|p| NotificationPolicy { repeat: Repeat::Once, ..p }).collect();
        let mut seen = HashSet::new();
        for x in reminder_schedule(&once, &certs, from, to) {
            let key = (x.policy_id.clone(), x.certificate_id.clone(), x.event, x.contact.clone(), x.channel);
            prop_assert!(seen.insert(key), "{x:?}");
        }
    }

    #[test]
    fn a_handled_certificate_gets_no_more_reminders(
        certs in any_inventory(), policies in any_policies(), (from, to) in range(),
        pick in 0usize..8, how in 0u8..3,
    ) {
        let mut certs = certs;
        let index = pick % certs.len();
        let id = certs[index].id.clone();
        let events: &[ReminderEvent] = match how {
            0 => { certs[index].state = LifecycleState::Cancelled; &ReminderEvent::ALL }
            1 => { certs[index].state = LifecycleState::Revoked; &ReminderEvent::ALL }
            _ => {
                certs.push(Certificate {
                    id: "cas-renewal".into(),
                    association: Some(Association {
                        original: id.clone(), order: "o-renewal".into(), position: 1, of: 1, renewal: true,
                    }),
                    ..in_state(LifecycleState::PendingApplication)
                });
                &[ReminderEvent::ApproachingExpiry, ReminderEvent::ExpiredNotRenewed]
            }
        };
        for x in reminder_schedule(&policies, &certs, from, to) {
            prop_assert!(!(x.certificate_id == id && events.contains(&x.event)), "{x:?}");
        }
        for a in open_alerts(&policies, &certs, from) {
            prop_assert!(!(a.certificate_id == id && events.contains(&a.event)), "{a:?}");
        }
    }

    #[test]
    fn the_calendar_always_parses_and_is_folded(
        certs in any_inventory(), policies in any_policies(), (today, _) in range(),
    ) {
        let stamp = today.and_hms_opt(0, 0, 0).unwrap_or_default();
        let ics = calendar(&certs, &policies, today, stamp);
        prop_assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        let unfolded = icalendar::parser::unfold(&ics);
        prop_assert!(icalendar::parser::read_calendar(&unfolded).is_ok());
    }
}
