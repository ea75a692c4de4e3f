//! Incremental import against a real SQLite file in a temporary folder.

mod common;

use std::path::{Path, PathBuf};

use peta_store::{ImportOptions, ImportReport, SearchQuery, Store};
use rusqlite::Connection;

fn import(store: &mut Store, root: &Path, prune: bool) -> ImportReport {
    let opts = ImportOptions {
        prune,
        registry_dir: Some(root.to_path_buf()),
        ..Default::default()
    };
    store
        .import(&[root.to_path_buf()], &opts, &|_| {})
        .expect("import")
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn imported_at(store: &Store) -> Vec<(String, String, String)> {
    let mut st = store
        .connection()
        .prepare("SELECT rel_path, hash, imported_at FROM models ORDER BY rel_path")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every model row has exactly the flow nodes its node_count says.
fn assert_models_whole(store: &Store) {
    let half = count(
        store,
        "SELECT count(*) FROM models m
         WHERE m.node_count != (SELECT count(*) FROM flow_nodes f WHERE f.model_id = m.id)",
    );
    assert_eq!(half, 0, "a model is half-stored");
}

fn data_version(c: &Connection) -> i64 {
    c.query_row("PRAGMA data_version", [], |r| r.get(0))
        .unwrap()
}

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("processes");
    common::repository(&repo);
    let db = tmp.path().join("peta.db");
    (tmp, repo, db)
}

#[test]
fn unchanged_reimport_writes_nothing() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    let first = import(&mut store, &repo, false);
    assert_eq!(first.added.len(), 3, "{first:?}");
    assert!(first.failed.is_empty(), "{:?}", first.failed);
    assert_models_whole(&store);
    let before = imported_at(&store);

    // A second connection sees every commit made by another connection as a
    // change of `data_version`.
    let watcher = Connection::open(&db).unwrap();
    let v0 = data_version(&watcher);
    let changes0 = store.total_changes();

    let again = import(&mut store, &repo, true);
    assert_eq!(again.unchanged, 3);
    assert!(again.added.is_empty() && again.replaced.is_empty() && again.pruned.is_empty());
    assert!(!again.changed());
    assert_eq!(store.total_changes(), changes0, "re-import wrote rows");
    assert_eq!(data_version(&watcher), v0, "re-import committed something");
    assert_eq!(imported_at(&store), before);

    // A fresh handle (new process) behaves the same.
    drop(store);
    let mut store = Store::open(&db).unwrap();
    let v1 = data_version(&watcher);
    let again = import(&mut store, &repo, true);
    assert_eq!(again.unchanged, 3);
    assert_eq!(store.total_changes(), 0);
    assert_eq!(data_version(&watcher), v1);
}

#[test]
fn changing_one_file_reimports_only_that_file() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);
    let before = imported_at(&store);
    std::thread::sleep(std::time::Duration::from_millis(5));

    let changed = repo.join("pensiun/taspen-klaim.bpmn");
    common::write(
        &changed,
        &common::bpmn(
            "P_taspen",
            "Taspen",
            ("Taspen", "Taspen"),
            &["Verifikasi dokumen klaim", "Mentransfer dana pensiun"],
        ),
    );
    let report = import(&mut store, &repo, false);
    assert_eq!(report.replaced.len(), 1, "{report:?}");
    assert!(report.replaced[0].ends_with("taspen-klaim.bpmn"));
    assert_eq!(report.unchanged, 2);
    assert!(report.added.is_empty());

    let after = imported_at(&store);
    for (b, a) in before.iter().zip(&after) {
        if a.0 == "pensiun/taspen-klaim.bpmn" {
            assert_ne!(a.1, b.1, "hash must change");
            assert!(a.2 > b.2, "imported_at must move");
        } else {
            assert_eq!(a, b, "{} must be untouched", a.0);
        }
    }
    assert_models_whole(&store);
    // The old rows are gone, the new ones searchable.
    let q = |t: &str| SearchQuery {
        text: t.into(),
        ..Default::default()
    };
    assert!(store.search(&q("tunjangan hari tua")).unwrap().is_empty());
    assert_eq!(store.search(&q("mentransfer dana")).unwrap().len(), 1);
    assert_eq!(
        count(&store, "SELECT count(*) FROM models"),
        3,
        "no duplicate model row"
    );
}

