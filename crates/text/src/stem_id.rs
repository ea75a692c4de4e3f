//! Indonesian stemming: an affix stripper after Nazief & Adriani (1996) and
//! the Snowball Indonesian algorithm (Tala, 2003).
//!
//! The word is looked up in a list of known root words after every step, as
//! in Nazief–Adriani, so that ambiguous nasal recodings are resolved
//! (`mengirim` → `kirim`, not `irim`; `menerima` → `terima`; `memeriksa` →
//! `periksa`). The list is Peta's own (`data/roots.toml`) plus every term of
//! the thesaurus; Sastrawi's dictionary is not used. When no known root is
//! reached, the rules alone decide, Snowball style, with the default
//! recodings (`meny`+vowel → `s`, `mem`+vowel → `p`) and a minimum of two
//! vowels left in the stem.
//!
//! Steps: particles `-lah -kah -tah -pun`, possessives `-ku -mu -nya`,
//! derivational suffixes `-kan -an -i`, then up to three prefixes
//! (`meN- peN- di- ke- ter- ber- per- se-` and their allomorphs).

/// The result of stemming one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem {
    /// The root (or the word itself when nothing was stripped).
    pub root: String,
    /// The prefixes removed, outermost first (`meN`, `peN`, `di`, `ke`, `ter`, `ber`, `per`, `se`).
    pub prefixes: Vec<&'static str>,
    /// The derivational suffix removed (`kan`, `an`, `i`), if any.
    pub suffix: Option<&'static str>,
    /// The root is a known root word (found in the lexicon).
    pub known: bool,
}

impl Stem {
    /// The affixes mark an action: an active or passive verb (`meN-`, `di-`,
    /// imperative `-kan`/`-i`) or an action noun (`peN-…-an`, `per-…-an`).
    pub fn is_verbal(&self) -> bool {
        match self.prefixes.first() {
            Some(&"meN") | Some(&"di") => true,
            Some(&"peN") | Some(&"per") => self.suffix == Some("an"),
            None => matches!(self.suffix, Some("kan") | Some("i")) && self.known,
            _ => false,
        }
    }
}

const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

fn is_vowel(c: char) -> bool {
    VOWELS.contains(&c)
}

/// Number of vowels: Snowball's measure for Indonesian.
fn measure(w: &str) -> usize {
    w.chars().filter(|c| is_vowel(*c)).count()
}

fn starts_with_vowel(w: &str) -> bool {
    w.chars().next().is_some_and(is_vowel)
}

/// Stems one case-folded Indonesian word. `is_root` says whether a string is
/// a known root word.
///
/// ```
/// let roots = ["kirim", "periksa", "terbit", "verifikasi"];
/// let known = |w: &str| roots.contains(&w);
/// assert_eq!(peta_text::stem_id::stem("mengirimkan", &known).root, "kirim");
/// assert_eq!(peta_text::stem_id::stem("pemeriksaan", &known).root, "periksa");
/// ```
pub fn stem(word: &str, is_root: &dyn Fn(&str) -> bool) -> Stem {
    let plain = |root: &str, known: bool| Stem {
        root: root.to_string(),
        prefixes: Vec::new(),
        suffix: None,
        known,
    };
    if word.chars().count() < 4 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return plain(word, is_root(word));
    }
    if is_root(word) {
        return plain(word, true);
    }
    let mut w = word.to_string();
    for particle in ["lah", "kah", "tah", "pun"] {
        if let Some(rest) = w.strip_suffix(particle) {
            if measure(rest) >= 2 {
                w = rest.to_string();
                break;
            }
        }
    }
    if is_root(&w) {
        return plain(&w, true);
    }
    for possessive in ["nya", "ku", "mu"] {
        if let Some(rest) = w.strip_suffix(possessive) {
            if measure(rest) >= 2 {
                w = rest.to_string();
                break;
            }
        }
    }
    if is_root(&w) {
        return plain(&w, true);
    }
    // Dictionary-guided search: suffix variants first (Nazief–Adriani order),
    // then the word with its suffix kept.
    let mut variants: Vec<(String, Option<&'static str>)> = Vec::new();
    for suffix in ["kan", "an", "i"] {
        if let Some(rest) = w.strip_suffix(suffix) {
            if rest.chars().count() >= 3 && measure(rest) >= 1 {
                variants.push((rest.to_string(), Some(suffix)));
            }
        }
    }
    variants.push((w.clone(), None));
    for (base, suffix) in &variants {
        if suffix.is_some() && is_root(base) {
            return Stem {
                root: base.clone(),
                prefixes: Vec::new(),
                suffix: *suffix,
                known: true,
            };
        }
        let mut prefixes = Vec::new();
        if let Some(root) = search_prefixes(base, &mut prefixes, is_root) {
            return Stem {
                root,
                prefixes,
                suffix: *suffix,
                known: true,
            };
        }
    }
    rule_based(&w)
}

