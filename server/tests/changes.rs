//! The change feed: what one token changes, another token of the account
//! sees after its cursor; a long poll wakes on the change; an old cursor is 410.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use certdesk_api::Role;
use common::{Server, dv_purchase};

#[tokio::test]
async fn a_change_by_one_token_is_in_the_feed_of_another() {
    let s = Server::new().await;
    let admin = s.demo_account("acme").await;
    let viewer = s.account("acme", Role::Viewer, Default::default).await;
    let cursor = s.get("/v1/account", &viewer).await.json()["cursor"]
        .as_i64()
        .unwrap();
    let empty = s
        .get(&format!("/v1/changes?since={cursor}"), &viewer)
        .await
        .json();
    assert_eq!(empty["cursor"], cursor, "nothing changed: the cursor stays");
    assert!(empty["certificates"].as_array().unwrap().is_empty());

    let placed = s
        .post(
            "/v1/orders",
            &admin,
            None,
            Some(&dv_purchase("feed.example.com")),
        )
        .await
        .json();
    let id = placed["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let feed = s
        .get(&format!("/v1/changes?since={cursor}"), &viewer)
        .await
        .json();
    assert!(feed["cursor"].as_i64().unwrap() > cursor);
    assert_eq!(feed["certificates"][0]["certificate"]["id"], id.as_str());
    assert_eq!(feed["certificates"][0]["version"], 1);
    assert_eq!(feed["orders"][0]["id"], placed["order"]["id"]);
    assert_eq!(feed["quotas"], placed["quotas"]);

    // Cancel then delete: the feed says deleted, not the record.
    let next = feed["cursor"].as_i64().unwrap();
    s.post(
        &format!("/v1/certificates/{id}/cancel"),
        &admin,
        Some(1),
        None,
    )
    .await;
    let deleted = s
        .call(
            axum::http::Method::DELETE,
            &format!("/v1/certificates/{id}"),
            Some(&admin),
            &[("if-match", "\"2\"")],
            None,
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let feed = s
        .get(&format!("/v1/changes?since={next}"), &viewer)
        .await
        .json();
    assert_eq!(feed["deleted"][0], id.as_str());
    assert!(feed["certificates"].as_array().unwrap().is_empty());

    // The clock's review lands in the feed as an event.
    let (pending, v) = s.first_in(&admin, "PendingApplication").await;
    let submitted = s
        .post(
            &format!("/v1/certificates/{pending}/application"),
            &admin,
            Some(v),
            None,
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK);
    let before_review = s.get("/v1/account", &viewer).await.json()["cursor"]
        .as_i64()
        .unwrap();
    s.set_clock("2026-12-10T09:00:00Z", &admin).await;
    let feed = s
        .get(&format!("/v1/changes?since={before_review}"), &viewer)
        .await
        .json();
    assert!(!feed["events"].as_array().unwrap().is_empty(), "{feed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_poll_wakes_on_a_change() {
    let s = Arc::new(Server::new().await);
    let admin = s.demo_account("acme").await;
    let cursor = s.get("/v1/account", &admin).await.json()["cursor"]
        .as_i64()
        .unwrap();
    let started = Instant::now();
    let poll = {
        let (s, admin) = (Arc::clone(&s), admin.clone());
        tokio::spawn(async move {
            s.get(&format!("/v1/changes?since={cursor}&wait=20"), &admin)
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!poll.is_finished(), "it waits while nothing changes");
    s.post(
        "/v1/orders",
        &admin,
        None,
        Some(&dv_purchase("wake.example.com")),
    )
    .await;
    let reply = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .expect("woken")
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["certificates"].as_array().unwrap().len(), 1);

    // Nothing happens: after `wait` the same cursor comes back.
    let cursor = reply.json()["cursor"].as_i64().unwrap();
    let quiet = s
        .get(&format!("/v1/changes?since={cursor}&wait=1"), &admin)
        .await
        .json();
    assert_eq!(quiet["cursor"], cursor);
}

#[tokio::test]
async fn bad_and_old_cursors() {
    let s = Server::new().await;
    let admin = s.demo_account("acme").await;
    for bad in ["", "?since=x", "?since=-1", "?since=0&wait=31"] {
        let reply = s.get(&format!("/v1/changes{bad}"), &admin).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let future = s.get("/v1/changes?since=99999999", &admin).await;
    assert_eq!(future.status, StatusCode::GONE);
    let account = s.get("/v1/account", &admin).await.json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut conn = s.state.db.pool.acquire().await.unwrap();
    certdesk_server::feed::prune(&mut conn, &account, 2)
        .await
        .unwrap();
    drop(conn);
    let gone = s.get("/v1/changes?since=0", &admin).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert_eq!(gone.slug(), "cursor-gone");
    let cursor = s.get("/v1/account", &admin).await.json()["cursor"]
        .as_i64()
        .unwrap();
    assert_eq!(
        s.get(&format!("/v1/changes?since={cursor}"), &admin)
            .await
            .status,
        StatusCode::OK
    );
}
