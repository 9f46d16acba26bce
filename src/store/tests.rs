//! Native tests of the demo inventory, the reducer and the view.

use std::collections::HashSet;
use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use super::demo::{demo_inventory, generated_inventory};
use super::route::Tab;
use super::view::{SortOrder, ViewQuery, index, view};
use super::{Action, AppState, NoticeKind};
use crate::backend::{BackendError, CertificateBackend, SandboxBackend};
use crate::rules::testing::ready;
use crate::rules::{
    Brand, CertificateKind, CertificateStatus, DomainType, LifecycleState, ValidationType,
    domain_type_of, remaining_units, status_at,
};

/// Cancels through the sandbox backend and applies the result.
fn cancel(s: Rc<AppState>, id: &str) -> Result<Rc<AppState>, BackendError> {
    let cancelled = ready(SandboxBackend.cancel(&s.inventory, id, s.today()))?;
    Ok(s.reduce(Action::Cancelled(Box::new(cancelled))))
}

/// Deletes through the sandbox backend and applies the result.
fn delete(s: Rc<AppState>, id: &str) -> Result<Rc<AppState>, BackendError> {
    let id = ready(SandboxBackend.delete(&s.inventory, id, s.today()))?;
    Ok(s.reduce(Action::Deleted(id)))
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

const TODAY: &str = "2026-11-23";

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(
        demo_inventory(date(TODAY)),
        date(TODAY),
        None,
        true,
    ))
}

#[test]
fn the_demo_reproduces_the_documents_example_on_2025_09_10() {
    let inv = demo_inventory(date("2025-09-10"));
    let shop = inv.find("cas-7f3a21").unwrap();
    assert_eq!(shop.not_before, Some(date("2024-10-01")));
    assert_eq!(shop.not_after, Some(date("2025-09-30")));
    assert_eq!(
        status_at(shop, date("2025-09-10")),
        CertificateStatus::PendingExpiration
    );
}

#[test]
fn the_demo_exercises_every_status_spec_and_shape() {
    let today = date(TODAY);
    let inv = demo_inventory(today);
    let statuses: HashSet<_> = inv
        .certificates
        .iter()
        .map(|c| status_at(c, today))
        .collect();
    for s in super::view::STATUS_ORDER {
        assert!(statuses.contains(&s), "demo lacks {s:?}");
    }
    let has = |f: &dyn Fn(&crate::rules::Certificate) -> bool| inv.certificates.iter().any(f);
    for b in [Brand::AlibabaCloud, Brand::DigiCert, Brand::GlobalSign] {
        assert!(has(&|c| c.spec.brand == b), "{b:?}");
    }
    for v in [ValidationType::Dv, ValidationType::Ov, ValidationType::Ev] {
        assert!(has(&|c| c.spec.validation == v), "{v:?}");
    }
    for d in [
        DomainType::Single,
        DomainType::Wildcard,
        DomainType::MultiDomain,
    ] {
        assert!(has(&|c| c.spec.domain_type == d), "{d:?}");
    }
    assert!(has(&|c| c.pca) && has(&|c| c.kind == CertificateKind::Uploaded && !c.pca));
    let left = |c: &crate::rules::Certificate| c.not_after.map(|e| (e - today).num_days());
    assert!(has(
        &|c| c.state == LifecycleState::Issued && left(c).is_some_and(|d| (0..=15).contains(&d))
    ));
    assert!(has(
        &|c| c.state == LifecycleState::Issued && left(c).is_some_and(|d| (16..=30).contains(&d))
    ));
    for n in [2, 3] {
        assert!(
            has(&|c| c.association.as_ref().is_some_and(|a| a.of == n)),
            "chain of {n}"
        );
    }
    assert!(
        inv.quotas.units.iter().any(|(_, n)| *n == 0),
        "a specification at zero"
    );
    let ids: HashSet<_> = inv.certificates.iter().map(|c| &c.id).collect();
    assert_eq!(ids.len(), inv.certificates.len(), "ids are unique");
    for c in &inv.certificates {
        assert_eq!(
            domain_type_of(&c.domains),
            Ok(c.spec.domain_type),
            "{}",
            c.id
        );
    }
}

