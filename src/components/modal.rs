//! A modal dialog (W3C ARIA "Dialog (Modal)" pattern): focus moves into it and
//! is trapped there, Escape closes it, and focus returns to where it was.
//! `side` makes it a panel sliding from the right (the renewal panels).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// Element id of the dialog (page-unique: from `use_id`); its title gets `{id}-title`.
    pub id: AttrValue,
    /// Classes for the dialog's own styles (its id changes with the instance).
    #[prop_or_default]
    pub class: Classes,
    pub title: AttrValue,
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub side: bool,
    #[prop_or_default]
    pub wide: bool,
    #[prop_or_default]
    pub children: Html,
    /// Buttons at the bottom (primary last).
    #[prop_or_default]
    pub footer: Html,
}

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn focusables(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|el| !el.has_attribute("hidden") && el.offset_parent().is_some())
        .collect()
}

#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    // Focus the first field (or the dialog) on open; give focus back on close.
    {
        // Escape closes one dialog on the page, wherever the focus is (a
        // button that just disappeared leaves it on the page body): the
        // latest opened of those holding the key's origin, else the latest
        // opened of all, so a second Certdesk on the page keeps its own. A
        // popover inside stops the event first, so Escape closes the
        // innermost thing.
        let on_close = props.on_close.clone();
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let key = open::add(dialog);
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let document = gloo::utils::document();
            let listener = gloo::events::EventListener::new_with_options(
                &document,
                "keydown",
                options,
                move |e| {
                    if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>()
                        && k.key() == "Escape"
                        && !k.default_prevented()
                        && open::escape_closes(crate::platform::dom::event_origin(e)) == Some(key)
                    {
                        k.prevent_default();
                        on_close.emit(());
                    }
                },
            );
            move || {
                drop(listener);
                open::remove(key);
            }
        });
    }
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let previous = dialog
                .cast::<Element>()
                .and_then(|root| crate::platform::dom::active_element(&root))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(root) = dialog.cast::<Element>() {
                let first = root
                    .query_selector("[autofocus]")
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<HtmlElement>().ok())
                    .or_else(|| focusables(&root).into_iter().next());
                let _ = first.map(|el| el.focus());
            }
            move || {
                if let Some(el) = previous {
                    let _ = el.focus();
                }
            }
        });
    }
    // Tab and Shift+Tab wrap around inside the dialog.
    let onkeydown = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Tab" {
                return;
            }
            let Some(root) = dialog.cast::<Element>() else {
                return;
            };
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = crate::platform::dom::active_element(&root);
            let at = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref::<Element>());
            let outside = active.as_ref().is_none_or(|a| !root.contains(Some(a)));
            if outside || (!e.shift_key() && at(last)) {
                e.prevent_default();
                let _ = first.focus();
            } else if e.shift_key() && at(first) {
                e.prevent_default();
                let _ = last.focus();
            }
        })
    };
    let on_backdrop = props.on_close.reform(|_: MouseEvent| ());
    let title_id = format!("{}-title", props.id);
    let class = classes!(
        "modal",
        props.side.then_some("modal-side"),
        props.wide.then_some("modal-wide"),
        props.class.clone()
    );
    html! {
        <div class="modal-layer" {onkeydown}>
            <div class="modal-backdrop" onclick={on_backdrop}></div>
            <div {class} id={props.id.clone()} role="dialog" aria-modal="true"
                 aria-labelledby={title_id.clone()} tabindex="-1" ref={dialog}>
                <div class="modal-head">
                    <h2 id={title_id}>{ props.title.clone() }</h2>
                    <button type="button" class="modal-close" aria-label="Close"
                            onclick={props.on_close.reform(|_| ())}>{ "×" }</button>
                </div>
                <div class="modal-body">{ props.children.clone() }</div>
                if props.footer != Html::default() {
                    <div class="modal-foot">{ props.footer.clone() }</div>
                }
            </div>
        </div>
    }
}

/// The dialogs open on the page, oldest first, across every Certdesk
/// instance (they share this module's thread).
mod open {
    use std::cell::RefCell;
    use web_sys::{Element, Node};
    use yew::NodeRef;

    thread_local! {
        static OPEN: RefCell<(u64, Vec<(u64, NodeRef)>)> = const { RefCell::new((0, Vec::new())) };
    }

    pub fn add(dialog: NodeRef) -> u64 {
        OPEN.with_borrow_mut(|(next, open)| {
            *next += 1;
            open.push((*next, dialog));
            *next
        })
    }

    pub fn remove(key: u64) {
        OPEN.with_borrow_mut(|(_, open)| open.retain(|(k, _)| *k != key));
    }

    /// The dialog Escape closes when pressed on `origin`.
    pub fn escape_closes(origin: Option<Node>) -> Option<u64> {
        OPEN.with_borrow(|(_, open)| {
            let holds = |dialog: &NodeRef| {
                dialog
                    .cast::<Element>()
                    .is_some_and(|root| root.contains(origin.as_ref()))
            };
            open.iter()
                .rev()
                .find(|(_, dialog)| holds(dialog))
                .or(open.last())
                .map(|(key, _)| *key)
        })
    }
}
