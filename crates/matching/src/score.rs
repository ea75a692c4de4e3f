//! Pair similarity: action × business object, with IDF weights, synonyms,
//! the opposite-action veto and structural context.

use peta_text::Lexicon;
use serde::{Deserialize, Serialize};

use crate::activity::ActivityKind;
use crate::config::{MatchConfig, HEAD_DICE_SHARE};
use crate::profile::{Profile, Weights};

/// Why two elements were linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Canonical tokens both labels share (action and object).
    pub shared_tokens: Vec<String>,
    /// Words that differ as written but mean the same (`memverifikasi`, `validate`).
    pub synonyms: Vec<(String, String)>,
    /// The two actions as written, when both labels name one.
    pub action: Option<(String, String)>,
    /// Similarity of the business objects (IDF-weighted Dice, 0..1).
    pub object_score: f64,
    /// Similarity of neighbour labels and lanes (0..1).
    pub context_score: f64,
    /// The final score.
    pub score: f64,
}

impl Explanation {
    /// An English one-liner: "same action verify (memverifikasi ≈ validate); object 0.82, shared: document; context 0.40; score 0.86".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.action {
            Some((a, b)) if a == b => parts.push(format!("same action '{a}'")),
            Some((a, b)) => parts.push(format!("action '{a}' ≈ '{b}'")),
            None => parts.push("no common action".to_string()),
        }
        let mut object = format!("object {:.2}", self.object_score);
        if !self.shared_tokens.is_empty() {
            object.push_str(&format!(", shared: {}", self.shared_tokens.join(", ")));
        }
        parts.push(object);
        if !self.synonyms.is_empty() {
            let syn: Vec<String> = self
                .synonyms
                .iter()
                .map(|(a, b)| format!("{a} ≈ {b}"))
                .collect();
            parts.push(format!("synonyms: {}", syn.join(", ")));
        }
        parts.push(format!("context {:.2}", self.context_score));
        parts.push(format!("score {:.2}", self.score));
        parts.join("; ")
    }
}

/// The part of a pair's score that depends on the two labels only (not on
/// neighbours or lanes): the same for every pair of elements with the same
/// labels, so the repository matcher computes it once per pair of label
/// classes. [`LabelPart::explain`] adds the context.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LabelPart {
    /// Sorted, distinct.
    pub shared_tokens: Vec<String>,
    /// Sorted, distinct.
    pub synonyms: Vec<(String, String)>,
    pub action: Option<(String, String)>,
    pub object_score: f64,
    /// Action factor × object score, negation penalty, 1 for equal labels.
    pub label: f64,
}

impl LabelPart {
    /// The full explanation, given the pair's context score.
    pub fn explain(self, context_score: f64, config: &MatchConfig) -> Explanation {
        Explanation {
            score: combine(self.label, context_score, config),
            shared_tokens: self.shared_tokens,
            synonyms: self.synonyms,
            action: self.action,
            object_score: self.object_score,
            context_score,
        }
    }
}

/// The final score: the label part moved by the context around neutral
/// (0.5), `clamp(label + context_weight · (context − 0.5))`.
pub(crate) fn combine(label: f64, context_score: f64, config: &MatchConfig) -> f64 {
    (label + config.context_weight * (context_score - 0.5)).clamp(0.0, 1.0)
}

/// Scores one pair; `None` when they may never match (different kinds, a
/// veto) or share nothing.
pub(crate) fn score(
    a: &Profile,
    b: &Profile,
    weights: &Weights,
    lex: &Lexicon,
    config: &MatchConfig,
) -> Option<Explanation> {
    let part = label_part(a, b, weights, lex, config)?;
    Some(part.explain(context(a, b, weights), config))
}

/// The label part of [`score`]; `None` when the pair may never match.
pub(crate) fn label_part(
    a: &Profile,
    b: &Profile,
    weights: &Weights,
    lex: &Lexicon,
    config: &MatchConfig,
) -> Option<LabelPart> {
    label_part_with(a, b, weights, lex, config, true, f64::NEG_INFINITY)
}

