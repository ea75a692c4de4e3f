//! The repository matcher behind [`crate::Matcher::match_repository`]:
//! bounded output whatever the repository size.
//!
//! 1. **Label classes.** Elements with the same kind, message role and
//!    label form one class. Everything in a pair's score except the
//!    context depends on the two labels only ([`score::LabelPart`]), so it
//!    is computed once per pair of classes: 5,000 "Verifikasi berkas" are
//!    one class, scored once against each candidate class.
//! 2. **Candidate classes** come from the inverted index over the classes'
//!    keys (see `index.rs`), at most [`CLASS_CANDIDATES`] per class (the
//!    most specific keys first), never all pairs.
//! 3. **Groups.** Classes are clustered by average link (`cluster.rs`),
//!    each class a weighted node: a class comes out whole, and each class
//!    keeps only its [`GROUP_NEIGHBOURS`] strongest links to other classes.
//! 4. **Correspondences.** Each element keeps its best
//!    [`CORRESPONDENCES_PER_ELEMENT`] correspondences (ties: the smaller
//!    index), looked for among at most [`MEMBERS_EXAMINED`] members of each
//!    candidate class and [`PAIRS_EXAMINED`] pairs in all; a pair is
//!    returned when it is among the best of either end. The output is O(n·K).
//!    Explanations are built for the returned pairs only, once per distinct
//!    pair of label classes, after the rest of the repository is freed.
//!
//! Label parts are scored on interned tokens (`label.rs`), bit-identical
//! to the string scorer in `score.rs` (checked on every scored pair in
//! debug builds); the string scorer builds the explanations.
//!
//! Deterministic: every choice is a total order over indices and scores, and
//! parallel steps are collected in index order.

use std::collections::{HashMap, HashSet};

use peta_text::Lexicon;
use rayon::prelude::*;

use crate::activity::{Activity, ActivityKind, MessageRole};
use crate::cluster::{self, Link, PairScores, SharedActivityGroup};
use crate::config::MatchConfig;
use crate::index::{self, InvertedIndex, Keys};
use crate::label::{LabelScorer, Vocabulary, Wide};
use crate::profile::{content_keys, Profile, Weights};
use crate::score::{self, LabelPart};
use crate::{Correspondence, MatchResult};

/// Correspondences kept per element: its best K (a pair is returned when it
/// is among the best K of either of its ends), so at most K·n in all. Small
/// because every correspondence carries its `Explanation` (≈ 600 bytes with
/// its strings): 10 per element cost 1.4 GiB at 10,000 models, 4 cost
/// 0.5 GiB. Groups, not correspondences, gather the rest of the same work.
pub const CORRESPONDENCES_PER_ELEMENT: usize = 4;
/// Links to other classes that each class keeps for grouping (its strongest;
/// a link is kept when it is among the strongest of either end).
pub const GROUP_NEIGHBOURS: usize = 16;
/// Candidate classes read from the inverted index per class, the most
/// specific (shortest) posting lists first.
pub const CLASS_CANDIDATES: usize = 128;
/// Scored links kept per class (its best labels; a link is kept when it is
/// among the best of either end): what grouping and correspondences start from.
pub const CLASS_LINKS: usize = 32;
/// Members of one candidate class examined per element when looking for its
/// best correspondences: a window around the element's own position.
pub const MEMBERS_EXAMINED: usize = 16;
/// Element pairs scored per element when looking for its best correspondences.
pub const PAIRS_EXAMINED: usize = 64;
/// Members per side sampled (evenly strided) to estimate the context part of
/// the score between two classes.
pub const CLASS_SAMPLE: usize = 3;

/// The label-class partition of the elements.
struct Classes {
    /// Element → class.
    of: Vec<u32>,
    /// Class → its elements, ascending. Classes are numbered in order of
    /// their first element.
    members: Vec<Vec<u32>>,
}

impl Classes {
    fn new(acts: &[Activity]) -> Classes {
        let mut ids: HashMap<(ActivityKind, Option<MessageRole>, &str), u32> = HashMap::new();
        let mut of = Vec::with_capacity(acts.len());
        let mut members: Vec<Vec<u32>> = Vec::new();
        for (i, a) in acts.iter().enumerate() {
            let next = members.len() as u32;
            let c = *ids
                .entry((a.kind, a.message, a.label.as_str()))
                .or_insert(next);
            if c == next {
                members.push(Vec::new());
            }
            members[c as usize].push(i as u32);
            of.push(c);
        }
        Classes { of, members }
    }
}

/// Per-element context (neighbour and lane tokens) with interned tokens.
/// Token ids follow the tokens' string order, so sums over them run in the
/// same order as over the strings and scores are bit-identical to
/// [`score::context`].
struct Contexts {
    /// Weight of every interned token (label and context tokens), by id.
    idf: Vec<f64>,
    /// Element `i`'s context ids (ascending) are
    /// `context[context_at[i]..context_at[i + 1]]`: one allocation for all.
    context: Vec<u32>,
    context_at: Vec<u32>,
    /// Distinct lanes' token ids (ascending); `lanes[0]` is empty (no lane).
    lanes: Vec<Box<[u32]>>,
    /// Element → its lane in `lanes`.
    lane: Vec<u32>,
    model: Vec<u32>,
}

