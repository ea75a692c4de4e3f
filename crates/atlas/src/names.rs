//! File names from model ids and paths: only `[a-z0-9-_]`, capped in length,
//! made collision-safe by a short hash of the original string.

/// Longest readable part of a file stem, before the hash.
pub const MAX_STEM: usize = 48;

/// A file stem for `original`: its ASCII letters and digits lower-cased, other
/// runs replaced by `-`, capped at [`MAX_STEM`] characters, then `-` and the
/// first 8 hex digits of its BLAKE3 hash, so two different originals never
/// share a stem in practice even when their readable parts are equal
/// (`"Tugas A"` / `"tugas-a"`), and nothing like `..` or `/` survives.
pub fn file_stem(original: &str) -> String {
    let mut readable = String::with_capacity(original.len().min(MAX_STEM));
    let mut dash = false;
    for c in original.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            if dash && !readable.is_empty() {
                readable.push('-');
            }
            dash = false;
            readable.push(c);
        } else {
            dash = true;
        }
        if readable.len() >= MAX_STEM {
            break;
        }
    }
    let hash = blake3::hash(original.as_bytes()).to_hex();
    if readable.is_empty() {
        format!("x-{}", &hash[..8])
    } else {
        format!("{readable}-{}", &hash[..8])
    }
}

/// A fragment id for an element inside a page (`n-` + [`file_stem`]).
pub fn anchor(id: &str) -> String {
    format!("n-{}", file_stem(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_and_distinct() {
        let a = file_stem("../../etc/passwd");
        assert!(a.starts_with("etc-passwd-"), "{a}");
        assert!(a
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'));
        assert_ne!(file_stem("Tugas A"), file_stem("tugas-a"));
        assert!(file_stem(&"x".repeat(500)).len() <= MAX_STEM + 9);
        assert!(file_stem("¿¿").starts_with("x-"));
        assert_eq!(file_stem("asn-ikn/bkn"), file_stem("asn-ikn/bkn"));
    }
}