#[test]
fn associated_certificates_follow_their_original_on_its_tab() {
    let today = date(TODAY);
    let inv = demo_inventory(today);
    let idx = index(&inv, today);
    let rows = view(&inv, &idx, Tab::Official, &ViewQuery::default()).rows;
    let pos = rows
        .iter()
        .position(|r| inv.certificates[r.index].id == "cas-9a0b31")
        .unwrap();
    let under: Vec<_> = rows[pos + 1..pos + 4]
        .iter()
        .map(|r| (inv.certificates[r.index].id.as_str(), r.associated))
        .collect();
    assert_eq!(
        under,
        [
            ("cas-9a0b32-1", true),
            ("cas-9a0b32-2", true),
            ("cas-9a0b32-3", true)
        ]
    );
    let uploaded = view(&inv, &idx, Tab::Uploaded, &ViewQuery::default());
    assert!(uploaded.rows.iter().all(|r| {
        let c = &inv.certificates[r.index];
        c.kind == CertificateKind::Uploaded
    }));
    assert!(uploaded.rows.iter().any(|r| r.associated));
}

#[test]
fn search_filter_counts_and_sort() {
    let today = date(TODAY);
    let inv = demo_inventory(today);
    let idx = index(&inv, today);
    let all = view(&inv, &idx, Tab::Official, &ViewQuery::default());
    assert_eq!(all.rows.len(), all.total);
    let expiries: Vec<_> = all
        .rows
        .iter()
        .filter(|r| !r.associated)
        .filter_map(|r| inv.certificates[r.index].not_after)
        .collect();
    assert!(expiries.windows(2).all(|w| w[0] <= w[1]), "soonest first");
    let latest = view(
        &inv,
        &idx,
        Tab::Official,
        &ViewQuery {
            sort: SortOrder::ExpiryLatest,
            ..Default::default()
        },
    );
    let expiries: Vec<_> = latest
        .rows
        .iter()
        .filter(|r| !r.associated)
        .filter_map(|r| inv.certificates[r.index].not_after)
        .collect();
    assert!(expiries.windows(2).all(|w| w[0] >= w[1]), "latest first");

    let pe = all
        .counts
        .iter()
        .find(|(s, _)| *s == CertificateStatus::PendingExpiration)
        .unwrap()
        .1;
    let filtered = view(
        &inv,
        &idx,
        Tab::Official,
        &ViewQuery {
            status: Some(CertificateStatus::PendingExpiration),
            ..Default::default()
        },
    );
    assert_eq!(filtered.rows.iter().filter(|r| !r.context).count(), pe);

    let q = ViewQuery {
        search: "  PAY.example ".into(),
        ..Default::default()
    };
    let found = view(&inv, &idx, Tab::Official, &q);
    assert_eq!(
        found.rows.len(),
        4,
        "the original and its three associated certificates"
    );
    assert_eq!(found.matching, 4);
    let by_domain = view(
        &inv,
        &idx,
        Tab::Official,
        &ViewQuery {
            search: "mail.example.org".into(),
            ..Default::default()
        },
    );
    assert_eq!(by_domain.rows.len(), 1);
    let none = view(
        &inv,
        &idx,
        Tab::Official,
        &ViewQuery {
            search: "no-such-host".into(),
            ..Default::default()
        },
    );
    assert!(none.rows.is_empty() && none.counts.is_empty());

    // Filtering on an associated certificate's status keeps its original above it, as context.
    let na = view(
        &inv,
        &idx,
        Tab::Official,
        &ViewQuery {
            status: Some(CertificateStatus::NotActivated),
            ..Default::default()
        },
    );
    assert!(na.rows.first().is_some_and(|r| r.context && !r.associated));
}

#[test]
fn cancelling_a_not_activated_certificate_returns_its_quota() {
    let s = state();
    let spec = s.inventory.find("cas-3c4d56-2").unwrap().spec;
    let (units, ms) = (
        remaining_units(&s.inventory.quotas, &spec),
        s.inventory.quotas.managed_service,
    );
    let s = cancel(s, "cas-3c4d56-2").expect("a Not Activated certificate is cancelled");
    assert_eq!(
        s.inventory.find("cas-3c4d56-2").unwrap().state,
        LifecycleState::Cancelled
    );
    assert_eq!(remaining_units(&s.inventory.quotas, &spec), units + 1);
    assert_eq!(s.inventory.quotas.managed_service, ms + 1);
    assert_eq!(s.rev, 1);
    assert!(s.needs_save());
    let notice = s.notices.last().unwrap();
    assert_eq!(notice.kind, NoticeKind::Success);
    assert!(
        notice.text.contains("1 Managed Service use"),
        "{}",
        notice.text
    );
}

