//! Files in and out: saving text as a download, reading a chosen file as text.

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the object URL of a download lives. Revoking it right after the
/// click can cancel the download in some browsers; a while later it only
/// frees the memory of the blob.
const REVOKE_AFTER_MS: u32 = 30_000;

/// The browser's own words for a thrown value.
fn js_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (Some(text), None) | (None, Some(text)) => text,
        (None, None) => "unknown error".into(),
    }
}

/// Offers `contents` as a file named `filename` (a Blob behind an object URL,
/// opened by a temporary `<a download>`).
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |error: JsValue| {
        format!(
            "The download of \"{filename}\" could not start ({}). Try again, or allow downloads for this site.",
            js_text(&error)
        )
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let clicked = click_link(&url, filename).map_err(fail);
    Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    clicked
}

fn click_link(url: &str, filename: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    // Some browsers only follow links that are in the document.
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no page body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// A size in the units people read: "840 bytes", "12 KB", "3.4 MB".
pub fn human_size(bytes: f64) -> String {
    // Rounded in integers: the float printer is not in the first load.
    let bytes = bytes.max(0.0).round() as u64;
    if bytes < 1_000 {
        format!("{bytes} bytes")
    } else if bytes < 999_500 {
        format!("{} KB", (bytes + 500) / 1_000)
    } else {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The text of a file the user chose, refused before reading when it is
/// larger than `max_bytes`.
pub async fn read_file_text(file: web_sys::File, max_bytes: u64) -> Result<String, String> {
    let name = file.name();
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(format!(
            "\"{name}\" is {}; Certdesk reads files of up to {}. Choose a smaller file, or split it.",
            human_size(size),
            human_size(max_bytes as f64)
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(|error| {
        format!(
            "\"{name}\" could not be read ({}). Choose the file again.",
            js_text(&error)
        )
    })?;
    text.as_string()
        .ok_or_else(|| format!("\"{name}\" could not be read as text. Choose the file again."))
}

/// The bytes of a file the user chose or dropped (the caller checks the size first).
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let unreadable = || {
        format!(
            "The browser could not read \"{}\": choose the file again.",
            file.name()
        )
    };
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| unreadable())?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| unreadable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file name made from a certificate's name: `*.example.com` gives
/// `wildcard.example.com`, anything but letters, digits, `.` and `-` becomes `_`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .trim()
        .replacen("*.", "wildcard.", 1)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "certificate".into()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::{file_stem, human_size};

    #[test]
    fn file_names_come_from_certificate_names() {
        assert_eq!(file_stem("*.example.com"), "wildcard.example.com");
        assert_eq!(file_stem("Wildcard example.com"), "Wildcard_example.com");
        assert_eq!(file_stem("<img src=x>"), "_img_src_x_");
        assert_eq!(file_stem("  "), "certificate");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(840.0), "840 bytes");
        assert_eq!(human_size(12_345.0), "12 KB");
        assert_eq!(human_size(3_400_000.0), "3.4 MB");
        assert_eq!(human_size(20_000_000.0), "20.0 MB");
        assert_eq!(human_size(0.0), "0 bytes");
        assert_eq!(human_size(1_499.0), "1 KB");
        assert_eq!(human_size(999_499.0), "999 KB");
        assert_eq!(human_size(999_500.0), "1.0 MB");
        assert_eq!(human_size(3_449_999.0), "3.4 MB");
    }
}
