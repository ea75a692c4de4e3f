//! The lexical resources: stop words, abbreviations, thesaurus concepts,
//! opposite actions and Indonesian root words.
//!
//! Bundled from `data/*.toml` (see `docs/matching.md` for their origin and
//! licence); users add their own with [`Lexicon::load_extra`], in the same
//! format ([`LexiconFile`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{normalize, stem_en, stem_id, TextError};

/// What a thesaurus concept names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConceptKind {
    /// A verb or action noun: `verifikasi`, `kirim`, `approve`.
    Action,
    /// A business object: `berkas`, `document`, `surat keputusan`.
    #[default]
    Object,
    /// A person or role: `pemohon`, `applicant`.
    Actor,
    /// Anything else (qualifiers such as `lengkap`, `complete`).
    Other,
}

/// One synonym set: every term (in either language) stands for `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// The canonical token of the concept (English, lower case, no spaces).
    pub name: String,
    #[serde(default)]
    pub kind: ConceptKind,
    /// A common service action (archiving, notifying, signing): the action
    /// alone identifies the work, whatever document it applies to.
    #[serde(default)]
    pub service: bool,
    /// An actor who is a person or business served by the government
    /// (applicant, employee, citizen), not an agency: sending something to
    /// them is notifying them.
    #[serde(default)]
    pub person: bool,
    /// A document container (`berkas`, `dokumen`): when it heads both
    /// objects, what the documents are about matters less.
    #[serde(default)]
    pub container: bool,
    /// An action that keeps records (recording, updating, storing data):
    /// such work in one shared information system ("Mencatat cuti di
    /// SIASN", "Memutakhirkan status pensiun di SIASN") is one
    /// data-maintenance service of that system, whatever the record.
    #[serde(default)]
    pub record_keeping: bool,
    /// Money, goods or blank forms (`dana`, `bantuan`, `formulir`): things
    /// handed over to be used (spent, filled in), not news: handing them
    /// over is not a notification.
    #[serde(default)]
    pub material: bool,
    /// Indonesian terms (single words or phrases).
    #[serde(default)]
    pub indonesian: Vec<String>,
    /// English terms (single words or phrases).
    #[serde(default)]
    pub english: Vec<String>,
}

/// A pair of opposite actions: two labels whose actions are opposites never match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opposite {
    /// Two concept names.
    pub actions: [String; 2],
}

/// Stop words, adjunct markers and known words of one kind, per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerLanguage {
    #[serde(default)]
    pub indonesian: Vec<String>,
    #[serde(default)]
    pub english: Vec<String>,
}

/// The format of every lexicon file, bundled or user-supplied. All sections
/// are optional.
///
/// ```toml
/// [stopwords]
/// indonesian = ["yang", "dan"]
/// english = ["the", "and"]
///
/// [adjunct_markers]          # words that open an instrument/agent/place phrase
/// indonesian = ["melalui", "oleh"]
/// english = ["via", "by"]
///
/// [counterpart_markers]      # adjunct markers that name the other party of a handoff
/// indonesian = ["kepada", "dari"]
/// english = ["to", "from"]
///
/// [light_verbs]             # verbs that only carry another action ("conduct interview")
/// indonesian = ["melakukan"]
/// english = ["conduct", "take"]
///
/// [conjunctions]             # join two actions ("check and evaluate")
/// indonesian = ["dan"]
/// english = ["and"]
///
/// [nonverbs]                 # English words that never start a label as its verb
/// english = ["final", "online"]
///
/// [abbreviations]
/// SK = "surat keputusan"
///
/// [roots]                    # known root words (Indonesian) / known words (English)
/// indonesian = ["kirim", "periksa"]
///
/// [[concept]]
/// name = "verify"
/// kind = "action"
/// indonesian = ["verifikasi", "validasi", "periksa", "cek"]
/// english = ["verify", "validate", "check"]
///
/// [[opposite]]
/// actions = ["receive", "send"]
///
/// [[related]]                # partly the same (half credit in matching)
/// concepts = ["application", "document"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconFile {
    #[serde(default)]
    pub stopwords: PerLanguage,
    #[serde(default)]
    pub adjunct_markers: PerLanguage,
    /// Adjunct markers that open a recipient or source phrase ("kepada
    /// BKN", "from the applicant"): the other party of a handoff.
    #[serde(default)]
    pub counterpart_markers: PerLanguage,
    #[serde(default)]
    pub light_verbs: PerLanguage,
    #[serde(default)]
    pub conjunctions: PerLanguage,
    #[serde(default)]
    pub nonverbs: PerLanguage,
    #[serde(default)]
    pub abbreviations: BTreeMap<String, String>,
    #[serde(default)]
    pub roots: PerLanguage,
    #[serde(default)]
    pub concept: Vec<Concept>,
    #[serde(default)]
    pub opposite: Vec<Opposite>,
    #[serde(default)]
    pub related: Vec<Related>,
}

