//! `peta match` and `peta eval-match` end to end: the JSON contract, errors,
//! and a gold evaluation on hand-written models (always present) and on the
//! PMMC University Admission data set (when `../shared` is present).

use std::path::Path;
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

fn model(id: &str, tasks: &[(&str, &str)]) -> String {
    let mut body = String::new();
    for (tid, label) in tasks {
        body.push_str(&format!("    <bpmn:task id=\"{tid}\" name=\"{label}\"/>\n"));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D_{id}" targetNamespace="http://example.org">
  <bpmn:process id="P_{id}" isExecutable="false">
    <bpmn:startEvent id="Start" name="Permohonan masuk"/>
{body}  </bpmn:process>
</bpmn:definitions>
"#
    )
}

fn fixture(dir: &Path) {
    std::fs::write(
        dir.join("Bkn.bpmn"),
        model(
            "a",
            &[
                ("T1", "Memverifikasi berkas usulan pensiun"),
                ("T2", "Menerbitkan SK pensiun"),
                ("T3", "Menerima berkas usulan"),
            ],
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("Taspen.bpmn"),
        model(
            "b",
            &[
                ("U1", "Verifikasi dokumen usulan pensiun"),
                ("U2", "Penerbitan surat keputusan pensiun"),
                ("U3", "Mengirim berkas usulan"),
            ],
        ),
    )
    .unwrap();
}

#[test]
fn match_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let a = dir.path().join("Bkn.bpmn");
    let b = dir.path().join("Taspen.bpmn");
    let (code, out, err) = peta(&[
        "match",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let list = v["correspondences"].as_array().expect("correspondences");
    let pairs: Vec<(String, String)> = list
        .iter()
        .map(|c| {
            assert_eq!(c["source"]["model"], "Bkn");
            assert_eq!(c["target"]["model"], "Taspen");
            assert!(c["source"]["label"].is_string() && c["target"]["label"].is_string());
            let s = c["score"].as_f64().expect("score");
            assert!((0.0..=1.0).contains(&s));
            assert!(c["why"]["shared_tokens"].is_array());
            assert!(c["why"]["summary"].as_str().is_some_and(|s| !s.is_empty()));
            (
                c["source"]["id"].as_str().unwrap().to_string(),
                c["target"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(pairs.contains(&("T1".into(), "U1".into())), "{pairs:?}");
    assert!(pairs.contains(&("T2".into(), "U2".into())), "{pairs:?}");
    // Receiving and sending are opposite actions: never linked.
    assert!(!pairs.contains(&("T3".into(), "U3".into())), "{pairs:?}");
    // Text output names both labels.
    let (code, out, _) = peta(&["match", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("Menerbitkan SK pensiun") && out.contains("correspondence(s)"));
}

#[test]
fn match_reports_unreadable_model() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.bpmn");
    std::fs::write(&bad, "<bpmn:definitions").unwrap();
    let (code, _, err) = peta(&["match", bad.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.bpmn"), "{err}");
}

#[test]
fn eval_match_on_hand_made_gold() {
    let dir = tempfile::tempdir().unwrap();
    let models = dir.path().join("models");
    let gold = dir.path().join("gold");
    std::fs::create_dir_all(&models).unwrap();
    std::fs::create_dir_all(&gold).unwrap();
    fixture(&models);
    let cell = |a: &str, b: &str| {
        format!(
            "<map><Cell><entity1 rdf:resource='http://Bkn#{a}'/><entity2 rdf:resource='http://Taspen#{b}'/><relation>=</relation><measure>1.0</measure></Cell></map>"
        )
    };
    std::fs::write(
        gold.join("Bkn-Taspen.rdf"),
        format!(
            "<?xml version='1.0'?><rdf:RDF xmlns='http://knowledgeweb.semanticweb.org/heterogeneity/alignment#' xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><Alignment>{}{}{}</Alignment></rdf:RDF>",
            cell("T1", "U1"),
            cell("T2", "U2"),
            cell("T3", "U1")
        ),
    )
    .unwrap();
    let (code, out, err) = peta(&[
        "eval-match",
        "--models",
        models.to_str().unwrap(),
        "--gold",
        gold.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let pair = &v["pairs"][0];
    assert_eq!(pair["source"], "Bkn");
    assert_eq!(pair["target"], "Taspen");
    assert_eq!(pair["counts"]["tp"], 2);
    assert_eq!(pair["counts"]["fn"], 1);
    let micro = &v["micro"];
    assert!((micro["recall"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    for k in ["precision", "recall", "f1"] {
        assert!(v["macro"][k].is_number(), "macro.{k}");
    }
}

#[test]
fn eval_match_names_a_missing_model() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold");
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::write(
        gold.join("X-Y.rdf"),
        "<Alignment><map><Cell><entity1 rdf:resource='http://X#a'/><entity2 rdf:resource='http://Y#b'/><relation>=</relation></Cell></map></Alignment>",
    )
    .unwrap();
    let (code, out, _) = peta(&[
        "eval-match",
        "--models",
        dir.path().to_str().unwrap(),
        "--gold",
        gold.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("X.bpmn") || out.contains("error"), "{out}");
}

#[test]
fn eval_match_pmmc_university_admission() {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/pmmc/university-admission"
    ));
    if !root.is_dir() {
        eprintln!("SKIP: {} is absent", root.display());
        return;
    }
    let (code, out, err) = peta(&[
        "eval-match",
        "--models",
        root.join("models").to_str().unwrap(),
        "--gold",
        root.join("goldstandard").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["pairs"].as_array().map(Vec::len), Some(36));
    let f1 = v["micro"]["f1"].as_f64().unwrap();
    eprintln!("PMMC micro F1 {f1:.3}");
    assert!(f1 >= 0.6, "micro F1 {f1:.3}");
}
