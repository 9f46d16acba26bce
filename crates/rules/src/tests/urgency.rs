use crate::testing::*;
use crate::*;

fn level(nb: &str, na: &str, today: &str) -> UrgencyLevel {
    renewal_urgency(d(nb), d(na), d(today))
        .map(|u| u.level)
        .unwrap_or(UrgencyLevel::Comfortable)
}

#[test]
fn a_47_day_certificate_is_not_expiring_when_issued() {
    // 2029-03-15 to 2029-04-29: 46 days counted inclusively.
    let u = renewal_urgency(d("2029-03-15"), d("2029-04-29"), d("2029-03-15")).unwrap();
    assert_eq!(
        (u.level, u.lifetime_days, u.days_left),
        (UrgencyLevel::Comfortable, 46, 45)
    );
    // Due at a third left (15 days: 45 <= 46), urgent under a sixth (7 days: 42 < 46).
    assert_eq!(
        level("2029-03-15", "2029-04-29", "2029-04-13"),
        UrgencyLevel::Comfortable
    ); // 16 left
    assert_eq!(
        level("2029-03-15", "2029-04-29", "2029-04-14"),
        UrgencyLevel::Due
    ); // 15 left
    assert_eq!(
        level("2029-03-15", "2029-04-29", "2029-04-21"),
        UrgencyLevel::Due
    ); // 8 left
    assert_eq!(
        level("2029-03-15", "2029-04-29", "2029-04-22"),
        UrgencyLevel::Urgent
    ); // 7 left
    assert_eq!(
        level("2029-03-15", "2029-04-29", "2029-04-29"),
        UrgencyLevel::Urgent
    ); // last day
    assert_eq!(
        level("2029-03-15", "2029-04-29", "2029-04-30"),
        UrgencyLevel::Expired
    );
}

#[test]
fn long_certificates_scale_the_same_way() {
    // 397 days (2025-01-01 to 2026-02-01): due at 132 days left, urgent at 66.
    assert_eq!(
        level("2025-01-01", "2026-02-01", "2025-09-21"),
        UrgencyLevel::Comfortable
    ); // 133 left
    assert_eq!(
        level("2025-01-01", "2026-02-01", "2025-09-22"),
        UrgencyLevel::Due
    ); // 132 left
    assert_eq!(
        level("2025-01-01", "2026-02-01", "2025-11-26"),
        UrgencyLevel::Due
    ); // 67 left
    assert_eq!(
        level("2025-01-01", "2026-02-01", "2025-11-27"),
        UrgencyLevel::Urgent
    ); // 66 left
}

#[test]
fn floors_keep_time_for_very_short_certificates() {
    // 10 days: a third is 3 days, but renewal is due at 7 and urgent at 3.
    assert_eq!(
        level("2030-01-01", "2030-01-10", "2030-01-02"),
        UrgencyLevel::Comfortable
    ); // 8 left
    assert_eq!(
        level("2030-01-01", "2030-01-10", "2030-01-03"),
        UrgencyLevel::Due
    ); // 7 left
    assert_eq!(
        level("2030-01-01", "2030-01-10", "2030-01-07"),
        UrgencyLevel::Urgent
    ); // 3 left
    assert_eq!(
        renewal_urgency(d("2030-01-10"), d("2030-01-01"), d("2030-01-05")),
        None
    );
}

#[test]
fn most_urgent_sorts_first_and_reads_well() {
    let a = renewal_urgency(d("2029-03-15"), d("2029-04-29"), d("2029-04-22")).unwrap(); // urgent
    let b = renewal_urgency(d("2025-01-01"), d("2026-02-01"), d("2025-09-22")).unwrap(); // due
    let c = renewal_urgency(d("2025-01-01"), d("2025-02-01"), d("2025-03-01")).unwrap(); // expired
    let mut all = [b, a, c];
    all.sort_by_key(Urgency::sort_key);
    assert_eq!(
        all.map(|u| u.level),
        [
            UrgencyLevel::Expired,
            UrgencyLevel::Urgent,
            UrgencyLevel::Due
        ]
    );
    assert_eq!(a.describe(), "Renew now · 15% left");
    assert_eq!(a.lifetime_days, 46);
    assert_eq!(c.describe(), "Expired");
}
