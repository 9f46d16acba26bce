//! ECDSA signature forms.
//!
//! X.509 and WebCrypto disagree on one thing: an ECDSA signature in X.509 is
//! DER (`SEQUENCE { r INTEGER, s INTEGER }`), WebCrypto wants raw `r || s`
//! with each half padded to the curve's field size.

use super::der;

/// Why an ECDSA signature value could not be converted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EcdsaFormatError {
    #[error("The ECDSA signature is not a DER SEQUENCE of two INTEGERs.")]
    NotDer,
    #[error("The ECDSA signature has a value longer than the curve allows.")]
    TooLong,
    #[error("The ECDSA signature has a zero or negative value.")]
    OutOfRange,
    #[error("A raw ECDSA signature must be two halves of equal length.")]
    OddRawLength,
    #[error("The curve of the signing key is not known.")]
    UnknownCurve,
}

/// DER `SEQUENCE { r, s }` to WebCrypto's raw `r || s`, each `field_bytes` long.
pub fn ecdsa_der_to_raw(der_sig: &[u8], field_bytes: usize) -> Result<Vec<u8>, EcdsaFormatError> {
    if field_bytes == 0 {
        return Err(EcdsaFormatError::UnknownCurve);
    }
    let (seq, rest) = der::expect(der_sig, der::tag::SEQUENCE).ok_or(EcdsaFormatError::NotDer)?;
    let (r, after_r) =
        der::expect(seq.content, der::tag::INTEGER).ok_or(EcdsaFormatError::NotDer)?;
    let (s, after_s) = der::expect(after_r, der::tag::INTEGER).ok_or(EcdsaFormatError::NotDer)?;
    if !rest.is_empty() || !after_s.is_empty() {
        return Err(EcdsaFormatError::NotDer);
    }
    let mut raw = vec![0u8; field_bytes * 2];
    for (half, int) in [(0, r.content), (1, s.content)] {
        if int.first().is_none_or(|b| b & 0x80 != 0) {
            return Err(EcdsaFormatError::OutOfRange);
        }
        let digits = &int[int.iter().take_while(|b| **b == 0).count()..];
        if digits.is_empty() {
            return Err(EcdsaFormatError::OutOfRange);
        }
        if digits.len() > field_bytes {
            return Err(EcdsaFormatError::TooLong);
        }
        let end = (half + 1) * field_bytes;
        raw[end - digits.len()..end].copy_from_slice(digits);
    }
    Ok(raw)
}

/// WebCrypto's raw `r || s` to the DER form X.509 stores.
pub fn ecdsa_raw_to_der(raw: &[u8]) -> Result<Vec<u8>, EcdsaFormatError> {
    if raw.is_empty() || !raw.len().is_multiple_of(2) {
        return Err(EcdsaFormatError::OddRawLength);
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    Ok(der::sequence(&[
        &der::unsigned_integer(r),
        &der::unsigned_integer(s),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecdsa_forms_round_trip() {
        let mut raw = vec![0u8; 64];
        raw[0] = 0x80; // r needs a sign byte in DER
        raw[31] = 1;
        raw[63] = 7; // s is tiny: 31 leading zeros
        let der_sig = ecdsa_raw_to_der(&raw).expect("der");
        assert_eq!(&der_sig[..4], &[0x30, 0x26, 0x02, 0x21]);
        assert_eq!(&der_sig[der_sig.len() - 3..], &[0x02, 0x01, 0x07]);
        assert_eq!(ecdsa_der_to_raw(&der_sig, 32), Ok(raw));
    }

    #[test]
    fn ecdsa_conversion_refuses_bad_values() {
        assert_eq!(
            ecdsa_raw_to_der(&[1, 2, 3]),
            Err(EcdsaFormatError::OddRawLength)
        );
        assert_eq!(ecdsa_raw_to_der(&[]), Err(EcdsaFormatError::OddRawLength));
        assert_eq!(
            ecdsa_der_to_raw(&[0x30, 0], 32),
            Err(EcdsaFormatError::NotDer)
        );
        let long = ecdsa_raw_to_der(&[0x11; 66]).expect("der");
        assert_eq!(ecdsa_der_to_raw(&long, 32), Err(EcdsaFormatError::TooLong));
        let zero = der::sequence(&[&der::small_integer(0), &der::small_integer(1)]);
        assert_eq!(
            ecdsa_der_to_raw(&zero, 32),
            Err(EcdsaFormatError::OutOfRange)
        );
        let negative = der::sequence(&[&der::tlv(2, &[0xff]), &der::small_integer(1)]);
        assert_eq!(
            ecdsa_der_to_raw(&negative, 32),
            Err(EcdsaFormatError::OutOfRange)
        );
        let mut trailing = ecdsa_raw_to_der(&[1; 64]).expect("der");
        trailing.push(0);
        assert_eq!(
            ecdsa_der_to_raw(&trailing, 32),
            Err(EcdsaFormatError::NotDer)
        );
        assert_eq!(
            ecdsa_der_to_raw(&trailing, 0),
            Err(EcdsaFormatError::UnknownCurve)
        );
    }
}
