//! Precision, recall and F1, per pair of models and micro/macro averaged.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{Activity, MatchResult};

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

/// One gold file's evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairEval {
    /// The gold file name (`Cologne-Frankfurt.rdf`).
    pub gold: String,
    pub source: String,
    pub target: String,
    pub counts: Counts,
    pub scores: Scores,
    /// Why the pair could not be evaluated (missing or unreadable model or
    /// gold file); such pairs are left out of the averages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The evaluation of a directory of gold files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldReport {
    pub pairs: Vec<PairEval>,
    pub micro: Scores,
    #[serde(rename = "macro")]
    pub macro_: Scores,
}

/// Runs `matcher` on every pair of models that has a gold file in `gold_dir`
/// (`A-B.rdf`; the models are named by the cells' URIs, else by the file
/// name) and compares its equivalences with the gold ones. Models are read
/// from `models_dir/<name>.bpmn`. One bad file never stops the others.
pub fn evaluate_gold_dir(
    matcher: &crate::Matcher,
    models_dir: &std::path::Path,
    gold_dir: &std::path::Path,
) -> Result<GoldReport, crate::MatchError> {
    use std::collections::BTreeMap;

    let io = |p: &std::path::Path| {
        let path = p.display().to_string();
        move |source| crate::MatchError::Io { path, source }
    };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(gold_dir)
        .map_err(io(gold_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("rdf")))
        .collect();
    files.sort();
    let mut models: BTreeMap<String, Result<Vec<crate::Activity>, String>> = BTreeMap::new();
    let mut load = |name: &str| -> Result<Vec<crate::Activity>, String> {
        models
            .entry(name.to_string())
            .or_insert_with(|| {
                let path = models_dir.join(format!("{name}.bpmn"));
                peta_bpmn::parse_file(&path, &peta_bpmn::ParseOptions::default())
                    .map(|m| crate::activities_of(&m))
                    .map_err(|e| e.to_string())
            })
            .clone()
    };
    let mut pairs = Vec::new();
    for file in files {
        let gold_name = file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = file
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut pair = PairEval {
            gold: gold_name,
            source: String::new(),
            target: String::new(),
            counts: Counts::default(),
            scores: Scores::default(),
            error: None,
        };
        let alignment = match crate::gold::read_alignment(&file) {
            Ok(a) => a,
            Err(e) => {
                pair.error = Some(e.to_string());
                pairs.push(pair);
                continue;
            }
        };
        // Model names: from the URIs, else from the file name `A-B`.
        let (source, target) = match alignment.cells.first() {
            Some(c) => (c.entity1.model.clone(), c.entity2.model.clone()),
            None => match split_pair_name(&stem, models_dir) {
                Some(p) => p,
                None => {
                    pair.error = Some(format!(
                        "cannot tell the two models from the file name `{stem}` (expected A-B.rdf)"
                    ));
                    pairs.push(pair);
                    continue;
                }
            },
        };
        pair.source = source.clone();
        pair.target = target.clone();
        let (a, b) = match (load(&source), load(&target)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                pair.error = Some(e);
                pairs.push(pair);
                continue;
            }
        };
        let gold: BTreeSet<(String, String)> = alignment
            .equivalences()
            .map(|c| {
                if c.entity1.model == source {
                    (c.entity1.id.clone(), c.entity2.id.clone())
                } else {
                    (c.entity2.id.clone(), c.entity1.id.clone())
                }
            })
            .collect();
        let predicted: BTreeSet<(String, String)> = matcher
            .match_pair(&a, &b)
            .into_iter()
            .map(|c| (a[c.a].key.id.clone(), b[c.b].key.id.clone()))
            .collect();
        // Directed pairs (source id, target id): no normalisation needed.
        let tp = predicted.intersection(&gold).count();
        pair.counts = Counts {
            tp,
            fp: predicted.len() - tp,
            fn_: gold.len() - tp,
        };
        pair.scores = pair.counts.scores();
        pairs.push(pair);
    }
    let ok: Vec<Counts> = pairs
        .iter()
        .filter(|p| p.error.is_none())
        .map(|p| p.counts)
        .collect();
    Ok(GoldReport {
        micro: micro(&ok),
        macro_: macro_avg(&ok),
        pairs,
    })
}

/// Splits `A-B` where both `A.bpmn` and `B.bpmn` exist in `models_dir`.
fn split_pair_name(stem: &str, models_dir: &std::path::Path) -> Option<(String, String)> {
    stem.match_indices('-').find_map(|(i, _)| {
        let (a, b) = (&stem[..i], &stem[i + 1..]);
        (models_dir.join(format!("{a}.bpmn")).is_file()
            && models_dir.join(format!("{b}.bpmn")).is_file())
        .then(|| (a.to_string(), b.to_string()))
    })
}

/// How many of a list of known duplicate pairs a repository run recovers
/// (recall only: pairs outside the list may be duplicates too).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PairRecall {
    /// Pairs given.
    pub pairs: usize,
    /// Pairs whose two ends are both among the elements.
    pub known: usize,
    /// Pairs linked by a correspondence or put in one group.
    pub found: usize,
    /// Pairs put in one group.
    pub grouped: usize,
}

/// One end of a known pair: `(model, element id)`, as in an [`Activity`]'s key.
pub type ElementRef = (String, String);

/// Scores `result` (of [`crate::Matcher::match_repository`] over `acts`)
/// against known duplicate pairs, each end a `(model, element id)` pair as in
/// [`Activity::key`](crate::Activity).
pub fn pair_recall(
    acts: &[Activity],
    result: &MatchResult,
    pairs: &[(ElementRef, ElementRef)],
) -> PairRecall {
    let index: HashMap<(&str, &str), usize> = acts
        .iter()
        .enumerate()
        .map(|(i, a)| ((a.key.model.as_str(), a.key.id.as_str()), i))
        .collect();
    let mut group = vec![usize::MAX; acts.len()];
    for g in &result.groups {
        for &m in &g.members {
            if let Some(slot) = group.get_mut(m) {
                *slot = g.id;
            }
        }
    }
    let linked: HashSet<(usize, usize)> =
        result.correspondences.iter().map(|c| (c.a, c.b)).collect();
    let mut out = PairRecall {
        pairs: pairs.len(),
        ..PairRecall::default()
    };
    for (a, b) in pairs {
        let (Some(&x), Some(&y)) = (
            index.get(&(a.0.as_str(), a.1.as_str())),
            index.get(&(b.0.as_str(), b.1.as_str())),
        ) else {
            continue;
        };
        out.known += 1;
        let (x, y) = (x.min(y), x.max(y));
        let same_group = group[x] != usize::MAX && group[x] == group[y];
        out.grouped += usize::from(same_group);
        out.found += usize::from(same_group || linked.contains(&(x, y)));
    }
    out
}
