//! The only module that touches the browser: clock, storage, WebCrypto, downloads, events.
