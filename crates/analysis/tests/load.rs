//! `LoadOptions::analysis_only`: the models come without their diagram
//! interchange and everything else, the analysis included, is as after a
//! full load.

use std::path::{Path, PathBuf};

use peta_analysis::{analyze, AnalysisOptions, LoadOptions, Repository};

/// The repository's own process collection (`processes/`), whose models
/// carry diagrams; `None` when it is not there.
fn processes() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../processes"));
    if dir.join("agencies.toml").is_file() {
        Some(dir)
    } else {
        eprintln!("SKIP: {} not found", dir.display());
        None
    }
}

fn mini() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"))
}

fn load(dir: &Path, opts: &LoadOptions) -> Repository {
    let (repo, errors) = Repository::load_with(&[dir.to_path_buf()], None, opts);
    assert!(errors.is_empty(), "{errors:#?}");
    repo
}

/// A full load and an analysis-only load of `dir`: the same models but for
/// the diagrams, and the same analysis, byte for byte.
fn check(dir: &Path) {
    let full = load(dir, &LoadOptions::default());
    let lean = load(dir, &LoadOptions::analysis_only());
    assert!(!lean.models.is_empty());
    assert_eq!(full.models.len(), lean.models.len());
    for (f, l) in full.models.iter().zip(&lean.models) {
        assert_eq!(f.path, l.path);
        assert!(l.model.diagrams.is_empty(), "{} kept its diagrams", l.path);
        let mut f = f.model.clone();
        f.diagrams.clear();
        assert_eq!(
            serde_json::to_string(&f).expect("model serialises"),
            serde_json::to_string(&l.model).expect("model serialises"),
            "{}",
            l.path
        );
    }
    let opts = AnalysisOptions::default();
    let a = serde_json::to_string(&analyze(&full, &opts)).expect("analysis serialises");
    let b = serde_json::to_string(&analyze(&lean, &opts)).expect("analysis serialises");
    assert!(a == b, "analysis differs after an analysis-only load");
}

#[test]
fn default_load_keeps_diagrams() {
    assert_eq!(LoadOptions::default(), LoadOptions { diagrams: true });
    let Some(dir) = processes() else { return };
    let full = load(&dir, &LoadOptions::default());
    let (plain, _) = Repository::load(&[dir], None);
    assert!(full.models.iter().any(|m| !m.model.diagrams.is_empty()));
    assert_eq!(
        serde_json::to_string(&full).expect("repository serialises"),
        serde_json::to_string(&plain).expect("repository serialises")
    );
}

#[test]
fn analysis_only_load_drops_diagrams_and_analyses_the_same() {
    check(&mini());
    if let Some(dir) = processes() {
        check(&dir);
    }
}

#[test]
fn analysis_only_applies_to_models_under() {
    let dir = mini();
    let (repo, errors) = Repository::load_models_under_with(
        std::slice::from_ref(&dir),
        Some(&dir),
        &LoadOptions::analysis_only(),
    );
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!repo.models.is_empty());
    assert!(repo.models.iter().all(|m| m.model.diagrams.is_empty()));
}
