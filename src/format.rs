//! Numbers written as an artist reads them, the same in the studio and on the design sheet.

/// `x` rounded to a whole number, with thousands separators ("7,000"); below 0 reads 0.
pub fn thousands_f(x: f64) -> String {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped, and far below 2^64")]
    let whole = x.round().clamp(0.0, 1e15) as u64;
    thousands(whole)
}

/// 12345 → "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A count of things as words read: "1 design", "2 designs", "12,345 dots".
pub fn count(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{} {thing}s", thousands(u64::try_from(n).unwrap_or(u64::MAX))) }
}

/// Hours as "1 h 20 min", "2 h" or "45 min".
pub fn duration(hours: f64) -> String {
    // A session is at most a few dozen hours: far inside u32.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a short positive duration")]
    let minutes = (hours * 60.0).round().max(0.0) as u32;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

/// A distance across the head from the midline, in whole mm with its side: "12 L" is to the
/// photo's left (the client's right in a front view), "0" on the midline.
pub fn across_mm(mm: f64) -> String {
    match mm {
        mm if mm.abs() < 0.5 => "0".to_owned(),
        mm if mm < 0.0 => format!("{:.0} L", -mm),
        mm => format!("{mm:.0} R"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_an_artist_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(150_000), "150,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(duration(0.75), "45 min");
        assert_eq!(duration(2.0), "2 h");
        assert_eq!(duration(1.0 + 5.0 / 60.0), "1 h 05 min");
        assert_eq!(count(1, "design"), "1 design");
        assert_eq!(count(0, "design"), "0 designs");
        assert_eq!(count(3738, "dot"), "3,738 dots");
    }
}
