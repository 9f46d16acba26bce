//! The page inside the state provider: header tools, banners, quota, the two
//! tabs and their lists, and the dialogs that row actions open.

use std::rc::Rc;

use yew::prelude::*;

use super::as_of_banner::AsOfBanner;
use super::as_of_control::AsOfControl;
use super::certificate_list::CertificateList;
use super::confirm_dialog::ConfirmDialog;
use super::context::use_app;
use super::data_menu::DataMenu;
use super::notices::Notices;
use super::page_header::PageHeader;
use super::quota_panel::QuotaPanel;
use super::tab_list::TabList;
use super::tab_panel::TabPanel;
use crate::platform::location;
use crate::rules::{CertAction, cancel_return};
use crate::store::Action;
use crate::store::route::{Route, Tab};
use crate::store::view::index;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub selected: Tab,
    pub chrome: bool,
}

/// What a row action opened.
#[derive(Clone, Debug, PartialEq)]
enum Dialog {
    Cancel(String),
    Delete(String),
}

#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    let app = use_app();
    let dialog = use_state(|| None::<Dialog>);
    let index = {
        let inventory = app.inventory.clone();
        use_memo((app.rev, app.today()), move |(_, today)| {
            index(&inventory, *today)
        })
    };
    let on_select = Callback::from(|tab: Tab| location::navigate(Route::Tab(tab)));
    let on_action = {
        let dialog = dialog.clone();
        Callback::from(move |(id, action): (String, CertAction)| match action {
            CertAction::Cancel => dialog.set(Some(Dialog::Cancel(id))),
            CertAction::Delete => dialog.set(Some(Dialog::Delete(id))),
            _ => {}
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };
    let confirm = |action: Action| {
        let (app, dialog) = (app.clone(), dialog.clone());
        let action = std::cell::RefCell::new(Some(action));
        Callback::from(move |_| {
            if let Some(action) = action.borrow_mut().take() {
                app.dispatch(action);
            }
            dialog.set(None);
        })
    };
    let name_of = |id: &str| {
        app.inventory
            .find(id)
            .map(|c| format!("{} ({id})", c.name))
            .unwrap_or_else(|| id.to_string())
    };
    let dialog_html = match (*dialog).clone() {
        Some(Dialog::Cancel(id)) => {
            let returns = app.inventory.find(&id).map(cancel_return);
            html! {
                <ConfirmDialog title="Cancel certificate" confirm_label="Cancel certificate" danger=true
                               on_confirm={confirm(Action::Cancel(id.clone()))} on_cancel={close.clone()}>
                    <p>{ format!("Cancel {}?", name_of(&id)) }</p>
                    if let Some(r) = returns.filter(|r| r.units > 0) {
                        <p>{ format!("Your quota gets back {} certificate unit of {} and {} Managed Service use.", r.units, r.spec.label(), r.managed_service) }</p>
                    } else {
                        <p>{ "Only Not Activated certificates return their quota. For a refund, contact your account manager." }</p>
                    }
                </ConfirmDialog>
            }
        }
        Some(Dialog::Delete(id)) => html! {
            <ConfirmDialog title="Delete certificate" confirm_label="Delete" danger=true
                           on_confirm={confirm(Action::Delete(id.clone()))} on_cancel={close.clone()}>
                <p>{ format!("Delete {} from the inventory? This cannot be undone; export the inventory first if you want a copy.", name_of(&id)) }</p>
            </ConfirmDialog>
        },
        None => html! {},
    };

    html! {
        <div class="console">
            <PageHeader chrome={props.chrome}>
                <AsOfControl />
                <DataMenu />
            </PageHeader>
            <main class="page">
                <AsOfBanner />
                <Notices />
                <QuotaPanel />
                <TabList label="Certificate type" selected={props.selected} {on_select} />
                for tab in Tab::ALL {
                    <TabPanel {tab} selected={tab == props.selected}>
                        <CertificateList {tab} index={Rc::clone(&index)} on_action={on_action.clone()} />
                    </TabPanel>
                }
            </main>
            { dialog_html }
        </div>
    }
}
