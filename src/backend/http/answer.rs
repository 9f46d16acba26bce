//! What an HTTP answer means for the user: the contract's status codes and
//! RFC 9457 problems turned into a [`BackendError`] whose message says what
//! is wrong and what to do. Pure, so it is tested natively.

use certdesk_api::Problem;

use crate::backend::BackendError;

/// How a failed answer is handled before it reaches the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again after a pause (502/503/504, 429), when the request is idempotent.
    Retry { after_ms: u32, error: BackendError },
    /// Final: tell the user.
    Final(BackendError),
}

/// The problem in `body`, or one made from the status when the body is not one.
pub fn problem(status: u16, body: &str) -> Problem {
    serde_json::from_str::<Problem>(body)
        .ok()
        .filter(|p| !p.detail.trim().is_empty())
        .unwrap_or_else(|| {
            let detail = match status {
                413 => "The request is larger than the server accepts.".to_string(),
                500..=599 => format!("The server failed ({status})."),
                _ => format!("The server answered {status}."),
            };
            Problem::new("unknown", "Request failed", status, detail)
        })
}

fn seconds(retry_after: Option<&str>) -> Option<u32> {
    retry_after.and_then(|v| v.trim().parse::<u32>().ok())
}

/// What a non-2xx answer (other than 401, handled by the token flow) means.
pub fn failure(status: u16, body: &str, retry_after: Option<&str>, server: &str) -> Failure {
    let p = problem(status, body);
    let detail = p.detail.trim().to_string();
    match status {
        // The server's detail says what to do; the list is brought up to date (AppHandle::failed).
        409 | 412 => {
            // What changed, when the server sent the record as it is now (412).
            let now = p.current.as_ref().map_or(String::new(), |e| {
                format!(
                    " {} is now {} (version {}).",
                    e.certificate.name,
                    e.certificate.state.label(),
                    e.version
                )
            });
            Failure::Final(BackendError::Conflict(format!(
                "{detail}{now} The list now shows what the server holds."
            )))
        }
        403 => Failure::Final(BackendError::Denied(format!(
            "{detail} Your sign-in may only read this account: ask an administrator for access that can make changes."
        ))),
        413 => Failure::Final(BackendError::Denied(format!(
            "{detail} Send less at a time (fewer or smaller files)."
        ))),
        404 => Failure::Final(BackendError::Refused(format!(
            "{detail} It may have been deleted by someone else: the list is brought up to date."
        ))),
        429 => {
            let wait = seconds(retry_after).unwrap_or(5);
            Failure::Retry {
                after_ms: wait.min(10) * 1000,
                error: BackendError::Unavailable(format!(
                    "the server at {server} asks to wait {wait} s"
                )),
            }
        }
        502..=504 => Failure::Retry {
            after_ms: seconds(retry_after).unwrap_or(1).min(10) * 1000,
            error: BackendError::Unavailable(format!("the server at {server} answered {status}")),
        },
        500..=599 => Failure::Final(BackendError::Unavailable(format!(
            "the server at {server} failed ({status}: {detail})"
        ))),
        _ => Failure::Final(BackendError::Refused(detail)),
    }
}

/// The message when the server refuses the token and no new one came.
pub fn unauthorized(server: &str, why: Option<&str>) -> BackendError {
    let why = why.map(|w| format!(" ({w})")).unwrap_or_default();
    BackendError::Denied(format!(
        "The server at {server} did not accept the sign-in token{why}. Sign in again in the page around Certdesk, then reload; nothing was changed."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use certdesk_api::problems;

    fn body(slug: &str, status: u16, detail: &str) -> String {
        serde_json::to_string(&Problem::new(slug, "t", status, detail)).unwrap()
    }

    #[test]
    fn a_stale_version_is_a_conflict_that_says_the_list_is_reloaded() {
        let answer = failure(
            412,
            &body(
                problems::STALE,
                412,
                "shop.example.com was changed by someone else.",
            ),
            None,
            "/v1",
        );
        let Failure::Final(BackendError::Conflict(text)) = answer else {
            panic!("{answer:?}")
        };
        assert!(text.starts_with("shop.example.com was changed by someone else."));
        assert!(text.ends_with("The list now shows what the server holds."));
    }

    #[test]
    fn a_stale_version_says_what_the_record_is_now() {
        let mut problem =
            Problem::new(problems::STALE, "t", 412, "It changed since you loaded it.");
        let mut cert = crate::store::demo::demo_inventory(certdesk_rules::testing::d("2026-11-23"))
            .certificates
            .remove(0);
        cert.state = crate::rules::LifecycleState::Cancelled;
        let name = cert.name.clone();
        problem.current = Some(certdesk_api::Entry {
            version: 4,
            certificate: cert,
        });
        let body = serde_json::to_string(&problem).unwrap();
        let Failure::Final(e) = failure(412, &body, None, "/v1") else {
            panic!()
        };
        assert!(
            e.to_string()
                .contains(&format!("{name} is now Cancelled (version 4).")),
            "{e}"
        );
    }

    #[test]
    fn the_rules_refusal_on_the_server_is_a_conflict_too() {
        let answer = failure(
            409,
            &body(problems::REFUSED, 409, "It is Issued."),
            None,
            "/v1",
        );
        assert!(matches!(answer, Failure::Final(BackendError::Conflict(_))));
    }

    #[test]
    fn busy_and_gateway_answers_are_retried_after_the_server_s_pause() {
        assert_eq!(
            failure(503, "", Some("3"), "/v1"),
            Failure::Retry {
                after_ms: 3000,
                error: BackendError::Unavailable("the server at /v1 answered 503".into())
            }
        );
        let Failure::Retry { after_ms, .. } = failure(429, "", Some("120"), "/v1") else {
            panic!()
        };
        assert_eq!(after_ms, 10_000, "a long pause is capped; the user is told");
    }

    #[test]
    fn an_internal_error_is_final_and_says_nothing_changed() {
        let Failure::Final(e) = failure(500, "<html>oops</html>", None, "https://h/v1") else {
            panic!()
        };
        let text = e.to_string();
        assert!(text.contains("https://h/v1 failed (500"), "{text}");
        assert!(text.contains("nothing was changed"), "{text}");
    }

    #[test]
    fn forbidden_and_too_large_say_what_to_do() {
        let Failure::Final(e) = failure(
            403,
            &body(problems::FORBIDDEN, 403, "Read-only token."),
            None,
            "/v1",
        ) else {
            panic!()
        };
        assert!(e.to_string().contains("ask an administrator"));
        let Failure::Final(e) = failure(413, "", None, "/v1") else {
            panic!()
        };
        assert!(e.to_string().contains("larger than the server accepts"));
        assert!(e.to_string().contains("fewer or smaller files"));
    }

    #[test]
    fn unauthorized_asks_to_sign_in_again() {
        let text = unauthorized("/v1", Some("no token was given")).to_string();
        assert!(text.contains("(no token was given)") && text.contains("Sign in again"));
    }
}
