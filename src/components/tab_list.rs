//! The W3C ARIA Authoring Practices "Tabs" pattern with automatic activation:
//! one tab stop (the selected tab), Left/Right move and select, Home/End jump.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::hooks::{IdPrefix, use_id_prefix};
use crate::store::route::Tab;

#[derive(Properties, PartialEq)]
pub struct TabListProps {
    pub selected: Tab,
    pub on_select: Callback<Tab>,
    /// Accessible name of the tab list.
    pub label: AttrValue,
}

/// Index of the tab a key moves to from `current`, or `None` for other keys.
pub fn key_target(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

pub fn tab_id(ids: &IdPrefix, tab: Tab) -> AttrValue {
    ids.id(&format!("tab-{}", tab.slug()))
}

pub fn panel_id(ids: &IdPrefix, tab: Tab) -> AttrValue {
    ids.id(&format!("panel-{}", tab.slug()))
}

#[component]
pub fn TabList(props: &TabListProps) -> Html {
    let refs = use_memo((), |_| Tab::ALL.map(|_| NodeRef::default()));
    let ids = use_id_prefix();
    let current = Tab::ALL
        .iter()
        .position(|t| *t == props.selected)
        .unwrap_or(0);

    let onkeydown = {
        let refs = refs.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = key_target(&e.key(), current, Tab::ALL.len()) else {
                return;
            };
            e.prevent_default();
            if let Some(button) = refs[next].cast::<HtmlElement>() {
                let _ = button.focus();
            }
            on_select.emit(Tab::ALL[next]);
        })
    };

    html! {
        <div class="tabs" role="tablist" aria-label={props.label.clone()} {onkeydown}>
            for (i, tab) in Tab::ALL.into_iter().enumerate() {
                <button
                    type="button"
                    role="tab"
                    id={tab_id(&ids, tab)}
                    class={classes!("tab", (i == current).then_some("tab-selected"))}
                    aria-selected={(i == current).to_string()}
                    aria-controls={panel_id(&ids, tab)}
                    tabindex={if i == current { "0" } else { "-1" }}
                    ref={refs[i].clone()}
                    onclick={props.on_select.reform(move |_| tab)}
                >
                    { tab.label() }
                </button>
            }
        </div>
    }
}