/// What [`intern`] derives from the elements.
struct Interned {
    contexts: Contexts,
    weights: Weights,
    labels: LabelScorer,
}

/// The label profiles and the context tokens of a repository, each distinct
/// label analysed once.
struct Analysed<'a> {
    /// One profile per class, from its first element's label (its context
    /// is the element's own, kept in [`Contexts`]).
    profiles: Vec<Profile>,
    /// Distinct neighbour labels, sorted.
    neighbours: Vec<&'a str>,
    /// Their context tokens ([`content_keys`]), sorted, distinct.
    neighbour_tokens: Vec<Vec<String>>,
    /// Distinct lane names, sorted.
    lanes: Vec<&'a str>,
    /// Their tokens, sorted, distinct.
    lane_tokens: Vec<Vec<String>>,
}

/// Builds the class profiles and the neighbour and lane tokens. A label that
/// is both a class's and a neighbour's (most are) is analysed once: its
/// context tokens are those that [`Profile::build`] reads of a neighbour
/// with that label.
fn analyse<'a>(
    acts: &'a [Activity],
    classes: &Classes,
    lex: &Lexicon,
    config: &MatchConfig,
) -> Analysed<'a> {
    let neighbour_set: HashSet<&str> = acts
        .iter()
        .flat_map(|a| a.predecessors.iter().chain(a.successors.iter()))
        .map(String::as_str)
        .collect();
    let (profiles, class_tokens): (Vec<Profile>, Vec<Option<Vec<String>>>) = classes
        .members
        .par_iter()
        .map(|m| {
            let first = &acts[m[0] as usize];
            let mut a = Activity::new(&first.key.model, &first.key.id, &first.label, first.kind);
            a.message = first.message;
            let analysis = lex.analyze(&first.label);
            let p = Profile::build_from(&a, &analysis, lex, config);
            debug_assert_eq!(p.model, first.key.model);
            let tokens = neighbour_set
                .contains(first.label.as_str())
                .then(|| content_keys(&analysis).into_iter().collect());
            (p, tokens)
        })
        .unzip();
    let mut by_label: HashMap<&str, Vec<String>> = HashMap::new();
    for (m, tokens) in classes.members.iter().zip(class_tokens) {
        if let Some(tokens) = tokens {
            by_label.insert(acts[m[0] as usize].label.as_str(), tokens);
        }
    }
    let mut neighbours: Vec<&str> = neighbour_set.into_iter().collect();
    neighbours.sort_unstable();
    let neighbour_tokens: Vec<Vec<String>> = neighbours
        .par_iter()
        .map(|l| match by_label.get(l) {
            Some(tokens) => tokens.clone(),
            None => content_keys(&lex.analyze(l)).into_iter().collect(),
        })
        .collect();
    drop(by_label);
    let mut lanes: Vec<&str> = acts
        .iter()
        .filter_map(|a| a.lane.as_deref())
        .collect::<HashSet<&str>>()
        .into_iter()
        .collect();
    lanes.sort_unstable();
    let lane_tokens: Vec<Vec<String>> = lanes
        .par_iter()
        .map(|l| content_keys(&lex.analyze(l)).into_iter().collect())
        .collect();
    Analysed {
        profiles,
        neighbours,
        neighbour_tokens,
        lanes,
        lane_tokens,
    }
}

