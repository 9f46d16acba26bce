#![cfg(target_arch = "wasm32")]
//! Browser tests of the certificate tools in the console: upload with
//! preview, duplicates and reasons; details as text (markup in a subject
//! stays text); the CSR tool (WebCrypto key, a CSR that verifies, the key
//! never in localStorage); Manual Entry's refusals; the verification
//! walkthrough's verdicts, kept on the certificate.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test x509_ui`

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use certdesk::components::manual_csr::{ManualCsrInput, ManualCsrInputProps, ParsedCsr};
use certdesk::platform::crypto::{
    KeyPair, Verdict, create_csr, generate_key_pair, issue_certificate, random_serial, verify_csr,
};
use certdesk::rules::model::KeyAlgorithm;
use certdesk::x509::{
    CertificateSpec, ExtendedKeyUsage, KeyUsage, NameSpec, SubjectAltName, key_identifier, read_csr,
};
use chrono::NaiveDate;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

const RSA_CHAIN: &str = include_str!("fixtures/x509/rsa-chain.pem");
const EC_CHAIN: &str = include_str!("fixtures/x509/ec-chain.pem");

/// The console's day in these tests, through its As of date (`?as_of=`), not
/// the machine's clock: the fixtures (2026-01-01 to 2036-01-01) are valid on it.
const AS_OF: &str = "2026-11-23";

/// The PEM blocks of a file, in order.
fn blocks(pem: &str) -> Vec<String> {
    pem.split_inclusive("-----END CERTIFICATE-----\n")
        .filter(|b| b.contains("BEGIN"))
        .map(str::to_string)
        .collect()
}

async fn mount_console(key: &'static str, hash: &str) -> yew::AppHandle<certdesk::App> {
    forget(key).await;
    // A relative URL: the page's path stays, its query and hash are replaced.
    set_hash(&format!("?as_of={AS_OF}{hash}"));
    let options = certdesk::MountOptions {
        storage_key: AttrValue::Static(key),
        ..Default::default()
    };
    let app = certdesk::mount(fresh_root("x509-ui"), options);
    wait_for("the console", || query(".cert-table").is_some()).await;
    app
}

