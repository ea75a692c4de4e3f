//! English stemming: the Snowball English (Porter2) stemmer from `rust-stemmers`.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The Snowball English stem of a case-folded word.
///
/// ```
/// assert_eq!(peta_text::stem_en::stem("documents"), "document");
/// assert_eq!(peta_text::stem_en::stem("checking"), "check");
/// ```
pub fn stem(word: &str) -> String {
    if word.chars().any(|c| c.is_numeric()) {
        return word.to_string();
    }
    stemmer().stem(word).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stems_english_inflections() {
        assert_eq!(super::stem("applications"), super::stem("application"));
        assert_eq!(super::stem("accepted"), "accept");
        assert_eq!(super::stem("sp2d"), "sp2d");
    }
}
