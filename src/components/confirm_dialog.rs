//! "Are you sure?" for actions that change the inventory (cancel, delete, reset).

use yew::prelude::*;

use super::hooks::use_id;
use super::modal::Modal;

#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    pub title: AttrValue,
    pub confirm_label: AttrValue,
    #[prop_or_default]
    pub danger: bool,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let dialog_id = use_id("confirm-dialog");
    let confirm_class = if props.danger {
        "btn btn-danger-solid"
    } else {
        "btn btn-primary"
    };
    let footer = html! {
        <>
            <button type="button" class="btn" onclick={props.on_cancel.reform(|_| ())}>{ "Keep it" }</button>
            <button type="button" class={confirm_class} onclick={props.on_confirm.reform(|_| ())}>
                { props.confirm_label.clone() }
            </button>
        </>
    };
    html! {
        <Modal id={dialog_id.clone()} title={props.title.clone()} on_close={props.on_cancel.clone()} {footer}>
            { props.children.clone() }
        </Modal>
    }
}
