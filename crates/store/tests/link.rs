//! `link` over a stored repository: saved, reloaded, skipped when nothing changed.

mod common;

use peta_store::{ImportOptions, LinkOutcome, LinkParams, Store};

#[test]
fn link_saves_analyses_and_skips_when_nothing_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("processes");
    common::repository(&repo);
    let db = tmp.path().join("peta.db");
    let mut store = Store::open(&db).unwrap();
    let opts = ImportOptions {
        registry_dir: Some(repo.clone()),
        ..Default::default()
    };
    store
        .import(std::slice::from_ref(&repo), &opts, &|_| {})
        .unwrap();
    assert!(store.load_analysis().unwrap().is_none());

    let params = LinkParams::default();
    let first = store.link(&params, false).unwrap();
    let LinkOutcome::Linked { models, .. } = first else {
        panic!("first link must run: {first:?}")
    };
    assert_eq!(models, 3);
    assert!(store.link_is_current(&params).unwrap());

    // The saved analysis is the one computed directly from the files.
    let saved = store.load_analysis().unwrap().expect("saved analysis");
    let (direct_repo, _) =
        peta_analysis::Repository::load(std::slice::from_ref(&repo), Some(&repo));
    let direct = peta_analysis::analyze(&direct_repo, &Default::default());
    assert_eq!(
        serde_json::to_value(&saved).unwrap(),
        serde_json::to_value(&direct).unwrap()
    );
    let rows: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM handoffs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows as usize, saved.handoffs.len());

    // Nothing changed: nothing recomputed, nothing written.
    let changes = store.total_changes();
    let again = store.link(&params, false).unwrap();
    assert!(matches!(again, LinkOutcome::Unchanged { .. }), "{again:?}");
    assert_eq!(store.total_changes(), changes);

    // A changed model makes the saved run stale; link recomputes it.
    common::write(
        &repo.join("pensiun/taspen-klaim.bpmn"),
        &common::bpmn(
            "P_taspen",
            "Taspen",
            ("Taspen", "Taspen"),
            &["Memverifikasi berkas usulan", "Membayar pensiun"],
        ),
    );
    store
        .import(std::slice::from_ref(&repo), &opts, &|_| {})
        .unwrap();
    assert!(!store.link_is_current(&params).unwrap());
    let relinked = store.link(&params, false).unwrap();
    assert!(matches!(relinked, LinkOutcome::Linked { .. }));
    // The BKN and Taspen activities now share a label: a match link joins them.
    let links = store.match_links().unwrap();
    assert!(
        links.iter().any(|l| {
            let ends = [l.a.model.as_str(), l.b.model.as_str()];
            ends.contains(&"asn-ikn/bkn-penetapan-nip.bpmn")
                && ends.contains(&"pensiun/taspen-klaim.bpmn")
        }),
        "{links:?}"
    );
    let runs: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM link_runs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(runs, 1, "only the last run is kept");

    // One matcher run: the stored links are exactly the analysis run's
    // correspondences (activities of the analysed models, no events).
    let (direct_repo, _) =
        peta_analysis::Repository::load(std::slice::from_ref(&repo), Some(&repo));
    let (_, run) = peta_analysis::analyze_with_matches(
        &direct_repo,
        &Default::default(),
        &peta_matching::Matcher::with_defaults(),
    );
    let mut expected: Vec<(String, String, String, String)> = run
        .result
        .correspondences
        .iter()
        .map(|c| {
            let (am, aid) = run.end(&direct_repo, c.a).unwrap();
            let (bm, bid) = run.end(&direct_repo, c.b).unwrap();
            (am.into(), aid.into(), bm.into(), bid.into())
        })
        .collect();
    expected.sort();
    let stored: Vec<(String, String, String, String)> = links
        .iter()
        .map(|l| {
            (
                l.a.model.clone(),
                l.a.id.clone(),
                l.b.model.clone(),
                l.b.id.clone(),
            )
        })
        .collect();
    assert_eq!(stored, expected);
    assert!(run
        .activities
        .iter()
        .all(|a| a.kind == peta_matching::ActivityKind::Activity));
}
