//! The verdict of the verification walkthrough ("Verify the certificate"):
//! does the site serve the new certificate, for the right name, with a
//! complete chain? And when not, which of the documents' causes fits.
//!
//! Source: "The new certificate is deployed successfully if the date matches
//! the expiration date of the new certificate." and the FAQ "Post-renewal
//! deployment issues": the correct certificate file, the web service
//! restarted, the browser cache, intermediate services such as CDN, WAF, GA
//! or SLB, and a complete certificate chain.
//!
//! Decisions:
//! - A served certificate is the expected one when the SHA-256 fingerprints
//!   match, or, failing that, when serial and expiry both match. Without the
//!   expected certificate's file, the expiry date alone is compared.
//! - A date typed from the browser is in the user's time zone, so a date
//!   within one day of the expiry (UTC) is a match.
//! - "Older" means an earlier expiry than the new certificate's, or the
//!   certificate (or expiry) of the one it replaces.

use chrono::{NaiveDate, NaiveDateTime};

use super::certificate::Certificate;
use super::chain::analyze_chain;
use super::chain_problems::ChainProblem;
use super::served_causes::{Cause, Outcome, ServedVerdict, check, old_causes};
use super::served_input::Served;
use super::time::ValidityState;

/// What should be served.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// The new certificate, when its file is kept in this browser.
    pub leaf: Option<Certificate>,
    /// Its expiry date (UTC), from the record when there is no file.
    pub not_after: NaiveDate,
    /// The host name checked: one the certificate covers.
    pub host: String,
    /// The certificate it replaces, when known.
    pub previous: Option<Previous>,
}

/// The certificate the new one replaces (a renewal's original).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Previous {
    pub not_after: NaiveDate,
    pub fingerprint: Option<[u8; 32]>,
}

/// Judges what the site serves against what it should serve, at `now` (UTC).
pub fn judge(expected: &Expected, served: &Served, now: NaiveDateTime) -> ServedVerdict {
    match served {
        Served::ExpiryDate(date) => judge_date(expected, *date, true),
        Served::Chain {
            certificates,
            from_s_client,
            ..
        } => judge_chain(expected, certificates, !*from_s_client, now),
    }
}

fn near(a: NaiveDate, b: NaiveDate) -> bool {
    (a - b).num_days().abs() <= 1
}

fn judge_date(expected: &Expected, date: NaiveDate, browser: bool) -> ServedVerdict {
    let want = expected.not_after;
    let unknown = |label| {
        check(
            label,
            Outcome::Unknown,
            "Not told by a date: paste the chain (openssl output) to check it.",
        )
    };
    if near(date, want) {
        return ServedVerdict {
            passed: true,
            headline: format!(
                "The expiry date shown ({date}) matches the new certificate's ({want}): the new certificate is deployed."
            ),
            checks: vec![
                check(
                    "New certificate",
                    Outcome::Pass,
                    format!(
                        "Expires {date}, as the new certificate does (a day apart at most is the time zone)."
                    ),
                ),
                unknown("Covers the domain"),
                unknown("Complete chain"),
            ],
            causes: Vec::new(),
            chain: None,
        };
    }
    let previous = expected
        .previous
        .as_ref()
        .filter(|p| near(date, p.not_after));
    let (headline, causes) = if let Some(p) = previous {
        (
            format!(
                "The site still serves the old certificate: it expires {}, the one this certificate replaces.",
                p.not_after
            ),
            old_causes(browser),
        )
    } else if date < want {
        (
            format!(
                "The site still serves an older certificate: it expires {date}, before the new one ({want})."
            ),
            old_causes(browser),
        )
    } else {
        (
            format!("The site serves a different certificate: it expires {date}, this one {want}."),
            vec![Cause::OldFile, Cause::IntermediateService],
        )
    };
    ServedVerdict {
        passed: false,
        headline,
        checks: vec![
            check(
                "New certificate",
                Outcome::Fail,
                format!("The date shown is {date}; the new certificate expires {want}."),
            ),
            unknown("Covers the domain"),
            unknown("Complete chain"),
        ],
        causes,
        chain: None,
    }
}

