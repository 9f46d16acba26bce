//! DOM questions whose answer changes inside a shadow root (an embedded
//! `<certdesk-console>` renders in one): which element has the focus, and
//! where an event really started.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node, ShadowRoot};

/// The focused element in the tree `within` belongs to: the shadow root's
/// `activeElement` when it is in one (the document only sees the host).
pub fn active_element(within: &Element) -> Option<Element> {
    match within.get_root_node().dyn_into::<ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => gloo::utils::document().active_element(),
    }
}

/// The node an event started on, also when it crossed a shadow root (a
/// listener on the document sees the host as its target).
pub fn event_origin(event: &Event) -> Option<Node> {
    event
        .composed_path()
        .get(0)
        .dyn_into::<Node>()
        .ok()
        .or_else(|| event.target()?.dyn_into::<Node>().ok())
}
