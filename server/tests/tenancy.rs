//! Every route, with account B's token on account A's records: 404, as if
//! they did not exist; B's lists and feed never show them.

mod common;

use axum::http::{Method, StatusCode};
use common::{Server, dv_purchase};
use serde_json::json;

#[tokio::test]
async fn another_accounts_token_sees_nothing_of_it() {
    let s = Server::new().await;
    let a = s.demo_account("a").await;
    let b = s
        .account("b", certdesk_api::Role::Admin, Default::default)
        .await;
    let b_cursor = s.get("/v1/account", &b).await.json()["cursor"]
        .as_i64()
        .unwrap();

    // A change in A, so A's feed has something after B's cursor.
    let placed = s
        .post("/v1/orders", &a, None, Some(&dv_purchase("a.example.com")))
        .await;
    assert_eq!(placed.status, StatusCode::CREATED);
    let a_all = s.all(&a).await;
    let a_ids: Vec<String> = a_all
        .iter()
        .map(|e| e["certificate"]["id"].as_str().unwrap().to_string())
        .collect();
    let (issued, v) = s.first_in(&a, "Issued").await;
    let (pending, pv) = s.first_in(&a, "PendingApplication").await;

    for id in [&issued, &pending] {
        let version = if id == &issued { v } else { pv };
        let etag = certdesk_api::etag(version);
        let headers = [("if-match", etag.as_str()), ("idempotency-key", "tenancy")];
        let record = json!({"on": "2026-11-28", "passed": true, "summary": "x"});
        let cases = [
            (Method::GET, format!("/v1/certificates/{id}"), None),
            (Method::GET, format!("/v1/certificates/{id}/file"), None),
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
                Some(record),
            ),
            (Method::DELETE, format!("/v1/certificates/{id}"), None),
        ];
        for (method, path, body) in cases {
            let reply = s
                .call(method.clone(), &path, Some(&b), &headers, body.as_ref())
                .await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{method} {path}");
            assert_eq!(reply.slug(), "not-found");
        }
    }
    // An order in B on A's certificate: 404 (the stored original is B's, and there is none).
    let a_cert: certdesk_rules::Certificate = serde_json::from_value(
        s.get(&format!("/v1/certificates/{issued}"), &a)
            .await
            .json()["certificate"]
            .clone(),
    )
    .unwrap();
    let renewal = certdesk_rules::OrderRequest::renewal_of(&a_cert);
    let order = s
        .post("/v1/orders", &b, None, Some(&json!({ "request": renewal })))
        .await;
    assert_eq!(order.status, StatusCode::NOT_FOUND);

    // A's policy cannot be deleted or seen by B; B's PUT of the same ID makes B's own.
    let a_policies = s.get("/v1/policies", &a).await.json();
    let policy = a_policies[0].clone();
    let pid = policy["id"].as_str().unwrap();
    assert_eq!(
        s.call(
            Method::DELETE,
            &format!("/v1/policies/{pid}"),
            Some(&b),
            &[],
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert!(
        s.get("/v1/policies", &b)
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    let put = s
        .call(
            Method::PUT,
            &format!("/v1/policies/{pid}"),
            Some(&b),
            &[],
            Some(&policy),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK);
    assert_eq!(
        s.get("/v1/policies", &a).await.json(),
        a_policies,
        "A's policy unchanged"
    );

    // Lists, account, quotas and feed of B show nothing of A.
    let b_list = s.all(&b).await;
    assert!(
        b_list
            .iter()
            .all(|e| !a_ids.contains(&e["certificate"]["id"].as_str().unwrap().to_string()))
    );
    assert!(b_list.is_empty());
    for q in ["?q=example", "?tab=official", "?state=Issued"] {
        let page = s.get(&format!("/v1/certificates{q}"), &b).await.json();
        assert!(page["items"].as_array().unwrap().is_empty(), "{q}");
    }
    let b_account = s.get("/v1/account", &b).await.json();
    assert!(b_account["orders"].as_array().unwrap().is_empty());
    assert_ne!(
        s.get("/v1/quotas", &b).await.json(),
        s.get("/v1/quotas", &a).await.json()
    );
    let feed = s
        .get(&format!("/v1/changes?since={b_cursor}"), &b)
        .await
        .json();
    assert!(feed["certificates"].as_array().unwrap().is_empty());
    assert!(feed["orders"].as_array().unwrap().is_empty());
    assert!(feed["quotas"].is_null());
    assert_eq!(
        feed["policies"].as_array().unwrap().len(),
        1,
        "only B's own policy"
    );

    // An upload in B of A's file is B's own record; A's list is unchanged.
    let before = s.all(&a).await.len();
    let idem = [("idempotency-key", "same-key")];
    let a_order = s
        .call(
            Method::POST,
            "/v1/orders",
            Some(&a),
            &idem,
            Some(&dv_purchase("x.example.com")),
        )
        .await;
    assert_eq!(a_order.status, StatusCode::CREATED);
    // The same idempotency key in another account is another request.
    let b_order = s
        .call(
            Method::POST,
            "/v1/orders",
            Some(&b),
            &idem,
            Some(&dv_purchase("x.example.com")),
        )
        .await;
    assert_ne!(
        b_order.header("idempotency-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(s.all(&a).await.len(), before + 1);
}
