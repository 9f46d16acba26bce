//! The changes through the real router over a real SQLite file: success
//! and each problem they can give.

mod common;

use axum::http::{Method, StatusCode};
use certdesk_api::Role;
use common::{Server, dv_purchase};
use serde_json::{Value, json};

/// Submits the request of a DV certificate and lets the CA review it.
async fn issue_dv(s: &Server, token: &str) -> String {
    let placed = s
        .post(
            "/v1/orders",
            token,
            None,
            Some(&dv_purchase("issue.example.com")),
        )
        .await;
    assert_eq!(
        placed.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&placed.body)
    );
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
    assert_eq!(
        submitted.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&submitted.body)
    );
    assert_eq!(
        submitted.json()["certificate"]["state"],
        "ValidatingApplication"
    );
    s.set_clock("2026-11-28T09:05:00Z", token).await;
    id
}

#[tokio::test]
async fn an_order_is_placed_submitted_reviewed_and_its_file_served() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let before = s.get("/v1/quotas", &token).await.json();
    let placed = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&dv_purchase("shop.example.org")),
        )
        .await;
    assert_eq!(placed.status, StatusCode::CREATED);
    let placed = placed.json();
    assert_eq!(placed["certificates"][0]["version"], 1);
    assert_eq!(
        placed["certificates"][0]["certificate"]["state"],
        "PendingApplication"
    );
    assert_ne!(placed["quotas"], before, "a unit was taken");
    assert_eq!(s.get("/v1/quotas", &token).await.json(), placed["quotas"]);
    let order_id = placed["order"]["id"].as_str().unwrap();
    let account = s.get("/v1/account", &token).await.json();
    assert!(
        account["orders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == order_id)
    );

    let id = issue_dv(&s, &token).await;
    let entry = s
        .get(&format!("/v1/certificates/{id}"), &token)
        .await
        .json();
    assert_eq!(entry["certificate"]["state"], "Issued");
    let file = s.get(&format!("/v1/certificates/{id}/file"), &token).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.header("content-type").as_deref(),
        Some("application/pem-certificate-chain")
    );
    let pem = String::from_utf8(file.body).unwrap();
    assert_eq!(
        pem.matches("BEGIN CERTIFICATE").count(),
        3,
        "leaf, intermediate, root"
    );
    let leaf = certdesk_x509::read_input(pem.as_bytes()).certificates()[0].clone();
    assert_eq!(
        leaf.not_before().to_string(),
        format!(
            "{} 00:00:00",
            entry["certificate"]["not_before"].as_str().unwrap()
        )
    );
    assert_eq!(
        leaf.not_after().to_string(),
        format!(
            "{} 23:59:59",
            entry["certificate"]["not_after"].as_str().unwrap()
        )
    );
}

#[tokio::test]
async fn orders_are_checked_against_the_servers_records() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    // The client's copy of the original is not trusted: an unknown ID is 404.
    let (id, _) = s.first_in(&token, "Issued").await;
    let mut original = s
        .get(&format!("/v1/certificates/{id}"), &token)
        .await
        .json()["certificate"]
        .clone();
    original["id"] = json!("cas-forged");
    let mut request = certdesk_rules::OrderRequest::renewal_of(
        &serde_json::from_value(original.clone()).unwrap(),
    );
    request.years = 1;
    let forged = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&json!({ "request": request })),
        )
        .await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);

    // Nothing to order: the rules' plan refuses it (422).
    let empty = s
        .post("/v1/orders", &token, None, Some(&dv_purchase("")))
        .await;
    assert_eq!(
        empty.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        String::from_utf8_lossy(&empty.body)
    );
    assert_eq!(empty.slug(), "refused");
    // A body that is not an order: 400 naming the field.
    let malformed = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&json!({ "request": { "kind": 7 } })),
        )
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert!(!malformed.json()["errors"].as_array().unwrap().is_empty());
    // A CSR that is not one: 422 on csr_pem.
    let mut with_csr = dv_purchase("csr.example.com");
    with_csr["csr_pem"] =
        json!("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n");
    let bad_csr = s.post("/v1/orders", &token, None, Some(&with_csr)).await;
    assert_eq!(bad_csr.status, StatusCode::UNPROCESSABLE_ENTITY);
    // No Idempotency-Key: 400.
    let no_key = s
        .call(
            Method::POST,
            "/v1/orders",
            Some(&token),
            &[],
            Some(&dv_purchase("a.example.com")),
        )
        .await;
    assert_eq!(no_key.status, StatusCode::BAD_REQUEST);
    // A body over 1 MiB: 413.
    let huge = json!({ "request": "x".repeat(1_100_000) });
    let too_large = s.post("/v1/orders", &token, None, Some(&huge)).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(too_large.slug(), "too-large");
}

