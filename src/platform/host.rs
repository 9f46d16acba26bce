//! Events for the page that hosts Certdesk: DOM `CustomEvent`s named
//! `certdesk:…` that bubble and cross shadow roots (`composed`), dispatched
//! from the element Certdesk is mounted on, with a JSON `detail` (README,
//! "Embed"). A host listens on that element or any ancestor.

use wasm_bindgen::JsValue;

/// Where events are dispatched; `None` (tests) sends none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostEvents {
    target: Option<web_sys::Element>,
}

impl HostEvents {
    pub fn new(target: Option<web_sys::Element>) -> Self {
        HostEvents { target }
    }

    /// Dispatches `certdesk:{name}` with `detail`. Never fails the caller: a
    /// host listener that throws is the host's own error.
    pub fn emit(&self, name: &str, detail: &serde_json::Value) {
        let Some(target) = &self.target else {
            return;
        };
        let detail = serde_json::to_string(detail)
            .ok()
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .unwrap_or(JsValue::NULL);
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict(&format!("certdesk:{name}"), &init)
        {
            let _ = target.dispatch_event(&event);
        }
    }
}
