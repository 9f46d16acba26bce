//! The embedding API a host page uses from JavaScript (README, "Embed"):
//!
//! - `mount(element, options)`, exported from the bundle's JS, mounts an
//!   instance into `element` and returns a handle with `unmount()`;
//! - the custom element `<certdesk-console>` (registered when the bundle
//!   starts) does the same from its attributes when it is connected, and
//!   unmounts when it is removed.
//!
//! Each instance renders in a shadow root of its element, with Certdesk's
//! stylesheets linked inside it: the host's styles do not reach in and ours
//! do not leak out; the documented `--certdesk-*` custom properties do cross
//! it, for theming. Ids get a per-instance prefix, so two instances never
//! collide; events for the host are dispatched from `element`.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::backend::{Backend, HttpBackend, HttpConfig};
use crate::components::app::{App, AppProps, Routing};
use crate::platform::host::HostEvents;

#[wasm_bindgen(inline_js = r#"
export function define_console_element(mount) {
  if (customElements.get('certdesk-console')) return;
  class CertdeskConsole extends HTMLElement {
    connectedCallback() {
      if (this._certdesk) return;
      try {
        this._certdesk = mount(this);
      } catch (e) {
        console.error(e);
      }
    }
    disconnectedCallback() {
      const handle = this._certdesk;
      this._certdesk = null;
      if (handle) handle.unmount();
    }
  }
  customElements.define('certdesk-console', CertdeskConsole);
}
export function assets_base() {
  // This snippet is served from <bundle>/snippets/<crate>-<hash>/.
  return new URL('../../', import.meta.url).href;
}
"#)]
extern "C" {
    fn define_console_element(mount: &JsValue);
    fn assets_base() -> String;
}

/// The stylesheets of the bundle, linked inside each shadow root.
const STYLESHEETS: [&str; 2] = ["styles.css", "tools.css"];

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

/// Options of `mount(element, options)`; the custom element's attributes
/// carry the same names in kebab case.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    pub storage_key: String,
    pub demo: bool,
    pub chrome: bool,
    pub routing: Routing,
    /// Render in a shadow root (style isolation). Default true.
    pub shadow: bool,
    /// Open on this As of date (a what-if view); `None`: today.
    pub as_of: Option<chrono::NaiveDate>,
    /// The REST contract's base URL (`https://host/certdesk/v1`): work
    /// against that server instead of the in-browser sandbox.
    pub api: Option<String>,
    /// The bearer token for `api`.
    pub token: Option<String>,
    /// A host function that returns a fresh token (or a promise of one),
    /// called when the server answers 401.
    pub token_source: Option<js_sys::Function>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            storage_key: "certdesk.inventory".into(),
            demo: true,
            chrome: false,
            routing: Routing::Memory,
            shadow: true,
            as_of: None,
            api: None,
            token: None,
            token_source: None,
        }
    }
}

fn bad_option(name: &str, value: &str, expected: &str) -> JsValue {
    js_sys::Error::new(&format!(
        "Certdesk: the option {name} = {value:?} is not valid: use {expected}."
    ))
    .into()
}

fn flag(name: &str, value: &str) -> Result<bool, JsValue> {
    match value.trim() {
        "" | "true" => Ok(true),
        "false" => Ok(false),
        other => Err(bad_option(name, other, "\"true\" or \"false\"")),
    }
}

impl EmbedOptions {
    /// Applies one option by name (camelCase from JS, kebab-case from attributes).
    fn set(&mut self, name: &str, value: &str) -> Result<(), JsValue> {
        match name {
            "storageKey" | "storage-key" => {
                if value.trim().is_empty() {
                    return Err(bad_option(name, value, "a non-empty localStorage key"));
                }
                self.storage_key = value.trim().to_string();
            }
            "demo" => self.demo = flag(name, value)?,
            "chrome" => self.chrome = flag(name, value)?,
            "shadow" => self.shadow = flag(name, value)?,
            "routing" => {
                self.routing = Routing::parse(value)
                    .ok_or_else(|| bad_option(name, value, "\"hash\" or \"memory\""))?;
            }
            "asOf" | "as-of" => {
                self.as_of = match value.trim() {
                    "" => None,
                    raw => Some(crate::store::as_of::parse_as_of(raw).map_err(|e| {
                        bad_option(name, value, &format!("a date as YYYY-MM-DD ({e})"))
                    })?),
                };
            }
            "api" => {
                self.api = match value.trim() {
                    "" => None,
                    raw => Some(check_api(raw).map_err(|e| bad_option(name, value, &e))?),
                };
            }
            "token" => self.token = Some(value.trim().to_string()).filter(|t| !t.is_empty()),
            _ => {}
        }
        Ok(())
    }

    fn from_attributes(element: &Element) -> Result<Self, JsValue> {
        let mut options = EmbedOptions::default();
        for name in [
            "storage-key",
            "demo",
            "chrome",
            "routing",
            "shadow",
            "as-of",
            "api",
            "token",
        ] {
            if let Some(value) = element.get_attribute(name) {
                options.set(name, &value)?;
            }
        }
        // `element.getToken = async () => "…"`, set by the host before it adds the element.
        options.token_source = token_source(element.as_ref(), "getToken")?;
        Ok(options)
    }

