//! Time and cost carried by models as extension properties
//! (`camunda:property`, Signavio `metaData`, …).
//!
//! Keys (case-insensitive): time — `waktu`, `durasi`, `duration`, `lama`,
//! `waktu_proses`, `processing_time`, `time`; cost — `biaya`, `cost`,
//! `biaya_proses`. Values: a number with an optional unit (`30 menit`,
//! `2 jam`, `1,5 hari`, `45 min`, `2h`, `3 days`, ISO 8601 `PT1H30M`); a
//! bare number is minutes. A day (`hari`/`day`) is a working day of 8 hours.
//! Costs accept `Rp 150.000`, `150000`, `Rp1.250.000,50`, `IDR 2,000,000`.

use peta_bpmn::Extensions;

/// Property keys read as the time an element takes.
pub const TIME_KEYS: &[&str] = &[
    "waktu",
    "durasi",
    "duration",
    "lama",
    "waktu_proses",
    "processing_time",
    "time",
];
/// Property keys read as the cost of an element.
pub const COST_KEYS: &[&str] = &["biaya", "cost", "biaya_proses"];
/// Minutes in a working day.
pub const MINUTES_PER_DAY: f64 = 8.0 * 60.0;

/// Minutes an element takes, from its extension properties.
pub fn minutes(ext: &Extensions) -> Option<f64> {
    TIME_KEYS
        .iter()
        .find_map(|k| ext.property(k))
        .and_then(parse_minutes)
}

/// Cost of an element, from its extension properties.
pub fn cost(ext: &Extensions) -> Option<f64> {
    COST_KEYS
        .iter()
        .find_map(|k| ext.property(k))
        .and_then(parse_cost)
}

/// Parses a duration into minutes (see the module docs).
pub fn parse_minutes(text: &str) -> Option<f64> {
    let t = text.trim().to_lowercase();
    if let Some(iso) = t.strip_prefix('p') {
        return parse_iso(iso);
    }
    let num_end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(t.len(), |(i, _)| i);
    let number = parse_decimal(t.get(..num_end)?)?;
    let unit = t.get(num_end..)?.trim();
    let unit = unit.split_whitespace().next().unwrap_or("");
    let factor = match unit {
        "" | "m" | "min" | "mins" | "menit" | "minute" | "minutes" | "mnt" => 1.0,
        "h" | "j" | "jam" | "hour" | "hours" | "hr" | "hrs" => 60.0,
        "d" | "hari" | "day" | "days" | "hk" => MINUTES_PER_DAY,
        "minggu" | "week" | "weeks" | "w" => 5.0 * MINUTES_PER_DAY,
        "s" | "sec" | "detik" | "second" | "seconds" => 1.0 / 60.0,
        _ => return None,
    };
    (number >= 0.0).then_some(number * factor)
}

fn parse_iso(iso: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut in_time = false;
    let mut num = String::new();
    let mut any = false;
    for c in iso.chars() {
        match c {
            't' => in_time = true,
            '0'..='9' | '.' | ',' => num.push(c),
            unit => {
                let n = parse_decimal(&num)?;
                num.clear();
                total += n * match (unit, in_time) {
                    ('d', false) => MINUTES_PER_DAY,
                    ('w', false) => 5.0 * MINUTES_PER_DAY,
                    ('h', true) => 60.0,
                    ('m', true) => 1.0,
                    ('s', true) => 1.0 / 60.0,
                    _ => return None,
                };
                any = true;
            }
        }
    }
    (any && num.is_empty()).then_some(total)
}

/// A decimal with `.` or `,` as the decimal mark.
fn parse_decimal(s: &str) -> Option<f64> {
    s.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// Parses a rupiah amount (see the module docs).
pub fn parse_cost(text: &str) -> Option<f64> {
    let t = text.trim().to_lowercase();
    let t = t.trim_start_matches("rp").trim_start_matches("idr").trim();
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let last_dot = t.rfind('.');
    let last_comma = t.rfind(',');
    let (int_part, frac) = match (last_dot, last_comma) {
        (Some(d), Some(c)) => {
            let dec = d.max(c);
            (&t[..dec], Some(&t[dec + 1..]))
        }
        (Some(i), None) | (None, Some(i)) => {
            let sep = &t[i..i + 1];
            let groups: Vec<&str> = t.split(sep).collect();
            let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
            if thousands {
                (t.as_str(), None)
            } else {
                (&t[..i], Some(&t[i + 1..]))
            }
        }
        (None, None) => (t.as_str(), None),
    };
    let int: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let mut value: f64 = if int.is_empty() {
        0.0
    } else {
        int.parse().ok()?
    };
    if let Some(f) = frac {
        if !f.is_empty() {
            value += format!("0.{f}").parse::<f64>().ok()?;
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_minutes("30 menit"), Some(30.0));
        assert_eq!(parse_minutes("2 jam"), Some(120.0));
        assert_eq!(parse_minutes("1,5 hari"), Some(720.0));
        assert_eq!(parse_minutes("3 hari kerja"), Some(1440.0));
        assert_eq!(parse_minutes("45"), Some(45.0));
        assert_eq!(parse_minutes("2h"), Some(120.0));
        assert_eq!(parse_minutes("PT1H30M"), Some(90.0));
        assert_eq!(parse_minutes("P2D"), Some(960.0));
        assert_eq!(parse_minutes("segera"), None);
        assert_eq!(parse_minutes("10 parsec"), None);
    }

    #[test]
    fn costs() {
        assert_eq!(parse_cost("Rp 150.000"), Some(150_000.0));
        assert_eq!(parse_cost("150000"), Some(150_000.0));
        assert_eq!(parse_cost("Rp1.250.000,50"), Some(1_250_000.5));
        assert_eq!(parse_cost("IDR 2,000,000"), Some(2_000_000.0));
        assert_eq!(parse_cost("12.5"), Some(12.5));
        assert_eq!(parse_cost("gratis"), None);
    }

    #[test]
    fn reads_properties_case_insensitively() {
        let ext = Extensions {
            attributes: vec![],
            properties: vec![
                ("Waktu".into(), "2 jam".into()),
                ("BIAYA".into(), "Rp 10.000".into()),
            ],
        };
        assert_eq!(minutes(&ext), Some(120.0));
        assert_eq!(cost(&ext), Some(10_000.0));
    }
}