#[tokio::test]
async fn a_viewer_reads_but_every_change_is_403() {
    let s = Server::new().await;
    let _admin = s.demo_account("acme").await;
    let viewer = s.account("acme", Role::Viewer, Default::default).await;
    assert_eq!(s.get("/v1/account", &viewer).await.json()["role"], "viewer");
    let (id, version) = s.first_in(&viewer, "PendingApplication").await;
    let policy = json!({"id": "p1"});
    let cases: Vec<(Method, String, Option<Value>)> = vec![
        (
            Method::POST,
            "/v1/orders".into(),
            Some(dv_purchase("v.example.com")),
        ),
        (
            Method::POST,
            format!("/v1/certificates/{id}/application"),
            None,
        ),
        (Method::POST, format!("/v1/certificates/{id}/cancel"), None),
        (
            Method::POST,
            format!("/v1/certificates/{id}/pca-sync"),
            None,
        ),
        (
            Method::PUT,
            format!("/v1/certificates/{id}/verification"),
            Some(json!({})),
        ),
        (Method::DELETE, format!("/v1/certificates/{id}"), None),
        (
            Method::POST,
            "/v1/uploads".into(),
            Some(json!({"files": [{"name": "a", "content": "x"}]})),
        ),
        (Method::PUT, "/v1/policies/p1".into(), Some(policy)),
        (Method::DELETE, "/v1/policies/p1".into(), None),
    ];
    let etag = certdesk_api::etag(version);
    for (method, path, body) in cases {
        let reply = s
            .call(
                method.clone(),
                &path,
                Some(&viewer),
                &[("idempotency-key", "v1"), ("if-match", &etag)],
                body.as_ref(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(reply.slug(), "forbidden");
    }
}

#[tokio::test]
async fn certificate_changes_need_a_current_if_match() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let (id, version) = s.first_in(&token, "PendingApplication").await;
    let path = format!("/v1/certificates/{id}/application");
    let missing = s.post(&path, &token, None, None).await;
    assert_eq!(missing.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(missing.slug(), "precondition-required");
    let stale = s.post(&path, &token, Some(version + 5), None).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.slug(), "stale");
    assert_eq!(stale.json()["current"]["version"], version);
    assert_eq!(stale.json()["current"]["certificate"]["id"], id.as_str());
    let garbled = s
        .call(
            Method::DELETE,
            &format!("/v1/certificates/{id}"),
            Some(&token),
            &[("if-match", "seven")],
            None,
        )
        .await;
    assert_eq!(garbled.status, StatusCode::BAD_REQUEST);
    let ok = s.post(&path, &token, Some(version), None).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.header("etag"), Some(format!("\"{}\"", version + 1)));
    // The old version is stale now.
    let again = s.delete_certificate(&id, &token, version).await;
    assert_eq!(again.status, StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn the_rules_refusals_are_409_with_their_reason() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let (issued, v) = s.first_in(&token, "Issued").await;
    let submit = s
        .post(
            &format!("/v1/certificates/{issued}/application"),
            &token,
            Some(v),
            None,
        )
        .await;
    assert_eq!(submit.status, StatusCode::CONFLICT);
    assert_eq!(submit.slug(), "refused");
    assert!(
        submit.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Pending Application")
    );
    let cancel = s
        .post(
            &format!("/v1/certificates/{issued}/cancel"),
            &token,
            Some(v),
            None,
        )
        .await;
    assert_eq!(cancel.status, StatusCode::CONFLICT);
    let sync = s
        .post(
            &format!("/v1/certificates/{issued}/pca-sync"),
            &token,
            Some(v),
            None,
        )
        .await;
    assert_eq!(sync.status, StatusCode::CONFLICT, "not a PCA certificate");
    let unknown = s
        .post("/v1/certificates/cas-nope/cancel", &token, Some(1), None)
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn cancel_returns_quota_and_delete_removes() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let placed = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&dv_purchase("gone.example.com")),
        )
        .await
        .json();
    let id = placed["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let cancelled = s
        .post(
            &format!("/v1/certificates/{id}/cancel"),
            &token,
            Some(1),
            None,
        )
        .await;
    assert_eq!(
        cancelled.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&cancelled.body)
    );
    let cancelled = cancelled.json();
    assert_eq!(
        cancelled["certificate"]["certificate"]["state"],
        "Cancelled"
    );
    assert_eq!(cancelled["certificate"]["version"], 2);
    assert!(cancelled["returned"].is_object());
    let deleted = s
        .call(
            Method::DELETE,
            &format!("/v1/certificates/{id}"),
            Some(&token),
            &[("if-match", "\"2\"")],
            None,
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(
        s.get(&format!("/v1/certificates/{id}"), &token)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let (issued, v) = s.first_in(&token, "Issued").await;
    let refused = s.delete_certificate(&issued, &token, v).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_pca_certificate_is_synced() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let all = s.all(&token).await;
    let Some(pca) = all.iter().find(|e| e["certificate"]["pca"] == true) else {
        panic!("the demo has a PCA certificate");
    };
    let id = pca["certificate"]["id"].as_str().unwrap();
    let v = pca["version"].as_i64().unwrap();
    let synced = s
        .post(
            &format!("/v1/certificates/{id}/pca-sync"),
            &token,
            Some(v),
            None,
        )
        .await;
    assert_eq!(
        synced.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&synced.body)
    );
    assert_eq!(synced.json()["certificate"]["not_before"], "2026-11-28");
}

