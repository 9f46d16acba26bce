//! A small floating panel anchored to a button, drawn with fixed positioning
//! so a scrolling table never clips it, and follows its anchor when the page
//! scrolls. Escape closes it and gives focus back to the button; a click
//! outside, moving focus away, or the anchor leaving the view closes it.
//!
//! The position is written through the CSSOM (`element.style.setProperty`),
//! never a `style` attribute: a Content-Security-Policy with `style-src 'self'`
//! blocks attributes but allows the CSSOM (README, "Build and host").

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PopoverProps {
    /// Element id of the panel (page-unique: from `use_id`), for the
    /// anchor's `aria-controls`.
    pub id: AttrValue,
    pub anchor: NodeRef,
    pub on_close: Callback<()>,
    /// Accessible name of the panel.
    pub label: AttrValue,
    /// Move focus to the first button inside on open (menus).
    #[prop_or_default]
    pub focus_first: bool,
    #[prop_or_default]
    pub children: Html,
}

const WIDTH: f64 = 320.0;

/// Where the panel goes for an anchor at `rect` (viewport coordinates): below
/// it, or above when there is no room below, kept inside the viewport.
/// `(left, top, bottom)` in px; one of `top`/`bottom` is set.
fn position(rect: &web_sys::DomRect) -> (f64, Option<f64>, Option<f64>) {
    let (vw, vh) = viewport();
    let left = rect.left().min(vw - WIDTH - 8.0).max(8.0);
    if rect.bottom() + 280.0 > vh && rect.top() > 280.0 {
        (left, None, Some((vh - rect.top() + 4.0).max(8.0)))
    } else {
        let top = (rect.bottom() + 4.0).clamp(8.0, (vh - 48.0).max(8.0));
        (left, Some(top), None)
    }
}

/// Moves `panel` to `at` and shows it (the stylesheet keeps it hidden until then).
fn place_panel(panel: &HtmlElement, (left, top, bottom): (f64, Option<f64>, Option<f64>)) {
    let style = panel.style();
    // Whole pixels: formatting an f64 would bring the float printer into the first load.
    let px = |v: Option<f64>| {
        v.map(|v| format!("{}px", v.round() as i64))
            .unwrap_or_else(|| "auto".into())
    };
    let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    let _ = style.set_property("top", &px(top));
    let _ = style.set_property("bottom", &px(bottom));
    let _ = style.set_property("visibility", "visible");
}

fn viewport() -> (f64, f64) {
    let window = gloo::utils::window();
    let size = |v: Result<wasm_bindgen::JsValue, _>, default: f64| {
        v.ok().and_then(|v| v.as_f64()).unwrap_or(default)
    };
    (
        size(window.inner_width(), 1280.0),
        size(window.inner_height(), 800.0),
    )
}

/// The anchor scrolled out of the viewport: nothing left to point at.
fn out_of_view(rect: &web_sys::DomRect) -> bool {
    rect.bottom() < 0.0 || rect.top() > viewport().1
}

fn contains(root: &NodeRef, target: Option<&Node>) -> bool {
    match (root.cast::<Node>(), target) {
        (Some(root), Some(target)) => root.contains(Some(target)),
        _ => false,
    }
}

#[component]
pub fn Popover(props: &PopoverProps) -> Html {
    let panel = use_node_ref();
    {
        let (panel, anchor) = (panel.clone(), props.anchor.clone());
        let (on_close, focus_first) = (props.on_close.clone(), props.focus_first);
        use_effect_with((), move |_| {
            // Placed beside its anchor now, and again whenever the page or a list
            // scrolls; once the anchor has scrolled out of view, it closes.
            let place = {
                let (anchor, panel, on_close) = (anchor.clone(), panel.clone(), on_close.clone());
                move |scrolled: bool| {
                    let Some(anchor) = anchor.cast::<Element>() else {
                        return;
                    };
                    let rect = anchor.get_bounding_client_rect();
                    if scrolled && out_of_view(&rect) {
                        on_close.emit(());
                    } else if let Some(panel) = panel.cast::<HtmlElement>() {
                        place_panel(&panel, position(&rect));
                    }
                }
            };
            place(false);
            if focus_first {
                let first = panel
                    .cast::<Element>()
                    .and_then(|p| p.query_selector("button").ok().flatten());
                if let Some(button) = first.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                    let _ = button.focus();
                }
            }
            let document = gloo::utils::document();
            let outside = {
                let (panel, anchor, on_close) = (panel.clone(), anchor.clone(), on_close.clone());
                EventListener::new(&document, "mousedown", move |e| {
                    let target = crate::platform::dom::event_origin(e);
                    if !contains(&panel, target.as_ref()) && !contains(&anchor, target.as_ref()) {
                        on_close.emit(());
                    }
                })
            };
            let scroll = {
                let place = place.clone();
                let options = EventListenerOptions::run_in_capture_phase();
                EventListener::new_with_options(&document, "scroll", options, move |_| place(true))
            };
            move || drop((outside, scroll))
        });
    }
    let onkeydown = {
        let (anchor, on_close) = (props.anchor.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                on_close.emit(());
                if let Some(anchor) = anchor.cast::<HtmlElement>() {
                    let _ = anchor.focus();
                }
            }
        })
    };
    let onfocusout = {
        let (panel, anchor, on_close) =
            (panel.clone(), props.anchor.clone(), props.on_close.clone());
        Callback::from(move |e: FocusEvent| {
            let next = e.related_target().and_then(|t| t.dyn_into::<Node>().ok());
            if next.is_some()
                && !contains(&panel, next.as_ref())
                && !contains(&anchor, next.as_ref())
            {
                on_close.emit(());
            }
        })
    };
    html! {
        <div id={props.id.clone()} class="popover" role="dialog" aria-label={props.label.clone()}
             ref={panel} {onkeydown} {onfocusout}>
            { props.children.clone() }
        </div>
    }
}
