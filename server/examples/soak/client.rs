//! One soak client: a mix of reads and writes until the deadline, every
//! POST retried with its own Idempotency-Key until answered (on the next
//! replica after a connection failure).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

pub const TOKEN: &str = "soak-token-account-0001";

/// What every client shares.
pub struct Shared {
    pub urls: Vec<String>,
    pub deadline: Instant,
    /// Give up on an attempt after this long (then retry with the same key).
    pub attempt_timeout: Duration,
    pub pem: String,
}

/// A POST whose answer is final.
pub struct Answered {
    pub status: StatusCode,
    pub body: Value,
}

/// A POST not answered by the deadline: settled after the run.
pub struct Pending {
    pub key: String,
    pub path: String,
    pub body: Option<Value>,
    pub if_match: Option<String>,
    pub what: Op,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    List,
    Feed,
    Order,
    Submit,
    Cancel,
    Upload,
}

impl Op {
    pub fn route(self) -> &'static str {
        match self {
            Op::List => "GET  /v1/certificates",
            Op::Feed => "GET  /v1/changes",
            Op::Order => "POST /v1/orders",
            Op::Submit => "POST /v1/certificates/{id}/application",
            Op::Cancel => "POST /v1/certificates/{id}/cancel",
            Op::Upload => "POST /v1/uploads",
        }
    }
}

#[derive(Default)]
pub struct Tally {
    /// Answered attempts' latencies (µs) per route.
    pub latencies: HashMap<Op, Vec<u64>>,
    /// Attempts not answered (connection refused, timeout, 5xx, 409 in progress).
    pub failed_attempts: usize,
    pub orders: Vec<String>,
    pub cancels: usize,
    pub pending: Vec<Pending>,
}

fn random() -> u64 {
    use rand_core::RngCore;
    rand_core::OsRng.next_u64()
}

pub fn dv_purchase(domain: &str) -> Value {
    json!({ "request": certdesk_rules::testing::dv_purchase(domain) })
}

/// One attempt; `None` when it was not answered.
async fn attempt(
    client: &Client,
    url: &str,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
    timeout: Duration,
) -> Option<(StatusCode, Value)> {
    let mut request = client
        .request(method, format!("{url}{path}"))
        .bearer_auth(TOKEN)
        .timeout(timeout);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let reply = request.send().await.ok()?;
    let status = reply.status();
    let text = reply.text().await.ok()?;
    let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if status.is_server_error() && std::env::var_os("SOAK_DEBUG").is_some() {
        eprintln!("{status} {path}: {body}");
    }
    let in_progress = status == StatusCode::CONFLICT
        && body["type"]
            .as_str()
            .is_some_and(|t| t.ends_with("in-progress"));
    (!status.is_server_error() && !in_progress).then_some((status, body))
}

pub struct Worker {
    pub client: Client,
    pub shared: Arc<Shared>,
    pub replica: Arc<AtomicUsize>,
    pub tally: Tally,
}

impl Worker {
    fn url(&self) -> String {
        let urls = &self.shared.urls;
        urls[self.replica.load(Ordering::Relaxed) % urls.len()].clone()
    }

    fn fail_over(&mut self) {
        self.tally.failed_attempts += 1;
        self.replica.fetch_add(1, Ordering::Relaxed);
    }

    /// A POST with a new key, retried with it until answered or `until`.
    pub async fn post(
        &mut self,
        what: Op,
        path: &str,
        body: Option<Value>,
        if_match: Option<String>,
        until: Option<Instant>,
    ) -> Result<Answered, Pending> {
        let pending = Pending {
            key: format!("soak-{:016x}", random()),
            path: path.to_string(),
            body,
            if_match,
            what,
        };
        self.retry(pending, until).await
    }

