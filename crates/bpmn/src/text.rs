//! Attribute values and labels: entity decoding without any DTD expansion,
//! and the folded display form of a label.

use std::borrow::Cow;

use crate::model::Label;

/// Decodes an attribute value as an XML processor would, without a DTD:
/// the five predefined entities and character references are replaced,
/// literal tabs and line breaks become spaces (attribute-value
/// normalisation), and any other `&name;` is kept literally (never expanded).
pub(crate) fn attr_value(raw: &str) -> Cow<'_, str> {
    if !raw
        .bytes()
        .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'))
    {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '\t', '\n', '\r']) {
        out.push_str(&rest[..i]);
        let c = rest.as_bytes()[i];
        if c == b'&' {
            let after = &rest[i + 1..];
            match after.find(';').filter(|&e| e <= 12) {
                Some(end) => {
                    let name = &after[..end];
                    match entity(name) {
                        Some(ch) => out.push(ch),
                        None => {
                            out.push('&');
                            out.push_str(name);
                            out.push(';');
                        }
                    }
                    rest = &after[end + 1..];
                }
                None => {
                    out.push('&');
                    rest = after;
                }
            }
        } else {
            // "\r\n" is one line break, normalised to one space.
            out.push(' ');
            rest = if c == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n') {
                &rest[i + 2..]
            } else {
                &rest[i + 1..]
            };
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A predefined entity or a character reference (`#10`, `#x0A`).
pub(crate) fn entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

/// Folds line breaks and whitespace runs to single spaces and trims.
pub fn display_form(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A label from a decoded `name` attribute.
pub(crate) fn label(raw: Cow<'_, str>) -> Label {
    let raw = raw.into_owned();
    let simple = !raw.is_empty()
        && !raw.starts_with(' ')
        && !raw.ends_with(' ')
        && !raw.contains("  ")
        && !raw.contains(|c: char| c.is_whitespace() && c != ' ');
    let display = if simple {
        raw.clone()
    } else {
        display_form(&raw)
    };
    Label { raw, display }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities_without_expanding_unknown_ones() {
        assert_eq!(attr_value("a &amp; b&#10;c&#x41;"), "a & b\ncA");
        assert_eq!(attr_value("x &custom; y"), "x &custom; y");
        assert_eq!(attr_value("dangling & amp"), "dangling & amp");
        assert_eq!(attr_value("two\r\nlines\tend"), "two lines end");
        assert!(matches!(attr_value("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn display_folds_whitespace() {
        let l = label(attr_value("  Verifikasi&#10;berkas   usulan "));
        assert_eq!(l.raw, "  Verifikasi\nberkas   usulan ");
        assert_eq!(l.display, "Verifikasi berkas usulan");
        assert_eq!(label(Cow::Borrowed("Simple name")).display, "Simple name");
    }
}
