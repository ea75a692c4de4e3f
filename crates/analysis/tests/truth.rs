//! The analysis against the expert truth of `processes/` (`truth.toml`):
//! every handoff found and none the truth does not hold; shared-activity
//! groups against the truth's multi-agency clusters.
//!
//! Skips with a message while `processes/` is absent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use peta_analysis::{analyze, Analysis, AnalysisOptions, Repository};
use serde::Deserialize;

fn processes() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../processes"));
    if dir.join("truth.toml").is_file() {
        Some(dir)
    } else {
        eprintln!("SKIP: {} has no truth.toml yet", dir.display());
        None
    }
}

#[derive(Debug, Deserialize)]
struct Truth {
    #[serde(default)]
    cluster: Vec<Cluster>,
    #[serde(default)]
    handoff: Vec<TruthHandoff>,
}

#[derive(Debug, Deserialize)]
struct Cluster {
    name: String,
    members: Vec<Ref>,
}

#[derive(Debug, Deserialize)]
struct Ref {
    #[serde(rename = "ref")]
    reference: String,
    #[serde(default)]
    agency: Option<String>,
}

#[derive(Debug, Deserialize)]
struct TruthHandoff {
    kind: String,
    from: Ref,
    to: Ref,
}

fn load_truth(dir: &Path) -> Truth {
    let text = std::fs::read_to_string(dir.join("truth.toml")).expect("truth.toml readable");
    toml::from_str(&text).expect("truth.toml parses")
}

fn run(dir: &Path) -> Analysis {
    let (repo, errors) = Repository::load(&[dir.to_path_buf()], None);
    assert!(errors.is_empty(), "import errors: {errors:#?}");
    analyze(&repo, &AnalysisOptions::default())
}

type Key = (String, String, String, Option<String>, Option<String>);

#[test]
fn handoffs_match_the_truth_exactly() {
    let Some(dir) = processes() else { return };
    let truth = load_truth(&dir);
    let analysis = run(&dir);
    let want: BTreeSet<Key> = truth
        .handoff
        .iter()
        .map(|h| {
            (
                h.kind.clone(),
                h.from.reference.clone(),
                h.to.reference.clone(),
                h.from.agency.clone(),
                h.to.agency.clone(),
            )
        })
        .collect();
    let got: BTreeSet<Key> = analysis
        .handoffs
        .iter()
        .map(|h| {
            (
                h.kind.as_str().to_string(),
                format!("{}#{}", h.from.model, h.from.id),
                format!("{}#{}", h.to.model, h.to.id),
                h.from.agency.clone(),
                h.to.agency.clone(),
            )
        })
        .collect();
    let hit = want.intersection(&got).count();
    let precision = if got.is_empty() {
        1.0
    } else {
        hit as f64 / got.len() as f64
    };
    let recall = if want.is_empty() {
        1.0
    } else {
        hit as f64 / want.len() as f64
    };
    eprintln!(
        "handoffs: truth {} found {} correct {hit}: precision {precision:.3} recall {recall:.3}",
        want.len(),
        got.len()
    );
    for k in want.difference(&got) {
        eprintln!("  MISSED   {k:?}");
    }
    for k in got.difference(&want) {
        eprintln!("  EXTRA    {k:?}");
    }
    assert_eq!((precision, recall), (1.0, 1.0));
}

#[test]
fn shared_activities_agree_with_multi_agency_clusters() {
    let Some(dir) = processes() else { return };
    let truth = load_truth(&dir);
    let analysis = run(&dir);
    let agency_of: BTreeMap<String, Option<String>> = analysis
        .occurrences
        .iter()
        .map(|o| (format!("{}#{}", o.model, o.id), o.agency.clone()))
        .collect();
    // Truth clusters restricted to what spans two or more agencies.
    let clusters: Vec<(String, BTreeSet<String>)> = truth
        .cluster
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                c.members
                    .iter()
                    .map(|m| m.reference.clone())
                    .collect::<BTreeSet<_>>(),
            )
        })
        .filter(|(_, m)| {
            m.iter()
                .filter_map(|r| agency_of.get(r).cloned().flatten())
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        })
        .collect();
    let groups: Vec<BTreeSet<String>> = analysis
        .shared_activities
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| format!("{}#{}", m.model, m.id))
                .collect()
        })
        .collect();
    // Pairwise agreement over cross-agency pairs.
    let pairs = |sets: &[BTreeSet<String>]| -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for s in sets {
            for a in s {
                for b in s {
                    if a < b && agency_of.get(a) != agency_of.get(b) {
                        out.insert((a.clone(), b.clone()));
                    }
                }
            }
        }
        out
    };
    let truth_sets: Vec<BTreeSet<String>> = clusters.iter().map(|(_, m)| m.clone()).collect();
    let want = pairs(&truth_sets);
    let got = pairs(&groups);
    let hit = want.intersection(&got).count();
    let precision = if got.is_empty() {
        0.0
    } else {
        hit as f64 / got.len() as f64
    };
    let recall = if want.is_empty() {
        1.0
    } else {
        hit as f64 / want.len() as f64
    };
    // Clusters whose members all land in one group.
    let whole = clusters
        .iter()
        .filter(|(_, m)| groups.iter().any(|g| m.is_subset(g)))
        .count();
    eprintln!(
        "shared activities: {} truth clusters spanning agencies, {} groups; cross-agency pairs: truth {} found {} correct {hit}: precision {precision:.3} recall {recall:.3}; clusters found whole: {whole}/{}",
        clusters.len(),
        groups.len(),
        want.len(),
        got.len(),
        clusters.len()
    );
    for (name, m) in &clusters {
        if !groups.iter().any(|g| m.is_subset(g)) {
            eprintln!("  cluster not whole: {name}");
        }
    }
    // The groups are the matcher's (its own targets: pairwise precision 0.90,
    // recall 0.85, see docs/matching.md); here they must at least be mostly
    // right and find a real part of the truth.
    assert!(precision >= 0.8, "precision {precision:.3}");
    assert!(recall >= 0.3, "recall {recall:.3}");
}
