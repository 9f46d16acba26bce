//! The reads through the real router over a real SQLite file: success and
//! each problem they can give (see changes_of_records.rs for the changes).

mod common;

use axum::http::{Method, StatusCode};
use common::Server;

#[tokio::test]
async fn health_needs_no_token_and_every_answer_has_the_security_headers() {
    let s = Server::new().await;
    let reply = s.call(Method::GET, "/healthz", None, &[], None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"ok");
    assert_eq!(
        reply.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(
        reply.header("referrer-policy").as_deref(),
        Some("no-referrer")
    );
    assert!(
        reply
            .header("content-security-policy")
            .is_some_and(|c| c.contains("'wasm-unsafe-eval'"))
    );
    let unknown = s.call(Method::GET, "/v1/nothing", None, &[], None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.slug(), "not-found");
    let wrong_method = s.call(Method::PATCH, "/v1/account", None, &[], None).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn the_account_needs_a_valid_token() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let reply = s.get("/v1/account", &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    let account = reply.json();
    assert_eq!(account["name"], "acme");
    assert_eq!(account["role"], "admin");
    assert_eq!(account["today"], "2026-11-28");
    assert!(account["cursor"].as_i64().is_some_and(|c| c > 0));
    assert!(account["quotas"]["units"].is_array());

    let none = s.call(Method::GET, "/v1/account", None, &[], None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.slug(), "unauthorized");
    assert!(
        none.header("www-authenticate")
            .is_some_and(|h| h.starts_with("Bearer"))
    );
    let wrong = s.get("/v1/account", "not-a-token").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn too_many_wrong_tokens_from_one_address_are_429_with_retry_after() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    for _ in 0..certdesk_server::auth::MAX_FAILURES {
        assert_eq!(
            s.get("/v1/account", "guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let limited = s.get("/v1/account", &token).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.slug(), "rate-limited");
    assert!(
        limited
            .header("retry-after")
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|s| (1..=60).contains(&s))
    );
}

#[tokio::test]
async fn the_list_filters_pages_in_id_order_and_refuses_bad_parameters() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let all = s.all(&token).await;
    assert!(all.len() > 5);
    let ids: Vec<&str> = all
        .iter()
        .map(|e| e["certificate"]["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "ordered by id");

    // Pages of 2 add up to the whole list.
    let mut paged = Vec::new();
    let mut path = "/v1/certificates?limit=2".to_string();
    loop {
        let page = s.get(&path, &token).await.json();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        paged.extend(
            items
                .iter()
                .map(|e| e["certificate"]["id"].as_str().unwrap().to_string()),
        );
        match page["next"].as_str() {
            Some(next) => path = format!("/v1/certificates?limit=2&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(paged, ids);

    let uploaded = s.get("/v1/certificates?tab=uploaded", &token).await.json();
    assert!(
        uploaded["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["certificate"]["kind"] == "Uploaded")
    );
    let issued = s.get("/v1/certificates?state=Issued", &token).await.json();
    let issued = issued["items"].as_array().unwrap();
    assert!(!issued.is_empty());
    assert!(issued.iter().all(|e| e["certificate"]["state"] == "Issued"));
    let q = s.get("/v1/certificates?q=DEV.EXAMPLE", &token).await.json();
    let q = q["items"].as_array().unwrap();
    assert!(!q.is_empty());
    assert!(
        q.iter()
            .all(|e| e.to_string().to_lowercase().contains("dev.example"))
    );

    for bad in [
        "limit=0",
        "limit=501",
        "limit=x",
        "tab=other",
        "state=Bogus",
        "cursor=%%%",
    ] {
        let reply = s.get(&format!("/v1/certificates?{bad}"), &token).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(reply.slug(), "bad-request");
    }
}

#[tokio::test]
async fn one_certificate_has_its_etag_and_unknown_ids_are_404() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let (id, version) = s.first_in(&token, "Issued").await;
    let reply = s.get(&format!("/v1/certificates/{id}"), &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("etag"), Some(format!("\"{version}\"")));
    assert_eq!(reply.json()["certificate"]["id"], id.as_str());
    let missing = s.get("/v1/certificates/cas-nope", &token).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.slug(), "not-found");
    let no_file = s.get("/v1/certificates/cas-nope/file", &token).await;
    assert_eq!(no_file.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_test_clock_is_absent_unless_enabled() {
    use tower::ServiceExt;
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(certdesk_server::TestClock::new(common::at(common::START)));
    let db = common::new_database(&dir).await;
    let state = certdesk_server::open(&db, clock, false).await.unwrap();
    let app = certdesk_server::web::router(state, &Default::default()).unwrap();
    let request = axum::http::Request::builder()
        .method(Method::PUT)
        .uri("/v1/test/clock")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"now":"2027-01-01T00:00:00Z"}"#))
        .unwrap();
    let reply = app.oneshot(request).await.unwrap();
    assert_eq!(reply.status(), StatusCode::NOT_FOUND);
}
