//! Incremental import: discover, hash (parallel), skip unchanged, parse
//! changed files (parallel), write each file in its own transaction (one
//! writer), prune files that are gone.
//!
//! A file that fails to parse is recorded in `import_failures` with its
//! diagnostics. If an earlier version of the same file was imported, that
//! good version stays in the store (analyses keep using it) until a version
//! that parses replaces it; `status` lists the failure either way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use peta_bpmn::{Diagnostic, ParseError, ParseOptions};
use rayon::prelude::*;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use peta_registry::Registry;

use crate::derive::{Context, Derived};
use crate::write::{self, FileRow};
use crate::{Store, StoreError, NOW_SQL};

/// File name endings picked up when a directory is walked (case-insensitive;
/// hidden files and folders are skipped). `.xml` files are taken only when
/// they mention the BPMN 2.0 model namespace near their start. A file named
/// explicitly is imported whatever its name.
pub const BPMN_EXTENSIONS: &[&str] = &[".bpmn", ".bpmn2", ".xml"];

/// The BPMN 2.0 model namespace, looked for at the start of `.xml` files.
const BPMN_NAMESPACE: &[u8] = b"http://www.omg.org/spec/BPMN/20100524/MODEL";

/// Files parsed together before their results go to the writer: big
/// enough to keep every core busy, small enough to bound memory.
const PARSE_CHUNK: usize = 32;

/// What `import` does besides importing.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Remove models whose files no longer exist.
    pub prune: bool,
    /// Parser limits.
    pub parse: ParseOptions,
    /// The registry folder (agencies.toml, themes.toml). When given, the
    /// stored registry is replaced by it (and the agencies and themes of
    /// stored models recomputed if it changed), and paths under it are
    /// stored relative to it so theme globs apply. When absent, the stored
    /// registry is used.
    pub registry_dir: Option<PathBuf>,
}

/// Progress of an import, for a progress bar.
#[derive(Debug, Clone)]
pub enum ImportEvent {
    /// Files found under the given paths.
    Discovered(usize),
    /// One more file hashed.
    Hashed,
    /// Hashing done: this many files are new or changed and will be parsed.
    ToImport(usize),
    /// One file written (or recorded as failed).
    Imported(String),
}

/// A file that could not be imported.
#[derive(Debug, Clone)]
pub struct FailedFile {
    /// The path as found (canonical when it exists).
    pub path: String,
    pub diagnostics: Vec<Diagnostic>,
    /// The transcoded source, when it could be read, for caret rendering.
    pub source_text: Option<String>,
    /// An earlier good version of this file is still in the store.
    pub kept_previous: bool,
    /// `false` when the file is unchanged since an earlier run that already
    /// failed on it (it was not parsed again).
    pub new: bool,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Files seen for the first time and stored.
    pub added: Vec<String>,
    /// Files whose content changed and were stored again.
    pub replaced: Vec<String>,
    /// Files skipped because their content hash is unchanged (files that
    /// still fail are in `failed` instead, with `new == false`).
    pub unchanged: usize,
    /// `.xml` files skipped because they are not BPMN.
    pub not_bpmn: usize,
    /// Whether the registry given differed from the stored one (agencies
    /// and themes of stored models were recomputed).
    pub registry_changed: bool,
    /// Models removed because their files are gone (`prune`).
    pub pruned: Vec<String>,
    /// Files that could not be imported, with diagnostics.
    pub failed: Vec<FailedFile>,
}

impl ImportReport {
    /// Whether the import changed the store.
    pub fn changed(&self) -> bool {
        self.registry_changed
            || !self.added.is_empty()
            || !self.replaced.is_empty()
            || !self.pruned.is_empty()
            || self.failed.iter().any(|f| f.new)
    }
}

/// A file to consider: where it is and what it is called in the store.
#[derive(Debug, Clone)]
struct Candidate {
    path: PathBuf,
    /// `path` as stored (canonical, lossy UTF-8).
    id: String,
    /// Found by walking a folder (not named explicitly).
    walked: bool,
    rel: String,
    root: String,
}

/// A file read, hashed and parsed, on its way to the writer.
struct Parsed {
    cand: Candidate,
    bytes: Vec<u8>,
    hash: String,
    result: Result<(peta_bpmn::Model, Derived), ParseError>,
}

