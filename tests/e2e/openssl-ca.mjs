// Certificates made with `openssl ca` for fixed dates. `openssl req -x509 -days N`
// and `openssl x509 -req -days N` date a certificate from the machine's clock, so
// a test written against them passes only near the day it was written;
// `ca -startdate/-enddate` gives the same validity on any day. Tests date their
// files around TODAY (browser.mjs), the As of date their pages open on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The same CA setup as the native tests (crates/x509/src/tests/openssl_ca.rs):
// subjects kept in the order given, several certificates may share a subject.
const CONFIG = `[ ca ]
default_ca = CA_default
[ CA_default ]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_any
preserve = yes
copy_extensions = none
unique_subject = no
email_in_dn = no
[ policy_any ]
countryName = optional
organizationName = optional
commonName = supplied
`;

/** "2026-11-20" -> "20261120000000Z" (00:00:00 UTC that day). */
const asn1Time = (day) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return `${day.replaceAll('-', '')}000000Z`;
};

/**
 * Makes `dir` an openssl CA directory and returns `issue`, which writes
 * `{name}.pem`: the key `key` (default `{name}.key`, already in `dir`) for
 * `subject`, signed by `issuer` (`{issuer}.pem` and `{issuer}.key`; none:
 * self-signed) with the extensions `ext` (openssl.cnf lines), valid from
 * `from` to `to` (YYYY-MM-DD, 00:00:00 UTC). Returns the PEM.
 */
export function opensslCa(dir) {
  mkdirSync(join(dir, 'newcerts'), { recursive: true });
  writeFileSync(join(dir, 'ca.cnf'), CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  return function issue(name, { subject, issuer = null, key = `${name}.key`, ext, from, to }) {
    openssl('req', '-new', '-key', key, '-subj', subject, '-out', `${name}.csr`);
    writeFileSync(join(dir, `${name}.ext`), `[ ext ]\n${ext}\n`);
    const signer = issuer ? ['-keyfile', `${issuer}.key`, '-cert', `${issuer}.pem`] : ['-selfsign', '-keyfile', key];
    openssl('ca', '-batch', '-notext', '-config', 'ca.cnf', '-in', `${name}.csr`, '-out', `${name}.pem`,
      '-extfile', `${name}.ext`, '-extensions', 'ext', '-startdate', asn1Time(from), '-enddate', asn1Time(to), ...signer);
    return readFileSync(join(dir, `${name}.pem`), 'utf8');
  };
}
