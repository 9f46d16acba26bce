//! The "As of" date: parsing what the user types or puts in `?as_of=`.

use chrono::NaiveDate;

/// The dates the console accepts for "As of" (certificates of this era).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2099, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Parses `YYYY-MM-DD` within [`EARLIEST`]..=[`LATEST`], or says what is wrong.
pub fn parse_as_of(input: &str) -> Result<NaiveDate, String> {
    let input = input.trim();
    let date = iso_date(input).ok_or_else(|| {
        format!("\"{input}\" is not a date: enter it as YYYY-MM-DD, for example 2025-09-10")
    })?;
    if date < EARLIEST || date > LATEST {
        return Err(format!("Choose a date between {EARLIEST} and {LATEST}"));
    }
    Ok(date)
}

/// `YYYY-MM-DD` exactly (chrono's format parser is not in the first load).
fn iso_date(input: &str) -> Option<NaiveDate> {
    let b = input.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_range_parse_and_others_say_why() {
        assert_eq!(
            parse_as_of(" 2025-09-10 "),
            Ok(NaiveDate::from_ymd_opt(2025, 9, 10).unwrap())
        );
        assert!(
            parse_as_of("2025-02-30")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(parse_as_of("yesterday").unwrap_err().contains("not a date"));
        assert!(parse_as_of("1999-12-31").unwrap_err().contains("between"));
        assert!(parse_as_of("").is_err());
    }
}
