//! The Actions column: the action the documents name for the status first
//! (enabled, or disabled with the rule's reason), the rest under "More".

use yew::prelude::*;

use super::hooks::{IdPrefix, use_id_prefix};
use super::popover::Popover;
use super::use_open::{Open, use_open_for};
use crate::rules::{ActionState, CertAction};

#[derive(Properties, PartialEq)]
pub struct ActionCellProps {
    pub cert_id: AttrValue,
    pub cert_name: AttrValue,
    pub actions: Vec<ActionState>,
    /// Shown inline, in this order, when present.
    pub inline: Vec<CertAction>,
    pub on_action: Callback<(String, CertAction)>,
}

pub fn action_slug(action: CertAction) -> String {
    action.label().to_lowercase().replace(' ', "-")
}

/// One action button; a disabled one stays focusable and says why.
fn action_button(
    ids: &IdPrefix,
    props: &ActionCellProps,
    state: &ActionState,
    in_menu: bool,
) -> Html {
    let slug = action_slug(state.action);
    let id = props.cert_id.to_string();
    let class = classes!(
        if in_menu { "menu-item" } else { "btn-link" },
        format!("action-{slug}")
    );
    match &state.allowed {
        Ok(()) => {
            let on_action = props.on_action.clone();
            let action = state.action;
            html! {
                <button type="button" {class} data-action={slug.clone()}
                        aria-label={format!("{} {}", state.action.label(), props.cert_name)}
                        onclick={Callback::from(move |_| on_action.emit((id.clone(), action)))}>
                    { state.action.label() }
                </button>
            }
        }
        Err(reason) => {
            let reason_id = ids.id(&format!(
                "why-{}-{slug}{}",
                props.cert_id,
                if in_menu { "-m" } else { "" }
            ));
            html! {
                <span class="action-disabled">
                    <button type="button" {class} data-action={slug.clone()} aria-disabled="true"
                            aria-describedby={reason_id.clone()}>
                        { state.action.label() }
                    </button>
                    <span id={reason_id} role="tooltip" class={if in_menu { "menu-reason" } else { "tooltip" }}>
                        { reason.clone() }
                    </span>
                </span>
            }
        }
    }
}

#[component]
pub fn ActionCell(props: &ActionCellProps) -> Html {
    let Open {
        is: open,
        toggle,
        close,
        ..
    } = use_open_for(&props.cert_id);
    let anchor = use_node_ref();
    let ids = use_id_prefix();
    let mut inline: Vec<&ActionState> = Vec::new();
    for state in props
        .inline
        .iter()
        .filter_map(|a| props.actions.iter().find(|s| s.action == *a))
    {
        if inline.len() < 2 && !inline.iter().any(|i| i.action == state.action) {
            inline.push(state);
        }
    }
    let rest: Vec<&ActionState> = props
        .actions
        .iter()
        .filter(|s| !inline.iter().any(|i| i.action == s.action))
        .collect();
    // Named by the button's aria-controls only while it exists (open).
    let menu_id = ids.id(&format!("more-{}", props.cert_id));
    let on_pick = {
        let (close, on_action) = (close.clone(), props.on_action.clone());
        Callback::from(move |pick| {
            close.emit(());
            on_action.emit(pick);
        })
    };
    let menu_props = ActionCellProps {
        cert_id: props.cert_id.clone(),
        cert_name: props.cert_name.clone(),
        actions: Vec::new(),
        inline: Vec::new(),
        on_action: on_pick,
    };
    html! {
        <div class="actions">
            for state in inline.iter().copied() { { action_button(&ids, props, state, false) } }
            if !rest.is_empty() {
                <button type="button" class="btn-link more" ref={anchor.clone()}
                        aria-expanded={open.to_string()} aria-controls={open.then(|| menu_id.clone())}
                        aria-label={format!("More actions for {}", props.cert_name)} onclick={toggle}>
                    { "More ▾" }
                </button>
            }
            if open {
                <Popover id={menu_id} {anchor} on_close={close} label="More actions" focus_first=true>
                    <ul class="menu">
                        for state in rest.iter().copied() {
                            <li>{ action_button(&ids, &menu_props, state, true) }</li>
                        }
                    </ul>
                </Popover>
            }
        </div>
    }
}