fn has_bpmn_extension(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    BPMN_EXTENSIONS.iter().any(|e| name.ends_with(e))
}

/// The model key for a relative path: the path without its extension (as
/// [`peta_analysis::Repository`] names models).
pub(crate) fn key_of(rel: &str) -> String {
    peta_analysis::strip_extension(rel).to_string()
}

/// Whether a walked `.xml` file should be skipped as not BPMN.
fn skip_as_not_bpmn(path: &Path, bytes: &[u8]) -> bool {
    let is_xml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    let head = &bytes[..bytes.len().min(4096)];
    is_xml
        && !head
            .windows(BPMN_NAMESPACE.len())
            .any(|w| w == BPMN_NAMESPACE)
}

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Walks a directory (not following symbolic links to directories),
/// collecting BPMN files in name order.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<FailedFile>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(io_failure(&dir.display().to_string(), &e));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if ft.is_dir() {
            walk(&path, out, errors);
        } else if (ft.is_file() || ft.is_symlink()) && has_bpmn_extension(&path) && path.is_file() {
            out.push(path);
        }
    }
}

fn io_failure(path: &str, e: &std::io::Error) -> FailedFile {
    let err = ParseError::io(path, e);
    FailedFile {
        path: path.to_string(),
        diagnostics: err.diagnostics,
        source_text: None,
        kept_previous: false,
        new: true,
    }
}

/// Finds the files under `roots` and names them.
fn discover(roots: &[PathBuf], registry_dir: Option<&Path>) -> (Vec<Candidate>, Vec<FailedFile>) {
    let registry_dir = registry_dir.and_then(|d| d.canonicalize().ok());
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for root in roots {
        let Ok(root_c) = root.canonicalize() else {
            errors.push(io_failure(
                &root.display().to_string(),
                &std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
            ));
            continue;
        };
        let walked = root_c.is_dir();
        let (files, base) = if walked {
            let mut files = Vec::new();
            walk(&root_c, &mut files, &mut errors);
            (files, root_c.clone())
        } else {
            let base = root_c.parent().map(Path::to_path_buf).unwrap_or_default();
            (vec![root_c.clone()], base)
        };
        for path in files {
            let path = path.canonicalize().unwrap_or(path);
            let id = path.to_string_lossy().into_owned();
            if !seen.insert(id.clone()) {
                continue;
            }
            // Relative to the registry folder when under it (theme globs are),
            // else to the folder given (or the file's folder).
            let (rel, root) = match registry_dir
                .as_deref()
                .and_then(|r| path.strip_prefix(r).ok().map(|p| (p, r)))
            {
                Some((p, r)) => (slash_path(p), r.to_path_buf()),
                None => (
                    path.strip_prefix(&base)
                        .map(slash_path)
                        .unwrap_or_else(|_| id.clone()),
                    base.clone(),
                ),
            };
            out.push(Candidate {
                path,
                id,
                walked,
                rel,
                root: root.to_string_lossy().into_owned(),
            });
        }
    }
    (out, errors)
}

