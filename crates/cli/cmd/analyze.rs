//! `peta analyze PATH... [--registry DIR] [--theme CODE] [--format md|json|csv] [--lang id|en] [--db PATH]`:
//! the summary, inter-agency handoffs, duplication, repeated data requests and
//! ranked recommendations of a repository or one theme.
//!
//! Markdown (default) is in Bahasa Indonesia unless `--lang en`. JSON is the
//! whole [`peta_analysis::Analysis`]; model paths are relative to the PATH
//! they were found under. Exit code 0 on success (files that fail to import
//! are reported on stderr and left out), 1 on errors.

use std::process::ExitCode;

use peta_analysis::report::{self, Lang};
use peta_analysis::AnalysisOptions;

use crate::repo;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown report.
    Md,
    /// The whole analysis as JSON.
    Json,
    /// One CSV table (handoffs, shared activities, data requests, recommendations).
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub source: repo::Source,
    /// Analyse only the models of this theme (code from themes.toml).
    #[arg(long, value_name = "CODE")]
    pub theme: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Report language: id (Bahasa Indonesia) or en.
    #[arg(long, default_value = "id")]
    pub lang: Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let repo = repo::load(&args.source, &peta_analysis::LoadOptions::analysis_only())?;
    let theme = repo::theme_code(&repo, args.theme.as_deref())?;
    let analysis = repo::analysis(&args.source, &repo, &AnalysisOptions { theme })?;
    let out = match args.format {
        Format::Md => report::markdown(&analysis, &repo.registry, args.lang),
        Format::Json => serde_json::to_string_pretty(&analysis)? + "\n",
        Format::Csv => report::csv(&analysis),
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