#[test]
fn prune_removes_models_whose_files_are_gone() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);
    std::fs::remove_file(repo.join("asn-ikn/pemohon-usul.bpmn")).unwrap();

    let kept = import(&mut store, &repo, false);
    assert!(kept.pruned.is_empty());
    assert_eq!(count(&store, "SELECT count(*) FROM models"), 3);

    let pruned = import(&mut store, &repo, true);
    assert_eq!(pruned.pruned.len(), 1, "{pruned:?}");
    assert!(pruned.pruned[0].ends_with("pemohon-usul.bpmn"));
    assert_eq!(count(&store, "SELECT count(*) FROM models"), 2);
    for table in ["processes", "flow_nodes", "flows", "lanes"] {
        let orphans = count(
            &store,
            &format!("SELECT count(*) FROM {table} WHERE model_id NOT IN (SELECT id FROM models)"),
        );
        assert_eq!(orphans, 0, "{table} keeps rows of a pruned model");
    }
    let hits = store
        .search(&SearchQuery {
            text: "mengajukan usulan".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(hits.is_empty(), "pruned activity still indexed: {hits:?}");
    assert_eq!(
        count(&store, "SELECT count(*) FROM activity_fts"),
        count(
            &store,
            "SELECT count(*) FROM flow_nodes WHERE is_activity = 1 AND label != ''"
        )
    );
}

#[test]
fn a_bad_file_leaves_no_rows_and_the_others_import() {
    let (_tmp, repo, db) = setup();
    let bad = repo.join("asn-ikn/rusak.bpmn");
    common::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"P\"><task id=\"T\" name=\"x\">\n</definitions>\n",
    );
    let mut store = Store::open(&db).unwrap();
    let report = import(&mut store, &repo, false);
    assert_eq!(report.added.len(), 3, "{report:?}");
    assert_eq!(report.failed.len(), 1);
    let f = &report.failed[0];
    assert!(f.path.ends_with("rusak.bpmn"));
    assert!(f.new && !f.kept_previous);
    assert!(!f.diagnostics.is_empty());
    assert!(f.diagnostics[0].line > 0, "{:?}", f.diagnostics);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM models WHERE path LIKE '%rusak%'"
        ),
        0
    );
    assert_eq!(count(&store, "SELECT count(*) FROM import_failures"), 1);
    let status = store.status().unwrap();
    assert_eq!(status.failed.len(), 1);
    assert_eq!(status.models, 3);

    // Unchanged bad file: not parsed again, nothing written, still reported.
    let changes = store.total_changes();
    let again = import(&mut store, &repo, false);
    assert_eq!(store.total_changes(), changes);
    assert_eq!(again.failed.len(), 1);
    assert!(!again.failed[0].new);
    assert_eq!(
        again.unchanged, 3,
        "a still-failing file is not counted unchanged"
    );

    // Fixed: imported, failure cleared.
    common::write(
        &bad,
        &common::bpmn("P_fix", "BKN", ("BKN", "BKN"), &["Memperbaiki data"]),
    );
    let fixed = import(&mut store, &repo, false);
    assert_eq!(fixed.added.len(), 1);
    assert!(fixed.failed.is_empty());
    assert_eq!(count(&store, "SELECT count(*) FROM import_failures"), 0);

    // Broken again: the previous good version stays, the failure is recorded.
    common::write(&bad, "<definitions><process id=\"P\">");
    let broken = import(&mut store, &repo, false);
    assert_eq!(broken.failed.len(), 1);
    assert!(broken.failed[0].kept_previous);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM models WHERE path LIKE '%rusak%'"
        ),
        1
    );
    let status = store.status().unwrap();
    assert!(status.failed[0].kept_previous);
    assert_models_whole(&store);
}

