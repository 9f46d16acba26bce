//! Every failure a handler can have, as an RFC 9457 problem.

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use certdesk_api::{Entry, FieldError, PROBLEM_JSON, Problem, problems};
use certdesk_engine::BackendError;

/// A problem answer, with the headers it needs (`WWW-Authenticate`, `Retry-After`).
#[derive(Debug)]
pub struct ApiError {
    pub problem: Box<Problem>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(slug: &str, title: &str, status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError {
            problem: Box::new(Problem::new(slug, title, status.as_u16(), detail)),
            headers: Vec::new(),
        }
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    pub fn bad_request(detail: impl Into<String>, errors: Vec<FieldError>) -> Self {
        let mut e = Self::new(
            problems::BAD_REQUEST,
            "Malformed request",
            StatusCode::BAD_REQUEST,
            detail,
        );
        e.problem.errors = errors;
        e
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::bad_request(
            format!("{field}: {message}"),
            vec![FieldError {
                field: field.into(),
                message,
            }],
        )
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        let mut e = Self::new(
            problems::UNAUTHORIZED,
            "Not signed in",
            StatusCode::UNAUTHORIZED,
            detail,
        );
        e.headers.push((
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"certdesk\""),
        ));
        e
    }

    pub fn forbidden() -> Self {
        Self::new(
            problems::FORBIDDEN,
            "Read-only access",
            StatusCode::FORBIDDEN,
            "This token may only read: ask an administrator of the account to make the change.",
        )
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(
            problems::NOT_FOUND,
            "Not found",
            StatusCode::NOT_FOUND,
            format!(
                "{} is not in this account: reload the list and try again.",
                what.into()
            ),
        )
    }

    /// The rules refuse it now (409); `detail` is their reason.
    pub fn refused(detail: impl Into<String>) -> Self {
        Self::new(
            problems::REFUSED,
            "Not allowed now",
            StatusCode::CONFLICT,
            detail,
        )
    }

    /// An order or policy that cannot be accepted as sent (422).
    pub fn invalid(detail: impl Into<String>, errors: Vec<FieldError>) -> Self {
        let mut e = Self::new(
            problems::REFUSED,
            "Cannot be accepted",
            StatusCode::UNPROCESSABLE_ENTITY,
            detail,
        );
        e.problem.errors = errors;
        e
    }

    pub fn precondition_required() -> Self {
        Self::new(
            problems::PRECONDITION_REQUIRED,
            "If-Match required",
            StatusCode::PRECONDITION_REQUIRED,
            "Send If-Match with the certificate's ETag (\"<version>\") so a change made by someone else in the meantime is not overwritten.",
        )
    }

    pub fn stale(current: Entry) -> Self {
        let mut e = Self::new(
            problems::STALE,
            "Changed by someone else",
            StatusCode::PRECONDITION_FAILED,
            format!(
                "{} changed since you loaded it (now version {}): nothing was changed; check it again and retry.",
                current.certificate.name, current.version
            ),
        );
        e.problem.current = Some(current);
        e
    }

    pub fn too_large() -> Self {
        Self::new(
            problems::TOO_LARGE,
            "Request too large",
            StatusCode::PAYLOAD_TOO_LARGE,
            "The request body is larger than this route takes (1 MiB; 8 MiB for uploads): send less at once.",
        )
    }

    /// Something failed on the server; nothing was committed.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        eprintln!("certdesk-server: internal error: {cause}");
        Self::new(
            problems::INTERNAL,
            "Server error",
            StatusCode::INTERNAL_SERVER_ERROR,
            "The server failed; nothing was changed: try again in a moment.",
        )
    }

    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }
}

impl From<BackendError> for ApiError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::NotFound(id) => ApiError::not_found(format!("Certificate {id}")),
            BackendError::Refused(why) => ApiError::refused(why),
            BackendError::Conflict(why) => ApiError::refused(why),
            BackendError::Denied(why) => ApiError::new(
                problems::FORBIDDEN,
                "Not allowed",
                StatusCode::FORBIDDEN,
                why,
            ),
            BackendError::Ca(why) => ApiError::new(
                problems::CA,
                "The CA failed",
                StatusCode::BAD_GATEWAY,
                format!("The sandbox CA could not make the certificate file: {why}"),
            ),
            BackendError::Unavailable(why) => ApiError::internal(why),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::internal(format!("database: {e}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::internal(format!("stored JSON: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::to_vec(&self.problem).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        for (name, value) in self.headers {
            headers.insert(name, value);
        }
        response
    }
}