/// Two concepts that are partly the same ("application" and "document").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub concepts: [String; 2],
}

/// Prefix of the per-system record-keeping key ([`Lexicon::records_of`]).
/// Canonical words never contain `:`, so the key collides with no word.
const RECORDS_OF: &str = "records:";

const BUNDLED: &[(&str, &str)] = &[
    (
        "data/stopwords.toml",
        include_str!("../data/stopwords.toml"),
    ),
    (
        "data/abbreviations.toml",
        include_str!("../data/abbreviations.toml"),
    ),
    ("data/roots.toml", include_str!("../data/roots.toml")),
    (
        "data/thesaurus.toml",
        include_str!("../data/thesaurus.toml"),
    ),
];

/// All lexical resources, indexed for lookup. Cheap to share (`&Lexicon` is
/// `Sync`); build once.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(crate) stop_id: HashSet<String>,
    pub(crate) stop_en: HashSet<String>,
    pub(crate) adjunct: HashSet<String>,
    pub(crate) counterpart: HashSet<String>,
    /// Lower-case acronym → expansion words.
    pub(crate) abbreviations: HashMap<String, Vec<String>>,
    /// Phrase (expansion words, stemmed) → acronym, for collapsing written-out forms.
    pub(crate) expansions: HashMap<Vec<String>, String>,
    pub(crate) roots_id: HashSet<String>,
    pub(crate) known_en: HashSet<String>,
    pub(crate) concepts: Vec<Concept>,
    /// Single-word term as written → concept index.
    pub(crate) term_index: HashMap<String, usize>,
    /// Stem of a single-word term → concept index.
    pub(crate) stem_index: HashMap<String, usize>,
    /// Multi-word key (per-word stems) → concept index.
    pub(crate) phrase_index: HashMap<Vec<String>, usize>,
    pub(crate) longest_phrase: usize,
    pub(crate) opposites: HashSet<(String, String)>,
    pub(crate) related: HashSet<(String, String)>,
    pub(crate) opposite_of: HashMap<String, Vec<String>>,
    pub(crate) related_to: HashMap<String, Vec<String>>,
    pub(crate) services: HashSet<String>,
    pub(crate) persons: HashSet<String>,
    pub(crate) containers: HashSet<String>,
    pub(crate) light_verbs: HashSet<String>,
    pub(crate) conjunctions: HashSet<String>,
    pub(crate) nonverbs: HashSet<String>,
}

impl Lexicon {
    /// The bundled resources.
    pub fn bundled() -> Lexicon {
        let mut lex = Lexicon::default();
        for (path, text) in BUNDLED {
            // The bundled files are tested to parse; a failure here would be a
            // build defect, reported once and skipped rather than panicking.
            match parse(path, text) {
                Ok(file) => lex.add(file),
                Err(e) => eprintln!("peta-text: bundled lexicon {e}"),
            }
        }
        lex.reindex();
        lex
    }

