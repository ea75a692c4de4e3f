//! A repository: the parsed models under one or more paths, plus the registry.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use peta_bpmn::{Model, ParseError, ParseOptions};
use peta_registry::Registry;
use serde::{Deserialize, Serialize};

/// File extensions read as BPMN when walking a folder.
pub const BPMN_EXTENSIONS: &[&str] = &["bpmn", "bpmn2", "xml"];
/// Folders never walked (besides hidden ones).
pub const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// One model and where it lives.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RepoModel {
    /// Path relative to the repository root (or to the path the user gave),
    /// `/` separators, with extension: `asn-ikn/bkn-penetapan-nip.bpmn`.
    pub path: String,
    /// The parsed model; its `key` is `path` without the extension.
    pub model: Model,
}

/// What [`Repository::load_with`] keeps of each parsed file.
///
/// The default keeps everything; [`LoadOptions::analysis_only`] drops what
/// [`crate::analyze`] never reads, so that a national-scale repository
/// (100,000 models) fits in memory with room to spare for the matcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Keep the diagram interchange ([`peta_bpmn::Model::diagrams`]: BPMN DI
    /// shapes, edges and waypoints). The atlas and the layout checks need it;
    /// the analyses and the matcher do not. When `false` it is dropped right
    /// after each file is parsed (on the parsing thread), so it never
    /// accumulates; the diagnostics the parser derived from it are kept.
    pub diagrams: bool,
}

impl Default for LoadOptions {
    /// Keeps everything (as [`Repository::load`]).
    fn default() -> Self {
        LoadOptions { diagrams: true }
    }
}

impl LoadOptions {
    /// Only what [`crate::analyze`] (and the matcher) read: no diagram
    /// interchange. An analysis of a repository loaded this way is identical
    /// to one of a full load.
    pub fn analysis_only() -> Self {
        LoadOptions { diagrams: false }
    }
}

/// Every model of a repository and the registry that names their agencies.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Repository {
    /// The folder model paths are relative to.
    pub root: PathBuf,
    /// Sorted by path.
    pub models: Vec<RepoModel>,
    pub registry: Registry,
}

impl Repository {
    /// Reads every BPMN file under `paths` (folders are walked for `.bpmn`
    /// and `.bpmn2` files, and `.xml` files whose first 4 KiB mention the
    /// BPMN 2.0 namespace; hidden folders, `target` and `node_modules` are
    /// skipped; files named directly are always read) and parses them in
    /// parallel. The registry comes from
    /// `registry_dir`, else from the first path when it is a folder.
    ///
    /// Model paths are relative to the registry folder for files inside it,
    /// else to the PATH they were found under (see [`Repository::load_models_under`]).
    ///
    /// Files that fail to parse come back as errors beside the repository;
    /// one bad file never stops the others. A registry that cannot be read is
    /// reported as a [`ParseError`] naming `agencies.toml`/`themes.toml` and
    /// the repository gets an empty registry.
    pub fn load(paths: &[PathBuf], registry_dir: Option<&Path>) -> (Repository, Vec<ParseError>) {
        Self::load_with(paths, registry_dir, &LoadOptions::default())
    }

    /// [`Repository::load`], keeping of each model what `opts` says (e.g.
    /// [`LoadOptions::analysis_only`] to drop the diagram interchange).
    pub fn load_with(
        paths: &[PathBuf],
        registry_dir: Option<&Path>,
        opts: &LoadOptions,
    ) -> (Repository, Vec<ParseError>) {
        let dir = Self::registry_dir(paths, registry_dir);
        let (mut repo, mut errors) = Self::load_models_under_with(paths, dir.as_deref(), opts);
        if let Some(dir) = dir {
            match Registry::load(&dir) {
                Ok(r) => repo.registry = r,
                Err(e) => errors.insert(0, ParseError::new("registry", e.to_string())),
            }
        }
        (repo, errors)
    }

    /// The registry folder [`Repository::load`] reads: `registry_dir`, else
    /// the first path when it is a folder.
    pub fn registry_dir(paths: &[PathBuf], registry_dir: Option<&Path>) -> Option<PathBuf> {
        registry_dir
            .map(Path::to_path_buf)
            .or_else(|| paths.first().filter(|p| p.is_dir()).cloned())
    }

    /// Reads and parses the BPMN files under `paths` (as [`Repository::load`])
    /// into a repository with an empty registry; model paths are relative to
    /// the path each file was found under.
    pub fn load_models(paths: &[PathBuf]) -> (Repository, Vec<ParseError>) {
        Self::load_models_under(paths, None)
    }

    /// Like [`Repository::load_models`], but a file inside `registry_dir` is
    /// named by its path relative to that folder, so that the theme globs of
    /// `themes.toml` (written relative to it) apply whatever PATH was given.
    /// With the default registry folder (the first PATH) this changes nothing.
    pub fn load_models_under(
        paths: &[PathBuf],
        registry_dir: Option<&Path>,
    ) -> (Repository, Vec<ParseError>) {
        Self::load_models_under_with(paths, registry_dir, &LoadOptions::default())
    }

