//! The dialog shown over the page. `Console` holds it and provides the handle;
//! a panel opens another dialog in its place with `use_dialogs().open(..)`
//! instead of an `on_open` callback threaded down from the console.

use yew::prelude::*;

use crate::components::dialogs::Dialog;

/// Opens and closes the page's dialog (one at a time).
#[derive(Clone, PartialEq)]
pub struct DialogsHandle {
    set: UseStateSetter<Option<Dialog>>,
}

impl DialogsHandle {
    /// The handle over the dialog state `Console` keeps.
    pub fn new(set: UseStateSetter<Option<Dialog>>) -> Self {
        DialogsHandle { set }
    }

    /// Shows `dialog` in place of the one open now, if any.
    pub fn open(&self, dialog: Dialog) {
        self.set.set(Some(dialog));
    }

    pub fn close(&self) {
        self.set.set(None);
    }

    /// A callback (for `onclick`) that opens `dialog`.
    pub fn opener<E: 'static>(&self, dialog: Dialog) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |_| this.open(dialog.clone()))
    }
}

/// The page's dialogs. Fails loudly (a programming error) outside `Console`.
#[hook]
pub fn use_dialogs() -> DialogsHandle {
    use_context::<DialogsHandle>()
        .expect("use_dialogs() needs the ContextProvider<DialogsHandle> that Console renders")
}
