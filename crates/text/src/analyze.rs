//! Label analysis: words → canonical tokens with a role (action, object, adjunct).

use serde::Serialize;

use crate::lexicon::{ConceptKind, Lexicon};
use crate::normalize::{words, Word};
use crate::stem_en;

/// The language a word was stemmed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Indonesian,
    English,
}

/// What a token does in the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The label's verb or action noun (`Memverifikasi`, `Pemeriksaan`, `Check`).
    Action,
    /// Part of the business object (`berkas`, `data kependudukan`).
    Object,
    /// Inside an instrument, agent, recipient or place phrase (`melalui SIASN`,
    /// `oleh BKN`, `to applicant`) or parentheses: context, weighed less.
    Adjunct,
}

/// One canonical token of a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The word or phrase as written, case-folded (`memverifikasi`, `surat keputusan`).
    pub text: String,
    /// The comparison key: a thesaurus concept name, an acronym, or a stem.
    pub canonical: String,
    /// The kind of thesaurus concept, when `canonical` is one.
    pub concept: Option<ConceptKind>,
    pub lang: Lang,
    pub role: Role,
    /// Written as an acronym or an abbreviation from the lexicon.
    pub acronym: bool,
}

/// A label broken into canonical tokens; stop words are gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The normalised label.
    pub normalized: String,
    /// The label's dominant language.
    pub lang: Lang,
    pub tokens: Vec<Token>,
}

impl Analysis {
    /// The action token, if the label has one.
    pub fn action(&self) -> Option<&Token> {
        self.tokens.iter().find(|t| t.role == Role::Action)
    }
    /// Tokens of the business object.
    pub fn object(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(|t| t.role == Role::Object)
    }
    /// Tokens of adjunct phrases.
    pub fn adjuncts(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(|t| t.role == Role::Adjunct)
    }
    /// All canonical keys, in label order.
    pub fn canonical(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.canonical.as_str()).collect()
    }
}

/// A token before roles are assigned.
struct Draft {
    text: String,
    canonical: Option<String>,
    concept: Option<ConceptKind>,
    acronym: bool,
    adjunct: bool,
    verbal: bool,
    lang: Option<Lang>,
    /// Position in the label among content words (0 = first).
    position: usize,
}

impl Lexicon {
    /// Analyses one label.
    ///
    /// ```
    /// let lex = peta_text::Lexicon::bundled();
    /// let a = lex.analyze("Memverifikasi berkas pemohon melalui SIASN");
    /// assert_eq!(a.action().map(|t| t.canonical.as_str()), Some("verify"));
    /// assert!(a.object().any(|t| t.canonical == "document"));
    /// assert!(a.adjuncts().any(|t| t.canonical == "siasn"));
    /// ```
    pub fn analyze(&self, label: &str) -> Analysis {
        let ws = words(label);
        let normalized = ws
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let drafts = self.drafts(&ws);
        // Label language: majority of the words whose language is certain.
        let (mut id, mut en) = (0usize, 0usize);
        for w in &ws {
            match self.word_lang(&w.text) {
                Some(Lang::Indonesian) => id += 1,
                Some(Lang::English) => en += 1,
                None => {}
            }
        }
        let lang = if en > id {
            Lang::English
        } else if id > en {
            Lang::Indonesian
        } else {
            // Undecided: Indonesian affixes or nothing English-looking.
            let english_looking = ws.iter().any(|w| {
                w.text.ends_with("ing")
                    || w.text.ends_with("ed")
                    || w.text.ends_with("tion")
                    || w.text.ends_with("ment")
            });
            if english_looking {
                Lang::English
            } else {
                Lang::Indonesian
            }
        };
        let mut tokens: Vec<Token> = Vec::with_capacity(drafts.len());
        let mut verbal: Vec<bool> = Vec::with_capacity(drafts.len());
        for d in drafts {
            let tlang = d.lang.unwrap_or(lang);
            let (canonical, concept, is_verbal) = match d.canonical {
                Some(c) => (c, d.concept, d.verbal),
                None => self.canonical_word(&d.text, tlang),
            };
            verbal.push(is_verbal || (d.position == 0 && d.text.ends_with("ing")));
            tokens.push(Token {
                text: d.text,
                canonical,
                concept,
                lang: tlang,
                role: if d.adjunct {
                    Role::Adjunct
                } else {
                    Role::Object
                },
                acronym: d.acronym,
            });
        }
        // The action: the first action concept or verbal form outside adjuncts.
        let action = tokens
            .iter()
            .enumerate()
            .find(|(i, t)| {
                t.role == Role::Object && (t.concept == Some(ConceptKind::Action) || verbal[*i])
            })
            .map(|(i, _)| i)
            .or_else(|| {
                // English verb–object labels: an unknown first word followed
                // by an object is the verb ("Invite applicant").
                let first = tokens.first()?;
                let content = tokens.iter().filter(|t| t.role == Role::Object).count();
                (lang == Lang::English
                    && first.lang == Lang::English
                    && first.role == Role::Object
                    && first.concept.is_none()
                    && !first.acronym
                    && content >= 2
                    && !self.known_en.contains(&first.text))
                .then_some(0)
            });
        if let Some(i) = action {
            tokens[i].role = Role::Action;
        }
        Analysis {
            normalized,
            lang,
            tokens,
        }
    }

