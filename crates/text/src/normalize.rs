//! Unicode normalisation and tokenising of labels.

use unicode_normalization::UnicodeNormalization;

/// One word of a label, case-folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The case-folded word (letters and digits only).
    pub text: String,
    /// Written as an acronym: at least two capitals and no lower-case letter
    /// (`NIK`, `SP2D`), or letters mixed with digits (`sp2d`, `ktp2`).
    pub acronym: bool,
    /// Stood inside parentheses or brackets in the label.
    pub in_parens: bool,
}

/// NFKC, case folding, line breaks and punctuation folded to single spaces,
/// trimmed. Reduplicated words (`berkas-berkas`) are folded to one.
///
/// ```
/// assert_eq!(peta_text::normalize("Verifikasi\nBerkas-berkas  (SK)!"), "verifikasi berkas sk");
/// ```
pub fn normalize(label: &str) -> String {
    words(label)
        .into_iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a label into words. Letters and digits form words; everything else
/// separates them. A hyphenated reduplication (`data-data`) is one word;
/// other hyphenated compounds (`e-KTP`, `re-apply`) are split.
pub fn words(label: &str) -> Vec<Word> {
    let text: String = label.nfkc().collect();
    let mut out: Vec<Word> = Vec::new();
    let mut depth: i32 = 0;
    let mut current = String::new();
    let mut raw = String::new();
    let mut prev_hyphen_word: Option<String> = None;
    let flush = |current: &mut String,
                 raw: &mut String,
                 depth: i32,
                 out: &mut Vec<Word>,
                 prev_hyphen_word: &mut Option<String>,
                 hyphen_follows: bool| {
        if current.is_empty() {
            return;
        }
        let word = std::mem::take(current);
        let raw_word = std::mem::take(raw);
        // Reduplication: `berkas-berkas`, `data-data` -> one word.
        if let Some(prev) = prev_hyphen_word.take() {
            if prev == word {
                return;
            }
        }
        if hyphen_follows {
            *prev_hyphen_word = Some(word.clone());
        }
        // A ministry's short form `Kemen` + its acronym (`KemenPANRB`,
        // `KemenPUPR`) is `kementerian` + the acronym, as written out
        // ("Kementerian PANRB").
        if let Some(rest) = raw_word.strip_prefix(MINISTRY_PREFIX) {
            if rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().count() >= 2 {
                out.push(Word {
                    text: MINISTRY.to_string(),
                    acronym: false,
                    in_parens: depth > 0,
                });
                out.push(Word {
                    text: rest.to_lowercase(),
                    acronym: is_acronym(rest),
                    in_parens: depth > 0,
                });
                return;
            }
        }
        out.push(Word {
            acronym: is_acronym(&raw_word),
            text: word,
            in_parens: depth > 0,
        });
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            raw.push(c);
            for lc in c.to_lowercase() {
                current.push(lc);
            }
            continue;
        }
        if c == '\'' || c == '’' {
            // Apostrophes inside a word (`applicant's`) end the word; the
            // possessive `s` becomes its own (stop) word.
            flush(
                &mut current,
                &mut raw,
                depth,
                &mut out,
                &mut prev_hyphen_word,
                false,
            );
            continue;
        }
        let hyphen_follows = c == '-' && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        flush(
            &mut current,
            &mut raw,
            depth,
            &mut out,
            &mut prev_hyphen_word,
            hyphen_follows,
        );
        if !hyphen_follows {
            prev_hyphen_word = None;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    flush(
        &mut current,
        &mut raw,
        depth,
        &mut out,
        &mut prev_hyphen_word,
        false,
    );
    out
}

/// The short form of `Kementerian` (ministry) before an acronym.
const MINISTRY_PREFIX: &str = "Kemen";
const MINISTRY: &str = "kementerian";

/// `NIK`, `SP2D`, `e1` (mixed letters and digits); not `Verifikasi`, not `1721`.
fn is_acronym(raw: &str) -> bool {
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let uppers = raw.chars().filter(|c| c.is_uppercase()).count();
    let lowers = raw.chars().filter(|c| c.is_lowercase()).count();
    let digits = raw.chars().filter(|c| c.is_numeric()).count();
    (uppers >= 2 && lowers == 0) || (letters > 0 && digits > 0 && uppers + lowers <= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_breaks_and_punctuation() {
        assert_eq!(
            normalize("Memverifikasi\r\nData   Kependudukan;"),
            "memverifikasi data kependudukan"
        );
        assert_eq!(normalize("Check documents."), "check documents");
    }

    #[test]
    fn nfkc_folds_compatibility_forms() {
        // Full-width letters and the `ﬁ` ligature.
        assert_eq!(normalize("ＳＰ２Ｄ ﬁle"), "sp2d file");
    }

    #[test]
    fn keeps_acronyms_and_numbers() {
        let w = words("Terbitkan SP2D untuk NIP 1721 (SIASN)");
        let texts: Vec<_> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            texts,
            ["terbitkan", "sp2d", "untuk", "nip", "1721", "siasn"]
        );
        assert!(w[1].acronym && w[3].acronym && w[5].acronym);
        assert!(!w[0].acronym && !w[4].acronym);
        assert!(w[5].in_parens && !w[4].in_parens);
    }

    #[test]
    fn folds_reduplication_but_splits_compounds() {
        assert_eq!(normalize("Periksa berkas-berkas"), "periksa berkas");
        assert_eq!(normalize("Upload e-KTP"), "upload e ktp");
        assert_eq!(normalize("applicant's documents"), "applicant s documents");
    }

    #[test]
    fn splits_a_ministry_short_form_before_an_acronym() {
        let w = words("Kirim ke KemenPANRB");
        let texts: Vec<_> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["kirim", "ke", "kementerian", "panrb"]);
        assert!(w[3].acronym);
        // Not a word that merely starts with the letters.
        assert_eq!(normalize("Kemensos"), "kemensos");
    }
}
