//! Another tab's save: IndexedDB has no `storage` event, so each committed
//! write is announced on a `BroadcastChannel` named after the key, and a tab
//! that hears it reads the key again.
//!
//! One channel object per key per page, used both to post and to listen: a
//! channel never hears its own messages, so a tab is not told of its own saves.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo::events::EventListener;
use web_sys::BroadcastChannel;

thread_local! {
    static CHANNELS: RefCell<HashMap<String, BroadcastChannel>> = RefCell::default();
}

/// The message posted after a write; receivers re-read rather than trust a copy.
pub const SAVED: &str = "saved";

fn channel(key: &str) -> Option<BroadcastChannel> {
    CHANNELS.with(|channels| {
        let mut channels = channels.borrow_mut();
        if let Some(open) = channels.get(key) {
            return Some(open.clone());
        }
        let open = BroadcastChannel::new(key).ok()?;
        channels.insert(key.to_string(), open.clone());
        Some(open)
    })
}

/// Tells the other tabs that `key` was written.
pub fn announce(key: &str) {
    if let Some(channel) = channel(key)
        && let Err(e) = channel.post_message(&SAVED.into())
    {
        log::warn!("could not tell other tabs of the save: {e:?}");
    }
}

/// Calls `on_message` each time another page announces a write of `key`.
pub fn hear(key: &str, on_message: impl Fn() + 'static) -> Option<EventListener> {
    let channel = channel(key)?;
    Some(EventListener::new(&channel, "message", move |_| {
        on_message()
    }))
}