    /// Language of a word when the lexicon knows it, `None` when unsure.
    fn word_lang(&self, w: &str) -> Option<Lang> {
        let id = self.stop_id.contains(w) || self.roots_id.contains(w) || {
            let s = self.stem_id(w);
            s.known && (!s.prefixes.is_empty() || s.suffix.is_some())
        };
        let en = self.stop_en.contains(w)
            || self.known_en.contains(w)
            || self.known_en.contains(&stem_en::stem(w));
        match (id, en) {
            (true, false) => Some(Lang::Indonesian),
            (false, true) => Some(Lang::English),
            _ => None,
        }
    }

    /// Canonical key, concept kind and verbal flag of one word.
    fn canonical_word(&self, w: &str, lang: Lang) -> (String, Option<ConceptKind>, bool) {
        let id_stem = self.stem_id(w);
        let en_stem = stem_en::stem(w);
        let verbal = lang == Lang::Indonesian && id_stem.is_verbal();
        let keys: [&str; 3] = match lang {
            Lang::Indonesian => [w, &id_stem.root, &en_stem],
            Lang::English => [w, &en_stem, &id_stem.root],
        };
        for k in keys {
            if let Some(&i) = self.term_index.get(k) {
                let c = &self.concepts[i];
                return (c.name.clone(), Some(c.kind), verbal);
            }
        }
        match lang {
            Lang::Indonesian => (id_stem.root, None, verbal),
            Lang::English => (en_stem, None, false),
        }
    }

