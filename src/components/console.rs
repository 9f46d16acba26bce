//! The page inside the state provider: header tools, banners, quota, the two
//! tabs and their lists, and the dialogs that row actions open.

use std::rc::Rc;

use yew::prelude::*;

use super::as_of_banner::AsOfBanner;
use super::as_of_control::AsOfControl;
use super::certificate_list::CertificateList;
use super::context::use_app;
use super::csr_tool::CreateCsrButton;
use super::data_menu::DataMenu;
use super::dialogs::{download_file, render_dialog};
use super::notices::Notices;
use super::page_header::PageHeader;
use super::quota_panel::QuotaPanel;
use super::sandbox_issuer::SandboxIssuer;
use super::tab_list::TabList;
use super::tab_panel::TabPanel;
use super::upload_button::UploadButton;
use crate::platform::location;
use crate::rules::CertAction;
use crate::store::route::{Route, Tab};
use crate::store::view::index;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub selected: Tab,
    pub chrome: bool,
}

/// What a row action (or a toolbar button) opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Cancel(String),
    Delete(String),
    Renew(String),
    /// A purchase replacing a certificate, or a new one (`None`).
    Purchase(Option<String>),
    Submit(String),
    Progress(String),
    Deploy(String),
    Verify(String),
    Emergency(String),
    /// The emergency procedure's DV purchase for the domains of an expired certificate.
    EmergencyPurchase(String),
    Reissue(String),
    Details(String),
}

impl Dialog {
    fn for_action(id: String, action: CertAction) -> Option<Dialog> {
        Some(match action {
            CertAction::RenewalPurchase => Dialog::Renew(id),
            CertAction::Purchase | CertAction::Update => Dialog::Purchase(Some(id)),
            CertAction::SubmitRequest => Dialog::Submit(id),
            CertAction::ViewProgress => Dialog::Progress(id),
            CertAction::Cancel => Dialog::Cancel(id),
            CertAction::Delete => Dialog::Delete(id),
            CertAction::ReissueAndSync => Dialog::Reissue(id),
            CertAction::Deploy => Dialog::Deploy(id),
            CertAction::Verify => Dialog::Verify(id),
            CertAction::EmergencySteps => Dialog::Emergency(id),
            CertAction::Download => return None,
        })
    }
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
    let open = {
        let dialog = dialog.clone();
        Callback::from(move |d: Dialog| dialog.set(Some(d)))
    };
    let on_action = {
        let (app, open) = (app.clone(), open.clone());
        Callback::from(move |(id, action): (String, CertAction)| {
            match Dialog::for_action(id.clone(), action) {
                Some(d) => open.emit(d),
                None => download_file(&app, &id),
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };
    let dialog_html = render_dialog(&app, (*dialog).clone(), close, open.clone());

    html! {
        <div class="console">
            <PageHeader chrome={props.chrome}>
                <AsOfControl />
                <CreateCsrButton />
                <DataMenu />
            </PageHeader>
            <main class="page" id="certdesk-main">
                <AsOfBanner />
                <Notices />
                <QuotaPanel />
                <TabList label="Certificate type" selected={props.selected} {on_select} />
                for tab in Tab::ALL {
                    <TabPanel {tab} selected={tab == props.selected}>
                        <CertificateList {tab} index={Rc::clone(&index)} on_action={on_action.clone()}
                                         on_details={open.reform(Dialog::Details)}>
                            if tab == Tab::Official {
                                <button type="button" class="btn btn-primary" onclick={open.reform(|_| Dialog::Purchase(None))}>
                                    { "Purchase certificate" }
                                </button>
                            } else {
                                <UploadButton />
                            }
                        </CertificateList>
                    </TabPanel>
                }
            </main>
            { dialog_html }
            <SandboxIssuer />
        </div>
    }
}
