//! Per-activity analysed form: the action, weighted object terms, context.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use peta_text::{Analysis, ConceptKind, Lexicon, Role};

use crate::activity::{Activity, ActivityKind, MessageRole};
use crate::config::MatchConfig;

/// Canonical name of the negation concept in the thesaurus.
const NEGATION: &str = "not";
/// Sending something to a person served (an applicant, an employee, a
/// citizen; thesaurus `person = true`) is notifying them: `SEND` becomes
/// `NOTIFY` when the label's recipient is such a person. Sending to an
/// agency stays a handoff.
const SEND: &str = "send";
const NOTIFY: &str = "notify";
/// Decisions on a request: their object is the request even when the
/// label names the person who made it.
const DECISIONS: [&str; 2] = ["approve", "reject"];
const APPLICATION: &str = "application";
/// Returning an application (for completion or correction) hands back its
/// file: what is returned is the document container. (Not generalised to
/// sending and receiving: PMMC's gold keeps "Send application" apart from
/// "Send documents by post", micro precision 0.73 -> 0.64.)
const RETURN: &str = "return";
const DOCUMENT: &str = "document";
/// Actions that hand something over between two parties: who gives or gets
/// it (the counterpart phrase, `kepada BKN`, `from applicant`) is part of
/// the work. Notifying is a service to whoever is served: not listed.
const HANDOFFS: [&str; 6] = ["send", "receive", "submit", "return", "upload", "download"];
/// A request for completion or correction returns the file.
const REQUEST: &str = "request";
const CORRECTIONS: [&str; 3] = ["fill", "update", "completeness"];
/// Composing: a light verb before an action noun.
const CREATE: &str = "create";
/// The thesaurus concept of receiving.
const RECEIVE: &str = "receive";

/// One object (or adjunct) term of a label.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub canonical: String,
    /// The word(s) as written.
    pub text: String,
    /// 1 for object tokens, [`MatchConfig::adjunct_weight`] for adjunct tokens.
    pub role_weight: f64,
}

/// What the scorer needs of one activity.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub kind: ActivityKind,
    pub model: String,
    pub normalized: String,
    /// (canonical, as written) of the first action.
    pub action: Option<(String, String)>,
    /// Canonical keys of every action (sorted, distinct).
    pub actions: Vec<String>,
    /// The head of the object (its first object word), if any; the
    /// document-container class `document` for a file outside a handoff.
    pub head: Option<String>,
    /// The label is Indonesian, whose noun phrases are head-first: `head`
    /// is then the object's head noun (in English it may be a modifier).
    pub head_first: bool,
    pub terms: Vec<Term>,
    pub negated: bool,
    /// Canonical tokens of neighbour labels (sorted, distinct).
    pub context: Vec<String>,
    /// Canonical tokens of the lane name (sorted, distinct).
    pub lane: Vec<String>,
    /// Every canonical key of the label (action and terms), sorted, distinct:
    /// what the inverted index holds.
    pub keys: Vec<String>,
    /// Keys that are thesaurus concepts (for the opposite-action veto).
    pub concepts: Vec<String>,
}

impl Profile {
    pub fn build(act: &Activity, lex: &Lexicon, config: &MatchConfig) -> Profile {
        Profile::build_from(act, &lex.analyze(&act.label), lex, config)
    }