    fn from_js(value: &JsValue) -> Result<Self, JsValue> {
        let mut options = EmbedOptions::default();
        if value.is_undefined() || value.is_null() {
            return Ok(options);
        }
        for name in [
            "storageKey",
            "demo",
            "chrome",
            "routing",
            "shadow",
            "asOf",
            "api",
            "token",
        ] {
            let v = js_sys::Reflect::get(value, &JsValue::from_str(name))?;
            if v.is_undefined() || v.is_null() {
                continue;
            }
            let text = match v.as_bool() {
                Some(b) => b.to_string(),
                None => v
                    .as_string()
                    .ok_or_else(|| bad_option(name, &format!("{v:?}"), "a string or a boolean"))?,
            };
            options.set(name, &text)?;
        }
        options.token_source = token_source(value, "getToken")?;
        Ok(options)
    }

    /// The backend these options choose: the server at `api`, else the sandbox.
    fn backend(&self) -> Backend {
        match &self.api {
            Some(api) => Backend::Http(HttpBackend::new(HttpConfig {
                api: api.clone(),
                token: self.token.clone(),
                token_source: self.token_source.clone(),
            })),
            None => Backend::default(),
        }
    }
}

/// `getToken` on `from`, if it is a function (anything else is refused).
fn token_source(from: &JsValue, name: &str) -> Result<Option<js_sys::Function>, JsValue> {
    let value = js_sys::Reflect::get(from, &JsValue::from_str(name))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.dyn_into::<js_sys::Function>().map(Some).map_err(|_| {
        bad_option(
            name,
            "(not a function)",
            "a function that returns a token or a promise of one",
        )
    })
}

/// An api address Certdesk can call: `https://…`, `http://…` or a path from
/// the page's origin (`/certdesk/v1`).
pub fn check_api(raw: &str) -> Result<String, String> {
    let ok = raw.starts_with("https://") || raw.starts_with("http://") || raw.starts_with('/');
    if !ok || raw.contains(char::is_whitespace) {
        return Err(
            "an https:// URL or a path such as /certdesk/v1 (the contract's base, ending in /v1)"
                .into(),
        );
    }
    Ok(raw.trim_end_matches('/').to_string())
}

/// A mounted instance; `unmount()` removes it and everything it started
/// (timers, listeners) with it.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<yew::AppHandle<App>>,
    element: Element,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the instance from its element. Safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        crate::platform::panic::unregister_root(&self.element);
        match self.element.shadow_root() {
            Some(shadow) => shadow.set_inner_html(""),
            None => self.element.set_inner_html(""),
        }
    }

    /// The prefix of every element id of this instance.
    #[wasm_bindgen(getter, js_name = idPrefix)]
    pub fn id_prefix(&self) -> String {
        self.element
            .get_attribute("data-certdesk-id-prefix")
            .unwrap_or_default()
    }
}

/// Mounts an instance into `element` (see the module doc).
pub fn mount_with(element: Element, options: EmbedOptions) -> Result<MountHandle, JsValue> {
    let n = MOUNTED.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let id_prefix = format!("cd{n}-");
    element.set_attribute("data-certdesk-id-prefix", &id_prefix)?;
    let document = gloo::utils::document();
    let root = document.create_element("div")?;
    root.set_class_name("certdesk-root");
    if options.shadow {
        let shadow = match element.shadow_root() {
            Some(shadow) => shadow,
            None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        shadow.set_inner_html("");
        let base = assets_base();
        for sheet in STYLESHEETS {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", &format!("{base}{sheet}"))?;
            shadow.append_child(&link)?;
        }
        shadow.append_child(&root)?;
    } else {
        element.set_inner_html("");
        element.append_child(&root)?;
    }
    crate::platform::panic::register_root(&root);
    let backend = options.backend();
    let props = AppProps {
        storage_key: options.storage_key.into(),
        demo: options.demo,
        chrome: options.chrome,
        id_prefix: id_prefix.into(),
        routing: options.routing,
        backend,
        host: HostEvents::new(Some(element.clone())),
        as_of: options.as_of,
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(MountHandle {
        app: Some(app),
        element,
    })
}

/// `mount(element, options)` for JavaScript: options `{ storageKey, demo,
/// chrome, routing: "memory" | "hash", shadow, asOf: "YYYY-MM-DD", api,
/// token, getToken }`. Throws an `Error` that says
/// which option is wrong.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: Element, options: JsValue) -> Result<MountHandle, JsValue> {
    mount_with(element, EmbedOptions::from_js(&options)?)
}

/// Registers `<certdesk-console>` (once; the bundle's start calls it).
pub fn define_custom_element() {
    let mount =
        Closure::<dyn FnMut(Element) -> Result<MountHandle, JsValue>>::new(|element: Element| {
            mount_with(element.clone(), EmbedOptions::from_attributes(&element)?)
        });
    define_console_element(&mount.into_js_value());
}
