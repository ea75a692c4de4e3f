//! Shared-activity groups: greedy average-link clustering over weighted
//! nodes (label classes: a node stands for `size` elements with the same
//! label) and the links between them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

/// Activities of the repository that do the same work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedActivityGroup {
    /// 0-based, in order of the groups' smallest member.
    pub id: usize,
    /// Indices into the activity slice, ascending.
    pub members: Vec<usize>,
    /// Mean score over all member pairs (0..1).
    pub confidence: f64,
    /// The representative label: the member most similar to the others.
    pub label: String,
}

/// A scored link between two nodes (`a < b`), compact: what grouping needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    pub a: u32,
    pub b: u32,
    pub score: f64,
}

/// Nodes examined per side when averaging over two large clusters.
const SAMPLE: usize = 8;

/// Every member, or an evenly strided sample of `SAMPLE` of them.
fn sample(members: &[usize]) -> Vec<usize> {
    if members.len() <= SAMPLE {
        return members.to_vec();
    }
    (0..SAMPLE)
        .map(|k| members[k * members.len() / SAMPLE])
        .collect()
}

/// An unordered pair of indices as one `u64` key (smaller index high).
pub(crate) fn pair_key(x: usize, y: usize) -> u64 {
    ((x.min(y) as u64) << 32) | (x.max(y) as u64 & 0xffff_ffff)
}

/// A cheap hasher for `u64` keys that are already well spread pairs of indices.
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        // Fibonacci hashing, then fold the high bits down.
        let h = v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

type PairMap<V> = HashMap<u64, V, BuildHasherDefault<PairHasher>>;

