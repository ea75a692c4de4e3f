//! Snapshot tests of the Markdown reports (insta): the hand-made mini
//! repository in both languages, and one theme of `processes/`.

use std::path::PathBuf;

use peta_analysis::report::{self, Lang};
use peta_analysis::{analyze, overlaps, AnalysisOptions, Repository};

fn load(dir: PathBuf) -> Repository {
    let (repo, errors) = Repository::load(&[dir], None);
    assert!(errors.is_empty(), "{errors:?}");
    repo
}

fn mini() -> Repository {
    load(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini"
    )))
}

#[test]
fn mini_report_in_bahasa_indonesia() {
    let repo = mini();
    let a = analyze(&repo, &AnalysisOptions::default());
    insta::assert_snapshot!(report::markdown(&a, &repo.registry, Lang::Id));
}

#[test]
fn mini_report_in_english() {
    let repo = mini();
    let a = analyze(&repo, &AnalysisOptions::default());
    insta::assert_snapshot!(report::markdown(&a, &repo.registry, Lang::En));
}

#[test]
fn mini_overlaps_of_bkn() {
    let repo = mini();
    let a = analyze(&repo, &AnalysisOptions::default());
    let ov = overlaps(&a, "bkn");
    assert_eq!(ov.agency, "BKN");
    assert_eq!(ov.handoffs_out.len(), 5);
    assert_eq!(ov.handoffs_in.len(), 2);
    assert_eq!(ov.recommendations.len(), 4);
    insta::assert_snapshot!(report::overlaps_markdown(&ov, Lang::En));
}

#[test]
fn mini_csv() {
    let a = analyze(&mini(), &AnalysisOptions::default());
    let csv = report::csv(&a);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(report::CSV_HEADER));
    let cols = report::CSV_HEADER.split(',').count();
    for l in lines {
        // No field of the mini repository needs quoting.
        assert_eq!(l.split(',').count(), cols, "{l}");
    }
    insta::assert_snapshot!(csv);
}

#[test]
fn processes_theme_report() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../processes"));
    if !dir.join("themes.toml").is_file() {
        eprintln!("SKIP: {} is absent", dir.display());
        return;
    }
    let repo = load(dir);
    let a = analyze(
        &repo,
        &AnalysisOptions {
            theme: Some("ASN-IKN".into()),
        },
    );
    insta::assert_snapshot!(report::markdown(&a, &repo.registry, Lang::Id));
}
