//! A restart loses nothing: records, versions, the feed, idempotent
//! answers, and the sandbox CA (an old chain still verifies against it).

mod common;

use axum::http::{Method, StatusCode};
use certdesk_server::ca::verify::check_signature;
use common::{Server, dv_purchase};

/// Every signature of `pem`'s chain verifies and it ends at `root_pem`.
fn chain_verifies(pem: &str, root_pem: &str) {
    let certs: Vec<certdesk_x509::Certificate> = certdesk_x509::read_input(pem.as_bytes())
        .certificates()
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(certs.len(), 3);
    let root = certdesk_x509::read_input(root_pem.as_bytes()).certificates()[0].clone();
    assert_eq!(
        certs[2].fingerprint_sha256(),
        root.fingerprint_sha256(),
        "the persisted root"
    );
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let report = certdesk_x509::analyze_chain(&certs, now);
    assert_eq!(
        report.links.len(),
        3,
        "leaf, intermediate, self-signed root"
    );
    for link in &report.links {
        check_signature(&link.check).expect("each signature verifies");
    }
}

#[tokio::test]
async fn everything_is_there_after_a_restart_and_old_chains_still_verify() {
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let body = dv_purchase("restart.example.com");
    let key = [("idempotency-key", "before-restart")];
    let placed = s
        .call(Method::POST, "/v1/orders", Some(&token), &key, Some(&body))
        .await;
    assert_eq!(placed.status, StatusCode::CREATED);
    let id = placed.json()["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let submitted = s
        .post(
            &format!("/v1/certificates/{id}/application"),
            &token,
            Some(1),
            None,
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK);
    s.set_clock("2026-11-28T09:05:00Z", &token).await;
    let pem = String::from_utf8(
        s.get(&format!("/v1/certificates/{id}/file"), &token)
            .await
            .body,
    )
    .unwrap();
    let root_before = s.state.ca.root_pem();
    chain_verifies(&pem, &root_before);
    let list_before = s.all(&token).await;
    let account_before = s.get("/v1/account", &token).await.json();

    let s = s.restart().await;
    assert_eq!(s.state.ca.root_pem(), root_before, "the CA was kept");
    assert_eq!(
        s.all(&token).await,
        list_before,
        "records and versions kept"
    );
    assert_eq!(s.get("/v1/account", &token).await.json(), account_before);
    let file = String::from_utf8(
        s.get(&format!("/v1/certificates/{id}/file"), &token)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(file, pem);
    chain_verifies(&file, &s.state.ca.root_pem());
    let replay = s
        .call(Method::POST, "/v1/orders", Some(&token), &key, Some(&body))
        .await;
    assert_eq!(
        replay.header("idempotency-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(replay.json(), placed.json());
    let feed = s.get("/v1/changes?since=0", &token).await.json();
    assert!(
        feed["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().contains(&id))
    );

    // A certificate issued after the restart chains to the same root.
    let placed = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&dv_purchase("after.example.com")),
        )
        .await
        .json();
    let id = placed["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.post(
        &format!("/v1/certificates/{id}/application"),
        &token,
        Some(1),
        None,
    )
    .await;
    s.set_clock("2026-11-28T09:10:00Z", &token).await;
    let pem = String::from_utf8(
        s.get(&format!("/v1/certificates/{id}/file"), &token)
            .await
            .body,
    )
    .unwrap();
    chain_verifies(&pem, &root_before);
}

#[tokio::test]
async fn openssl_verifies_an_issued_chain_when_it_is_installed() {
    let Ok(out) = std::process::Command::new("openssl")
        .arg("version")
        .output()
    else {
        eprintln!("openssl is not installed: skipped");
        return;
    };
    assert!(out.status.success());
    let s = Server::new().await;
    let token = s.demo_account("acme").await;
    let placed = s
        .post(
            "/v1/orders",
            &token,
            None,
            Some(&dv_purchase("ossl.example.com")),
        )
        .await
        .json();
    let id = placed["certificates"][0]["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.post(
        &format!("/v1/certificates/{id}/application"),
        &token,
        Some(1),
        None,
    )
    .await;
    s.set_clock("2026-11-28T09:05:00Z", &token).await;
    let pem = String::from_utf8(
        s.get(&format!("/v1/certificates/{id}/file"), &token)
            .await
            .body,
    )
    .unwrap();
    let blocks: Vec<String> = pem
        .split_inclusive("-----END CERTIFICATE-----\n")
        .map(str::to_string)
        .collect();
    assert_eq!(blocks.len(), 3);
    let dir = s.dir.path();
    for (name, block) in ["leaf.pem", "intermediate.pem", "root.pem"]
        .iter()
        .zip(&blocks)
    {
        std::fs::write(dir.join(name), block).unwrap();
    }
    // 2026-12-01T00:00:00Z: inside the leaf's validity.
    let verify = std::process::Command::new("openssl")
        .args([
            "verify",
            "-x509_strict",
            "-attime",
            "1796083200",
            "-CAfile",
            "root.pem",
            "-untrusted",
            "intermediate.pem",
            "leaf.pem",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
}
