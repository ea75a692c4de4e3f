//! `peta inspect`, run as a built binary.

use std::path::Path;
use std::process::Command;

const GOOD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" exporter="Camunda Modeler" exporterVersion="5.0.0">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P1" name="Badan Kepegawaian Negara" processRef="Proc"/>
  </bpmn:collaboration>
  <bpmn:process id="Proc">
    <bpmn:laneSet><bpmn:lane id="L1" name="Direktorat Mutasi"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>T</bpmn:flowNodeRef><bpmn:flowNodeRef>E</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="S"/>
    <bpmn:userTask id="T" name="Verifikasi berkas"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>
"#;

const BROKEN: &str = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n    <task id=\"t\">\n  </process>\n</definitions>\n";

const WARNED: &str = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <process id="p">
    <sequenceFlow id="f" sourceRef="nowhere" targetRef="t"/>
    <task id="t"/>
  </process>
</definitions>
"#;

fn peta(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(args)
        .output()
        .expect("run peta");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

#[test]
fn json_reports_every_file_and_exit_code_1_when_one_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "a/good.bpmn", GOOD);
    let broken = write(dir.path(), "b/broken.bpmn2", BROKEN);
    write(dir.path(), "b/warned.xml", WARNED);
    // Not BPMN: ignored by the folder walk.
    write(dir.path(), "b/pom.xml", "<project/>");
    write(dir.path(), "b/notes.txt", GOOD);

    let (code, stdout, stderr) = peta(&[
        "inspect",
        "--format",
        "json",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let files = v.as_array().expect("array");
    let names: Vec<&str> = files
        .iter()
        .map(|f| f["file"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[0].ends_with("good.bpmn"));
    assert!(names[1].ends_with("broken.bpmn2"));
    assert!(names[2].ends_with("warned.xml"));

    let g = &files[0];
    assert_eq!(g["file"], good.as_str());
    assert_eq!(g["ok"], true);
    assert_eq!(g["exporter"], "Camunda Modeler");
    assert_eq!(g["counts"]["userTask"], 1);
    assert_eq!(g["counts"]["startEvent"], 1);
    assert_eq!(g["counts"]["sequenceFlow"], 2);
    assert_eq!(g["counts"]["participant"], 1);
    assert_eq!(g["counts"]["lane"], 1);
    assert_eq!(g["diagnostics"].as_array().map(Vec::len), Some(0));

    let b = &files[1];
    assert_eq!(b["file"], broken.as_str());
    assert_eq!(b["ok"], false);
    let d = &b["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 4);
    assert_eq!(d["column"], 3);
    assert!(
        d["message"].as_str().unwrap_or("").contains("`</task>`"),
        "{d}"
    );

    let w = &files[2];
    assert_eq!(w["ok"], true);
    let d = &w["diagnostics"][0];
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["code"], "dangling-ref");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(5))
    );
}

#[test]
fn human_output_shows_pools_lanes_counts_and_rustc_like_diagnostics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "good.bpmn", GOOD);
    let (code, stdout, _) = peta(&["inspect", &good]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Camunda Modeler 5.0.0"), "{stdout}");
    assert!(stdout.contains("Badan Kepegawaian Negara"), "{stdout}");
    assert!(stdout.contains("Direktorat Mutasi"), "{stdout}");
    assert!(stdout.contains("userTask 1"), "{stdout}");

    let broken = write(dir.path(), "broken.bpmn", BROKEN);
    let (code, stdout, _) = peta(&["inspect", &broken]);
    assert_eq!(code, 1);
    // file:line:column, the source line, a caret and a hint.
    assert!(stdout.contains(&format!("{broken}:4:3")), "{stdout}");
    assert!(stdout.contains("4 │   </process>"), "{stdout}");
    assert!(stdout.contains('┬'), "{stdout}");
    assert!(stdout.contains("help:"), "{stdout}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = peta(&["inspect", "/definitely/not/here.bpmn"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no such file"), "{stderr}");
    let (code, _, _) = peta(&["inspect"]);
    assert_eq!(code, 2);
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = peta(&["inspect", &dir.path().display().to_string()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no BPMN files"), "{stderr}");
}

#[test]
fn miwg_reference_models_import_when_the_corpus_is_present() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/miwg/Reference"
    );
    if !Path::new(dir).is_dir() {
        eprintln!("SKIP: {dir} is absent (the shared corpora live beside the repository)");
        return;
    }
    let (code, stdout, stderr) = peta(&["inspect", "--format", "json", dir]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let files = v.as_array().expect("array");
    assert_eq!(files.len(), 21);
    assert!(files.iter().all(|f| f["ok"] == true));
}
