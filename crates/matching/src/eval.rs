//! Precision, recall and F1, per pair of models and micro/macro averaged.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Precision, recall and F1 (0..1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Counts {
    /// Compares predicted with gold pairs. Pairs are unordered: `(x, y)` and
    /// `(y, x)` are the same link.
    pub fn compare<T: Ord + Clone>(
        predicted: &BTreeSet<(T, T)>,
        gold: &BTreeSet<(T, T)>,
    ) -> Counts {
        let norm = |s: &BTreeSet<(T, T)>| -> BTreeSet<(T, T)> {
            s.iter()
                .map(|(x, y)| {
                    if x <= y {
                        (x.clone(), y.clone())
                    } else {
                        (y.clone(), x.clone())
                    }
                })
                .collect()
        };
        let (p, g) = (norm(predicted), norm(gold));
        let tp = p.intersection(&g).count();
        Counts {
            tp,
            fp: p.len() - tp,
            fn_: g.len() - tp,
        }
    }

    /// Precision and recall are 1 when their denominator is 0 (nothing
    /// claimed, or nothing to find); F1 is their harmonic mean (0 if both are 0).
    pub fn scores(&self) -> Scores {
        let ratio = |num: usize, den: usize| {
            if den == 0 {
                1.0
            } else {
                num as f64 / den as f64
            }
        };
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        Scores {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Micro average: scores of the summed counts.
pub fn micro(counts: &[Counts]) -> Scores {
    let mut total = Counts::default();
    for c in counts {
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
    }
    total.scores()
}

/// Macro average: mean of per-pair precision and recall; F1 is the mean of
/// per-pair F1 (as in the PMMC/OAEI evaluator's macro figures).
pub fn macro_avg(counts: &[Counts]) -> Scores {
    if counts.is_empty() {
        return Scores::default();
    }
    let n = counts.len() as f64;
    let all: Vec<Scores> = counts.iter().map(Counts::scores).collect();
    Scores {
        precision: all.iter().map(|s| s.precision).sum::<f64>() / n,
        recall: all.iter().map(|s| s.recall).sum::<f64>() / n,
        f1: all.iter().map(|s| s.f1).sum::<f64>() / n,
    }
}

/// All unordered pairs within each cluster (pairwise clustering evaluation).
pub fn cluster_pairs<T: Ord + Clone>(clusters: &[Vec<T>]) -> BTreeSet<(T, T)> {
    let mut out = BTreeSet::new();
    for c in clusters {
        for i in 0..c.len() {
            for j in i + 1..c.len() {
                let (x, y) = (&c[i], &c[j]);
                if x == y {
                    continue;
                }
                out.insert(if x < y {
                    (x.clone(), y.clone())
                } else {
                    (y.clone(), x.clone())
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_averages() {
        let gold: BTreeSet<(u32, u32)> = [(1, 2), (3, 4), (5, 6)].into();
        let pred: BTreeSet<(u32, u32)> = [(2, 1), (3, 4), (7, 8)].into();
        let c = Counts::compare(&pred, &gold);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        let s = c.scores();
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9 && (s.f1 - 2.0 / 3.0).abs() < 1e-9);
        let other = Counts {
            tp: 0,
            fp: 0,
            fn_: 2,
        };
        let m = micro(&[c, other]);
        assert!((m.recall - 0.4).abs() < 1e-9);
        let ma = macro_avg(&[c, other]);
        assert!((ma.recall - (2.0 / 3.0) / 2.0).abs() < 1e-9);
        assert!((ma.precision - (2.0 / 3.0 + 1.0) / 2.0).abs() < 1e-9);
    }

    #[test]
    fn pairs_of_clusters() {
        let p = cluster_pairs(&[vec![3, 1, 2], vec![9]]);
        assert_eq!(p, [(1, 2), (1, 3), (2, 3)].into());
    }
}
