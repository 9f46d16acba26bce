//! DOM questions whose answer changes inside a shadow root (an embedded
//! `<certdesk-console>` renders in one): which element has the focus, and
//! where an event really started; and an element's height as layout sets it.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event, Node, ResizeObserver, ShadowRoot};

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

/// Calls `on_height` with `el`'s `clientHeight` after each layout that
/// changes its size, until dropped. A ResizeObserver reads it once layout is
/// done: reading `clientHeight` from an effect forced a synchronous layout of
/// the half-built page during the first load (37 ms in a profile), and a
/// window `resize` listener missed a size change that comes from the page
/// itself. `None` where the browser has no ResizeObserver.
pub fn observe_height(el: &Element, on_height: impl Fn(f64) + 'static) -> Option<HeightObserver> {
    let target = el.clone();
    let callback =
        Closure::<dyn FnMut()>::new(move || on_height(f64::from(target.client_height())));
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(HeightObserver {
        observer,
        _callback: callback,
    })
}

/// See [`observe_height`]: disconnects when dropped.
pub struct HeightObserver {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
