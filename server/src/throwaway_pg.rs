//! A throwaway PostgreSQL cluster on a free loopback port, for the tests
//! and `certdesk-soak` (not used by the server itself): `server/scripts/
//! pg-throwaway` makes it in a temp dir (as the `postgres` user when run as
//! root) and removes it when this is dropped, also when a test panics. A
//! reaper process removes it when this process ends without dropping it
//! (a cluster kept in a `static`, a SIGKILL): it waits for the end of a
//! pipe only this process holds.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// `server/scripts/pg-throwaway`.
pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join("pg-throwaway")
}

/// A free TCP port on 127.0.0.1 (free when asked: taken by whoever binds first).
pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

pub struct ThrowawayPg {
    dir: PathBuf,
    /// The cluster's `postgres` database, as the superuser `postgres`.
    pub url: String,
    pub port: u16,
    reaper: Option<Child>,
}

impl ThrowawayPg {
    /// Starts a cluster; `options` are server options (`-c fsync=off`).
    pub fn start(options: &str) -> Result<Self, String> {
        let port = free_port()?;
        let mut nonce = [0u8; 6];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut nonce);
        let dir = std::env::temp_dir().join(format!(
            "certdesk-pg-{}-{}",
            std::process::id(),
            data_encoding::HEXLOWER.encode(&nonce)
        ));
        let script = script();
        // Its stdin is a pipe only we write to: at our end, it stops the cluster.
        let reaper = Command::new("setsid")
            .arg("sh")
            .arg("-c")
            .arg(r#"cat >/dev/null; exec "$0" stop "$1""#)
            .arg(&script)
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the cluster's reaper (setsid sh): {e}"))?;
        let mut cluster = ThrowawayPg {
            dir,
            url: String::new(),
            port,
            reaper: Some(reaper),
        };
        let out = Command::new(&script)
            .arg("start")
            .arg(&cluster.dir)
            .arg(port.to_string())
            .env("PG_OPTIONS", options)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
        if !out.status.success() {
            return Err(format!(
                "the throwaway PostgreSQL did not start: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        cluster.url = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok(cluster)
    }

    /// The URL of database `name` in this cluster.
    pub fn url_of(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Makes a new empty database; its URL.
    pub async fn create_database(&self, name: &str) -> Result<String, String> {
        use sqlx::Connection;
        let mut conn = sqlx::postgres::PgConnection::connect(&self.url)
            .await
            .map_err(|e| format!("cannot connect to the throwaway PostgreSQL: {e}"))?;
        sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE \"{name}\"").as_str())
            .await
            .map_err(|e| format!("cannot make database {name}: {e}"))?;
        let _ = conn.close().await;
        Ok(self.url_of(name))
    }

    /// Restarts the server (pg_ctl restart -m fast): every connection is cut.
    pub fn restart(&self) -> Result<(), String> {
        let out = Command::new(script())
            .arg("restart")
            .arg(&self.dir)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "pg_ctl restart failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    /// The server's log (for a failure's message).
    pub fn log(&self) -> String {
        let mut text = String::new();
        if let Ok(mut f) = std::fs::File::open(self.dir.join("server.log")) {
            let _ = f.read_to_string(&mut text);
        }
        text
    }
}

impl Drop for ThrowawayPg {
    fn drop(&mut self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(&self.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if let Some(mut reaper) = self.reaper.take() {
            drop(reaper.stdin.take());
            let _ = reaper.wait();
        }
    }
}