#[test]
fn agencies_themes_and_filtered_search() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);

    let status = store.status().unwrap();
    assert_eq!(status.agencies, 3);
    assert_eq!(status.themes, 2);
    assert_eq!(status.models, 3);
    assert_eq!(status.activities, 8);
    assert!(status.last_import.is_some());
    let bkn = status
        .activities_by_agency
        .iter()
        .find(|c| c.agency.as_deref() == Some("BKN"))
        .map(|c| c.activities);
    assert_eq!(bkn, Some(3), "{:?}", status.activities_by_agency);

    // "verifikasi" finds both the BKN and the Taspen activity…
    let all = store
        .search(&SearchQuery {
            text: "verifikasi".into(),
            ..Default::default()
        })
        .unwrap();
    let labels: Vec<&str> = all.iter().map(|h| h.label.as_str()).collect();
    assert!(
        labels.contains(&"Memverifikasi berkas usulan"),
        "{labels:?}"
    );
    assert!(labels.contains(&"Verifikasi dokumen klaim"), "{labels:?}");
    // …the agency filter keeps one…
    let bkn = store
        .search(&SearchQuery {
            text: "verifikasi".into(),
            agency: Some("bkn".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(bkn.len(), 1);
    assert_eq!(bkn[0].agency.as_deref(), Some("BKN"));
    assert_eq!(bkn[0].model, "asn-ikn/bkn-penetapan-nip.bpmn");
    assert_eq!(bkn[0].process.as_deref(), Some("Proses P_bkn"));
    // …and so does the theme filter.
    let pensiun = store
        .search(&SearchQuery {
            text: "verifikasi".into(),
            theme: Some("PENSIUN".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(pensiun.len(), 1);
    assert_eq!(pensiun[0].agency.as_deref(), Some("TASPEN"));
}

#[test]
fn search_matches_stemmed_variants() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);
    let find = |t: &str| -> Vec<String> {
        store
            .search(&SearchQuery {
                text: t.into(),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|h| h.label)
            .collect()
    };
    // Affixed verb forms meet their root both ways.
    assert!(find("verifikasi").contains(&"Memverifikasi berkas usulan".to_string()));
    assert!(find("memverifikasi").contains(&"Verifikasi dokumen klaim".to_string()));
    assert!(find("pembayaran tunjangan").contains(&"Membayar tunjangan hari tua".to_string()));
    // All words must match.
    assert!(find("verifikasi tunjangan").is_empty());
    assert!(find("").is_empty());
}

#[test]
fn load_repository_gives_the_models_and_registry_back() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);
    let loaded = store.load_repository().unwrap();
    let (direct, errors) =
        peta_analysis::Repository::load(std::slice::from_ref(&repo), Some(&repo));
    assert!(errors.is_empty());
    let paths = |r: &peta_analysis::Repository| -> Vec<(String, String, usize)> {
        r.models
            .iter()
            .map(|m| {
                (
                    m.path.clone(),
                    m.model.key.clone(),
                    m.model.flow_nodes().count(),
                )
            })
            .collect()
    };
    assert_eq!(paths(&loaded), paths(&direct));
    assert_eq!(loaded.registry, direct.registry);
    assert_eq!(loaded.root, repo.canonicalize().unwrap());
}

#[test]
fn the_analysis_load_drops_diagrams_and_keeps_everything_else() {
    // the bundled corpus: its models carry diagram interchange
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../processes");
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("peta.db");
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);
    let full = store.load_repository().unwrap();
    let (lean, errors) = store
        .load_repository_with(&peta_analysis::LoadOptions::analysis_only())
        .unwrap();
    assert!(errors.is_empty());
    assert!(
        full.models.iter().any(|m| !m.model.diagrams.is_empty()),
        "the fixture has diagram interchange"
    );
    assert!(lean.models.iter().all(|m| m.model.diagrams.is_empty()));
    assert_eq!(full.models.len(), lean.models.len());
    for (a, b) in full.models.iter().zip(&lean.models) {
        assert_eq!(a.path, b.path);
        // parsed parts compared as JSON (they have no `PartialEq`)
        let json = |m: &peta_analysis::RepoModel| {
            serde_json::to_string(&(&m.model.processes, &m.model.collaborations)).unwrap()
        };
        assert_eq!(json(a), json(b));
    }
    assert_eq!(full.registry, lean.registry);
    assert_eq!(full.root, lean.root);
}

#[test]
fn a_changed_registry_updates_stored_agencies() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    let first = import(&mut store, &repo, false);
    assert!(first.registry_changed);
    let unit = "SELECT agency FROM flow_nodes WHERE label = 'Memverifikasi berkas usulan'";
    let agency =
        |s: &Store| -> Option<String> { s.connection().query_row(unit, [], |r| r.get(0)).unwrap() };
    assert_eq!(agency(&store).as_deref(), Some("BKN"));
    // Move the regional office to another agency: no BPMN file changes, but
    // the stored agencies follow the registry.
    let moved = common::AGENCIES.replace("units = [\"Kantor Regional VIII BKN\"]", "units = []")
        + "\n[[agency]]\ncode = \"KANREG\"\nname = \"Kantor Regional VIII BKN\"\n";
    common::write(&repo.join("agencies.toml"), &moved);
    let second = import(&mut store, &repo, false);
    assert!(second.registry_changed);
    assert_eq!(second.unchanged, 3);
    assert_eq!(agency(&store).as_deref(), Some("KANREG"));
    assert_eq!(count(&store, "SELECT count(*) FROM agencies"), 4);
}

