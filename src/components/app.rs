//! The page: header, the two tabs and their panels. The selected tab lives in
//! the URL hash, so reload and the back button keep it.

use yew::prelude::*;

use super::debug_panic::DebugPanic;
use super::page_header::PageHeader;
use super::tab_list::TabList;
use super::tab_panel::TabPanel;
use crate::platform::location;
use crate::store::route::{Route, Tab};

/// How the app is mounted (see `crate::mount`). Read from the root element's
/// `data-*` attributes by `MountOptions::from_element`.
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AppProps {
    /// localStorage key of the inventory; give each embedded instance its own.
    #[prop_or(AttrValue::Static("certdesk.inventory"))]
    pub storage_key: AttrValue,
    /// Start with the built-in demo inventory when nothing is stored.
    #[prop_or(true)]
    pub demo: bool,
    /// Draw the product top bar (hosts with their own chrome turn it off).
    #[prop_or(true)]
    pub chrome: bool,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            storage_key: AttrValue::Static("certdesk.inventory"),
            demo: true,
            chrome: true,
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let route = use_state(|| location::current_route().unwrap_or_default());
    {
        let set_route = route.setter();
        use_effect_with((), move |_| {
            // The URL always names the tab shown ("" and unknown hashes become #/official).
            location::replace(location::current_route().unwrap_or_default());
            let listener = location::on_route_change(move |next| {
                let next = next.unwrap_or_else(|| {
                    location::replace(Route::default());
                    Route::default()
                });
                set_route.set(next);
            });
            move || drop(listener)
        });
    }

    if *route == Route::DebugPanic {
        return html! { <DebugPanic /> };
    }
    let selected = route.tab();
    let on_select = Callback::from(|tab: Tab| location::navigate(Route::Tab(tab)));

    html! {
        <div class="console">
            <PageHeader chrome={props.chrome} />
            <main class="page">
                <TabList label="Certificate type" {selected} {on_select} />
                for tab in Tab::ALL {
                    <TabPanel {tab} selected={tab == selected}>
                        <div class="empty-state">
                            <h2>{ tab.label() }</h2>
                            <p>{ "The certificate list appears here." }</p>
                        </div>
                    </TabPanel>
                }
            </main>
        </div>
    }
}
