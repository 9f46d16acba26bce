use serde_json::{Value, json};

use super::*;
use crate::rules::{DomainType, LifecycleState};
use crate::store::persist::encode;
use crate::store::persist::fixtures::{associated, d, inventory, official, order, uploaded};

/// Imports and checks what must hold after any import: every certificate,
/// quota, price and order that was there is still there, unchanged, first.
fn run(existing: &Inventory, raw: &str) -> (Inventory, ImportReport) {
    let result = import(existing, raw);
    let Ok((merged, report)) = result else {
        panic!("import failed: {result:?}");
    };
    assert_eq!(
        merged.certificates.get(..existing.certificates.len()),
        Some(existing.certificates.as_slice()),
        "certificates already there were changed"
    );
    assert_eq!(
        merged.orders.get(..existing.orders.len()),
        Some(existing.orders.as_slice())
    );
    assert_eq!(merged.quotas, existing.quotas);
    assert_eq!(merged.prices, existing.prices);
    assert_eq!(
        merged.certificates.len(),
        existing.certificates.len() + report.added.len()
    );
    (merged, report)
}

fn list(items: &[Value]) -> String {
    Value::Array(items.to_vec()).to_string()
}

fn value(cert: &Certificate) -> Value {
    serde_json::to_value(cert).unwrap_or_default()
}

/// The single rejection of importing `items` into `existing`.
fn rejection(existing: &Inventory, items: &[Value]) -> RejectedItem {
    let (_, report) = run(existing, &list(items));
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    report
        .rejected
        .into_iter()
        .next()
        .unwrap_or_else(|| RejectedItem {
            index: 0,
            id: None,
            name: None,
            reason: String::new(),
        })
}

fn reason_for(cert: Certificate) -> String {
    rejection(&Inventory::default(), &[value(&cert)]).reason
}

fn www() -> Certificate {
    official("cas-new", "new.example.com", "2026-01-01", "2026-12-31")
}

#[test]
fn own_export_into_the_same_inventory_changes_nothing() {
    let inv = inventory();
    let (merged, report) = run(&inv, &encode(&inv));
    assert_eq!(merged, inv);
    assert!(report.added.is_empty() && report.rejected.is_empty());
    assert_eq!(report.skipped.len(), inv.certificates.len());
    assert!(report.skipped.iter().all(|(_, why)| why == ALREADY_PRESENT));
    assert!(report.orders_added.is_empty());
}

#[test]
fn export_into_an_empty_inventory_adds_certificates_and_orders_not_quotas() {
    let inv = inventory();
    let (merged, report) = run(&Inventory::default(), &encode(&inv));
    assert_eq!(merged.certificates, inv.certificates);
    assert_eq!(merged.orders, inv.orders);
    assert_eq!(report.orders_added, vec!["ord-1".to_string()]);
    assert_eq!(merged.quotas, Default::default());
    assert_eq!(merged.prices, Default::default());
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("quotas and prices were not applied"))
    );
    assert_eq!(report.summary(), "5 certificates added, 1 order added.");
}

