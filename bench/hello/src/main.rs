//! The smallest Yew app: one component, one paragraph. `make bench` builds it
//! with Certdesk's release settings and measures its first render beside
//! Certdesk's, so the ratio says what Certdesk adds to Yew's own start.

use yew::prelude::*;

#[component]
fn Hello() -> Html {
    html! { <p id="hello">{ "Hello from Yew" }</p> }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
