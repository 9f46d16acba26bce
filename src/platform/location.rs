//! The URL: reading and writing the hash route, and listening for changes
//! (back/forward buttons, links, other code setting `location.hash`).

use gloo::events::EventListener;

use crate::store::route::Route;

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The route the URL names now, or `None` when the hash names nothing we know.
pub fn current_route() -> Option<Route> {
    Route::from_hash(&hash())
}

/// Moves to `route`, adding a history entry (so Back returns here).
pub fn navigate(route: Route) {
    if current_route() != Some(route) {
        // Setting the hash pushes a history entry and fires `hashchange`.
        let _ = gloo::utils::window().location().set_hash(&route.hash());
    }
}

/// Rewrites the URL to `route` without a history entry (for canonicalising the hash).
pub fn replace(route: Route) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.hash()));
    }
}

/// Calls `on_change` with the new route each time the hash changes; unknown
/// hashes give `None`. Dropping the listener stops it.
pub fn on_route_change(on_change: impl Fn(Option<Route>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        on_change(current_route())
    })
}

/// A query parameter of the page URL (`?as_of=2025-09-10` gives `Some("2025-09-10")`).
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// Sets (or with `None` removes) a query parameter without reloading or
/// adding a history entry; the hash is kept.
pub fn set_query_param(name: &str, value: Option<&str>) {
    let location = gloo::utils::window().location();
    let (Ok(search), Ok(hash), Ok(path)) =
        (location.search(), location.hash(), location.pathname())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    match value {
        Some(v) => params.set(name, v),
        None => params.delete(name),
    }
    let query: String = params.to_string().into();
    // replaceState is not free (18 ms on a first load): only for a change.
    if query == search.trim_start_matches('?') {
        return;
    }
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
