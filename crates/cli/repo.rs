//! Loading a repository for the analysis commands (`analyze`, `overlaps`,
//! `recommend`) and the atlas: from paths (parsed in memory) or from a store
//! (`--db`).

use std::path::PathBuf;

use anyhow::Context as _;
use peta_analysis::{LoadOptions, Repository};
use peta_registry::Registry;

use crate::diagnostics;

/// Where the models come from: `PATH...` or `--db PATH`.
#[derive(Debug, Clone, clap::Args)]
pub struct Source {
    /// BPMN files, or folders walked for .bpmn, .bpmn2 and BPMN .xml files.
    /// Model paths in the output are relative to the registry folder for files
    /// inside it (so theme globs apply), else to the PATH they were found under.
    pub paths: Vec<PathBuf>,
    /// Folder holding agencies.toml and themes.toml (default: the first PATH
    /// when it is a folder).
    #[arg(long, value_name = "DIR")]
    pub registry: Option<PathBuf>,
    /// Read the models from a Peta store (see `peta import`) instead of PATHs.
    #[arg(long, value_name = "PATH", conflicts_with = "paths")]
    pub db: Option<PathBuf>,
}

/// Loads the repository. Files that fail to import are reported on stderr
/// (file, line, column) and left out; a registry that cannot be read, a
/// missing path or an empty selection is an error. `opts` says what to keep:
/// the analysis commands load with [`LoadOptions::analysis_only`] (no diagram
/// interchange), the atlas with the default (it draws the diagrams).
pub fn load(src: &Source, opts: &LoadOptions) -> anyhow::Result<Repository> {
    if let Some(db) = &src.db {
        let store = peta_store::Store::open_existing(db)
            .with_context(|| format!("cannot open the store {}", db.display()))?;
        let (mut repo, _) = store
            .load_repository_with(opts)
            .with_context(|| format!("cannot read the repository from {}", db.display()))?;
        if let Some(dir) = &src.registry {
            repo.registry = load_registry(dir)?;
        }
        return Ok(repo);
    }
    if src.paths.is_empty() {
        anyhow::bail!("give one or more PATHs to BPMN files or folders, or --db PATH");
    }
    for p in &src.paths {
        if !p.exists() {
            anyhow::bail!("{}: no such file or folder", p.display());
        }
    }
    let dir = Repository::registry_dir(&src.paths, src.registry.as_deref());
    let registry = match &dir {
        Some(dir) => load_registry(dir)?,
        None => Registry::default(),
    };
    let (mut repo, errors) = Repository::load_models_under_with(&src.paths, dir.as_deref(), opts);
    repo.registry = registry;
    for e in &errors {
        eprint!("{}", diagnostics::render(e));
    }
    if !errors.is_empty() {
        eprintln!(
            "warning: {} file(s) could not be imported and are left out of the analysis",
            errors.len()
        );
    }
    if repo.models.is_empty() {
        anyhow::bail!("no BPMN model could be read from the given paths");
    }
    Ok(repo)
}

/// The analysis `peta link` saved in the store, when the source is a store
/// (`--db`, without a `--registry` override) and that analysis is current for
/// `opts` (no model, registry or parameter changed since): reading it back
/// spares re-running the matcher. `None` otherwise: the caller analyses.
pub fn stored_analysis(
    src: &Source,
    opts: &peta_analysis::AnalysisOptions,
) -> anyhow::Result<Option<peta_analysis::Analysis>> {
    let (Some(db), None) = (&src.db, &src.registry) else {
        return Ok(None);
    };
    let store = peta_store::Store::open_existing(db)
        .with_context(|| format!("cannot open the store {}", db.display()))?;
    let params = peta_store::LinkParams {
        analysis: opts.clone(),
        ..Default::default()
    };
    if !store.link_is_current(&params)? {
        return Ok(None);
    }
    // A stored analysis from another peta version is recomputed, not an error.
    Ok(store.load_analysis().unwrap_or(None))
}

/// The analysis of `repo` for `opts`: the one `peta link` saved when it is
/// current (see [`stored_analysis`]; said on stderr), else computed now.
pub fn analysis(
    src: &Source,
    repo: &Repository,
    opts: &peta_analysis::AnalysisOptions,
) -> anyhow::Result<peta_analysis::Analysis> {
    Ok(match stored_analysis(src, opts)? {
        Some(saved) => {
            eprintln!(
                "using the analysis saved by `peta link` (the repository has not changed since)"
            );
            saved
        }
        None => peta_analysis::analyze(repo, opts),
    })
}

fn load_registry(dir: &std::path::Path) -> anyhow::Result<Registry> {
    if !dir.is_dir() {
        anyhow::bail!("{}: the registry folder does not exist", dir.display());
    }
    Ok(Registry::load(dir)?)
}

/// Checks a `--theme` against the registry; returns the canonical code.
pub fn theme_code(repo: &Repository, theme: Option<&str>) -> anyhow::Result<Option<String>> {
    let Some(code) = theme else { return Ok(None) };
    match repo.registry.theme(code) {
        Some(t) => Ok(Some(t.code.clone())),
        None => {
            let known: Vec<&str> = repo
                .registry
                .themes
                .iter()
                .map(|t| t.code.as_str())
                .collect();
            if known.is_empty() {
                anyhow::bail!(
                    "unknown theme `{code}`: the registry defines no themes (themes.toml)"
                )
            }
            anyhow::bail!("unknown theme `{code}`; known themes: {}", known.join(", "))
        }
    }
}
