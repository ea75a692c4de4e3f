//! `link`: matches and analyses computed over the stored repository and
//! saved with the parameters of the run that made them.
//!
//! A run is identified by a fingerprint over everything its result depends
//! on: the (path, content hash) of every model, the registry, the
//! parameters, the text normalisation and the peta version. When the
//! fingerprint equals the last run's, [`Store::link`] does nothing.

use peta_analysis::{Analysis, AnalysisOptions, MatchRun, Repository};
use peta_matching::{MatchConfig, Matcher};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::{norm, Store, StoreError, NOW_SQL};

/// The parameters of a `link` run, stored with its results.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LinkParams {
    pub matcher: MatchConfig,
    pub analysis: AnalysisOptions,
}

/// One activity of a stored match link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkEnd {
    /// Repository-relative path of the model file.
    pub model: String,
    /// Element id.
    pub id: String,
}

/// A correspondence between two activities found by the matcher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchLink {
    pub a: LinkEnd,
    pub b: LinkEnd,
    pub score: f64,
    /// The matcher's explanation, one line.
    pub why: String,
}

/// What [`Store::link`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkOutcome {
    /// Nothing changed since the last run (same fingerprint): nothing done.
    Unchanged { fingerprint: String },
    /// Matches and analyses recomputed and saved.
    Linked {
        fingerprint: String,
        models: usize,
        match_links: usize,
        shared_activities: usize,
        handoffs: usize,
        recommendations: usize,
    },
}