#[test]
fn bare_list_of_certificates() {
    let (merged, report) = run(&inventory(), &list(&[value(&www())]));
    assert_eq!(report.added, vec!["cas-new".to_string()]);
    assert_eq!(merged.find("cas-new"), Some(&www()));
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn schema_1_envelope_is_read_and_its_orders_ignored() {
    let raw = json!({
        "schema": 1,
        "data": { "certificates": [value(&www())], "orders": "not ours" }
    });
    let (_, report) = run(&inventory(), &raw.to_string());
    assert_eq!(report.added, vec!["cas-new".to_string()]);
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn domains_are_stored_in_canonical_form() {
    let mut cert = www();
    cert.domains = vec!["NEW.Example.COM.".into()];
    let (merged, _) = run(&Inventory::default(), &list(&[value(&cert)]));
    assert_eq!(
        merged.find("cas-new").map(|c| c.domains.clone()),
        Some(vec!["new.example.com".to_string()])
    );
    // The same certificate again is the one already there.
    let (_, report) = run(&merged, &list(&[value(&cert)]));
    assert_eq!(
        report.skipped,
        vec![("cas-new".into(), ALREADY_PRESENT.into())]
    );
}

#[test]
fn an_item_that_is_not_an_object() {
    let r = rejection(&Inventory::default(), &[value(&www()), json!(42)]);
    assert_eq!(
        (r.index, r.id.clone(), r.label()),
        (1, None, "Item 2".to_string())
    );
    assert_eq!(
        r.reason,
        "it is a number, not a certificate (a JSON object)"
    );
}

#[test]
fn shape_errors_name_the_field_and_the_item() {
    let mut item = value(&www());
    item["spec"]["brand"] = "Acme".into();
    let r = rejection(&Inventory::default(), &[item]);
    assert_eq!(r.id.as_deref(), Some("cas-new"));
    assert_eq!(r.label(), "Item 1 (cas-new, new.example.com)");
    assert!(
        r.reason.starts_with("spec.brand: unknown variant `Acme`"),
        "{}",
        r.reason
    );

    let r = rejection(&Inventory::default(), &[json!({ "id": "x", "name": "y" })]);
    assert!(r.reason.starts_with("missing field"), "{}", r.reason);

    let mut item = value(&www());
    item["domains"] = json!(["a.example.com", 7]);
    let r = rejection(&Inventory::default(), &[item]);
    assert!(
        r.reason.starts_with("domains[1]: invalid type"),
        "{}",
        r.reason
    );
}

#[test]
fn missing_id_or_name() {
    let mut cert = www();
    cert.id = " ".into();
    assert_eq!(reason_for(cert), "it has no ID");
    let mut cert = www();
    cert.name = String::new();
    assert_eq!(reason_for(cert), "it has no name");
}

#[test]
fn invalid_domains() {
    let mut cert = www();
    cert.domains = vec!["bad..example.com".into()];
    assert!(reason_for(cert).starts_with("domains: The name has an empty part"));
    let mut cert = www();
    cert.domains = vec!["a.example.com".into(), "A.example.com".into()];
    cert.spec.domain_type = DomainType::MultiDomain;
    assert_eq!(
        reason_for(cert),
        "domains: \"a.example.com\" is listed twice"
    );
}

#[test]
fn domains_must_match_the_domain_type() {
    let mut cert = www();
    cert.domains = vec!["*.example.com".into()];
    assert_eq!(
        reason_for(cert),
        "its domains make it a Wildcard Domain certificate, but its specification says Single Domain"
    );
}

#[test]
fn domains_may_be_missing_only_before_an_application() {
    let mut cert = www();
    cert.domains = Vec::new();
    assert_eq!(
        reason_for(cert.clone()),
        "it has no bound domains, which a certificate in state Issued must have"
    );
    cert.state = LifecycleState::NotActivated;
    cert.not_before = None;
    cert.not_after = None;
    let (_, report) = run(&Inventory::default(), &list(&[value(&cert)]));
    assert_eq!(report.added.len(), 1);
}

#[test]
fn validity_dates() {
    let mut cert = www();
    cert.not_before = Some(d("2027-01-01"));
    assert_eq!(
        reason_for(cert),
        "it is valid from 2027-01-01 to 2026-12-31: the start is after the end"
    );
    let mut cert = www();
    cert.not_before = None;
    assert!(reason_for(cert).starts_with("it has only one of its two validity dates"));
    let mut cert = www();
    cert.not_before = None;
    cert.not_after = None;
    assert_eq!(reason_for(cert), "it is Issued but has no validity dates");
    let mut cert = www();
    cert.term_start = Some(d("2026-06-01"));
    cert.term_end = Some(d("2026-05-01"));
    assert!(reason_for(cert).starts_with("its service term runs from 2026-06-01"));
    // One day of validity is fine.
    let mut cert = www();
    cert.not_before = cert.not_after;
    assert_eq!(
        run(&Inventory::default(), &list(&[value(&cert)]))
            .1
            .added
            .len(),
        1
    );
}

#[test]
fn impossible_place_in_an_order() {
    let mut child = associated(&www(), "ord-9", 1, 1);
    if let Some(a) = child.association.as_mut() {
        a.position = 3;
    }
    let r = rejection(&Inventory::default(), &[value(&www()), value(&child)]);
    assert_eq!(r.reason, "its place in its order (3 of 1) is impossible");
}

#[test]
fn associations_need_their_original() {
    let root = www();
    let child = associated(&root, "ord-9", 1, 2);
    // Original later in the file: fine.
    let (_, report) = run(&Inventory::default(), &list(&[value(&child), value(&root)]));
    assert_eq!(report.added, vec![child.id.clone(), root.id.clone()]);
    // Original in the inventory: fine.
    let existing = Inventory {
        certificates: vec![root.clone()],
        ..Default::default()
    };
    assert_eq!(
        run(&existing, &list(&[value(&child)])).1.added,
        vec![child.id.clone()]
    );
    // Nowhere.
    let r = rejection(&Inventory::default(), &[value(&child)]);
    assert_eq!(
        r.reason,
        "its original certificate \"cas-new\" is neither in this file nor in the inventory"
    );
}

#[test]
fn a_rejected_original_takes_its_chain_with_it() {
    let mut root = www();
    root.name = String::new();
    let child = associated(&www(), "ord-9", 1, 1);
    let mut grandchild = associated(&child, "ord-10", 1, 1);
    grandchild.id = "grandchild".into();
    let (merged, report) = run(
        &Inventory::default(),
        &list(&[value(&grandchild), value(&root), value(&child)]),
    );
    assert!(merged.certificates.is_empty());
    let reasons: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.index, r.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (0, "its original certificate \"cas-new-1\" was rejected"),
            (1, "it has no name"),
            (2, "its original certificate \"cas-new\" was rejected"),
        ]
    );
}

