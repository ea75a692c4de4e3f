//! Shared-activity groups: greedy average-link clustering over the links.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::Correspondence;

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

/// Groups `n` elements. Links are visited from the strongest; two groups merge
/// when the average score over all their cross pairs (`pair_score`, 0 for
/// pairs that may not match) reaches `threshold`. The average guards against
/// chaining. Deterministic: the visiting order is a total order.
pub(crate) fn average_link(
    n: usize,
    links: &[Correspondence],
    threshold: f64,
    labels: &dyn Fn(usize) -> String,
    pair_score: &dyn Fn(usize, usize) -> f64,
) -> Vec<SharedActivityGroup> {
    let mut order: Vec<&Correspondence> = links.iter().collect();
    order.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut cache: HashMap<(usize, usize), f64> = HashMap::new();
    for l in links {
        cache.insert((l.a.min(l.b), l.a.max(l.b)), l.score);
    }
    let mut score_of = |x: usize, y: usize| -> f64 {
        let key = (x.min(y), x.max(y));
        *cache.entry(key).or_insert_with(|| pair_score(key.0, key.1))
    };
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    // A cluster's version changes when it grows; a failed merge of two
    // clusters is not retried until one of them has changed.
    let mut version: Vec<usize> = vec![0; n];
    let mut failed: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for l in order {
        let (ca, cb) = (cluster_of[l.a], cluster_of[l.b]);
        if ca == cb {
            continue;
        }
        let key = (ca.min(cb), ca.max(cb));
        let ver = (version[key.0], version[key.1]);
        if failed.get(&key) == Some(&ver) {
            continue;
        }
        let ma = members.get(&ca).cloned().unwrap_or_else(|| vec![ca]);
        let mb = members.get(&cb).cloned().unwrap_or_else(|| vec![cb]);
        // The mean over all cross pairs; over an evenly strided sample of at
        // most SAMPLE members per side for large groups (bounded work).
        let (sa, sb) = (sample(&ma), sample(&mb));
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
        let (keep, gone) = (ca.min(cb), ca.max(cb));
        version[keep] += 1;
        let mut merged = ma;
        merged.extend(mb);
        merged.sort_unstable();
        for &m in &merged {
            cluster_of[m] = keep;
        }
        members.remove(&gone);
        members.insert(keep, merged);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() >= 2).collect();
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
