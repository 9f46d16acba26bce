//! The only module that touches the browser: clock, storage, WebCrypto, downloads, events.

pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod dom;
pub mod download;
pub mod host;
pub mod http;
pub mod location;
pub mod logger;
pub mod notify;
pub mod panic;
pub mod storage;