/// The label score of [`label_part`] alone (its explanation left empty):
/// the same value, without building the explanation's strings.
pub(crate) fn label_score(
    a: &Profile,
    b: &Profile,
    weights: &Weights,
    lex: &Lexicon,
    config: &MatchConfig,
) -> Option<f64> {
    label_part_with(a, b, weights, lex, config, false, f64::NEG_INFINITY).map(|p| p.label)
}

/// [`label_score`] when it reaches `floor`; `None` otherwise (pairs whose
/// actions alone keep them below the floor are rejected before their
/// objects are compared).
pub(crate) fn label_score_from(
    a: &Profile,
    b: &Profile,
    weights: &Weights,
    lex: &Lexicon,
    config: &MatchConfig,
    floor: f64,
) -> Option<f64> {
    label_part_with(a, b, weights, lex, config, false, floor)
        .map(|p| p.label)
        .filter(|&l| l >= floor)
}

/// What a pair shares, recorded as strings only when explaining.
struct Notes {
    explain: bool,
    any: bool,
    shared: Vec<String>,
    synonyms: Vec<(String, String)>,
}

impl Notes {
    fn share(&mut self, token: &str) {
        self.any = true;
        if self.explain {
            self.shared.push(token.to_string());
        }
    }

    fn synonym(&mut self, x: &str, y: &str) {
        self.any = true;
        if self.explain {
            self.synonyms.push((x.to_string(), y.to_string()));
        }
    }
}

