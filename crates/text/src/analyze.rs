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
    /// Inside a recipient or source phrase (`kepada BKN`, `from the
    /// applicant`): the other party of a handoff. Implies [`Role::Adjunct`].
    pub counterpart: bool,
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
    /// Every action token: more than one when actions are joined
    /// ("Check and evaluate application").
    pub fn actions(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(|t| t.role == Role::Action)
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
    /// Inside a recipient or source phrase.
    counterpart: bool,
    verbal: bool,
    lang: Option<Lang>,
    /// Position in the label among content words (0 = first).
    position: usize,
    /// Follows a conjunction ("and", "dan").
    after_conj: bool,
    /// A light verb ("conduct", "melakukan").
    light: bool,
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
            // Undecided: Indonesian only on evidence of Indonesian affixes.
            let indonesian_looking = ws.iter().any(|w| {
                let t = w.text.as_str();
                t.ends_with("kan")
                    || t.ends_with("nya")
                    || [
                        "meng", "meny", "mem", "men", "peng", "peny", "pem", "pen", "di", "ber",
                        "ter",
                    ]
                    .iter()
                    .any(|p| t.starts_with(p) && t.len() > p.len() + 3)
                        && !t.ends_with("ing")
                        && !t.ends_with("ed")
                        && !t.ends_with("tion")
            });
            if indonesian_looking {
                Lang::Indonesian
            } else {
                Lang::English
            }
        };
        let mut tokens: Vec<Token> = Vec::with_capacity(drafts.len());
        let mut verbal: Vec<bool> = Vec::with_capacity(drafts.len());
        let after_conj: Vec<bool> = drafts.iter().map(|d| d.after_conj).collect();
        let light: Vec<bool> = drafts.iter().map(|d| d.light).collect();
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
                counterpart: d.counterpart,
            });
        }
        let actions = self.actions(&tokens, &verbal, &after_conj, &light, lang);
        // Light verbs that are not the action carry nothing.
        let mut keep = vec![true; tokens.len()];
        for (i, t) in tokens.iter_mut().enumerate() {
            if actions.contains(&i) {
                t.role = Role::Action;
            } else if light[i] && t.role == Role::Object {
                keep[i] = false;
            }
        }
        let mut k = keep.iter();
        tokens.retain(|_| *k.next().unwrap_or(&true));
        Analysis {
            normalized,
            lang,
            tokens,
        }
    }

    /// Indices of the action tokens: the label's verb (or action noun) and any
    /// action joined to it by a conjunction.
    fn actions(
        &self,
        tokens: &[Token],
        verbal: &[bool],
        after_conj: &[bool],
        light: &[bool],
        lang: Lang,
    ) -> Vec<usize> {
        let is_candidate = |i: usize| -> bool {
            let t = &tokens[i];
            t.role == Role::Object && (t.concept == Some(ConceptKind::Action) || verbal[i])
        };
        // English verb-object labels start with the verb ("Score bachelor
        // grade", "Invite applicant"); a one-word label is an action.
        let english_first = |i: usize| -> bool {
            let t = &tokens[i];
            t.role == Role::Object
                && t.lang == Lang::English
                && !t.acronym
                && t.text.chars().all(|c| c.is_alphabetic())
                && !self.nonverbs.contains(&t.text)
                && !matches!(
                    t.concept,
                    Some(ConceptKind::Object) | Some(ConceptKind::Actor)
                )
        };
        let content: Vec<usize> = (0..tokens.len())
            .filter(|&i| tokens[i].role == Role::Object)
            .collect();
        let mut first: Option<usize> = None;
        if content.len() == 1 && (lang == Lang::English || is_candidate(content[0])) {
            first = Some(content[0]);
        }
        if first.is_none() && lang == Lang::English {
            // Skip leading light verbs ("Take interview", "Go to the interview").
            let lead = content.iter().copied().find(|&i| !light[i]);
            if let Some(i) = lead {
                if english_first(i) || is_candidate(i) {
                    first = Some(i);
                }
            }
        }
        if first.is_none() {
            first = content
                .iter()
                .copied()
                .find(|&i| is_candidate(i) && !light[i])
                .or_else(|| content.iter().copied().find(|&i| is_candidate(i)))
                .or_else(|| content.iter().copied().find(|&i| light[i]));
        }
        let Some(first) = first else {
            return Vec::new();
        };
        let mut out = vec![first];
        // Actions joined by a conjunction.
        let mut prev = first;
        for &j in content.iter().filter(|&&j| j > first) {
            if !after_conj[j] {
                continue;
            }
            let joined = is_candidate(j)
                || (lang == Lang::English && english_first(j) && tokens[j].concept.is_none());
            if joined && j == prev + 1 {
                out.push(j);
                prev = j;
            } else {
                break;
            }
        }
        out
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
        // A stem reaches a concept through the stems of its terms only when
        // something was stripped from the word: a bare word is matched as
        // written, so an independent word does not inherit the concept of a
        // derivation of it (`data` is not `pendataan`, `baru` "new" is not
        // `pembaruan` "update").
        let found = self.term_index.get(keys[0]).or_else(|| {
            keys[1..].iter().find_map(|k| {
                let by_stem = if *k == w {
                    None
                } else {
                    self.stem_index.get(*k)
                };
                by_stem.or_else(|| self.term_index.get(*k))
            })
        });
        if let Some(&i) = found {
            let c = &self.concepts[i];
            return (c.name.clone(), Some(c.kind), verbal);
        }
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
        let mut counterpart = false;
        let mut conj = false;
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            let in_adjunct = adjunct || w.in_parens;
            let in_counterpart = counterpart && !w.in_parens;
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
                    counterpart: in_counterpart,
                    verbal: false,
                    lang: None,
                    position: out.len(),
                    after_conj: std::mem::take(&mut conj),
                    light: false,
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
            // An adjunct phrase needs something before it besides the verb:
            // "Send documents to the board" (adjunct) but "Go to the
            // interview" and "Talk to applicant" (object).
            if self.adjunct.contains(t) && out.len() >= 2 {
                adjunct = true;
                counterpart = self.counterpart.contains(t);
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
                    counterpart: in_counterpart,
                    verbal: false,
                    lang: None,
                    position: out.len(),
                    after_conj: std::mem::take(&mut conj),
                    light: false,
                });
                continue;
            }
            if self.conjunctions.contains(t) {
                conj = true;
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
                counterpart: in_counterpart,
                verbal: false,
                lang: self.word_lang(t),
                position: out.len(),
                after_conj: std::mem::take(&mut conj),
                light: self.light_verbs.contains(t),
            });
        }
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
    fn a_bare_word_does_not_inherit_the_concept_of_its_derivations() {
        let l = lex();
        // `pendataan` is inventory and `pembaruan` update, but `data` and
        // `baru` ("new") are words of their own.
        assert_eq!(object(&l, "Memutakhirkan data"), ["data"]);
        assert!(object(&l, "Orientasi ASN baru").contains(&"baru".to_string()));
        assert_eq!(action(&l, "Pendataan pegawai"), Some("inventory".into()));
        // Derived forms still reach their concept through the stem.
        assert_eq!(action(&l, "Memperbarui data"), Some("update".into()));
        assert_eq!(action(&l, "Mencocokkan NIK"), Some("verify".into()));
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
