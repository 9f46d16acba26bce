mod actions;
mod activation;
mod csr_verification;
mod dcv;
mod domain;
mod eligibility;
mod payment;
mod plan;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
mod status;
mod urgency;
mod validity;