fn set_textarea(selector: &str, value: &str) {
    let el = query(selector).unwrap_or_else(|| panic!("{selector}"));
    let area: &web_sys::HtmlTextAreaElement = el.dyn_ref().unwrap();
    area.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn set_select(selector: &str, value: &str) {
    let el = query(selector).unwrap();
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .unwrap()
        .set_value(value);
    change(&el);
}

async fn upload(text: &str) {
    click(&query("#upload-certificate").expect("the Upload button"));
    wait_for("the upload dialog", || query("#upload-dialog").is_some()).await;
    set_textarea("#upload-paste", text);
    settle().await;
}

#[wasm_bindgen_test]
async fn upload_previews_adds_once_and_lists_what_it_refused() {
    let app = mount_console("certdesk.test.upload", "#/uploaded").await;
    let before = query_all("#panel-uploaded tr.cert-row").len();
    let key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n";
    let truncated = &blocks(EC_CHAIN)[0][..300];
    upload(&format!("{RSA_CHAIN}\n{key}\n{truncated}")).await;
    wait_for("one certificate found", || {
        query_all("#upload-dialog .upload-item").len() == 1
    })
    .await;
    let item = text("#upload-dialog .upload-item");
    assert!(item.contains("www.example.com"), "{item}");
    assert!(item.contains("2026-01-01 to 2036-01-01"), "{item}");
    assert!(item.contains("Fixture CA RSA"), "{item}");
    assert!(item.contains("Other CA DV Single Domain"), "{item}");
    assert!(item.contains("Issued"), "{item}");
    assert!(item.contains("3 certificates"), "{item}");
    let problems = text("#upload-dialog .upload-problems");
    assert!(problems.contains("This is a private key"), "{problems}");
    assert!(
        problems.contains("truncated") || problems.contains("no END line"),
        "{problems}"
    );
    assert_eq!(text("#upload-add"), "Add 1 certificate");
    click(&query("#upload-add").unwrap());
    wait_for("the dialog to close", || query("#upload-dialog").is_none()).await;
    wait_for("the new row", || {
        query_all("#panel-uploaded tr.cert-row").len() == before + 1
    })
    .await;
    let id = query("#upload-dialog")
        .map(|_| String::new())
        .unwrap_or_default();
    assert!(id.is_empty());
    let row = query_all("#panel-uploaded tr.cert-row")
        .into_iter()
        .find(|r| {
            r.text_content()
                .unwrap_or_default()
                .contains("www.example.com")
        })
        .expect("the uploaded row");
    assert!(attr(&row, "data-id").starts_with("up-"));
    assert!(row.text_content().unwrap().contains("2036-01-01"));

    // The same chain again, in another order: already listed, nothing to add.
    let mut parts = blocks(RSA_CHAIN);
    parts.reverse();
    upload(&parts.concat()).await;
    wait_for("the duplicate", || {
        query("#upload-dialog .upload-duplicate").is_some()
    })
    .await;
    assert!(text("#upload-dialog .upload-duplicate").contains("Already listed as www.example.com"));
    assert!(query("#upload-add").unwrap().has_attribute("disabled"));
    // A CA certificate alone is refused with the reason.
    set_textarea("#upload-paste", &blocks(RSA_CHAIN)[1]);
    wait_for("the refusal", || {
        text("#upload-dialog .upload-problems").contains("CA certificate")
    })
    .await;
    click(&query("#upload-dialog .modal-close").unwrap());
    wait_for("closed", || query("#upload-dialog").is_none()).await;
    assert_eq!(
        query_all("#panel-uploaded tr.cert-row").len(),
        before + 1,
        "nothing else changed"
    );
    app.destroy();
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

/// A CA and a leaf whose subject is markup, made in the browser.
async fn markup_chain() -> String {
    let ca = generate_key_pair(KeyAlgorithm::EcdsaP256).await.unwrap();
    let leaf_key = generate_key_pair(KeyAlgorithm::EcdsaP256).await.unwrap();
    let ca_name = NameSpec::new("Markup Test CA").encode().unwrap();
    let ca_spki = ca.public_key_spki().await.unwrap();
    let spec = |key: &KeyPair, subject, spki: Vec<u8>, ca_cert: bool, aki: Option<Vec<u8>>| {
        CertificateSpec {
            serial: random_serial().unwrap(),
            scheme: key.scheme().clone(),
            issuer: NameSpec::new("Markup Test CA").encode().unwrap(),
            subject,
            not_before: day(2026, 1, 1),
            not_after: day(2030, 1, 1),
            spki_der: spki,
            alt_names: if ca_cert {
                vec![]
            } else {
                vec![SubjectAltName::parse("xss.example.com")]
            },
            ca: ca_cert.then_some(None),
            key_usage: vec![if ca_cert {
                KeyUsage::KeyCertSign
            } else {
                KeyUsage::DigitalSignature
            }],
            extended_key_usage: if ca_cert {
                vec![]
            } else {
                vec![ExtendedKeyUsage::ServerAuth]
            },
            authority_key_id: aki,
        }
    };
    let root = issue_certificate(&ca, &spec(&ca, ca_name, ca_spki.clone(), true, None))
        .await
        .unwrap();
    let subject = NameSpec {
        common_name: "<img src=x onerror=alert(1)>".into(),
        organization: Some("<b>bold</b>".into()),
        country: None,
    }
    .encode()
    .unwrap();
    let leaf_spki = leaf_key.public_key_spki().await.unwrap();
    let aki = key_identifier(&ca_spki).unwrap();
    let leaf = issue_certificate(&ca, &spec(&ca, subject, leaf_spki, false, Some(aki)))
        .await
        .unwrap();
    format!("{}{}", leaf.to_pem(), root.to_pem())
}

#[wasm_bindgen_test]
async fn details_show_markup_in_a_certificate_as_text() {
    let app = mount_console("certdesk.test.details", "#/uploaded").await;
    upload(&markup_chain().await).await;
    wait_for("the preview", || {
        query("#upload-dialog .upload-item").is_some()
    })
    .await;
    assert!(
        query("#upload-dialog img").is_none(),
        "no image element in the preview"
    );
    assert!(text("#upload-dialog .upload-name").contains("<img src=x onerror=alert(1)>"));
    click(&query("#upload-add").unwrap());
    wait_for("the new row", || {
        query("#panel-uploaded img").is_none() && text("#panel-uploaded").contains("<img src=x")
    })
    .await;
    let name = query_all("#panel-uploaded button.cert-name")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains("<img"))
        .expect("the name button");
    click(&name);
    wait_for("the details", || {
        query("#cert-details .cert-fields").is_some()
    })
    .await;
    let details = text("#cert-details");
    assert!(
        details.contains("O=<b>bold</b>, CN=<img src=x onerror=alert(1)>"),
        "{details}"
    );
    assert!(query("#cert-details img").is_none() && query("#cert-details b").is_none());
    for label in [
        "Serial number",
        "SHA-256 fingerprint",
        "Subject key identifier",
        "Authority key identifier",
        "Key usage",
        "Extended key usage",
        "Specification",
    ] {
        assert!(details.contains(label), "{label}");
    }
    assert!(
        details.contains("ECDSA, curve P-256 (256 bits)"),
        "{details}"
    );
    assert!(details.contains("TLS Web Server Authentication"));
    assert!(query_all("#cert-details button.btn-copy").len() >= 6);
    wait_for("the signatures", || {
        text("#cert-details .chain-list").contains("Signature valid")
    })
    .await;
    click(&query("#cert-details .modal-close").unwrap());

    // A demo certificate has no file: its own facts and the sentence saying so.
    let demo = query("tr[data-id='up-4e21'] button.cert-name").expect("a demo uploaded row");
    click(&demo);
    wait_for("the details", || query("#cert-details").is_some()).await;
    assert!(text("#cert-details .no-file").contains("No certificate file is kept in this browser"));
    assert!(text("#cert-details .record-facts").contains("blog.example.com"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_csr_tool_makes_a_csr_that_verifies_and_keeps_no_key() {
    let app = mount_console("certdesk.test.csr", "#/official").await;
    click(&query("#create-csr").unwrap());
    wait_for("the tool", || query("#csr-tool").is_some()).await;
    // Refusals first: nothing is made.
    set_textarea("#csr-tool-names", "a.example.com\n*.b.example.com");
    set_select("#csr-tool-algorithm", "sm2");
    click(&query("#csr-tool button[type=submit]").unwrap());
    wait_for("the errors", || query("#csr-tool-names-error").is_some()).await;
    assert!(text("#csr-tool-names-error").contains("Wildcard"));
    assert_eq!(
        attr(&query("#csr-tool-names").unwrap(), "aria-invalid"),
        "true"
    );
    assert!(
        attr(&query("#csr-tool-names").unwrap(), "aria-describedby")
            .contains("csr-tool-names-error")
    );
    assert!(text("#csr-tool-algorithm-error").contains("Browsers cannot make SM2 keys"));
    assert!(query("#csr-tool .csr-result").is_none());

    set_textarea("#csr-tool-names", "shop.example.com\nwww.shop.example.com");
    set_select("#csr-tool-algorithm", "ecdsa-p384");
    type_text(&query("#csr-tool-org").unwrap(), "Example Ltd");
    type_text(&query("#csr-tool-country").unwrap(), "cn");
    click(&query("#csr-tool button[type=submit]").unwrap());
    wait_for("the CSR", || query("#csr-tool-result-csr").is_some()).await;
    let pem = query("#csr-tool-result-csr")
        .unwrap()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .value();
    let csr = read_csr(pem.as_bytes()).expect("a CSR");
    assert_eq!(csr.key_algorithm(), Some(KeyAlgorithm::EcdsaP384));
    assert_eq!(csr.names(), ["shop.example.com", "www.shop.example.com"]);
    assert_eq!(
        csr.subject().to_string(),
        "C=CN, O=Example Ltd, CN=shop.example.com"
    );
    assert_eq!(verify_csr(&csr).await, Verdict::Valid);
    assert!(text("#csr-tool .key-warning").contains("not kept anywhere"));
    click(&query_all("#csr-tool .key-warning button").remove(0));
    wait_for("the saved note", || {
        text("#csr-tool .key-saved").contains("shop.example.com.key")
    })
    .await;
    settle().await;
    let stored = stored_everywhere().await;
    assert!(
        !stored.contains("PRIVATE KEY"),
        "a key was written to browser storage"
    );
    assert!(
        !stored.contains(&pem[40..90]),
        "the CSR is not stored either"
    );
    click(&query("#csr-tool .modal-close").unwrap());
    wait_for("closed", || query("#csr-tool").is_none()).await;
    assert!(!stored_everywhere().await.contains("PRIVATE KEY"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn manual_entry_refuses_each_wrong_csr_with_its_reason() {
    let results: Rc<RefCell<Vec<Result<ParsedCsr, String>>>> = Rc::default();
    let sink = results.clone();
    let props = ManualCsrInputProps {
        original_key: KeyAlgorithm::EcdsaP256,
        names: vec!["shop.example.com".into()],
        on_change: Callback::from(move |r| sink.borrow_mut().push(r)),
        id: AttrValue::Static("manual-csr"),
    };
    let handle =
        yew::Renderer::<ManualCsrInput>::with_root_and_props(fresh_root("manual-csr-host"), props)
            .render();
    settle().await;
    let last = || results.borrow().last().cloned();
    let paste = |text: &str| set_textarea("#manual-csr", text);

    let good_key = generate_key_pair(KeyAlgorithm::EcdsaP256).await.unwrap();
    let names = [SubjectAltName::parse("shop.example.com")];
    let good = create_csr(&good_key, &NameSpec::new("shop.example.com"), &names)
        .await
        .unwrap();
    paste(&good.to_pem());
    wait_for("accepted", || matches!(last(), Some(Ok(_)))).await;
    let Some(Ok(parsed)) = last() else {
        unreachable!()
    };
    assert!(parsed.signature_checked);
    assert_eq!(parsed.names, ["shop.example.com"]);
    assert!(text(".manual-csr .field-ok").contains("signature valid"));

    let mut der = good.der().to_vec();
    let at = der.len() - 70;
    der[at] ^= 1;
    paste(&certdesk::x509::pem_encode("CERTIFICATE REQUEST", &der));
    wait_for(
        "bad signature",
        || matches!(last(), Some(Err(m)) if m.contains("signature is invalid")),
    )
    .await;
    assert_eq!(attr(&query("#manual-csr").unwrap(), "aria-invalid"), "true");
    assert!(query("#manual-csr-error[role=alert]").is_some());

    let rsa = generate_key_pair(KeyAlgorithm::Rsa2048).await.unwrap();
    let other = create_csr(&rsa, &NameSpec::new("shop.example.com"), &names)
        .await
        .unwrap();
    paste(&other.to_pem());
    wait_for(
        "other algorithm",
        || matches!(last(), Some(Err(m)) if m.contains("(RSA 2048) differs")),
    )
    .await;
    let wrong_names = create_csr(
        &good_key,
        &NameSpec::new("api.example.com"),
        &[SubjectAltName::parse("api.example.com")],
    )
    .await
    .unwrap();
    paste(&wrong_names.to_pem());
    wait_for(
        "other names",
        || matches!(last(), Some(Err(m)) if m.contains("names do not match")),
    )
    .await;
    paste(&blocks(RSA_CHAIN)[0]);
    wait_for(
        "a certificate",
        || matches!(last(), Some(Err(m)) if m.contains("This is a certificate")),
    )
    .await;
    paste(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n",
    );
    wait_for(
        "a key",
        || matches!(last(), Some(Err(m)) if m.starts_with("This is a private key")),
    )
    .await;
    handle.destroy();
}

async fn open_verify(name_part: &str) {
    let row = query_all("#panel-uploaded tr.cert-row")
        .into_iter()
        .find(|r| r.text_content().unwrap_or_default().contains(name_part))
        .expect("the row");
    let id = attr(&row, "data-id");
    if query(&format!("tr[data-id='{id}'] button.action-verify")).is_none() {
        click(&query(&format!("tr[data-id='{id}'] button.more")).expect("More"));
    }
    let selector =
        format!("tr[data-id='{id}'] button.action-verify, #more-{id} button.action-verify");
    wait_for("the Verify action", || query(&selector).is_some()).await;
    click(&query(&selector).unwrap());
    wait_for("the walkthrough", || query("#verify-walkthrough").is_some()).await;
}

async fn check(text_pasted: &str) -> String {
    let step4 = "#verify-walkthrough .walk-step:nth-child(4)";
    let before = text(step4);
    set_textarea("#verify-served", text_pasted);
    click(&query("#verify-check").unwrap());
    wait_for("the verdict", || {
        text(step4) != before
            || query("#verify-served-error").is_some()
            || query("#verify-host-error").is_some()
    })
    .await;
    text(step4)
}

#[wasm_bindgen_test]
async fn the_walkthrough_gives_each_verdict_and_keeps_it() {
    let app = mount_console("certdesk.test.verify", "#/uploaded").await;
    upload(EC_CHAIN).await;
    wait_for("the preview", || {
        query("#upload-add:not([disabled])").is_some()
    })
    .await;
    click(&query("#upload-add").unwrap());
    wait_for("closed", || query("#upload-dialog").is_none()).await;
    open_verify("www.example.com").await;
    let walk = text("#verify-walkthrough");
    assert!(walk.contains("2036-01-01 00:00:00 UTC"), "step 1: {walk}");
    assert!(text("#verify-command").contains(
        "openssl s_client -connect example.com:443 -servername example.com -showcerts </dev/null"
    ));
    assert!(walk.contains("Connection is secure"));

    let parts = blocks(EC_CHAIN);
    let verdict = check(&format!("{}{}", parts[0], parts[1])).await;
    assert!(verdict.contains("serves the new certificate"), "{verdict}");
    assert!(text("#verify-kept").contains("Verified on"), "kept");

    let verdict = check(&parts[0]).await;
    assert!(verdict.contains("chain is incomplete"), "{verdict}");
    assert!(verdict.contains("The certificate chain is incomplete"));

    let other = blocks(RSA_CHAIN);
    let verdict = check(&format!("{}{}", other[0], other[1])).await;
    assert!(verdict.contains("different certificate"), "{verdict}");
    assert!(verdict.contains("The deployed certificate file is not the new one"));

    let verdict = check("June 1, 2027").await;
    assert!(verdict.contains("older certificate"), "{verdict}");
    assert!(verdict.contains("Force-refresh"));

    check("hello").await;
    assert!(text("#verify-served-error").contains("Neither a certificate nor a date"));
    assert_eq!(
        attr(&query("#verify-served").unwrap(), "aria-invalid"),
        "true"
    );

    // The host must be one the certificate covers.
    type_text(&query("#verify-host").unwrap(), "other.example.net");
    settle().await;
    check("2036-01-01").await;
    wait_for("the host error", || {
        text("#verify-host-error").contains("does not cover other.example.net")
    })
    .await;
    click(&query("#verify-walkthrough .modal-close").unwrap());
    wait_for("closed", || query("#verify-walkthrough").is_none()).await;
    // The last verdict is kept on the certificate: the details say so.
    let name = query_all("#panel-uploaded button.cert-name")
        .into_iter()
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .contains("www.example.com")
        })
        .unwrap();
    click(&name);
    wait_for("details", || query("#cert-details").is_some()).await;
    assert!(
        text("#cert-details .record-facts").contains("Verified on"),
        "{}",
        text("#cert-details .record-facts")
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_generator_embedded_with_locked_names_hands_over_the_csr_only() {
    use certdesk::components::csr_generator::{CsrGenerator, CsrGeneratorProps, GeneratedCsr};
    let got: Rc<RefCell<Vec<GeneratedCsr>>> = Rc::default();
    let sink = got.clone();
    let props = CsrGeneratorProps {
        names: vec!["pay.example.com".into(), "www.pay.example.com".into()],
        default_algorithm: KeyAlgorithm::EcdsaP384,
        on_generated: Callback::from(move |g| sink.borrow_mut().push(g)),
        lock_names: true,
        lock_algorithm: true,
        id_prefix: AttrValue::Static("renew-csr"),
    };
    let handle =
        yew::Renderer::<CsrGenerator>::with_root_and_props(fresh_root("generator-host"), props)
            .render();
    settle().await;
    assert!(
        query("#renew-csr-names")
            .unwrap()
            .tag_name()
            .eq_ignore_ascii_case("p"),
        "names shown, not edited"
    );
    assert!(text("#renew-csr-algorithm").contains("ECDSA P-384"));
    assert!(query("select#renew-csr-algorithm").is_none());
    click(&query(".csr-generator button[type=submit]").unwrap());
    wait_for("the CSR handed over", || !got.borrow().is_empty()).await;
    let generated = got.borrow()[0].clone();
    assert_eq!(generated.key_algorithm, KeyAlgorithm::EcdsaP384);
    let csr = read_csr(generated.csr_pem.as_bytes()).expect("a CSR");
    assert_eq!(csr.names(), ["pay.example.com", "www.pay.example.com"]);
    assert_eq!(verify_csr(&csr).await, Verdict::Valid);
    assert!(!generated.csr_pem.contains("PRIVATE KEY"));
    wait_for("the key download", || {
        query("#renew-csr-key-title").is_some()
    })
    .await;
    assert!(!stored_everywhere().await.contains("PRIVATE KEY"));
    handle.destroy();
}