/// Depth-first search through prefix removals (at most three) for a known root.
fn search_prefixes(
    w: &str,
    prefixes: &mut Vec<&'static str>,
    is_root: &dyn Fn(&str) -> bool,
) -> Option<String> {
    if prefixes.len() >= 3 {
        return None;
    }
    for (candidate, prefix) in prefix_candidates(w) {
        if prefixes.contains(&prefix) || candidate.chars().count() < 2 {
            continue;
        }
        prefixes.push(prefix);
        if is_root(&candidate) {
            return Some(candidate);
        }
        if let Some(root) = search_prefixes(&candidate, prefixes, is_root) {
            return Some(root);
        }
        prefixes.pop();
    }
    None
}

/// Every way to remove one prefix from `w`, with the nasal recodings
/// (`meng`+vowel → `k`, `men`+vowel → `t`, `mem`+vowel → `p`, `meny` → `s`).
fn prefix_candidates(w: &str) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut add = |s: String, p: &'static str| {
        if !s.is_empty() && !out.iter().any(|(o, _)| *o == s) {
            out.push((s, p));
        }
    };
    for (nasal, name) in [("me", "meN"), ("pe", "peN")] {
        let Some(rest) = w.strip_prefix(nasal) else {
            continue;
        };
        if let Some(r) = rest.strip_prefix("ng") {
            add(r.to_string(), name);
            if starts_with_vowel(r) {
                add(format!("k{r}"), name);
            }
        } else if let Some(r) = rest.strip_prefix("ny") {
            if starts_with_vowel(r) {
                add(format!("s{r}"), name);
            }
            add(r.to_string(), name);
        } else if let Some(r) = rest.strip_prefix('m') {
            if starts_with_vowel(r) {
                add(format!("p{r}"), name);
                add(format!("m{r}"), name);
            }
            add(r.to_string(), name);
        } else if let Some(r) = rest.strip_prefix('n') {
            if starts_with_vowel(r) {
                add(format!("t{r}"), name);
                add(format!("n{r}"), name);
            }
            add(r.to_string(), name);
        } else if name == "peN" {
            // `per-` (perbaikan) and `pe-` (pelayanan, peserta).
            if let Some(r) = rest.strip_prefix('r') {
                add(r.to_string(), "per");
            }
            add(rest.to_string(), name);
        } else {
            // `me-` before l, r, w, y, m, n (melakukan, merekam).
            add(rest.to_string(), name);
        }
    }
    if let Some(rest) = w.strip_prefix("ber") {
        add(rest.to_string(), "ber");
    }
    if let Some(rest) = w.strip_prefix("be") {
        add(rest.to_string(), "ber");
    }
    if let Some(rest) = w.strip_prefix("ter") {
        add(rest.to_string(), "ter");
        if starts_with_vowel(rest) {
            add(format!("r{rest}"), "ter");
        }
    }
    for (p, name) in [("di", "di"), ("ke", "ke"), ("se", "se")] {
        if let Some(rest) = w.strip_prefix(p) {
            add(rest.to_string(), name);
        }
    }
    out
}

