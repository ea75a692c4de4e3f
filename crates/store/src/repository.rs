//! The registry kept in the store, and the repository rebuilt from stored
//! sources for the analyses and the atlas.

use std::path::PathBuf;

use peta_analysis::{LoadOptions, RepoModel, Repository};
use peta_bpmn::{ParseError, ParseOptions};
use peta_registry::Registry;
use rayon::prelude::*;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::derive::Context;
use crate::import::key_of;
use crate::{Store, StoreError};

/// Stored models re-parsed per batch when a repository is loaded: bounds the
/// source bytes held at once (about 30 KB a model).
const LOAD_BATCH: usize = 2048;

/// One stored model's source, as read back.
struct StoredSource {
    id: i64,
    path: String,
    rel_path: String,
    source: Vec<u8>,
}

impl Store {
    /// The registry stored by the last import that named one (empty when
    /// none did).
    pub fn registry(&self) -> Result<Registry, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'registry'", [], |r| {
                r.get(0)
            })
            .optional()?;
        match json {
            Some(j) => Ok(serde_json::from_str(&j)?),
            None => Ok(Registry::default()),
        }
    }

    /// Stores `registry` (agencies, themes, and the whole registry as JSON)
    /// if it differs from the stored one, and then recomputes the agencies
    /// and themes of every stored model, all in one transaction. Returns
    /// whether anything changed; an identical registry writes nothing.
    pub fn set_registry(&mut self, registry: &Registry) -> Result<bool, StoreError> {
        let json = serde_json::to_string(registry)?;
        let hash = blake3::hash(json.as_bytes()).to_hex().to_string();
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'registry_hash'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if stored.as_deref() == Some(hash.as_str()) {
            return Ok(false);
        }
        let sources = self.sources()?;
        let ctx = Context::new(registry);
        let opts = ParseOptions::default();
        let derived: Vec<_> = sources
            .par_iter()
            .filter_map(|s| {
                peta_bpmn::parse_bytes(&key_of(&s.rel_path), &s.path, &s.source, &opts)
                    .ok()
                    .map(|m| (s.id, ctx.derive(&s.rel_path, m)))
            })
            .collect();

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM agencies", [])?;
        tx.execute("DELETE FROM themes", [])?;
        {
            let mut ins = tx.prepare(
                "INSERT INTO agencies(code, name, kind, is_agency, aliases, units)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for a in &registry.agencies {
                ins.execute(params![
                    a.code,
                    a.name,
                    a.kind,
                    a.is_agency,
                    serde_json::to_string(&a.aliases)?,
                    serde_json::to_string(&a.units)?,
                ])?;
            }
            let mut ins = tx.prepare(
                "INSERT INTO themes(code, name_id, name_en, description_id, description_en,
                                    spbe_codes, models)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for t in &registry.themes {
                ins.execute(params![
                    t.code,
                    t.name_id,
                    t.name_en,
                    t.description_id,
                    t.description_en,
                    serde_json::to_string(&t.spbe_codes)?,
                    serde_json::to_string(&t.models)?,
                ])?;
            }
            for (key, value) in [
                ("registry", json.as_str()),
                ("registry_hash", hash.as_str()),
            ] {
                tx.execute(
                    "INSERT INTO meta(key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )?;
            }
            let mut process_ids =
                tx.prepare("SELECT id FROM processes WHERE model_id = ?1 ORDER BY id")?;
            let mut upd_process = tx.prepare("UPDATE processes SET agency = ?2 WHERE id = ?1")?;
            let mut upd_node = tx.prepare(
                "UPDATE flow_nodes SET agency = ?3 WHERE model_id = ?1 AND bpmn_id = ?2",
            )?;
            let mut upd_lane =
                tx.prepare("UPDATE lanes SET agency = ?3 WHERE model_id = ?1 AND bpmn_id = ?2")?;
            let mut del_themes = tx.prepare("DELETE FROM model_themes WHERE model_id = ?1")?;
            let mut ins_theme = tx.prepare("INSERT OR IGNORE INTO model_themes VALUES (?1, ?2)")?;
            for (model_id, (model, d)) in &derived {
                let ids: Vec<i64> = process_ids
                    .query_map([model_id], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for (index, (pid, process)) in ids.iter().zip(&model.processes).enumerate() {
                    upd_process.execute(params![pid, d.process_agency(index)])?;
                    for node in &process.flow_nodes {
                        upd_node.execute(params![model_id, node.id, d.node_agency(&node.id)])?;
                    }
                }
                for (lane, code) in &d.lanes {
                    upd_lane.execute(params![model_id, lane, code])?;
                }
                del_themes.execute([model_id])?;
                for t in &d.themes {
                    ins_theme.execute(params![model_id, t])?;
                }
            }
        }
        tx.commit()?;
        Ok(true)
    }

    fn sources(&self) -> Result<Vec<StoredSource>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, path, rel_path, source FROM models ORDER BY rel_path, path")?;
        let rows = st.query_map([], |r| {
            Ok(StoredSource {
                id: r.get(0)?,
                path: r.get(1)?,
                rel_path: r.get(2)?,
                source: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The repository as the analyses see it: every stored model re-parsed
    /// from its stored source (in parallel), named by its path relative to
    /// the registry folder or import root, with the stored registry.
    /// Models that no longer parse are left out; see
    /// [`Store::load_repository_with_errors`] to get their errors.
    pub fn load_repository(&self) -> Result<Repository, StoreError> {
        Ok(self.load_repository_with_errors()?.0)
    }

    /// Like [`Store::load_repository`], also returning the errors of stored
    /// models that no longer parse (possible only after a parser change).
    pub fn load_repository_with_errors(&self) -> Result<(Repository, Vec<ParseError>), StoreError> {
        self.load_repository_with(&LoadOptions::default())
    }

    /// Like [`Store::load_repository_with_errors`], with `opts` applied as
    /// each model is parsed: [`LoadOptions::analysis_only`] drops the diagram
    /// interchange at once (what `peta link` and the analysis commands use).
    /// The stored models are re-parsed [`LOAD_BATCH`] at a time (sources read
    /// from SQLite, then parsed in parallel and dropped), so the stored
    /// sources are never all in memory at once.
    pub fn load_repository_with(
        &self,
        opts: &LoadOptions,
    ) -> Result<(Repository, Vec<ParseError>), StoreError> {
        let diagrams = opts.diagrams;
        let names: Vec<(i64, String, String)> = self
            .conn
            .prepare("SELECT id, path, rel_path FROM models ORDER BY rel_path, path")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let registry = self.registry()?;
        // Two roots may hold the same relative name: those keep their full path.
        let mut count = std::collections::HashMap::new();
        for (_, _, rel) in &names {
            *count.entry(rel.as_str()).or_insert(0usize) += 1;
        }
        let parse = ParseOptions::default();
        let mut source_of = self
            .conn
            .prepare("SELECT source FROM models WHERE id = ?1")?;
        let mut models = Vec::with_capacity(names.len());
        let mut errors = Vec::new();
        for batch in names.chunks(LOAD_BATCH) {
            let sources: Vec<Vec<u8>> = batch
                .iter()
                .map(|(id, _, _)| source_of.query_row([id], |r| r.get(0)))
                .collect::<Result<_, _>>()?;
            let parsed: Vec<Result<RepoModel, ParseError>> = batch
                .par_iter()
                .zip(sources.par_iter())
                .map(|((_, path, rel_path), source)| {
                    let name = if count.get(rel_path.as_str()).copied().unwrap_or(0) > 1 {
                        path.replace('\\', "/")
                    } else {
                        rel_path.clone()
                    };
                    let mut model = peta_bpmn::parse_bytes(&key_of(&name), path, source, &parse)?;
                    model.key = key_of(&name);
                    if !diagrams {
                        model.diagrams = Vec::new();
                    }
                    Ok(RepoModel { path: name, model })
                })
                .collect();
            for p in parsed {
                match p {
                    Ok(m) => models.push(m),
                    Err(e) => errors.push(e),
                }
            }
        }
        let mut repo = Repository::from_models(models, registry);
        repo.root = self.root()?;
        Ok((repo, errors))
    }

    /// The folder model paths are relative to: the root shared by every
    /// stored model, else empty.
    fn root(&self) -> Result<PathBuf, StoreError> {
        let roots: Vec<Option<String>> = self
            .conn
            .prepare("SELECT DISTINCT root FROM models LIMIT 2")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(match roots.as_slice() {
            [Some(r)] => PathBuf::from(r),
            _ => PathBuf::new(),
        })
    }
}
