//! Kill `peta import` with SIGKILL in the middle of a large import: the
//! repository must stay sound (integrity check passes, no model is
//! half-stored) and a re-run must complete the import.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use peta_store::Store;

/// Files in the generated repository.
const FILES: usize = 300;
/// Activities per file: enough rows per model that a kill lands inside a
/// transaction often.
const TASKS: usize = 80;

/// One synthetic process: a chain of labelled user tasks in two lanes.
fn bpmn(n: usize) -> String {
    let mut body = String::new();
    let mut refs_a = String::from("<flowNodeRef>s</flowNodeRef>");
    let mut refs_b = String::new();
    let mut prev = "s".to_string();
    for i in 0..TASKS {
        let id = format!("T{i}");
        body.push_str(&format!(
            "<userTask id=\"{id}\" name=\"Memverifikasi berkas {n} langkah {i}\"/>\
             <sequenceFlow id=\"F{i}\" sourceRef=\"{prev}\" targetRef=\"{id}\"/>\n"
        ));
        if i % 2 == 0 {
            refs_a.push_str(&format!("<flowNodeRef>{id}</flowNodeRef>"));
        } else {
            refs_b.push_str(&format!("<flowNodeRef>{id}</flowNodeRef>"));
        }
        prev = id;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D{n}\" targetNamespace=\"urn:t\">\n\
         <process id=\"P{n}\" name=\"Proses {n}\">\n\
         <laneSet id=\"LS\"><lane id=\"LA\" name=\"BKN\">{refs_a}</lane><lane id=\"LB\" name=\"Taspen\">{refs_b}</lane></laneSet>\n\
         <startEvent id=\"s\"/>\n{body}</process>\n</definitions>\n"
    )
}

fn generate(dir: &Path) {
    for n in 0..FILES {
        let sub = dir.join(format!("theme-{}", n % 7));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("model-{n:04}.bpmn")), bpmn(n)).unwrap();
    }
}

fn models(db: &Path) -> usize {
    // A reader beside the writer (WAL): never blocked by the import.
    match Store::open_existing(db) {
        Ok(s) => s.status().map(|st| st.models).unwrap_or(0),
        Err(_) => 0,
    }
}

#[test]
fn sigkill_mid_import_leaves_a_sound_repository() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    generate(&repo);
    let db = tmp.path().join("peta.db");
    let peta = env!("CARGO_BIN_EXE_peta");

    let mut child = Command::new(peta)
        .args(["import", "--db"])
        .arg(&db)
        .arg(&repo)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn peta import");
    // Wait until part of the repository is in, then kill -9.
    let start = Instant::now();
    loop {
        if models(&db) >= 10 {
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("import finished ({status}) before it could be killed; raise FILES");
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "import made no progress"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
    child.wait().unwrap();

    let store = Store::open_existing(&db).unwrap();
    let check = store.check().unwrap();
    assert_eq!(check.integrity, ["ok"]);
    assert!(
        check.incomplete_models.is_empty(),
        "half-stored models: {:?}",
        check.incomplete_models
    );
    assert!(check.is_ok(), "{check:?}");
    let partial = store.status().unwrap().models;
    eprintln!("killed after {partial} of {FILES} models");
    assert!(
        (10..FILES).contains(&partial),
        "killed mid-way: {partial} of {FILES} models"
    );
    drop(store);

    // The re-run imports exactly what is missing.
    let out = Command::new(peta)
        .args(["import", "--db"])
        .arg(&db)
        .arg(&repo)
        .output()
        .expect("re-run peta import");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let store = Store::open_existing(&db).unwrap();
    assert!(store.check().unwrap().is_ok());
    let status = store.status().unwrap();
    assert_eq!(status.models, FILES);
    assert_eq!(status.activities, FILES * TASKS);
    assert!(
        stdout.contains(&format!("{} added", FILES - partial))
            && stdout.contains(&format!("{partial} unchanged")),
        "{stdout}"
    );
    assert!(status.failed.is_empty());
}

#[test]
fn import_reports_a_bad_file_and_exits_1_quietly_when_piped() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(repo.join("good.bpmn"), bpmn(1)).unwrap();
    std::fs::write(
        repo.join("bad.bpmn"),
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"P\">\n<task id=\"T\"\n</definitions>\n",
    )
    .unwrap();
    let db = tmp.path().join("peta.db");
    let out = Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(["import", "--db"])
        .arg(&db)
        .arg(&repo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stderr.contains("bad.bpmn"), "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("bad.bpmn:") && !l.contains(":0:0:")),
        "diagnostics name line and column: {stderr}"
    );
    // No progress bar when piped: only the failure and the summary.
    assert!(
        !stderr.contains("importing") && !stderr.contains("hashing"),
        "{stderr}"
    );
    assert!(
        stdout.contains("1 added") && stdout.contains("1 failed"),
        "{stdout}"
    );
    let store = Store::open_existing(&db).unwrap();
    let status = store.status().unwrap();
    assert_eq!(status.models, 1);
    assert_eq!(status.failed.len(), 1);
}