#[test]
fn associations_that_loop() {
    let mut itself = associated(&www(), "ord-9", 1, 1);
    if let Some(a) = itself.association.as_mut() {
        a.original = itself.id.clone();
    }
    assert_eq!(
        reason_for(itself),
        "it names itself as its original certificate"
    );

    let mut a = associated(&www(), "ord-9", 1, 1);
    let mut b = associated(&www(), "ord-9", 1, 1);
    a.id = "a".into();
    b.id = "b".into();
    if let (Some(x), Some(y)) = (a.association.as_mut(), b.association.as_mut()) {
        x.original = "b".into();
        y.original = "a".into();
    }
    let (_, report) = run(&Inventory::default(), &list(&[value(&a), value(&b)]));
    assert!(report.added.is_empty());
    assert_eq!(report.rejected.len(), 2);
    assert!(
        report
            .rejected
            .iter()
            .any(|r| r.reason.contains("loops back on itself")),
        "{report:?}"
    );
}

#[test]
fn same_id_as_the_inventory() {
    let inv = inventory();
    let mut changed = inv.certificates.get(1).cloned().unwrap_or_else(www);
    changed.name = "renamed".into();
    let r = rejection(&inv, &[value(&changed)]);
    assert_eq!(
        r.reason,
        "a different certificate with this ID is already in the inventory; nothing was changed"
    );
    assert_eq!(r.id.as_deref(), Some("cas-www"));
}

#[test]
fn same_id_twice_in_the_file() {
    let first = www();
    let (_, report) = run(
        &Inventory::default(),
        &list(&[value(&first), value(&first)]),
    );
    assert_eq!(report.added, vec!["cas-new".to_string()]);
    assert_eq!(
        report.skipped,
        vec![("cas-new".into(), LISTED_TWICE.into())]
    );

    let mut other = www();
    other.name = "other".into();
    let r = rejection(&Inventory::default(), &[value(&first), value(&other)]);
    assert_eq!(r.index, 1);
    assert!(
        r.reason
            .starts_with("another certificate in this file has the same ID")
    );
}

#[test]
fn good_items_still_come_in_beside_bad_ones() {
    let mut bad = uploaded("up-bad", "x.example.net", "2026-01-01", "2026-12-31");
    bad.domains = vec!["-x.example.net".into()];
    let good = uploaded("up-good", "y.example.net", "2026-01-01", "2026-12-31");
    let (merged, report) = run(&inventory(), &list(&[value(&bad), value(&good)]));
    assert_eq!(report.added, vec!["up-good".to_string()]);
    assert_eq!(merged.find("up-good"), Some(&good));
    assert_eq!(report.summary(), "1 certificate added, 1 rejected.");
}

fn envelope(certificates: &[Value], orders: Value) -> String {
    json!({ "schema": 2, "data": { "certificates": certificates, "orders": orders } }).to_string()
}