/// Snowball-style stripping when no known root was reached.
fn rule_based(word: &str) -> Stem {
    let mut w = word.to_string();
    let mut prefixes: Vec<&'static str> = Vec::new();
    let mut suffix = None;
    // First-order prefix.
    let first: Option<(String, &'static str)> = {
        let rules: [(&str, &'static str, &str); 12] = [
            ("meng", "meN", ""),
            ("meny", "meN", "s"),
            ("men", "meN", ""),
            ("mem", "meN", "p"),
            ("me", "meN", ""),
            ("peng", "peN", ""),
            ("peny", "peN", "s"),
            ("pen", "peN", ""),
            ("pem", "peN", "p"),
            ("di", "di", ""),
            ("ter", "ter", ""),
            ("ke", "ke", ""),
        ];
        rules.iter().find_map(|(p, name, recode)| {
            let rest = w.strip_prefix(p)?;
            // Recodings apply only before a vowel (`memakai` → `pakai`, `membuat` → `buat`).
            let stem = if !recode.is_empty() && starts_with_vowel(rest) {
                format!("{recode}{rest}")
            } else if *recode == "s" {
                return None;
            } else {
                rest.to_string()
            };
            (measure(&stem) >= 2).then_some((stem, *name))
        })
    };
    if let Some((rest, name)) = first {
        w = rest;
        prefixes.push(name);
    }
    // Derivational suffix (not `-kan` after `ke-`/`peN-`, not `-i` after `s`).
    let first_prefix = prefixes.first().copied();
    for s in ["kan", "an", "i"] {
        if s == "kan" && matches!(first_prefix, Some("ke") | Some("peN")) {
            continue;
        }
        if s == "i" && (w.ends_with("si") || matches!(first_prefix, Some("ke") | Some("peN"))) {
            continue;
        }
        if let Some(rest) = w.strip_suffix(s) {
            if measure(rest) >= 2 {
                w = rest.to_string();
                suffix = Some(s);
                break;
            }
        }
    }
    // Second-order prefix.
    for (p, name) in [("per", "per"), ("ber", "ber"), ("pe", "per"), ("be", "ber")] {
        if let Some(rest) = w.strip_prefix(p) {
            if measure(rest) >= 2 && !prefixes.contains(&name) {
                w = rest.to_string();
                prefixes.push(name);
                break;
            }
        }
    }
    Stem {
        root: w,
        prefixes,
        suffix,
        known: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOTS: &[&str] = &[
        "kirim",
        "periksa",
        "terbit",
        "verifikasi",
        "terima",
        "aju",
        "tulis",
        "pakai",
        "beri",
        "daftar",
        "layan",
        "tetap",
        "usul",
        "ubah",
        "nilai",
        "cek",
        "proses",
        "serah",
    ];

    fn s(w: &str) -> String {
        stem(w, &|x: &str| ROOTS.contains(&x)).root
    }

    #[test]
    fn brief_examples() {
        assert_eq!(s("memverifikasi"), "verifikasi");
        assert_eq!(s("pemeriksaan"), "periksa");
        assert_eq!(s("diperiksa"), "periksa");
        assert_eq!(s("mengirim"), "kirim");
        assert_eq!(s("penerbitan"), "terbit");
    }

    #[test]
    fn nasal_recoding_with_known_roots() {
        assert_eq!(s("menerima"), "terima");
        assert_eq!(s("penerimaan"), "terima");
        assert_eq!(s("menulis"), "tulis");
        assert_eq!(s("memakai"), "pakai");
        assert_eq!(s("menilai"), "nilai");
        assert_eq!(s("penilaian"), "nilai");
        assert_eq!(s("menyerahkan"), "serah");
        assert_eq!(s("penyerahan"), "serah");
    }

    #[test]
    fn suffixes_particles_and_possessives() {
        assert_eq!(s("mengajukan"), "aju");
        assert_eq!(s("pengajuan"), "aju");
        assert_eq!(s("diajukannya"), "aju");
        assert_eq!(s("kirimkanlah"), "kirim");
        assert_eq!(s("memberikan"), "beri");
        assert_eq!(s("pendaftaran"), "daftar");
        assert_eq!(s("pelayanan"), "layan");
        assert_eq!(s("penetapan"), "tetap");
        assert_eq!(s("diusulkan"), "usul");
        assert_eq!(s("perubahan"), "ubah");
        assert_eq!(s("dicek"), "cek");
        assert_eq!(s("diproses"), "proses");
    }

    #[test]
    fn rules_alone_for_unknown_words() {
        // Not in the root list: the rules still give one stem for every form.
        assert_eq!(s("membayar"), "bayar");
        assert_eq!(s("pembayaran"), "bayar");
        assert_eq!(s("dibayarkan"), "bayar");
        assert_eq!(s("menyusun"), "susun");
        assert_eq!(s("penyusunan"), "susun");
        assert_eq!(s("disusun"), "susun");
    }

    #[test]
    fn leaves_short_words_acronyms_and_roots_alone() {
        assert_eq!(s("data"), "data");
        assert_eq!(s("sp2d"), "sp2d");
        assert_eq!(s("periksa"), "periksa");
        assert_eq!(s("nik"), "nik");
    }

    #[test]
    fn verbal_morphology() {
        let known = |x: &str| ROOTS.contains(&x);
        assert!(stem("memverifikasi", &known).is_verbal());
        assert!(stem("diperiksa", &known).is_verbal());
        assert!(stem("pemeriksaan", &known).is_verbal());
        assert!(stem("kirimkan", &known).is_verbal());
        assert!(!stem("berkas", &known).is_verbal());
        assert!(!stem("kependudukan", &known).is_verbal());
    }
}
