//! Candidate generation: an inverted index over canonical tokens. Pairs that
//! could not reach [`MatchConfig::group_threshold`] are never scored, and at
//! most [`MatchConfig::max_posting`] entries of a posting list are read, so
//! the work per activity is bounded and matching grows near-linearly.
//!
//! A link needs a compatible action (the same or a related one, or none on
//! one side) and enough shared object weight. Every profile is *indexed*
//! under all its keys and *queries* only the keys that a link must share
//! (prefix filtering): its actions combined with its rarest object terms,
//! whose IDF weight exceeds half of the total, since a pair that shares none
//! of them — on either side — cannot reach an object score of one half.
//! Candidates are the union of both directions.

use std::collections::{BTreeSet, HashMap};

use peta_text::Lexicon;

use crate::config::MatchConfig;
use crate::profile::{Profile, Weights};

/// The object score a pair must be able to reach to be a candidate.
const OBJECT_BOUND: f64 = 0.5;

/// Keys under which a profile is found, and keys it looks up.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    pub index: Vec<String>,
    pub query: Vec<String>,
}

/// Computes the keys of one profile.
pub(crate) fn keys(p: &Profile, weights: &Weights, lex: &Lexicon) -> Keys {
    let mut index: BTreeSet<String> = BTreeSet::new();
    let mut query: BTreeSet<String> = BTreeSet::new();
    let related = |c: &str| -> Vec<String> { lex.related_to(c).to_vec() };
    let all_terms: Vec<&str> = p.terms.iter().map(|t| t.canonical.as_str()).collect();
    // Prefix: the heaviest object terms holding more than half the weight,
    // plus every adjunct term (shared adjuncts add weight on both sides).
    let mut objects: Vec<(f64, &str)> = p
        .terms
        .iter()
        .filter(|t| t.role_weight >= 1.0)
        .map(|t| (weights.idf(&t.canonical), t.canonical.as_str()))
        .collect();
    objects.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    let total: f64 = objects.iter().map(|o| o.0).sum();
    let mut prefix: Vec<String> = Vec::new();
    let mut covered = 0.0;
    for (w, o) in &objects {
        if covered > (1.0 - OBJECT_BOUND) * total {
            break;
        }
        covered += w;
        prefix.push(o.to_string());
        prefix.extend(related(o));
    }
    prefix.extend(
        p.terms
            .iter()
            .filter(|t| t.role_weight < 1.0)
            .map(|t| t.canonical.clone()),
    );
    let mut actions: Vec<String> = p.actions.clone();
    for a in &p.actions {
        actions.extend(related(a));
    }
    for a in &p.actions {
        index.insert(format!("X:{a}"));
        for t in &all_terms {
            index.insert(format!("A:{a}|{t}"));
        }
        if lex.is_service(a) {
            index.insert(format!("S:{a}"));
            query.insert(format!("S:{a}"));
        }
    }
    for t in &all_terms {
        index.insert(format!("O:{t}"));
    }
    index.insert(format!("L:{}", p.normalized));
    query.insert(format!("L:{}", p.normalized));
    if p.actions.is_empty() {
        for o in &prefix {
            query.insert(format!("O:{o}"));
        }
    } else if all_terms.is_empty() {
        // "Evaluate", "Rejection": every label with that action, or with
        // that action named as its object.
        for a in &actions {
            query.insert(format!("X:{a}"));
            query.insert(format!("O:{a}"));
        }
    } else {
        for a in &actions {
            for o in &prefix {
                query.insert(format!("A:{a}|{o}"));
            }
        }
        // A document container heading the object (see the container floor).
        if let Some(h) = p.head.as_deref().filter(|h| lex.is_container(h)) {
            for a in &p.actions {
                query.insert(format!("A:{a}|{h}"));
            }
        }
        // Labels without an action that share a prefix term.
        for o in &prefix {
            query.insert(format!("N:{o}"));
        }
    }
    if p.actions.is_empty() {
        for t in &all_terms {
            index.insert(format!("N:{t}"));
        }
    }
    Keys {
        index: index.into_iter().collect(),
        query: query.into_iter().collect(),
    }
}

/// Key → indices of the profiles indexed under it (ascending).
pub(crate) struct InvertedIndex<'a> {
    postings: HashMap<&'a str, Vec<usize>>,
    max_posting: usize,
}

impl<'a> InvertedIndex<'a> {
    pub fn build(keys: &'a [Keys], config: &MatchConfig) -> Self {
        let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            for key in &k.index {
                postings.entry(key.as_str()).or_default().push(i);
            }
        }
        InvertedIndex {
            postings,
            max_posting: config.max_posting,
        }
    }

    /// The part of a posting list that is read: all of it, or the
    /// `max_posting` entries around `at` when it is longer.
    fn window<'l>(&self, list: &'l [usize], at: usize) -> &'l [usize] {
        if list.len() <= self.max_posting {
            return list;
        }
        let pos = list.partition_point(|&x| x < at);
        let start = pos
            .saturating_sub(self.max_posting / 2)
            .min(list.len() - self.max_posting);
        &list[start..start + self.max_posting]
    }

    /// Indices found by the query keys, ascending and distinct. `at` is the
    /// querying element's position on this index's scale. A posting list
    /// longer than `max_posting` is read only in a window of `max_posting`
    /// entries around `at`: a key that frequent marks work shared by many
    /// elements, which neighbouring members connect (see the average link in
    /// `cluster.rs`), so the work per element stays bounded.
    pub fn lookup(&self, keys: &Keys, at: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for k in &keys.query {
            if let Some(list) = self.postings.get(k.as_str()) {
                out.extend_from_slice(self.window(list, at));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Like [`InvertedIndex::lookup`], but reads the query keys from the
    /// shortest posting list (the most specific key) to the longest (ties:
    /// key order) and stops once `budget` distinct indices are found: the
    /// work per query is bounded whatever the repository size.
    pub fn lookup_bounded(&self, keys: &Keys, at: usize, budget: usize) -> Vec<usize> {
        let mut lists: Vec<(&str, &[usize])> = keys
            .query
            .iter()
            .filter_map(|k| Some((k.as_str(), self.postings.get(k.as_str())?.as_slice())))
            .collect();
        lists.sort_by(|x, y| x.1.len().cmp(&y.1.len()).then(x.0.cmp(y.0)));
        let mut out: Vec<usize> = Vec::new();
        for (_, list) in lists {
            out.extend_from_slice(self.window(list, at));
            if out.len() >= budget {
                out.sort_unstable();
                out.dedup();
                if out.len() >= budget {
                    break;
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
