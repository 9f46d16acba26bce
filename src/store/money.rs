//! Amounts in cents, shown as a user reads them.

/// "USD 1,234.50" (the table's currency code, thousands separated).
pub fn format_amount(cents: u64, currency: &str) -> String {
    let units = (cents / 100).to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{currency} {grouped}.{:02}", cents % 100)
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_are_grouped_with_two_decimals() {
        use super::format_amount;
        assert_eq!(format_amount(0, "USD"), "USD 0.00");
        assert_eq!(format_amount(5_905, "USD"), "USD 59.05");
        assert_eq!(format_amount(123_456_789, "EUR"), "EUR 1,234,567.89");
        assert_eq!(
            format_amount(u64::MAX, "USD"),
            "USD 184,467,440,737,095,516.15"
        );
    }
}
