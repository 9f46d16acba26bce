//! A minimal DER writer and a bounded BER/DER reader.
//!
//! x509-parser reads certificates; these helpers cover the rest: writing the
//! structures Certdesk builds (CSRs, sandbox certificates, ECDSA signatures) and
//! walking the few containers x509-parser does not read (PKCS#7 bundles, ECDSA
//! signature values, private-key files we only need to recognise). The writer
//! produces definite-length DER only; the reader also accepts BER
//! indefinite lengths because some `.p7b` exporters still emit them.

/// Universal tags used by Certdesk, as full identifier octets.
pub(crate) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const UTF8_STRING: u8 = 0x0c;
    pub const PRINTABLE_STRING: u8 = 0x13;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
    /// `[n]` context-specific, constructed (EXPLICIT or IMPLICIT of a constructed type).
    pub const fn context_constructed(n: u8) -> u8 {
        0xa0 | (n & 0x1f)
    }
    /// `[n]` context-specific, primitive (IMPLICIT of a primitive type).
    pub const fn context_primitive(n: u8) -> u8 {
        0x80 | (n & 0x1f)
    }
}

/// Appends one tag-length-value to `out`.
pub(crate) fn write_tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
}

/// One tag-length-value as a new vector.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    write_tlv(&mut out, tag, content);
    out
}

/// A constructed value whose content is the concatenation of `parts`.
pub(crate) fn constructed(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag, &parts.concat())
}

pub(crate) fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    constructed(tag::SEQUENCE, parts)
}

/// A non-negative INTEGER from big-endian magnitude bytes (minimal DER form).
pub(crate) fn unsigned_integer(magnitude: &[u8]) -> Vec<u8> {
    let start = magnitude.iter().take_while(|b| **b == 0).count();
    let digits = &magnitude[start..];
    let mut content = Vec::with_capacity(digits.len() + 1);
    if digits.first().is_none_or(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(digits);
    tlv(tag::INTEGER, &content)
}

pub(crate) fn small_integer(value: u32) -> Vec<u8> {
    unsigned_integer(&value.to_be_bytes())
}

pub(crate) fn boolean(value: bool) -> Vec<u8> {
    tlv(tag::BOOLEAN, &[if value { 0xff } else { 0 }])
}

pub(crate) fn null() -> Vec<u8> {
    tlv(tag::NULL, &[])
}

/// An OBJECT IDENTIFIER from its encoded content (see `oids`).
pub(crate) fn oid(content: &[u8]) -> Vec<u8> {
    tlv(tag::OID, content)
}

pub(crate) fn octet_string(content: &[u8]) -> Vec<u8> {
    tlv(tag::OCTET_STRING, content)
}

/// A BIT STRING of whole bytes (no unused bits), as keys and signatures are.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(tag::BIT_STRING, &content)
}

/// A named-bit BIT STRING (RFC 5280 KeyUsage): bit 0 is the most significant
/// bit of the first byte; DER drops trailing zero bits.
pub(crate) fn named_bits(bits: &[u8]) -> Vec<u8> {
    let highest = bits.iter().copied().max();
    let mut bytes = vec![0u8; highest.map_or(0, |h| h as usize / 8 + 1)];
    for bit in bits {
        if let Some(byte) = bytes.get_mut(*bit as usize / 8) {
            *byte |= 0x80 >> (bit % 8);
        }
    }
    let unused = bytes.last().map_or(0, |b| b.trailing_zeros().min(7) as u8);
    let mut content = vec![unused];
    content.extend_from_slice(&bytes);
    tlv(tag::BIT_STRING, &content)
}

/// Largest nesting the reader follows before giving up (hostile inputs).
const MAX_DEPTH: usize = 32;

/// One element read from BER/DER input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    /// First identifier octet (class, constructed bit, low tag number).
    pub tag: u8,
    /// Contents octets (for an indefinite length: without the end-of-contents).
    pub content: &'a [u8],
    /// The whole element, header included.
    pub raw: &'a [u8],
}

/// Why the reader stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// The element declares more bytes than the input holds.
    Truncated { declared: usize, available: usize },
    /// Not BER at all (bad length form, runaway tag or nesting).
    Malformed,
}

/// Reads one element from the start of `input`, returning it and the rest.
pub(crate) fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), ReadError> {
    read_at_depth(input, 0)
}

