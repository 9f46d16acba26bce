//! A `role="tabpanel"` region labelled by its tab. Every tab has one (so its
//! `aria-controls` resolves); only the selected one is shown and rendered.

use yew::prelude::*;

use super::hooks::use_id_prefix;
use super::tab_list::{panel_id, tab_id};
use crate::store::route::Tab;

#[derive(Properties, PartialEq)]
pub struct TabPanelProps {
    pub tab: Tab,
    pub selected: bool,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn TabPanel(props: &TabPanelProps) -> Html {
    let ids = use_id_prefix();
    html! {
        <section
            class="tab-panel"
            role="tabpanel"
            id={panel_id(&ids, props.tab)}
            aria-labelledby={tab_id(&ids, props.tab)}
            tabindex="0"
            hidden={!props.selected}
        >
            if props.selected { { props.children.clone() } }
        </section>
    }
}