    /// [`Profile::build`] given the analysis of the activity's label (for
    /// callers that also need the label's [`content_keys`]).
    pub fn build_from(
        act: &Activity,
        analysis: &Analysis,
        lex: &Lexicon,
        config: &MatchConfig,
    ) -> Profile {
        let action = analysis
            .action()
            .map(|t| (t.canonical.clone(), t.text.clone()));
        let mut actions: BTreeSet<String> =
            analysis.actions().map(|t| t.canonical.clone()).collect();
        // What is sent: in an Indonesian (head-first) object its first
        // word ("undangan pengambilan bantuan" is an invitation, not aid),
        // in English any object word.
        let material = if analysis.lang == peta_text::Lang::Indonesian {
            analysis
                .object()
                .next()
                .is_some_and(|t| lex.is_material(&t.canonical))
        } else {
            analysis.object().any(|t| lex.is_material(&t.canonical))
        };
        let to_person = analysis.adjuncts().any(|t| lex.is_person(&t.canonical)) && !material;
        let mut action = action;
        if to_person && actions.remove(SEND) {
            actions.insert(NOTIFY.to_string());
            if let Some((c, _)) = action.as_mut() {
                if c == SEND {
                    *c = NOTIFY.to_string();
                }
            }
        }
        // The head of the object: its first object word (Indonesian noun
        // phrases are head-first), skipping qualifiers and people.
        let head = analysis
            .object()
            .find(|t| {
                !matches!(
                    t.concept,
                    Some(ConceptKind::Other) | Some(ConceptKind::Actor)
                )
            })
            .map(|t| t.canonical.clone());
        // Composing an action noun is doing that action ("Menyusun laporan
        // penyaluran" = reporting it, "Create ranking" = ranking): `create`
        // is then a light verb.
        let mut head = head;
        if actions.len() == 1 && actions.contains(CREATE) {
            let noun = analysis
                .object()
                .next()
                .filter(|t| t.concept == Some(ConceptKind::Action));
            if let Some(t) = noun {
                actions.clear();
                actions.insert(t.canonical.clone());
                action = Some((t.canonical.clone(), t.text.clone()));
                head = analysis
                    .object()
                    .skip(1)
                    .find(|t| {
                        !matches!(
                            t.concept,
                            Some(ConceptKind::Other) | Some(ConceptKind::Actor)
                        )
                    })
                    .map(|t| t.canonical.clone());
            }
        }
        // Asking for a file to be completed or corrected ("Meminta pelaku
        // usaha melengkapi persyaratan", "Meminta kelengkapan dokumen") is
        // returning it for completion or correction.
        if actions.len() == 1
            && actions.contains(REQUEST)
            && analysis
                .tokens
                .iter()
                .any(|t| CORRECTIONS.contains(&t.canonical.as_str()))
        {
            actions.clear();
            actions.insert(RETURN.to_string());
            if let Some((c, _)) = action.as_mut() {
                *c = RETURN.to_string();
            }
        }
        let decision = DECISIONS.iter().any(|d| actions.contains(*d));
        let returned = actions.contains(RETURN);
        let handoff = HANDOFFS.iter().any(|d| actions.contains(*d));
        // A file is a file whatever names it: an object headed by a document
        // container or a concept related to one (berkas, dokumen, usul,
        // permohonan, persyaratan) has the container class as its head, so
        // examining any submission file is the same kind of work (the
        // container floor). A handoff keeps its own head: what is moved, and
        // to or from whom, is what the work is, except that a returned
        // application is its file.
        let head = head.map(|h| {
            let file =
                lex.is_container(&h) || lex.related_to(&h).iter().any(|r| lex.is_container(r));
            if (file && !handoff) || (returned && h == APPLICATION) {
                DOCUMENT.to_string()
            } else {
                h
            }
        });
        let mut by_key: BTreeMap<String, Term> = BTreeMap::new();
        let mut negated = false;
        let mut concepts: BTreeSet<String> = BTreeSet::new();
        for t in &analysis.tokens {
            if t.concept.is_some() && t.canonical != NEGATION {
                concepts.insert(t.canonical.clone());
            }
            if t.canonical == NEGATION && t.concept == Some(ConceptKind::Other) {
                negated = true;
                continue;
            }
            let role_weight = match t.role {
                Role::Action => continue,
                Role::Object => 1.0,
                // The other party of a handoff is part of the work:
                // receiving from an agency is not receiving at the counter.
                Role::Adjunct if handoff && t.counterpart => 1.0,
                Role::Adjunct => config.adjunct_weight,
            };
            // An object word that repeats the action ("Verifikasi data
            // verifikasi") adds nothing.
            if actions.contains(&t.canonical) {
                continue;
            }
            // Deciding on a person served ("Accept applicant", "Menolak
            // pemohon") is deciding on their application.
            let canonical = if decision && role_weight >= 1.0 && lex.is_person(&t.canonical) {
                APPLICATION.to_string()
            } else if returned && t.canonical == APPLICATION {
                DOCUMENT.to_string()
            } else {
                t.canonical.clone()
            };
            let entry = by_key.entry(canonical.clone()).or_insert(Term {
                canonical,
                text: t.text.clone(),
                role_weight,
            });
            if role_weight > entry.role_weight {
                entry.role_weight = role_weight;
                entry.text = t.text.clone();
            }
        }
        // A catching event receives, a throwing one sends: the implicit
        // action takes part in the opposite-action veto ("Rejected" caught
        // is not "Send rejection").
        match act.message {
            Some(MessageRole::Receive) => {
                concepts.insert(RECEIVE.to_string());
            }
            Some(MessageRole::Send) => {
                concepts.insert(SEND.to_string());
            }
            None => {}
        }
        // Keeping records in a named system ("Mencatat cuti di SIASN",
        // "Memutakhirkan status pensiun di SIASN") is also keeping that
        // system's records, whatever the record: a second action, and the
        // head of the object, shared only by labels that name the same
        // system; the system's records are a document container, so such
        // labels are the same kind of work (the container floor), not the
        // same activity.
        let mut head = head;
        if actions.iter().any(|c| lex.is_record_keeping(c)) {
            // The system is the adjunct's proper name when it has one
            // (`ke data induk SIASN`), else its first word.
            let place = || analysis.adjuncts().filter(|t| !lex.is_person(&t.canonical));
            let system = place()
                .find(|t| t.acronym)
                .or_else(|| place().next())
                .map(|t| lex.records_of(&t.canonical));
            if let Some(key) = system {
                actions.insert(key.clone());
                head = Some(key);
            }
        }
        let terms: Vec<Term> = by_key.into_values().collect();
        let mut keys: BTreeSet<String> = terms.iter().map(|t| t.canonical.clone()).collect();
        keys.extend(actions.iter().cloned());
        let mut context: BTreeSet<String> = BTreeSet::new();
        for l in act.predecessors.iter().chain(act.successors.iter()) {
            context.extend(content_keys(&lex.analyze(l)));
        }
        let lane = act
            .lane
            .as_deref()
            .map(|l| content_keys(&lex.analyze(l)).into_iter().collect())
            .unwrap_or_default();
        Profile {
            kind: act.kind,
            model: act.key.model.clone(),
            normalized: analysis.normalized.clone(),
            action,
            actions: actions.into_iter().collect(),
            head,
            head_first: analysis.lang == peta_text::Lang::Indonesian,
            terms,
            negated,
            context: context.into_iter().collect(),
            lane,
            keys: keys.into_iter().collect(),
            concepts: concepts.into_iter().collect(),
        }
    }
}

