//! Native tests over real certificates made by openssl at test time, and
//! property tests that feed arbitrary and mutated input to every entry point.

mod build;
mod build_errors;
mod chain;
mod csr;
mod details;
pub(super) mod fixtures;
mod make;
mod mutations;
mod native_signer;
pub(super) mod openssl_ca;
mod props;
mod read;
mod refused;