#[test]
fn orders_come_in_only_with_all_their_certificates() {
    let root = www();
    let one = associated(&root, "ord-9", 1, 2);
    let mut two = associated(&root, "ord-9", 2, 2);
    let full = order("ord-9", "cas-new", &["cas-new-1", "cas-new-2"]);
    let raw = envelope(
        &[value(&root), value(&one), value(&two)],
        json!([full.clone()]),
    );
    let (merged, report) = run(&Inventory::default(), &raw);
    assert_eq!(merged.orders, vec![full.clone()]);
    assert_eq!(report.orders_added, vec!["ord-9".to_string()]);

    two.domains = vec!["bad domain".into()];
    let raw = envelope(&[value(&root), value(&one), value(&two)], json!([full]));
    let (merged, report) = run(&Inventory::default(), &raw);
    assert!(merged.orders.is_empty());
    assert!(
        report.notes.contains(
            &"Order \"ord-9\" was not added: its certificate \"cas-new-2\" was not imported."
                .to_string()
        ),
        "{:?}",
        report.notes
    );
}

#[test]
fn orders_already_there_or_unreadable() {
    let inv = inventory();
    let mut changed = inv
        .orders
        .first()
        .cloned()
        .unwrap_or_else(|| order("x", "y", &[]));
    changed.years = 9;
    let raw = envelope(&[], json!([changed, { "id": "ord-2" }, 5]));
    let (merged, report) = run(&inv, &raw);
    assert_eq!(merged.orders, inv.orders);
    assert_eq!(report.notes.len(), 4, "{:?}", report.notes);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("Order \"ord-1\" was not added: a different order"))
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("Order \"ord-2\" was not added: missing field"))
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("Order 3 was not added: invalid type"))
    );
    assert!(
        report
            .notes
            .contains(&"The file lists no certificates.".to_string())
    );

    let (_, report) = run(&inv, &envelope(&[], json!({})));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("\"orders\" is not a list"))
    );
}

#[test]
fn an_order_whose_original_is_missing() {
    let cert = www();
    let raw = envelope(
        &[value(&cert)],
        json!([order("ord-5", "gone", &["cas-new"])]),
    );
    let (_, report) = run(&Inventory::default(), &raw);
    assert!(report.orders_added.is_empty());
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("original certificate \"gone\""))
    );
}

fn error(raw: &str) -> ImportError {
    match import(&inventory(), raw) {
        Err(error) => error,
        Ok(result) => panic!("imported: {result:?}"),
    }
}

#[test]
fn whole_file_errors() {
    assert!(matches!(
        error("id,name\ncas-1,www"),
        ImportError::NotJson(_)
    ));
    assert!(matches!(
        error("[{\"id\": \"cas"),
        ImportError::Truncated(_)
    ));
    assert_eq!(error(" \n"), ImportError::Empty);
    assert_eq!(
        error(r#"{"schema": 3, "data": {}}"#),
        ImportError::Newer { schema: 3 }
    );
    for (raw, says) in [
        ("42", "it holds a number"),
        (r#"{"certificates": []}"#, "no \"schema\""),
        (r#"{"schema": "2", "data": {}}"#, "not a version number"),
        (r#"{"schema": 0, "data": {}}"#, "schema 0"),
        (r#"{"schema": 2}"#, "\"data\" is missing"),
        (
            r#"{"schema": 2, "data": {"certificates": {}}}"#,
            "no list of \"certificates\"",
        ),
    ] {
        let message = error(raw).to_string();
        assert!(message.contains(says), "{raw}: {message}");
        assert!(message.ends_with("Nothing was imported."), "{message}");
    }
}

#[test]
fn too_many_items() {
    let raw = format!("[{}0]", "0,".repeat(MAX_IMPORT_ITEMS));
    let message = error(&raw).to_string();
    assert_eq!(
        error(&raw),
        ImportError::TooManyItems {
            count: MAX_IMPORT_ITEMS + 1
        }
    );
    assert!(message.contains("at most 50,000"), "{message}");
}

#[test]
fn messages_read_as_sentences() {
    let message = ImportError::Newer { schema: 3 }.to_string();
    assert_eq!(
        message,
        "The file was exported by a newer version of Certdesk (schema 3; this version reads up to 2). \
         Nothing was imported: update Certdesk, then import it again."
    );
}

#[test]
fn the_demo_inventories_pass_their_own_import() {
    let today = d("2026-11-23");
    for inv in [
        crate::store::demo::demo_inventory(today),
        crate::store::demo::generated_inventory(today, 2_000),
    ] {
        let (merged, report) = run(&Inventory::default(), &encode(&inv));
        assert_eq!(report.rejected, Vec::new());
        assert_eq!(merged.certificates, inv.certificates);
        assert_eq!(merged.orders, inv.orders);
        assert_eq!(report.added.len(), inv.certificates.len());
    }
}
