//! `make bench`: time to evaluate the renewal rules natively (filled in with the rules module).
fn main() {}
