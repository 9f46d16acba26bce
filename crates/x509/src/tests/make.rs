//! The fixture set: every certificate, chain, CSR and bundle the tests use.

use std::path::Path;

use super::fixtures::{Chain, Fixtures, openssl, read, write};
use super::openssl_ca::{
    CA_CONFIG, CA_DATES, INTER_EXT, VALID, chain, issue, key, leaf_ext, self_signed,
};

pub(super) fn make() -> Fixtures {
    let temp = std::env::temp_dir();
    remove_stale_dirs(&temp);
    let dir = temp.join(format!("certdesk-x509-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("newcerts")).expect("temp dir");
    write(&dir, "index.txt", "");
    write(&dir, "serial", "1000\n");
    write(&dir, "ca.cnf", CA_CONFIG);
    let d = dir.as_path();

    let rsa = chain(
        d,
        "rsa",
        ["rsa2048"; 3],
        "sha256",
        "DNS:example.com, DNS:www.example.com",
        "www.example.com",
    );
    let ec = chain(
        d,
        "ec",
        ["p384", "p384", "p256"],
        "sha384",
        "DNS:*.example.org, DNS:example.org",
        "*.example.org",
    );
    let leaf = |name: &str, subject: &str, sans: &str, dates| {
        issue(
            d,
            name,
            "rsa2048",
            subject,
            Some("rsa-inter"),
            &leaf_ext(sans),
            dates,
            "sha256",
        )
    };
    let multi_leaf = leaf(
        "multi",
        "/CN=a.example.com",
        "DNS:a.example.com, DNS:b.example.net, IP:192.0.2.10, IP:2001:db8::10",
        VALID,
    );
    let expired_leaf = leaf(
        "expired",
        "/CN=old.example.com",
        "DNS:old.example.com",
        ("20240101000000Z", "20250101000000Z"),
    );
    let future_leaf = leaf(
        "future",
        "/CN=next.example.com",
        "DNS:next.example.com",
        ("20270601000000Z", "20280601000000Z"),
    );
    let cn_only_leaf = leaf("cnonly", "/CN=legacy.example.com", "", VALID);
    let html_leaf = leaf(
        "html",
        "/O=<b>bold<\\/b>/CN=<img src\\=x onerror\\=alert(1)>",
        "DNS:xss.example.com",
        VALID,
    );
    let issued_by_leaf = issue(
        d,
        "byleaf",
        "p256",
        "/CN=sub.example.com",
        Some("rsa-leaf"),
        &leaf_ext("DNS:sub.example.com"),
        VALID,
        "sha256",
    );
    let rekeyed_intermediate = issue(
        d,
        "rekeyed-inter",
        "rsa2048",
        "/C=US/O=Certdesk Test/CN=Certdesk Test CA rsa",
        Some("rsa-root"),
        INTER_EXT,
        CA_DATES,
        "sha256",
    );

    // Ed25519 takes no digest: openssl ignores the one given.
    let ed25519 = self_signed(d, "ed25519", "ed25519", "sha256", &[]);
    let rsa_pss = self_signed(d, "pss", "rsa2048", "sha256", &["rsa_padding_mode:pss"]);
    let rsa1024 = self_signed(d, "rsa1024", "rsa1024", "sha256", &[]);
    let p521 = self_signed(d, "p521", "p521", "sha512", &[]);
    let sm2 = self_signed(d, "sm2", "sm2", "sm3", &["distid:1234567812345678"]);

    let mut csrs = Vec::new();
    for alg in ["rsa2048", "rsa3072", "rsa4096", "p256", "p384"] {
        let key_file = format!("csr-{alg}.key");
        key(d, &key_file, alg);
        let out = format!("csr-{alg}.csr");
        openssl(
            d,
            &[
                "req",
                "-new",
                "-key",
                &key_file,
                "-subj",
                "/C=CN/O=Example Ltd/CN=shop.example.com",
                "-addext",
                "subjectAltName=DNS:shop.example.com,DNS:www.shop.example.com,IP:192.0.2.7",
                "-out",
                &out,
            ],
        );
        csrs.push((alg, read(d, &out)));
    }
    openssl(
        d,
        &[
            "req",
            "-new",
            "-key",
            "csr-p256.key",
            "-subj",
            "/CN=bare.example.com",
            "-out",
            "bare.csr",
        ],
    );
    let bare_csr = read(d, "bare.csr");

    let chain_pem = format!("{}{}{}", rsa.leaf, rsa.intermediate, rsa.root);
    write(d, "rsa-chain.pem", &chain_pem);
    let p7b_pem = String::from_utf8(openssl(
        d,
        &["crl2pkcs7", "-nocrl", "-certfile", "rsa-chain.pem"],
    ))
    .expect("utf8");
    let p7b_der = openssl(
        d,
        &[
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            "rsa-chain.pem",
            "-outform",
            "DER",
        ],
    );
    write(d, "message.txt", "hello");
    let cms_ber = openssl(
        d,
        &[
            "cms",
            "-sign",
            "-in",
            "message.txt",
            "-signer",
            "ec-leaf.pem",
            "-inkey",
            "ec-leaf.key",
            "-certfile",
            "ec-inter.pem",
            "-outform",
            "DER",
            "-stream",
            "-nodetach",
        ],
    );
    let s_client = s_client_output(&rsa);

    Fixtures {
        dir,
        rsa,
        ec,
        multi_leaf,
        expired_leaf,
        future_leaf,
        cn_only_leaf,
        html_leaf,
        issued_by_leaf,
        rekeyed_intermediate,
        ed25519,
        rsa_pss,
        rsa1024,
        p521,
        sm2,
        csrs,
        bare_csr,
        p7b_pem,
        p7b_der,
        cms_ber,
        s_client,
    }
}

/// Removes the fixture directories of test processes that are gone.
fn remove_stale_dirs(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("certdesk-x509-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The shape of `openssl s_client -connect example.com:443 -showcerts` output.
fn s_client_output(chain: &Chain) -> String {
    format!(
        "CONNECTED(00000003)
depth=2 C = US, O = Certdesk Test, CN = Certdesk Test Root rsa
verify error:num=19:self-signed certificate in certificate chain
verify return:1
depth=0 CN = www.example.com
verify return:1
---
Certificate chain
 0 s:CN = www.example.com
   i:C = US, O = Certdesk Test, CN = Certdesk Test CA rsa
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Jun  1 00:00:00 2026 GMT; NotAfter: Jun  1 00:00:00 2027 GMT
{} 1 s:C = US, O = Certdesk Test, CN = Certdesk Test CA rsa
   i:C = US, O = Certdesk Test, CN = Certdesk Test Root rsa
{}---
Server certificate
subject=CN = www.example.com
issuer=C = US, O = Certdesk Test, CN = Certdesk Test CA rsa
---
No client certificate CA names sent
Peer signing digest: SHA256
Peer signature type: RSA-PSS
Server Temp Key: X25519, 253 bits
---
SSL handshake has read 2468 bytes and written 393 bytes
Verification error: self-signed certificate in certificate chain
---
New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384
DONE
",
        chain.leaf, chain.intermediate
    )
}
