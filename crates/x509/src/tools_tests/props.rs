//! No input panics the tools' entry points: arbitrary text to step 3 of the
//! walkthrough, the date reader, the CSR form and Manual Entry; mutated real
//! chains to the upload plan and the verdict, at extreme moments.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use super::fixtures::{cert, day, fixtures, now};
use crate::{
    Expected, Previous, Served, check_manual_csr, csr_request, judge, parse_date, plan_upload,
    read_input, read_served, split_names,
};
use certdesk_rules::model::KeyAlgorithm;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

fn expected() -> Expected {
    let f = fixtures();
    Expected {
        leaf: Some(cert(&f.new_leaf)),
        not_after: day(2027, 11, 30),
        host: "shop.example.com".into(),
        previous: Some(Previous {
            not_after: NaiveDate::MIN,
            fingerprint: None,
        }),
    }
}

fn moments() -> [NaiveDateTime; 3] {
    [NaiveDateTime::MIN, NaiveDateTime::MAX, now()]
}

/// Text near what users paste: dates, numbers, month names, PEM markers.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9/.:年月日 -]{0,24}",
        "(Jan|June|Sept|Dec|May)? ?[0-9]{0,5}[ ,/.-]{0,2}[0-9]{0,5}[ ,/.-]{0,2}[0-9]{0,5}",
        "-----BEGIN [A-Z ]{0,20}-----\n[A-Za-z0-9+/=\n]{0,80}(-----END CERTIFICATE-----)?",
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in texty()) {
        let _ = parse_date(&text);
        let _ = check_manual_csr(&text, KeyAlgorithm::EcdsaP256, &["a.example.com".to_string()]);
        let names = split_names(&text);
        let _ = csr_request(&names, &text, &text, KeyAlgorithm::Rsa2048);
        if let Ok(served) = read_served(&text) {
            for moment in moments() {
                let _ = judge(&expected(), &served, moment);
            }
        }
    }

    #[test]
    fn mutated_chains_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let f = fixtures();
        let mut bytes = format!("{}{}{}", f.new_leaf, f.inter, f.old_leaf).into_bytes();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let certificates = read_input(&bytes).into_certificates();
        for moment in moments() {
            let plan = plan_upload(&certificates, moment);
            for c in &plan.candidates {
                let _ = (c.record.pem.as_ref(), c.chain.worst());
            }
            if !certificates.is_empty() {
                let served = Served::Chain { certificates: certificates.clone(), from_s_client: false, warnings: Vec::new() };
                let _ = judge(&expected(), &served, moment);
            }
            let _ = judge(&expected(), &Served::ExpiryDate(moment.date()), moment);
        }
    }
}
