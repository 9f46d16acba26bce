//! CORS for the configured origins only, the built app served with the
//! app's CSP (precompressed copies too), the CA's keys: a CSR's after its
//! signature verifies, else a fresh one of the record's algorithm.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use certdesk_server::WebConfig;
use certdesk_server::ca::NativeKey;
use certdesk_x509::{NameSpec, SubjectAltName, pem_encode, sign_csr};
use common::{Server, dv_purchase};
use serde_json::json;

#[tokio::test]
async fn cors_answers_the_configured_origin_only() {
    let s = Server::with_config(WebConfig {
        cors_origins: vec!["https://console.example.com".into()],
        ..WebConfig::default()
    })
    .await;
    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/v1/orders")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization,idempotency-key,if-match,content-type",
            )
            .body(Body::empty())
            .unwrap()
    };
    let allowed = s.send(preflight("https://console.example.com")).await;
    assert_eq!(
        allowed.header("access-control-allow-origin").as_deref(),
        Some("https://console.example.com")
    );
    let headers = allowed
        .header("access-control-allow-headers")
        .unwrap_or_default()
        .to_lowercase();
    for h in [
        "authorization",
        "idempotency-key",
        "if-match",
        "content-type",
    ] {
        assert!(headers.contains(h), "{h} in {headers}");
    }
    let other = s.send(preflight("https://evil.example.com")).await;
    assert_eq!(other.header("access-control-allow-origin"), None);
    let token = s.demo_account("acme").await;
    let get = Request::builder()
        .uri("/v1/account")
        .header("origin", "https://console.example.com")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let reply = s.send(get).await;
    let exposed = reply
        .header("access-control-expose-headers")
        .unwrap_or_default()
        .to_lowercase();
    for h in ["etag", "idempotency-replayed", "retry-after"] {
        assert!(exposed.contains(h), "{h} in {exposed}");
    }
}

#[tokio::test]
async fn the_built_app_is_served_with_its_csp_and_precompressed() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Certdesk</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log(1)").unwrap();
    std::fs::write(dist.path().join("app.js.br"), "BROTLI").unwrap();
    let s = Server::with_config(WebConfig {
        dist: Some(dist.path().to_path_buf()),
        ..WebConfig::default()
    })
    .await;
    let index = s.call(Method::GET, "/", None, &[], None).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&index.body).contains("Certdesk"));
    assert_eq!(
        index.header("content-security-policy").as_deref(),
        Some(certdesk_server::web::CSP)
    );
    let br = s
        .call(
            Method::GET,
            "/app.js",
            None,
            &[("accept-encoding", "br")],
            None,
        )
        .await;
    assert_eq!(br.header("content-encoding").as_deref(), Some("br"));
    assert_eq!(br.body, b"BROTLI");
    let plain = s.call(Method::GET, "/app.js", None, &[], None).await;
    assert_eq!(plain.body, b"console.log(1)");
    // The API is still the API next to the app.
    let api = s.call(Method::GET, "/v1/account", None, &[], None).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
}

/// Places a DV order with `csr` (if any) and gets it issued: the leaf.
async fn issued_leaf(
    s: &Server,
    token: &str,
    domain: &str,
    csr: Option<String>,
    algorithm: &str,
) -> Result<certdesk_x509::Certificate, String> {
    let mut body = dv_purchase(domain);
    body["request"]["key_algorithm"] = json!(algorithm);
    if let Some(csr) = csr {
        body["request"]["csr_mode"] = json!("Manual");
        body["csr_pem"] = json!(csr);
    }
    let placed = s.post("/v1/orders", token, None, Some(&body)).await;
    if placed.status != StatusCode::CREATED {
        return Err(format!(
            "{}: {}",
            placed.status,
            String::from_utf8_lossy(&placed.body)
        ));
    }
    let id = placed.json()["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let submitted = s
        .post(
            &format!("/v1/certificates/{id}/application"),
            token,
            Some(1),
            None,
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK);
    let later = s.clock.as_ref();
    let next = certdesk_server::Clock::now(later) + chrono::Duration::minutes(5);
    s.set_clock(&next.to_rfc3339(), token).await;
    let file = s.get(&format!("/v1/certificates/{id}/file"), token).await;
    if file.status != StatusCode::OK {
        return Err(format!(
            "no file: {:?}",
            s.get("/v1/changes?since=0", token).await.json()["failures"]
        ));
    }
    let read = certdesk_x509::read_input(&file.body);
    Ok(read.certificates()[0].clone())
}

fn csr_of(key: &NativeKey, domain: &str) -> String {
    let der = certdesk_rules::testing::ready(sign_csr(
        &NameSpec::new(domain),
        &[SubjectAltName::parse(domain)],
        key,
    ))
    .expect("a CSR");
    pem_encode("CERTIFICATE REQUEST", &der)
}

#[tokio::test]
async fn a_csrs_key_is_certified_once_its_signature_verifies() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let key = NativeKey::generate_p256();
    let csr = csr_of(&key, "csr.example.com");
    let leaf = issued_leaf(
        &s,
        &token,
        "csr.example.com",
        Some(csr.clone()),
        "EcdsaP256",
    )
    .await
    .unwrap();
    assert_eq!(
        leaf.public_key().spki_der(),
        key.spki().unwrap().as_slice(),
        "the CSR's key"
    );

    // A CSR whose signature was tampered with is refused before anything is ordered.
    let der = certdesk_x509::read_csr(csr.as_bytes())
        .unwrap()
        .der()
        .to_vec();
    let mut tampered = der.clone();
    let last = tampered.len() - 3;
    tampered[last] ^= 0x55;
    let bad = pem_encode("CERTIFICATE REQUEST", &tampered);
    let refused = issued_leaf(&s, &token, "csr.example.com", Some(bad), "EcdsaP256")
        .await
        .unwrap_err();
    assert!(refused.starts_with("422"), "{refused}");
}

#[tokio::test]
async fn a_csr_for_other_names_is_refused_as_the_app_refuses_it() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let key = NativeKey::generate_p256();
    // A purchase for shop.example.com with a CSR made for `names`.
    let order = |names: &str| {
        issued_leaf(
            &s,
            &token,
            "shop.example.com",
            Some(csr_of(&key, names)),
            "EcdsaP256",
        )
    };
    let refused = order("evil.example.net").await.unwrap_err();
    assert!(refused.starts_with("422"), "{refused}");
    assert!(
        refused.contains("it lacks shop.example.com and it adds evil.example.net"),
        "{refused}"
    );
    assert!(refused.contains("csr_pem"), "{refused}");
    // Nothing was ordered or charged: the account's orders are as before.
    let account = s.get("/v1/account", &token).await.json();
    let orders = account["orders"].as_array().map_or(0, Vec::len);
    let again = order("shop.example.com").await;
    assert!(again.is_ok(), "{again:?}");
    let after = s.get("/v1/account", &token).await.json();
    assert_eq!(after["orders"].as_array().map_or(0, Vec::len), orders + 1);
}

#[tokio::test]
async fn without_a_csr_a_fresh_key_of_the_records_algorithm_is_certified() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let ec = issued_leaf(&s, &token, "p384.example.com", None, "EcdsaP384")
        .await
        .unwrap();
    assert_eq!(
        ec.key_algorithm(),
        Some(certdesk_rules::KeyAlgorithm::EcdsaP384)
    );
    let rsa = issued_leaf(&s, &token, "rsa.example.com", None, "Rsa2048")
        .await
        .unwrap();
    assert_eq!(
        rsa.key_algorithm(),
        Some(certdesk_rules::KeyAlgorithm::Rsa2048)
    );
}
