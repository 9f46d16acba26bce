//! Native tests of the renewal timeline and the 12-month load, on fixed dates.

use chrono::NaiveDate;

use super::demo::demo_inventory;
use super::inventory::Inventory;
use super::route::Tab;
use super::timeline::{MonthLoad, Phase, cert_timeline, load_events, month_load};
use super::view::{ViewQuery, index, view};
use crate::rules::{Association, LifecycleState, dcv_reuse_until};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

/// One Official record with the term 2026-11-01 to 2027-11-01 whose first
/// certificate (199 days, under the 200-day cap) is current, and the Not
/// Activated certificate its two-year renewal order made.
fn inventory() -> Inventory {
    let mut inv = demo_inventory(date(TODAY));
    let mut cert = inv.find("cas-2d9e77").unwrap().clone();
    cert.id = "rec-1".into();
    cert.name = "api.example.com".into();
    cert.state = LifecycleState::Issued;
    cert.term_start = Some(date("2026-11-01"));
    cert.term_end = Some(date("2027-11-01"));
    cert.not_before = Some(date("2026-11-01"));
    cert.not_after = Some(date("2027-05-18"));
    cert.validations.clear();
    let mut next = cert.clone();
    next.id = "rec-2".into();
    next.state = LifecycleState::NotActivated;
    (
        next.not_before,
        next.not_after,
        next.term_start,
        next.term_end,
    ) = (None, None, None, None);
    next.association = Some(Association {
        original: "rec-1".into(),
        order: "ord-1".into(),
        position: 2,
        of: 2,
        renewal: true,
    });
    inv.certificates = vec![cert, next];
    inv
}

fn nonzero(load: &[MonthLoad]) -> Vec<(String, usize, usize, usize, usize)> {
    load.iter()
        .filter(|m| m.total() > 0)
        .map(|m| {
            (
                super::timeline::month_label(m.month),
                m.expiries,
                m.starts,
                m.reissues,
                m.validations,
            )
        })
        .collect()
}

#[test]
fn the_next_12_months_count_reissues_validations_and_starts() {
    let inv = inventory();
    let events = load_events(&inv, date(TODAY));
    let load = month_load(&events, 0..inv.certificates.len(), date(TODAY));
    assert_eq!(load.len(), 12);
    assert_eq!(load[0].month, (2026, 11));
    assert_eq!(load[11].month, (2027, 10));
    // Reissues 30 days before each certificate ends: 2027-04-18 (now under the
    // 100-day cap, and the validation of 2026-11-01 is older than the 100 days
    // it may be reused for), 2027-06-25, 2027-09-01; the Managed Service
    // starts the next certificate 30 days before the term ends (2027-10-02).
    // The term itself ends on 2027-11-01, after the 12 months.
    assert_eq!(
        nonzero(&load),
        vec![
            ("2027-04".into(), 0, 0, 1, 1),
            ("2027-06".into(), 0, 0, 1, 0),
            ("2027-09".into(), 0, 0, 1, 0),
            ("2027-10".into(), 0, 1, 0, 0),
        ]
    );
    // The start belongs to the record that starts.
    assert_eq!(month_load(&events, [1], date(TODAY))[11].starts, 1);
    assert_eq!(month_load(&events, [1], date(TODAY))[5].reissues, 0);
}

#[test]
fn expiries_count_the_end_of_service_and_nothing_before_today() {
    let mut inv = inventory();
    inv.certificates.truncate(1);
    let cert = &mut inv.certificates[0];
    (cert.term_start, cert.term_end) = (None, None);
    (cert.not_before, cert.not_after) = (Some(date("2026-02-01")), Some(date("2027-02-28")));
    let events = load_events(&inv, date(TODAY));
    assert_eq!(
        nonzero(&month_load(&events, [0], date(TODAY))),
        vec![("2027-02".into(), 1, 0, 0, 0)]
    );
    // Seen from after its end, nothing is left to count.
    let events = load_events(&inv, date("2027-03-01"));
    assert!(events[0].is_empty());
}

