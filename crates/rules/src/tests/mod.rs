mod actions;
mod activation;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod calendar;
mod csr_verification;
mod dcv;
mod domain;
mod eligibility;
mod limits;
mod payment;
mod plan;
mod policy;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reminder_props;
mod reminders;
mod status;
mod urgency;
mod validity;