fn label_part_with(
    a: &Profile,
    b: &Profile,
    weights: &Weights,
    lex: &Lexicon,
    config: &MatchConfig,
    explain: bool,
    floor: f64,
) -> Option<LabelPart> {
    if a.kind != b.kind && !config.events_match_activities {
        return None;
    }
    // Veto: opposite concepts that are not on both sides ("Menerima berkas"
    // vs "Mengirim berkas", "letter of acceptance" vs "letter of rejection").
    for x in &a.concepts {
        for y in &b.concepts {
            if lex.are_opposite(x, y)
                && a.concepts.binary_search(y).is_err()
                && b.concepts.binary_search(x).is_err()
            {
                return None;
            }
        }
    }
    let mut notes = Notes {
        explain,
        any: false,
        shared: Vec::new(),
        synonyms: Vec::new(),
    };
    // Action factor: any common action (labels may join two actions).
    let common_action = a
        .actions
        .iter()
        .find(|x| b.actions.binary_search(x).is_ok());
    let in_terms =
        |x: &[String], p: &Profile| x.iter().any(|c| p.terms.iter().any(|t| t.canonical == *c));
    let related_action = a.actions.iter().any(|x| {
        let related = lex.related_to(x);
        !related.is_empty() && b.actions.iter().any(|y| related.contains(y))
    });
    let action = match (&a.action, &b.action) {
        (Some((_, ta)), Some((_, tb))) => Some((ta, tb)),
        _ => None,
    };
    let action_factor = if let Some(c) = common_action {
        notes.share(c);
        if let Some((ta, tb)) = action {
            if ta != tb {
                notes.synonym(ta, tb);
            }
        }
        1.0
    } else if a.actions.is_empty() && b.actions.is_empty() {
        1.0
    } else if bare_nominal(a, b) || bare_nominal(b, a) {
        // An event that only names an action ("Rejected") is the outcome of the other label's work on that
        // very thing ("Receive rejection"): the nominalised action is the
        // other side's object.
        for x in a.actions.iter().chain(b.actions.iter()) {
            if in_terms(std::slice::from_ref(x), a) || in_terms(std::slice::from_ref(x), b) {
                notes.share(x);
            }
        }
        1.0
    } else if a.actions.is_empty() || b.actions.is_empty() {
        // One label names its action as a noun of the other ("Rejection"
        // vs "Send rejection") or not at all.
        if in_terms(&a.actions, b) || in_terms(&b.actions, a) {
            1.0
        } else {
            config.action_unknown
        }
    } else if related_action {
        config.action_unknown
    } else {
        config.action_mismatch
    };
    // Below the floor whatever the objects: no need to compare them.
    if floor > f64::NEG_INFINITY
        && (a.normalized.is_empty() || a.normalized != b.normalized)
        && below_floor(action_factor, a.negated != b.negated, floor, config)
    {
        return None;
    }
    // Object similarity: IDF-weighted terms, ignoring a term that is the
    // other side's action; the mean of Dice and containment (overlap
    // coefficient), so that an object named more fully on one side
    // ("application" vs "application form and documents") still matches.
    let a_terms: Vec<_> = a
        .terms
        .iter()
        .filter(|t| b.actions.binary_search(&t.canonical).is_err())
        .collect();
    let b_terms: Vec<_> = b
        .terms
        .iter()
        .filter(|t| a.actions.binary_search(&t.canonical).is_err())
        .collect();
    let w = |t: &crate::profile::Term| weights.idf(&t.canonical) * t.role_weight;
    // Adjunct terms (systems, agencies, recipients) differ between agencies
    // by nature: they count only when both sides share them.
    let is_adjunct = |t: &crate::profile::Term| t.role_weight < 1.0;
    let shares = |t: &crate::profile::Term, other: &[&crate::profile::Term]| {
        other
            .iter()
            .any(|u| u.canonical == t.canonical || lex.are_related(&t.canonical, &u.canonical))
    };
    let a_terms: Vec<_> = a_terms
        .iter()
        .copied()
        .filter(|t| !is_adjunct(t) || shares(t, &b_terms))
        .collect();
    let b_terms: Vec<_> = b_terms
        .iter()
        .copied()
        .filter(|t| !is_adjunct(t) || shares(t, &a_terms))
        .collect();
    let wa: f64 = a_terms.iter().map(|t| w(t)).sum();
    let wb: f64 = b_terms.iter().map(|t| w(t)).sum();
    let mut common_a = 0.0;
    let mut common_b = 0.0;
    let mut used_b = vec![false; b_terms.len()];
    let mut unmatched_a = Vec::new();
    for t in &a_terms {
        if let Some(j) = b_terms.iter().position(|u| u.canonical == t.canonical) {
            used_b[j] = true;
            common_a += w(t);
            common_b += w(b_terms[j]);
            notes.share(&t.canonical);
            if t.text != b_terms[j].text {
                notes.synonym(&t.text, &b_terms[j].text);
            }
        } else {
            unmatched_a.push(*t);
        }
    }
    for t in unmatched_a {
        let related = (0..b_terms.len())
            .find(|&j| !used_b[j] && lex.are_related(&t.canonical, &b_terms[j].canonical));
        if let Some(j) = related {
            used_b[j] = true;
            common_a += config.related_credit * w(t);
            common_b += config.related_credit * w(b_terms[j]);
            notes.synonym(&t.text, &b_terms[j].text);
        }
    }
    let same_head = a.head_first && b.head_first && a.head.is_some() && a.head == b.head;
    let object_score = object_similarity(
        (a_terms.is_empty(), b_terms.is_empty()),
        (common_a, common_b),
        (wa, wb),
        same_head,
        config,
    );
    // Common service actions (archiving, notifying, signing) are the same
    // work whatever document they apply to.
    let service = common_action.is_some_and(|c| lex.is_service(c))
        || (related_action
            && a.actions
                .iter()
                .chain(b.actions.iter())
                .any(|c| lex.is_service(c)));
    let object_score = if service {
        object_score.max(config.service_object_floor)
    } else {
        object_score
    };
    // The same document container heads both objects ("berkas usul
    // pensiun", "berkas usulan mutasi"): the same kind of document work.
    let container = common_action.is_some()
        && a.head.is_some()
        && a.head == b.head
        && a.head.as_deref().is_some_and(|h| lex.is_container(h));
    let object_score = if container {
        object_score.max(config.container_object_floor)
    } else {
        object_score
    };
    if !notes.any && a.normalized != b.normalized {
        return None;
    }
    let mut label = action_factor * object_score;
    if a.negated != b.negated {
        label *= config.negation_penalty;
    }
    if !a.normalized.is_empty() && a.normalized == b.normalized {
        label = 1.0;
    }
    let Notes {
        mut shared,
        mut synonyms,
        ..
    } = notes;
    shared.sort();
    shared.dedup();
    synonyms.sort();
    synonyms.dedup();
    Some(LabelPart {
        shared_tokens: shared,
        synonyms,
        action: action
            .filter(|_| explain)
            .map(|(x, y)| (x.clone(), y.clone())),
        object_score,
        label,
    })
}

