//! What the user saw on the site, as pasted in step 3 of the verification
//! walkthrough: a chain (PEM blocks, or the whole `openssl s_client`
//! output), or only the expiry date the browser showed.

use chrono::NaiveDate;

use super::certificate::Certificate;
use super::input::{MAX_INPUT_BYTES, read_input};

/// What the site serves, as far as the user could tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Served {
    /// The certificates the site sent, in the order pasted.
    Chain {
        certificates: Vec<Certificate>,
        /// The text is `openssl s_client` output (not a browser's export):
        /// the browser cache cannot be the cause then.
        from_s_client: bool,
        /// Parts of the text that could not be read (the rest was used).
        warnings: Vec<String>,
    },
    /// Only the expiry date (a browser's "Expires on"), in the user's time zone.
    ExpiryDate(NaiveDate),
}

const WHAT_TO_PASTE: &str = "Paste the certificates the site sends (the BEGIN CERTIFICATE blocks, or the whole output of the openssl command), or the expiry date the browser shows, such as 2027-06-01 or June 1, 2027.";

/// Longest text step 3 reads, as [`read_input`]'s cap: a chain with the
/// whole `s_client` output is a few KB, so more is not what the site sends.
pub const MAX_SERVED_BYTES: usize = MAX_INPUT_BYTES;

fn too_long(text: &str) -> Option<String> {
    (text.len() > MAX_SERVED_BYTES).then(|| {
        format!(
            "The pasted text is {} KiB; paste at most {} MiB: the certificate chain, openssl s_client output or the expiry date.",
            text.len().div_ceil(1024),
            MAX_SERVED_BYTES / (1024 * 1024)
        )
    })
}

/// Reads step 3's text. Every refusal says what was found and what to paste.
/// Text over [`MAX_SERVED_BYTES`] is refused unread.
pub fn read_served(text: &str) -> Result<Served, String> {
    if let Some(refusal) = too_long(text) {
        return Err(refusal);
    }
    if text.trim().is_empty() {
        return Err(WHAT_TO_PASTE.into());
    }
    let from_s_client = looks_like_s_client(text);
    if text.contains("-----BEGIN") {
        let read = read_input(text.as_bytes());
        let warnings: Vec<String> = read.problems.iter().map(|p| p.message.clone()).collect();
        let certificates = read.into_certificates();
        if certificates.is_empty() {
            let first = warnings.first().cloned().unwrap_or_default();
            return Err(format!("No certificate could be read: {first}"));
        }
        return Ok(Served::Chain {
            certificates,
            from_s_client,
            warnings,
        });
    }
    let failed = [
        "errno=",
        "connect:",
        "Name or service not known",
        "gethostbyname",
    ]
    .iter()
    .any(|m| text.contains(m));
    if failed {
        return Err("openssl could not connect to the site: check the host name, that it resolves to your server, and that port 443 is open, then run the command again.".into());
    }
    if from_s_client {
        return Err("This openssl output has no certificates in it: run the command exactly as shown (with -showcerts) and paste everything it prints.".into());
    }
    match parse_date(text)? {
        Some(date) => Ok(Served::ExpiryDate(date)),
        None => Err(format!(
            "Neither a certificate nor a date was found. {WHAT_TO_PASTE}"
        )),
    }
}

fn looks_like_s_client(text: &str) -> bool {
    [
        "CONNECTED(",
        "Certificate chain",
        "Server certificate",
        "SSL handshake has read",
        "s_client",
    ]
    .iter()
    .any(|m| text.contains(m))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_name(month: u32) -> &'static str {
    MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The month of an English month name or its abbreviation ("Jun", "Sept").
fn month_of(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&word) && (word.len() == 3 || word == "sept" || *m == word))
        .map(|i| i as u32 + 1)
}

/// Removes times of day ("7:59:59", "23:59"), whose numbers are not the date's.
///
/// Each digit run is measured once: only its last one or two digits can
/// start a time (a time's hour has at most two), so the rest is copied as is.
fn without_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digits = |from: usize| {
        chars
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = digits(i);
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let hour = i + run.saturating_sub(2);
        out.extend(&chars[i..hour]);
        let first = run - (hour - i);
        let mut end = hour + first;
        let is_time = chars.get(end) == Some(&':') && digits(end + 1) == 2;
        if is_time {
            end += 3;
            if chars.get(end) == Some(&':') && digits(end + 1) == 2 {
                end += 3;
            }
            out.push(' ');
        } else {
            out.extend(&chars[hour..end]);
        }
        i = end;
    }
    out
}

