//! The root: creates the state (from storage, or the demo), keeps it saved and
//! in step with other tabs and the URL, and provides it to the page. The
//! selected tab lives in the URL hash, so reload and the back button keep it.

use yew::prelude::*;

use super::app_storage::Start;
use super::console::Console;
use super::context::{AppContext, Mounted};
use super::debug_panic::DebugPanic;
use super::hooks::IdPrefix;
use crate::backend::Backend;
use crate::backend::commands::AppHandle;
use crate::platform::host::HostEvents;
use crate::platform::{clock, location};
use crate::store::as_of::parse_as_of;
use crate::store::route::{Route, Tab};
use crate::store::{Action, AppState, Notice, NoticeKind};

/// How the app is mounted (see `crate::mount`). Read from the root element's
/// `data-*` attributes by `MountOptions::from_element`.
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AppProps {
    /// The key the inventory is kept under in the browser (IndexedDB, and the
    /// name of the channel other tabs announce saves on); give each embedded
    /// instance its own.
    #[prop_or(AttrValue::Static("certdesk.inventory"))]
    pub storage_key: AttrValue,
    /// Start with the built-in demo inventory when nothing is stored.
    #[prop_or(true)]
    pub demo: bool,
    /// Draw the product top bar (hosts with their own chrome turn it off).
    #[prop_or(true)]
    pub chrome: bool,
    /// Put before every element id of this instance (see `hooks::use_id`);
    /// give each instance on one page its own. Empty: ids as named.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// `Hash`: the tab lives in the URL hash and `?as_of=` in the query
    /// (standalone). `Memory`: the host owns the URL; Certdesk never reads or
    /// writes `location`.
    #[prop_or_default]
    pub routing: Routing,
    /// The backend, chosen once at mount (the in-browser sandbox by default).
    #[prop_or_default]
    pub backend: Backend,
    /// Where `certdesk:…` events for the host page are dispatched.
    #[prop_or_default]
    pub host: HostEvents,
    /// The As of date to open on (embedded hosts; standalone pages use `?as_of=`).
    #[prop_or_default]
    pub as_of: Option<chrono::NaiveDate>,
}

/// Where the selected tab (and the As of date) live.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    #[default]
    Hash,
    Memory,
}

impl Routing {
    /// `"hash"` or `"memory"`.
    pub fn parse(value: &str) -> Option<Routing> {
        match value.trim() {
            "hash" => Some(Routing::Hash),
            "memory" => Some(Routing::Memory),
            _ => None,
        }
    }
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            storage_key: AttrValue::Static("certdesk.inventory"),
            demo: true,
            chrome: true,
            id_prefix: AttrValue::default(),
            routing: Routing::Hash,
            backend: Backend::default(),
            host: HostEvents::default(),
            as_of: None,
        }
    }
}

/// How often the clock is read for the sandbox (a DV review takes a minute).
const TICK_MS: u32 = 5_000;

/// The largest inventory `?generate=N` makes.
pub const MAX_GENERATED: usize = 100_000;

/// The state on start: from the server (`api=`), else empty and loading
/// until `app_storage::use_persistence` has read storage; `?as_of=` sets the date.
fn initial_state(props: &AppProps) -> AppState {
    let today = clock::today();
    let mut notices = Vec::new();
    let as_of = props.as_of.or_else(|| {
        query(props.routing, "as_of").and_then(|raw| match parse_as_of(&raw) {
            Ok(date) => Some(date),
            Err(e) => {
                notices.push(Notice::new(
                    NoticeKind::Warning,
                    format!("The as_of date in the address was ignored: {e}"),
                ));
                None
            }
        })
    });
    let mut state = match props.backend.http() {
        // The server holds the inventory: nothing is read from or written to storage.
        Some(http) => AppState::remote(http.api(), today, as_of),
        None => AppState::loading(today, as_of),
    };
    notices.into_iter().for_each(|notice| state.notify(notice));
    state
}

/// A query parameter of the page's own address (embedded: the host's URL is not ours to read).
fn query(routing: Routing, name: &str) -> Option<String> {
    match routing {
        Routing::Hash => location::query_param(name),
        Routing::Memory => None,
    }
}

/// What an in-browser instance starts from when storage has nothing: the
/// demo (or nothing), or `?generate=N` whatever storage has.
fn local_start(props: &AppProps) -> Start {
    let generate = query(props.routing, "generate").map(|n| {
        n.trim()
            .parse::<usize>()
            .map(|n| n.min(MAX_GENERATED))
            .map_err(|_| ())
    });
    Start {
        demo: props.demo,
        generate,
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let hash = props.routing == Routing::Hash;
    let route = use_state(move || {
        if hash {
            location::current_route().unwrap_or_default()
        } else {
            Route::default()
        }
    });
    {
        let set_route = route.setter();
        use_effect_with(hash, move |hash| {
            // The URL always names the tab shown ("" and unknown hashes become #/official).
            let listener = hash.then(|| {
                location::replace(location::current_route().unwrap_or_default());
                location::on_route_change(move |next| {
                    let next = next.unwrap_or_else(|| {
                        location::replace(Route::default());
                        Route::default()
                    });
                    set_route.set(next);
                })
            });
            move || drop(listener)
        });
    }
    let on_select = {
        let set_route = route.setter();
        Callback::from(move |tab: Tab| match hash {
            true => location::navigate(Route::Tab(tab)),
            false => set_route.set(Route::Tab(tab)),
        })
    };
    let state = {
        let props = props.clone();
        use_reducer(move || initial_state(&props))
    };
    if let Some(http) = props.backend.http() {
        http.set_host(props.host.clone());
    }
    let start = (props.backend.http().is_none()).then(|| local_start(props));
    super::app_storage::use_persistence(&state, &props.storage_key, start);
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
    use_effect_with(state.as_of, move |as_of| {
        if hash {
            location::set_query_param("as_of", as_of.map(|d| d.to_string()).as_deref());
        }
    });
    {
        // The backend acts when the As of date or the wall clock moves. One
        // call at a time: a tick during a slow call is taken by the next one.
        let handle = AppHandle {
            state: state.clone(),
            backend: props.backend.clone(),
            host: props.host.clone(),
        };
        let busy = use_mut_ref(|| false);
        // Not before the stored inventory is there: time moves on it, not on the empty one.
        use_effect_with(
            (state.today(), state.now_ms, state.loading),
            move |(_, _, loading)| {
                if !*loading && !std::mem::replace(&mut *busy.borrow_mut(), true) {
                    wasm_bindgen_futures::spawn_local(async move {
                        handle.advance().await;
                        *busy.borrow_mut() = false;
                    });
                }
            },
        );
    }
    let mounted = Mounted {
        backend: props.backend.clone(),
        host: props.host.clone(),
    };

    if *route == Route::DebugPanic {
        return html! { <DebugPanic /> };
    }
    html! {
        <ContextProvider<IdPrefix> context={IdPrefix(props.id_prefix.clone())}>
            <ContextProvider<Mounted> context={mounted}>
            <ContextProvider<AppContext> context={state}>
                <Console selected={route.tab()} chrome={props.chrome} {on_select} />
            </ContextProvider<AppContext>>
            </ContextProvider<Mounted>>
        </ContextProvider<IdPrefix>>
    }
}
