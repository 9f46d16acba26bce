//! Certdesk: the SSL Certificate Management page of a cloud console.
//!
//! The app runs entirely in the browser. `main.rs` mounts it into the page's
//! `#certdesk` element (the standalone page); a host that embeds Certdesk
//! uses the `<certdesk-console>` element or `mount(element, options)` from
//! JavaScript ([`embed`], README "Embed"), or, from Rust, [`mount`].

pub mod backend;
pub mod bench_api;
pub mod chunks;
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
            backend: standalone_backend(root),
            ..MountOptions::default()
        }
    }
}

/// The standalone page's backend: the server named by `data-api` on the root
/// or `?api=` in the address (its token from `?token=`, which is then taken
/// out of the address bar and kept for this tab only), else the sandbox.
fn standalone_backend(root: &web_sys::Element) -> backend::Backend {
    use gloo::storage::{SessionStorage, Storage};
    let api = root
        .get_attribute("data-api")
        .or_else(|| platform::location::query_param("api"))
        .and_then(|raw| match embed::check_api(raw.trim()) {
            Ok(api) => Some(api),
            Err(e) => {
                log::error!("Certdesk: the api address {raw:?} was ignored: use {e}");
                None
            }
        });
    let Some(api) = api else {
        return backend::Backend::default();
    };
    let key = format!("certdesk.token:{api}");
    let token = match platform::location::query_param("token") {
        Some(token) => {
            platform::location::set_query_param("token", None);
            let _ = SessionStorage::set(&key, &token);
            Some(token)
        }
        None => SessionStorage::get::<String>(&key).ok(),
    };
    backend::Backend::Http(backend::HttpBackend::new(backend::HttpConfig {
        api,
        token,
        token_source: None,
    }))
}

/// Mounts Certdesk into `root` (its children are replaced). The caller
/// installs the panic screen (`platform::panic::install`) for that root first.
pub fn mount(root: web_sys::Element, options: MountOptions) -> yew::AppHandle<App> {
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, options).render()
}
