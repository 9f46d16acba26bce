//! One component per file, named after it.

pub mod action_cell;
pub mod app;
pub mod app_storage;
pub mod as_of_banner;
pub mod as_of_control;
pub mod cert_row;
pub mod cert_table;
pub mod cert_toolbar;
pub mod certificate_list;
pub mod confirm_dialog;
pub mod console;
pub mod context;
pub mod data_menu;
pub mod debug_panic;
pub mod import_button;
pub mod modal;
pub mod notices;
pub mod page_header;
pub mod popover;
pub mod quota_panel;
pub mod status_badge;
pub mod tab_list;
pub mod tab_panel;
