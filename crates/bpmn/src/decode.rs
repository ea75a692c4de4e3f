//! Turning raw bytes into UTF-8 text before XML parsing.
//!
//! The declared encoding is honoured (byte-order mark first, then the
//! `encoding` pseudo-attribute of the XML declaration), and the text is
//! transcoded with `encoding_rs` *before* parsing, so byte offsets into the
//! decoded text map to the same lines and columns as the original file.
//! A file that claims UTF-8 (or declares nothing) but holds invalid UTF-8 is
//! read lossily with a warning instead of failing.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::diagnostic::{Diagnostic, Severity};

/// The decoded text and what was learnt on the way.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding's canonical name (`UTF-8`, `windows-1252`, `UTF-16LE`, …).
    pub encoding: &'static str,
    pub warnings: Vec<Diagnostic>,
}

/// Detects the encoding of `bytes` and decodes them to UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    let mut warnings = Vec::new();
    // 1. Byte-order marks.
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest, warnings);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return decode_with(UTF_16LE, &bytes[2..], warnings);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_with(UTF_16BE, &bytes[2..], warnings);
    }
    // 2. UTF-16 without BOM: `<?` as 16-bit units.
    if bytes.starts_with(&[b'<', 0, b'?', 0]) {
        return decode_with(UTF_16LE, bytes, warnings);
    }
    if bytes.starts_with(&[0, b'<', 0, b'?']) {
        return decode_with(UTF_16BE, bytes, warnings);
    }
    // 3. An ASCII-compatible encoding: read the declaration.
    match declared_encoding(bytes) {
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            Some(enc) if enc == UTF_8 => decode_utf8(bytes, warnings),
            Some(enc) if enc == UTF_16LE || enc == UTF_16BE => {
                // Declared UTF-16 but the bytes are 8-bit (no BOM, no NULs):
                // the declaration is wrong; read as UTF-8.
                warnings.push(warning(
                    "encoding-mismatch",
                    format!(
                        "the XML declaration says `{label}` but the file is not UTF-16; read as UTF-8"
                    ),
                ));
                decode_utf8(bytes, warnings)
            }
            Some(enc) => decode_with(enc, bytes, warnings),
            None => {
                warnings.push(warning(
                    "unknown-encoding",
                    format!("unknown encoding `{label}` in the XML declaration; read as UTF-8"),
                ));
                decode_utf8(bytes, warnings)
            }
        },
        None => decode_utf8(bytes, warnings),
    }
}

fn warning(code: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: code.into(),
        message,
        line: 0,
        column: 0,
        offset: None,
        hint: None,
    }
}

fn decode_utf8(bytes: &[u8], mut warnings: Vec<Diagnostic>) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: Cow::Borrowed(s),
            encoding: UTF_8.name(),
            warnings,
        },
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            // The lossy text up to the bad byte is the valid prefix, so the
            // offset is the same in both.
            let offset = e.valid_up_to();
            let mut d = warning(
                "invalid-utf8",
                "the file claims UTF-8 but is not valid UTF-8; bad bytes were replaced by U+FFFD"
                    .into(),
            );
            d.offset = Some(offset);
            d.hint = Some(
                "the file was probably saved as ISO-8859-1 or windows-1252: declare \
                 encoding=\"windows-1252\" in its XML declaration or re-save it as UTF-8"
                    .into(),
            );
            warnings.push(d);
            Decoded {
                text: Cow::Owned(text),
                encoding: UTF_8.name(),
                warnings,
            }
        }
    }
}

fn decode_with<'a>(
    enc: &'static Encoding,
    bytes: &'a [u8],
    mut warnings: Vec<Diagnostic>,
) -> Decoded<'a> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(warning(
            "invalid-encoding",
            format!(
                "the file contains bytes that are not valid {}; they were replaced by U+FFFD",
                enc.name()
            ),
        ));
    }
    Decoded {
        text,
        encoding: enc.name(),
        warnings,
    }
}

/// The `encoding` pseudo-attribute of an XML declaration at the very start
/// of `bytes`, if any.
pub(crate) fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let rest = bytes.strip_prefix(b"<?xml")?;
    let end = rest.windows(2).take(512).position(|w| w == b"?>")?;
    let decl = &rest[..end];
    let at = decl.windows(8).position(|w| w == b"encoding")?;
    let mut i = at + 8;
    while decl.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    if decl.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while decl.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    let quote = *decl.get(i)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let start = i + 1;
    let len = decl[start..].iter().position(|&b| b == quote)?;
    let label = std::str::from_utf8(&decl[start..start + len]).ok()?;
    Some(label.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_declared_latin1() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a n=\"Caf\xe9\"/>";
        let d = decode(bytes);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Café"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a n=\"é\"/>";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        for (bytes, name) in [(le.clone(), "UTF-16LE"), (be.clone(), "UTF-16BE")] {
            let d = decode(&bytes);
            assert_eq!(d.encoding, name);
            assert_eq!(d.text, s);
        }
        let mut bom = vec![0xFF, 0xFE];
        bom.extend_from_slice(&le);
        assert_eq!(decode(&bom).text, s);
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = decode(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a n=\"Caf\xe9\"/>");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].code, "invalid-utf8");
        assert_eq!(d.warnings[0].offset, Some(47));
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBF<a/>");
        assert_eq!(d.text, "<a/>");
    }
}
