//! The label part of a pair's score on interned tokens: the repository
//! matcher's fast path for [`score::label_score`] and
//! [`score::label_score_from`].
//!
//! Every token that the label scorer compares (concepts, actions, object
//! and adjunct terms, heads) and every context token is interned once into
//! a `u32` id by a [`Vocabulary`]. Ids are assigned in the tokens' string
//! (byte-lexicographic) order, so a list of ids sorted ascending is in the
//! same order as the sorted strings it stands for: "the first common
//! action" and every sum over terms run in the same order as in the string
//! scorer, with the same `f64` operations, and the scores are
//! **bit-identical** (in debug builds the repository matcher checks every
//! score against [`score`]'s). Token weights live in a dense vector by id,
//! the thesaurus relations the scorer asks about (related, opposite,
//! service) in per-id tables, and comparing two labels is merge-joins over
//! short sorted id slices and bit masks over their terms: no hashing, no
//! string compare and no allocation per scored pair.
//!
//! Labels with more than [`MAX_TERMS`] terms do not fit the masks: for such
//! a pair [`LabelScorer::label`] answers [`Wide`] and the caller falls back
//! to the string scorer.
//!
//! [`score`]: crate::score
//! [`score::label_score`]: crate::score::label_score
//! [`score::label_score_from`]: crate::score::label_score_from

use std::collections::{HashMap, HashSet};

use peta_text::Lexicon;

use crate::activity::ActivityKind;
use crate::config::MatchConfig;
use crate::profile::Profile;

/// Terms per label that the interned scorer handles (one bit each in a
/// `u64` mask).
pub(crate) const MAX_TERMS: usize = 64;

/// Token ↔ id, ids in string order. Borrows the strings it was built from.
pub(crate) struct Vocabulary<'a> {
    id: HashMap<&'a str, u32>,
    len: usize,
}

impl<'a> Vocabulary<'a> {
    /// Interns every token yielded (duplicates allowed), numbering them in
    /// string order.
    pub fn new(tokens: impl Iterator<Item = &'a str>) -> Vocabulary<'a> {
        let mut all: Vec<&str> = tokens.collect::<HashSet<&str>>().into_iter().collect();
        all.sort_unstable();
        let len = all.len();
        let id = all
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, i as u32))
            .collect();
        Vocabulary { id, len }
    }

    /// Every label token of a profile that [`LabelScorer`] interns: its
    /// keys (actions and terms), concepts and head.
    pub fn label_tokens(p: &'a Profile) -> impl Iterator<Item = &'a str> {
        p.keys
            .iter()
            .chain(p.actions.iter())
            .chain(p.concepts.iter())
            .chain(p.terms.iter().map(|t| &t.canonical))
            .chain(p.head.iter())
            .map(String::as_str)
    }

    /// The id of a token, if interned.
    pub fn id(&self, token: &str) -> Option<u32> {
        self.id.get(token).copied()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The interned tokens with their ids (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, u32)> + '_ {
        self.id.iter().map(|(t, i)| (*t, *i))
    }

    /// Ids of the interned tokens among `tokens`, ascending and distinct.
    pub fn ids<'t>(&self, tokens: impl Iterator<Item = &'t str>) -> Vec<u32> {
        let mut v: Vec<u32> = tokens.filter_map(|t| self.id(t)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A per-token list of tokens (compressed rows): `rows[t]` is
/// `items[offsets[t]..offsets[t + 1]]`.
#[derive(Debug, Default)]
struct Table {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Table {
    /// For each of `n` token ids, the interned tokens of `row(id)`.
    fn new(n: usize, row: impl Fn(u32) -> Vec<u32>) -> Table {
        let mut offsets = Vec::with_capacity(n + 1);
        let mut items = Vec::new();
        offsets.push(0);
        for t in 0..n as u32 {
            items.extend(row(t));
            offsets.push(items.len() as u32);
        }
        Table { offsets, items }
    }

    fn row(&self, t: u32) -> &[u32] {
        let t = t as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&s), Some(&e)) => &self.items[s as usize..e as usize],
            _ => &[],
        }
    }
}

/// One term of an interned label.
#[derive(Debug, Clone, Copy)]
struct Term {
    id: u32,
    role_weight: f64,
    /// `idf × role_weight`, the string scorer's `w(t)`.
    weight: f64,
}

