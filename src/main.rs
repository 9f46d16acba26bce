//! The wasm entry: the logger, the `<certdesk-console>` element, and the
//! standalone page's mount into `#certdesk`. Everything else lives in lib.rs.

const ROOT: &str = "#certdesk";

fn main() {
    certdesk::platform::logger::init();
    certdesk::embed::define_custom_element();
    // A standalone page has #certdesk; a host page may only use the element or mount().
    let Some(root) = gloo::utils::document().query_selector(ROOT).ok().flatten() else {
        return;
    };
    certdesk::platform::panic::install(ROOT);
    let options = certdesk::MountOptions::from_element(&root);
    certdesk::mount(root, options);
}
