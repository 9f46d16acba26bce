use super::*;
use crate::store::persist::fixtures::{associated, d, inventory, official, uploaded};

const HEADER_LINE: &str = "Tab,Certificate ID,Name,Domains,Brand,Validation,Domain type,\
Key algorithm,Status,Valid from,Valid to,Days left,Original certificate\r\n";

fn ids(inv: &Inventory) -> Vec<&str> {
    in_list_order(inv).iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn empty_inventory_is_the_header_alone() {
    assert_eq!(to_csv(&Inventory::default(), d("2026-11-23")), HEADER_LINE);
}

#[test]
fn rows_follow_the_console() {
    let csv = to_csv(&inventory(), d("2026-11-23"));
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(
        lines,
        vec![
            HEADER_LINE.trim_end(),
            "Official Certificate,cas-www,www.example.com,www.example.com,DigiCert,DV,Single Domain,RSA 2048,Pending Expiration,2026-01-01,2026-12-20,27,",
            "Official Certificate,cas-www-1,www.example.com,www.example.com,DigiCert,DV,Single Domain,RSA 2048,Pending Application,,,,cas-www",
            "Official Certificate,cas-www-2,www.example.com,www.example.com,DigiCert,DV,Single Domain,RSA 2048,Not Activated,,,,cas-www",
            "Official Certificate,cas-api,api.example.com,api.example.com,DigiCert,DV,Single Domain,RSA 2048,Expired,2025-06-01,2026-05-31,-176,",
            "Uploaded,up-shop,shop.example.org,shop.example.org,DigiCert,DV,Single Domain,RSA 2048,Issued,2026-03-01,2027-03-01,98,",
        ]
    );
    assert!(csv.ends_with("\r\n"));
    assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
}

#[test]
fn officials_come_before_uploaded_and_children_follow_their_original() {
    let root = official("o", "o.example.com", "2026-01-01", "2026-12-31");
    let up = uploaded("u", "u.example.com", "2026-01-01", "2026-12-31");
    let mut late = associated(&root, "ord-b", 1, 1);
    late.id = "o-b1".into();
    let early2 = associated(&root, "ord-a", 2, 2);
    let early1 = associated(&root, "ord-a", 1, 2);
    let grandchild = associated(&early1, "ord-c", 1, 1);
    let inv = Inventory {
        certificates: vec![up, grandchild, late, early2, root, early1],
        ..Default::default()
    };
    assert_eq!(ids(&inv), vec!["o", "o-1", "o-1-1", "o-2", "o-b1", "u"]);
}

#[test]
fn broken_associations_still_list_every_certificate_once() {
    let root = official("o", "o.example.com", "2026-01-01", "2026-12-31");
    let orphan = associated(
        &official("gone", "g.example.com", "2026-01-01", "2026-12-31"),
        "ord",
        1,
        1,
    );
    let mut a = associated(&root, "ord", 1, 1);
    let mut b = associated(&root, "ord", 1, 1);
    a.id = "a".into();
    b.id = "b".into();
    if let (Some(x), Some(y)) = (a.association.as_mut(), b.association.as_mut()) {
        x.original = "b".into();
        y.original = "a".into();
    }
    let mut itself = associated(&root, "ord", 1, 1);
    itself.id = "self".into();
    if let Some(x) = itself.association.as_mut() {
        x.original = "self".into();
    }
    let inv = Inventory {
        certificates: vec![a, orphan, root.clone(), b, itself, root],
        ..Default::default()
    };
    assert_eq!(ids(&inv), vec!["gone-1", "o", "self", "o", "a", "b"]);
}

#[test]
fn cells_are_quoted_as_rfc_4180_says() {
    assert_eq!(cell("plain text"), "plain text");
    assert_eq!(cell("a,b"), "\"a,b\"");
    assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(cell("two\r\nlines"), "\"two\r\nlines\"");
    assert_eq!(cell(""), "");
}

#[test]
fn formulas_are_defused() {
    assert_eq!(cell("=1+1"), "'=1+1");
    assert_eq!(cell("+86 138"), "'+86 138");
    assert_eq!(cell("-x"), "'-x");
    assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(cell("\tx"), "'\tx");
    assert_eq!(cell("\rx"), "\"'\rx\"");
    assert_eq!(
        cell("=HYPERLINK(\"http://x\",\"y\")"),
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    );
    // Not at the start: left alone.
    assert_eq!(cell("a=b"), "a=b");
}

#[test]
fn names_from_a_file_cannot_inject_cells_or_formulas() {
    let mut cert = official("=cmd", "x.example.com", "2026-01-01", "2026-12-31");
    cert.name = "-2+3,\"evil\"\r\nnext".into();
    let inv = Inventory {
        certificates: vec![cert],
        ..Default::default()
    };
    let csv = to_csv(&inv, d("2026-11-23"));
    let row = csv.strip_prefix(HEADER_LINE).unwrap_or_default();
    assert!(
        row.starts_with("Official Certificate,'=cmd,\"'-2+3,\"\"evil\"\"\r\nnext\",x.example.com,"),
        "{row}"
    );
    assert!(row.contains(",38,"), "{row}");
}

#[test]
fn several_domains_share_one_cell() {
    let mut cert = official("m", "a.example.com", "2026-01-01", "2026-12-31");
    cert.domains = vec!["a.example.com".into(), "b.example.com".into()];
    let inv = Inventory {
        certificates: vec![cert],
        ..Default::default()
    };
    assert!(to_csv(&inv, d("2026-11-23")).contains(",a.example.com; b.example.com,"));
}