#[test]
fn the_demo_inventory_has_load_in_its_first_months() {
    let today = date(TODAY);
    let inv = demo_inventory(today);
    let events = load_events(&inv, today);
    let load = month_load(&events, 0..inv.certificates.len(), today);
    let all: usize = load.iter().map(MonthLoad::total).sum();
    let listed: usize = events.iter().map(Vec::len).sum();
    assert_eq!(all, listed, "every event falls in one of the 12 months");
    // The documents' example ends 20 days from today: in December.
    assert!(load[1].expiries >= 1, "{load:?}");
}

#[test]
fn a_month_filters_the_list_to_certificates_with_something_in_it() {
    let inv = inventory();
    let today = date(TODAY);
    let idx = index(&inv, today);
    let rows = |month| {
        let query = ViewQuery {
            month,
            ..ViewQuery::default()
        };
        view(&inv, &idx, Tab::Official, &query)
            .rows
            .iter()
            .map(|r| (inv.certificates[r.index].id.clone(), r.context))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(None).len(), 2);
    assert_eq!(rows(Some((2027, 4))), vec![("rec-1".to_string(), false)]);
    // The start is the Not Activated record's: its original is shown as context.
    assert_eq!(
        rows(Some((2027, 10))),
        vec![("rec-1".to_string(), true), ("rec-2".to_string(), false)]
    );
    assert!(rows(Some((2027, 1))).is_empty());
}

#[test]
fn the_timeline_of_one_certificate_has_its_term_chain_start_and_deadlines() {
    let inv = inventory();
    let t = cert_timeline(&inv, "rec-1", date(TODAY)).unwrap();
    assert_eq!(t.span, (date("2026-11-01"), date("2027-11-01")));
    assert!(t.paid_term);
    let chain: Vec<(Phase, NaiveDate, NaiveDate, i64, i64)> = t
        .chain
        .iter()
        .map(|c| {
            let i = c.issuance;
            (c.phase, i.from, i.to, i.days, i.cap.max_days)
        })
        .collect();
    assert_eq!(
        chain,
        vec![
            (
                Phase::Current,
                date("2026-11-01"),
                date("2027-05-18"),
                199,
                200
            ),
            (
                Phase::Planned,
                date("2027-04-18"),
                date("2027-07-25"),
                99,
                100
            ),
            (
                Phase::Planned,
                date("2027-06-25"),
                date("2027-10-01"),
                99,
                100
            ),
            (
                Phase::Planned,
                date("2027-09-01"),
                date("2027-11-01"),
                62,
                100
            ),
        ]
    );
    assert_eq!(t.starts.len(), 1);
    assert_eq!(
        (t.starts[0].on, t.starts[0].record_id.as_str()),
        (date("2027-10-02"), "rec-2")
    );
    assert_eq!(t.clocks.len(), 1);
    assert_eq!(t.clocks[0].reuse_until, dcv_reuse_until(date("2026-11-01")));
    assert_eq!(t.clocks[0].due_on(), Some(date("2027-04-18")));
    assert_eq!(t.extent(), (date("2026-11-01"), date("2027-11-01")));
}

#[test]
fn later_in_the_term_the_first_certificate_is_an_earlier_one() {
    let mut inv = inventory();
    let today = date("2027-05-01");
    let cert = &mut inv.certificates[0];
    (cert.not_before, cert.not_after) = (Some(date("2027-04-18")), Some(date("2027-07-25")));
    let t = cert_timeline(&inv, "rec-1", today).unwrap();
    let phases: Vec<(Phase, NaiveDate)> =
        t.chain.iter().map(|c| (c.phase, c.issuance.from)).collect();
    assert_eq!(
        phases,
        vec![
            (Phase::Earlier, date("2026-11-01")),
            (Phase::Current, date("2027-04-18")),
            (Phase::Planned, date("2027-06-25")),
            (Phase::Planned, date("2027-09-01")),
        ]
    );
    // An uploaded certificate without a term spans its own validity.
    let cert = &mut inv.certificates[0];
    (cert.term_start, cert.term_end) = (None, None);
    let t = cert_timeline(&inv, "rec-1", today).unwrap();
    assert!(!t.paid_term);
    assert_eq!(t.span, (date("2027-04-18"), date("2027-07-25")));
    assert!(cert_timeline(&inv, "rec-2", today).is_none());
}