fn hash_bytes(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Stored state of one path: the imported model's hash and name, and the
/// hash and diagnostics of a recorded failure.
#[derive(Default)]
struct Known {
    model: Option<(String, String)>,
    failure: Option<(String, String)>,
}

impl Store {
    /// Imports the BPMN files at `roots` (files, or directories walked for
    /// [`BPMN_EXTENSIONS`]). Unchanged files (same content hash) are
    /// skipped without writing; new and changed files are parsed in
    /// parallel and each is written in its own transaction, so an
    /// interrupted import never leaves half a model. See the module
    /// documentation for what happens to a file that fails.
    pub fn import(
        &mut self,
        roots: &[PathBuf],
        opts: &ImportOptions,
        progress: &(dyn Fn(ImportEvent) + Sync),
    ) -> Result<ImportReport, StoreError> {
        let mut report = ImportReport::default();
        let registry = match &opts.registry_dir {
            Some(dir) => {
                let r = Registry::load(dir).map_err(|e| StoreError::Registry(e.to_string()))?;
                report.registry_changed = self.set_registry(&r)?;
                r
            }
            None => self.registry()?,
        };
        let ctx = Context::new(&registry);
        let (cands, errors) = discover(roots, opts.registry_dir.as_deref());
        report.failed.extend(errors);
        progress(ImportEvent::Discovered(cands.len()));

        let known = self.known()?;
        // Hash every file in parallel; keep those that need work.
        let hashed: Vec<(Candidate, Result<Option<String>, std::io::Error>)> = cands
            .into_par_iter()
            .map(|c| {
                let h = std::fs::read(&c.path).map(|b| {
                    if c.walked && skip_as_not_bpmn(&c.path, &b) {
                        None
                    } else {
                        Some(hash_bytes(&b))
                    }
                });
                progress(ImportEvent::Hashed);
                (c, h)
            })
            .collect();
        let mut work = Vec::new();
        let mut clear_failures = Vec::new();
        for (cand, h) in hashed {
            let hash = match h {
                Ok(Some(h)) => h,
                Ok(None) => {
                    report.not_bpmn += 1;
                    continue;
                }
                Err(e) => {
                    report.failed.push(io_failure(&cand.id, &e));
                    continue;
                }
            };
            let k = known.get(&cand.id);
            let stored = k.and_then(|k| k.model.as_ref());
            let model_hash = stored.map(|(h, _)| h.as_str());
            // Same content under the same name: nothing to do. (A new registry
            // folder can rename a model; then it is stored again.)
            let same = stored.is_some_and(|(h, rel)| *h == hash && *rel == cand.rel);
            let failure = k.and_then(|k| k.failure.as_ref());
            match failure {
                Some((fh, diags)) if *fh == hash => {
                    report.failed.push(FailedFile {
                        path: cand.id.clone(),
                        diagnostics: serde_json::from_str(diags).unwrap_or_default(),
                        source_text: None,
                        kept_previous: model_hash.is_some(),
                        new: false,
                    });
                }
                _ if same => {
                    report.unchanged += 1;
                    if failure.is_some() {
                        // Back to the stored good version: the failure is history.
                        clear_failures.push(cand.id.clone());
                    }
                }
                _ => work.push(cand),
            }
        }
        progress(ImportEvent::ToImport(work.len()));
        if !clear_failures.is_empty() {
            let tx = self.conn.transaction()?;
            for p in &clear_failures {
                tx.execute("DELETE FROM import_failures WHERE path = ?1", [p])?;
            }
            tx.commit()?;
        }

        // Parse in parallel, chunk by chunk, on a producer thread; write on
        // this one, in input order.
        let parse_opts = &opts.parse;
        let ctx = &ctx;
        let result = std::thread::scope(|s| -> Result<(), StoreError> {
            let (tx, rx) = mpsc::sync_channel::<Vec<Parsed>>(1);
            let work = &work;
            s.spawn(move || {
                for chunk in work.chunks(PARSE_CHUNK) {
                    let parsed: Vec<Parsed> = chunk
                        .par_iter()
                        .map(|c| parse_one(c, parse_opts, ctx))
                        .collect();
                    if tx.send(parsed).is_err() {
                        return; // writer stopped
                    }
                }
            });
            for chunk in rx {
                for p in chunk {
                    let path = p.cand.id.clone();
                    self.write_one(p, &mut report)?;
                    progress(ImportEvent::Imported(path));
                }
            }
            Ok(())
        });
        result?;

        if opts.prune {
            self.prune(&mut report)?;
        }
        Ok(report)
    }

    /// Every stored path with its model and failure state.
    fn known(&self) -> Result<HashMap<String, Known>, StoreError> {
        let mut map: HashMap<String, Known> = HashMap::new();
        let mut st = self
            .conn
            .prepare("SELECT path, hash, rel_path FROM models")?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })?;
        for row in rows {
            let (path, hash, rel) = row?;
            map.entry(path).or_default().model = Some((hash, rel));
        }
        let mut st = self
            .conn
            .prepare("SELECT path, hash, diagnostics FROM import_failures")?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })?;
        for row in rows {
            let (path, hash, diags) = row?;
            map.entry(path).or_default().failure = Some((hash, diags));
        }
        Ok(map)
    }

    /// Writes one parsed file in its own transaction.
    fn write_one(&mut self, p: Parsed, report: &mut ImportReport) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read the current row: another process may have written meanwhile.
        let old: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, hash, rel_path FROM models WHERE path = ?1",
                [&p.cand.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match p.result {
            Ok((model, derived)) => {
                if old
                    .as_ref()
                    .is_some_and(|(_, h, rel)| *h == p.hash && *rel == p.cand.rel)
                {
                    tx.execute("DELETE FROM import_failures WHERE path = ?1", [&p.cand.id])?;
                    tx.commit()?;
                    report.unchanged += 1;
                    return Ok(());
                }
                if let Some((id, _, _)) = &old {
                    write::delete_model(&tx, *id)?;
                }
                let file = FileRow {
                    path: &p.cand.id,
                    rel_path: &p.cand.rel,
                    root: &p.cand.root,
                    hash: &p.hash,
                    bytes: &p.bytes,
                };
                write::insert_model(&tx, &file, &model, &derived)?;
                tx.execute("DELETE FROM import_failures WHERE path = ?1", [&p.cand.id])?;
                tx.commit()?;
                if old.is_some() {
                    report.replaced.push(p.cand.id);
                } else {
                    report.added.push(p.cand.id);
                }
            }
            Err(err) => {
                let diagnostics = serde_json::to_string(&err.diagnostics)?;
                tx.prepare_cached(&format!(
                    "INSERT INTO import_failures(path, hash, failed_at, diagnostics)
                     VALUES (?1, ?2, {NOW_SQL}, ?3)
                     ON CONFLICT(path) DO UPDATE SET hash = excluded.hash,
                         failed_at = excluded.failed_at, diagnostics = excluded.diagnostics"
                ))?
                .execute(params![p.cand.id, p.hash, diagnostics])?;
                tx.commit()?;
                report.failed.push(FailedFile {
                    path: p.cand.id,
                    diagnostics: err.diagnostics,
                    source_text: err.source_text,
                    kept_previous: old.is_some(),
                    new: true,
                });
            }
        }
        Ok(())
    }

    /// Removes models and failure records whose files no longer exist, in
    /// one transaction.
    fn prune(&mut self, report: &mut ImportReport) -> Result<(), StoreError> {
        let gone_models: Vec<(i64, String)> = {
            let mut st = self
                .conn
                .prepare("SELECT id, path FROM models ORDER BY path")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?;
            rows.filter(|r| {
                r.as_ref()
                    .map(|(_, p)| !Path::new(p).is_file())
                    .unwrap_or(true)
            })
            .collect::<Result<_, _>>()?
        };
        let gone_failures: Vec<String> = {
            let mut st = self.conn.prepare("SELECT path FROM import_failures")?;
            let rows = st.query_map([], |r| r.get::<_, String>(0))?;
            rows.filter(|r| r.as_ref().map(|p| !Path::new(p).is_file()).unwrap_or(true))
                .collect::<Result<_, _>>()?
        };
        if gone_models.is_empty() && gone_failures.is_empty() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (id, path) in gone_models {
            write::delete_model(&tx, id)?;
            report.pruned.push(path);
        }
        for path in gone_failures {
            tx.execute("DELETE FROM import_failures WHERE path = ?1", [&path])?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Reads, hashes and parses one file.
fn parse_one(c: &Candidate, opts: &ParseOptions, ctx: &Context<'_>) -> Parsed {
    let file = c.id.clone();
    let bytes = match std::fs::read(&c.path) {
        Ok(b) => b,
        Err(e) => {
            return Parsed {
                cand: c.clone(),
                bytes: Vec::new(),
                hash: String::new(),
                result: Err(ParseError::io(&file, &e)),
            }
        }
    };
    let hash = hash_bytes(&bytes);
    let result = if bytes.len() as u64 > opts.max_file_size {
        Err(ParseError::new(
            &file,
            format!(
                "file is {} bytes, over the {} byte limit",
                bytes.len(),
                opts.max_file_size
            ),
        ))
    } else {
        peta_bpmn::parse_bytes(&key_of(&c.rel), &file, &bytes, opts).map(|mut model| {
            model.key = key_of(&c.rel);
            ctx.derive(&c.rel, model)
        })
    };
    Parsed {
        cand: c.clone(),
        bytes,
        hash,
        result,
    }
}
