//! A panic never leaves a blank or frozen page: the debug-only `#/debug/panic`
//! route panics while rendering and the recovery screen must replace the app.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits on a browser timer. yew's scheduler is dead after the abort, so the
/// usual `wait_for` (which flushes it) cannot be used here.
async fn browser_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_panic_shows_the_recovery_screen() {
    set_hash("#/debug/panic");
    let root = fresh_root("panic-root");
    certdesk::platform::panic::install("#panic-root");
    // The panic aborts the task it happens in: run the mount in its own timer
    // task, as the app's own event handlers run, not inside this test.
    let mount = Closure::once_into_js(move || {
        std::mem::forget(certdesk::mount(root, certdesk::MountOptions::default()));
    });
    gloo::utils::window()
        .set_timeout_with_callback(mount.unchecked_ref())
        .unwrap();
    for _ in 0..200 {
        if query("#panic-root .panic-screen").is_some() {
            break;
        }
        browser_sleep(10).await;
    }

    let screen = query("#panic-root .panic-screen").expect("the recovery screen");
    assert_eq!(attr(&screen, "role"), "alert");
    assert_eq!(text("#panic-root h1"), "Something went wrong");
    assert!(text("#panic-root .panic-message").contains("deliberate panic from #/debug/panic"));
    let reload = query("#panic-root button").unwrap();
    assert_eq!(reload.text_content().unwrap(), "Reload");
    assert_eq!(document().active_element(), Some(reload));
    // The app is gone: nothing is left half-working.
    assert!(query("#panic-root [role=tablist]").is_none());
}