    /// An empty lexicon (no stop words, no thesaurus): plain stemming only.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// Adds the entries of a user lexicon file (same format as the bundled
    /// ones) on top of what is loaded.
    pub fn load_extra(&mut self, path: &Path) -> Result<(), TextError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| TextError::Io {
            path: name.clone(),
            source,
        })?;
        self.add_toml(&name, &text)
    }

    /// Adds the entries of lexicon TOML held in memory; `name` is used in errors.
    pub fn add_toml(&mut self, name: &str, text: &str) -> Result<(), TextError> {
        let file = parse(name, text)?;
        self.add(file);
        self.reindex();
        Ok(())
    }

    /// The thesaurus concepts.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concept with this canonical name.
    pub fn concept(&self, name: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.name == name)
    }

    /// The two actions (concept names or stems) are declared opposites.
    pub fn are_opposite(&self, a: &str, b: &str) -> bool {
        self.opposite_of
            .get(a)
            .is_some_and(|v| v.iter().any(|x| x == b))
    }

    /// The concept is a common service action (see [`Concept::service`]).
    pub fn is_service(&self, name: &str) -> bool {
        self.services.contains(name)
    }

    /// The key of keeping the records of one information system (`system`
    /// is a canonical token such as `siasn`): recording, updating or storing
    /// anything in that system is the same kind of work (see
    /// [`Concept::record_keeping`]). The key serves as an action and as the
    /// head of the object, and it is a document container: the records are
    /// the system's file.
    pub fn records_of(&self, system: &str) -> String {
        format!("{RECORDS_OF}{system}")
    }

    /// The concept is a person served (see [`Concept::person`]).
    pub fn is_person(&self, name: &str) -> bool {
        self.persons.contains(name)
    }

    /// The concept is money, goods or a blank form (see [`Concept::material`]).
    pub fn is_material(&self, name: &str) -> bool {
        self.concept(name).is_some_and(|c| c.material)
    }

    /// The concept is a record-keeping action (see [`Concept::record_keeping`]).
    pub fn is_record_keeping(&self, name: &str) -> bool {
        self.concept(name).is_some_and(|c| c.record_keeping)
    }

    /// The concept is a document container (see [`Concept::container`]).
    pub fn is_container(&self, name: &str) -> bool {
        self.containers.contains(name) || name.starts_with(RECORDS_OF)
    }

    /// The two concepts are declared related (partly the same).
    pub fn are_related(&self, a: &str, b: &str) -> bool {
        self.related_to
            .get(a)
            .is_some_and(|v| v.iter().any(|x| x == b))
    }

    /// The concepts declared related to this one.
    pub fn related_to(&self, a: &str) -> &[String] {
        self.related_to.get(a).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The expansion of an abbreviation (`sk` → `surat keputusan`).
    pub fn expansion(&self, acronym: &str) -> Option<String> {
        self.abbreviations
            .get(&acronym.to_lowercase())
            .map(|w| w.join(" "))
    }

    /// Is this case-folded word an Indonesian stop word?
    pub fn is_stop_id(&self, w: &str) -> bool {
        self.stop_id.contains(w)
    }

    /// Is this case-folded word an English stop word?
    pub fn is_stop_en(&self, w: &str) -> bool {
        self.stop_en.contains(w)
    }

    /// Is this a known Indonesian root word (roots list or thesaurus term)?
    pub fn is_root_id(&self, w: &str) -> bool {
        self.roots_id.contains(w)
    }

    /// Stems an Indonesian word against this lexicon's root words.
    pub fn stem_id(&self, w: &str) -> stem_id::Stem {
        stem_id::stem(w, &|x: &str| self.roots_id.contains(x))
    }

    fn add(&mut self, file: LexiconFile) {
        let lower = |v: &[String]| -> Vec<String> { v.iter().map(|s| normalize(s)).collect() };
        self.stop_id.extend(lower(&file.stopwords.indonesian));
        self.stop_en.extend(lower(&file.stopwords.english));
        self.adjunct.extend(lower(&file.adjunct_markers.indonesian));
        self.adjunct.extend(lower(&file.adjunct_markers.english));
        self.counterpart
            .extend(lower(&file.counterpart_markers.indonesian));
        self.counterpart
            .extend(lower(&file.counterpart_markers.english));
        self.light_verbs.extend(lower(&file.light_verbs.indonesian));
        self.light_verbs.extend(lower(&file.light_verbs.english));
        self.conjunctions
            .extend(lower(&file.conjunctions.indonesian));
        self.conjunctions.extend(lower(&file.conjunctions.english));
        self.nonverbs.extend(lower(&file.nonverbs.indonesian));
        self.nonverbs.extend(lower(&file.nonverbs.english));
        self.roots_id.extend(lower(&file.roots.indonesian));
        self.known_en.extend(lower(&file.roots.english));
        for (abbr, expansion) in file.abbreviations {
            let words: Vec<String> = normalize(&expansion)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if !words.is_empty() {
                self.abbreviations.insert(normalize(&abbr), words);
            }
        }
        for concept in file.concept {
            // Single Indonesian words of the thesaurus are known roots too.
            for t in &concept.indonesian {
                let t = normalize(t);
                if !t.contains(' ') {
                    self.roots_id.insert(t);
                }
            }
            for t in &concept.english {
                for w in normalize(t).split(' ') {
                    self.known_en.insert(w.to_string());
                }
            }
            match self.concepts.iter_mut().find(|c| c.name == concept.name) {
                Some(existing) => {
                    existing.service |= concept.service;
                    existing.person |= concept.person;
                    existing.container |= concept.container;
                    existing.material |= concept.material;
                    existing.record_keeping |= concept.record_keeping;
                    existing.indonesian.extend(concept.indonesian);
                    existing.english.extend(concept.english);
                }
                None => self.concepts.push(concept),
            }
        }
        for o in file.opposite {
            let [a, b] = o.actions;
            self.opposites.insert((a.clone(), b.clone()));
            self.opposites.insert((b, a));
        }
        for r in file.related {
            let [a, b] = r.concepts;
            self.related.insert((a.clone(), b.clone()));
            self.related.insert((b, a));
        }
    }

    /// Rebuilds the term indexes after entries were added. Earlier concepts
    /// win when two claim the same key.
    fn reindex(&mut self) {
        self.term_index.clear();
        self.phrase_index.clear();
        let mut opposite_of: HashMap<String, Vec<String>> = HashMap::new();
        for (a, b) in &self.opposites {
            opposite_of.entry(a.clone()).or_default().push(b.clone());
        }
        let mut related_to: HashMap<String, Vec<String>> = HashMap::new();
        for (a, b) in &self.related {
            related_to.entry(a.clone()).or_default().push(b.clone());
        }
        for v in opposite_of.values_mut().chain(related_to.values_mut()) {
            v.sort();
        }
        self.opposite_of = opposite_of;
        self.related_to = related_to;
        self.services = self
            .concepts
            .iter()
            .filter(|c| c.service)
            .map(|c| c.name.clone())
            .collect();
        self.persons = self
            .concepts
            .iter()
            .filter(|c| c.person)
            .map(|c| c.name.clone())
            .collect();
        self.containers = self
            .concepts
            .iter()
            .filter(|c| c.container)
            .map(|c| c.name.clone())
            .collect();
        self.expansions.clear();
        self.longest_phrase = 1;
        let mut term_index = HashMap::new();
        let mut stem_index = HashMap::new();
        let mut phrase_index = HashMap::new();
        for (i, c) in self.concepts.iter().enumerate() {
            let terms = c
                .indonesian
                .iter()
                .map(|t| (t, true))
                .chain(c.english.iter().map(|t| (t, false)));
            for (term, indonesian) in terms {
                let words: Vec<String> = normalize(term)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                match words.len() {
                    0 => {}
                    1 => {
                        let w = &words[0];
                        term_index.entry(w.clone()).or_insert(i);
                        // Stem without the term itself as a root: inflected
                        // terms (`informasikan`) index their root (`informasi`).
                        let stem = if indonesian {
                            stem_id::stem(w, &|x: &str| x != w && self.roots_id.contains(x)).root
                        } else {
                            stem_en::stem(w)
                        };
                        stem_index.entry(stem).or_insert(i);
                        if indonesian {
                            // A root-form term is its own stem too (`terima`).
                            stem_index.entry(w.clone()).or_insert(i);
                        }
                    }
                    n => {
                        self.longest_phrase = self.longest_phrase.max(n);
                        phrase_index.entry(words.clone()).or_insert(i);
                        let stems: Vec<String> = words.iter().map(|w| self.key_of(w)).collect();
                        phrase_index.entry(stems).or_insert(i);
                    }
                }
            }
        }
        let mut expansions = HashMap::new();
        for (abbr, words) in &self.abbreviations {
            if words.len() > 1 {
                self.longest_phrase = self.longest_phrase.max(words.len());
                let stems: Vec<String> = words.iter().map(|w| self.key_of(w)).collect();
                expansions.entry(stems).or_insert_with(|| abbr.clone());
            }
        }
        self.term_index = term_index;
        self.stem_index = stem_index;
        self.phrase_index = phrase_index;
        self.expansions = expansions;
    }

    /// The language-neutral key of a word used for phrase matching: the
    /// Indonesian stem when the stripper reaches a known root, else the
    /// English stem.
    pub(crate) fn key_of(&self, w: &str) -> String {
        let s = self.stem_id(w);
        if s.known {
            s.root
        } else {
            stem_en::stem(w)
        }
    }
}