#[tokio::test]
async fn a_verification_is_recorded() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let record = json!({"on": "2026-11-28", "passed": true, "summary": "The site serves it."});
    let (id, v) = s.first_in(&token, "Issued").await;
    let path = format!("/v1/certificates/{id}/verification");
    let etag = certdesk_api::etag(v);
    let saved = s
        .call(
            Method::PUT,
            &path,
            Some(&token),
            &[("if-match", &etag)],
            Some(&record),
        )
        .await;
    assert_eq!(
        saved.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
    assert_eq!(saved.json()["certificate"]["verified"], record);
    let bad = s
        .call(
            Method::PUT,
            &path,
            Some(&token),
            &[("if-match", &certdesk_api::etag(v + 1))],
            Some(&json!({"x": 1})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let no_match = s
        .call(Method::PUT, &path, Some(&token), &[], Some(&record))
        .await;
    assert_eq!(no_match.status, StatusCode::PRECONDITION_REQUIRED);
}

#[tokio::test]
async fn uploads_add_new_chains_skip_listed_ones_and_say_what_was_refused() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let id = issue_dv(&s, &token).await;
    let pem = String::from_utf8(
        s.get(&format!("/v1/certificates/{id}/file"), &token)
            .await
            .body,
    )
    .unwrap();
    let other = s.demo_account("other").await;
    let body = json!({"files": [
        {"name": "chain.pem", "content": pem},
        {"name": "junk.txt", "content": "hello"},
    ]});
    let uploaded = s.post("/v1/uploads", &other, None, Some(&body)).await;
    assert_eq!(
        uploaded.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&uploaded.body)
    );
    let uploaded = uploaded.json();
    assert_eq!(uploaded["added"].as_array().unwrap().len(), 1);
    assert_eq!(uploaded["added"][0]["certificate"]["kind"], "Uploaded");
    assert!(
        uploaded["refused"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == "junk.txt")
    );
    // The same chain again is skipped; in base64 DER too.
    let again = s
        .post("/v1/uploads", &other, None, Some(&body))
        .await
        .json();
    assert!(again["added"].as_array().unwrap().is_empty());
    assert_eq!(again["skipped"].as_array().unwrap().len(), 1);
    let empty = s
        .post("/v1/uploads", &other, None, Some(&json!({"files": []})))
        .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    let big = json!({"files": [{"name": "big.pem", "content": "A".repeat(9 * 1024 * 1024)}]});
    let too_large = s.post("/v1/uploads", &other, None, Some(&big)).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    // 2 MiB is fine for an upload (over the JSON limit of other routes).
    let medium = json!({"files": [{"name": "medium.pem", "content": "A".repeat(2 * 1024 * 1024)}]});
    let medium = s.post("/v1/uploads", &other, None, Some(&medium)).await;
    assert_eq!(medium.status, StatusCode::CREATED);
}

#[tokio::test]
async fn policies_are_validated_saved_listed_and_deleted() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let policies = s.get("/v1/policies", &token).await.json();
    let mut policy = policies
        .as_array()
        .unwrap()
        .first()
        .cloned()
        .expect("the demo has a policy");
    policy["id"] = json!("pol-new");
    policy["name"] = json!("Night shift");
    let saved = s
        .call(
            Method::PUT,
            "/v1/policies/pol-new",
            Some(&token),
            &[],
            Some(&policy),
        )
        .await;
    assert_eq!(
        saved.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
    assert_eq!(saved.json(), policy);
    let listed = s.get("/v1/policies", &token).await.json();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == "pol-new")
    );
    let mismatch = s
        .call(
            Method::PUT,
            "/v1/policies/other",
            Some(&token),
            &[],
            Some(&policy),
        )
        .await;
    assert_eq!(mismatch.status, StatusCode::BAD_REQUEST);
    let mut invalid = policy.clone();
    invalid["name"] = json!("  ");
    let invalid = s
        .call(
            Method::PUT,
            "/v1/policies/pol-new",
            Some(&token),
            &[],
            Some(&invalid),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        invalid.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "name")
    );
    let deleted = s
        .call(
            Method::DELETE,
            "/v1/policies/pol-new",
            Some(&token),
            &[],
            None,
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let again = s
        .call(
            Method::DELETE,
            "/v1/policies/pol-new",
            Some(&token),
            &[],
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}