#[test]
fn refused_actions_change_nothing_and_say_why() {
    let s = state();
    // An issued certificate cannot be cancelled; an original with associated ones cannot be deleted.
    let refused = cancel(s.clone(), "cas-2d9e77").unwrap_err();
    assert!(matches!(refused, BackendError::Refused(_)), "{refused}");
    let refused = delete(s.clone(), "cas-2a7c90").unwrap_err();
    assert!(refused.to_string().contains("associated"), "{refused}");
    let gone = delete(s.clone(), "no-such-id").unwrap_err();
    assert!(
        gone.to_string().contains("no longer in the inventory"),
        "{gone}"
    );
    assert_eq!(s.rev, 0, "nothing was applied");
}

#[test]
fn delete_removes_an_expired_certificate() {
    let s = delete(state(), "cas-61aa90").expect("an Expired certificate is deleted");
    assert!(s.inventory.find("cas-61aa90").is_none());
    assert_eq!(s.notices.last().unwrap().kind, NoticeKind::Success);
}

#[test]
fn the_as_of_date_changes_statuses_and_today_clears_it() {
    let s = state();
    let shop = s.inventory.find("cas-7f3a21").unwrap().clone();
    assert_eq!(
        status_at(&shop, s.today()),
        CertificateStatus::PendingExpiration
    );
    let s = s.reduce(Action::SetAsOf(Some(date("2026-12-31"))));
    assert_eq!(s.today(), date("2026-12-31"));
    assert_eq!(status_at(&shop, s.today()), CertificateStatus::Expired);
    let s = s.reduce(Action::SetAsOf(Some(date(TODAY))));
    assert_eq!(s.as_of, None, "choosing today is the same as no As of date");
}

#[test]
fn another_tabs_inventory_is_shown_but_not_saved_back() {
    let s = state();
    let mut other = (*s.inventory).clone();
    other.certificates.truncate(3);
    let s = s.reduce(Action::FromOtherTab(other.clone()));
    assert_eq!(*s.inventory, other);
    assert!(!s.needs_save());
    let same = s.clone().reduce(Action::FromOtherTab(other));
    assert!(
        Rc::ptr_eq(&s, &same),
        "an identical inventory changes nothing"
    );
}

#[test]
fn uploads_are_added_once_and_files_and_verifications_kept() {
    let s = state();
    let mut upload = s.inventory.find("up-3e65").unwrap().clone();
    upload.id = "up-new".into();
    let n = s.inventory.certificates.len();
    let added =
        ready(SandboxBackend.add_uploads(&s.inventory, vec![upload.clone(), upload.clone()]))
            .expect("uploads are added");
    let s = s.reduce(Action::Uploaded { added, offered: 2 });
    assert_eq!(s.inventory.certificates.len(), n + 1);
    assert!(
        s.notices
            .last()
            .unwrap()
            .text
            .contains("1 already in the inventory")
    );
    let s = s.reduce(Action::AttachFile {
        id: "up-new".into(),
        pem: "PEM".into(),
        for_validity: None,
    });
    assert_eq!(
        s.inventory.find("up-new").unwrap().pem.as_deref(),
        Some("PEM")
    );
    let record = crate::rules::VerificationRecord {
        on: date(TODAY),
        passed: true,
        summary: "ok".into(),
    };
    let verified =
        ready(SandboxBackend.record_verification(&s.inventory, "up-new", record.clone()))
            .expect("the verdict is kept");
    let s = s.reduce(Action::Verified(Box::new(verified)));
    assert_eq!(s.inventory.find("up-new").unwrap().verified, Some(record));
    let rev = s.rev;
    let s = s.reduce(Action::AttachFile {
        id: "missing".into(),
        pem: "PEM".into(),
        for_validity: None,
    });
    assert_eq!(s.rev, rev);
    assert_eq!(s.notices.last().unwrap().kind, NoticeKind::Error);
}

#[test]
fn stop_saving_keeps_changes_in_memory_only() {
    let s = state().reduce(Action::StopSaving(super::Notice::new(
        NoticeKind::Warning,
        "newer",
    )));
    let s = delete(s, "cas-61aa90").expect("deleted");
    assert!(s.inventory.find("cas-61aa90").is_none());
    assert!(!s.needs_save());
}

