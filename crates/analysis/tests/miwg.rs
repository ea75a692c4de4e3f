//! MIWG collaborations (C.2.0, C.4.0): with no registry every pool is its own
//! party, so message flows between pools are handoffs. Skips when the shared
//! corpora are absent.

use std::path::PathBuf;

use peta_analysis::{analyze, AnalysisOptions, HandoffKind, Repository};

fn miwg() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/miwg"
    ));
    if dir.join("Reference").is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIP: {} is absent", dir.display());
        None
    }
}

fn message_flow_pairs(file: PathBuf) -> (Vec<(String, String)>, usize, usize) {
    let (repo, errors) = Repository::load(&[file], None);
    assert!(errors.is_empty(), "{errors:?}");
    let a = analyze(&repo, &AnalysisOptions::default());
    let mut pairs: Vec<(String, String)> = a
        .handoffs
        .iter()
        .filter(|h| h.kind == HandoffKind::MessageFlow)
        .map(|h| {
            (
                h.from.agency.clone().unwrap_or_default(),
                h.to.agency.clone().unwrap_or_default(),
            )
        })
        .collect();
    pairs.sort();
    let flows = repo.models[0]
        .model
        .collaborations
        .iter()
        .map(|c| c.message_flows.len())
        .sum();
    (pairs, flows, a.summary.agencies.len())
}

#[test]
fn c_2_0_reference_message_flows_are_handoffs_between_pools() {
    let Some(dir) = miwg() else { return };
    let (pairs, flows, parties) = message_flow_pairs(dir.join("Reference/C.2.0.bpmn"));
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        pairs,
        [
            s("Amazon", "Carrier"),
            s("Carrier", "Customer"),
            s("Credit Card Company", "Customer"),
            s("Customer", "Amazon"),
            s("Customer", "Credit Card Company"),
        ]
    );
    assert_eq!(flows, 5);
    assert_eq!(parties, 4);
}

#[test]
fn c_4_0_reference_pools_are_parties_and_it_has_no_message_flow() {
    let Some(dir) = miwg() else { return };
    let (pairs, flows, parties) = message_flow_pairs(dir.join("Reference/C.4.0.bpmn"));
    // The reference C.4.0 links its four pools by signals and data stores,
    // not message flows: there is nothing to hand off by message.
    assert_eq!(flows, 0);
    assert!(pairs.is_empty());
    assert_eq!(parties, 4);
}

#[test]
fn every_tool_export_of_c_2_0_and_c_4_0_gives_one_handoff_per_resolvable_message_flow() {
    let Some(dir) = miwg() else { return };
    let mut files = Vec::new();
    for tool in std::fs::read_dir(&dir).unwrap().flatten() {
        if !tool.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(tool.path()).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if (name.starts_with("C.2.0") || name.starts_with("C.4.0")) && name.ends_with(".bpmn") {
                files.push(f.path());
            }
        }
    }
    files.sort();
    let mut checked = 0;
    for file in files {
        let (repo, errors) = Repository::load(std::slice::from_ref(&file), None);
        if !errors.is_empty() {
            continue;
        }
        let model = &repo.models[0].model;
        let known = |id: &str| {
            model.flow_nodes().any(|(_, n)| n.id == id)
                || model
                    .collaborations
                    .iter()
                    .flat_map(|c| &c.participants)
                    .any(|p| p.id == id)
        };
        // In these collaborations every message flow joins two pools.
        let resolvable = model
            .collaborations
            .iter()
            .flat_map(|c| &c.message_flows)
            .filter(|f| known(&f.source_ref) && known(&f.target_ref))
            .count();
        let a = analyze(&repo, &AnalysisOptions::default());
        let found = a
            .handoffs
            .iter()
            .filter(|h| h.kind == HandoffKind::MessageFlow)
            .count();
        assert_eq!(found, resolvable, "{}", file.display());
        checked += 1;
    }
    eprintln!("MIWG C.2.0/C.4.0: {checked} files checked");
    assert!(checked >= 20, "only {checked} files");
}
