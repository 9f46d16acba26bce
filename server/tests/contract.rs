//! The contract: every JSON answer of a walk through every route (success
//! and problems) is checked against the schema `docs/api/openapi.yaml`
//! gives for its route, method and status, `#/components/...` resolved.

mod common;

use std::path::Path;

use axum::http::{Method, StatusCode};
use certdesk_api::Role;
use common::{Reply, Server, dv_purchase};
use serde_json::{Value, json};

fn spec() -> Option<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api/openapi.yaml");
    let text = std::fs::read_to_string(path).ok()?;
    Some(serde_yaml::from_str(&text).expect("openapi.yaml is YAML"))
}

/// `#/a/b/c` in the document.
fn pointer<'a>(doc: &'a Value, reference: &str) -> &'a Value {
    doc.pointer(reference.trim_start_matches('#'))
        .unwrap_or_else(|| panic!("{reference} is not in openapi.yaml"))
}

fn resolved<'a>(doc: &'a Value, mut v: &'a Value) -> &'a Value {
    while let Some(r) = v.get("$ref").and_then(Value::as_str) {
        v = pointer(doc, r);
    }
    v
}

/// Checks one answer; returns what disagrees, if anything.
fn check(doc: &Value, method: &Method, template: &str, reply: &Reply) -> Option<String> {
    let status = reply.status.as_u16().to_string();
    let operation = &doc["paths"][template][method.as_str().to_lowercase()];
    if operation.is_null() {
        return Some(format!("{method} {template}: not in openapi.yaml"));
    }
    let Some(response) = operation["responses"].get(&status) else {
        return Some(format!(
            "{method} {template}: status {status} is not listed"
        ));
    };
    let response = resolved(doc, response);
    let sent_type = reply.header("content-type").unwrap_or_default();
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return (!reply.body.is_empty())
            .then(|| format!("{method} {template} {status}: a body is sent, none is described"));
    };
    let Some((media, body)) = content
        .iter()
        .find(|(media, _)| sent_type.starts_with(media.as_str()))
    else {
        return Some(format!(
            "{method} {template} {status}: sent {sent_type}, described {:?}",
            content.keys().collect::<Vec<_>>()
        ));
    };
    let instance = if media.contains("json") {
        reply.json()
    } else {
        Value::String(String::from_utf8_lossy(&reply.body).into_owned())
    };
    let mut root = json!({ "components": doc["components"].clone() });
    root["allOf"] = json!([body["schema"].clone()]);
    let validator = jsonschema::draft202012::new(&root).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .take(5)
        .map(|e| format!("at {}: {e}", e.instance_path))
        .collect();
    (!errors.is_empty()).then(|| format!("{method} {template} {status}: {}", errors.join("; ")))
}

