//! The aggregation rules that keep findings readable at scale: fragment
//! sub-runs dropped, similar process pairs joined into families.

use peta_analysis::duplication::{drop_sub_runs, families};
use peta_analysis::{DuplicatedFragment, FragmentOccurrence, ProcessRef, SimilarProcesses};

fn process(agency: &str, model: &str) -> ProcessRef {
    ProcessRef {
        agency: Some(agency.to_string()),
        model: model.to_string(),
        id: "P".to_string(),
        name: format!("Proses {model}"),
    }
}

fn occurrence(agency: &str, model: &str, ids: &[&str]) -> FragmentOccurrence {
    FragmentOccurrence {
        process: process(agency, model),
        ids: ids.iter().map(|s| s.to_string()).collect(),
        labels: ids.iter().map(|s| format!("label {s}")).collect(),
    }
}

fn fragment(id: &str, groups: &[&str], occurrences: Vec<FragmentOccurrence>) -> DuplicatedFragment {
    DuplicatedFragment {
        id: id.to_string(),
        groups: groups.iter().map(|s| s.to_string()).collect(),
        labels: groups.iter().map(|s| format!("group {s}")).collect(),
        agencies: vec!["A".to_string(), "B".to_string()],
        occurrences,
    }
}

#[test]
fn a_sub_run_at_every_occurrence_of_a_longer_fragment_is_dropped() {
    let long = fragment(
        "F-long",
        &["g1", "g2", "g3"],
        vec![
            occurrence("A", "a.bpmn", &["T1", "T2", "T3"]),
            occurrence("B", "b.bpmn", &["U1", "U2", "U3"]),
        ],
    );
    // g2 → g3 inside both occurrences of the long run: adds nothing.
    let inside = fragment(
        "F-inside",
        &["g2", "g3"],
        vec![
            occurrence("A", "a.bpmn", &["T2", "T3"]),
            occurrence("B", "b.bpmn", &["U2", "U3"]),
        ],
    );
    // g1 → g2 also occurs in c.bpmn, outside the long run: kept.
    let wider = fragment(
        "F-wider",
        &["g1", "g2"],
        vec![
            occurrence("A", "a.bpmn", &["T1", "T2"]),
            occurrence("B", "b.bpmn", &["U1", "U2"]),
            occurrence("C", "c.bpmn", &["V1", "V2"]),
        ],
    );
    // Same groups as `inside` but other activities of b.bpmn: not a window.
    let elsewhere = fragment(
        "F-elsewhere",
        &["g2", "g3"],
        vec![
            occurrence("A", "a.bpmn", &["T2", "T3"]),
            occurrence("B", "b.bpmn", &["U7", "U8"]),
        ],
    );
    let kept: Vec<String> = drop_sub_runs(vec![long, inside, wider, elsewhere])
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(kept, ["F-long", "F-wider", "F-elsewhere"]);
}

#[test]
fn sub_runs_of_two_different_longer_fragments_are_kept() {
    // Each occurrence lies in a longer fragment, but not in the same one.
    let left = fragment(
        "F-left",
        &["g1", "g2", "g3"],
        vec![
            occurrence("A", "a.bpmn", &["T1", "T2", "T3"]),
            occurrence("B", "b.bpmn", &["U1", "U2", "U3"]),
        ],
    );
    let right = fragment(
        "F-right",
        &["g2", "g3", "g4"],
        vec![
            occurrence("A", "c.bpmn", &["V2", "V3", "V4"]),
            occurrence("B", "d.bpmn", &["W2", "W3", "W4"]),
        ],
    );
    let both = fragment(
        "F-both",
        &["g2", "g3"],
        vec![
            occurrence("A", "a.bpmn", &["T2", "T3"]),
            occurrence("A", "c.bpmn", &["V2", "V3"]),
        ],
    );
    let kept = drop_sub_runs(vec![left, right, both]);
    assert_eq!(kept.len(), 3);
}

fn pair(a: &ProcessRef, b: &ProcessRef, share: f64) -> SimilarProcesses {
    SimilarProcesses {
        a: a.clone(),
        b: b.clone(),
        matched: 4,
        activities_a: 5,
        activities_b: 5,
        share,
        mean_score: 0.9,
    }
}

#[test]
fn similar_pairs_join_into_connected_families() {
    let (p1, p2, p3) = (
        process("A", "a.bpmn"),
        process("B", "b.bpmn"),
        process("C", "c.bpmn"),
    );
    let (q1, q2) = (process("D", "d.bpmn"), process("E", "e.bpmn"));
    let fams = families(&[
        pair(&p1, &p2, 0.8),
        pair(&q1, &q2, 0.7),
        pair(&p2, &p3, 0.6),
    ]);
    assert_eq!(fams.len(), 2);
    // Largest family first: p1–p2–p3 through p2.
    let models: Vec<&str> = fams[0].processes.iter().map(|p| p.model.as_str()).collect();
    assert_eq!(models, ["a.bpmn", "b.bpmn", "c.bpmn"]);
    assert_eq!(fams[0].agencies, ["A", "B", "C"]);
    assert_eq!(fams[0].pairs, 2);
    assert!((fams[0].mean_share - 0.7).abs() < 1e-9);
    assert_eq!(fams[1].agencies, ["D", "E"]);
    assert_eq!(fams[1].pairs, 1);
    assert!(fams.iter().all(|f| f.id.starts_with("PF-")));
    // Deterministic whatever the order of the pairs.
    let again = families(&[
        pair(&p2, &p3, 0.6),
        pair(&p1, &p2, 0.8),
        pair(&q1, &q2, 0.7),
    ]);
    assert_eq!(again, fams);
}