fn parse(name: &str, text: &str) -> Result<LexiconFile, TextError> {
    toml::from_str::<LexiconFile>(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
        TextError::Toml {
            path: name.to_string(),
            line,
            column,
            message: e.message().to_string(),
        }
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_parse() {
        for (path, text) in BUNDLED {
            parse(path, text).unwrap_or_else(|e| panic!("{e}"));
        }
        let lex = Lexicon::bundled();
        assert!(lex.concepts().len() > 50);
        assert!(lex.is_stop_id("yang") && lex.is_stop_en("the"));
        assert_eq!(lex.expansion("SK").as_deref(), Some("surat keputusan"));
    }

    #[test]
    fn opposites_are_symmetric() {
        let lex = Lexicon::bundled();
        assert!(lex.are_opposite("receive", "send"));
        assert!(lex.are_opposite("send", "receive"));
        assert!(!lex.are_opposite("send", "verify"));
    }

    #[test]
    fn extra_file_extends_and_bad_file_names_position() {
        let mut lex = Lexicon::bundled();
        lex.add_toml(
            "extra.toml",
            "[[concept]]\nname = \"zzcustom\"\nkind = \"object\"\nindonesian = [\"gawai\"]\nenglish = [\"gadget\"]\n",
        )
        .unwrap();
        assert!(lex.concept("zzcustom").is_some());
        let err = lex
            .add_toml("bad.toml", "[[concept]]\nname = 3\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.toml:2:"), "{err}");
    }

    #[test]
    fn load_extra_reports_missing_file() {
        let mut lex = Lexicon::empty();
        let err = lex
            .load_extra(Path::new("/nonexistent/lexicon.toml"))
            .unwrap_err();
        assert!(err.to_string().contains("/nonexistent/lexicon.toml"));
    }
}