/// Merges two ascending member lists into one ascending list.
fn merge_sorted(x: &[usize], y: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        if x[i] <= y[j] {
            out.push(x[i]);
            i += 1;
        } else {
            out.push(y[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&x[i..]);
    out.extend_from_slice(&y[j..]);
    out
}

/// Pair scores between nodes, computed once (`score`) and cached.
pub(crate) struct PairScores<'a> {
    cache: PairMap<f64>,
    score: &'a dyn Fn(usize, usize) -> f64,
    limit: usize,
}

/// Computed pair scores cached per recorded (link) score, and at least
/// [`CACHE_MIN`]: at 100,000 models an unbounded cache of the pairs sampled
/// by average link outgrew 16 GiB.
const CACHE_PER_LINK: usize = 4;
const CACHE_MIN: usize = 1 << 20;

impl<'a> PairScores<'a> {
    /// `score(x, y)` (`x <= y`): the mean score over the element pairs of
    /// nodes `x` and `y` (distinct elements when `x == y`).
    pub fn new(score: &'a dyn Fn(usize, usize) -> f64) -> Self {
        PairScores {
            cache: PairMap::default(),
            score,
            limit: CACHE_MIN,
        }
    }

    /// Records a known score.
    pub fn insert(&mut self, x: usize, y: usize, score: f64) {
        self.cache.insert(pair_key(x, y), score);
        self.limit = self.limit.max(CACHE_PER_LINK * self.cache.len());
    }

    /// The score of a pair; computed pairs are cached while the cache holds
    /// fewer than [`CACHE_PER_LINK`] entries per recorded score (the memory
    /// stays linear; the values do not depend on it).
    fn get(&mut self, x: usize, y: usize) -> f64 {
        let key = pair_key(x, y);
        if let Some(&s) = self.cache.get(&key) {
            return s;
        }
        let s = (self.score)(x.min(y), x.max(y));
        if self.cache.len() < self.limit {
            self.cache.insert(key, s);
        }
        s
    }
}

/// Clusters the nodes (`sizes[i]` elements each). Links are visited from
/// the strongest; two clusters merge when the average score over all their
/// cross element pairs reaches `threshold` (over an evenly strided sample of
/// at most `SAMPLE` nodes per side for large clusters, each node weighing its
/// size). The average guards against chaining. Deterministic: the visiting
/// order is a total order. Returns every cluster (node lists, ascending),
/// ordered by smallest node.
pub(crate) fn average_link(
    sizes: &[usize],
    links: &[Link],
    threshold: f64,
    scores: &mut PairScores,
) -> Vec<Vec<usize>> {
    let n = sizes.len();
    let mut order: Vec<&Link> = links.iter().collect();
    order.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut cluster_of: Vec<usize> = (0..n).collect();
    // Nodes of each cluster, ascending, indexed by cluster id; empty for a
    // single node (whose only node is its id) and for clusters merged away.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    // A cluster's version changes when it grows; a failed merge of two
    // clusters is not retried until one of them has changed.
    let mut version: Vec<usize> = vec![0; n];
    let mut failed: PairMap<(usize, usize)> = PairMap::default();
    for l in order {
        let (ca, cb) = (cluster_of[l.a as usize], cluster_of[l.b as usize]);
        if ca == cb {
            continue;
        }
        let key = pair_key(ca, cb);
        let ver = (version[ca.min(cb)], version[ca.max(cb)]);
        if failed.get(&key) == Some(&ver) {
            continue;
        }
        let (one_a, one_b) = ([ca], [cb]);
        let ma: &[usize] = if members[ca].is_empty() {
            &one_a
        } else {
            &members[ca]
        };
        let mb: &[usize] = if members[cb].is_empty() {
            &one_b
        } else {
            &members[cb]
        };
        let (sa, sb) = (sample(ma), sample(mb));
        let (mut total, mut weight) = (0.0, 0.0);
        for &x in &sa {
            for &y in &sb {
                let w = (sizes[x] * sizes[y]) as f64;
                total += w * scores.get(x, y);
                weight += w;
            }
        }
        let avg = if weight > 0.0 { total / weight } else { 0.0 };
        if avg < threshold {
            failed.insert(key, ver);
            continue;
        }
        // The larger cluster keeps its id; only the smaller is relabelled.
        let (keep, gone) = if ma.len() >= mb.len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let merged = merge_sorted(ma, mb);
        let moved: Vec<usize> = if members[gone].is_empty() {
            vec![gone]
        } else {
            std::mem::take(&mut members[gone])
        };
        for m in moved {
            cluster_of[m] = keep;
        }
        version[keep] += 1;
        members[keep] = merged;
    }
    let mut clusters: Vec<Vec<usize>> = members
        .into_iter()
        .enumerate()
        .filter_map(|(id, m)| {
            if !m.is_empty() {
                Some(m)
            } else {
                (cluster_of[id] == id).then(|| vec![id])
            }
        })
        .collect();
    clusters.sort();
    clusters
}

/// The confidence of a cluster (mean score over its element pairs, over a
/// strided sample of node pairs beyond `SAMPLE` nodes) and its most central
/// node (the highest summed score to the other elements; ties: the smaller).
pub(crate) fn describe(nodes: &[usize], sizes: &[usize], scores: &mut PairScores) -> (f64, usize) {
    let mut total = 0.0;
    let mut pairs = 0.0;
    let mut centrality = vec![0.0; nodes.len()];
    let step = (nodes.len() / SAMPLE).max(1);
    for i in 0..nodes.len() {
        let si = sizes[nodes[i]];
        if si >= 2 {
            let s = scores.get(nodes[i], nodes[i]);
            let w = (si * (si - 1) / 2) as f64;
            total += w * s;
            pairs += w;
            centrality[i] += (si - 1) as f64 * s;
        }
        for j in (i + 1..nodes.len()).step_by(step) {
            let sj = sizes[nodes[j]];
            let s = scores.get(nodes[i], nodes[j]);
            let w = (si * sj) as f64;
            total += w * s;
            pairs += w;
            centrality[i] += sj as f64 * s;
            centrality[j] += si as f64 * s;
        }
    }
    let best = (0..nodes.len())
        .max_by(|&x, &y| {
            centrality[x]
                .total_cmp(&centrality[y])
                .then(nodes[y].cmp(&nodes[x]))
        })
        .unwrap_or(0);
    let confidence = if pairs > 0.0 { total / pairs } else { 0.0 };
    (confidence, nodes.get(best).copied().unwrap_or(0))
}
