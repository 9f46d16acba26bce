//! The binary: `account add` prints a token that works, `serve --demo`
//! prints the demo token and the app's URL, and serves.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_certdesk-server");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A blocking HTTP/1.1 GET: (status line, body).
fn get(port: u16, path: &str, token: &str) -> (String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    let status = text.lines().next().unwrap_or_default().to_string();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn account_add_and_serve_demo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    let db = db.to_str().unwrap();
    let out = Command::new(BIN)
        .args([
            "account",
            "add",
            "acme",
            "--db",
            db,
            "--token",
            "fixed-token-0123456789",
            "--demo-inventory",
            "--as-of",
            "2026-11-28",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "fixed-token-0123456789"
    );
    let viewer = Command::new(BIN)
        .args(["account", "add", "acme", "--db", db, "--role", "viewer"])
        .output()
        .unwrap();
    let viewer_token = String::from_utf8_lossy(&viewer.stdout).trim().to_string();
    assert_eq!(viewer_token.len(), 64, "32 random bytes in hex");

    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--db",
            db,
            "--listen",
            &listen,
            "--demo",
            "--test-clock",
            "2026-11-28T09:00:00Z",
            "--tick-seconds",
            "1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let demo_token = first
        .strip_prefix("Demo token: ")
        .expect("the demo token")
        .to_string();
    let url = lines.next().unwrap().unwrap();
    assert_eq!(url, format!("http://{listen}/?api=/v1&token={demo_token}"));
    let mut answered = false;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            answered = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(answered, "the server listens");
    let (status, body) = get(port, "/v1/account", &demo_token);
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("\"name\":\"Demo\""), "{body}");
    let (status, body) = get(port, "/v1/account", &viewer_token);
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("\"role\":\"viewer\""));
    let (status, _) = get(port, "/v1/account", "fixed-token-0123456789");
    assert!(status.contains("200"));

    // `account revoke`: the viewer's token stops working while the server runs.
    let revoke = |token: &str| {
        Command::new(BIN)
            .args(["account", "revoke", token, "--db", db])
            .output()
            .unwrap()
    };
    let revoked = revoke(&viewer_token);
    assert!(
        revoked.status.success(),
        "{}",
        String::from_utf8_lossy(&revoked.stderr)
    );
    assert!(String::from_utf8_lossy(&revoked.stderr).contains("Revoked a viewer token of account"));
    let (status, _) = get(port, "/v1/account", &viewer_token);
    assert!(status.contains("401"), "{status}");
    let (status, _) = get(port, "/v1/account", "fixed-token-0123456789");
    assert!(
        status.contains("200"),
        "the other tokens still work: {status}"
    );
    // Again, or a token nobody has: an error that says nothing changed.
    let again = revoke(&viewer_token);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing was changed"));
    let _ = child.kill();
    let _ = child.wait();
}
