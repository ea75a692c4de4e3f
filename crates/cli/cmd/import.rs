//! `peta import PATH... [--db PATH] [--registry DIR] [--prune]`: content-hashed,
//! incremental import of BPMN files into the repository (SQLite).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use peta_store::{FailedFile, ImportEvent, ImportOptions, Store};

use super::search::emit;

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
    #[arg(long)]
    pub registry: Option<PathBuf>,
    /// Remove models whose files no longer exist.
    #[arg(long)]
    pub prune: bool,
}

/// The registry folder to use: the one given, else the first path when it
/// holds a registry file.
fn registry_dir(args: &Args) -> Option<PathBuf> {
    if args.registry.is_some() {
        return args.registry.clone();
    }
    let first = args.paths.first()?;
    let has = |f: &str| first.join(f).is_file();
    (first.is_dir() && (has("agencies.toml") || has("themes.toml"))).then(|| first.clone())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let opts = ImportOptions {
        prune: args.prune,
        registry_dir: registry_dir(&args),
        ..Default::default()
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) =
            ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} ({eta} left)")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    });
    let progress = |e: ImportEvent| {
        let Some(bar) = &bar else { return };
        match e {
            ImportEvent::Discovered(n) => {
                bar.set_length(n as u64);
                bar.set_message("hashing");
            }
            ImportEvent::Hashed | ImportEvent::Imported(_) => bar.inc(1),
            ImportEvent::ToImport(n) => {
                bar.set_position(0);
                bar.set_length(n as u64);
                bar.set_message("importing");
            }
        }
    };
    let report = store.import(&args.paths, &opts, &progress)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    for f in &report.failed {
        print_failure(f);
    }
    writeln!(
        out,
        "{}: {} added, {} replaced, {} unchanged, {} pruned, {} failed{}",
        args.db.display(),
        report.added.len(),
        report.replaced.len(),
        report.unchanged,
        report.pruned.len(),
        report.failed.len(),
        if report.registry_changed {
            " (registry updated)"
        } else {
            ""
        }
    )?;
    emit(&out)?;
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_failure(f: &FailedFile) {
    let state = match (f.new, f.kept_previous) {
        (_, true) => " (the previous version stays in the repository)",
        (false, false) => " (unchanged since it last failed)",
        (true, false) => "",
    };
    let file = display(&f.path);
    eprintln!("error: {file} could not be imported{state}");
    let err = peta_bpmn::ParseError {
        file,
        diagnostics: f.diagnostics.clone(),
        source_text: f.source_text.clone(),
    };
    eprint!("{}", crate::diagnostics::render(&err));
}

/// A path as the user sees it: relative to the current folder when under it.
fn display(p: &str) -> String {
    let path = Path::new(p);
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
