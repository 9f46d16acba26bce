//! The page inside the state provider: header tools, banners, quota, the two
//! tabs and their lists, and the dialog that row actions open (kept here,
//! opened anywhere below through `use_dialogs()`).

use std::rc::Rc;

use yew::prelude::*;

use super::as_of_banner::AsOfBanner;
use super::as_of_control::AsOfControl;
use super::certificate_list::CertificateList;
use super::connection_banner::ConnectionBanner;
use super::context::{use_app, use_handle};
use super::csr_tool::CreateCsrButton;
use super::data_menu::DataMenu;
use super::dialogs::Dialog;
use super::dialogs::download::download_file;
use super::dialogs::host::{DialogHost, preload_dialogs};
use super::hooks::{DialogsHandle, use_id};
use super::notices::Notices;
use super::notifications::bell::NotificationBell;
use super::page_header::PageHeader;
use super::quota_panel::QuotaPanel;
use super::tab_list::TabList;
use super::tab_panel::TabPanel;
use super::upload_button::UploadButton;
use crate::rules::CertAction;
use crate::store::route::Tab;
use crate::store::view::index;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub selected: Tab,
    pub chrome: bool,
    /// Selects a tab (through the URL hash or in memory: `App` decides).
    pub on_select: Callback<Tab>,
}

#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    let app = use_app();
    let handle = use_handle();
    let dialog = use_state(|| None::<Dialog>);
    let index = {
        let inventory = app.inventory.clone();
        use_memo((app.rev, app.today()), move |(_, today)| {
            index(&inventory, *today)
        })
    };
    let on_select = props.on_select.clone();
    let dialogs = DialogsHandle::new(dialog.setter());
    let main_id = use_id("certdesk-main");
    let on_action = {
        let (handle, dialogs) = (handle.clone(), dialogs.clone());
        Callback::from(move |(id, action): (String, CertAction)| {
            match Dialog::for_action(id.clone(), action) {
                Some(d) => dialogs.open(d),
                None => download_file(&handle, &id),
            }
        })
    };
    let on_details = {
        let dialogs = dialogs.clone();
        Callback::from(move |id| dialogs.open(Dialog::Details(id)))
    };

    html! {
        <ContextProvider<DialogsHandle> context={dialogs.clone()}>
        <div class="console">
            <PageHeader chrome={props.chrome}>
                <AsOfControl />
                <NotificationBell />
                <CreateCsrButton />
                <DataMenu />
            </PageHeader>
            // The dialogs' chunk is fetched when the pointer or the focus reaches the
            // page, so it is usually here before the click that opens one.
            <main class="page" id={main_id} aria-busy={app.loading.then_some("true")}
                  onpointerover={|_| preload_dialogs()} onfocusin={|_| preload_dialogs()}>
                <ConnectionBanner />
                <AsOfBanner />
                <Notices />
                <QuotaPanel />
                <TabList label="Certificate type" selected={props.selected} {on_select} />
                for tab in Tab::ALL {
                    <TabPanel {tab} selected={tab == props.selected}>
                        <CertificateList {tab} index={Rc::clone(&index)} on_action={on_action.clone()}
                                         on_details={on_details.clone()}>
                            if tab == Tab::Official {
                                <button type="button" class="btn btn-primary" onclick={dialogs.opener(Dialog::Purchase(None))}>
                                    { "Purchase certificate" }
                                </button>
                            } else {
                                <UploadButton />
                            }
                        </CertificateList>
                    </TabPanel>
                }
            </main>
            <DialogHost dialog={(*dialog).clone()} />
        </div>
        </ContextProvider<DialogsHandle>>
    }
}