impl Store {
    /// The fingerprint a `link` run with `params` would have now.
    pub fn link_fingerprint(&self, params: &LinkParams) -> Result<String, StoreError> {
        let mut h = blake3::Hasher::new();
        h.update(b"peta-link\n");
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(b"\n");
        h.update(norm::fingerprint().as_bytes());
        h.update(b"\n");
        h.update(serde_json::to_string(params)?.as_bytes());
        h.update(b"\n");
        let registry: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'registry_hash'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        h.update(registry.unwrap_or_default().as_bytes());
        h.update(b"\n");
        let mut st = self
            .conn
            .prepare("SELECT rel_path, hash FROM models ORDER BY path")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (path, hash) = row?;
            h.update(path.as_bytes());
            h.update(b"\0");
            h.update(hash.as_bytes());
            h.update(b"\n");
        }
        Ok(h.finalize().to_hex().to_string())
    }

    /// The fingerprint of the last saved run, if any.
    pub fn last_link_fingerprint(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT fingerprint FROM link_runs ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether the saved analysis is the one `link` with `params` would
    /// compute now.
    pub fn link_is_current(&self, params: &LinkParams) -> Result<bool, StoreError> {
        Ok(self.last_link_fingerprint()?.as_deref()
            == Some(self.link_fingerprint(params)?.as_str()))
    }

    /// Recomputes matches and analyses over the stored repository and saves
    /// them, unless nothing changed since the last run (`force` runs anyway).
    pub fn link(&mut self, params: &LinkParams, force: bool) -> Result<LinkOutcome, StoreError> {
        let fingerprint = self.link_fingerprint(params)?;
        if !force && self.last_link_fingerprint()?.as_deref() == Some(fingerprint.as_str()) {
            return Ok(LinkOutcome::Unchanged { fingerprint });
        }
        let (repo, _) = self.load_repository_with(&peta_analysis::LoadOptions::analysis_only())?;
        let matcher = Matcher::new(params.matcher.clone(), peta_text::Lexicon::bundled());
        // One matcher run: the stored links are the correspondences the
        // analysis grouped into shared activities.
        let (analysis, run) =
            peta_analysis::analyze_with_matches(&repo, &params.analysis, &matcher);
        let links = match_links(&repo, &run);
        drop(run);
        self.save_run(&analysis, params, &links, &fingerprint, repo.models.len())?;
        Ok(LinkOutcome::Linked {
            fingerprint,
            models: repo.models.len(),
            match_links: links.len(),
            shared_activities: analysis.shared_activities.len(),
            handoffs: analysis.handoffs.len(),
            recommendations: analysis.recommendations.len(),
        })
    }

    /// Saves an analysis computed elsewhere over the stored repository (no
    /// match links), replacing the last run.
    pub fn save_analysis(
        &mut self,
        analysis: &Analysis,
        params: &LinkParams,
    ) -> Result<(), StoreError> {
        let fingerprint = self.link_fingerprint(params)?;
        let models: i64 = self
            .conn
            .query_row("SELECT count(*) FROM models", [], |r| r.get(0))?;
        self.save_run(analysis, params, &[], &fingerprint, models as usize)
    }

    /// The analysis of the last `link` run, if any.
    pub fn load_analysis(&self) -> Result<Option<Analysis>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT analysis FROM link_runs ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match json {
            None => Ok(None),
            Some(j) => serde_json::from_str(&j).map(Some).map_err(|e| {
                StoreError::Analysis(format!(
                    "the stored analysis was written by another peta version ({e}); run `peta link --force`"
                ))
            }),
        }
    }

    /// The match links of the last `link` run, sorted.
    pub fn match_links(&self) -> Result<Vec<MatchLink>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT a_model, a_id, b_model, b_id, score, why FROM match_links
             WHERE run_id = (SELECT max(id) FROM link_runs)
             ORDER BY a_model, a_id, b_model, b_id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(MatchLink {
                a: LinkEnd {
                    model: r.get(0)?,
                    id: r.get(1)?,
                },
                b: LinkEnd {
                    model: r.get(2)?,
                    id: r.get(3)?,
                },
                score: r.get(4)?,
                why: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn save_run(
        &mut self,
        analysis: &Analysis,
        params: &LinkParams,
        links: &[MatchLink],
        fingerprint: &str,
        models: usize,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // One run is kept: the tables of older runs go by cascade.
        tx.execute("DELETE FROM link_runs", [])?;
        tx.execute(
            &format!(
                "INSERT INTO link_runs(created_at, fingerprint, params, model_count, analysis)
                 VALUES ({NOW_SQL}, ?1, ?2, ?3, ?4)"
            ),
            params![
                fingerprint,
                serde_json::to_string(params)?,
                models as i64,
                serde_json::to_string(analysis)?
            ],
        )?;
        let run = tx.last_insert_rowid();
        {
            let mut ins = tx.prepare(
                "INSERT INTO match_links(run_id, a_model, a_id, b_model, b_id, score, why)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for l in links {
                ins.execute(params![
                    run, l.a.model, l.a.id, l.b.model, l.b.id, l.score, l.why
                ])?;
            }
            let mut group = tx.prepare(
                "INSERT INTO shared_groups(run_id, ordinal, label, confidence, agencies)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut member = tx.prepare(
                "INSERT INTO shared_members(group_id, model, node, agency, label)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, g) in analysis.shared_activities.iter().enumerate() {
                group.execute(params![
                    run,
                    i as i64,
                    g.label,
                    g.confidence,
                    serde_json::to_string(&g.agencies)?
                ])?;
                let gid = tx.last_insert_rowid();
                for m in &g.members {
                    member.execute(params![gid, m.model, m.id, m.agency, m.label])?;
                }
            }
            let mut handoff = tx.prepare(
                "INSERT INTO handoffs(run_id, kind, from_agency, from_model, from_id, from_label,
                                      to_agency, to_model, to_id, to_label)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for h in &analysis.handoffs {
                handoff.execute(params![
                    run,
                    h.kind.as_str(),
                    h.from.agency,
                    h.from.model,
                    h.from.id,
                    h.from.label,
                    h.to.agency,
                    h.to.model,
                    h.to.id,
                    h.to.label
                ])?;
            }
            let mut rec = tx.prepare(
                "INSERT INTO recommendations(run_id, rank, kind, score, agencies, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for r in &analysis.recommendations {
                rec.execute(params![
                    run,
                    r.rank as i64,
                    r.kind.as_str(),
                    r.score,
                    serde_json::to_string(&r.agencies)?,
                    serde_json::to_string(r)?
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// The correspondences of the analysis's matcher run (activities of the
/// analysed models), as stored links.
fn match_links(repo: &Repository, run: &MatchRun) -> Vec<MatchLink> {
    run.result
        .correspondences
        .iter()
        .filter_map(|c| {
            let (am, aid) = run.end(repo, c.a)?;
            let (bm, bid) = run.end(repo, c.b)?;
            Some(MatchLink {
                a: LinkEnd {
                    model: am.to_string(),
                    id: aid.to_string(),
                },
                b: LinkEnd {
                    model: bm.to_string(),
                    id: bid.to_string(),
                },
                score: c.score,
                why: c.why.summary(),
            })
        })
        .collect()
}