/// Interns every token once: numbers the label and context tokens in
/// string order ([`Vocabulary`]), and learns the token weights from
/// document frequencies counted per element over its class's keys and its
/// own context (what [`Weights::learn`] reads of a full per-element
/// profile), without building per-element profiles.
fn intern(
    acts: &[Activity],
    classes: &Classes,
    analysed: &Analysed,
    lex: &Lexicon,
    config: &MatchConfig,
) -> Interned {
    let Analysed {
        profiles,
        neighbours,
        neighbour_tokens,
        lanes,
        lane_tokens,
    } = analysed;
    // Token ids in string order.
    let vocab = Vocabulary::new(
        neighbour_tokens
            .iter()
            .chain(lane_tokens.iter())
            .flatten()
            .map(String::as_str)
            .chain(profiles.iter().flat_map(Vocabulary::label_tokens)),
    );
    let intern = |ts: &[String]| vocab.ids(ts.iter().map(String::as_str));
    let neighbour_ids: HashMap<&str, Vec<u32>> = neighbours
        .iter()
        .zip(neighbour_tokens.iter())
        .map(|(l, ts)| (*l, intern(ts)))
        .collect();
    // Lane 0: none.
    let lane_ids: HashMap<&str, u32> = lanes
        .iter()
        .enumerate()
        .map(|(k, l)| (*l, k as u32 + 1))
        .collect();
    let lane_lists: Vec<Box<[u32]>> = std::iter::once(Box::default())
        .chain(lane_tokens.iter().map(|ts| intern(ts).into_boxed_slice()))
        .collect();
    let per_element: Vec<Vec<u32>> = acts
        .par_iter()
        .map(|a| {
            let mut v: Vec<u32> = a
                .predecessors
                .iter()
                .chain(a.successors.iter())
                .filter_map(|l| neighbour_ids.get(l.as_str()))
                .flatten()
                .copied()
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    drop(neighbour_ids);
    let mut context_at: Vec<u32> = Vec::with_capacity(acts.len() + 1);
    let mut context: Vec<u32> = Vec::with_capacity(per_element.iter().map(Vec::len).sum());
    context_at.push(0);
    for v in per_element {
        context.extend_from_slice(&v);
        context_at.push(context.len() as u32);
    }
    let lane: Vec<u32> = acts
        .iter()
        .map(|a| {
            a.lane
                .as_deref()
                .and_then(|l| lane_ids.get(l))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    // Document frequencies: each element counts the union of its class's
    // keys and its context once.
    let keys: Vec<Vec<u32>> = profiles.par_iter().map(|p| intern(&p.keys)).collect();
    let mut df = vec![0usize; vocab.len()];
    for (i, &c) in classes.of.iter().enumerate() {
        let ctx = &context[context_at[i] as usize..context_at[i + 1] as usize];
        count_union(&keys[c as usize], ctx, &mut df);
    }
    drop(keys);
    let mut token: Vec<&str> = vec![""; vocab.len()];
    for (t, i) in vocab.iter() {
        token[i as usize] = t;
    }
    let weights = Weights::from_counts(
        acts.len(),
        token
            .iter()
            .zip(df.iter())
            .filter(|(_, &d)| d > 0)
            .map(|(t, &d)| (*t, d)),
    );
    drop(df);
    let idf: Vec<f64> = token.iter().map(|t| weights.idf(t)).collect();
    let labels = LabelScorer::new(profiles, &vocab, &idf, lex, config);
    let mut models: HashMap<&str, u32> = HashMap::new();
    let model = acts
        .iter()
        .map(|a| {
            let next = models.len() as u32;
            *models.entry(a.key.model.as_str()).or_insert(next)
        })
        .collect();
    Interned {
        contexts: Contexts {
            idf,
            context,
            context_at,
            lanes: lane_lists,
            lane,
            model,
        },
        weights,
        labels,
    }
}

/// Adds one to `df` for every id in the union of two ascending, distinct
/// id lists.
fn count_union(a: &[u32], b: &[u32], df: &mut [usize]) {
    let (mut i, mut j) = (0, 0);
    loop {
        let t = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x == y => {
                i += 1;
                j += 1;
                x
            }
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => break,
        };
        if let Some(d) = df.get_mut(t as usize) {
            *d += 1;
        }
    }
}

impl Contexts {
    /// [`score::context`] of elements `i` and `j`.
    fn score(&self, i: usize, j: usize) -> f64 {
        let (ca, cb) = (self.context_of(i), self.context_of(j));
        if ca.is_empty() || cb.is_empty() {
            return 0.5;
        }
        let neighbours = self.dice(ca, cb);
        let (la, lb) = (self.lane_of(i), self.lane_of(j));
        if la.is_empty() || lb.is_empty() {
            neighbours
        } else {
            0.7 * neighbours + 0.3 * self.dice(la, lb)
        }
    }

    /// Element `i`'s context ids, ascending.
    fn context_of(&self, i: usize) -> &[u32] {
        match (self.context_at.get(i), self.context_at.get(i + 1)) {
            (Some(&s), Some(&e)) => &self.context[s as usize..e as usize],
            _ => &[],
        }
    }

    /// Element `i`'s lane ids, ascending (empty without a lane).
    fn lane_of(&self, i: usize) -> &[u32] {
        self.lane
            .get(i)
            .and_then(|&l| self.lanes.get(l as usize))
            .map_or(&[], |l| l)
    }

    /// IDF-weighted Dice of two ascending id lists.
    fn dice(&self, a: &[u32], b: &[u32]) -> f64 {
        let total: f64 = a
            .iter()
            .chain(b.iter())
            .map(|&t| self.idf[t as usize])
            .sum();
        if total <= 0.0 {
            return 0.0;
        }
        let common: f64 = a
            .iter()
            .filter(|t| b.binary_search(t).is_ok())
            .map(|&t| 2.0 * self.idf[t as usize])
            .sum();
        common / total
    }
}

/// Everything the repository matcher derives from the elements.
struct Repository<'a> {
    config: &'a MatchConfig,
    lexicon: &'a Lexicon,
    weights: Weights,
    /// The label part on interned tokens.
    labels: LabelScorer,
    classes: Classes,
    /// One profile per class (its first element's).
    profiles: Vec<Profile>,
    contexts: Contexts,
    /// Label part of each class against itself.
    self_label: Vec<Option<f64>>,
}

/// The interned scorer's result, or the string scorer's for labels too wide
/// for it; in debug builds the two are compared bit for bit.
fn checked(
    interned: Result<Option<f64>, Wide>,
    strings: impl Fn() -> Option<f64>,
    what: impl Fn() -> String,
) -> Option<f64> {
    match interned {
        Ok(l) => {
            debug_assert_eq!(
                l.map(f64::to_bits),
                strings().map(f64::to_bits),
                "{}",
                what()
            );
            l
        }
        Err(Wide) => strings(),
    }
}

impl Repository<'_> {
    /// [`score::label_score`] of classes `c` and `d`, on interned tokens
    /// (checked against the string scorer in debug builds).
    fn label_score(&self, c: usize, d: usize) -> Option<f64> {
        let strings = || {
            score::label_score(
                &self.profiles[c],
                &self.profiles[d],
                &self.weights,
                self.lexicon,
                self.config,
            )
        };
        checked(self.labels.label(c, d), strings, || {
            format!("label score of classes {c} and {d}")
        })
    }

    /// [`score::label_score_from`] of classes `c` and `d`, on interned
    /// tokens (checked against the string scorer in debug builds).
    fn label_score_from(&self, c: usize, d: usize, floor: f64) -> Option<f64> {
        let strings = || {
            score::label_score_from(
                &self.profiles[c],
                &self.profiles[d],
                &self.weights,
                self.lexicon,
                self.config,
                floor,
            )
        };
        checked(self.labels.label_from(c, d, floor), strings, || {
            format!("label score of classes {c} and {d} from {floor}")
        })
    }

    fn label(&self, c: usize, d: usize) -> Option<LabelPart> {
        score::label_part(
            &self.profiles[c],
            &self.profiles[d],
            &self.weights,
            self.lexicon,
            self.config,
        )
    }

    /// The score of elements `x` and `y` given their classes' label part;
    /// same-model pairs neither help nor hurt a group (unless
    /// `within_model`).
    fn element_score(&self, label: Option<f64>, x: usize, y: usize) -> f64 {
        if !self.config.within_model && self.contexts.model[x] == self.contexts.model[y] {
            return self.config.group_threshold;
        }
        match label {
            Some(l) => score::combine(l, self.contexts.score(x, y), self.config),
            None => 0.0,
        }
    }

    /// Mean score over (a sample of) the member pairs of classes `c` and
    /// `d` (distinct members when `c == d`); exact for two single elements.
    fn class_score(&self, c: usize, d: usize, label: Option<f64>) -> f64 {
        let sc = sample(&self.classes.members[c]);
        let sd = sample(&self.classes.members[d]);
        let (mut total, mut count) = (0.0, 0usize);
        for &x in sc.as_slice() {
            for &y in sd.as_slice() {
                if c == d && x >= y {
                    continue;
                }
                total += self.element_score(label, x as usize, y as usize);
                count += 1;
            }
        }
        if count == 0 {
            // A class of one against itself: its label alone.
            label.unwrap_or(0.0)
        } else {
            total / count as f64
        }
    }
}

/// Every member, or an evenly strided sample of [`CLASS_SAMPLE`] of them
/// (in a fixed array: no allocation per scored pair of classes).
fn sample(members: &[u32]) -> Sample {
    let mut s = Sample {
        items: [0; CLASS_SAMPLE],
        len: members.len().min(CLASS_SAMPLE),
    };
    if members.len() <= CLASS_SAMPLE {
        s.items[..members.len()].copy_from_slice(members);
    } else {
        for (k, slot) in s.items.iter_mut().enumerate() {
            *slot = members[k * members.len() / CLASS_SAMPLE];
        }
    }
    s
}

/// The result of [`sample`].
struct Sample {
    items: [u32; CLASS_SAMPLE],
    len: usize,
}

impl Sample {
    fn as_slice(&self) -> &[u32] {
        &self.items[..self.len]
    }
}

/// A scored pair of classes (`c < d`): their label part.
#[derive(Debug, Clone, Copy)]
struct ClassLink {
    c: u32,
    d: u32,
    label: f64,
}

/// See the module documentation.
pub(crate) fn match_repository(
    acts: &[Activity],
    config: &MatchConfig,
    lexicon: &Lexicon,
) -> MatchResult {
    let classes = Classes::new(acts);
    let analysed = analyse(acts, &classes, lexicon, config);
    let Interned {
        contexts,
        weights,
        labels,
    } = intern(acts, &classes, &analysed, lexicon, config);
    let profiles = analysed.profiles;
    let mut repo = Repository {
        config,
        lexicon,
        weights,
        labels,
        classes,
        profiles,
        contexts,
        self_label: Vec::new(),
    };
    repo.self_label = (0..repo.profiles.len())
        .into_par_iter()
        .map(|c| repo.label_score(c, c))
        .collect();
    let links = class_links(&repo);
    let groups = groups(&repo, acts, &links);
    let pairs = correspondence_pairs(&repo, &links);
    drop(links);
    let explained = Explained::new(&repo, pairs);
    // Everything the explanations need is in `explained`: free the rest
    // before the largest allocation, the output.
    drop(repo);
    let correspondences = explained.correspondences(config);
    MatchResult {
        correspondences,
        groups,
    }
}

/// Candidate class pairs whose label part could reach the lower of the
/// match and group thresholds, sorted by `(c, d)`.
fn class_links(repo: &Repository) -> Vec<ClassLink> {
    let keys: Vec<Keys> = repo
        .profiles
        .par_iter()
        .map(|p| index::keys(p, &repo.weights, repo.lexicon))
        .collect();
    let index = InvertedIndex::build(&keys, repo.config);
    let mut pairs: Vec<(u32, u32)> = keys
        .par_iter()
        .enumerate()
        .flat_map_iter(|(c, k)| {
            index
                .lookup_bounded(k, c, CLASS_CANDIDATES)
                .into_iter()
                .filter(move |&d| d != c)
                .map(move |d| (c.min(d) as u32, c.max(d) as u32))
        })
        .collect();
    drop(index);
    drop(keys);
    pairs.par_sort_unstable();
    pairs.dedup();
    let config = repo.config;
    // The best context adds half the context weight.
    let floor = config.match_threshold.min(config.group_threshold) - 0.5 * config.context_weight;
    let links: Vec<ClassLink> = pairs
        .par_iter()
        .filter_map(|&(c, d)| {
            let label = repo.label_score_from(c as usize, d as usize, floor)?;
            Some(ClassLink { c, d, label })
        })
        .collect();
    drop(pairs);
    let ends: Vec<(u32, u32)> = links.iter().map(|l| (l.c, l.d)).collect();
    let label: Vec<f64> = links.iter().map(|l| l.label).collect();
    let kept = strongest(repo.profiles.len(), &ends, &label, CLASS_LINKS);
    links
        .into_iter()
        .zip(kept)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
}

/// Keeps, of `links` (scored by `score`), those among the `keep` strongest
/// of either end (ties: the other end's smaller index). Returns a mask.
fn strongest(n: usize, ends: &[(u32, u32)], score: &[f64], keep: usize) -> Vec<bool> {
    let mut adjacent: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (l, &(a, b)) in ends.iter().enumerate() {
        adjacent[a as usize].push(l as u32);
        adjacent[b as usize].push(l as u32);
    }
    // Each node's strongest links, in parallel: the order (score, then the
    // other end) is total, since a node has one link per other end, so the
    // selection does not depend on how it is made.
    adjacent.par_iter_mut().enumerate().for_each(|(node, ls)| {
        let other = |l: u32| {
            let (a, b) = ends[l as usize];
            if a as usize == node {
                b
            } else {
                a
            }
        };
        let order = |x: &u32, y: &u32| {
            score[*y as usize]
                .total_cmp(&score[*x as usize])
                .then(other(*x).cmp(&other(*y)))
        };
        if keep == 0 {
            ls.clear();
        } else if ls.len() > keep {
            ls.select_nth_unstable_by(keep - 1, order);
            ls.truncate(keep);
        }
    });
    let mut kept = vec![false; ends.len()];
    for &l in adjacent.iter().flatten() {
        kept[l as usize] = true;
    }
    kept
}

/// Shared-activity groups: average link over classes.
fn groups(repo: &Repository, acts: &[Activity], links: &[ClassLink]) -> Vec<SharedActivityGroup> {
    let config = repo.config;
    let n = repo.profiles.len();
    let reach = config.group_threshold - 0.5 * config.context_weight;
    let scored: Vec<(ClassLink, f64)> = links
        .par_iter()
        .filter(|l| l.label >= reach)
        .map(|l| {
            let s = repo.class_score(l.c as usize, l.d as usize, Some(l.label));
            (*l, s)
        })
        .filter(|(_, s)| *s >= config.group_threshold)
        .collect();
    let ends: Vec<(u32, u32)> = scored.iter().map(|(l, _)| (l.c, l.d)).collect();
    let score: Vec<f64> = scored.iter().map(|(_, s)| *s).collect();
    let kept = strongest(n, &ends, &score, GROUP_NEIGHBOURS);
    let group_links: Vec<Link> = scored
        .iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .map(|((l, s), _)| Link {
            a: l.c,
            b: l.d,
            score: *s,
        })
        .collect();
    // `links` is sorted by `(c, d)`: a pair's label is found by a binary
    // search (no map over every link).
    debug_assert!(links
        .windows(2)
        .all(|w| (w[0].c, w[0].d) < (w[1].c, w[1].d)));
    let label_of = |c: usize, d: usize| -> Option<f64> {
        let key = (c.min(d) as u32, c.max(d) as u32);
        let k = links.binary_search_by(|l| (l.c, l.d).cmp(&key)).ok()?;
        links.get(k).map(|l| l.label)
    };
    let sizes: Vec<usize> = repo.classes.members.iter().map(Vec::len).collect();
    let pair_score = |c: usize, d: usize| -> f64 {
        let label = if c == d {
            repo.self_label[c]
        } else {
            match label_of(c, d) {
                Some(l) => Some(l),
                None => repo.label_score(c.min(d), c.max(d)),
            }
        };
        repo.class_score(c, d, label)
    };
    let mut scores = PairScores::new(&pair_score);
    for l in &group_links {
        scores.insert(l.a as usize, l.b as usize, l.score);
    }
    let clusters = cluster::average_link(&sizes, &group_links, config.group_threshold, &mut scores);
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = clusters
        .into_iter()
        .filter_map(|nodes| {
            let mut members: Vec<usize> = nodes
                .iter()
                .flat_map(|&c| repo.classes.members[c].iter().map(|&m| m as usize))
                .collect();
            members.sort_unstable();
            let first = *members.first()?;
            let m0 = repo.contexts.model[first];
            let spans = if config.within_model {
                members.len() >= 2
            } else {
                members.iter().any(|&m| repo.contexts.model[m] != m0)
            };
            spans.then_some((members, nodes))
        })
        .collect();
    out.sort();
    out.into_iter()
        .enumerate()
        .map(|(id, (members, nodes))| {
            let (confidence, best) = cluster::describe(&nodes, &sizes, &mut scores);
            // The representative class's first element.
            let rep = repo.classes.members[best]
                .first()
                .map_or(members[0], |&m| m as usize);
            SharedActivityGroup {
                id,
                members,
                confidence,
                label: acts[rep].label.clone(),
            }
        })
        .collect()
}

/// The element pairs `(a, b)` (`a < b`) that are each element's best
/// correspondences (see the module documentation), sorted.
fn correspondence_pairs(repo: &Repository, links: &[ClassLink]) -> Vec<(u32, u32)> {
    let config = repo.config;
    let n_classes = repo.profiles.len();
    let half = 0.5 * config.context_weight;
    // Candidate classes per class, best label first (ties: smaller class).
    let mut candidates: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_classes];
    for l in links
        .iter()
        .filter(|l| l.label + half >= config.match_threshold)
    {
        candidates[l.c as usize].push((l.d, l.label));
        candidates[l.d as usize].push((l.c, l.label));
    }
    candidates.par_iter_mut().enumerate().for_each(|(c, list)| {
        if let Some(l) = repo.self_label[c].filter(|l| l + half >= config.match_threshold) {
            list.push((c as u32, l));
        }
        list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    });
    let n = repo.classes.of.len();
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            best_partners(repo, &candidates, i)
                .into_iter()
                .map(move |j| (i.min(j) as u32, i.max(j) as u32))
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    // Scores first (compact): the explanations are built for the pairs
    // returned only (see `Explained`).
    let classes_of =
        |a: usize, b: usize| (repo.classes.of[a] as usize, repo.classes.of[b] as usize);
    let keep: Vec<bool> = pairs
        .par_iter()
        .map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let (ca, cb) = classes_of(a, b);
            repo.label_score(ca, cb).is_some_and(|l| {
                score::combine(l, repo.contexts.score(a, b), config) >= config.match_threshold
            })
        })
        .collect();
    let mut k = keep.iter();
    pairs.retain(|_| k.next().copied().unwrap_or(false));
    drop(keep);
    pairs.shrink_to_fit();
    pairs
}

