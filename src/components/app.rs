//! The root: creates the state (from storage, or the demo), keeps it saved and
//! in step with other tabs and the URL, and provides it to the page. The
//! selected tab lives in the URL hash, so reload and the back button keep it.

use yew::prelude::*;

use super::console::Console;
use super::context::AppContext;
use super::debug_panic::DebugPanic;
use crate::platform::{clock, location};
use crate::store::as_of::parse_as_of;
use crate::store::demo::{default_prices, demo_inventory, generated_inventory};
use crate::store::route::Route;
use crate::store::{Action, AppState, Inventory, Notice, NoticeKind};

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

/// How often the clock is read for the sandbox (a DV review takes a minute).
const TICK_MS: u32 = 5_000;

/// The largest inventory `?generate=N` makes.
pub const MAX_GENERATED: usize = 100_000;

/// The state on start: `?generate=N` (not saved), else what is stored, else
/// the demo (or nothing); `?as_of=` sets the date.
fn initial_state(props: &AppProps) -> AppState {
    let today = clock::today();
    let mut notices = Vec::new();
    let as_of = location::query_param("as_of").and_then(|raw| match parse_as_of(&raw) {
        Ok(date) => Some(date),
        Err(e) => {
            notices.push(Notice::new(
                NoticeKind::Warning,
                format!("The as_of date in the address was ignored: {e}"),
            ));
            None
        }
    });
    let day = as_of.unwrap_or(today);
    let generate = location::query_param("generate").map(|n| n.trim().parse::<usize>());
    let (stored, persist) = match generate {
        Some(Ok(n)) => {
            let n = n.min(MAX_GENERATED);
            notices.push(Notice::new(
                NoticeKind::Info,
                format!("Showing {n} generated certificates (?generate={n}). This inventory is not saved."),
            ));
            (Some(generated_inventory(day, n)), false)
        }
        other => {
            if let Some(Err(_)) = other {
                notices.push(Notice::new(
                    NoticeKind::Warning,
                    "?generate= needs a number of certificates, e.g. ?generate=10000; it was ignored.",
                ));
            }
            super::app_storage::load_inventory(&props.storage_key, &mut notices)
        }
    };
    let fresh = stored.is_none();
    let inventory = stored.unwrap_or_else(|| {
        if props.demo {
            demo_inventory(day)
        } else {
            Inventory {
                prices: default_prices(),
                ..Default::default()
            }
        }
    });
    let mut state = AppState::new(inventory, today, as_of, persist);
    if fresh {
        // A new demo is saved at once, so a reload (even on another As of date) shows the same one.
        state.mark_unsaved();
    }
    notices.into_iter().for_each(|notice| state.notify(notice));
    state
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
    let state = {
        let props = props.clone();
        use_reducer(move || initial_state(&props))
    };
    super::app_storage::use_persistence(&state, &props.storage_key);
    {
        // The sandbox CA and the Managed Service act on the clock as well as on the As of date.
        let state = state.clone();
        use_effect_with((), move |_| {
            let tick = move || state.dispatch(Action::Tick(clock::now_millis() as i64));
            tick();
            let interval = gloo::timers::callback::Interval::new(TICK_MS, tick);
            move || drop(interval)
        });
    }
    use_effect_with(state.as_of, |as_of| {
        location::set_query_param("as_of", as_of.map(|d| d.to_string()).as_deref());
    });

    if *route == Route::DebugPanic {
        return html! { <DebugPanic /> };
    }
    html! {
        <ContextProvider<AppContext> context={state}>
            <Console selected={route.tab()} chrome={props.chrome} />
        </ContextProvider<AppContext>>
    }
}
