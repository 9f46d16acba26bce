//! Certdesk: the SSL Certificate Management page of a cloud console.
//!
//! The app runs entirely in the browser. `main.rs` mounts it into the page's
//! `#certdesk` element (the standalone page); a host that embeds Certdesk
//! uses the `<certdesk-console>` element or `mount(element, options)` from
//! JavaScript ([`embed`], README "Embed"), or, from Rust, [`mount`].

pub mod backend;
pub mod bench_api;
pub mod components;
pub mod embed;
pub mod platform;
pub mod store;

/// The renewal rules (crate `certdesk-rules`), under the name the app uses.
pub use certdesk_rules as rules;
/// The X.509 codec (crate `certdesk-x509`), under the name the app uses.
pub use certdesk_x509 as x509;

pub use components::app::{App, AppProps as MountOptions};

impl MountOptions {
    /// Reads the options from the root element's attributes:
    /// `data-storage-key`, `data-demo="false"`, `data-chrome="false"`.
    pub fn from_element(root: &web_sys::Element) -> Self {
        let flag = |name: &str| root.get_attribute(name).is_none_or(|v| v != "false");
        let storage_key = root
            .get_attribute("data-storage-key")
            .filter(|key| !key.trim().is_empty())
            .unwrap_or_else(|| "certdesk.inventory".to_string());
        MountOptions {
            storage_key: storage_key.into(),
            demo: flag("data-demo"),
            chrome: flag("data-chrome"),
            host: platform::host::HostEvents::new(Some(root.clone())),
            ..MountOptions::default()
        }
    }
}

/// Mounts Certdesk into `root` (its children are replaced). The caller
/// installs the panic screen (`platform::panic::install`) for that root first.
pub fn mount(root: web_sys::Element, options: MountOptions) -> yew::AppHandle<App> {
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, options).render()
}
