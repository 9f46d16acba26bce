//! Native tests over real certificates made by openssl at test time, and
//! property tests that feed arbitrary and mutated input to every entry point.

mod build;
mod chain;
mod csr;
mod details;
mod fixtures;
mod props;
mod read;
