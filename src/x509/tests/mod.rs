//! Native tests over openssl-made fixtures.
