//! `peta analyze`, `peta overlaps` and `peta recommend` end to end: the JSON
//! contract, languages, determinism and errors. Uses the analysis crate's
//! hand-made fixture (always present) and `processes/` and the MIWG corpus
//! when present.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn peta(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(args)
        .output()
        .expect("peta runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn mini() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/analysis/tests/fixtures/mini"
    )
    .to_string()
}

fn processes() -> Option<String> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/processes"));
    if dir.join("agencies.toml").is_file() {
        Some(dir.display().to_string())
    } else {
        eprintln!("SKIP: processes/ is absent");
        None
    }
}

fn json(args: &[&str]) -> Value {
    let (code, out, err) = peta(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("valid JSON")
}

fn check_endpoint(e: &Value) {
    for k in ["agency", "model", "id", "label"] {
        assert!(e.get(k).is_some(), "endpoint without {k}: {e}");
    }
    let model = e["model"].as_str().unwrap();
    assert!(!model.starts_with('/') && !model.contains('\\'), "{model}");
}

#[test]
fn analyze_json_has_the_contracted_shape() {
    let v = json(&["analyze", &mini(), "--format", "json"]);
    let handoffs = v["handoffs"].as_array().unwrap();
    assert_eq!(handoffs.len(), 7);
    for h in handoffs {
        let kind = h["kind"].as_str().unwrap();
        assert!(["message_flow", "control_flow", "call_activity", "data"].contains(&kind));
        check_endpoint(&h["from"]);
        check_endpoint(&h["to"]);
    }
    assert_eq!(handoffs[2]["from"]["model"], "lanes.bpmn");
    assert_eq!(handoffs[2]["from"]["id"], "T2");
    assert_eq!(handoffs[2]["to"]["agency"], "TASPEN");
    for r in v["recommendations"].as_array().unwrap() {
        for k in ["kind", "score", "agencies", "evidence", "rationale"] {
            assert!(r.get(k).is_some(), "recommendation without {k}");
        }
        assert!(r["rationale"]["id"].as_str().unwrap().len() > 20);
        assert!(r["rationale"]["en"].as_str().unwrap().len() > 20);
    }
    assert!(v["shared_activities"].is_array());
}

#[test]
fn analyze_markdown_defaults_to_bahasa_indonesia() {
    let (code, id, _) = peta(&["analyze", &mini()]);
    assert_eq!(code, 0);
    assert!(id.contains("## Ringkasan"));
    assert!(id.contains("Serah terima antarinstansi"));
    let (code, en, _) = peta(&["analyze", &mini(), "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(en.contains("## Summary"));
    assert!(en.contains("Inter-agency handoffs"));
}

#[test]
fn analyze_theme_and_csv() {
    let (code, out, err) = peta(&["analyze", &mini(), "--theme", "pensiun", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let handoff_rows = out.lines().filter(|l| l.starts_with("handoff,")).count();
    assert_eq!(handoff_rows, 3);
    let (code, _, err) = peta(&["analyze", &mini(), "--theme", "NOPE"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("unknown theme `NOPE`") && err.contains("PENSIUN"),
        "{err}"
    );
}

#[test]
fn registry_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("agencies.toml"),
        "[[agency]]\ncode = \"A\"\nname = 3\n",
    )
    .unwrap();
    let (code, _, err) = peta(&[
        "analyze",
        &mini(),
        "--registry",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("agencies.toml:3:8"), "{err}");
}

#[test]
fn bad_files_are_reported_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let src = PathBuf::from(mini()).join("taspen.bpmn");
    std::fs::copy(&src, dir.path().join("ok.bpmn")).unwrap();
    std::fs::write(dir.path().join("broken.bpmn"), "<definitions><process").unwrap();
    let (code, out, err) = peta(&[
        "analyze",
        &dir.path().display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("broken.bpmn"), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["models"], 1);
}

#[test]
fn overlaps_and_recommend() {
    let v = json(&[
        "overlaps",
        "--agency",
        "taspen",
        &mini(),
        "--format",
        "json",
    ]);
    assert_eq!(v["agency"], "TASPEN");
    assert_eq!(v["handoffs_in"].as_array().unwrap().len(), 3);
    assert_eq!(v["handoffs_out"].as_array().unwrap().len(), 1);
    let (code, _, err) = peta(&["overlaps", "--agency", "XYZ", &mini()]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown agency"), "{err}");

    let v = json(&["recommend", &mini(), "--top", "2", "--format", "json"]);
    let recs = v.as_array().unwrap();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["rank"], 1);
    assert!(recs[0]["score"].as_f64().unwrap() >= recs[1]["score"].as_f64().unwrap());
    let (code, md, _) = peta(&["recommend", &mini(), "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(md.contains("Best practice (Reijers & Limam Mansar)"));
}

#[test]
fn processes_analysis_is_deterministic() {
    let Some(dir) = processes() else { return };
    let (c1, a, _) = peta(&["analyze", &dir, "--format", "json"]);
    let (c2, b, _) = peta(&["analyze", &dir, "--format", "json"]);
    assert_eq!((c1, c2), (0, 0));
    assert_eq!(a, b);
    let v: Value = serde_json::from_str(&a).unwrap();
    assert!(!v["handoffs"].as_array().unwrap().is_empty());
    for h in v["handoffs"].as_array().unwrap() {
        check_endpoint(&h["from"]);
        check_endpoint(&h["to"]);
    }
    for g in v["shared_activities"].as_array().unwrap() {
        for m in g["members"].as_array().unwrap() {
            check_endpoint(m);
        }
    }
}

#[test]
fn miwg_collaboration_without_registry() {
    let file = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/miwg/Reference/C.2.0.bpmn"
    ));
    if !file.is_file() {
        eprintln!("SKIP: the MIWG corpus is absent");
        return;
    }
    let v = json(&["analyze", &file.display().to_string(), "--format", "json"]);
    let mf: Vec<&Value> = v["handoffs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "message_flow")
        .collect();
    assert_eq!(mf.len(), 5);
    assert!(mf.iter().all(|h| h["from"]["model"] == "C.2.0.bpmn"));
}

#[test]
fn db_gives_the_same_analysis_as_paths() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("peta.db").display().to_string();
    let (code, _, err) = peta(&["import", &mini(), "--db", &db]);
    assert_eq!(code, 0, "{err}");
    let from_db = json(&["analyze", "--db", &db, "--format", "json"]);
    let from_paths = json(&["analyze", &mini(), "--format", "json"]);
    assert_eq!(from_db["handoffs"], from_paths["handoffs"]);
    assert_eq!(from_db["recommendations"], from_paths["recommendations"]);
    assert_eq!(from_db["summary"], from_paths["summary"]);
    let (code, _, err) = peta(&[
        "analyze",
        "--db",
        &dir.path().join("none.db").display().to_string(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("none.db"), "{err}");
}

#[test]
fn paths_inside_the_registry_folder_are_named_from_it() {
    let sub = format!("{}/kemenkeu", mini());
    let v = json(&[
        "analyze",
        &sub,
        "--registry",
        &mini(),
        "--theme",
        "GAJI",
        "--format",
        "json",
    ]);
    assert_eq!(v["summary"]["models"], 1);
    let occ = v["occurrences"].as_array().unwrap();
    assert!(
        occ.iter().all(|o| o["model"] == "kemenkeu/bayar.bpmn"),
        "{occ:?}"
    );
    assert!(occ.iter().any(|o| o["agency"] == "KEMENKEU"));
}
