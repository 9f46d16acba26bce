//! Application state: the inventory, quotas and orders, as a yew `Reducible`.

pub mod route;