    /// [`Repository::load_models_under`], keeping of each model what `opts`
    /// says.
    pub fn load_models_under_with(
        paths: &[PathBuf],
        registry_dir: Option<&Path>,
        opts: &LoadOptions,
    ) -> (Repository, Vec<ParseError>) {
        let base = registry_dir.and_then(|d| d.canonicalize().ok());
        let name = |file: &Path, fallback: String| -> String {
            base.as_ref()
                .and_then(|b| {
                    let abs = file.canonicalize().ok()?;
                    abs.starts_with(b).then(|| relative(&abs, b))
                })
                .unwrap_or(fallback)
        };
        let root = match paths.first() {
            Some(p) if p.is_dir() => p.clone(),
            Some(p) => p
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
            None => PathBuf::from("."),
        };
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        let mut seen = BTreeSet::new();
        let mut errors = Vec::new();
        for given in paths {
            if given.is_dir() {
                let mut found = Vec::new();
                walk(given, &mut found, &mut errors);
                found.sort();
                for f in found {
                    let rel = name(&f, relative(&f, given));
                    push_unique(&mut files, &mut seen, f, rel);
                }
            } else if given.exists() {
                let rel = given
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| given.display().to_string());
                let rel = name(given, rel);
                push_unique(&mut files, &mut seen, given.clone(), rel);
            } else {
                errors.push(ParseError::new(
                    &given.display().to_string(),
                    "no such file or folder",
                ));
            }
        }
        let parsed = parse(&files, opts);
        let mut models = Vec::new();
        for ((_, rel), result) in files.into_iter().zip(parsed) {
            match result {
                Ok(mut model) => {
                    model.key = strip_extension(&rel).to_string();
                    models.push(RepoModel { path: rel, model });
                }
                Err(e) => errors.push(e),
            }
        }
        models.sort_by(|a, b| a.path.cmp(&b.path));
        let repo = Repository {
            root,
            models,
            registry: Registry::default(),
        };
        (repo, errors)
    }

    /// A repository from models already in memory (tests, the store).
    pub fn from_models(models: Vec<RepoModel>, registry: Registry) -> Repository {
        let mut models = models;
        models.sort_by(|a, b| a.path.cmp(&b.path));
        Repository {
            root: PathBuf::new(),
            models,
            registry,
        }
    }

    /// The model stored under this repository-relative path.
    pub fn model(&self, path: &str) -> Option<&RepoModel> {
        self.models
            .binary_search_by(|m| m.path.as_str().cmp(path))
            .ok()
            .and_then(|i| self.models.get(i))
    }
}

/// Parses `files` in parallel (as [`peta_bpmn::parse_files`]), trimming each
/// model as `opts` says on the thread that parsed it.
fn parse(files: &[(PathBuf, String)], opts: &LoadOptions) -> Vec<Result<Model, ParseError>> {
    use rayon::prelude::*;
    let parse_opts = ParseOptions::default();
    if opts.diagrams {
        let abs: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
        return peta_bpmn::parse_files(&abs, &parse_opts);
    }
    files
        .par_iter()
        .map(|(path, _)| {
            peta_bpmn::parse_file(path, &parse_opts).map(|mut model| {
                // Free the shapes, edges and waypoints now, not after every
                // other file is parsed.
                model.diagrams = Vec::new();
                model
            })
        })
        .collect()
}

fn push_unique(
    files: &mut Vec<(PathBuf, String)>,
    seen: &mut BTreeSet<String>,
    file: PathBuf,
    rel: String,
) {
    let rel = if seen.contains(&rel) {
        // Two given paths hold the same relative name: fall back to the path
        // as written so both stay distinct.
        file.to_string_lossy().replace('\\', "/")
    } else {
        rel
    };
    if seen.insert(rel.clone()) {
        files.push((file, rel));
    }
}

/// `path` relative to `base`, `/`-separated.
fn relative(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The path without its last extension.
pub fn strip_extension(path: &str) -> &str {
    match path.rfind('.') {
        Some(dot) if !path[dot..].contains('/') && dot > path.rfind('/').map_or(0, |s| s + 1) => {
            &path[..dot]
        }
        _ => path,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<ParseError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ParseError::io(&dir.display().to_string(), &e));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || (ft.is_dir() && SKIPPED_DIRS.contains(&name.as_str())) {
            continue;
        }
        if ft.is_dir() {
            walk(&path, out, errors);
        } else if ft.is_file()
            && has_bpmn_extension(&path)
            && (!is_xml(&path) || looks_like_bpmn(&path))
        {
            out.push(path);
        }
    }
}

fn has_bpmn_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| BPMN_EXTENSIONS.contains(&e.as_str()))
}

fn is_xml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// Whether a file mentions the BPMN 2.0 model namespace in its first 4 KiB.
fn looks_like_bpmn(path: &Path) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut buf))
        .unwrap_or(0);
    peta_bpmn::source_text(&buf[..n]).contains(peta_bpmn::BPMN_NS)
}

#[cfg(test)]
mod tests {
    use super::strip_extension;

    #[test]
    fn strips_only_the_file_extension() {
        assert_eq!(strip_extension("a/b.bpmn"), "a/b");
        assert_eq!(strip_extension("a.x/b"), "a.x/b");
        assert_eq!(strip_extension("a/b.v2.bpmn"), "a/b.v2");
        assert_eq!(strip_extension("a/.hidden"), "a/.hidden");
        assert_eq!(strip_extension("b"), "b");
    }
}
