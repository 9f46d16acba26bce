//! The wasm entry: panic screen, logger, mount. Everything else lives in lib.rs.

const ROOT: &str = "#certdesk";

fn main() {
    certdesk::platform::logger::init();
    let root = gloo::utils::document().query_selector(ROOT).ok().flatten();
    let Some(root) = root else {
        log::error!("Certdesk needs an element {ROOT} to mount into; none was found.");
        return;
    };
    certdesk::platform::panic::install(ROOT);
    let options = certdesk::MountOptions::from_element(&root);
    certdesk::mount(root, options);
}
