//! Many orders at once on one account: each is paid from the quota left by
//! the one before it, so the quota never goes below zero and what the
//! orders took adds up to what the quota lost.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::{Server, dv_purchase};
use serde_json::Value;

/// Remaining units of the Alibaba Cloud DV single-domain specification.
fn dv_units(quotas: &Value) -> u64 {
    quotas["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| {
            u[0]["brand"] == "AlibabaCloud"
                && u[0]["validation"] == "Dv"
                && u[0]["domain_type"] == "Single"
        })
        .map(|u| u[1].as_u64().unwrap())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_orders_never_overdraw_the_quota() {
    let s = Arc::new(Server::new().await);
    let token = s.demo_account("acme").await;
    let before = s.get("/v1/quotas", &token).await.json();
    let units_before = dv_units(&before);
    assert!(
        units_before > 0 && units_before < 20,
        "quota for fewer than 20 ({units_before})"
    );

    let mut tasks = Vec::new();
    for i in 0..20 {
        let (s, token) = (Arc::clone(&s), token.clone());
        tasks.push(tokio::spawn(async move {
            s.post(
                "/v1/orders",
                &token,
                None,
                Some(&dv_purchase(&format!("c{i}.example.com"))),
            )
            .await
        }));
    }
    let mut from_quota = 0;
    let mut paid = 0;
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(
            reply.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        let payment = &reply.json()["plan"]["payment"];
        from_quota += payment["units_from_quota"].as_u64().unwrap();
        paid += payment["units_to_pay"].as_u64().unwrap();
    }
    let after = s.get("/v1/quotas", &token).await.json();
    let units_after = dv_units(&after);
    assert_eq!(
        from_quota,
        units_before - units_after,
        "what the orders took is what the quota lost"
    );
    assert_eq!(units_after, 0, "the quota was used up, never below");
    assert_eq!(from_quota + paid, 20, "every unit was paid once");
    let account = s.get("/v1/account", &token).await.json();
    let orders = account["orders"].as_array().unwrap();
    let mut ids: Vec<&str> = orders.iter().map(|o| o["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), orders.len(), "order numbers are unique");
}
