//! The open/closed state of a dialog, menu or popover, with the callbacks its
//! button and its close control need.

use yew::prelude::*;

pub struct Open {
    pub is: bool,
    pub show: Callback<MouseEvent>,
    pub toggle: Callback<MouseEvent>,
    pub close: Callback<()>,
}

#[hook]
pub fn use_open() -> Open {
    let state = use_state(|| false);
    let set = |to: fn(bool) -> bool| {
        let state = state.clone();
        move || state.set(to(*state))
    };
    let (show, toggle, close) = (set(|_| true), set(|was| !was), set(|_| false));
    Open {
        is: *state,
        show: Callback::from(move |_| show()),
        toggle: Callback::from(move |_| toggle()),
        close: Callback::from(move |()| close()),
    }
}

/// `use_open` for a component that a list reuses for another item (the
/// certificate table keys its rows by position): open only while it shows the
/// `owner` it was opened for, so a popover never stays open over another item.
#[hook]
pub fn use_open_for(owner: &AttrValue) -> Open {
    let state = use_state(|| None::<AttrValue>);
    let is = state.as_ref() == Some(owner);
    let set = |open: bool| {
        let (state, owner) = (state.clone(), owner.clone());
        move || state.set(open.then(|| owner.clone()))
    };
    let (show, toggle, close) = (set(true), set(!is), set(false));
    Open {
        is,
        show: Callback::from(move |_| show()),
        toggle: Callback::from(move |_| toggle()),
        close: Callback::from(move |()| close()),
    }
}
