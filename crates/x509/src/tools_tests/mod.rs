//! Native tests of uploads, CSR requests and the verification verdict, over
//! certificates made by openssl at test time.

mod csr;
mod fixtures;
mod limits;
mod props;
mod record;
mod served;
mod upload_order;