#[test]
fn reset_demo_restores_the_demo_for_the_as_of_date() {
    let s = delete(state(), "cas-61aa90").expect("deleted");
    let s = s.reduce(Action::SetAsOf(Some(date("2025-09-10"))));
    let s = s.reduce(Action::ResetDemo);
    assert_eq!(*s.inventory, demo_inventory(date("2025-09-10")));
}

#[test]
fn notices_are_bounded_and_dismissible() {
    let mut s = state();
    for i in 0..8 {
        s = s.reduce(Action::Notify(super::Notice::new(
            NoticeKind::Info,
            format!("n{i}"),
        )));
    }
    assert_eq!(s.notices.len(), 5);
    let id = s.notices[0].id;
    let s = s.reduce(Action::Dismiss(id));
    assert!(s.notices.iter().all(|n| n.id != id));
}

#[test]
fn the_generated_inventory_has_the_asked_size_and_unique_ids() {
    let inv = generated_inventory(date(TODAY), 10_000);
    assert_eq!(inv.certificates.len(), 10_000);
    let ids: HashSet<_> = inv.certificates.iter().map(|c| &c.id).collect();
    assert_eq!(ids.len(), 10_000);
    let idx = index(&inv, date(TODAY));
    let official = view(&inv, &idx, Tab::Official, &ViewQuery::default());
    let uploaded = view(&inv, &idx, Tab::Uploaded, &ViewQuery::default());
    assert_eq!(official.total + uploaded.total, 10_000);
}

#[test]
fn a_file_made_for_an_older_validity_is_not_attached() {
    let s = state();
    let cert = s.inventory.find("cas-2d9e77").unwrap().clone();
    let stale = (date("2020-01-01"), date("2020-12-31"));
    let s = s.reduce(Action::AttachFile {
        id: cert.id.clone(),
        pem: "OLD".into(),
        for_validity: Some(stale),
    });
    assert_eq!(s.inventory.find(&cert.id).unwrap().pem, None);
    let current = cert.not_before.zip(cert.not_after);
    let s = s.reduce(Action::AttachFile {
        id: cert.id.clone(),
        pem: "NEW".into(),
        for_validity: current,
    });
    assert_eq!(
        s.inventory.find(&cert.id).unwrap().pem.as_deref(),
        Some("NEW")
    );
}

#[test]
fn most_urgent_first_and_the_validation_filter() {
    use crate::rules::testing::{d, official};
    use crate::store::Inventory;
    // A: 199 days with a reissue planned inside its term on 2027-05-10; its
    // validation (taken as 2026-11-23) can be reused until 2027-03-14 only.
    let a = crate::rules::Certificate {
        id: "cas-a".into(),
        name: "a".into(),
        domains: vec!["shop.example.com".into()],
        term_start: Some(d("2026-11-23")),
        term_end: Some(d("2027-12-13")),
        ..official("2026-11-23", "2027-06-09")
    };
    // B: expires sooner, but a 31-day certificate with 16 days left is in good time.
    let b = crate::rules::Certificate {
        id: "cas-b".into(),
        name: "b".into(),
        domains: vec!["b.example.com".into()],
        ..official("2027-04-01", "2027-05-01")
    };
    let inv = Inventory {
        certificates: vec![a, b],
        ..Default::default()
    };
    let today = d("2027-04-15");
    let idx = index(&inv, today);
    let ids = |q: &ViewQuery| -> Vec<String> {
        view(&inv, &idx, Tab::Official, q)
            .rows
            .iter()
            .map(|r| inv.certificates[r.index].id.clone())
            .collect()
    };
    assert_eq!(
        ids(&ViewQuery::default()),
        ["cas-b", "cas-a"],
        "soonest expiry first"
    );
    let urgent = ViewQuery {
        sort: SortOrder::MostUrgent,
        ..Default::default()
    };
    assert_eq!(
        ids(&urgent),
        ["cas-a", "cas-b"],
        "least of its lifetime left first"
    );
    let due = ViewQuery {
        validation_due: true,
        ..Default::default()
    };
    assert_eq!(
        ids(&due),
        ["cas-a"],
        "the reissue of 2027-05-10 needs a new validation"
    );
    assert_eq!(
        view(&inv, &idx, Tab::Official, &ViewQuery::default()).validation_due,
        1
    );
    // Two months earlier the reissue is not within 30 days.
    let early = index(&inv, d("2027-02-15"));
    assert!(view(&inv, &early, Tab::Official, &due).rows.is_empty());
}
