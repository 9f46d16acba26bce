use crate::testing::*;
use crate::*;

#[test]
fn worked_example_renewal_385_days() {
    // "valid from 2024-10-01 to 2025-09-30 ... Submit renewal request on
    // 2025-09-10 ... 365 days + 20 days = 385 days ... 2025-09-10 to 2026-09-30."
    let v = validity_on(
        ValidityBasis::CarryOver {
            previous_end: d("2025-09-30"),
        },
        d("2025-09-10"),
    )
    .unwrap();
    assert_eq!(
        v.term,
        Term {
            start: d("2025-09-10"),
            end: d("2026-09-30"),
            carried_over_days: 20
        }
    );
    assert_eq!(v.term.days(), 385);
    assert_eq!(v.chain.len(), 1);
    // The certificate covering it ends on the same day; as the Baseline
    // Requirements count a certificate (notBefore through notAfter inclusive)
    // it is 386 days, under the 398-day cap of its issue day.
    assert_eq!(
        (v.chain[0].from, v.chain[0].to, v.chain[0].days),
        (d("2025-09-10"), d("2026-09-30"), 386)
    );
    assert_eq!(v.chain[0].cap.max_days, 398);
}

#[test]
fn worked_example_hosting() {
    // "expires on August 1, 2022 ... issues a new certificate on July 20, 2022.
    // The new certificate is valid from July 20, 2022, to August 1, 2023".
    let v = validity_on(
        ValidityBasis::CarryOver {
            previous_end: d("2022-08-01"),
        },
        d("2022-07-20"),
    )
    .unwrap();
    assert_eq!(
        (v.term.start, v.term.end, v.term.carried_over_days),
        (d("2022-07-20"), d("2023-08-01"), 12)
    );
    assert_eq!(v.chain.len(), 1);
}

#[test]
fn carry_over_table() {
    // (original end, issued on, carried, new end)
    let cases = [
        ("2025-09-30", "2025-08-31", 30, "2026-09-30"), // exactly 30 left: end = original + 365
        ("2025-09-30", "2025-08-30", 30, "2026-09-29"), // 31 left: capped at 30
        ("2025-09-30", "2025-09-30", 0, "2026-09-30"),  // issued on the last day
        ("2025-09-30", "2025-10-05", 0, "2026-10-05"),  // already expired: nothing carried
        ("2024-02-29", "2024-02-10", 19, "2025-02-28"), // leap day: original + 365
        ("2024-03-10", "2024-02-29", 10, "2025-03-10"),
    ];
    for (end, on, carried, new_end) in cases {
        let term = service_term(
            ValidityBasis::CarryOver {
                previous_end: d(end),
            },
            d(on),
        )
        .unwrap();
        assert_eq!(
            (term.carried_over_days, term.end),
            (carried, d(new_end)),
            "{end} {on}"
        );
    }
}

#[test]
fn purchase_is_365_days_from_issuance() {
    for (on, end) in [
        ("2025-09-10", "2026-09-10"),
        ("2024-02-29", "2025-02-28"),
        ("2023-03-01", "2024-02-29"),
    ] {
        let term = service_term(ValidityBasis::Purchase, d(on)).unwrap();
        assert_eq!((term.end, term.carried_over_days), (d(end), 0), "{on}");
    }
}

#[test]
fn caps_switch_on_their_dates() {
    let cases = [
        ("2026-03-14", 398, 398),
        ("2026-03-15", 200, 200),
        ("2027-03-14", 200, 200),
        ("2027-03-15", 100, 100),
        ("2029-03-14", 100, 100),
        ("2029-03-15", 47, 10),
        ("1970-01-01", 398, 398),
        ("2100-01-01", 47, 10),
    ];
    for (on, max, reuse) in cases {
        let cap = cap_on(d(on));
        assert_eq!((cap.max_days, cap.dcv_reuse_days), (max, reuse), "{on}");
        // CAs issue one day under the cap, counted inclusively.
        assert_eq!(cap.issue_days, max - 1, "{on}");
    }
    assert_eq!(
        cap_on(d("2026-03-14")).label(),
        "398 days (before 2026-03-15)"
    );
    assert_eq!(cap_on(d("2029-03-15")).label(), "47 days (from 2029-03-15)");
    assert_eq!(cap_on(d("2029-03-15")).reissue_lead_days(), 15);
    assert_eq!(cap_on(d("2027-03-15")).reissue_lead_days(), 30);
}

fn assert_chain(v: &Validity) {
    let chain = &v.chain;
    assert_eq!(chain.first().map(|i| i.from), Some(v.term.start));
    assert_eq!(chain.last().map(|i| i.to), Some(v.term.end));
    for i in chain {
        assert!(i.days <= cap_on(i.from).max_days && i.cap == cap_on(i.from));
    }
    for pair in chain.windows(2) {
        assert!(pair[1].from <= pair[0].to && pair[1].from > pair[0].from);
        assert_eq!(
            crate::dates::days_between(pair[1].from, pair[0].to),
            pair[0].cap.reissue_lead_days()
        );
    }
}

