//! What the repository holds.

use peta_bpmn::Diagnostic;
use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::{Store, StoreError};

/// A file whose last import failed.
#[derive(Debug, Clone, Serialize)]
pub struct FailedFileStatus {
    pub path: String,
    pub failed_at: String,
    pub diagnostics: Vec<Diagnostic>,
    /// An earlier good version of the file is still stored.
    pub kept_previous: bool,
}

/// Activities of one agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgencyCount {
    /// Agency code; `None` for activities whose agency does not resolve.
    pub agency: Option<String>,
    pub activities: usize,
}

/// Counts and state of a repository.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub schema_version: i64,
    /// Agencies and themes in the stored registry.
    pub agencies: usize,
    pub themes: usize,
    pub models: usize,
    pub processes: usize,
    pub flow_nodes: usize,
    pub activities: usize,
    /// Activities per agency, largest first.
    pub activities_by_agency: Vec<AgencyCount>,
    /// Models that imported with warnings.
    pub models_with_warnings: usize,
    /// When a model was last stored or a file last failed (UTC).
    pub last_import: Option<String>,
    /// When `link` last ran (UTC).
    pub last_link: Option<String>,
    /// Files whose last import failed.
    pub failed: Vec<FailedFileStatus>,
}

impl Store {
    /// Counts and state of the repository.
    pub fn status(&self) -> Result<Status, StoreError> {
        let c = &self.conn;
        let count = |sql: &str| -> Result<usize, StoreError> {
            Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        let mut by_agency = Vec::new();
        {
            let mut st = c.prepare(
                "SELECT agency, count(*) AS n FROM flow_nodes WHERE is_activity = 1
                 GROUP BY agency ORDER BY n DESC, agency",
            )?;
            let rows = st.query_map([], |r| {
                Ok(AgencyCount {
                    agency: r.get(0)?,
                    activities: r.get::<_, i64>(1)? as usize,
                })
            })?;
            for row in rows {
                by_agency.push(row?);
            }
        }
        let mut failed = Vec::new();
        {
            let mut st = c.prepare(
                "SELECT f.path, f.failed_at, f.diagnostics,
                        EXISTS (SELECT 1 FROM models m WHERE m.path = f.path)
                 FROM import_failures f ORDER BY f.path",
            )?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                ))
            })?;
            for row in rows {
                let (path, failed_at, diags, kept_previous) = row?;
                failed.push(FailedFileStatus {
                    path,
                    failed_at,
                    diagnostics: serde_json::from_str(&diags)?,
                    kept_previous,
                });
            }
        }
        let last_import: Option<String> = c
            .query_row(
                "SELECT max(t) FROM (SELECT max(imported_at) AS t FROM models
                                     UNION ALL SELECT max(failed_at) FROM import_failures)",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let last_link: Option<String> = c
            .query_row("SELECT max(created_at) FROM link_runs", [], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(Status {
            schema_version: self.schema_version()?,
            agencies: count("SELECT count(*) FROM agencies")?,
            themes: count("SELECT count(*) FROM themes")?,
            models: count("SELECT count(*) FROM models")?,
            processes: count("SELECT count(*) FROM processes")?,
            flow_nodes: count("SELECT count(*) FROM flow_nodes")?,
            activities: count("SELECT count(*) FROM flow_nodes WHERE is_activity = 1")?,
            activities_by_agency: by_agency,
            models_with_warnings: count(
                "SELECT count(*) FROM models WHERE diagnostics LIKE '%\"severity\":\"warning\"%'",
            )?,
            last_import,
            last_link,
            failed,
        })
    }
}
