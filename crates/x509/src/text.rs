//! Turning certificate bytes into display text: hex, ASN.1 strings, control characters.

use std::fmt::Write;

/// Uppercase hex of `bytes` joined by `separator` ("AB:CD:EF" with ":").
pub fn hex(bytes: &[u8], separator: &str) -> String {
    let mut out = String::with_capacity(bytes.len() * (2 + separator.len()));
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        let _ = write!(out, "{b:02X}");
    }
    out
}

/// Colon-separated uppercase hex, the form openssl prints fingerprints and key ids in.
pub fn colon_hex(bytes: &[u8]) -> String {
    hex(bytes, ":")
}

/// Parses hex a user pasted, in any of the forms tools print it ("AB:CD",
/// "ab cd", "abcd", "0xABCD"). `None` if anything but hex digits and
/// separators is present, or the digit count is odd.
pub fn parse_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let text = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let digits: Vec<u8> = text
        .chars()
        .filter(|c| !matches!(c, ':' | ' ' | '-' | '\t' | '\n' | '\r'))
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }
    Some(digits.chunks(2).map(|p| (p[0] << 4) | p[1]).collect())
}

/// Makes text from a certificate safe to show as a plain string: control
/// characters (which could hide text or reorder a line) become visible escapes.
/// The text is never markup: the UI renders it as a text node.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_invisible_format(c) {
            let _ = write!(out, "\\u{{{:X}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Bidirectional overrides and zero-width characters: legal Unicode, but in a
/// certificate name they only serve to make one name look like another.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Decodes an ASN.1 string value by its tag. Unknown tags give `#` and the hex
/// of the value, as RFC 4514 writes values it cannot show as text.
pub(crate) fn asn1_string(tag: u32, data: &[u8]) -> String {
    let text = match tag {
        // UTF8String, NumericString, PrintableString, IA5String, VisibleString
        12 | 18 | 19 | 22 | 26 => String::from_utf8_lossy(data).into_owned(),
        // TeletexString: in practice Latin-1.
        20 => data.iter().map(|b| char::from(*b)).collect(),
        // BMPString: UTF-16 big-endian.
        30 => {
            let units: Vec<u16> = data
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        // UniversalString: UTF-32 big-endian.
        28 => data
            .chunks(4)
            .map(|c| {
                let mut b = [0u8; 4];
                b[..c.len()].copy_from_slice(c);
                char::from_u32(u32::from_be_bytes(b)).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect(),
        _ => return format!("#{}", hex(data, "")),
    };
    visible(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_forms() {
        assert_eq!(colon_hex(&[0x0a, 0xff, 0x00]), "0A:FF:00");
        assert_eq!(colon_hex(&[]), "");
        assert_eq!(hex(&[1, 2], ""), "0102");
        assert_eq!(parse_hex("0a:FF 00"), Some(vec![0x0a, 0xff, 0]));
        assert_eq!(parse_hex("0x0AFF"), Some(vec![0x0a, 0xff]));
        assert_eq!(parse_hex("abc"), None);
        assert_eq!(parse_hex("zz"), None);
        assert_eq!(parse_hex(""), None);
    }

    #[test]
    fn strings_by_tag() {
        assert_eq!(asn1_string(12, "héllo".as_bytes()), "héllo");
        assert_eq!(asn1_string(20, &[0x68, 0xe9]), "hé");
        assert_eq!(asn1_string(30, &[0, 0x41, 0x4e, 0x2d]), "A中");
        assert_eq!(asn1_string(30, &[0, 0x41, 0x42]), "A\u{4200}");
        assert_eq!(asn1_string(28, &[0, 0, 0, 0x41, 0xff]), "A\u{FFFD}");
        assert_eq!(asn1_string(4, &[1, 2]), "#0102");
    }

    #[test]
    fn control_and_bidi_characters_become_visible() {
        assert_eq!(visible("a\u{0}b\nc"), "a\\u{0}b\\u{A}c");
        assert_eq!(visible("evil\u{202E}moc.com"), "evil\\u{202E}moc.com");
        // Markup is not touched: it is text, and the UI shows it as text.
        assert_eq!(
            visible("<img src=x onerror=alert(1)>"),
            "<img src=x onerror=alert(1)>"
        );
    }
}
