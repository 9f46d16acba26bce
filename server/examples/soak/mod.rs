//! The soak's parts: `client` (one client's loop), `run` (one run).

pub mod client;
pub mod run;
