//! The RFC 5545 export, read back with the `icalendar` crate's parser (native only).

use chrono::NaiveDateTime;
use icalendar::parser::{Component, read_calendar, unfold};

use super::reminders::{policy, shop};
use crate::testing::*;
use crate::*;

fn stamp() -> NaiveDateTime {
    d("2026-11-23").and_hms_opt(8, 30, 0).unwrap_or_default()
}

fn prop(c: &Component<'_>, name: &str) -> String {
    c.find_prop(name)
        .map(|p| p.val.as_str().to_string())
        .unwrap_or_default()
}

/// A chained Official certificate whose name has Chinese text, a comma and a semicolon.
fn chinese() -> Certificate {
    Certificate {
        id: "cas-zh".into(),
        name: "商店证书, 主站; 测试环境 生产环境 支付网关 证书".into(),
        domains: vec!["pay.example.cn".into(), "shop.example.cn".into()],
        term_start: Some(d("2026-03-15")),
        term_end: Some(d("2027-03-30")),
        ..official("2026-03-15", "2026-09-30")
    }
}

fn member(id: &str, position: u8, state: LifecycleState) -> Certificate {
    Certificate {
        id: id.into(),
        association: Some(Association {
            original: "cas-7f3a21".into(),
            order: "o-1".into(),
            position,
            of: 2,
            renewal: true,
        }),
        ..in_state(state)
    }
}

fn inventory() -> Vec<Certificate> {
    let first = Certificate {
        not_before: Some(d("2026-03-01")),
        not_after: Some(d("2027-03-01")),
        ..member("cas-b", 1, LifecycleState::Issued)
    };
    let next = member("cas-n", 2, LifecycleState::NotActivated);
    let validating = Certificate {
        id: "cas-v".into(),
        spec: spec(Brand::GlobalSign, ValidationType::Ov, DomainType::Single),
        applied_on: Some(d("2026-08-20")),
        ..in_state(LifecycleState::ValidatingApplication)
    };
    let cancelled = Certificate {
        id: "cas-x".into(),
        ..in_state(LifecycleState::Cancelled)
    };
    vec![shop(), chinese(), first, next, validating, cancelled]
}

fn policies() -> Vec<NotificationPolicy> {
    let mut p90 = policy("p90", LeadTime::Days90, Repeat::Once);
    p90.scope = PolicyScope::Certificates(vec!["cas-zh".into()]);
    vec![policy("p60", LeadTime::Days60, Repeat::Once), p90]
}

#[test]
fn events_dates_uids_and_alarms_read_back() {
    let ics = calendar(&inventory(), &policies(), d("2026-08-01"), stamp());
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        ics.split("\r\n").all(|line| line.len() <= 75),
        "a line is longer than 75 octets"
    );
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{e}"));
    let head: Vec<(String, String)> = cal
        .properties
        .iter()
        .map(|p| (p.name.as_str().to_string(), p.val.as_str().to_string()))
        .collect();
    assert!(head.contains(&(
        "PRODID".into(),
        "-//Certdesk//SSL Certificate Management//EN".into()
    )));
    assert!(head.contains(&("VERSION".into(), "2.0".into())));
    assert!(head.contains(&("CALSCALE".into(), "GREGORIAN".into())));
    assert!(head.iter().any(|(k, _)| k == "X-WR-CALNAME"));
    let events: Vec<&Component<'_>> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let rows: Vec<(String, String)> = events
        .iter()
        .map(|e| (prop(e, "UID"), prop(e, "DTSTART")))
        .collect();
    let expected = [
        ("cas-zh-reissue-20260831@certdesk", "20260831"),
        // Validated 2026-03-01 (cas-b's not_before): reusable 200 days, for the start of 2027-01-30.
        ("cas-b-validation-reuse-20260917@certdesk", "20260917"),
        // OV submitted 2026-08-20: fails 30 days later.
        ("cas-v-review-deadline@certdesk", "20260919"),
        ("cas-zh-expiry@certdesk", "20260930"),
        ("cas-zh-validation-reuse-20261001@certdesk", "20261001"),
        ("cas-7f3a21-expiry@certdesk", "20261213"),
        ("cas-n-managed-start@certdesk", "20270130"),
        ("cas-zh-reissue-20270215@certdesk", "20270215"),
        ("cas-b-expiry@certdesk", "20270301"),
        ("cas-zh-term-end@certdesk", "20270330"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(u, s)| (u.to_string(), s.to_string()))
        .collect();
    assert_eq!(rows, expected);
    for e in &events {
        let start = e
            .find_prop("DTSTART")
            .map(|p| p.params.clone())
            .unwrap_or_default();
        assert!(
            start
                .iter()
                .any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| v.as_str() == "DATE"))
        );
        assert_eq!(prop(e, "DTSTAMP"), "20261123T083000Z");
        let triggers: Vec<String> = e
            .components
            .iter()
            .filter(|a| a.name == "VALARM")
            .map(|a| {
                assert_eq!(prop(a, "ACTION"), "DISPLAY");
                prop(a, "TRIGGER")
            })
            .collect();
        let want: &[&str] = if prop(e, "UID").starts_with("cas-zh-") {
            &["-P60D", "-P90D"]
        } else {
            &["-P60D"]
        };
        assert_eq!(triggers, want, "{}", prop(e, "UID"));
    }
    // Escaped in the file, intact once parsed, folded without breaking a character.
    assert!(ics.contains("商店证书\\, 主站\\; 测试环境"));
    let expiry = events
        .iter()
        .find(|e| prop(e, "UID") == "cas-zh-expiry@certdesk");
    let summary = expiry.map(|e| prop(e, "SUMMARY")).unwrap_or_default();
    assert_eq!(
        summary,
        "Expires: 商店证书, 主站; 测试环境 生产环境 支付网关 证书 (cas-zh: pay.example.cn, shop.example.cn)"
    );
    assert!(ics.contains("\r\n "), "the long Chinese summary is folded");
    let reuse = events
        .iter()
        .find(|e| prop(e, "UID") == "cas-b-validation-reuse-20260917@certdesk");
    assert_eq!(
        reuse.map(|e| prop(e, "DESCRIPTION")).unwrap_or_default(),
        "Validation for www.example.com can be reused until 2026-09-17; the Managed Service start of 2027-01-30 needs a new DNS TXT record."
    );
}

#[test]
fn the_same_inventory_gives_the_same_bytes_and_no_policy_means_30_days() {
    let a = calendar(&inventory(), &policies(), d("2026-08-01"), stamp());
    let b = calendar(&inventory(), &policies(), d("2026-08-01"), stamp());
    assert_eq!(a, b);
    let plain = calendar(&[shop()], &[], d("2026-08-01"), stamp());
    let unfolded = unfold(&plain);
    let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{e}"));
    let alarm = &cal.components[0].components[0];
    assert_eq!(prop(alarm, "TRIGGER"), "-P30D");
    assert_eq!(prop(&cal.components[0], "DTEND"), "20261214");
}

#[test]
fn folding_never_splits_a_character() {
    let mut out = String::new();
    crate::calendar::fold(&format!("SUMMARY:{}", "证".repeat(60)), &mut out);
    for line in out.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75);
    }
    assert_eq!(unfold(&out), format!("SUMMARY:{}\r\n", "证".repeat(60)));
    assert_eq!(crate::calendar::escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
}
