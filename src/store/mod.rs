//! Application state: the inventory, quotas and orders, as a yew `Reducible`.

pub mod inventory;
pub mod route;

pub use inventory::{Inventory, Order};
