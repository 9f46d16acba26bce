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
