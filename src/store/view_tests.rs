//! The view against a plain reference (one lowercase text per certificate,
//! a fresh sort per query): the single search string and the cached group
//! orders must give exactly its rows and counts.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Inventory;
use super::demo::{demo_inventory, generated_inventory};
use super::route::Tab;
use super::view::{Index, Row, STATUS_ORDER, SortOrder, ViewQuery, index, view};
use crate::rules::{CertificateKind, CertificateStatus};

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

const TODAY: &str = "2026-11-23";

/// Rows, per-status counts and matching count, computed the plain way.
fn reference(
    inv: &Inventory,
    idx: &Index,
    tab: Tab,
    query: &ViewQuery,
) -> (Vec<Row>, Vec<(CertificateStatus, usize)>, usize) {
    let certs = &inv.certificates;
    let kind = match tab {
        Tab::Official => CertificateKind::Official,
        Tab::Uploaded => CertificateKind::Uploaded,
    };
    let needle = query.search.trim().to_lowercase();
    let searched = |i: usize| {
        let c = &certs[i];
        needle.is_empty()
            || format!("{}\n{}\n{}", c.name, c.id, c.domains.join("\n"))
                .to_lowercase()
                .contains(&needle)
    };
    let shown = |i: usize| {
        searched(i)
            && query.status.is_none_or(|s| s == idx.status[i])
            && (!query.validation_due || idx.validation_due[i].is_some())
    };
    // Originals (on the tab) and the certificates their orders created.
    let mut roots: Vec<usize> = (0..certs.len())
        .filter(|&i| certs[i].kind == kind && idx.original[i].is_none_or(|o| o == i))
        .collect();
    let name = |i: usize| certs[i].name.to_lowercase();
    match query.sort {
        SortOrder::ExpirySoonest => {
            roots.sort_by_key(|&i| (certs[i].not_after.is_none(), certs[i].not_after, name(i)))
        }
        SortOrder::ExpiryLatest => roots.sort_by_key(|&i| {
            let not_after = certs[i].not_after;
            (not_after.is_none(), std::cmp::Reverse(not_after), name(i))
        }),
        SortOrder::MostUrgent => roots.sort_by_key(|&i| {
            let u = idx.urgency[i];
            (u.is_none(), u.map(|u| u.sort_key()), name(i))
        }),
        SortOrder::Name => roots.sort_by_key(|&i| name(i)),
    }
    let (mut rows, mut counts, mut matching) = (Vec::new(), HashMap::new(), 0);
    for root in roots {
        let mut kids: Vec<usize> = (0..certs.len())
            .filter(|&i| i != root && idx.original[i] == Some(root))
            .collect();
        kids.sort_by_key(|&i| {
            let a = certs[i].association.as_ref().expect("associated");
            (a.order.clone(), a.position)
        });
        for &i in std::iter::once(&root).chain(&kids) {
            if searched(i) {
                matching += 1;
                *counts.entry(idx.status[i]).or_insert(0) += 1;
            }
        }
        let kids: Vec<usize> = kids.into_iter().filter(|&i| shown(i)).collect();
        if shown(root) || !kids.is_empty() {
            rows.push(Row {
                index: root,
                associated: false,
                context: !shown(root),
            });
            rows.extend(kids.into_iter().map(|index| Row {
                index,
                associated: true,
                context: false,
            }));
        }
    }
    let counts = STATUS_ORDER
        .iter()
        .filter_map(|s| counts.get(s).map(|n| (*s, *n)))
        .collect();
    (rows, counts, matching)
}

fn assert_matches_reference(inv: &Inventory, idx: &Index, tab: Tab, query: &ViewQuery) {
    let got = view(inv, idx, tab, query);
    let (rows, counts, matching) = reference(inv, idx, tab, query);
    assert_eq!(*got.rows, rows, "{tab:?} {query:?}");
    assert_eq!(got.counts, counts, "{tab:?} {query:?}");
    assert_eq!(got.matching, matching, "{tab:?} {query:?}");
}

#[test]
fn every_sort_and_search_gives_the_reference_rows_in_any_order_of_queries() {
    let today = date(TODAY);
    for inv in [demo_inventory(today), generated_inventory(today, 600)] {
        // One index for every query: the group orders it caches must not leak
        // from one sort or tab into another, whichever comes first.
        let idx = index(&inv, today);
        let first = &inv.certificates[0];
        let searches = [
            String::new(),
            "  HOST-0 ".into(),
            "example".into(),
            first.id.to_uppercase(),
            first.domains.last().cloned().unwrap_or_default(),
            "no such certificate".into(),
        ];
        for round in 0..2 {
            for sort in SortOrder::ALL {
                for tab in [Tab::Official, Tab::Uploaded] {
                    for search in &searches {
                        let query = ViewQuery {
                            search: search.clone(),
                            sort,
                            validation_due: round == 1,
                            ..ViewQuery::default()
                        };
                        assert_matches_reference(&inv, &idx, tab, &query);
                    }
                }
            }
        }
        let status = ViewQuery {
            status: Some(CertificateStatus::Issued),
            ..ViewQuery::default()
        };
        assert_matches_reference(&inv, &idx, Tab::Official, &status);
    }
}

#[test]
fn a_search_never_matches_across_two_certificates() {
    let today = date(TODAY);
    let mut inv = demo_inventory(today);
    inv.certificates.truncate(2);
    for c in &mut inv.certificates {
        c.kind = CertificateKind::Official;
        c.association = None;
    }
    inv.certificates[0].domains = vec!["left.example".into()];
    inv.certificates[1].name = "right.example".into();
    let idx = index(&inv, today);
    let found = |search: &str| {
        let query = ViewQuery {
            search: search.into(),
            ..ViewQuery::default()
        };
        view(&inv, &idx, Tab::Official, &query).matching
    };
    assert_eq!(found("left.example"), 1);
    assert_eq!(found("right.example"), 1);
    // The end of one certificate's text then the start of the next one's.
    let id = inv.certificates[1].name.clone();
    assert_eq!(found(&format!("left.example{id}")), 0);
    assert_eq!(found(&format!("left.example\0{id}")), 0);
    assert_eq!(found("\0"), 0);
}

#[test]
fn the_index_knows_where_each_original_is() {
    let today = date(TODAY);
    let inv = demo_inventory(today);
    let idx = index(&inv, today);
    for (i, c) in inv.certificates.iter().enumerate() {
        let original = c
            .association
            .as_ref()
            .and_then(|a| inv.position(&a.original));
        assert_eq!(idx.original[i], original, "{}", c.id);
    }
    assert!(idx.original.iter().any(Option::is_some));
}
