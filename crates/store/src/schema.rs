//! The schema, its versions and the migrations between them.
//!
//! The version lives in `PRAGMA user_version`. A new database is created at
//! version 1 with [`SCHEMA_V1`] and then migrated step by step to
//! [`CURRENT_VERSION`], so a fresh store and an upgraded one go through the
//! same code. Each step runs in one transaction: a failed migration leaves
//! the file at the version it had.

use rusqlite::{params, Connection, TransactionBehavior};

use crate::{norm, StoreError};

/// The schema version this build writes and reads.
pub const CURRENT_VERSION: i64 = 2;

/// Version 1: models with their source, processes, flow nodes and sequence
/// flows; agencies and themes. Kept verbatim: it is the starting point of
/// every database and what the migration test builds.
pub const SCHEMA_V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE agencies (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT,
    is_agency INTEGER NOT NULL DEFAULT 1,
    aliases   TEXT NOT NULL DEFAULT '[]',
    units     TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE themes (
    code           TEXT PRIMARY KEY,
    name_id        TEXT NOT NULL,
    name_en        TEXT,
    description_id TEXT,
    description_en TEXT,
    spbe_codes     TEXT NOT NULL DEFAULT '[]',
    models         TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE models (
    id               INTEGER PRIMARY KEY,
    path             TEXT NOT NULL UNIQUE,
    rel_path         TEXT NOT NULL,
    key              TEXT NOT NULL,
    hash             TEXT NOT NULL,
    size             INTEGER NOT NULL,
    exporter         TEXT,
    exporter_version TEXT,
    encoding         TEXT,
    imported_at      TEXT NOT NULL,
    diagnostics      TEXT NOT NULL DEFAULT '[]',
    source           BLOB NOT NULL
);
CREATE TABLE processes (
    id          INTEGER PRIMARY KEY,
    model_id    INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    bpmn_id     TEXT NOT NULL,
    name        TEXT,
    participant TEXT,
    agency      TEXT
);
CREATE INDEX processes_model ON processes(model_id);
CREATE TABLE flow_nodes (
    id         INTEGER PRIMARY KEY,
    model_id   INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
    bpmn_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    label      TEXT NOT NULL,
    lane       TEXT,
    parent     TEXT,
    agency     TEXT
);
CREATE INDEX flow_nodes_model ON flow_nodes(model_id);
CREATE INDEX flow_nodes_process ON flow_nodes(process_id);
CREATE TABLE flows (
    id         INTEGER PRIMARY KEY,
    model_id   INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
    bpmn_id    TEXT NOT NULL,
    source     TEXT NOT NULL,
    target     TEXT NOT NULL,
    name       TEXT,
    condition  TEXT,
    is_default INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX flows_model ON flows(model_id);
CREATE INDEX flows_process ON flows(process_id);
"#;

/// Version 1 -> 2, the SQL part: node counts, normalised labels, lanes,
/// message flows, data objects, theme membership, failures, full-text
/// search and the tables of `link` runs. The Rust part
/// ([`migrate_v1_to_v2`]) fills the normalised labels and the index.
const MIGRATE_V1_TO_V2: &str = r#"
ALTER TABLE models ADD COLUMN node_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE models ADD COLUMN root TEXT;
UPDATE models SET node_count = (SELECT count(*) FROM flow_nodes WHERE flow_nodes.model_id = models.id);

ALTER TABLE flow_nodes ADD COLUMN label_norm TEXT NOT NULL DEFAULT '';
ALTER TABLE flow_nodes ADD COLUMN is_activity INTEGER NOT NULL DEFAULT 0;
UPDATE flow_nodes SET is_activity = 1 WHERE kind IN (
    'task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask',
    'businessRuleTask', 'subProcess', 'transaction', 'adHocSubProcess', 'callActivity');
ALTER TABLE flow_nodes ADD COLUMN called_element TEXT;

CREATE TABLE lanes (
    id         INTEGER PRIMARY KEY,
    model_id   INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
    bpmn_id    TEXT NOT NULL,
    name       TEXT,
    depth      INTEGER NOT NULL,
    agency     TEXT
);
CREATE INDEX lanes_model ON lanes(model_id);

CREATE TABLE message_flows (
    id       INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    bpmn_id  TEXT NOT NULL,
    name     TEXT,
    source   TEXT NOT NULL,
    target   TEXT NOT NULL
);
CREATE INDEX message_flows_model ON message_flows(model_id);

CREATE TABLE data_objects (
    id         INTEGER PRIMARY KEY,
    model_id   INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    process_id INTEGER REFERENCES processes(id) ON DELETE CASCADE,
    bpmn_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    name       TEXT,
    name_norm  TEXT NOT NULL DEFAULT '',
    target     TEXT
);
CREATE INDEX data_objects_model ON data_objects(model_id);

CREATE TABLE model_themes (
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    theme    TEXT NOT NULL,
    PRIMARY KEY (model_id, theme)
) WITHOUT ROWID;
CREATE INDEX model_themes_theme ON model_themes(theme);

CREATE TABLE import_failures (
    path        TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,
    failed_at   TEXT NOT NULL,
    diagnostics TEXT NOT NULL
);

CREATE VIRTUAL TABLE activity_fts USING fts5(
    tokens, label, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER flow_nodes_fts_delete AFTER DELETE ON flow_nodes BEGIN
    DELETE FROM activity_fts WHERE rowid = old.id;
END;

CREATE TABLE link_runs (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    params      TEXT NOT NULL,
    model_count INTEGER NOT NULL,
    analysis    TEXT NOT NULL
);
CREATE TABLE match_links (
    run_id  INTEGER NOT NULL REFERENCES link_runs(id) ON DELETE CASCADE,
    a_model TEXT NOT NULL,
    a_id    TEXT NOT NULL,
    b_model TEXT NOT NULL,
    b_id    TEXT NOT NULL,
    score   REAL NOT NULL,
    why     TEXT
);
CREATE INDEX match_links_run ON match_links(run_id);
CREATE TABLE shared_groups (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES link_runs(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    label      TEXT,
    confidence REAL,
    agencies   TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE shared_members (
    group_id INTEGER NOT NULL REFERENCES shared_groups(id) ON DELETE CASCADE,
    model    TEXT NOT NULL,
    node     TEXT NOT NULL,
    agency   TEXT,
    label    TEXT
);
CREATE INDEX shared_members_group ON shared_members(group_id);
CREATE TABLE handoffs (
    run_id      INTEGER NOT NULL REFERENCES link_runs(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    from_agency TEXT,
    from_model  TEXT,
    from_id     TEXT,
    from_label  TEXT,
    to_agency   TEXT,
    to_model    TEXT,
    to_id       TEXT,
    to_label    TEXT
);
CREATE INDEX handoffs_run ON handoffs(run_id);
CREATE TABLE recommendations (
    run_id   INTEGER NOT NULL REFERENCES link_runs(id) ON DELETE CASCADE,
    rank     INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    score    REAL NOT NULL,
    agencies TEXT NOT NULL DEFAULT '[]',
    data     TEXT NOT NULL
);
CREATE INDEX recommendations_run ON recommendations(run_id);
"#;

/// Brings the database at `conn` to [`CURRENT_VERSION`]. A database newer
/// than this build is refused rather than touched.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    loop {
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        match version {
            0 => step(conn, 0, |tx| {
                tx.execute_batch(SCHEMA_V1)?;
                Ok(())
            })?,
            1 => step(conn, 1, migrate_v1_to_v2)?,
            CURRENT_VERSION => return Ok(()),
            v if v > CURRENT_VERSION => {
                return Err(StoreError::TooNew {
                    found: v,
                    supported: CURRENT_VERSION,
                })
            }
            v => return Err(StoreError::UnknownVersion(v)),
        }
    }
}

/// Runs one migration step from `from` to `from + 1` in one transaction.
/// Re-checks the version inside the (immediate) transaction so two
/// processes opening the same new file never both migrate it.
fn step(
    conn: &mut Connection,
    from: i64,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if now != from {
        return Ok(()); // someone else migrated meanwhile
    }
    f(&tx)?;
    tx.pragma_update(None, "user_version", from + 1)?;
    tx.commit()?;
    Ok(())
}

fn migrate_v1_to_v2(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    tx.execute_batch(MIGRATE_V1_TO_V2)?;
    reindex_labels(tx)?;
    Ok(())
}

/// Recomputes every flow node's normalised label and rebuilds the
/// full-text index from the stored labels. Used by the v1 -> v2 migration
/// and whenever the text normalisation changes (see [`norm::fingerprint`]).
pub(crate) fn reindex_labels(conn: &Connection) -> Result<(), StoreError> {
    conn.execute("DELETE FROM activity_fts", [])?;
    let rows: Vec<(i64, String, bool)> = {
        let mut st = conn.prepare("SELECT id, label, is_activity FROM flow_nodes")?;
        let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        it.collect::<Result<_, _>>()?
    };
    let mut upd = conn.prepare("UPDATE flow_nodes SET label_norm = ?2 WHERE id = ?1")?;
    let mut fts =
        conn.prepare("INSERT INTO activity_fts(rowid, tokens, label) VALUES (?1, ?2, ?3)")?;
    for (id, label, is_activity) in rows {
        let tokens = norm::canonical(&label);
        upd.execute(params![id, tokens])?;
        if is_activity && !label.is_empty() {
            fts.execute(params![id, tokens, label])?;
        }
    }
    let mut st = conn.prepare("SELECT id, name FROM data_objects")?;
    let objs: Vec<(i64, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut upd = conn.prepare("UPDATE data_objects SET name_norm = ?2 WHERE id = ?1")?;
    for (id, name) in objs {
        upd.execute(params![id, norm::canonical(name.as_deref().unwrap_or(""))])?;
    }
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('normaliser', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [norm::fingerprint()],
    )?;
    Ok(())
}
