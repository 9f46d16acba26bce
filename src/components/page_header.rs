//! The console chrome above the page: product bar, breadcrumb and page title.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// Hidden when embedded in a console that draws its own top bar.
    #[prop_or(true)]
    pub chrome: bool,
    /// Controls shown at the right of the title (the As of date, data tools).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    html! {
        <header class="page-header">
            if props.chrome {
                <div class="topbar">
                    <span class="topbar-brand" aria-hidden="true">{ "◆" }</span>
                    <span class="topbar-product">{ "Certdesk" }</span>
                    <span class="topbar-sep" aria-hidden="true">{ "|" }</span>
                    <span class="topbar-service">{ "Certificate Management Service" }</span>
                </div>
            }
            <div class="title-row">
                <div>
                    <nav class="breadcrumb" aria-label="Breadcrumb">
                        <span>{ "Certificate Management Service" }</span>
                        <span aria-hidden="true">{ " / " }</span>
                        <span aria-current="page">{ "SSL Certificate Management" }</span>
                    </nav>
                    <h1>{ "SSL Certificate Management" }</h1>
                </div>
                <div class="title-tools">{ props.children.clone() }</div>
            </div>
        </header>
    }
}
