//! `fetch` with a timeout (an `AbortController` fired by a timer): the one
//! place the HTTP backend touches the network. Answers come back whole
//! (status, the few headers the contract uses, the body as text); a request
//! that never got an answer is a [`NetError`].

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// An answer from the server.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub etag: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    pub body: String,
}

/// Why no answer came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetError {
    /// No answer within the timeout (the request was aborted).
    Timeout(u32),
    /// The network failed or the server is down (fetch rejected).
    Offline(String),
    /// The request could not be made at all (a bad URL, a blocked header).
    Request(String),
}

impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetError::Timeout(ms) => write!(f, "no answer within {} s", ms / 1000),
            NetError::Offline(why) => write!(f, "the server cannot be reached ({why})"),
            NetError::Request(why) => write!(f, "the request could not be made ({why})"),
        }
    }
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "no reason given".into())
}

/// Sends one request. `headers` are (name, value) pairs; `body` is sent as is.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<&str>,
    timeout_ms: u32,
) -> Result<HttpResponse, NetError> {
    let request_error = |e: JsValue| NetError::Request(describe(&e));
    let controller = web_sys::AbortController::new().map_err(request_error)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_signal(Some(&controller.signal()));
    let header_map = web_sys::Headers::new().map_err(request_error)?;
    for (name, value) in headers {
        header_map.set(name, value).map_err(request_error)?;
    }
    init.set_headers(&header_map);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(request_error)?;
    let window = gloo::utils::window();
    let abort = controller.clone();
    // Dropped (and so cleared) when the answer comes first.
    let _timer = gloo::timers::callback::Timeout::new(timeout_ms, move || abort.abort());
    let promise: Promise = window.fetch_with_request(&request);
    let answer = JsFuture::from(promise).await.map_err(|e| {
        if controller.signal().aborted() {
            NetError::Timeout(timeout_ms)
        } else {
            NetError::Offline(describe(&e))
        }
    })?;
    let response: web_sys::Response = answer
        .dyn_into()
        .map_err(|_| NetError::Request("fetch gave no Response".into()))?;
    let text = response.text().map_err(request_error)?;
    let body = JsFuture::from(text).await.map_err(|e| {
        if controller.signal().aborted() {
            NetError::Timeout(timeout_ms)
        } else {
            NetError::Offline(describe(&e))
        }
    })?;
    let get = |name: &str| response.headers().get(name).ok().flatten();
    Ok(HttpResponse {
        status: response.status(),
        etag: get("etag"),
        retry_after: get("retry-after"),
        content_type: get("content-type"),
        body: body.as_string().unwrap_or_default(),
    })
}

/// Waits `ms` milliseconds (between retries).
pub async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = JsFuture::from(promise).await;
}

/// 16 random bytes in hex: an `Idempotency-Key`.
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = gloo::utils::window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes));
    if filled.is_err() {
        // No WebCrypto: the clock and Math.random still make a key unique enough per user.
        let now = js_sys::Date::now() as u64;
        bytes[..8].copy_from_slice(&now.to_be_bytes());
        bytes[8..].copy_from_slice(&((js_sys::Math::random() * 1e15) as u64).to_be_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Calls the host's token callback (it may return a string or a promise of one).
pub async fn call_token_source(source: &js_sys::Function) -> Result<String, String> {
    let value = source
        .call0(&JsValue::NULL)
        .map_err(|e| format!("the host's getToken threw: {}", describe(&e)))?;
    let value = match value.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| format!("the host's getToken failed: {}", describe(&e)))?,
        Err(value) => value,
    };
    value
        .as_string()
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| "the host's getToken gave no token (it must return a string)".into())
}
