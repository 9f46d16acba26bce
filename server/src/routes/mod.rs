//! The /v1 routes (see certdesk-api for the contract).

mod certs;
mod changes;
mod orders;
mod policies;
mod read;
mod test_clock;
mod uploads;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};

use crate::state::AppState;
use crate::web::UPLOAD_LIMIT;

pub fn v1(state: &AppState) -> Router<AppState> {
    let mut router = Router::new()
        .route("/account", get(read::account))
        .route("/certificates", get(read::list))
        .route(
            "/certificates/{id}",
            get(read::certificate).delete(certs::delete),
        )
        .route("/certificates/{id}/file", get(read::file))
        .route("/certificates/{id}/application", post(certs::application))
        .route("/certificates/{id}/cancel", post(certs::cancel))
        .route("/certificates/{id}/pca-sync", post(certs::pca_sync))
        .route("/certificates/{id}/verification", put(certs::verification))
        .route("/orders", post(orders::place))
        .route("/quotas", get(read::quotas))
        .route(
            "/uploads",
            post(uploads::upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/policies", get(read::policies))
        .route(
            "/policies/{id}",
            put(policies::put).delete(policies::delete),
        )
        .route("/changes", get(changes::changes));
    if state.test_clock {
        router = router.route("/test/clock", put(test_clock::set));
    }
    router
}
