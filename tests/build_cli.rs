//! `peta build`: the main job (import into the store, link, render the atlas)
//! end to end on a real SQLite file, incremental on a second run, and not
//! stopped by a bad file.

use std::path::Path;
use std::process::Command;

fn peta(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peta"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("peta runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn bpmn_count(dir: &Path) -> i64 {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                bpmn_count(&p)
            } else {
                i64::from(p.extension().is_some_and(|x| x == "bpmn"))
            }
        })
        .sum()
}

/// The model count `peta status` reports (the CLI's view of the store).
fn models_in(db: &Path) -> i64 {
    let out = Command::new(env!("CARGO_BIN_EXE_peta"))
        .args(["status", "--db"])
        .arg(db)
        .output()
        .expect("peta status runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("models"))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no model count in status output:\n{text}"))
        .parse()
        .unwrap()
}

#[test]
fn build_imports_links_and_renders_then_skips_what_did_not_change() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("models");
    copy_dir(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/analysis/tests/fixtures/mini"
        )),
        &repo,
    );
    let files = bpmn_count(&repo);
    assert!(files >= 2);

    // Default store (peta.db) and atlas folder (atlas) in the working folder.
    let (code, out, err) = peta(tmp.path(), &["build", "models"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains(&format!("{files} added")), "{out}");
    assert!(out.contains("linked"), "{out}");
    let db = tmp.path().join("peta.db");
    assert_eq!(models_in(&db), files);
    let index = std::fs::read_to_string(tmp.path().join("atlas/index.html")).unwrap();
    assert!(index.contains("<html"), "not an HTML page");

    // Nothing changed: nothing re-imported, nothing re-linked, atlas rebuilt.
    let (code, out, err) = peta(tmp.path(), &["build", "models"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains(&format!("{files} unchanged")), "{out}");
    assert!(out.contains("nothing changed"), "{out}");
    assert!(tmp.path().join("atlas/index.html").is_file());
}

#[test]
fn a_bad_file_is_reported_and_the_rest_is_still_built() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("models");
    copy_dir(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/analysis/tests/fixtures/mini"
        )),
        &repo,
    );
    std::fs::write(
        repo.join("broken.bpmn"),
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n</definitions>\n",
    )
    .unwrap();
    let (code, out, err) = peta(
        tmp.path(),
        &["build", "models", "--db", "repo.db", "--out", "site"],
    );
    assert_eq!(code, 1, "a failed file gives exit code 1\n{out}\n{err}");
    assert!(out.contains("1 failed"), "{out}");
    assert!(
        err.contains("broken.bpmn:3:"),
        "file and line named:\n{err}"
    );
    assert!(
        tmp.path().join("site/index.html").is_file(),
        "atlas built anyway"
    );
    assert_eq!(
        models_in(&tmp.path().join("repo.db")),
        bpmn_count(&repo) - 1
    );
}
