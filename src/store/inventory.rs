//! The inventory lives in `certdesk-engine` (shared with the server).

pub use certdesk_engine::inventory::*;
