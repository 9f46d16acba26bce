//! `certdesk-server serve …` and `certdesk-server account add …`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use certdesk_api::Role;
use certdesk_engine::Inventory;
use certdesk_engine::demo::demo_inventory;
use certdesk_server::accounts::{self, DEMO_ACCOUNT};
use certdesk_server::{Clock, SystemClock, TestClock, WebConfig, scheduler, web};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "certdesk-server",
    version,
    about = "Certdesk's reference REST server (/v1)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (and the built app with --dist).
    Serve(Serve),
    /// Manage accounts.
    Account {
        #[command(subcommand)]
        command: AccountCommand,
    },
}

#[derive(clap::Args)]
struct Serve {
    /// The database: a SQLite file (PATH or sqlite:PATH, created if absent)
    /// or PostgreSQL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE).
    /// Several servers may share one PostgreSQL database.
    #[arg(long, default_value = "certdesk.db")]
    db: String,
    #[arg(long, default_value = "127.0.0.1:8081")]
    listen: SocketAddr,
    /// The built app (trunk's dist/) to serve on the same origin.
    #[arg(long)]
    dist: Option<PathBuf>,
    /// An origin allowed to call the API from a browser (repeatable).
    #[arg(long = "cors-origin")]
    cors_origins: Vec<String>,
    /// Start a settable clock at this time (RFC 3339) and enable PUT /v1/test/clock.
    #[arg(long)]
    test_clock: Option<DateTime<Utc>>,
    /// Seconds between two moves of every account to now.
    #[arg(long, default_value_t = 5)]
    tick_seconds: u64,
    /// Make (if absent) the demo account with the demo inventory and print a token for it.
    #[arg(long)]
    demo: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Viewer,
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Add a token to the account NAME (made if absent) and print it.
    Add {
        name: String,
        /// The database, as `serve --db` takes it.
        #[arg(long, default_value = "certdesk.db")]
        db: String,
        #[arg(long, value_enum, default_value = "admin")]
        role: RoleArg,
        /// Use this token (at least 16 characters) instead of a random one.
        #[arg(long)]
        token: Option<String>,
        /// Fill a new account with the demo inventory (as of the server's today).
        #[arg(long)]
        demo_inventory: bool,
        /// The day the demo inventory is made for (YYYY-MM-DD; default: today).
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Revoke TOKEN (a leaked or unused one): it stops working at once.
    Revoke {
        token: String,
        /// The database, as `serve --db` takes it.
        #[arg(long, default_value = "certdesk.db")]
        db: String,
    },
}

#[tokio::main]
async fn main() {
    let result = match Cli::parse().command {
        Command::Serve(args) => serve(args).await,
        Command::Account {
            command:
                AccountCommand::Add {
                    name,
                    db,
                    role,
                    token,
                    demo_inventory: demo,
                    as_of,
                },
        } => add_account(db, name, role, token, demo, as_of).await,
        Command::Account {
            command: AccountCommand::Revoke { token, db },
        } => revoke_token(db, token).await,
    };
    if let Err(e) = result {
        eprintln!("certdesk-server: {e}");
        std::process::exit(1);
    }
}

async fn add_account(
    db: String,
    name: String,
    role: RoleArg,
    token: Option<String>,
    demo: bool,
    as_of: Option<chrono::NaiveDate>,
) -> Result<(), String> {
    let state = certdesk_server::open(&db, Arc::new(SystemClock), false).await?;
    let today = as_of.unwrap_or_else(|| SystemClock.today());
    let role = match role {
        RoleArg::Admin => Role::Admin,
        RoleArg::Viewer => Role::Viewer,
    };
    let (account, token) = accounts::add(&state.db, None, &name, role, token.as_deref(), || {
        if demo {
            demo_inventory(today)
        } else {
            Inventory {
                prices: certdesk_engine::demo::default_prices(),
                ..Inventory::default()
            }
        }
    })
    .await?;
    eprintln!("Account {account} ({name}): a new token; it is shown only now.");
    println!("{token}");
    Ok(())
}

async fn revoke_token(db: String, token: String) -> Result<(), String> {
    let state = certdesk_server::open(&db, Arc::new(SystemClock), false).await?;
    let (account, name, role) = accounts::revoke(&state.db, &token).await?;
    eprintln!("Revoked a {role} token of account {account} ({name}).");
    Ok(())
}

async fn serve(args: Serve) -> Result<(), String> {
    let clock: Arc<dyn Clock> = match args.test_clock {
        Some(now) => Arc::new(TestClock::new(now)),
        None => Arc::new(SystemClock),
    };
    let state = certdesk_server::open(&args.db, clock.clone(), args.test_clock.is_some()).await?;
    if args.demo {
        let today = clock.today();
        sqlx::query("DELETE FROM tokens WHERE account_id = $1 AND label = 'Demo'")
            .bind(DEMO_ACCOUNT)
            .execute(&state.db.pool)
            .await
            .map_err(|e| format!("database: {e}"))?;
        let (_, token) = accounts::add(
            &state.db,
            Some(DEMO_ACCOUNT),
            "Demo",
            Role::Admin,
            None,
            || demo_inventory(today),
        )
        .await?;
        println!("Demo token: {token}");
        println!("http://{}/?api=/v1&token={token}", args.listen);
    }
    let config = WebConfig {
        dist: args.dist,
        cors_origins: args.cors_origins,
    };
    let app = web::router(state.clone(), &config)?;
    tokio::spawn(scheduler::run(
        state,
        Duration::from_secs(args.tick_seconds.max(1)),
    ));
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    eprintln!("certdesk-server listening on http://{}", args.listen);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| format!("server: {e}"))
}
