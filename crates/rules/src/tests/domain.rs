use crate::punycode::encode;
use crate::*;

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn punycode_rfc3492_vectors() {
    let cases = [
        (
            "\u{644}\u{64A}\u{647}\u{645}\u{627}\u{628}\u{62A}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64A}\u{61F}",
            "egbpdaj6bu4bxfgehfvwxn",
        ),
        (
            "\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}",
            "ihqwcrb4cv8a8dqg056pqjye",
        ),
        (
            "3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}",
            "3B-ww4c5e180e575a65lsy2b",
        ),
        ("m\u{FC}nchen", "mnchen-3ya"),
        ("b\u{FC}cher", "bcher-kva"),
        ("abc", "abc-"),
    ];
    for (input, expected) in cases {
        assert_eq!(encode(input).as_deref(), Some(expected), "{input}");
    }
}

#[test]
fn normalize_accepts_and_canonicalizes() {
    let cases = [
        ("Example.COM", "example.com"),
        ("www.example.com.", "www.example.com"),
        ("  a-b.example.com ", "a-b.example.com"),
        ("*.Example.com", "*.example.com"),
        ("M\u{DC}NCHEN.de", "xn--mnchen-3ya.de"),
        ("b\u{FC}cher\u{3002}example", "xn--bcher-kva.example"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
        ("192.0.2.10", "192.0.2.10"),
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("1.example.com", "1.example.com"),
    ];
    for (input, expected) in cases {
        assert_eq!(normalize_domain(input).as_deref(), Ok(expected), "{input}");
    }
    let label63 = "a".repeat(63);
    assert!(normalize_domain(&format!("{label63}.com")).is_ok());
    // 253 characters exactly: 63+1+63+1+63+1+61.
    let at_limit = format!("{label63}.{label63}.{label63}.{}", "b".repeat(61));
    assert_eq!(at_limit.len(), 253);
    assert!(normalize_domain(&at_limit).is_ok());
}

#[test]
fn normalize_rejects_with_a_reason() {
    use DomainError::*;
    let label64 = "a".repeat(64);
    let too_long = format!("{0}.{0}.{0}.{1}", "a".repeat(63), "b".repeat(62));
    let cases: Vec<(String, DomainError)> = vec![
        ("".into(), Empty),
        ("  .".into(), Empty),
        ("example".into(), SingleLabel),
        ("a..com".into(), EmptyLabel),
        (".a.com".into(), EmptyLabel),
        ("a_b.com".into(), InvalidCharacter { ch: '_' }),
        ("a b.com".into(), InvalidCharacter { ch: ' ' }),
        ("a!.com".into(), InvalidCharacter { ch: '!' }),
        ("\u{2603}.com".into(), InvalidCharacter { ch: '\u{2603}' }),
        ("-a.com".into(), HyphenAtEdge { label: "-a".into() }),
        ("a-.com".into(), HyphenAtEdge { label: "a-".into() }),
        (
            format!("{label64}.com"),
            LabelTooLong {
                label: label64.clone(),
                len: 64,
            },
        ),
        (too_long, TooLong { len: 254 }),
        ("*.com".into(), WildcardTooBroad),
        ("*".into(), WildcardPosition),
        ("*.*.a.com".into(), WildcardPosition),
        ("a.*.com".into(), WildcardPosition),
        ("w*.a.com".into(), WildcardPosition),
        ("a.123".into(), NumericTopLevel),
        ("256.1.1.1".into(), InvalidIpv4),
        ("1.1.1".into(), InvalidIpv4),
        ("01.1.1.1".into(), InvalidIpv4),
        ("1.1.1.1.1".into(), InvalidIpv4),
    ];
    for (input, expected) in cases {
        assert_eq!(normalize_domain(&input), Err(expected), "{input:?}");
    }
    assert!(DomainError::InvalidIpv4.to_string().contains("0 to 255"));
}

#[test]
fn coverage() {
    let wildcard = names(&["*.a.com"]);
    let cases = [
        (&wildcard, "x.a.com", true),
        (&wildcard, "X.A.COM.", true),
        (&wildcard, "a.com", false),
        (&wildcard, "y.x.a.com", false),
        (&wildcard, "xa.com", false),
        (&wildcard, "", false),
    ];
    for (domains, host, expected) in cases {
        assert_eq!(covers(domains, host), expected, "{host}");
    }
    let multi = names(&[
        "www.example.com",
        "Example.com.",
        "192.0.2.1",
        "m\u{FC}nchen.de",
    ]);
    assert!(covers(&multi, "EXAMPLE.com"));
    assert!(covers(&multi, "www.example.com."));
    assert!(!covers(&multi, "api.example.com"));
    assert!(covers(&multi, "192.0.2.1"));
    assert!(covers(&multi, "xn--mnchen-3ya.de"));
    assert!(covers(&multi, "M\u{DC}NCHEN.DE"));
    assert!(!covers(&[], "example.com"));
}

#[test]
fn domain_types() {
    use DomainError::*;
    let ok = [
        (vec!["a.com"], DomainType::Single),
        (vec!["192.0.2.1"], DomainType::Single),
        (vec!["*.a.com"], DomainType::Wildcard),
        (vec!["a.com", "b.com"], DomainType::MultiDomain),
        (
            vec!["a.com", "b.com", "c.com", "d.com", "e.com"],
            DomainType::MultiDomain,
        ),
    ];
    for (list, expected) in ok {
        assert_eq!(domain_type_of(&names(&list)), Ok(expected), "{list:?}");
    }
    let err = [
        (vec![], NoDomains),
        (
            vec!["a.com", "b.com", "c.com", "d.com", "e.com", "f.com"],
            TooManyNames { count: 6 },
        ),
        (vec!["*.a.com", "a.com"], WildcardInMultiDomain),
        (
            vec!["a.com", "A.com."],
            Duplicate {
                name: "a.com".into(),
            },
        ),
        (vec!["a.com", "bad_name.com"], InvalidCharacter { ch: '_' }),
    ];
    for (list, expected) in err {
        assert_eq!(domain_type_of(&names(&list)), Err(expected), "{list:?}");
    }
}