/// The canonical tokens of a label that its neighbours and its lane see as
/// context (all but adjunct tokens): a neighbour label's share of
/// [`Profile::context`], a lane name's [`Profile::lane`].
pub(crate) fn content_keys(a: &Analysis) -> BTreeSet<String> {
    a.tokens
        .iter()
        .filter(|t| t.role != Role::Adjunct)
        .map(|t| t.canonical.clone())
        .collect()
}

/// Token weights learnt from a set of profiles: inverse document frequency.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    idf: HashMap<String, f64>,
    unseen: f64,
}

impl Weights {
    /// `idf(t) = ln(1 + N / df(t))` over the profiles' keys and context tokens.
    pub fn learn<'a>(profiles: impl Iterator<Item = &'a Profile>) -> Weights {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0usize;
        for p in profiles {
            n += 1;
            let mut seen: BTreeSet<&str> = p.keys.iter().map(String::as_str).collect();
            seen.extend(p.context.iter().map(String::as_str));
            for k in seen {
                // Allocate a key only the first time a token is seen.
                if let Some(d) = df.get_mut(k) {
                    *d += 1;
                } else {
                    df.insert(k.to_string(), 1);
                }
            }
        }
        Weights::from_counts(n, df)
    }

    /// The weights of `n` profiles given each token's document frequency
    /// (the number of profiles whose keys or context hold it, at least 1):
    /// what [`Weights::learn`] computes, for callers that count without
    /// building profiles.
    pub fn from_counts<S: Into<String>>(
        n: usize,
        df: impl IntoIterator<Item = (S, usize)>,
    ) -> Weights {
        let n = n.max(1) as f64;
        let idf = df
            .into_iter()
            .map(|(k, d)| (k.into(), (1.0 + n / d as f64).ln()))
            .collect();
        Weights {
            idf,
            unseen: (1.0 + n).ln(),
        }
    }

    pub fn idf(&self, token: &str) -> f64 {
        self.idf.get(token).copied().unwrap_or(self.unseen)
    }
}