fn read_at_depth(input: &[u8], depth: usize) -> Result<(Tlv<'_>, &[u8]), ReadError> {
    if depth > MAX_DEPTH {
        return Err(ReadError::Malformed);
    }
    let tag = *input.first().ok_or(ReadError::Truncated {
        declared: 1,
        available: 0,
    })?;
    let mut pos = 1;
    if tag & 0x1f == 0x1f {
        // High tag numbers: continuation octets while the top bit is set.
        loop {
            let b = *input.get(pos).ok_or(ReadError::Malformed)?;
            pos += 1;
            if b & 0x80 == 0 {
                break;
            }
            if pos > 5 {
                return Err(ReadError::Malformed);
            }
        }
    }
    let first = *input.get(pos).ok_or(ReadError::Truncated {
        declared: pos + 1,
        available: input.len(),
    })?;
    pos += 1;
    if first == 0x80 {
        if tag & 0x20 == 0 {
            return Err(ReadError::Malformed);
        }
        // Indefinite length: children until the end-of-contents octets 00 00.
        let start = pos;
        let mut rest = input.get(pos..).ok_or(ReadError::Malformed)?;
        loop {
            if rest.starts_with(&[0, 0]) {
                let end = input.len() - rest.len();
                let content = &input[start..end];
                return Ok((
                    Tlv {
                        tag,
                        content,
                        raw: &input[..end + 2],
                    },
                    &rest[2..],
                ));
            }
            let (_, after) = read_at_depth(rest, depth + 1)?;
            rest = after;
        }
    }
    let len = if first < 0x80 {
        first as usize
    } else {
        let count = (first & 0x7f) as usize;
        if count == 0x7f || count > std::mem::size_of::<usize>().min(4) {
            return Err(ReadError::Malformed);
        }
        let bytes = input.get(pos..pos + count).ok_or(ReadError::Truncated {
            declared: pos + count,
            available: input.len(),
        })?;
        pos += count;
        bytes.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize)
    };
    let end = pos.checked_add(len).ok_or(ReadError::Malformed)?;
    let content = input.get(pos..end).ok_or(ReadError::Truncated {
        declared: end,
        available: input.len(),
    })?;
    Ok((
        Tlv {
            tag,
            content,
            raw: &input[..end],
        },
        &input[end..],
    ))
}

/// Reads an element that must carry `tag`.
pub(crate) fn expect(input: &[u8], tag: u8) -> Option<(Tlv<'_>, &[u8])> {
    read(input).ok().filter(|(t, _)| t.tag == tag)
}

/// All elements of a constructed value's content, or `None` if any is malformed.
pub(crate) fn children(content: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    let mut rest = content;
    while !rest.is_empty() {
        let (item, after) = read(rest).ok()?;
        out.push(item);
        rest = after;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_use_the_shortest_form() {
        assert_eq!(tlv(0x04, &[1, 2]), vec![0x04, 2, 1, 2]);
        let long = tlv(0x04, &[0; 200]);
        assert_eq!(&long[..3], &[0x04, 0x81, 200]);
        let longer = tlv(0x04, &[0; 300]);
        assert_eq!(&longer[..4], &[0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(
            read(&longer).map(|(t, r)| (t.content.len(), r.len())),
            Ok((300, 0))
        );
    }

    #[test]
    fn integers_are_minimal_and_positive() {
        assert_eq!(unsigned_integer(&[]), vec![2, 1, 0]);
        assert_eq!(unsigned_integer(&[0, 0, 5]), vec![2, 1, 5]);
        assert_eq!(unsigned_integer(&[0x80]), vec![2, 2, 0, 0x80]);
        assert_eq!(small_integer(0), vec![2, 1, 0]);
        assert_eq!(small_integer(256), vec![2, 2, 1, 0]);
    }

    #[test]
    fn named_bits_drop_trailing_zeros() {
        // digitalSignature (0) + keyEncipherment (2): 1010 0000, 5 unused bits.
        assert_eq!(named_bits(&[0, 2]), vec![3, 2, 5, 0xa0]);
        // keyCertSign (5) + cRLSign (6): 0000 0110, 1 unused bit.
        assert_eq!(named_bits(&[5, 6]), vec![3, 2, 1, 0x06]);
        // decipherOnly (8) spills into a second byte.
        assert_eq!(named_bits(&[0, 8]), vec![3, 3, 7, 0x80, 0x80]);
        assert_eq!(named_bits(&[]), vec![3, 1, 0]);
    }

    #[test]
    fn reader_handles_indefinite_lengths_and_reports_truncation() {
        let ber = [0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0xff];
        let (t, rest) = read(&ber).expect("indefinite");
        assert_eq!(t.content, &[0x02, 0x01, 0x05]);
        assert_eq!(rest, &[0xff]);
        assert_eq!(
            read(&[0x30, 0x82, 0x01, 0x00, 0x01]),
            Err(ReadError::Truncated {
                declared: 260,
                available: 5
            })
        );
        assert_eq!(read(&[0x02, 0x80, 0, 0]), Err(ReadError::Malformed));
        assert!(read(&[0x30, 0x80, 0x30, 0x80]).is_err());
        assert!(read(&[]).is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_recursed() {
        let mut ber = Vec::new();
        for _ in 0..10_000 {
            ber.extend_from_slice(&[0x30, 0x80]);
        }
        assert_eq!(read(&ber).map(|_| ()), Err(ReadError::Malformed));
    }
}
