//! PEM: finding `-----BEGIN ...-----` blocks in any text, and writing them.
//!
//! The scanner is deliberately forgiving about what surrounds the blocks
//! (`openssl s_client` output, e-mails, indented text) and precise about
//! what is wrong inside one, with the line number a user can look at.

use data_encoding::BASE64;

/// One block found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// The label between `BEGIN ` and the dashes, e.g. "CERTIFICATE".
    pub label: String,
    /// 1-based line of the BEGIN line.
    pub line: usize,
    pub body: Result<Vec<u8>, BlockError>,
}

/// What is wrong inside one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BlockError {
    /// No matching END line before the text ends or another BEGIN starts.
    NoEnd,
    /// A character that is not base64, at this 1-based line.
    BadCharacter { line: usize, character: char },
    /// The base64 stops in the middle of a group (lines lost or cut).
    Truncated,
    /// BEGIN and END lines, nothing between.
    Empty,
}

/// Every PEM block in `text`, in order.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let Some(label) = begin_label(line) else {
            continue;
        };
        let mut body: Vec<(usize, &str)> = Vec::new();
        let mut ended = false;
        while let Some((i, l)) = lines.peek().copied() {
            if begin_label(l).is_some() {
                break;
            }
            lines.next();
            if end_label(l).is_some() {
                ended = true;
                break;
            }
            body.push((i + 1, l));
        }
        let body = if ended {
            decode(&body)
        } else {
            Err(BlockError::NoEnd)
        };
        out.push(Block {
            label: label.to_string(),
            line: index + 1,
            body,
        });
    }
    out
}

fn begin_label(line: &str) -> Option<&str> {
    marker(line, "-----BEGIN ")
}

fn end_label(line: &str) -> Option<&str> {
    marker(line, "-----END ")
}

/// The label of a `-----BEGIN X-----` line, anywhere in the line (some tools
/// prefix lines, e.g. quoted e-mail "> ").
fn marker<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let start = line.find(prefix)? + prefix.len();
    let rest = &line[start..];
    let end = rest.find("-----")?;
    let label = rest[..end].trim();
    (!label.is_empty() && label.len() <= 64).then_some(label)
}

/// Base64 of a block body, skipping RFC 1421 headers ("Proc-Type: ...").
fn decode(lines: &[(usize, &str)]) -> Result<Vec<u8>, BlockError> {
    let has_headers = lines.first().is_some_and(|(_, l)| l.contains(':'));
    let mut base64 = String::new();
    let mut line_of = Vec::new();
    let mut in_headers = has_headers;
    for (number, line) in lines {
        if in_headers {
            if line.trim().is_empty() {
                in_headers = false;
            }
            continue;
        }
        // A quoted e-mail prefixes lines with '>', which base64 never contains.
        let line = line.trim_start().trim_start_matches('>');
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')) {
                return Err(BlockError::BadCharacter {
                    line: *number,
                    character: c,
                });
            }
            base64.push(c);
            line_of.push(*number);
        }
    }
    if base64.is_empty() {
        return Err(BlockError::Empty);
    }
    if !base64.len().is_multiple_of(4) {
        return Err(BlockError::Truncated);
    }
    BASE64.decode(base64.as_bytes()).map_err(|e| {
        let line = line_of.get(e.position).copied().unwrap_or(0);
        let character = base64
            .get(e.position..)
            .and_then(|s| s.chars().next())
            .unwrap_or('?');
        match e.kind {
            data_encoding::DecodeKind::Length => BlockError::Truncated,
            _ => BlockError::BadCharacter { line, character },
        }
    })
}

/// The text of a PEM block: BEGIN line, base64 in 64-column lines, END line.
pub fn encode(label: &str, der: &[u8]) -> String {
    let base64 = BASE64.encode(der);
    let mut out = String::with_capacity(base64.len() + base64.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    for chunk in base64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

/// Decodes base64 text that has no BEGIN/END lines (a pasted block body).
pub(crate) fn bare_base64(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 16 {
        return None;
    }
    BASE64.decode(compact.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_among_other_text_with_lines() {
        let text = "CONNECTED(00000003)\n depth=0 CN = x\n-----BEGIN CERTIFICATE-----\nAAEC\nAw==\n-----END CERTIFICATE-----\ntrailing\n";
        let found = blocks(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "CERTIFICATE");
        assert_eq!(found[0].line, 3);
        assert_eq!(found[0].body, Ok(vec![0, 1, 2, 3]));
    }

    #[test]
    fn reports_damage_with_its_line() {
        let text = "-----BEGIN CERTIFICATE-----\nAAEC\nA!==\n-----END CERTIFICATE-----\n";
        assert_eq!(
            blocks(text)[0].body,
            Err(BlockError::BadCharacter {
                line: 3,
                character: '!'
            })
        );
        let cut = "-----BEGIN CERTIFICATE-----\nAAECA\n-----END CERTIFICATE-----\n";
        assert_eq!(blocks(cut)[0].body, Err(BlockError::Truncated));
        let no_end = "-----BEGIN CERTIFICATE-----\nAAEC\n-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----";
        let found = blocks(no_end);
        assert_eq!(found[0].body, Err(BlockError::NoEnd));
        assert_eq!(found[1].body, Ok(vec![0, 1, 2]));
        assert_eq!(found[1].line, 3);
        let empty = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----";
        assert_eq!(blocks(empty)[0].body, Err(BlockError::Empty));
    }

    #[test]
    fn skips_legacy_headers_and_windows_line_ends() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES\r\n\r\nAAEC\r\n-----END RSA PRIVATE KEY-----\r\n";
        let found = blocks(text);
        assert_eq!(found[0].label, "RSA PRIVATE KEY");
        assert_eq!(found[0].body, Ok(vec![0, 1, 2]));
    }

    #[test]
    fn encodes_in_64_columns() {
        let text = encode("CERTIFICATE", &[7u8; 100]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "-----BEGIN CERTIFICATE-----");
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines.last().copied(), Some("-----END CERTIFICATE-----"));
        assert_eq!(blocks(&text)[0].body, Ok(vec![7u8; 100]));
    }
}
