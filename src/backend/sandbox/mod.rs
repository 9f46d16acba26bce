//! The in-browser sandbox: the CA, payment and Managed Service of a real
//! console, labelled as a sandbox wherever it acts, and driven by the As of
//! date: an order takes quota and creates its certificates, a submitted
//! request is reviewed (DV the same day after a minute, OV/EV after 5 days),
//! Not Activated certificates start on their trigger date, SC-081 reissues
//! happen inside a paid term, managed deployment tasks run the next day, and
//! the sandbox CA ([`ca`], WebCrypto) signs the real X.509 file of each
//! certificate it issues.
//!
//! [`Sandbox`] is the engine: pure functions from an inventory to the next
//! one (tested natively). [`SandboxBackend`] puts it behind the async
//! [`CertificateBackend`](super::CertificateBackend) and returns only what
//! changed.

mod backend;
pub mod ca;

pub use backend::SandboxBackend;
pub use certdesk_engine::sandbox::*;
