//! Numbers as people write them.

/// 768551 → "768,551".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "2026-12-01" for a time in seconds since 1970 (already shifted to the zone wanted).
pub fn date_of(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// "2026-12-01 14:05" for a time in seconds since 1970 (already shifted to the zone wanted).
pub fn date_time_of(seconds: i64) -> String {
    let minutes = seconds.rem_euclid(86_400) / 60;
    format!(
        "{} {:02}:{:02}",
        date_of(seconds),
        minutes / 60,
        minutes % 60
    )
}

/// The calendar date of a day number since 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_calendar_dates() {
        use super::{date_of, date_time_of};
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(951_782_400), "2000-02-29");
        assert_eq!(date_of(1_796_083_200), "2026-12-01");
        assert_eq!(
            date_time_of(1_796_083_200 + 14 * 3600 + 5 * 60 + 59),
            "2026-12-01 14:05"
        );
        assert_eq!(date_of(-1), "1969-12-31");
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(super::thousands(768_551), "768,551");
        assert_eq!(super::thousands(3_255_288), "3,255,288");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(0), "0");
    }
}
