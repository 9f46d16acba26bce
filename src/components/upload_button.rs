//! "Upload certificate" on the Uploaded tab (issue 6; being written).

use yew::prelude::*;

#[component]
pub fn UploadButton() -> Html {
    html! { <button type="button" class="btn btn-primary">{ "Upload certificate" }</button> }
}
