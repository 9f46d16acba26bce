//! certdesk-soak: load and faults against real `certdesk-server` processes
//! on loopback (`make soak`). Not a test: it prints figures, then checks
//! invariants after every run and exits non-zero when one fails.
//!
//! For each database (SQLite: one server; PostgreSQL: two replicas over a
//! throwaway cluster) it runs N clients (default 50) for S seconds
//! (default 20) mixing list, order, submit, cancel, upload and the change
//! feed, once without a fault, then once per fault: the server killed
//! (SIGKILL) mid-run and restarted; one of two replicas killed, clients
//! failing over (PostgreSQL); the database restarted (PostgreSQL); clients
//! giving up on every POST after a short timeout and retrying it with the
//! same Idempotency-Key. Every POST is retried with its key until it is
//! answered; after the run, those still unanswered are settled the same
//! way, so every outcome is known. Then: every acknowledged order is in the
//! account exactly once and no other order is; no quota is negative; the
//! quota left = the quota at the start - what the orders took + what the
//! cancels gave back.
//!
//! `certdesk-soak --server target/release/certdesk-server [--db sqlite|postgres|both]
//!  [--clients 50] [--seconds 20]`

mod soak;

use std::path::PathBuf;

use soak::run::{Fault, Kind, Opts, run_one};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let number = |name: &str, default: u64| {
        arg(&args, name)
            .map(|v| v.parse().unwrap_or_else(|_| panic!("{name}: a number")))
            .unwrap_or(default)
    };
    let opts = Opts {
        server: PathBuf::from(
            arg(&args, "--server").unwrap_or_else(|| "target/release/certdesk-server".into()),
        ),
        clients: number("--clients", 50) as usize,
        seconds: number("--seconds", 20),
    };
    let kinds = match arg(&args, "--db").as_deref().unwrap_or("both") {
        "sqlite" => vec![Kind::Sqlite],
        "postgres" => vec![Kind::Postgres],
        _ => vec![Kind::Sqlite, Kind::Postgres],
    };
    println!(
        "certdesk-soak: {} clients, {} s per run, {} CPU cores, server {}",
        opts.clients,
        opts.seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        opts.server.display()
    );
    let mut failed = 0;
    for kind in kinds {
        let faults: &[Fault] = match kind {
            Kind::Sqlite => &[Fault::None, Fault::KillRestart, Fault::ClientTimeouts],
            Kind::Postgres => &[
                Fault::None,
                Fault::KillRestart,
                Fault::KillOneReplica,
                Fault::DatabaseRestart,
                Fault::ClientTimeouts,
            ],
        };
        for fault in faults {
            match run_one(&opts, kind, *fault).await {
                Ok(true) => {}
                Ok(false) => failed += 1,
                Err(e) => {
                    println!("  run failed to start: {e}");
                    failed += 1;
                }
            }
        }
    }
    if failed > 0 {
        println!("certdesk-soak: {failed} run(s) broke an invariant");
        std::process::exit(1);
    }
    println!("certdesk-soak: every invariant held");
}
