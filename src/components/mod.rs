//! One component per file, named after it.

pub mod app;
pub mod debug_panic;
pub mod page_header;
pub mod tab_list;
pub mod tab_panel;
