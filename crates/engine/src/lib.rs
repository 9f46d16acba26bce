//! Certdesk's lifecycle engine: what a certificate console's server does
//! (the CA review, payment, the Managed Service, in-term reissues), as pure
//! functions from an [`Inventory`] and a date to the next inventory.
//!
//! The browser's sandbox backend and the reference server (`server/`) both
//! run it, so the lifecycle a user walks in the sandbox is the one the
//! server enforces. No I/O, no clock: `today` and `now_ms` come in.

pub use certdesk_rules as rules;

pub mod demo;
mod demo_scale;
pub mod inventory;
mod results;
pub mod sandbox;

pub use inventory::{Inventory, Links, Order, SandboxSettings, delete_blocker};
pub use results::{BackendError, Cancelled, Changes, OrderPlaced};
pub use sandbox::{Advanced, Placed, SANDBOX_DV_REVIEW_MS, Sandbox};
