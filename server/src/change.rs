//! One change = one transaction: load the account's inventory, let the
//! clock move it on (the engine's `advance`), run the engine for the
//! request, give newly issued certificates their files, write back only the
//! rows that changed (one version more and one feed row each), store the
//! idempotent answer, commit, wake the account's long polls.
//!
//! Writers of an account are serialised, across processes too, so a change
//! always sees the one before it: quotas are read and paid in one step. On
//! SQLite that is the file's lock (`BEGIN IMMEDIATE`, and the in-process
//! writer lock in front of it); on PostgreSQL the account's row, locked
//! `FOR UPDATE` in the change's own transaction, so two replicas never run
//! one account's change, or one scheduled job (a review's outcome, a
//! Managed Service start, an in-term reissue, a deployment task: all are
//! the engine's `advance`, which a second writer finds already done), at
//! once. The scheduler's sweep skips an account another writer holds
//! (`SKIP LOCKED`): that writer advances it.

use std::collections::HashMap;

use certdesk_api::Entry;
use certdesk_engine::{Inventory, Sandbox};
use certdesk_rules::{Certificate, LifecycleState};
use chrono::NaiveDate;

use crate::answer::Answer;
use crate::db::Dialect;
use crate::idempotency::Idempotent;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{self, Loaded};
use crate::{feed, idempotency, wake};

/// The inventory a request changes, as the engine sees it.
pub struct Work {
    pub inventory: Inventory,
    pub versions: HashMap<String, i64>,
    pub today: NaiveDate,
    pub now_ms: i64,
    pub events: Vec<String>,
    pub failures: Vec<String>,
}

impl Work {
    /// The certificate `id` as it is now, with its version.
    pub fn entry(&self, id: &str) -> ApiResult<Entry> {
        let certificate = self
            .inventory
            .find(id)
            .cloned()
            .ok_or_else(|| ApiError::not_found(format!("Certificate {id}")))?;
        Ok(Entry {
            version: self.versions.get(id).copied().unwrap_or(1),
            certificate,
        })
    }

    /// 404 when `id` is not here, 412 (with the record now) when `version`
    /// is not its version.
    pub fn expect_version(&self, id: &str, version: i64) -> ApiResult<()> {
        let entry = self.entry(id)?;
        if entry.version != version {
            return Err(ApiError::stale(entry));
        }
        Ok(())
    }
}

/// The inventory after a change, with the versions written.
pub struct Done {
    pub inventory: Inventory,
    pub versions: HashMap<String, i64>,
}

impl Done {
    pub fn entry(&self, id: &str) -> ApiResult<Entry> {
        let certificate = self
            .inventory
            .find(id)
            .cloned()
            .ok_or_else(|| ApiError::internal(format!("{id} vanished in its own change")))?;
        Ok(Entry {
            version: self.versions.get(id).copied().unwrap_or(1),
            certificate,
        })
    }
}

/// Issued by the sandbox CA's review (or reissued in its term) and still without its file.
fn needs_file(cert: &Certificate) -> bool {
    cert.state == LifecycleState::Issued
        && cert.pem.is_none()
        && cert.applied_on.is_some()
        && cert.not_before.is_some()
}

/// Gives each certificate that `after` issued its real X.509 file; a CA
/// failure is told as a failure, the certificate stays issued without file.
async fn attach_files(
    state: &AppState,
    before: &Inventory,
    after: &mut Inventory,
    failures: &mut Vec<String>,
) {
    for cert in &mut after.certificates {
        if !needs_file(cert) || before.find(&cert.id) == Some(cert) {
            continue;
        }
        let (Some(from), Some(to)) = (cert.not_before, cert.not_after) else {
            continue;
        };
        match state.ca.issue(cert, from, to, cert.csr.as_deref()).await {
            Ok(pem) => cert.pem = Some(pem),
            Err(e) => failures.push(format!(
                "The sandbox CA could not make the certificate file of {} ({}): {e}",
                cert.name, cert.id
            )),
        }
    }
}

