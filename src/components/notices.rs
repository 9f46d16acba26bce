//! Notices at the top of the page: results of actions, storage problems,
//! imports. Errors and warnings are alerts; the rest are polite status.

use yew::prelude::*;

use super::context::use_app;
use crate::platform::download::download;
use crate::store::notice::NoticeAction;
use crate::store::{Action, Notice, NoticeKind};

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    html! {
        <div class="notices" aria-live="polite">
            for notice in app.notices.iter().cloned() {
                <div
                    key={notice.id}
                    class={classes!("notice", match notice.kind {
                        NoticeKind::Info => "notice-info",
                        NoticeKind::Success => "notice-success",
                        NoticeKind::Warning => "notice-warning",
                        NoticeKind::Error => "notice-error",
                    })}
                    role={matches!(notice.kind, NoticeKind::Error | NoticeKind::Warning).then_some("alert")}
                >
                    <span class="notice-text">{ notice.text.clone() }</span>
                    { notice_button(&app, notice.action.clone()) }
                    <button type="button" class="notice-dismiss" aria-label="Dismiss" onclick={
                        let app = app.clone();
                        let id = notice.id;
                        Callback::from(move |_| app.dispatch(Action::Dismiss(id)))
                    }>{ "×" }</button>
                </div>
            }
        </div>
    }
}

fn notice_button(app: &super::context::AppContext, action: Option<NoticeAction>) -> Html {
    let app = app.clone();
    match action {
        None => html! {},
        Some(NoticeAction::RetrySave) => html! {
            <button type="button" class="btn btn-small" onclick={Callback::from(move |_| app.dispatch(Action::RetrySave))}>
                { "Try saving again" }
            </button>
        },
        Some(NoticeAction::Download(file)) => {
            let label = file.label.clone();
            let onclick = Callback::from(move |_| {
                if let Err(e) = download(&file.filename, "application/json", &file.contents) {
                    app.dispatch(Action::Notify(Notice::new(NoticeKind::Error, e)));
                }
            });
            html! { <button type="button" class="btn btn-small" {onclick}>{ label }</button> }
        }
    }
}
