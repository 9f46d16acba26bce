mod activation;
mod domain;
mod eligibility;
mod status;
mod support;
mod validity;
