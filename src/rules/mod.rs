//! The renewal rules of the source documents (see `docs/rules.md`).
//!
//! Pure Rust: nothing here touches the browser or the UI, and "today" always
//! comes in as an argument, so `cargo test` checks every rule natively.
pub mod model;
