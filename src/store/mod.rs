//! Application state: the inventory, quotas and orders, as a yew `Reducible`.

pub mod actions;
pub mod as_of;
pub mod csv;
pub use certdesk_engine::demo;
pub mod import;
pub mod inventory;
pub mod json_path;
pub mod lifecycle;
pub mod money;
pub mod notice;
pub mod order_form;
pub mod pem_export;
pub mod persist;
pub mod policy_form;
pub mod route;
pub mod state;
mod state_ops;
pub mod timeline;
#[cfg(test)]
mod timeline_tests;
pub mod validation;
pub mod validation_clock;
pub mod view;

#[cfg(test)]
mod order_form_tests;
#[cfg(test)]
mod remote_tests;
#[cfg(test)]
mod stored_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;

pub use inventory::{Inventory, Order};
pub use notice::{Notice, NoticeKind};
pub use state::{Action, AppState, Connection, Remote, StoredLoaded};