/// What the explanations of the returned pairs need, without the
/// repository: the label part of each distinct pair of label classes
/// (computed once, however many element pairs share it; at 10,000 models
/// 744,458 correspondences have 236,261 distinct class pairs) and each
/// pair's context score.
struct Explained {
    /// Sorted by `(a, b)`.
    pairs: Vec<(u32, u32)>,
    /// Per pair: its class pair's index in `parts`.
    part: Vec<u32>,
    /// Per pair: its context score.
    context: Vec<f64>,
    /// Label parts (with their explanations) of the distinct class pairs.
    parts: Vec<LabelPart>,
}

impl Explained {
    fn new(repo: &Repository, pairs: Vec<(u32, u32)>) -> Explained {
        let classes_of =
            |&(a, b): &(u32, u32)| (repo.classes.of[a as usize], repo.classes.of[b as usize]);
        let mut class_pairs: Vec<(u32, u32)> = pairs.par_iter().map(classes_of).collect();
        class_pairs.par_sort_unstable();
        class_pairs.dedup();
        let part: Vec<u32> = pairs
            .par_iter()
            .map(|p| {
                let key = classes_of(p);
                class_pairs.partition_point(|&k| k < key) as u32
            })
            .collect();
        let context: Vec<f64> = pairs
            .par_iter()
            .map(|&(a, b)| repo.contexts.score(a as usize, b as usize))
            .collect();
        // Always a label part: the same scores kept the pair.
        let parts: Vec<LabelPart> = class_pairs
            .par_iter()
            .map(|&(ca, cb)| repo.label(ca as usize, cb as usize).unwrap_or_default())
            .collect();
        Explained {
            pairs,
            part,
            context,
            parts,
        }
    }

