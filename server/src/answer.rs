//! Request bodies read as the problems the contract names (400 with the
//! field, 413), `If-Match`, and answers that can be stored for replay.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{CONTENT_TYPE, ETAG, IF_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use certdesk_api::{FieldError, etag, parse_etag};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::problem::{ApiError, ApiResult};

/// A JSON body, with its bytes (an idempotency key's fingerprint covers them).
pub struct JsonBody<T> {
    pub value: T,
    pub raw: Bytes,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> ApiResult<Self> {
        let raw = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::too_large()
            } else {
                ApiError::bad_request(format!("The body could not be read: {e}"), Vec::new())
            }
        })?;
        let value = parse_json(&raw)?;
        Ok(JsonBody { value, raw })
    }
}

/// JSON into `T`, or 400 naming the field that is wrong.
pub fn parse_json<T: DeserializeOwned>(raw: &[u8]) -> ApiResult<T> {
    let mut de = serde_json::Deserializer::from_slice(raw);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        let message = e.inner().to_string();
        ApiError::bad_request(
            format!("The body is not what this route takes: {field}: {message}"),
            vec![FieldError { field, message }],
        )
    })
}

/// The version `If-Match` names: 428 without it, 400 when it is not an ETag.
pub fn if_match(headers: &HeaderMap) -> ApiResult<i64> {
    let value = headers
        .get(IF_MATCH)
        .ok_or_else(ApiError::precondition_required)?;
    value.to_str().ok().and_then(parse_etag).ok_or_else(|| {
        ApiError::field(
            "If-Match",
            "must be the certificate's ETag, as \"<version>\"",
        )
    })
}

/// A successful answer: status, JSON body, and the ETag of one record.
#[derive(Clone, Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Option<Vec<u8>>,
    pub etag: Option<i64>,
    /// The stored answer to an earlier request with the same Idempotency-Key.
    pub replayed: bool,
}

impl Answer {
    pub fn json<T: Serialize>(status: StatusCode, value: &T) -> ApiResult<Self> {
        Ok(Answer {
            status,
            body: Some(serde_json::to_vec(value).map_err(ApiError::internal)?),
            etag: None,
            replayed: false,
        })
    }

    pub fn no_content() -> Self {
        Answer {
            status: StatusCode::NO_CONTENT,
            body: None,
            etag: None,
            replayed: false,
        }
    }

    pub fn with_etag(mut self, version: i64) -> Self {
        self.etag = Some(version);
        self
    }
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let mut response = match self.body {
            Some(body) => (
                self.status,
                [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
                body,
            )
                .into_response(),
            None => self.status.into_response(),
        };
        if let Some(v) = self.etag
            && let Ok(value) = HeaderValue::from_str(&etag(v))
        {
            response.headers_mut().insert(ETAG, value);
        }
        if self.replayed {
            response.headers_mut().insert(
                certdesk_api::headers::IDEMPOTENCY_REPLAYED,
                HeaderValue::from_static("true"),
            );
        }
        response
    }
}

/// A body taken as bytes (routes without JSON input still fingerprint it).
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> ApiResult<Self> {
        Bytes::from_request(req, state)
            .await
            .map(RawBody)
            .map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::too_large()
                } else {
                    ApiError::bad_request(format!("The body could not be read: {e}"), Vec::new())
                }
            })
    }
}