impl Term {
    /// An adjunct term (systems, agencies, recipients): it counts only when
    /// both sides share it.
    fn adjunct(&self) -> bool {
        self.role_weight < 1.0
    }
}

/// One interned label class: what the scorer reads of a [`Profile`].
#[derive(Debug, Clone)]
struct Label {
    kind: ActivityKind,
    /// Range in `LabelScorer::ids`.
    concepts: (u32, u32),
    /// Range in `LabelScorer::ids`.
    actions: (u32, u32),
    /// Range in `LabelScorer::terms`.
    terms: (u32, u32),
    head: Option<u32>,
    /// Id of the normalised label (equal ids: equal labels).
    normalized: u32,
    /// The normalised label is not empty.
    named: bool,
    negated: bool,
    head_first: bool,
    /// The head is a document container.
    head_container: bool,
    /// Some action is a common service action.
    any_service: bool,
    /// Every term is an adjunct (`role_weight < 1`), or there is none.
    all_adjunct: bool,
    /// More than [`MAX_TERMS`] terms: scored by the string scorer.
    wide: bool,
}

/// A pair with a label of more than [`MAX_TERMS`] terms: use the string
/// scorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wide;

/// Scores pairs of label classes on interned tokens (see the module
/// documentation).
#[derive(Debug)]
pub(crate) struct LabelScorer {
    labels: Vec<Label>,
    /// Concepts and actions of every label.
    ids: Vec<u32>,
    terms: Vec<Term>,
    /// `lex.related_to`, interned.
    related: Table,
    /// `lex.are_opposite`, interned.
    opposite: Table,
    /// `lex.is_service`, by id.
    service: Vec<bool>,
    config: MatchConfig,
}

/// Is `x` in the ascending slice `s`?
fn has(s: &[u32], x: u32) -> bool {
    s.binary_search(&x).is_ok()
}

/// The smallest element common to two ascending slices (merge-join).
fn first_common(a: &[u32], b: &[u32]) -> Option<u32> {
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(x),
        }
    }
    None
}

/// Indices of the set bits of `m`, ascending.
fn bits(mut m: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if m == 0 {
            return None;
        }
        let i = m.trailing_zeros() as usize;
        m &= m - 1;
        Some(i)
    })
}

/// A mask of the terms (at most [`MAX_TERMS`]) that pass `keep`.
fn mask(terms: &[Term], keep: impl Fn(&Term) -> bool) -> u64 {
    terms
        .iter()
        .enumerate()
        .filter(|(_, t)| keep(t))
        .fold(0u64, |m, (i, _)| m | (1u64 << i))
}

