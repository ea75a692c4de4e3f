//! `peta build PATH... [--db PATH] --out DIR`: the main job in one command.
//! Imports the models into the repository (the embedded SQLite store,
//! `peta.db` by default; incremental: unchanged files are skipped), re-links
//! it when anything changed, and renders the atlas from the store. A file
//! that fails to import is reported and left out; the atlas is still built
//! from the others, and the exit code is then 1.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{atlas, import, link};
use crate::repo;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// BPMN files, or folders walked for .bpmn, .bpmn2 and .xml files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The repository file (created if absent).
    #[arg(long, default_value = "peta.db")]
    pub db: PathBuf,
    /// Folder holding agencies.toml and themes.toml (default: the first PATH
    /// when it is a folder holding one of them; else the stored registry).
    #[arg(long, value_name = "DIR")]
    pub registry: Option<PathBuf>,
    /// Remove models whose files no longer exist.
    #[arg(long)]
    pub prune: bool,
    /// Atlas output folder. Replaced if it holds an atlas written before;
    /// refused if it holds anything else.
    #[arg(long, short, value_name = "DIR", default_value = "atlas")]
    pub out: PathBuf,
    /// Interface language: `id` (Bahasa Indonesia) or `en` (English).
    #[arg(long, default_value = "id", value_parser = ["id", "en"])]
    pub lang: String,
    /// Only this theme's models in the atlas (theme code from themes.toml).
    #[arg(long, value_name = "CODE")]
    pub theme: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let imported = import::run(import::Args {
        paths: args.paths,
        db: args.db.clone(),
        registry: args.registry,
        prune: args.prune,
    })?;
    link::run(link::Args {
        db: args.db.clone(),
        force: false,
    })?;
    let rendered = atlas::run(atlas::Args {
        source: repo::Source {
            paths: Vec::new(),
            registry: None,
            db: Some(args.db),
        },
        out: args.out,
        lang: args.lang,
        theme: args.theme,
        templates: None,
    })?;
    Ok(if rendered != ExitCode::SUCCESS {
        rendered
    } else {
        imported
    })
}