/// `x` is an event that names only its action (no object of its own,
/// adjuncts aside: "Rejected") and that action is an object term of `y`
/// ("Receive rejection"). A task named by a bare noun ("Rejection") is
/// ambiguous about what is done and is left to the action factor.
fn bare_nominal(x: &Profile, y: &Profile) -> bool {
    x.kind == ActivityKind::Event
        && !x.actions.is_empty()
        && x.terms.iter().all(|t| t.role_weight < 1.0)
        && x.actions.iter().any(|c| {
            y.terms
                .iter()
                .any(|t| t.canonical == *c && t.role_weight >= 1.0)
        })
}

/// IDF-weighted Dice of neighbour tokens, averaged with lane-name Dice when
/// both elements have lanes.
pub(crate) fn context(a: &Profile, b: &Profile, weights: &Weights) -> f64 {
    if a.context.is_empty() || b.context.is_empty() {
        // Nothing to compare: neutral.
        return 0.5;
    }
    let neighbours = weighted_dice(&a.context, &b.context, weights);
    if a.lane.is_empty() || b.lane.is_empty() {
        neighbours
    } else {
        0.7 * neighbours + 0.3 * weighted_dice(&a.lane, &b.lane, weights)
    }
}

/// Dice over two sorted, distinct token lists, IDF-weighted.
fn weighted_dice(a: &[String], b: &[String], weights: &Weights) -> f64 {
    let total: f64 = a.iter().chain(b.iter()).map(|t| weights.idf(t)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let common: f64 = a
        .iter()
        .filter(|t| b.binary_search(t).is_ok())
        .map(|t| 2.0 * weights.idf(t))
        .sum();
    common / total
}

/// Similarity of two business objects from their IDF-weighted terms:
/// `empty` says which side has no object term, `common` the weight each
/// side has in common with the other, `weights` each side's total weight.
/// The mean of Dice and overlap; when both Indonesian objects have the same
/// head ("NIK peserta", "NIK pelaku usaha") the rest are qualifiers and
/// containment counts more ([`HEAD_DICE_SHARE`]). Shared by the string
/// scorer and the interned one (`label.rs`), so the two stay bit-identical.
pub(crate) fn object_similarity(
    empty: (bool, bool),
    (common_a, common_b): (f64, f64),
    (wa, wb): (f64, f64),
    same_head: bool,
    config: &MatchConfig,
) -> f64 {
    match empty {
        (true, true) => 1.0,
        (true, false) | (false, true) => config.object_one_sided,
        (false, false) => {
            let dice = if wa + wb > 0.0 {
                (common_a + common_b) / (wa + wb)
            } else {
                0.0
            };
            let overlap = if wa > 0.0 && wb > 0.0 {
                (common_a / wa).max(common_b / wb)
            } else {
                0.0
            };
            if same_head {
                HEAD_DICE_SHARE * dice + (1.0 - HEAD_DICE_SHARE) * overlap
            } else {
                0.5 * (dice + overlap)
            }
        }
    }
}

/// Whether a pair with this action factor stays below `floor` whatever its
/// objects: the best object score any rule can give, times the negation
/// penalty when one label is negated and the other not. Shared by the string
/// scorer and the interned one (`label.rs`).
pub(crate) fn below_floor(
    action_factor: f64,
    negation_differs: bool,
    floor: f64,
    config: &MatchConfig,
) -> bool {
    let object_max = 1f64
        .max(config.object_one_sided)
        .max(config.service_object_floor)
        .max(config.container_object_floor);
    let negation = if negation_differs {
        config.negation_penalty
    } else {
        1.0
    };
    action_factor * object_max * negation < floor
}
