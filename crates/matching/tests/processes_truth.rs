//! The `processes/` corpus against its expert truth (`processes/truth.toml`):
//! pairwise precision and recall of the shared-activity groups over activity
//! pairs, and the hand-listed near misses that must not be linked.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use peta_matching::{activities_of, eval, Activity, ActivityKind, Matcher};
use serde::Deserialize;

#[derive(Deserialize)]
struct Truth {
    #[serde(default)]
    cluster: Vec<Cluster>,
    #[serde(default)]
    non_match: Vec<NonMatch>,
}

#[derive(Deserialize)]
struct Cluster {
    name: String,
    members: Vec<Member>,
}

#[derive(Deserialize)]
struct Member {
    #[serde(rename = "ref")]
    reference: String,
    #[allow(dead_code)]
    label: String,
}

#[derive(Deserialize)]
struct NonMatch {
    a: Member,
    b: Member,
}

fn processes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../processes")
}

fn bpmn_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            bpmn_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "bpmn") {
            out.push(p);
        }
    }
}

/// Every activity and labelled event of `processes/`, keyed `<relative path>#<id>`.
fn load(root: &Path) -> Vec<Activity> {
    let mut files = Vec::new();
    bpmn_files(root, &mut files);
    files.sort();
    let mut acts = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        match peta_bpmn::parse_file(&f, &Default::default()) {
            Ok(mut m) => {
                m.key = rel;
                acts.extend(activities_of(&m));
            }
            Err(e) => eprintln!("skipping {}: {e}", f.display()),
        }
    }
    acts
}

#[test]
fn processes_truth_pairwise_precision_and_recall() {
    let root = processes_dir();
    let truth_path = root.join("truth.toml");
    let Ok(text) = std::fs::read_to_string(&truth_path) else {
        eprintln!(
            "SKIP: {} does not exist yet (written by the corpus work item)",
            truth_path.display()
        );
        return;
    };
    let truth: Truth = toml::from_str(&text).expect("truth.toml parses");
    let acts = load(&root);
    assert!(!acts.is_empty(), "no activities under {}", root.display());
    let result = Matcher::with_defaults().match_repository(&acts);
    let key = |a: &Activity| a.key.to_string();
    let groups: Vec<Vec<String>> = result
        .groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .filter(|&&i| acts[i].kind == ActivityKind::Activity)
                .map(|&i| key(&acts[i]))
                .collect()
        })
        .collect();
    let predicted = eval::cluster_pairs(&groups);
    let clusters: Vec<Vec<String>> = truth
        .cluster
        .iter()
        .map(|c| c.members.iter().map(|m| m.reference.clone()).collect())
        .collect();
    let gold = eval::cluster_pairs(&clusters);
    let counts = eval::Counts::compare(&predicted, &gold);
    let s = counts.scores();
    let known: BTreeSet<String> = acts.iter().map(key).collect();
    let missing: Vec<&String> = clusters
        .iter()
        .flatten()
        .filter(|r| !known.contains(*r))
        .collect();
    let grouped: std::collections::HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, m)| m.iter().map(move |k| (k.clone(), g)))
        .collect();
    let violated: Vec<(&str, &str)> = truth
        .non_match
        .iter()
        .filter(|n| {
            matches!((grouped.get(&n.a.reference), grouped.get(&n.b.reference)), (Some(x), Some(y)) if x == y)
        })
        .map(|n| (n.a.label.as_str(), n.b.label.as_str()))
        .collect();
    eprintln!(
        "processes/: {} activities, {} groups; pairwise precision {:.3} recall {:.3} f1 {:.3} (tp {} fp {} fn {}); truth refs not found {}; non-matches grouped {}/{}",
        acts.len(),
        result.groups.len(),
        s.precision,
        s.recall,
        s.f1,
        counts.tp,
        counts.fp,
        counts.fn_,
        missing.len(),
        violated.len(),
        truth.non_match.len()
    );
    if std::env::var("PETA_DEBUG").is_ok() {
        for (a, b) in &violated {
            eprintln!("  non-match grouped: {a} | {b}");
        }
        let label = |k: &str| {
            acts.iter()
                .find(|a| a.key.to_string() == k)
                .map(|a| a.label.clone())
                .unwrap_or_default()
        };
        for (x, y) in predicted.difference(&gold) {
            eprintln!("  FP: {} | {}", label(x), label(y));
        }
        for (x, y) in gold.difference(&predicted) {
            eprintln!("  FN: {} | {}", label(x), label(y));
        }
        // Per predicted group with false positives: each member with its
        // truth cluster ("-" when unique).
        let truth_of: std::collections::HashMap<&str, &str> = truth
            .cluster
            .iter()
            .flat_map(|c| {
                c.members
                    .iter()
                    .map(move |m| (m.reference.as_str(), c.name.as_str()))
            })
            .collect();
        for (g, members) in groups.iter().enumerate() {
            let names: BTreeSet<Option<&str>> = members
                .iter()
                .map(|m| truth_of.get(m.as_str()).copied())
                .collect();
            if names.len() <= 1 && !names.contains(&None) {
                continue;
            }
            eprintln!("  GROUP {g}:");
            for m in members {
                eprintln!(
                    "    ({}) {}",
                    truth_of.get(m.as_str()).copied().unwrap_or("-"),
                    label(m)
                );
            }
        }
        // Per truth cluster: each member with the predicted group that holds
        // it ("-" when none), for clusters with missed pairs.
        for (c, members) in truth.cluster.iter().zip(&clusters) {
            let split: BTreeSet<Option<usize>> =
                members.iter().map(|m| grouped.get(m).copied()).collect();
            if split.len() <= 1 && !split.contains(&None) {
                continue;
            }
            eprintln!("  CLUSTER {}:", c.name);
            for m in members {
                let g = grouped
                    .get(m)
                    .map_or_else(|| "-".to_string(), |g| g.to_string());
                eprintln!("    [{g}] {}", label(m));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "truth refs not in the corpus: {missing:?}"
    );
    // Targets: precision >= 0.90 and recall >= 0.85. Precision meets its
    // target; recall does not yet (see docs/matching.md). Both floors sit
    // just under the figures reached, to catch regressions.
    assert!(
        s.precision >= PRECISION_FLOOR,
        "pairwise precision {:.3} < {PRECISION_FLOOR}",
        s.precision
    );
    assert!(
        s.recall >= RECALL_FLOOR,
        "pairwise recall {:.3} < {RECALL_FLOOR}",
        s.recall
    );
    assert!(
        violated.len() * 100 <= truth.non_match.len() * NEAR_MISS_PERCENT,
        "too many near misses linked: {violated:?}"
    );
}

const PRECISION_FLOOR: f64 = 0.93;
const RECALL_FLOOR: f64 = 0.86;
/// At most this share (in %) of the listed near misses may end up in one group.
const NEAR_MISS_PERCENT: usize = 20;
