//! Activities -> correspondences and shared-activity groups.
//!
//! [`activities_of`] extracts matchable elements from a model; a [`Matcher`]
//! links equivalent ones, between two models ([`Matcher::match_pair`]) or
//! across a whole repository ([`Matcher::match_repository`], which also
//! clusters them into [`SharedActivityGroup`]s). Every link carries an
//! [`Explanation`]. The method and every threshold are described in
//! `docs/matching.md`; the thresholds live in [`config`].
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod activity;
mod cluster;
pub mod config;
pub mod eval;
pub mod gold;
mod index;
mod label;
mod profile;
pub mod repository;
mod score;

pub use activity::{activities_of, Activity, ActivityKind, MessageRole};
pub use cluster::SharedActivityGroup;
pub use config::MatchConfig;
pub use score::Explanation;

use peta_text::Lexicon;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use index::{InvertedIndex, Keys};
use profile::{Profile, Weights};

/// Errors of this crate (reading gold standards).
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Gold {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A link between two elements that do the same work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correspondence {
    /// Index into the first slice (in [`Matcher::match_repository`]: the smaller index).
    pub a: usize,
    /// Index into the second slice (in [`Matcher::match_repository`]: the larger index).
    pub b: usize,
    pub score: f64,
    pub why: Explanation,
}

/// Correspondences and groups over a repository.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchResult {
    /// Sorted by `(a, b)`.
    pub correspondences: Vec<Correspondence>,
    /// Sorted by smallest member.
    pub groups: Vec<SharedActivityGroup>,
}

/// Links equivalent activities. Deterministic: the same input gives the same
/// output whatever the number of rayon threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    config: MatchConfig,
    lexicon: Lexicon,
}

impl Matcher {
    pub fn new(config: MatchConfig, lexicon: Lexicon) -> Self {
        Matcher { config, lexicon }
    }

    /// Default thresholds and the bundled lexicon.
    pub fn with_defaults() -> Self {
        Matcher::new(MatchConfig::default(), Lexicon::bundled())
    }

    pub fn config(&self) -> &MatchConfig {
        &self.config
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    fn profiles(&self, acts: &[Activity]) -> Vec<Profile> {
        acts.par_iter()
            .map(|a| Profile::build(a, &self.lexicon, &self.config))
            .collect()
    }

    /// Correspondences between two sets (e.g. two models), sorted by `(a, b)`.
    /// Token weights are learnt from both sets together. One element may
    /// correspond to several.
    pub fn match_pair(&self, a: &[Activity], b: &[Activity]) -> Vec<Correspondence> {
        let pa = self.profiles(a);
        let pb = self.profiles(b);
        let weights = Weights::learn(pa.iter().chain(pb.iter()));
        let ka: Vec<Keys> = pa
            .par_iter()
            .map(|p| index::keys(p, &weights, &self.lexicon))
            .collect();
        let kb: Vec<Keys> = pb
            .par_iter()
            .map(|p| index::keys(p, &weights, &self.lexicon))
            .collect();
        let index_a = InvertedIndex::build(&ka, &self.config);
        let index_b = InvertedIndex::build(&kb, &self.config);
        // Candidates from both directions.
        let mut pairs: Vec<(usize, usize)> = ka
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, k)| {
                let at = i * pb.len() / pa.len().max(1);
                index_b.lookup(k, at).into_iter().map(move |j| (i, j))
            })
            .chain(kb.par_iter().enumerate().flat_map_iter(|(j, k)| {
                let at = j * pa.len() / pb.len().max(1);
                index_a.lookup(k, at).into_iter().map(move |i| (i, j))
            }))
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        let mut out: Vec<Correspondence> = pairs
            .par_iter()
            .filter_map(|&(i, j)| {
                let why = score::score(&pa[i], &pb[j], &weights, &self.lexicon, &self.config)?;
                (why.score >= self.config.match_threshold).then_some(Correspondence {
                    a: i,
                    b: j,
                    score: why.score,
                    why,
                })
            })
            .collect();
        out.sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
        // One-to-many, but only among near-best candidates: a link far
        // below the best link of either of its ends is a weaker reading of
        // work already matched.
        let mut best_a = vec![0.0f64; pa.len()];
        let mut best_b = vec![0.0f64; pb.len()];
        for c in &out {
            best_a[c.a] = best_a[c.a].max(c.score);
            best_b[c.b] = best_b[c.b].max(c.score);
        }
        out.retain(|c| {
            c.score >= best_a[c.a] - config::BEST_MARGIN
                && c.score >= best_b[c.b] - config::BEST_MARGIN
        });
        out
    }

    /// Scores one pair of elements with weights learnt from `context` (the
    /// repository they come from); `None` when they may never match.
    pub fn explain(&self, context: &[Activity], a: usize, b: usize) -> Option<Explanation> {
        let profiles = self.profiles(context);
        let weights = Weights::learn(profiles.iter());
        score::score(
            profiles.get(a)?,
            profiles.get(b)?,
            &weights,
            &self.lexicon,
            &self.config,
        )
    }

    /// Whole repository: correspondences between elements of different models
    /// (candidates from an inverted index over label classes, never all
    /// pairs; each element keeps its best
    /// [`repository::CORRESPONDENCES_PER_ELEMENT`]) and their clustering into
    /// shared-activity groups (elements with the same label stay together).
    /// Output and work grow linearly with the repository; see the
    /// `repository` module. Elements are indexed as `u32` internally: at most
    /// `u32::MAX` of them.
    pub fn match_repository(&self, acts: &[Activity]) -> MatchResult {
        repository::match_repository(acts, &self.config, &self.lexicon)
    }
}
