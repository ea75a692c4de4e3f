//! A repository written with schema version 1 opens with the current code.

use peta_store::{schema, SearchQuery, Store};
use rusqlite::{params, Connection};

#[test]
fn a_version_1_repository_is_migrated() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.db");
    {
        // What a version-1 build wrote.
        let c = Connection::open(&db).unwrap();
        c.execute_batch(schema::SCHEMA_V1).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO agencies(code, name) VALUES ('BKN', 'Badan Kepegawaian Negara')",
            [],
        )
        .unwrap();
        c.execute(
            "INSERT INTO models(id, path, rel_path, key, hash, size, imported_at, source)
             VALUES (1, '/r/a.bpmn', 'a.bpmn', 'a', 'h1', 3, '2025-01-01T00:00:00.000Z', x'3c613e')",
            [],
        )
        .unwrap();
        c.execute(
            "INSERT INTO processes(id, model_id, bpmn_id, name, agency) VALUES (1, 1, 'P', 'Proses', 'BKN')",
            [],
        )
        .unwrap();
        for (id, kind, label) in [
            ("S", "startEvent", "Mulai"),
            ("T1", "userTask", "Memverifikasi berkas"),
            ("T2", "serviceTask", "Menerbitkan keputusan"),
            ("G", "exclusiveGateway", "Lengkap?"),
        ] {
            c.execute(
                "INSERT INTO flow_nodes(model_id, process_id, bpmn_id, kind, label, agency)
                 VALUES (1, 1, ?1, ?2, ?3, 'BKN')",
                params![id, kind, label],
            )
            .unwrap();
        }
        c.execute(
            "INSERT INTO flows(model_id, process_id, bpmn_id, source, target) VALUES (1, 1, 'F', 'S', 'T1')",
            [],
        )
        .unwrap();
    }

    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::CURRENT_VERSION);
    let c = store.connection();
    let (node_count, hash): (i64, String) = c
        .query_row(
            "SELECT node_count, hash FROM models WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(node_count, 4, "node_count backfilled");
    assert_eq!(hash, "h1", "existing data kept");
    let activities: i64 = c
        .query_row(
            "SELECT count(*) FROM flow_nodes WHERE is_activity = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(activities, 2, "is_activity backfilled from kind");
    let norm: String = c
        .query_row(
            "SELECT label_norm FROM flow_nodes WHERE bpmn_id = 'T2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(norm, peta_store::norm::canonical("Menerbitkan keputusan"));
    assert!(!norm.is_empty());
    // The new tables exist and the index was built from the old rows.
    let hits = store
        .search(&SearchQuery {
            text: "verifikasi".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].label, "Memverifikasi berkas");
    assert_eq!(hits[0].agency.as_deref(), Some("BKN"));
    let status = store.status().unwrap();
    assert_eq!(status.models, 1);
    assert_eq!(status.activities, 2);
    assert!(status.failed.is_empty());
    drop(store);

    // Opening again is a no-op.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::CURRENT_VERSION);
    assert_eq!(store.total_changes(), 0);
}

#[test]
fn a_newer_repository_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("new.db");
    {
        let c = Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", schema::CURRENT_VERSION + 1)
            .unwrap();
    }
    let err = Store::open(&db).unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn fts5_is_compiled_in() {
    let c = Connection::open_in_memory().unwrap();
    c.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x)")
        .unwrap();
}
