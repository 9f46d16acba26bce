//! The app state reaches components through one context, read with `use_app()`.

use yew::prelude::*;

use crate::store::AppState;

pub type AppContext = UseReducerHandle<AppState>;

/// The app state handle. Fails loudly (a programming error, not user input)
/// when a component is rendered outside `App`'s provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>()
        .expect("use_app() needs the ContextProvider<AppContext> that App renders around the page")
}

/// What an instance was mounted with: the backend (chosen once, at mount)
/// and where host events go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mounted {
    pub backend: crate::backend::Backend,
    pub host: crate::platform::host::HostEvents,
}

/// The backend this instance was mounted with (the sandbox by default).
#[hook]
pub fn use_backend() -> crate::backend::Backend {
    use_context::<Mounted>().unwrap_or_default().backend
}

/// The commands components call (`backend::commands::AppHandle`).
#[hook]
pub fn use_handle() -> crate::backend::commands::AppHandle {
    let state = use_app();
    let mounted = use_context::<Mounted>().unwrap_or_default();
    crate::backend::commands::AppHandle {
        state,
        backend: mounted.backend,
        host: mounted.host,
    }
}
