//! The SQLite repository: incremental import, links, search.
//!
//! A [`Store`] is one SQLite file (WAL mode, so readers such as an atlas
//! build or a search are not blocked by an import). It keeps the source
//! bytes of every imported model, so a model can always be re-parsed
//! exactly, plus the rows derived from it (processes, lanes, flow nodes with
//! agency and normalised label, flows, message flows, data objects), the
//! registry (agencies, themes), the output of the last `link` run (match
//! links, shared-activity groups, handoffs, recommendations) and a
//! full-text index over activity labels.
//!
//! * [`Store::import`]: content-hashed, idempotent import; one transaction
//!   per file.
//! * [`Store::search`]: FTS5 search with the same normalisation as the
//!   matcher.
//! * [`Store::status`]: what the repository holds.
//!
//! The tables are described in `docs/store.md`.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod derive;
mod import;
mod link;
pub mod norm;
mod repository;
pub mod schema;
mod search;
mod status;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use import::{FailedFile, ImportEvent, ImportOptions, ImportReport, BPMN_EXTENSIONS};
pub use link::{LinkEnd, LinkOutcome, LinkParams, MatchLink};
pub use search::{SearchHit, SearchQuery};
pub use status::{AgencyCount, FailedFileStatus, Status};

/// How long a writer waits for another writer's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no repository at {0} (create one with `peta import PATH... --db {0}`)")]
    Missing(PathBuf),
    #[error(
        "the repository has schema version {found}, newer than this build supports ({supported}); upgrade peta"
    )]
    TooNew { found: i64, supported: i64 },
    #[error("the repository has an unknown schema version {0}")]
    UnknownVersion(i64),
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("registry: {0}")]
    Registry(String),
    #[error("stored model {path} can no longer be parsed: {message}")]
    Reparse { path: String, message: String },
    #[error("{0}")]
    Analysis(String),
}

/// One repository file. See the crate documentation.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the repository at `path`, creating it if needed, and migrates
    /// it to the current schema version.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Self::setup(conn, path)
    }

    /// Opens an existing repository; an absent file is [`StoreError::Missing`]
    /// instead of a new empty repository (for read-only commands).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Self::open(path)
    }

    fn setup(mut conn: Connection, path: &Path) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.check_normaliser()?;
        Ok(store)
    }

    /// Rebuilds normalised labels and the full-text index when the text
    /// normalisation changed since they were written.
    fn check_normaliser(&self) -> Result<(), StoreError> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'normaliser'", [], |r| {
                r.get(0)
            })
            .ok();
        if stored.as_deref() != Some(norm::fingerprint().as_str()) {
            let tx = self.conn.unchecked_transaction()?;
            schema::reindex_labels(&tx)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Rows inserted, updated or deleted through this handle since it was
    /// opened (SQLite's `total_changes()`): lets callers and tests see that
    /// an unchanged re-import wrote nothing.
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// The underlying connection, for read-only queries by tools and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The current time as stored (`YYYY-MM-DDTHH:MM:SS.sssZ`, UTC), from SQLite.
pub(crate) const NOW_SQL: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// The result of [`Store::check`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    /// What `PRAGMA integrity_check` says (`["ok"]` when sound).
    pub integrity: Vec<String>,
    /// Models whose stored flow nodes do not number their `node_count`
    /// (half-stored: must never happen).
    pub incomplete_models: Vec<String>,
    /// Activities with a label that are missing from the full-text index,
    /// and index rows whose flow node is gone.
    pub unindexed: usize,
    pub stale_index: usize,
}

impl Check {
    /// Whether everything is consistent.
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.incomplete_models.is_empty()
            && self.unindexed == 0
            && self.stale_index == 0
    }
}

impl Store {
    /// Verifies the file (`PRAGMA integrity_check`) and the store's own
    /// invariants: every model has all its flow nodes, the full-text index
    /// matches the activities.
    pub fn check(&self) -> Result<Check, StoreError> {
        let c = &self.conn;
        let integrity = c
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        let incomplete_models = c
            .prepare(
                "SELECT m.path FROM models m
                 WHERE m.node_count != (SELECT count(*) FROM flow_nodes f WHERE f.model_id = m.id)
                 ORDER BY m.path",
            )?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        let unindexed: i64 = c.query_row(
            "SELECT count(*) FROM flow_nodes f WHERE f.is_activity = 1 AND f.label != ''
               AND NOT EXISTS (SELECT 1 FROM activity_fts a WHERE a.rowid = f.id)",
            [],
            |r| r.get(0),
        )?;
        let stale_index: i64 = c.query_row(
            "SELECT count(*) FROM activity_fts a
             WHERE NOT EXISTS (SELECT 1 FROM flow_nodes f WHERE f.id = a.rowid)",
            [],
            |r| r.get(0),
        )?;
        Ok(Check {
            integrity,
            incomplete_models,
            unindexed: unindexed as usize,
            stale_index: stale_index as usize,
        })
    }
}
