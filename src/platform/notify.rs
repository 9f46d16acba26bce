//! Browser notifications while the page is open. Permission is asked only
//! when the user presses the button (never on load); a refusal is explained,
//! never asked again.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

/// Where browser notifications stand for this page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// This browser (or an insecure page) has no Notification API.
    Unsupported,
    /// Not asked yet.
    Default,
    Granted,
    /// Refused (by the user or the browser's settings): only the site settings can change it.
    Denied,
}

fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false)
    })
}

fn of(permission: NotificationPermission) -> Permission {
    match permission {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Default,
    }
}

pub fn permission() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    of(Notification::permission())
}

/// Asks the user (call from a click). Resolves to what they chose.
pub async fn request() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    let Ok(promise) = Notification::request_permission() else {
        return permission();
    };
    match JsFuture::from(promise).await {
        Ok(value) => match value.as_string().as_deref() {
            Some("granted") => Permission::Granted,
            Some("denied") => Permission::Denied,
            _ => Permission::Default,
        },
        Err(_) => permission(),
    }
}

/// Shows one notification; `tag` replaces an earlier one with the same tag.
pub fn show(title: &str, body: &str, tag: &str) {
    if permission() != Permission::Granted {
        return;
    }
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let _ = Notification::new_with_options(title, &options);
}
