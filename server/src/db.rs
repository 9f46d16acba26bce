//! The database: SQLite (a file, the default) or PostgreSQL (a URL), both
//! through one code path.
//!
//! Why sqlx's `Any` driver and not a trait over two pools: every query of
//! the server is plain SQL over TEXT and BIGINT, so one text serves both
//! (`$1, $2…` placeholders, which sqlx's SQLite driver also numbers; `ON
//! CONFLICT`, `LIKE … ESCAPE`, `CASE` instead of `instr`, `INSERT OR
//! IGNORE`, two-argument `MAX`, `rowid`). A trait would double every query
//! or make each function generic over `sqlx::Database` with a wall of
//! bounds, for nothing the two engines do differently. What does differ is
//! small and lives here, behind [`Dialect`]: how a writer takes its
//! account's lock (SQLite: `BEGIN IMMEDIATE`, one writer per file;
//! PostgreSQL: `SELECT … FOR UPDATE` on the account row, so writers of
//! different accounts, in any process, run side by side), the isolation of
//! reads, and PostgreSQL's advisory locks and `NOTIFY` (idempotency.rs,
//! wake.rs). The migrations are written once, in that common subset.
//!
//! SQLite: WAL (readers never wait for the writer), a busy timeout (the CLI
//! and the server may write at once), foreign keys on.

use std::path::Path;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyPool, Executor, Transaction};

use crate::problem::ApiResult;

/// Which engine a [`Db`] speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A pool and what it is.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub dialect: Dialect,
    /// The URL it was opened with (PostgreSQL's `LISTEN` opens its own connection).
    pub url: String,
}

/// `--db`: `postgres://…` / `postgresql://…` is PostgreSQL; `sqlite:PATH`
/// or a bare path is a SQLite file (made if absent).
pub fn url_of(target: &str) -> (Dialect, String) {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        return (Dialect::Postgres, target.to_string());
    }
    let path = target
        .strip_prefix("sqlite://")
        .or_else(|| target.strip_prefix("sqlite:"))
        .unwrap_or(target);
    (Dialect::Sqlite, sqlite_url(Path::new(path)))
}

/// A file path as sqlx's SQLite URL, `?`, `#` and `%` escaped.
pub fn sqlite_url(path: &Path) -> String {
    let mut url = String::from("sqlite://");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => url.push_str("%25"),
            '?' => url.push_str("%3F"),
            '#' => url.push_str("%23"),
            c => url.push(c),
        }
    }
    url.push_str("?mode=rwc");
    url
}

/// Opens (creating a SQLite file if needed) and migrates the database `target`.
pub async fn open(target: &str) -> Result<Db, String> {
    install_default_drivers();
    let (dialect, url) = url_of(target);
    let shown = match dialect {
        Dialect::Sqlite => target.to_string(),
        Dialect::Postgres => redact(&url),
    };
    let options = AnyPoolOptions::new();
    let pool = match dialect {
        Dialect::Sqlite => options.max_connections(8).after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;",
                )
                .await?;
                Ok(())
            })
        }),
        Dialect::Postgres => options
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(10)),
    }
    .connect(&url)
    .await
    .map_err(|e| format!("cannot open the database {shown}: {e}"))?;
    // On PostgreSQL sqlx holds an advisory lock while migrating: replicas
    // starting at once migrate once.
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|e| match e {
            sqlx::migrate::MigrateError::VersionMismatch(_) => format!(
                "the database {shown} was made by an earlier development version of certdesk-server (its schema differs): start from a new database"
            ),
            e => format!("cannot migrate the database {shown}: {e}"),
        })?;
    Ok(Db { pool, dialect, url })
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            let user = user.split(':').next().unwrap_or_default();
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

impl Db {
    /// A transaction for a change. On SQLite it holds the file's write lock
    /// from its start; on PostgreSQL the change locks its account's row
    /// next ([`Db::lock_account`]).
    pub async fn begin_write(&self) -> ApiResult<Transaction<'static, Any>> {
        Ok(match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Dialect::Postgres => self.pool.begin().await?,
        })
    }

    /// A transaction for a read of several statements: one snapshot on
    /// PostgreSQL too (its default, READ COMMITTED, takes one per statement).
    pub async fn begin_read(&self) -> ApiResult<Transaction<'static, Any>> {
        Ok(match self.dialect {
            Dialect::Sqlite => self.pool.begin().await?,
            Dialect::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        })
    }

    /// Takes `account`'s lock inside a write transaction: every writer of
    /// the account, in this process or another, waits here for the one
    /// before it to commit, and then sees what it wrote. With `skip_if_held`
    /// (the scheduler's sweep) an account another writer holds is skipped:
    /// `false`. Also `false` when the account does not exist.
    pub async fn lock_account(
        &self,
        tx: &mut Transaction<'static, Any>,
        account: &str,
        skip_if_held: bool,
    ) -> ApiResult<bool> {
        let sql = match (self.dialect, skip_if_held) {
            // BEGIN IMMEDIATE already holds the whole file.
            (Dialect::Sqlite, _) => "SELECT id FROM accounts WHERE id = $1",
            (Dialect::Postgres, false) => "SELECT id FROM accounts WHERE id = $1 FOR UPDATE",
            (Dialect::Postgres, true) => {
                "SELECT id FROM accounts WHERE id = $1 FOR UPDATE SKIP LOCKED"
            }
        };
        let row: Option<String> = sqlx::query_scalar(sql)
            .bind(account)
            .fetch_optional(&mut **tx)
            .await?;
        Ok(row.is_some())
    }
}
