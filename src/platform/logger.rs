//! A `log` backend that writes to the browser console.

use log::{Level, LevelFilter, Log, Metadata, Record};

struct ConsoleLogger;

static LOGGER: ConsoleLogger = ConsoleLogger;

impl Log for ConsoleLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = wasm_bindgen::JsValue::from_str(&format!("[certdesk] {}", record.args()));
        match record.level() {
            Level::Error => web_sys::console::error_1(&line),
            Level::Warn => web_sys::console::warn_1(&line),
            Level::Info => web_sys::console::info_1(&line),
            Level::Debug | Level::Trace => web_sys::console::debug_1(&line),
        }
    }

    fn flush(&self) {}
}

/// Installs the console logger (debug builds log more). Calling it twice is harmless.
pub fn init() {
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(if cfg!(debug_assertions) {
            LevelFilter::Debug
        } else {
            LevelFilter::Info
        });
    }
}
