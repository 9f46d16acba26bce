//! Two server processes over one PostgreSQL (a throwaway cluster), a
//! client alternating between them: an order retried on the other replica
//! is replayed, not placed twice; a key another replica is answering is
//! 409; If-Match holds across replicas; a long poll on one replica wakes
//! for a change made on the other; a scheduled review both replicas see at
//! once happens once.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use certdesk_server::throwaway_pg::{ThrowawayPg, free_port};
use common::{START, dv_purchase};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

const TOKEN: &str = "replicas-token-acme-0001";
const BIN: &str = env!("CARGO_BIN_EXE_certdesk-server");

/// A `certdesk-server serve` process, killed when dropped.
struct Replica {
    child: Child,
    url: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn replica(db: &str) -> Replica {
    let port = free_port().expect("a port");
    let child = Command::new(BIN)
        .args([
            "serve",
            "--db",
            db,
            "--test-clock",
            START,
            "--tick-seconds",
            "1",
        ])
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("certdesk-server starts");
    let r = Replica {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    for _ in 0..300 {
        if let Ok(reply) = reqwest::get(format!("{}/healthz", r.url)).await
            && reply.status().is_success()
        {
            return r;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the replica on {} did not answer", r.url);
}

struct Reply {
    status: StatusCode,
    replayed: bool,
    body: Value,
}

async fn call(
    client: &Client,
    r: &Replica,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Reply {
    let mut request = client
        .request(method, format!("{}{path}", r.url))
        .bearer_auth(TOKEN);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let reply = request.send().await.expect("answered");
    let status = reply.status();
    let replayed = reply.headers().contains_key("idempotency-replayed");
    let text = reply.text().await.expect("body");
    Reply {
        status,
        replayed,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
    }
}

async fn get(client: &Client, r: &Replica, path: &str) -> Value {
    let reply = call(client, r, Method::GET, path, &[], None).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    reply.body
}

async fn set_clock(client: &Client, r: &Replica, now: &str) {
    let reply = call(
        client,
        r,
        Method::PUT,
        "/v1/test/clock",
        &[],
        Some(&json!({ "now": now })),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_over_one_postgres() {
    let cluster = ThrowawayPg::start("-c fsync=off").expect("a throwaway PostgreSQL");
    let db = cluster.create_database("replicas").await.expect("database");
    let added = Command::new(BIN)
        .args(["account", "add", "acme", "--db", &db, "--token", TOKEN])
        .args(["--demo-inventory", "--as-of", "2026-11-28"])
        .output()
        .expect("account add");
    assert!(added.status.success(), "{added:?}");
    let (a, b) = (replica(&db).await, replica(&db).await);
    let client = Client::new();
    let account = get(&client, &b, "/v1/account").await;
    let account_id = account["id"].as_str().unwrap().to_string();
    let orders_before = account["orders"].as_array().unwrap().len();

    // An order placed on A, retried with its key on B: replayed, placed once.
    let order = dv_purchase("replicas.example.com");
    let key = [("idempotency-key", "order-across")];
    let first = call(&client, &a, Method::POST, "/v1/orders", &key, Some(&order)).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let retry = call(&client, &b, Method::POST, "/v1/orders", &key, Some(&order)).await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert!(retry.replayed);
    assert_eq!(retry.body, first.body);
    let orders = get(&client, &a, "/v1/account").await["orders"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(orders, orders_before + 1, "one order");

    // A key another replica is answering (its transaction's advisory lock) is 409 on B.
    {
        use sqlx::{Connection, Executor};
        let mut holder = sqlx::postgres::PgConnection::connect(&db).await.unwrap();
        holder.execute("BEGIN").await.unwrap();
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(certdesk_server::idempotency::lock_id(&account_id, "busy"))
            .execute(&mut holder)
            .await
            .unwrap();
        let busy = [("idempotency-key", "busy")];
        let other = dv_purchase("busy.example.com");
        let held = call(&client, &b, Method::POST, "/v1/orders", &busy, Some(&other)).await;
        assert_eq!(held.status, StatusCode::CONFLICT, "{}", held.body);
        assert!(held.body["type"].as_str().unwrap().ends_with("in-progress"));
        holder.execute("ROLLBACK").await.unwrap();
        let free = call(&client, &b, Method::POST, "/v1/orders", &busy, Some(&other)).await;
        assert_eq!(free.status, StatusCode::CREATED, "{}", free.body);
    }

    // If-Match across replicas: the version B reads is the one A checks.
    let id = first.body["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let version = get(&client, &b, &format!("/v1/certificates/{id}")).await["version"]
        .as_i64()
        .unwrap();
    let etag = certdesk_api::etag(version);
    let submit = format!("/v1/certificates/{id}/application");
    let submitted = call(
        &client,
        &a,
        Method::POST,
        &submit,
        &[("idempotency-key", "submit-1"), ("if-match", &etag)],
        None,
    )
    .await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    let stale = call(
        &client,
        &b,
        Method::POST,
        &format!("/v1/certificates/{id}/cancel"),
        &[("idempotency-key", "cancel-stale"), ("if-match", &etag)],
        None,
    )
    .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);

    // A long poll on B wakes for a change made on A (NOTIFY).
    let cursor = get(&client, &b, "/v1/account").await["cursor"]
        .as_i64()
        .unwrap();
    let poll = {
        let (client, url) = (client.clone(), b.url.clone());
        tokio::spawn(async move {
            client
                .get(format!("{url}/v1/changes?since={cursor}&wait=30"))
                .bearer_auth(TOKEN)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let woke = dv_purchase("wake.example.com");
    let placed = call(
        &client,
        &a,
        Method::POST,
        "/v1/orders",
        &[("idempotency-key", "wake-1")],
        Some(&woke),
    )
    .await;
    assert_eq!(placed.status, StatusCode::CREATED);
    let feed = tokio::time::timeout(Duration::from_secs(20), poll)
        .await
        .expect("woken before its wait is over")
        .unwrap();
    assert!(feed["cursor"].as_i64().unwrap() > cursor, "{feed}");

    // The review's outcome, seen by both replicas at once (their clocks
    // set together, their ticks running): one outcome, told once.
    let before_review = get(&client, &a, "/v1/account").await["cursor"]
        .as_i64()
        .unwrap();
    let later = "2026-12-10T09:00:00Z";
    tokio::join!(set_clock(&client, &a, later), set_clock(&client, &b, later));
    tokio::time::sleep(Duration::from_millis(1500)).await; // a tick of each
    let feed = get(&client, &b, &format!("/v1/changes?since={before_review}")).await;
    let events: Vec<&str> = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let about: Vec<&&str> = events.iter().filter(|e| e.contains(&id)).collect();
    assert!(!about.is_empty(), "the review of {id} is told: {feed}");
    let mut unique = events.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), events.len(), "nothing told twice: {events:?}");
    let reviewed = get(&client, &a, &format!("/v1/certificates/{id}")).await;
    assert_eq!(reviewed["certificate"]["state"], "Issued", "{reviewed}");
    assert_eq!(
        reviewed["version"].as_i64().unwrap(),
        version + 2,
        "submitted, then reviewed once"
    );
    drop((a, b));
    drop(cluster);
}
