//! Certificate, chain and CSR parsing and checks over x509-parser.
//!
//! Pure Rust: "now" is always an argument (x509-parser's own clock traps on wasm32).