fn judge_chain(
    expected: &Expected,
    certificates: &[Certificate],
    browser: bool,
    now: NaiveDateTime,
) -> ServedVerdict {
    let report = analyze_chain(certificates, now);
    let Some(leaf) = report.leaf().cloned() else {
        return ServedVerdict {
            passed: false,
            headline: "No certificate was pasted: paste what the site sends.".into(),
            checks: Vec::new(),
            causes: Vec::new(),
            chain: Some(report),
        };
    };
    let host = expected.host.as_str();
    let served_expiry = leaf.not_after_date();
    let same = match &expected.leaf {
        Some(want) if want.fingerprint_bytes() == leaf.fingerprint_bytes() => {
            Some("The SHA-256 fingerprint matches the new certificate's.".to_string())
        }
        Some(want)
            if want.serial_bytes() == leaf.serial_bytes()
                && want.not_after() == leaf.not_after() =>
        {
            Some("Serial number and expiry match the new certificate's.".to_string())
        }
        Some(_) => None,
        None if served_expiry == expected.not_after => Some(format!(
            "It expires {served_expiry}, as the new certificate does (no file is kept here to compare fingerprints)."
        )),
        None => None,
    };
    let covers = leaf.covers(host);
    let complete = report.is_complete() && !leaf.is_self_signed();
    let in_date = leaf.validity_at(now) == ValidityState::Valid;
    let names = leaf.names().join(", ");
    let mut checks = vec![
        match &same {
            Some(how) => check("New certificate", Outcome::Pass, how.clone()),
            None => check(
                "New certificate",
                Outcome::Fail,
                format!(
                    "The site serves serial {}, expiring {served_expiry}; the new certificate expires {}.",
                    leaf.serial_hex(),
                    expected.not_after
                ),
            ),
        },
        if covers {
            check(
                "Covers the domain",
                Outcome::Pass,
                format!("{host} is covered by {names}."),
            )
        } else {
            check(
                "Covers the domain",
                Outcome::Fail,
                format!("{host} is not covered: the certificate is for {names}."),
            )
        },
    ];
    let missing: Vec<String> = report
        .problems
        .iter()
        .filter(|p| {
            matches!(
                p,
                ChainProblem::MissingIssuer { .. } | ChainProblem::SelfSignedLeaf { .. }
            )
        })
        .map(ChainProblem::message)
        .collect();
    checks.push(if complete {
        check(
            "Complete chain",
            Outcome::Pass,
            "Every intermediate certificate up to a root is sent.",
        )
    } else {
        check("Complete chain", Outcome::Fail, missing.join(" "))
    });
    checks.push(if in_date {
        check(
            "In its validity period",
            Outcome::Pass,
            format!("Valid until {} UTC.", leaf.not_after()),
        )
    } else {
        check(
            "In its validity period",
            Outcome::Fail,
            format!(
                "Valid from {} to {} UTC: not now.",
                leaf.not_before(),
                leaf.not_after()
            ),
        )
    });

    let is_previous = expected.previous.as_ref().is_some_and(|p| {
        p.fingerprint.as_ref() == Some(leaf.fingerprint_bytes()) || p.not_after == served_expiry
    });
    let (passed, headline, causes) = if same.is_some() {
        if complete && covers && in_date {
            (
                true,
                format!(
                    "The site serves the new certificate: it covers {host} and its chain is complete."
                ),
                Vec::new(),
            )
        } else if !complete {
            (false, "The site serves the new certificate, but its chain is incomplete: browsers that lack the intermediate certificate will refuse it.".to_string(), vec![Cause::IncompleteChain])
        } else {
            (
                false,
                format!("The site serves the new certificate, but it is not valid for {host} now."),
                vec![Cause::OtherSite],
            )
        }
    } else if !covers && !is_previous {
        (
            false,
            format!("The site serves a certificate for other names ({names}), not for {host}."),
            vec![Cause::OtherSite, Cause::IntermediateService],
        )
    } else if is_previous || served_expiry < expected.not_after {
        let what = if is_previous {
            "the old certificate"
        } else {
            "an older certificate"
        };
        let mut causes = old_causes(browser);
        if !complete {
            causes.push(Cause::IncompleteChain);
        }
        (
            false,
            format!(
                "The site still serves {what}: it expires {served_expiry}, the new one {}.",
                expected.not_after
            ),
            causes,
        )
    } else {
        (
            false,
            format!(
                "The site serves a different certificate (serial {}, expiring {served_expiry}), not the new one.",
                leaf.serial_hex()
            ),
            vec![Cause::OldFile, Cause::IntermediateService],
        )
    };
    ServedVerdict {
        passed,
        headline,
        checks,
        causes,
        chain: Some(report),
    }
}
