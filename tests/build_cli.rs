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

/// A copy of the analysis crate's small multi-agency fixture in `dir/models`.
fn mini_copy(dir: &Path) -> std::path::PathBuf {
    let repo = dir.join("models");
    copy_dir(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/analysis/tests/fixtures/mini"
        )),
        &repo,
    );
    repo
}

#[test]
fn build_imports_links_and_renders_then_skips_what_did_not_change() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = mini_copy(tmp.path());
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
    assert!(
        err.contains("using the analysis saved by `peta link`"),
        "the atlas reads the stored analysis back instead of re-matching:\n{err}"
    );
    assert!(tmp.path().join("atlas/index.html").is_file());

    // The atlas from the stored analysis is the atlas of a fresh analysis of the same files.
    let (code, out, err) = peta(tmp.path(), &["atlas", "models", "--out", "fresh"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(!err.contains("using the analysis saved"), "{err}");
    let pages = same_tree(&tmp.path().join("atlas"), &tmp.path().join("fresh"));
    assert!(pages > 5, "only {pages} files compared");
}

/// Asserts two folders hold the same files with the same bytes; returns how many files.
fn same_tree(a: &Path, b: &Path) -> usize {
    let mut names: Vec<_> = std::fs::read_dir(a)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    names.sort();
    let mut other: Vec<_> = std::fs::read_dir(b)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    other.sort();
    assert_eq!(
        names,
        other,
        "{} and {} list different files",
        a.display(),
        b.display()
    );
    let mut n = 0;
    for name in names {
        let (x, y) = (a.join(&name), b.join(&name));
        if x.is_dir() {
            n += same_tree(&x, &y);
        } else {
            assert!(
                std::fs::read(&x).unwrap() == std::fs::read(&y).unwrap(),
                "{} differs between the stored and the fresh analysis",
                x.display()
            );
            n += 1;
        }
    }
    n
}

#[test]
fn a_bad_file_is_reported_and_the_rest_is_still_built() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = mini_copy(tmp.path());
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
