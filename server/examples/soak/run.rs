//! One soak run: a fresh database and servers, the clients, the fault, the
//! settling of unanswered POSTs, the figures and the invariants.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use certdesk_api::Role;
use certdesk_server::throwaway_pg::{ThrowawayPg, free_port};
use reqwest::Client;
use serde_json::Value;

use super::client::{Op, Shared, TOKEN, Tally, Worker};

pub struct Opts {
    pub server: PathBuf,
    pub clients: usize,
    pub seconds: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    KillRestart,
    KillOneReplica,
    DatabaseRestart,
    ClientTimeouts,
}

impl Fault {
    fn label(self) -> &'static str {
        match self {
            Fault::None => "no fault",
            Fault::KillRestart => "every server SIGKILLed mid-run, restarted 1 s later",
            Fault::KillOneReplica => "one of two replicas SIGKILLed mid-run, clients fail over",
            Fault::DatabaseRestart => "the database restarted mid-run (pg_ctl restart)",
            Fault::ClientTimeouts => {
                "clients give up on every POST after 100 ms and retry it with the same key"
            }
        }
    }
}

const NOW: &str = "2026-11-28T09:00:00Z";

/// A `certdesk-server serve` process on a fixed port, killed when dropped.
struct ServerProcess {
    bin: PathBuf,
    db: String,
    port: u16,
    child: Option<Child>,
}