#[test]
fn chains_on_each_cap_date_and_the_day_before() {
    // (issued on, days of each certificate, counted inclusively as the Baseline
    // Requirements do) for a renewal with 20 days left (385-day term). Full-length
    // certificates are one day under the cap: 199, 99, 46.
    let cases: [(&str, &[i64]); 6] = [
        ("2026-03-14", &[386]),
        ("2026-03-15", &[199, 199, 50]),
        ("2027-03-14", &[199, 99, 99, 82]),
        ("2027-03-15", &[99, 99, 99, 99, 99, 46]),
        (
            "2029-03-14",
            &[99, 46, 46, 46, 46, 46, 46, 46, 46, 46, 46, 18],
        ),
        (
            "2029-03-15",
            &[46, 46, 46, 46, 46, 46, 46, 46, 46, 46, 46, 46, 26],
        ),
    ];
    for (on, days) in cases {
        let issued = d(on);
        let previous_end = issued + chrono::Days::new(20);
        let v = validity_on(ValidityBasis::CarryOver { previous_end }, issued).unwrap();
        assert_eq!(v.term.days(), 385, "{on}");
        assert_chain(&v);
        let lens: Vec<i64> = v.chain.iter().map(|i| i.days).collect();
        assert_eq!(lens, days, "{on}");
    }
}

#[test]
fn chain_exact_dates_from_2026_03_15() {
    let v = validity_on(ValidityBasis::Purchase, d("2026-03-15")).unwrap();
    let spans: Vec<(chrono::NaiveDate, chrono::NaiveDate)> =
        v.chain.iter().map(|i| (i.from, i.to)).collect();
    assert_eq!(
        spans,
        [
            (d("2026-03-15"), d("2026-09-29")), // 199 days inclusive, one under the cap of 200
            (d("2026-08-30"), d("2027-03-15")), // issued with 30 days left; ends on the term's end
        ]
    );
}

#[test]
fn chain_rejects_bad_terms_and_out_of_range_dates() {
    let t = |a: &str, b: &str| Term {
        start: d(a),
        end: d(b),
        carried_over_days: 0,
    };
    assert_eq!(
        issuance_chain(&t("2025-01-02", "2025-01-01")),
        Err(ValidityError::EndsBeforeStart)
    );
    assert!(matches!(
        issuance_chain(&t("2025-01-01", "2027-01-01")),
        Err(ValidityError::TermTooLong { .. })
    ));
    assert_eq!(
        issuance_chain(&t("2025-01-01", "2025-01-01")).map(|c| c.len()),
        Ok(1)
    );
    assert_eq!(
        service_term(ValidityBasis::Purchase, chrono::NaiveDate::MAX),
        Err(ValidityError::OutOfRange)
    );
    assert!(
        validity_on(
            ValidityBasis::CarryOver {
                previous_end: chrono::NaiveDate::MIN
            },
            chrono::NaiveDate::MIN
        )
        .is_ok()
    );
}

#[test]
fn in_term_reissue() {
    let cert = Certificate {
        term_start: Some(d("2026-11-23")),
        term_end: Some(d("2027-12-13")),
        ..official("2026-11-23", "2027-06-11")
    };
    let next = next_in_term_reissue(&cert, d("2027-05-01")).unwrap();
    assert_eq!(next.scheduled_on, d("2027-05-12")); // 30 days before 2027-06-11
    assert!(!next.due);
    assert_eq!(
        (
            next.issuance.from,
            next.issuance.to,
            next.issuance.cap.max_days
        ),
        (d("2027-05-12"), d("2027-08-18"), 100) // 99 days inclusive
    );
    // Validated 2026-11-23, 170 days before; the reuse period on 2027-05-12 is 100 days.
    assert!(next.fresh_validation_needed);
    let late = next_in_term_reissue(&cert, d("2027-06-01")).unwrap();
    assert!(late.due);
    assert_eq!(late.issuance.from, d("2027-06-01"));
    // The last certificate of the term has nothing after it.
    let last = Certificate {
        not_before: Some(d("2027-11-01")),
        not_after: Some(d("2027-12-13")),
        ..cert.clone()
    };
    assert_eq!(next_in_term_reissue(&last, d("2027-11-20")), None);
    assert_eq!(
        next_in_term_reissue(&official("2025-01-01", "2025-12-01"), d("2025-11-20")),
        None
    );
}

#[test]
fn fresh_validation_by_reuse_period() {
    assert!(!needs_fresh_validation(d("2025-01-01"), d("2026-02-03"))); // 398 days, 398 allowed
    assert!(needs_fresh_validation(d("2025-01-01"), d("2026-02-04")));
    assert!(needs_fresh_validation(d("2029-03-01"), d("2029-03-16"))); // 15 > 10
    assert!(!needs_fresh_validation(d("2029-03-06"), d("2029-03-16")));
}