    /// The correspondences, sorted by `(a, b)`, with explanations (each a
    /// copy of its class pair's label part, so its vectors are no longer
    /// than they need be).
    fn correspondences(self, config: &MatchConfig) -> Vec<Correspondence> {
        let Explained {
            pairs,
            part,
            context,
            parts,
        } = self;
        pairs
            .par_iter()
            .zip(part.par_iter())
            .zip(context.par_iter())
            .map(|((&(a, b), &k), &context)| {
                let why = parts
                    .get(k as usize)
                    .cloned()
                    .unwrap_or_default()
                    .explain(context, config);
                Correspondence {
                    a: a as usize,
                    b: b as usize,
                    score: why.score,
                    why,
                }
            })
            .collect()
    }
}

/// The best [`CORRESPONDENCES_PER_ELEMENT`] partners of element `i` at or
/// above the match threshold.
fn best_partners(repo: &Repository, candidates: &[Vec<(u32, f64)>], i: usize) -> Vec<usize> {
    let config = repo.config;
    let half = 0.5 * config.context_weight;
    let c = repo.classes.of[i] as usize;
    // (score, partner), best first; ties: the smaller partner.
    let mut best: Vec<(f64, usize)> = Vec::with_capacity(CORRESPONDENCES_PER_ELEMENT + 1);
    let mut examined = 0usize;
    for &(d, label) in &candidates[c] {
        if best.len() == CORRESPONDENCES_PER_ELEMENT
            && best.last().is_some_and(|&(worst, _)| label + half < worst)
        {
            break;
        }
        let members = &repo.classes.members[d as usize];
        let pos = members.partition_point(|&x| (x as usize) < i);
        let start = pos
            .saturating_sub(MEMBERS_EXAMINED / 2)
            .min(members.len().saturating_sub(MEMBERS_EXAMINED));
        let end = (start + MEMBERS_EXAMINED).min(members.len());
        for &j in &members[start..end] {
            let j = j as usize;
            if j == i || (!config.within_model && repo.contexts.model[i] == repo.contexts.model[j])
            {
                continue;
            }
            examined += 1;
            let s = score::combine(label, repo.contexts.score(i, j), config);
            if s < config.match_threshold {
                continue;
            }
            let at = best.partition_point(|&(bs, bj)| bs > s || (bs == s && bj < j));
            if at < CORRESPONDENCES_PER_ELEMENT {
                best.insert(at, (s, j));
                best.truncate(CORRESPONDENCES_PER_ELEMENT);
            }
        }
        if examined >= PAIRS_EXAMINED {
            break;
        }
    }
    best.into_iter().map(|(_, j)| j).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Matcher;

    /// `n` models, each with the same verification task, a send task and an
    /// archiving event.
    fn repository(n: usize) -> Vec<Activity> {
        let mut acts = Vec::new();
        for m in 0..n {
            let model = format!("model-{m}");
            let mut verify = Activity::new(
                &model,
                "Task_1",
                "Verifikasi berkas",
                ActivityKind::Activity,
            );
            verify.successors = vec!["Kirim surat keputusan".to_string()];
            acts.push(verify);
            let mut send = Activity::new(
                &model,
                "Task_2",
                "Kirim surat keputusan",
                ActivityKind::Activity,
            );
            send.predecessors = vec!["Verifikasi berkas".to_string()];
            acts.push(send);
            acts.push(Activity::new(&model, "End", "Selesai", ActivityKind::Event));
        }
        acts
    }

    #[test]
    fn identical_labels_come_out_whole_with_bounded_correspondences() {
        let n = 400;
        let acts = repository(n);
        let r = Matcher::with_defaults().match_repository(&acts);
        let verify: Vec<usize> = (0..n).map(|m| 3 * m).collect();
        let group = r
            .groups
            .iter()
            .find(|g| g.members.contains(&0))
            .expect("the verification tasks form a group");
        assert_eq!(group.members, verify);
        assert_eq!(group.label, "Verifikasi berkas");
        // Each element keeps at most K partners: the output is linear, not
        // the n(n-1)/2 pairs of each label.
        assert!(r.correspondences.len() <= CORRESPONDENCES_PER_ELEMENT * acts.len());
        assert!(r.correspondences.len() >= acts.len() / 2);
        let mut partners = vec![0usize; acts.len()];
        for c in &r.correspondences {
            assert!(c.a < c.b && c.score >= MatchConfig::default().match_threshold);
            assert_ne!(acts[c.a].key.model, acts[c.b].key.model);
            partners[c.a] += 1;
            partners[c.b] += 1;
        }
        assert!(partners.iter().all(|&p| p >= 1), "every element is linked");
        let mut sorted = r.correspondences.clone();
        sorted.sort_by_key(|c| (c.a, c.b));
        assert_eq!(sorted, r.correspondences);
    }

    /// Every activity and labelled event of the repository's `processes/`
    /// (real process models, Indonesian and English), if present.
    fn processes() -> Vec<Activity> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "bpmn") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../processes");
        let mut files = Vec::new();
        walk(&root, &mut files);
        files.sort();
        files
            .iter()
            .filter_map(|f| peta_bpmn::parse_file(f, &Default::default()).ok())
            .flat_map(|m| crate::activities_of(&m))
            .collect()
    }

    /// The interned label scorer gives bit-identical scores to the string
    /// scorer on every pair of label classes (not only the candidate pairs
    /// that the matcher's own debug check sees), with and without a floor.
    #[test]
    fn interned_label_scores_are_the_string_scores() {
        let mut acts = processes();
        acts.extend(repository(3));
        let extra = [
            ("Rejected", ActivityKind::Event),
            ("Receive rejection", ActivityKind::Activity),
            ("Rejection", ActivityKind::Activity),
            ("Send rejection", ActivityKind::Activity),
            ("Berkas diterima", ActivityKind::Event),
            ("Menerima berkas", ActivityKind::Activity),
            ("Mengirim berkas", ActivityKind::Activity),
            ("Berkas tidak lengkap", ActivityKind::Event),
            ("Berkas lengkap", ActivityKind::Event),
            ("Mencatat cuti di SIASN", ActivityKind::Activity),
            (
                "Memutakhirkan status pensiun di SIASN",
                ActivityKind::Activity,
            ),
            ("Accept applicant", ActivityKind::Activity),
            ("Menolak pemohon", ActivityKind::Activity),
            (
                "Meminta pelaku usaha melengkapi persyaratan",
                ActivityKind::Activity,
            ),
            ("Return application for correction", ActivityKind::Activity),
            ("Create ranking", ActivityKind::Activity),
            ("Menyusun laporan penyaluran", ActivityKind::Activity),
            ("Kirim surat keputusan kepada BKN", ActivityKind::Activity),
            ("Receive documents from applicant", ActivityKind::Activity),
            ("Verifikasi NIK peserta", ActivityKind::Activity),
            ("Verifikasi NIK pelaku usaha", ActivityKind::Activity),
            ("Send letter of acceptance", ActivityKind::Activity),
            ("Send letter of rejection", ActivityKind::Activity),
            ("Evaluate", ActivityKind::Activity),
            ("Evaluate application", ActivityKind::Activity),
            ("", ActivityKind::Activity),
        ];
        for (i, (label, kind)) in extra.iter().enumerate() {
            let mut a = Activity::new("extra", &format!("x{i}"), label, *kind);
            a.message = match i % 3 {
                0 => None,
                1 => Some(MessageRole::Receive),
                _ => Some(MessageRole::Send),
            };
            acts.push(a);
        }
        let config = MatchConfig::default();
        let lexicon = Lexicon::bundled();
        let classes = Classes::new(&acts);
        let analysed = analyse(&acts, &classes, &lexicon, &config);
        let profiles = &analysed.profiles;
        let interned = intern(&acts, &classes, &analysed, &lexicon, &config);
        let floor =
            config.match_threshold.min(config.group_threshold) - 0.5 * config.context_weight;
        let n = profiles.len().min(400);
        let mut scored = 0usize;
        for c in 0..n {
            for d in 0..n {
                let (pc, pd) = (&profiles[c], &profiles[d]);
                let w = &interned.weights;
                let strings = score::label_score(pc, pd, w, &lexicon, &config);
                assert_eq!(
                    interned.labels.label(c, d).map(|l| l.map(f64::to_bits)),
                    Ok(strings.map(f64::to_bits)),
                    "{:?} / {:?}",
                    pc.normalized,
                    pd.normalized
                );
                let strings = score::label_score_from(pc, pd, w, &lexicon, &config, floor);
                assert_eq!(
                    interned
                        .labels
                        .label_from(c, d, floor)
                        .map(|l| l.map(f64::to_bits)),
                    Ok(strings.map(f64::to_bits)),
                    "{:?} / {:?} from {floor}",
                    pc.normalized,
                    pd.normalized
                );
                scored += usize::from(strings.is_some());
            }
        }
        assert!(scored > n, "{scored} pairs reach the floor");
    }

    /// A label too long for the interned scorer's masks is scored by the
    /// string scorer.
    #[test]
    fn wide_labels_fall_back_to_the_string_scorer() {
        let words: Vec<String> = (0..80).map(|i| format!("kata{i}")).collect();
        let long = format!("Verifikasi {}", words.join(" "));
        let acts = vec![
            Activity::new("m", "a", &long, ActivityKind::Activity),
            Activity::new("n", "b", &long, ActivityKind::Activity),
            Activity::new("o", "c", "Verifikasi kata1 kata2", ActivityKind::Activity),
        ];
        let config = MatchConfig::default();
        let lexicon = Lexicon::bundled();
        let classes = Classes::new(&acts);
        let analysed = analyse(&acts, &classes, &lexicon, &config);
        let profiles = &analysed.profiles;
        assert!(profiles[0].terms.len() > crate::label::MAX_TERMS);
        let interned = intern(&acts, &classes, &analysed, &lexicon, &config);
        assert_eq!(interned.labels.label(0, 1), Err(Wide));
        let r = Matcher::with_defaults().match_repository(&acts);
        assert!(r.correspondences.iter().any(|c| (c.a, c.b) == (0, 1)));
    }

    #[test]
    fn labels_of_one_model_only_form_no_group() {
        let acts = vec![
            Activity::new("m", "a", "Verifikasi berkas", ActivityKind::Activity),
            Activity::new("m", "b", "Verifikasi berkas", ActivityKind::Activity),
            Activity::new("n", "c", "Arsipkan laporan", ActivityKind::Activity),
        ];
        let r = Matcher::with_defaults().match_repository(&acts);
        assert!(r.groups.is_empty(), "{:?}", r.groups);
        assert!(r.correspondences.is_empty());
    }
}
