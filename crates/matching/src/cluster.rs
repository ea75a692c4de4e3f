//! Shared-activity groups: greedy average-link clustering over the links.

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

/// A scored link between two elements (`a < b`), compact: what grouping needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    pub a: u32,
    pub b: u32,
    pub score: f64,
}

/// Members examined per side when averaging over two large groups.
const SAMPLE: usize = 48;

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
fn pair_key(x: usize, y: usize) -> u64 {
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

/// Groups `n` elements. Links are visited from the strongest; two groups merge
/// when the average score over all their cross pairs (`pair_score`, 0 for
/// pairs that may not match) reaches `threshold`. The average guards against
/// chaining. Deterministic: the visiting order is a total order.
pub(crate) fn average_link(
    n: usize,
    links: &[Link],
    threshold: f64,
    labels: &dyn Fn(usize) -> String,
    pair_score: &dyn Fn(usize, usize) -> f64,
) -> Vec<SharedActivityGroup> {
    let mut order: Vec<&Link> = links.iter().collect();
    order.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut cache: PairMap<f64> = PairMap::default();
    cache.reserve(links.len());
    for l in links {
        cache.insert(pair_key(l.a as usize, l.b as usize), l.score);
    }
    let mut score_of = |x: usize, y: usize| -> f64 {
        *cache
            .entry(pair_key(x, y))
            .or_insert_with(|| pair_score(x.min(y), x.max(y)))
    };
    let mut cluster_of: Vec<usize> = (0..n).collect();
    // Members of each cluster, ascending, indexed by cluster id; empty for a
    // singleton (whose only member is its id) and for clusters merged away.
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
        // The mean over all cross pairs; over an evenly strided sample of at
        // most SAMPLE members per side for large groups (bounded work).
        let (sa, sb) = (sample(ma), sample(mb));
        let mut total = 0.0;
        for &x in &sa {
            for &y in &sb {
                total += score_of(x, y);
            }
        }
        let avg = total / (sa.len() * sb.len()) as f64;
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
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() >= 2).collect();
    groups.sort();
    groups
        .into_iter()
        .enumerate()
        .map(|(id, members)| {
            let mut total = 0.0;
            let mut pairs = 0usize;
            let mut centrality = vec![0.0; members.len()];
            // All pairs for groups up to SAMPLE² members' worth of pairs; a
            // strided sample of partners beyond.
            let step = (members.len() / SAMPLE).max(1);
            for i in 0..members.len() {
                for j in (i + 1..members.len()).step_by(step) {
                    let s = score_of(members[i], members[j]);
                    total += s;
                    pairs += 1;
                    centrality[i] += s;
                    centrality[j] += s;
                }
            }
            let best = (0..members.len())
                .max_by(|&x, &y| {
                    centrality[x]
                        .total_cmp(&centrality[y])
                        .then(members[y].cmp(&members[x]))
                })
                .unwrap_or(0);
            SharedActivityGroup {
                id,
                confidence: if pairs > 0 { total / pairs as f64 } else { 0.0 },
                label: labels(members[best]),
                members,
            }
        })
        .collect()
}
