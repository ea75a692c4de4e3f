//! Full-text search over activity labels (SQLite FTS5).
//!
//! Every activity with a label has one row in `activity_fts`: its canonical
//! tokens (see [`crate::norm`], the same normalisation the matcher uses:
//! stemming, abbreviations) and its display label. A query is normalised
//! the same way, so "verifikasi" finds "Memverifikasi berkas"; its words
//! also match the start of words of the display label ("verif" finds
//! "Verifikasi"). All query terms must match (AND).

use rusqlite::params;
use serde::Serialize;

use crate::{norm, Store, StoreError};

/// Hits returned when the caller sets no limit.
pub const DEFAULT_LIMIT: usize = 50;

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Free text, e.g. "verifikasi dokumen".
    pub text: String,
    /// Only activities of this agency (code, case-insensitive).
    pub agency: Option<String>,
    /// Only activities of models in this theme (code, case-insensitive).
    pub theme: Option<String>,
    /// At most this many hits (0 = [`DEFAULT_LIMIT`]).
    pub limit: usize,
}

/// One activity found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Agency code of the activity, when it resolves.
    pub agency: Option<String>,
    /// The model's path relative to its registry folder or import root.
    pub model: String,
    /// The process id and name.
    pub process_id: String,
    pub process: Option<String>,
    /// The activity's element id and display label.
    pub id: String,
    pub label: String,
    /// BPMN element name (`userTask`, `callActivity`, ...).
    pub kind: String,
    /// Relevance (negated BM25: higher is better).
    pub rank: f64,
}

/// Quotes a term for an FTS5 query string.
fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// The FTS5 match expression for `text`, or `None` when it has no words.
pub(crate) fn match_expression(text: &str) -> Option<String> {
    let canonical: Vec<String> = norm::tokens(text).iter().map(|t| quote(t)).collect();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("{}*", quote(&w.to_lowercase())))
        .collect();
    match (canonical.is_empty(), words.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("tokens : ({})", canonical.join(" AND "))),
        (true, false) => Some(format!("label : ({})", words.join(" AND "))),
        (false, false) => Some(format!(
            "(tokens : ({})) OR (label : ({}))",
            canonical.join(" AND "),
            words.join(" AND ")
        )),
    }
}

impl Store {
    /// Activities whose labels match `q.text`, best first (ties by model
    /// path and element id, so results are deterministic).
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        let Some(expr) = match_expression(&q.text) else {
            return Ok(Vec::new());
        };
        let limit = if q.limit == 0 { DEFAULT_LIMIT } else { q.limit };
        let mut st = self.conn.prepare_cached(
            "SELECT fn.agency, m.rel_path, p.bpmn_id, p.name, fn.bpmn_id, fn.label, fn.kind,
                    bm25(activity_fts) AS r
             FROM activity_fts
             JOIN flow_nodes fn ON fn.id = activity_fts.rowid
             JOIN models m ON m.id = fn.model_id
             JOIN processes p ON p.id = fn.process_id
             WHERE activity_fts MATCH ?1
               AND (?2 IS NULL OR fn.agency = ?2 COLLATE NOCASE)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM model_themes mt
                                          WHERE mt.model_id = fn.model_id
                                            AND mt.theme = ?3 COLLATE NOCASE))
             ORDER BY r, m.rel_path, fn.bpmn_id
             LIMIT ?4",
        )?;
        let rows = st.query_map(params![expr, q.agency, q.theme, limit as i64], |r| {
            Ok(SearchHit {
                agency: r.get(0)?,
                model: r.get(1)?,
                process_id: r.get(2)?,
                process: r.get(3)?,
                id: r.get(4)?,
                label: r.get(5)?,
                kind: r.get(6)?,
                rank: -r.get::<_, f64>(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expression_quotes_terms_and_combines_columns() {
        let e = match_expression("Verifikasi \"dokumen\"").unwrap();
        assert!(e.contains("tokens : ("), "{e}");
        assert!(
            e.contains("label : (\"verifikasi\"* AND \"dokumen\"*)"),
            "{e}"
        );
        assert_eq!(match_expression("  ,, "), None);
    }
}