/// Runs `op` on `account`'s inventory as one transaction and answers with
/// `answer` of its result. The clock's advance is kept even when `op` fails
/// (it happened regardless of the request).
pub async fn change<R>(
    state: &AppState,
    account: &str,
    idem: Option<&Idempotent>,
    op: impl FnOnce(&mut Work) -> ApiResult<R>,
    answer: impl FnOnce(&Done, R) -> ApiResult<Answer>,
) -> ApiResult<Answer> {
    run(state, account, idem, false, op, answer)
        .await?
        .ok_or_else(|| ApiError::internal(format!("account {account} is gone")))
}

/// [`change`]; `None` when `skip_if_held` and another writer holds the account.
async fn run<R>(
    state: &AppState,
    account: &str,
    idem: Option<&Idempotent>,
    skip_if_held: bool,
    op: impl FnOnce(&mut Work) -> ApiResult<R>,
    answer: impl FnOnce(&Done, R) -> ApiResult<Answer>,
) -> ApiResult<Option<Answer>> {
    let _writer = match state.dialect() {
        Dialect::Sqlite => Some(state.writer.lock().await),
        Dialect::Postgres => None,
    };
    let mut tx = state.db.begin_write().await?;
    if let Some(idem) = idem {
        idempotency::hold(&mut tx, state.dialect(), account, idem).await?;
    }
    if !state
        .db
        .lock_account(&mut tx, account, skip_if_held)
        .await?
    {
        return Ok(None);
    }
    if let Some(idem) = idem
        && let Some(stored) = idempotency::in_change(&mut tx, account, idem).await?
    {
        return Ok(Some(stored));
    }
    let (today, now_ms) = (state.clock.today(), state.clock.now_ms());
    let loaded = store::load(&mut tx, account).await?;
    let mut feed_rows = 0;
    let current = match Sandbox.advance(&loaded.inventory, today, now_ms) {
        None => loaded,
        Some(mut advanced) => {
            attach_files(
                state,
                &loaded.inventory,
                &mut advanced.inventory,
                &mut advanced.failures,
            )
            .await;
            let written = store::write(
                &mut tx,
                account,
                &loaded,
                &advanced.inventory,
                &advanced.events,
                &advanced.failures,
            )
            .await?;
            feed_rows += written.feed_rows;
            Loaded {
                name: loaded.name,
                inventory: advanced.inventory,
                versions: written.versions,
            }
        }
    };
    let mut work = Work {
        inventory: current.inventory.clone(),
        versions: current.versions.clone(),
        today,
        now_ms,
        events: Vec::new(),
        failures: Vec::new(),
    };
    let result = match op(&mut work) {
        Ok(r) => r,
        Err(e) => {
            if feed_rows > 0 {
                wake::announce(&mut tx, state.dialect(), account).await?;
                tx.commit().await?;
                state.notify(account);
            }
            return Err(e);
        }
    };
    attach_files(
        state,
        &current.inventory,
        &mut work.inventory,
        &mut work.failures,
    )
    .await;
    let written = store::write(
        &mut tx,
        account,
        &current,
        &work.inventory,
        &work.events,
        &work.failures,
    )
    .await?;
    feed_rows += written.feed_rows;
    let done = Done {
        inventory: work.inventory,
        versions: written.versions,
    };
    let answer = answer(&done, result)?;
    if let Some(idem) = idem {
        idempotency::store(&mut tx, account, idem, &answer, state.clock.now()).await?;
    }
    if feed_rows > 0 {
        feed::prune(&mut tx, account, feed::KEEP_PER_ACCOUNT).await?;
        wake::announce(&mut tx, state.dialect(), account).await?;
    }
    tx.commit().await?;
    if feed_rows > 0 {
        state.notify(account);
    }
    Ok(Some(answer))
}

/// Moves every account on to the clock's now (the scheduler's tick, the
/// test clock). With `skip_if_held` (the tick) an account another writer
/// holds is skipped: that writer moves it on, or the next tick does
/// (PostgreSQL; on SQLite there is no other writer then). The test clock
/// waits instead: its caller reads the result next.
pub async fn advance_all(state: &AppState, skip_if_held: bool) -> ApiResult<()> {
    let accounts: Vec<String> = sqlx::query_scalar("SELECT id FROM accounts ORDER BY id")
        .fetch_all(&state.db.pool)
        .await?;
    for account in accounts {
        run(
            state,
            &account,
            None,
            skip_if_held,
            |_| Ok(()),
            |_, ()| Ok(Answer::no_content()),
        )
        .await?;
    }
    Ok(())
}