/// A date as browsers and tools write it: 2027-06-01, 2027/6/1, 2027年6月1日,
/// June 1, 2027, 1 June 2027, "Tuesday, June 1, 2027 at 7:59:59 AM",
/// "Jun  1 00:00:00 2027 GMT", 01.06.2027 (day first), 6/1/2027 when
/// unambiguous. `Ok(None)`: no date in the text; `Err`: a date that is
/// ambiguous or impossible, with what to write instead.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    if let Some(refusal) = too_long(text) {
        return Err(refusal);
    }
    let text = without_times(text);
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month_word = words.iter().find_map(|w| month_of(w));
    // Digit runs, each with the character that follows it.
    let mut runs: Vec<(String, Option<char>)> = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            current.push(c);
        } else if !current.is_empty() {
            runs.push((std::mem::take(&mut current), Some(c)));
        }
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let (year, month, day) = if let Some(month) = month_word {
        let year = runs
            .iter()
            .find(|(r, _)| r.len() == 4)
            .and_then(|(r, _)| number(r));
        let day = runs
            .iter()
            .find(|(r, _)| r.len() <= 2 && number(r).is_some_and(|d| (1..=31).contains(&d)))
            .and_then(|(r, _)| number(r));
        match (year, day) {
            (Some(y), Some(d)) => (y, month, d),
            _ => return Ok(None),
        }
    } else {
        let Some(i) = runs.windows(3).position(|w| {
            (w[0].0.len() == 4 && w[1].0.len() <= 2 && w[2].0.len() <= 2)
                || (w[0].0.len() <= 2 && w[1].0.len() <= 2 && w[2].0.len() == 4)
        }) else {
            return Ok(None);
        };
        let (a, b, c) = (&runs[i], &runs[i + 1], &runs[i + 2]);
        let (na, nb, nc) = (
            number(&a.0).unwrap_or(0),
            number(&b.0).unwrap_or(0),
            number(&c.0).unwrap_or(0),
        );
        if a.0.len() == 4 {
            (na, nb, nc)
        } else if a.1 == Some('.') || na > 12 {
            (nc, nb, na)
        } else if nb > 12 || na == nb || na == 0 || nb == 0 {
            (nc, na, nb)
        } else {
            return Err(format!(
                "\"{}/{}/{}\" could be {} {} or {} {}: write the month as a word (June 1, 2027) or the date as year-month-day (2027-06-01).",
                a.0,
                b.0,
                c.0,
                month_name(na),
                nb,
                month_name(nb),
                na
            ));
        }
    };
    let year = i32::try_from(year).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, month, day)
        .filter(|_| (1970..=2200).contains(&year))
        .map(Some)
        .ok_or_else(|| {
            format!(
                "{year:04}-{month:02}-{day:02} is not a date a certificate can expire on: check the day, month and year."
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_as_browsers_and_tools_write_them() {
        for text in [
            "2027-06-01",
            "2027/6/1",
            "2027年6月1日",
            "June 1, 2027",
            "1 June 2027",
            "Expires On: Tuesday, June 1, 2027 at 7:59:59 AM",
            "notAfter=Jun  1 00:00:00 2027 GMT",
            "Jun 1st 2027",
            "01.06.2027",
            "6/1/2027 is not this",
            "2027-06-01T23:59:59Z",
            "Tue Jun 01 2027 08:00:00 GMT+0800",
        ] {
            let expected = if text.starts_with("6/1") {
                Err("ambiguous".to_string())
            } else {
                Ok(date(2027, 6, 1))
            };
            match (parse_date(text), expected) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{text}"),
                (Err(message), Err(_)) => assert!(message.contains("write the month"), "{message}"),
                (got, _) => panic!("{text}: {got:?}"),
            }
        }
        assert_eq!(parse_date("13/6/2027"), Ok(date(2027, 6, 13)));
        assert_eq!(parse_date("6/13/2027"), Ok(date(2027, 6, 13)));
        assert_eq!(parse_date("5/5/2027"), Ok(date(2027, 5, 5)));
        assert!(parse_date("0/5/2027").is_err());
        assert!(parse_date("5/0/2027").is_err());
        assert_eq!(parse_date("hello"), Ok(None));
        assert_eq!(parse_date("May 2027"), Ok(None));
        assert!(parse_date("2027-02-30").is_err());
        assert!(parse_date("0000-01-01").is_err());
        assert_eq!(parse_date("Mar 9 2027"), Ok(date(2027, 3, 9)));
        assert_eq!(parse_date("Sept 9 2027"), Ok(date(2027, 9, 9)));
    }

    #[test]
    fn what_is_not_a_served_certificate_says_what_to_paste() {
        assert!(
            read_served("  ")
                .unwrap_err()
                .contains("Paste the certificates")
        );
        assert!(
            read_served("no idea")
                .unwrap_err()
                .contains("Neither a certificate")
        );
        let failed = "connect:errno=111\nconnect: Connection refused";
        assert!(
            read_served(failed)
                .unwrap_err()
                .contains("could not connect")
        );
        let bare = "CONNECTED(00000003)\n---\nno peer certificate available\n";
        assert!(read_served(bare).unwrap_err().contains("-showcerts"));
        let key =
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";
        assert!(read_served(key).unwrap_err().contains("private key"));
        assert_eq!(
            read_served("Expires on June 1, 2027"),
            Ok(Served::ExpiryDate(
                NaiveDate::from_ymd_opt(2027, 6, 1).expect("date")
            ))
        );
    }
}
