//! Idempotency-Key: the same request twice is one change; another request
//! under the same key is 422; one still being answered is 409.

mod common;

use axum::http::{Method, StatusCode};
use common::{Server, dv_purchase};

#[tokio::test]
async fn the_same_key_twice_places_one_order_and_replays_the_answer() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let orders_before = s.get("/v1/account", &token).await.json()["orders"]
        .as_array()
        .unwrap()
        .len();
    let body = dv_purchase("once.example.com");
    let key = [("idempotency-key", "order-1")];
    let first = s
        .call(Method::POST, "/v1/orders", Some(&token), &key, Some(&body))
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.header("idempotency-replayed"), None);
    let second = s
        .call(Method::POST, "/v1/orders", Some(&token), &key, Some(&body))
        .await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(
        second.header("idempotency-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(second.json(), first.json());
    let orders = s.get("/v1/account", &token).await.json()["orders"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(orders, orders_before + 1, "one order");

    let other = dv_purchase("twice.example.com");
    let reused = s
        .call(Method::POST, "/v1/orders", Some(&token), &key, Some(&other))
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.slug(), "idempotency-key-reused");
    // The same key on another route is another request too.
    let (id, v) = s.first_in(&token, "PendingApplication").await;
    let etag = certdesk_api::etag(v);
    let elsewhere = s
        .call(
            Method::POST,
            &format!("/v1/certificates/{id}/application"),
            Some(&token),
            &[key[0], ("if-match", &etag)],
            None,
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_replayed_certificate_change_is_not_run_twice() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let placed = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&dv_purchase("c.example.com")),
        )
        .await
        .json();
    let id = placed["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/v1/certificates/{id}/cancel");
    let headers = [("idempotency-key", "cancel-1"), ("if-match", "\"1\"")];
    let first = s
        .call(Method::POST, &path, Some(&token), &headers, None)
        .await;
    assert_eq!(first.status, StatusCode::OK);
    // The retry carries the old If-Match: it gets the stored answer, not 412.
    let retry = s
        .call(Method::POST, &path, Some(&token), &headers, None)
        .await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(
        retry.header("idempotency-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(retry.json(), first.json());
    assert_eq!(s.version(&id, &token).await, 2, "cancelled once");
}

#[tokio::test]
async fn a_key_still_in_flight_is_409() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let account = s.get("/v1/account", &token).await.json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let held = s.state.start_key(&account, "busy").expect("free");
    let reply = s
        .call(
            Method::POST,
            "/v1/orders",
            Some(&token),
            &[("idempotency-key", "busy")],
            Some(&dv_purchase("b.example.com")),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.slug(), "in-progress");
    drop(held);
    let reply = s
        .call(
            Method::POST,
            "/v1/orders",
            Some(&token),
            &[("idempotency-key", "busy")],
            Some(&dv_purchase("b.example.com")),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_bad_key_is_400() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let long = "k".repeat(256);
    for key in ["", long.as_str(), "has space"] {
        let reply = s
            .call(
                Method::POST,
                "/v1/orders",
                Some(&token),
                &[("idempotency-key", key)],
                Some(&dv_purchase("b.example.com")),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{key:?}");
    }
}