#[test]
fn a_registry_given_later_renames_models_and_assigns_themes() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    // First the theme folder alone, without a registry: named relative to it.
    let sub = repo.join("pensiun");
    let first = store
        .import(
            std::slice::from_ref(&sub),
            &ImportOptions::default(),
            &|_| {},
        )
        .unwrap();
    assert_eq!(first.added.len(), 1);
    assert_eq!(imported_at(&store)[0].0, "taspen-klaim.bpmn");
    assert_eq!(count(&store, "SELECT count(*) FROM model_themes"), 0);
    // Then with the registry: same content, but now named as the themes
    // see it, so it is stored again and joins its theme.
    let opts = ImportOptions {
        registry_dir: Some(repo.clone()),
        ..Default::default()
    };
    let second = store
        .import(std::slice::from_ref(&sub), &opts, &|_| {})
        .unwrap();
    assert_eq!(second.replaced.len(), 1, "{second:?}");
    assert_eq!(imported_at(&store)[0].0, "pensiun/taspen-klaim.bpmn");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM model_themes WHERE theme = 'PENSIUN'"
        ),
        1
    );
    assert_models_whole(&store);
}

#[test]
fn readers_are_not_blocked_by_an_import() {
    let (_tmp, repo, db) = setup();
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &repo, false);
    // A reader (an atlas build, a search) in the middle of a read transaction.
    let reader = Connection::open(&db).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let models = |c: &Connection| -> i64 {
        c.query_row("SELECT count(*) FROM models", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(models(&reader), 3);
    common::write(
        &repo.join("pensiun/taspen-baru.bpmn"),
        &common::bpmn("P_new", "Taspen", ("Taspen", "Taspen"), &["Mencatat klaim"]),
    );
    let started = std::time::Instant::now();
    let report = import(&mut store, &repo, false);
    assert_eq!(report.added.len(), 1);
    assert!(
        started.elapsed() < peta_store::BUSY_TIMEOUT / 2,
        "the writer waited for the reader"
    );
    // The reader keeps its snapshot until it ends its transaction.
    assert_eq!(models(&reader), 3);
    reader.execute_batch("COMMIT").unwrap();
    assert_eq!(models(&reader), 4);
}

/// `status` counts models with real warnings; notes (black-box pools, an idiom) are not warnings.
#[test]
fn status_counts_warnings_not_notes() {
    let processes = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../processes");
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(&tmp.path().join("peta.db")).unwrap();
    import(&mut store, &processes, false);
    let with = |severity: &str| {
        count(
            &store,
            &format!(
                "SELECT count(*) FROM models WHERE EXISTS (SELECT 1 FROM json_each(models.diagnostics) d \
                 WHERE json_extract(d.value, '$.severity') = '{severity}')"
            ),
        )
    };
    let (warned, noted) = (with("warning"), with("note"));
    assert!(warned > 0, "processes/ holds deliberately flawed files");
    assert!(noted > 0, "processes/ draws applicants as black-box pools");
    let status = store.status().unwrap();
    assert_eq!(status.models_with_warnings as i64, warned);
}