impl ServerProcess {
    async fn start(bin: &std::path::Path, db: &str) -> Result<Self, String> {
        let mut s = ServerProcess {
            bin: bin.to_path_buf(),
            db: db.to_string(),
            port: free_port()?,
            child: None,
        };
        s.spawn().await?;
        Ok(s)
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn spawn(&mut self) -> Result<(), String> {
        let child = Command::new(&self.bin)
            .args([
                "serve",
                "--db",
                &self.db,
                "--test-clock",
                NOW,
                "--tick-seconds",
                "1",
            ])
            .args(["--listen", &format!("127.0.0.1:{}", self.port)])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(if std::env::var_os("SOAK_DEBUG").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", self.bin.display()))?;
        self.child = Some(child);
        for _ in 0..300 {
            if let Ok(r) = reqwest::get(format!("{}/healthz", self.url())).await
                && r.status().is_success()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("the server on {} did not answer", self.url()))
    }

    /// SIGKILL, as a crash.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The demo inventory with room for every order a run can place.
fn inventory() -> certdesk_engine::Inventory {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    let mut inventory = certdesk_engine::demo::demo_inventory(today);
    for (_, units) in &mut inventory.quotas.units {
        *units = 1_000_000;
    }
    inventory.quotas.managed_service = 1_000_000;
    inventory
}

fn dv_units(quotas: &Value) -> i64 {
    quotas["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| {
            u[0]["brand"] == "AlibabaCloud"
                && u[0]["validation"] == "Dv"
                && u[0]["domain_type"] == "Single"
        })
        .and_then(|u| u[1].as_i64())
        .unwrap_or(-1)
}

/// The certificate every upload sends: issued by the server's own sandbox CA
/// for fixed dates around the soak's clock (`NOW`), never dated by the
/// machine's clock, with its chain.
async fn upload_pem(ca: &certdesk_server::ca::SandboxCa) -> Result<String, String> {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or("not a date".to_string());
    let mut record = inventory()
        .certificates
        .into_iter()
        .next()
        .ok_or("the demo inventory is empty")?;
    record.name = "upload.soak.example.org".into();
    record.domains = vec!["upload.soak.example.org".into()];
    record.key_algorithm = certdesk_rules::KeyAlgorithm::EcdsaP256;
    ca.issue(&record, day(2026, 11, 20)?, day(2027, 5, 20)?, None)
        .await
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

/// Runs one soak; `Ok(false)` when an invariant broke.
pub async fn run_one(opts: &Opts, kind: Kind, fault: Fault) -> Result<bool, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let cluster = match kind {
        Kind::Sqlite => None,
        Kind::Postgres => Some(ThrowawayPg::start("")?),
    };
    let db = match &cluster {
        None => dir.path().join("soak.db").to_string_lossy().into_owned(),
        Some(c) => c.create_database("soak").await?,
    };
    let pem = {
        let setup = certdesk_server::db::open(&db).await?;
        certdesk_server::accounts::add(&setup, None, "soak", Role::Admin, Some(TOKEN), inventory)
            .await?;
        // The servers load this same CA from the database.
        let ca = certdesk_server::ca::SandboxCa::load_or_create(&setup.pool).await?;
        let pem = upload_pem(&ca).await?;
        setup.pool.close().await;
        pem
    };
    let replicas = match kind {
        Kind::Sqlite => 1,
        Kind::Postgres => 2,
    };
    let mut servers = Vec::new();
    for _ in 0..replicas {
        servers.push(ServerProcess::start(&opts.server, &db).await?);
    }
    let urls: Vec<String> = servers.iter().map(ServerProcess::url).collect();
    let client = Client::builder()
        .pool_max_idle_per_host(4)
        .build()
        .map_err(|e| e.to_string())?;
    let mut probe = Worker {
        client: client.clone(),
        shared: Arc::new(Shared {
            urls: urls.clone(),
            deadline: Instant::now(),
            attempt_timeout: Duration::from_secs(10),
            pem: String::new(),
        }),
        replica: Arc::new(AtomicUsize::new(0)),
        tally: Tally::default(),
    };
    // What an order takes and a cancel of its new certificate gives back.
    let account = |w: &Worker| {
        let (client, url) = (w.client.clone(), w.shared.urls[0].clone());
        async move {
            let reply = client
                .get(format!("{url}/v1/account"))
                .bearer_auth(TOKEN)
                .send()
                .await;
            match reply {
                Ok(r) => r.json::<Value>().await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            }
        }
    };
    let before = dv_units(&account(&probe).await?["quotas"]);
    let placed = probe
        .post(
            Op::Order,
            "/v1/orders",
            Some(super::client::dv_purchase("calibrate.soak.example.com")),
            None,
            None,
        )
        .await
        .map_err(|_| "calibration order unanswered".to_string())?;
    let taken = before - dv_units(&placed.body["quotas"]);
    let entry = &placed.body["certificates"][0];
    let id = entry["certificate"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let etag = certdesk_api::etag(entry["version"].as_i64().unwrap_or(1));
    probe
        .post(
            Op::Cancel,
            &format!("/v1/certificates/{id}/cancel"),
            None,
            Some(etag),
            None,
        )
        .await
        .map_err(|_| "calibration cancel unanswered".to_string())?;
    let start_account = account(&probe).await?;
    let start_units = dv_units(&start_account["quotas"]);
    let given_back = start_units - (before - taken);
    let orders_at_start: Vec<String> = start_account["orders"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["id"].as_str().map(str::to_string))
        .collect();

    // The run.
    let seconds = Duration::from_secs(opts.seconds);
    let shared = Arc::new(Shared {
        urls,
        deadline: Instant::now() + seconds,
        attempt_timeout: match fault {
            Fault::ClientTimeouts => Duration::from_millis(100),
            _ => Duration::from_secs(10),
        },
        pem,
    });
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..opts.clients {
        let worker = Worker {
            client: client.clone(),
            shared: shared.clone(),
            replica: Arc::new(AtomicUsize::new(i % replicas)),
            tally: Tally::default(),
        };
        tasks.push(tokio::spawn(worker.run()));
    }
    tokio::time::sleep(seconds / 2).await;
    match fault {
        Fault::KillRestart => {
            servers.iter_mut().for_each(ServerProcess::kill);
            tokio::time::sleep(Duration::from_secs(1)).await;
            for s in &mut servers {
                s.spawn().await?;
            }
        }
        Fault::KillOneReplica => servers[1].kill(),
        Fault::DatabaseRestart => {
            if let Some(c) = &cluster {
                c.restart()?;
            }
        }
        Fault::None | Fault::ClientTimeouts => {}
    }
    let mut total = Tally::default();
    for task in tasks {
        let t = task.await.map_err(|e| e.to_string())?;
        for (op, mut l) in t.latencies {
            total.latencies.entry(op).or_default().append(&mut l);
        }
        total.failed_attempts += t.failed_attempts;
        total.orders.extend(t.orders);
        total.cancels += t.cancels;
        total.pending.extend(t.pending);
    }
    let elapsed = started.elapsed().as_secs_f64();

    // Settle what was not answered by the deadline: the same key again.
    let settling = total.pending.len();
    let mut settler = Worker {
        client: client.clone(),
        shared: Arc::new(Shared {
            attempt_timeout: Duration::from_secs(10),
            ..Shared::clone_of(&shared)
        }),
        replica: Arc::new(AtomicUsize::new(0)),
        tally: Tally::default(),
    };
    let settle_by = Instant::now() + Duration::from_secs(60);
    let mut unsettled = 0;
    let mut ignored = Vec::new();
    for p in std::mem::take(&mut total.pending) {
        let what = p.what;
        match settler.retry(p, Some(settle_by)).await {
            Ok(answered) => settler.count(what, &answered, &mut ignored),
            Err(_) => unsettled += 1,
        }
    }
    total.orders.append(&mut settler.tally.orders);
    total.cancels += settler.tally.cancels;

    // Figures.
    let name = match kind {
        Kind::Sqlite => "SQLite, 1 server",
        Kind::Postgres => "PostgreSQL, 2 replicas",
    };
    println!("\n== {name}: {} ==", fault.label());
    let answered: usize = total.latencies.values().map(Vec::len).sum();
    println!(
        "  {answered} answered requests in {elapsed:.1} s = {:.0} req/s; {} attempts unanswered (retried); {settling} POSTs settled after the run",
        answered as f64 / elapsed,
        total.failed_attempts
    );
    println!(
        "  {:<42} {:>7} {:>8} {:>9} {:>9}",
        "route", "count", "req/s", "p50 ms", "p99 ms"
    );
    let uploads = total.latencies.get(&Op::Upload).map_or(0, Vec::len);
    for op in [
        Op::List,
        Op::Feed,
        Op::Order,
        Op::Submit,
        Op::Cancel,
        Op::Upload,
    ] {
        let mut l = total.latencies.remove(&op).unwrap_or_default();
        l.sort_unstable();
        println!(
            "  {:<42} {:>7} {:>8.1} {:>9.1} {:>9.1}",
            op.route(),
            l.len(),
            l.len() as f64 / elapsed,
            percentile(&l, 0.50),
            percentile(&l, 0.99)
        );
    }

    // Invariants, read from a replica still up.
    let check = Worker {
        client,
        shared: Arc::new(Shared::clone_of(&shared)),
        replica: Arc::new(AtomicUsize::new(0)),
        tally: Tally::default(),
    };
    let end = account(&check).await?;
    let uploaded = {
        let url = format!(
            "{}/v1/certificates?tab=uploaded&q=upload.soak.example.org",
            check.shared.urls[0]
        );
        let reply = check.client.get(url).bearer_auth(TOKEN).send().await;
        match reply {
            Ok(r) => r.json::<Value>().await.map_err(|e| e.to_string())?,
            Err(e) => return Err(e.to_string()),
        }
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for o in end["orders"].as_array().into_iter().flatten() {
        if let Some(id) = o["id"].as_str() {
            *seen.entry(id.to_string()).or_default() += 1;
        }
    }
    let mut ok = true;
    let mut verdict = |holds: bool, text: String| {
        ok &= holds;
        println!("  [{}] {text}", if holds { "ok" } else { "FAILED" });
    };
    verdict(
        unsettled == 0,
        format!("every POST answered in the end ({unsettled} never were)"),
    );
    let missing = total
        .orders
        .iter()
        .filter(|id| seen.get(*id) != Some(&1))
        .count();
    verdict(
        missing == 0,
        format!(
            "{} acknowledged orders each in the account exactly once ({missing} missing or doubled)",
            total.orders.len()
        ),
    );
    let extra = seen.len() - orders_at_start.len();
    verdict(
        extra == total.orders.len(),
        format!("no order beyond those acknowledged ({extra} new orders in the account)"),
    );
    let listed = uploaded["items"].as_array().map_or(0, Vec::len);
    verdict(
        uploads == 0 || listed == 1,
        format!("the certificate uploaded {uploads} times is listed once ({listed} listed)"),
    );
    let negative = end["quotas"]["units"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|u| u[1].as_i64().is_none_or(|n| n < 0))
        || end["quotas"]["managed_service"]
            .as_i64()
            .is_none_or(|n| n < 0);
    verdict(!negative, "no quota negative".to_string());
    let end_units = dv_units(&end["quotas"]);
    let expected =
        start_units - taken * total.orders.len() as i64 + given_back * total.cancels as i64;
    verdict(
        end_units == expected,
        format!(
            "DV quota {end_units} = start {start_units} - {taken} x {} orders + {given_back} x {} cancels ({expected})",
            total.orders.len(),
            total.cancels
        ),
    );
    drop(servers);
    drop(cluster);
    Ok(ok)
}

impl Shared {
    fn clone_of(s: &Shared) -> Shared {
        Shared {
            urls: s.urls.clone(),
            deadline: s.deadline,
            attempt_timeout: s.attempt_timeout,
            pem: s.pem.clone(),
        }
    }
}
