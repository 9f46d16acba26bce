//! Long polls woken across replicas. A change wakes its own process's long
//! polls directly (`AppState::notify`); on PostgreSQL it also sends
//! `NOTIFY certdesk_feed, '<account>'` inside its transaction (delivered at
//! commit, never for a rolled-back change), and every replica listens and
//! wakes its own long polls for that account. When the listening
//! connection is lost (the database restarted), notifications may have
//! been missed: every long poll is woken, and reads the feed again.

use std::sync::Weak;
use std::time::Duration;

use sqlx::AnyConnection;
use sqlx::postgres::PgListener;
use tokio::sync::watch;

use crate::db::Dialect;
use crate::problem::ApiResult;
use crate::state::{AppState, Inner};

pub const CHANNEL: &str = "certdesk_feed";

/// Announces (PostgreSQL, at commit) that `account` changed.
pub async fn announce(conn: &mut AnyConnection, dialect: Dialect, account: &str) -> ApiResult<()> {
    if dialect == Dialect::Postgres {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(account)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Listens for other replicas' changes until the state is dropped (spawn
/// it; PostgreSQL only). `alive` ends when the state does.
pub async fn listen(state: Weak<Inner>, mut alive: watch::Receiver<()>, url: String) {
    let mut listener: Option<PgListener> = None;
    loop {
        let current = match listener.as_mut() {
            Some(l) => l,
            None => match connect(&url).await {
                Ok(l) => {
                    // Anything in between was missed.
                    with(&state, AppState::notify_all);
                    listener.insert(l)
                }
                Err(_) => {
                    tokio::select! {
                        _ = alive.changed() => return,
                        _ = tokio::time::sleep(Duration::from_millis(500)) => continue,
                    }
                }
            },
        };
        let received = tokio::select! {
            _ = alive.changed() => return,
            received = current.try_recv() => received,
        };
        match received {
            Ok(Some(n)) => with(&state, |s| s.notify(n.payload())),
            // The connection was lost: try_recv reconnects on its next call.
            Ok(None) => with(&state, AppState::notify_all),
            Err(_) => {
                listener = None;
                with(&state, AppState::notify_all);
            }
        }
    }
}

fn with(state: &Weak<Inner>, f: impl FnOnce(&AppState)) {
    if let Some(inner) = state.upgrade() {
        f(&AppState::from_inner(inner));
    }
}

async fn connect(url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}
