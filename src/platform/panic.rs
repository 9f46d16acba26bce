//! The panic screen. On wasm32 a panic aborts: the app cannot go on. Instead of
//! a blank or frozen page the user gets "Something went wrong", the message and
//! a Reload button; the stored inventory is untouched, so a reload restores it.

use std::cell::RefCell;
use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, HtmlElement};

thread_local! {
    /// Every element an instance is mounted in: a panic stops them all.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook for the app mounted at `root_selector` (a CSS selector).
/// Replaces yew's default hook (yew only installs its own when none was set).
pub fn install(root_selector: &str) {
    if let Some(root) = gloo::utils::document()
        .query_selector(root_selector)
        .ok()
        .flatten()
    {
        register_root(&root);
    }
}

/// Shows the recovery screen in `root` too when Certdesk panics (installs
/// the hook the first time).
pub fn register_root(root: &Element) {
    let first = ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        if !roots.contains(root) {
            roots.push(root.clone());
        }
        roots.len() == 1
    });
    if first {
        yew::set_custom_panic_hook(Box::new(move |info: &PanicHookInfo<'_>| {
            let message = info.to_string();
            web_sys::console::error_1(&format!("Certdesk stopped: {message}").into());
            let roots = ROOTS.with(|roots| roots.borrow().clone());
            for (i, root) in roots.iter().enumerate() {
                if show_recovery_screen(root, i, &message).is_none() {
                    web_sys::console::error_1(
                        &"Certdesk could not show its recovery screen".into(),
                    );
                }
            }
        }));
    }
}

/// An unmounted instance no longer gets the screen.
pub fn unregister_root(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    el.set_class_name(class);
    // Text only: the message may quote anything, so it never becomes markup.
    el.set_text_content(Some(text));
    Some(el)
}

fn show_recovery_screen(root: &Element, index: usize, message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let screen = element(&document, "section", "panic-screen", "")?;
    screen.set_attribute("role", "alert").ok()?;
    // One id per instance: several may be on the page.
    let title_id = if index == 0 {
        "panic-title".to_string()
    } else {
        format!("panic-title-{index}")
    };
    screen.set_attribute("aria-labelledby", &title_id).ok()?;
    let title = element(&document, "h1", "panic-title", "Something went wrong")?;
    title.set_id(&title_id);
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
