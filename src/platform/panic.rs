//! The panic screen. On wasm32 a panic aborts: the app cannot go on. Instead of
//! a blank or frozen page the user gets "Something went wrong", the message and
//! a Reload button; the stored inventory is untouched, so a reload restores it.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, HtmlElement};

/// Installs the hook for the app mounted at `root_selector` (a CSS selector).
/// Replaces yew's default hook (yew only installs its own when none was set).
pub fn install(root_selector: &str) {
    let selector = root_selector.to_string();
    yew::set_custom_panic_hook(Box::new(move |info: &PanicHookInfo<'_>| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Certdesk stopped: {message}").into());
        if show_recovery_screen(&selector, &message).is_none() {
            web_sys::console::error_1(&"Certdesk could not show its recovery screen".into());
        }
    }));
}

fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    el.set_class_name(class);
    // Text only: the message may quote anything, so it never becomes markup.
    el.set_text_content(Some(text));
    Some(el)
}

fn show_recovery_screen(selector: &str, message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let root = document.query_selector(selector).ok()??;
    let screen = element(&document, "section", "panic-screen", "")?;
    screen.set_attribute("role", "alert").ok()?;
    screen
        .set_attribute("aria-labelledby", "panic-title")
        .ok()?;
    let title = element(&document, "h1", "panic-title", "Something went wrong")?;
    title.set_id("panic-title");
    let advice = element(
        &document,
        "p",
        "panic-advice",
        "Certdesk hit an internal error and stopped. Your certificates are saved in this \
         browser: reload the page to continue. If it happens again, send the details below \
         with your bug report.",
    )?;
    let details = element(&document, "pre", "panic-message", message)?;
    let reload = element(&document, "button", "btn btn-primary", "Reload")?;
    reload.set_attribute("type", "button").ok()?;
    let on_click = Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    reload
        .add_event_listener_with_callback("click", on_click.unchecked_ref())
        .ok()?;
    for child in [&title, &advice, &details, &reload] {
        screen.append_child(child).ok()?;
    }
    root.replace_children_with_node_1(&screen);
    reload.dyn_ref::<HtmlElement>()?.focus().ok()
}
