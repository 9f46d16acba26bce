//! The standalone "Create CSR" tool (issue 6; being written).

use yew::prelude::*;

#[component]
pub fn CreateCsrButton() -> Html {
    html! { <button type="button" class="btn btn-small">{ "Create CSR" }</button> }
}