    /// Phrases, abbreviations, stop words and adjunct phrases.
    fn drafts(&self, ws: &[Word]) -> Vec<Draft> {
        let keys: Vec<String> = ws.iter().map(|w| self.key_of(&w.text)).collect();
        let mut out: Vec<Draft> = Vec::new();
        let mut adjunct = false;
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            let in_adjunct = adjunct || w.in_parens;
            // Longest thesaurus phrase or written-out abbreviation first.
            let mut matched = false;
            let max = self.longest_phrase.min(ws.len() - i);
            for n in (2..=max).rev() {
                let surface: Vec<String> = ws[i..i + n].iter().map(|w| w.text.clone()).collect();
                let stems = keys[i..i + n].to_vec();
                let text = surface.join(" ");
                let concept = self
                    .phrase_index
                    .get(&surface)
                    .or_else(|| self.phrase_index.get(&stems))
                    .copied();
                let acronym = self
                    .expansions
                    .get(&stems)
                    .or_else(|| self.expansions.get(&surface))
                    .cloned();
                let (canonical, concept) = if let Some(ci) = concept {
                    let c = &self.concepts[ci];
                    (c.name.clone(), Some(c.kind))
                } else if let Some(acr) = acronym {
                    self.acronym_key(&acr)
                } else {
                    continue;
                };
                out.push(Draft {
                    text,
                    canonical: Some(canonical),
                    concept,
                    acronym: false,
                    adjunct: in_adjunct,
                    verbal: false,
                    lang: None,
                    position: out.len(),
                });
                i += n;
                matched = true;
                break;
            }
            if matched {
                continue;
            }
            i += 1;
            let t = w.text.as_str();
            if self.adjunct.contains(t) && !out.is_empty() {
                adjunct = true;
                continue;
            }
            let is_abbreviation = self.abbreviations.contains_key(t)
                && (w.acronym
                    || !(self.stop_id.contains(t)
                        || self.stop_en.contains(t)
                        || self.known_en.contains(t)
                        || self.roots_id.contains(t)));
            if is_abbreviation || w.acronym {
                let (canonical, concept) = self.acronym_key(t);
                out.push(Draft {
                    text: t.to_string(),
                    canonical: Some(canonical),
                    concept,
                    acronym: true,
                    adjunct: in_adjunct,
                    verbal: false,
                    lang: None,
                    position: out.len(),
                });
                continue;
            }
            if self.stop_id.contains(t) || self.stop_en.contains(t) {
                continue;
            }
            if t.chars().count() < 2 && !t.chars().all(|c| c.is_numeric()) {
                continue;
            }
            out.push(Draft {
                text: t.to_string(),
                canonical: None,
                concept: None,
                acronym: false,
                adjunct: in_adjunct,
                verbal: false,
                lang: self.word_lang(t),
                position: out.len(),
            });
        }
        let _ = out.iter().map(|d| d.position).max();
        out
    }

    /// The key of an acronym: its thesaurus concept if it has one, else itself.
    fn acronym_key(&self, acronym: &str) -> (String, Option<ConceptKind>) {
        match self.term_index.get(acronym) {
            Some(&i) => {
                let c = &self.concepts[i];
                (c.name.clone(), Some(c.kind))
            }
            None => (acronym.to_string(), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::bundled()
    }

    fn action(l: &Lexicon, label: &str) -> Option<String> {
        l.analyze(label).action().map(|t| t.canonical.clone())
    }

    fn object(l: &Lexicon, label: &str) -> Vec<String> {
        l.analyze(label)
            .object()
            .map(|t| t.canonical.clone())
            .collect()
    }

    #[test]
    fn indonesian_verb_forms_share_one_action() {
        let l = lex();
        let a = action(&l, "Memverifikasi berkas");
        assert!(a.is_some());
        for label in [
            "Verifikasi berkas",
            "Validasi dokumen",
            "Pemeriksaan berkas",
            "Berkas diperiksa",
            "Cek kelengkapan berkas",
        ] {
            assert_eq!(action(&l, label), a, "{label}");
        }
        assert_eq!(action(&l, "Verify documents"), a);
    }

    #[test]
    fn objects_are_separated_from_actions() {
        let l = lex();
        assert_eq!(
            object(&l, "Memeriksa berkas"),
            object(&l, "Periksa dokumen")
        );
        assert_ne!(
            object(&l, "Verifikasi data kependudukan"),
            object(&l, "Verifikasi data keuangan")
        );
        assert_ne!(action(&l, "Menerima berkas"), action(&l, "Mengirim berkas"));
        let recv = action(&l, "Menerima berkas").unwrap_or_default();
        let send = action(&l, "Mengirim berkas").unwrap_or_default();
        assert!(l.are_opposite(&recv, &send), "{recv} vs {send}");
    }

    #[test]
    fn abbreviations_collapse_with_written_out_forms() {
        let l = lex();
        assert_eq!(
            object(&l, "Terbitkan SK"),
            object(&l, "Menerbitkan surat keputusan")
        );
        assert_eq!(
            action(&l, "Terbitkan SK"),
            action(&l, "Penerbitan Surat Keputusan")
        );
        let a = l.analyze("Input NIK");
        assert!(a.tokens.iter().any(|t| t.acronym));
    }

    #[test]
    fn adjunct_phrases_and_parentheses() {
        let l = lex();
        let a = l.analyze("Validasi NIK pemohon melalui layanan Dukcapil");
        let adj: Vec<_> = a.adjuncts().map(|t| t.text.as_str()).collect();
        assert!(adj.contains(&"dukcapil"), "{adj:?}");
        assert!(!a.object().any(|t| t.text == "dukcapil"));
        let b = l.analyze("Upload dokumen (SIASN)");
        assert!(b.adjuncts().any(|t| t.text == "siasn"));
    }

    #[test]
    fn english_labels() {
        let l = lex();
        let a = l.analyze("Check documents");
        assert_eq!(a.lang, Lang::English);
        assert_eq!(
            action(&l, "Checking the documents"),
            action(&l, "Check documents")
        );
        let mut x = object(&l, "Send letter of acceptance");
        let mut y = object(&l, "Send acceptance letter");
        x.sort();
        y.sort();
        assert_eq!(x, y);
        // An unknown first word of an English verb-object label is its verb.
        let inv = l.analyze("Invite applicant for interview");
        assert_eq!(inv.action().map(|t| t.text.as_str()), Some("invite"));
        let hon = l.analyze("Honour applicant");
        assert_eq!(hon.action().map(|t| t.text.as_str()), Some("honour"));
    }

    #[test]
    fn indonesian_language_detection() {
        let l = lex();
        assert_eq!(
            l.analyze("Mengirimkan berkas ke BKN").lang,
            Lang::Indonesian
        );
        assert_eq!(l.analyze("Receive the application").lang, Lang::English);
    }
}