struct Walk {
    s: Server,
    seen: Vec<(Method, &'static str, Reply)>,
}

impl Walk {
    async fn call(
        &mut self,
        method: Method,
        template: &'static str,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Value {
        let reply = self
            .s
            .call(method.clone(), path, token, headers, body)
            .await;
        let json = serde_json::from_slice(&reply.body).unwrap_or(Value::Null);
        self.seen.push((method, template, reply));
        json
    }
}

#[tokio::test]
async fn every_answer_matches_openapi_yaml() {
    let Some(doc) = spec() else {
        eprintln!("docs/api/openapi.yaml is absent: nothing to check");
        return;
    };
    let s = Server::new().await;
    let t = s.demo_account("acme").await;
    let viewer = s.account("acme", Role::Viewer, Default::default).await;
    let mut w = Walk {
        s,
        seen: Vec::new(),
    };
    let key = |k: &'static str| ("idempotency-key", k);
    let g = Method::GET;

    w.call(g.clone(), "/healthz", "/healthz", None, &[], None)
        .await;
    w.call(g.clone(), "/v1/account", "/v1/account", Some(&t), &[], None)
        .await;
    w.call(g.clone(), "/v1/account", "/v1/account", None, &[], None)
        .await;
    w.call(
        g.clone(),
        "/v1/certificates",
        "/v1/certificates?limit=3",
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(
        g.clone(),
        "/v1/certificates",
        "/v1/certificates?limit=0",
        Some(&t),
        &[],
        None,
    )
    .await;
    let (issued, iv) = w.s.first_in(&t, "Issued").await;
    let ie = certdesk_api::etag(iv);
    w.call(
        g.clone(),
        "/v1/certificates/{id}",
        &format!("/v1/certificates/{issued}"),
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(
        g.clone(),
        "/v1/certificates/{id}",
        "/v1/certificates/cas-nope",
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(
        g.clone(),
        "/v1/certificates/{id}/file",
        "/v1/certificates/cas-nope/file",
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(g.clone(), "/v1/quotas", "/v1/quotas", Some(&t), &[], None)
        .await;
    w.call(
        g.clone(),
        "/v1/policies",
        "/v1/policies",
        Some(&t),
        &[],
        None,
    )
    .await;

    // Orders.
    let p = Method::POST;
    let placed = w
        .call(
            p.clone(),
            "/v1/orders",
            "/v1/orders",
            Some(&t),
            &[key("o1")],
            Some(&dv_purchase("c.example.com")),
        )
        .await;
    w.call(
        p.clone(),
        "/v1/orders",
        "/v1/orders",
        Some(&t),
        &[key("o1")],
        Some(&dv_purchase("c.example.com")),
    )
    .await;
    w.call(
        p.clone(),
        "/v1/orders",
        "/v1/orders",
        Some(&t),
        &[key("o1")],
        Some(&dv_purchase("d.example.com")),
    )
    .await;
    w.call(
        p.clone(),
        "/v1/orders",
        "/v1/orders",
        Some(&t),
        &[key("o2")],
        Some(&dv_purchase("")),
    )
    .await;
    w.call(
        p.clone(),
        "/v1/orders",
        "/v1/orders",
        Some(&t),
        &[key("o3")],
        Some(&json!({"request": 1})),
    )
    .await;
    w.call(
        p.clone(),
        "/v1/orders",
        "/v1/orders",
        Some(&viewer),
        &[key("o4")],
        Some(&dv_purchase("e.example.com")),
    )
    .await;
    w.call(
        p.clone(),
        "/v1/orders",
        "/v1/orders",
        Some(&t),
        &[key("o5")],
        Some(&json!({"request": "x".repeat(1_100_000)})),
    )
    .await;
    let id = placed["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // One certificate's changes.
    let app = "/v1/certificates/{id}/application";
    w.call(
        p.clone(),
        app,
        &format!("/v1/certificates/{id}/application"),
        Some(&t),
        &[key("a0")],
        None,
    )
    .await;
    w.call(
        p.clone(),
        app,
        &format!("/v1/certificates/{id}/application"),
        Some(&t),
        &[key("a1"), ("if-match", "\"9\"")],
        None,
    )
    .await;
    w.call(
        p.clone(),
        app,
        &format!("/v1/certificates/{issued}/application"),
        Some(&t),
        &[key("a2"), ("if-match", &ie)],
        None,
    )
    .await;
    w.call(
        p.clone(),
        app,
        &format!("/v1/certificates/{id}/application"),
        Some(&t),
        &[key("a3"), ("if-match", "\"1\"")],
        None,
    )
    .await;
    w.s.set_clock("2026-11-28T09:05:00Z", &t).await;
    w.call(
        g.clone(),
        "/v1/certificates/{id}/file",
        &format!("/v1/certificates/{id}/file"),
        Some(&t),
        &[],
        None,
    )
    .await;
    let v = w.s.version(&id, &t).await;
    let record = json!({"on": "2026-11-28", "passed": true, "summary": "Served."});
    w.call(
        Method::PUT,
        "/v1/certificates/{id}/verification",
        &format!("/v1/certificates/{id}/verification"),
        Some(&t),
        &[("if-match", &certdesk_api::etag(v))],
        Some(&record),
    )
    .await;
    let pca =
        w.s.all(&t)
            .await
            .into_iter()
            .find(|e| e["certificate"]["pca"] == true)
            .unwrap();
    let pca_id = pca["certificate"]["id"].as_str().unwrap().to_string();
    let pca_etag = certdesk_api::etag(pca["version"].as_i64().unwrap());
    w.call(
        p.clone(),
        "/v1/certificates/{id}/pca-sync",
        &format!("/v1/certificates/{pca_id}/pca-sync"),
        Some(&t),
        &[key("s1"), ("if-match", &pca_etag)],
        None,
    )
    .await;
    let cancel_me = w
        .call(
            p.clone(),
            "/v1/orders",
            "/v1/orders",
            Some(&t),
            &[key("o6")],
            Some(&dv_purchase("f.example.com")),
        )
        .await;
    let cid = cancel_me["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    w.call(
        p.clone(),
        "/v1/certificates/{id}/cancel",
        &format!("/v1/certificates/{cid}/cancel"),
        Some(&t),
        &[key("c1"), ("if-match", "\"1\"")],
        None,
    )
    .await;
    w.call(
        p.clone(),
        "/v1/certificates/{id}/cancel",
        &format!("/v1/certificates/{issued}/cancel"),
        Some(&t),
        &[key("c2"), ("if-match", &ie)],
        None,
    )
    .await;
    w.call(
        Method::DELETE,
        "/v1/certificates/{id}",
        &format!("/v1/certificates/{cid}"),
        Some(&t),
        &[("if-match", "\"2\"")],
        None,
    )
    .await;
    w.call(
        Method::DELETE,
        "/v1/certificates/{id}",
        &format!("/v1/certificates/{issued}"),
        Some(&t),
        &[],
        None,
    )
    .await;

    // Uploads.
    let pem = String::from_utf8(
        w.s.get(&format!("/v1/certificates/{id}/file"), &t)
            .await
            .body,
    )
    .unwrap();
    let other = w.s.demo_account("other").await;
    let files = json!({"files": [{"name": "chain.pem", "content": pem}, {"name": "junk.txt", "content": "x"}]});
    w.call(
        p.clone(),
        "/v1/uploads",
        "/v1/uploads",
        Some(&other),
        &[key("u1")],
        Some(&files),
    )
    .await;
    w.call(
        p.clone(),
        "/v1/uploads",
        "/v1/uploads",
        Some(&other),
        &[key("u2")],
        Some(&json!({"files": []})),
    )
    .await;

    // Policies.
    let mut policy = w.s.get("/v1/policies", &t).await.json()[0].clone();
    policy["id"] = json!("pol-x");
    w.call(
        Method::PUT,
        "/v1/policies/{id}",
        "/v1/policies/pol-x",
        Some(&t),
        &[],
        Some(&policy),
    )
    .await;
    policy["name"] = json!("");
    w.call(
        Method::PUT,
        "/v1/policies/{id}",
        "/v1/policies/pol-x",
        Some(&t),
        &[],
        Some(&policy),
    )
    .await;
    w.call(
        Method::DELETE,
        "/v1/policies/{id}",
        "/v1/policies/pol-x",
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(
        Method::DELETE,
        "/v1/policies/{id}",
        "/v1/policies/pol-x",
        Some(&t),
        &[],
        None,
    )
    .await;

    // The feed and the clock.
    w.call(
        g.clone(),
        "/v1/changes",
        "/v1/changes?since=0",
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(g.clone(), "/v1/changes", "/v1/changes", Some(&t), &[], None)
        .await;
    w.call(
        g.clone(),
        "/v1/changes",
        "/v1/changes?since=999999999",
        Some(&t),
        &[],
        None,
    )
    .await;
    w.call(
        Method::PUT,
        "/v1/test/clock",
        "/v1/test/clock",
        Some(&t),
        &[],
        Some(&json!({"now": "2026-11-28T10:00:00Z"})),
    )
    .await;
    for _ in 0..certdesk_server::auth::MAX_FAILURES {
        w.s.get("/v1/account", "wrong").await;
    }
    w.call(g.clone(), "/v1/account", "/v1/account", Some(&t), &[], None)
        .await;

    // The check itself catches a wrong body (a version as text).
    let (_, _, good) = w
        .seen
        .iter()
        .find(|(_, tpl, r)| *tpl == "/v1/certificates/{id}" && r.status == StatusCode::OK)
        .unwrap();
    let mut entry = good.json();
    entry["version"] = json!("1");
    let wrong = Reply {
        status: good.status,
        headers: good.headers.clone(),
        body: serde_json::to_vec(&entry).unwrap(),
    };
    assert!(check(&doc, &g, "/v1/certificates/{id}", &wrong).is_some());

    let mut disagreements = Vec::new();
    let mut statuses = std::collections::BTreeSet::new();
    for (method, template, reply) in &w.seen {
        statuses.insert(reply.status.as_u16());
        if let Some(why) = check(&doc, method, template, reply) {
            disagreements.push(why);
        }
    }
    for expected in [
        200, 201, 204, 400, 401, 403, 404, 409, 410, 412, 413, 422, 428, 429,
    ] {
        assert!(statuses.contains(&expected), "the walk gave no {expected}");
    }
    assert!(
        w.seen
            .iter()
            .any(|(_, _, r)| r.status == StatusCode::CREATED)
    );
    assert!(
        disagreements.is_empty(),
        "openapi.yaml disagrees:\n{}",
        disagreements.join("\n")
    );
}