impl LabelScorer {
    /// Interns one label per profile. `idf` holds the weight of every
    /// token of `vocab` by id (what `Weights::idf` gives for it).
    pub fn new(
        profiles: &[Profile],
        vocab: &Vocabulary,
        idf: &[f64],
        lex: &Lexicon,
        config: &MatchConfig,
    ) -> LabelScorer {
        let n = vocab.len();
        let mut token: Vec<&str> = vec![""; n];
        for (t, i) in vocab.iter() {
            if let Some(slot) = token.get_mut(i as usize) {
                *slot = t;
            }
        }
        let related = Table::new(n, |t| {
            vocab.ids(lex.related_to(token[t as usize]).iter().map(String::as_str))
        });
        // Opposites among the concepts that labels name (the veto only
        // compares concepts): the thesaurus is small, so all pairs.
        let concepts: Vec<u32> = {
            let mut v: Vec<u32> = profiles
                .iter()
                .flat_map(|p| p.concepts.iter())
                .filter_map(|c| vocab.id(c))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let opposites: HashMap<u32, Vec<u32>> = concepts
            .iter()
            .filter_map(|&x| {
                let ys: Vec<u32> = concepts
                    .iter()
                    .copied()
                    .filter(|&y| lex.are_opposite(token[x as usize], token[y as usize]))
                    .collect();
                (!ys.is_empty()).then_some((x, ys))
            })
            .collect();
        let opposite = Table::new(n, |t| opposites.get(&t).cloned().unwrap_or_default());
        let service: Vec<bool> = token.iter().map(|t| lex.is_service(t)).collect();
        let normalized: HashMap<&str, u32> = {
            let mut all: Vec<&str> = profiles.iter().map(|p| p.normalized.as_str()).collect();
            all.sort_unstable();
            all.dedup();
            all.into_iter()
                .enumerate()
                .map(|(i, s)| (s, i as u32))
                .collect()
        };
        let mut ids: Vec<u32> = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let push_ids = |ids: &mut Vec<u32>, tokens: &[String]| -> (u32, u32) {
            let start = ids.len() as u32;
            ids.extend(vocab.ids(tokens.iter().map(String::as_str)));
            (start, ids.len() as u32)
        };
        let labels = profiles
            .iter()
            .map(|p| {
                let concepts = push_ids(&mut ids, &p.concepts);
                let actions = push_ids(&mut ids, &p.actions);
                let start = terms.len() as u32;
                // Profile terms are sorted by canonical token and distinct:
                // their ids ascend.
                terms.extend(p.terms.iter().filter_map(|t| {
                    let id = vocab.id(&t.canonical)?;
                    let w = idf.get(id as usize).copied().unwrap_or(0.0);
                    Some(Term {
                        id,
                        role_weight: t.role_weight,
                        weight: w * t.role_weight,
                    })
                }));
                let end = terms.len() as u32;
                debug_assert_eq!((end - start) as usize, p.terms.len());
                debug_assert!(terms[start as usize..end as usize]
                    .windows(2)
                    .all(|w| w[0].id < w[1].id));
                Label {
                    kind: p.kind,
                    concepts,
                    actions,
                    terms: (start, end),
                    head: p.head.as_deref().and_then(|h| vocab.id(h)),
                    normalized: normalized
                        .get(p.normalized.as_str())
                        .copied()
                        .unwrap_or(u32::MAX),
                    named: !p.normalized.is_empty(),
                    negated: p.negated,
                    head_first: p.head_first,
                    head_container: p.head.as_deref().is_some_and(|h| lex.is_container(h)),
                    any_service: p.actions.iter().any(|c| lex.is_service(c)),
                    all_adjunct: p.terms.iter().all(|t| t.role_weight < 1.0),
                    wide: p.terms.len() > MAX_TERMS,
                }
            })
            .collect();
        LabelScorer {
            labels,
            ids,
            terms,
            related,
            opposite,
            service,
            config: config.clone(),
        }
    }

    fn ids_of(&self, (s, e): (u32, u32)) -> &[u32] {
        &self.ids[s as usize..e as usize]
    }

    fn terms_of(&self, l: &Label) -> &[Term] {
        &self.terms[l.terms.0 as usize..l.terms.1 as usize]
    }

    fn related(&self, t: u32) -> &[u32] {
        self.related.row(t)
    }

    fn is_service(&self, t: u32) -> bool {
        self.service.get(t as usize).copied().unwrap_or(false)
    }

    /// `score::label_score` of classes `c` and `d`.
    pub fn label(&self, c: usize, d: usize) -> Result<Option<f64>, Wide> {
        self.label_with(c, d, f64::NEG_INFINITY)
    }

    /// `score::label_score_from` of classes `c` and `d`.
    pub fn label_from(&self, c: usize, d: usize, floor: f64) -> Result<Option<f64>, Wide> {
        Ok(self.label_with(c, d, floor)?.filter(|&l| l >= floor))
    }

    /// `score::label_part_with` without the explanation: the same steps,
    /// the same `f64` operations in the same order.
    fn label_with(&self, c: usize, d: usize, floor: f64) -> Result<Option<f64>, Wide> {
        let (Some(a), Some(b)) = (self.labels.get(c), self.labels.get(d)) else {
            return Ok(None);
        };
        if a.wide || b.wide {
            return Err(Wide);
        }
        Ok(self.score(a, b, floor))
    }

    fn score(&self, a: &Label, b: &Label, floor: f64) -> Option<f64> {
        let config = &self.config;
        if a.kind != b.kind && !config.events_match_activities {
            return None;
        }
        // Veto: opposite concepts that are not on both sides.
        let (ac, bc) = (self.ids_of(a.concepts), self.ids_of(b.concepts));
        for &x in ac {
            for &y in self.opposite.row(x) {
                if has(bc, y) && !has(ac, y) && !has(bc, x) {
                    return None;
                }
            }
        }
        // Whether the string scorer would note something shared.
        let mut any = false;
        let (aa, ba) = (self.ids_of(a.actions), self.ids_of(b.actions));
        let (at, bt) = (self.terms_of(a), self.terms_of(b));
        let common_action = first_common(aa, ba);
        let in_terms =
            |x: &[u32], terms: &[Term]| x.iter().any(|&c| terms.iter().any(|t| t.id == c));
        let related_action = aa.iter().any(|&x| {
            let related = self.related(x);
            !related.is_empty() && ba.iter().any(|y| related.contains(y))
        });
        let bare_nominal = |x: &Label, xa: &[u32], yt: &[Term]| {
            x.kind == ActivityKind::Event
                && !xa.is_empty()
                && x.all_adjunct
                && xa
                    .iter()
                    .any(|&c| yt.iter().any(|t| t.id == c && t.role_weight >= 1.0))
        };
        let action_factor = if common_action.is_some() {
            any = true;
            1.0
        } else if aa.is_empty() && ba.is_empty() {
            1.0
        } else if bare_nominal(a, aa, bt) || bare_nominal(b, ba, at) {
            if aa
                .iter()
                .chain(ba.iter())
                .any(|&x| in_terms(&[x], at) || in_terms(&[x], bt))
            {
                any = true;
            }
            1.0
        } else if aa.is_empty() || ba.is_empty() {
            if in_terms(aa, bt) || in_terms(ba, at) {
                1.0
            } else {
                config.action_unknown
            }
        } else if related_action {
            config.action_unknown
        } else {
            config.action_mismatch
        };
        let same_label = a.normalized == b.normalized;
        // Below the floor whatever the objects.
        if floor > f64::NEG_INFINITY
            && (!a.named || !same_label)
            && crate::score::below_floor(action_factor, a.negated != b.negated, floor, config)
        {
            return None;
        }
        // Object similarity over the terms that are not the other side's
        // action; adjuncts only when both sides share them.
        let a0 = mask(at, |t| !has(ba, t.id));
        let b0 = mask(bt, |t| !has(aa, t.id));
        let shares = |t: &Term, other: &[Term], m: u64| {
            let related = self.related(t.id);
            bits(m).any(|j| other[j].id == t.id || related.contains(&other[j].id))
        };
        let a1 = a0 & mask(at, |t| !t.adjunct() || shares(t, bt, b0));
        let b1 = b0 & mask(bt, |t| !t.adjunct() || shares(t, at, a1));
        let wa: f64 = bits(a1).map(|i| at[i].weight).sum();
        let wb: f64 = bits(b1).map(|j| bt[j].weight).sum();
        let mut common_a = 0.0;
        let mut common_b = 0.0;
        let mut used_b = 0u64;
        let mut unmatched_a = 0u64;
        // Exact matches: a merge-join of the two ascending term lists.
        let mut js = bits(b1).peekable();
        for i in bits(a1) {
            let t = &at[i];
            while js.next_if(|&j| bt[j].id < t.id).is_some() {}
            match js.peek() {
                Some(&j) if bt[j].id == t.id => {
                    used_b |= 1u64 << j;
                    common_a += t.weight;
                    common_b += bt[j].weight;
                    any = true;
                }
                _ => unmatched_a |= 1u64 << i,
            }
        }
        // Related concepts, each term of b used once.
        for i in bits(unmatched_a) {
            let t = &at[i];
            let related = self.related(t.id);
            if let Some(j) = bits(b1 & !used_b).find(|&j| related.contains(&bt[j].id)) {
                used_b |= 1u64 << j;
                common_a += config.related_credit * t.weight;
                common_b += config.related_credit * bt[j].weight;
                any = true;
            }
        }
        let same_head = a.head_first && b.head_first && a.head.is_some() && a.head == b.head;
        let object_score = crate::score::object_similarity(
            (a1 == 0, b1 == 0),
            (common_a, common_b),
            (wa, wb),
            same_head,
            config,
        );
        let service = common_action.is_some_and(|c| self.is_service(c))
            || (related_action && (a.any_service || b.any_service));
        let object_score = if service {
            object_score.max(config.service_object_floor)
        } else {
            object_score
        };
        let container =
            common_action.is_some() && a.head.is_some() && a.head == b.head && a.head_container;
        let object_score = if container {
            object_score.max(config.container_object_floor)
        } else {
            object_score
        };
        if !any && !same_label {
            return None;
        }
        let mut label = action_factor * object_score;
        if a.negated != b.negated {
            label *= config.negation_penalty;
        }
        if a.named && same_label {
            label = 1.0;
        }
        Some(label)
    }
}
