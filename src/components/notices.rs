//! Notices at the top of the page: results of actions, storage problems,
//! imports. Errors and warnings are alerts; the rest are polite status.

use yew::prelude::*;

use super::context::use_app;
use crate::platform::download::download;
use crate::store::{Action, NoticeKind};

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
                    if let Some(file) = notice.attachment.clone() {
                        <button type="button" class="btn btn-small" onclick={
                            let app = app.clone();
                            Callback::from(move |_| {
                                if let Err(e) = download(&file.filename, "application/json", &file.contents) {
                                    app.dispatch(Action::Notify(crate::store::Notice::new(NoticeKind::Error, e)));
                                }
                            })
                        }>{ notice.attachment.as_ref().map(|a| a.label.clone()).unwrap_or_default() }</button>
                    }
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
