use super::fixtures::{inventory, prices};
use super::*;

fn reason(loaded: Loaded) -> String {
    match loaded {
        Loaded::Unreadable { reason } => reason,
        other => format!("not unreadable: {other:?}"),
    }
}

fn decode_default(raw: &str) -> Loaded {
    decode(raw, &PriceTable::default())
}

#[test]
fn round_trip_keeps_everything() {
    let inv = inventory();
    let raw = encode(&inv);
    assert!(raw.starts_with(r#"{"schema":2,"data":{"#), "{raw}");
    assert_eq!(
        decode_default(&raw),
        Loaded::Ok {
            inventory: inv,
            migrated_from: None
        }
    );
}

#[test]
fn empty_inventory_round_trips() {
    let raw = encode(&Inventory::default());
    assert_eq!(
        decode_default(&raw),
        Loaded::Ok {
            inventory: Inventory::default(),
            migrated_from: None
        }
    );
}

#[test]
fn schema_1_is_migrated_with_the_default_prices() {
    let inv = inventory();
    let v1 = serde_json::json!({ "schema": 1, "data": { "certificates": inv.certificates } });
    let loaded = decode(&v1.to_string(), &prices());
    assert_eq!(
        loaded,
        Loaded::Ok {
            inventory: Inventory {
                certificates: inv.certificates,
                quotas: Default::default(),
                prices: prices(),
                orders: Vec::new(),
                sandbox: Default::default(),
                policies: Vec::new(),
            },
            migrated_from: Some(1),
        }
    );
}

#[test]
fn schema_1_with_a_bad_certificate_is_unreadable_with_its_path() {
    let raw = r#"{"schema":1,"data":{"certificates":[{"id":"a"}]}}"#;
    let reason = reason(decode_default(raw));
    assert!(reason.contains("data.certificates[0]"), "{reason}");
    assert!(reason.contains("missing field"), "{reason}");
}

#[test]
fn newer_schema_is_reported_not_read() {
    assert_eq!(
        decode_default(r#"{"schema":3,"data":{"anything":"else"}}"#),
        Loaded::Newer { schema: 3 }
    );
    // A newer layout may not even have `data`.
    assert_eq!(
        decode_default(r#"{"schema":7,"payload":[]}"#),
        Loaded::Newer { schema: 7 }
    );
    assert_eq!(
        decode_default(r#"{"schema":99999999999,"data":{}}"#),
        Loaded::Newer { schema: u32::MAX }
    );
}

#[test]
fn not_json_is_unreadable() {
    let reason = reason(decode_default("certificates: none"));
    assert!(
        reason.starts_with("The saved inventory is not JSON ("),
        "{reason}"
    );
    let reason = reason_of(r#"{"schema":2,"data":{}} trailing"#);
    assert!(reason.contains("not JSON"), "{reason}");
}

fn reason_of(raw: &str) -> String {
    reason(decode_default(raw))
}

#[test]
fn truncated_json_says_it_is_cut_short() {
    let raw = encode(&inventory());
    for cut in [1, raw.len() / 3, raw.len() / 2, raw.len() - 1] {
        let reason = reason_of(raw.get(..cut).unwrap_or(""));
        assert!(reason.contains("cut short"), "{cut}: {reason}");
    }
}

#[test]
fn empty_and_blank_are_unreadable() {
    assert_eq!(reason_of(""), "The saved inventory is empty.");
    assert_eq!(reason_of("  \n"), "The saved inventory is empty.");
}

#[test]
fn other_json_values_are_not_an_envelope() {
    for (raw, found) in [
        ("[2, {}]", "a list"),
        (r#"[2, {"certificates": []}]"#, "a list"),
        ("\"text\"", "a string"),
        ("42", "a number"),
        ("true", "true or false"),
        ("null", "null"),
    ] {
        let reason = reason_of(raw);
        assert!(reason.contains(found), "{raw}: {reason}");
        assert!(
            reason.contains("not in Certdesk's format"),
            "{raw}: {reason}"
        );
    }
}

#[test]
fn envelope_without_schema_or_data_is_unreadable() {
    let reason = reason_of(r#"{"certificates":[]}"#);
    assert!(reason.contains("no \"schema\""), "{reason}");
    let reason = reason_of(r#"{"schema":null,"data":{}}"#);
    assert!(reason.contains("no \"schema\""), "{reason}");
    let reason = reason_of(r#"{"schema":2}"#);
    assert!(reason.contains("no \"data\""), "{reason}");
    let reason = reason_of(r#"{"schema":2,"data":null}"#);
    assert!(reason.contains("no \"data\""), "{reason}");
}

#[test]
fn schema_that_is_not_a_version_number_is_unreadable() {
    for schema in ["\"2\"", "-1", "1.5", "{}"] {
        let reason = reason_of(&format!(r#"{{"schema":{schema},"data":{{}}}}"#));
        assert!(
            reason.contains("not a version number"),
            "{schema}: {reason}"
        );
    }
    let reason = reason_of(r#"{"schema":0,"data":{}}"#);
    assert!(reason.contains("schema 0"), "{reason}");
}

#[test]
fn wrong_types_name_the_path() {
    let mut value = serde_json::to_value(inventory()).unwrap_or_default();
    value["certificates"][2]["spec"]["brand"] = "Acme".into();
    let raw = serde_json::json!({ "schema": 2, "data": value }).to_string();
    let reason = reason_of(&raw);
    assert!(
        reason.contains("at data.certificates[2].spec.brand: unknown variant `Acme`"),
        "{reason}"
    );

    let reason = reason_of(r#"{"schema":2,"data":{"certificates":{}}}"#);
    assert!(reason.contains("data.certificates"), "{reason}");
    assert!(reason.contains("expected a sequence"), "{reason}");

    let reason = reason_of(
        r#"{"schema":2,"data":{"certificates":[],"quotas":{"units":"many","managed_service":1}}}"#,
    );
    assert!(reason.contains("data.quotas.units"), "{reason}");
}

#[test]
fn data_without_certificates_is_unreadable() {
    let reason = reason_of(r#"{"schema":2,"data":{}}"#);
    assert!(reason.contains("missing field `certificates`"), "{reason}");
}

#[test]
fn keep_aside_key_is_a_utc_stamp() {
    // 2026-11-23T10:00:00Z
    assert_eq!(
        keep_aside_key("certdesk.inventory", 1_795_428_000_000.0),
        "certdesk.inventory.kept-2026-11-23T10-00-00Z"
    );
    assert_eq!(keep_aside_key("k", f64::NAN), "k.kept-1970-01-01T00-00-00Z");
    assert_eq!(
        keep_aside_key("k", f64::INFINITY),
        "k.kept-1970-01-01T00-00-00Z"
    );
}
