//! Certdesk: the SSL Certificate Management page of a cloud console.

pub mod components;
pub mod platform;
pub mod rules;
pub mod store;
pub mod x509;