    pub async fn retry(&mut self, p: Pending, until: Option<Instant>) -> Result<Answered, Pending> {
        let mut headers = vec![("idempotency-key", p.key.as_str())];
        if let Some(etag) = &p.if_match {
            headers.push(("if-match", etag.as_str()));
        }
        loop {
            if until.is_some_and(|u| Instant::now() > u) {
                return Err(p);
            }
            let started = Instant::now();
            let url = self.url();
            let timeout = self.shared.attempt_timeout;
            match attempt(
                &self.client,
                &url,
                Method::POST,
                &p.path,
                &headers,
                p.body.as_ref(),
                timeout,
            )
            .await
            {
                Some((status, body)) => {
                    self.record(p.what, started);
                    return Ok(Answered { status, body });
                }
                None => {
                    self.fail_over();
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
    }

    async fn get(&mut self, what: Op, path: &str) -> Option<Value> {
        let started = Instant::now();
        let url = self.url();
        let timeout = self.shared.attempt_timeout.max(Duration::from_secs(2));
        match attempt(&self.client, &url, Method::GET, path, &[], None, timeout).await {
            Some((StatusCode::OK, body)) => {
                self.record(what, started);
                Some(body)
            }
            Some(_) => None,
            None => {
                self.fail_over();
                tokio::time::sleep(Duration::from_millis(20)).await;
                None
            }
        }
    }

    fn record(&mut self, what: Op, started: Instant) {
        let micros = started.elapsed().as_micros() as u64;
        self.tally.latencies.entry(what).or_default().push(micros);
    }

    /// Counts an answered write in the tally.
    pub fn count(&mut self, what: Op, answered: &Answered, fresh: &mut Vec<(String, i64)>) {
        match (what, answered.status) {
            (Op::Order, StatusCode::CREATED) => {
                if let Some(id) = answered.body["order"]["id"].as_str() {
                    self.tally.orders.push(id.to_string());
                }
                for entry in answered.body["certificates"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    if let (Some(id), Some(v)) = (
                        entry["certificate"]["id"].as_str(),
                        entry["version"].as_i64(),
                    ) {
                        fresh.push((id.to_string(), v));
                    }
                }
            }
            (Op::Cancel, StatusCode::OK) => self.tally.cancels += 1,
            _ => {}
        }
    }

    /// Until the deadline: list 30%, feed 15%, order 25%, submit 10%, cancel 10%, upload 10%.
    pub async fn run(mut self) -> Tally {
        let mut cursor = 0i64;
        // Certificates this client ordered and has not acted on (id, version).
        let mut fresh: Vec<(String, i64)> = Vec::new();
        let deadline = self.shared.deadline;
        while Instant::now() < deadline {
            let dice = random() % 100;
            let until = Some(deadline);
            if dice < 30 {
                self.get(Op::List, "/v1/certificates?limit=50&tab=official")
                    .await;
            } else if dice < 45 {
                match self
                    .get(Op::Feed, &format!("/v1/changes?since={cursor}"))
                    .await
                {
                    Some(feed) => cursor = feed["cursor"].as_i64().unwrap_or(cursor),
                    // Gone (pruned) or failed: start again from the account's cursor.
                    None => {
                        if let Some(a) = self.get(Op::Feed, "/v1/account").await {
                            cursor = a["cursor"].as_i64().unwrap_or(0);
                        }
                    }
                }
            } else if dice < 70 || fresh.is_empty() {
                let domain = format!("s{:x}.soak.example.com", random() % 1_000_000_000);
                let answer = self
                    .post(
                        Op::Order,
                        "/v1/orders",
                        Some(dv_purchase(&domain)),
                        None,
                        until,
                    )
                    .await;
                self.settle_one(Op::Order, answer, &mut fresh);
            } else if dice < 90 {
                let (id, version) = fresh.swap_remove((random() as usize) % fresh.len());
                let (what, path) = if dice < 80 {
                    (Op::Submit, format!("/v1/certificates/{id}/application"))
                } else {
                    (Op::Cancel, format!("/v1/certificates/{id}/cancel"))
                };
                let etag = Some(certdesk_api::etag(version));
                let answer = self.post(what, &path, None, etag, until).await;
                self.settle_one(what, answer, &mut fresh);
            } else {
                let files = json!({ "files": [{ "name": "soak.pem", "content": self.shared.pem, "base64": false }] });
                let answer = self
                    .post(Op::Upload, "/v1/uploads", Some(files), None, until)
                    .await;
                self.settle_one(Op::Upload, answer, &mut fresh);
            }
        }
        self.tally
    }

    fn settle_one(
        &mut self,
        what: Op,
        answer: Result<Answered, Pending>,
        fresh: &mut Vec<(String, i64)>,
    ) {
        match answer {
            Ok(answered) => self.count(what, &answered, fresh),
            Err(pending) => self.tally.pending.push(pending),
        }
    }
}
