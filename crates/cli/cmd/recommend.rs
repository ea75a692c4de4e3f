//! `peta recommend [PATH...|--db PATH] [--registry DIR] [--theme CODE] [--top N] [--format md|json|csv] [--lang id|en]`:
//! the ranked consolidation recommendations (shared services, integrations,
//! data interconnections, process standardisation, ping-pong removal) with
//! their evidence and rationale.

use std::process::ExitCode;

use peta_analysis::report::{self, Lang};
use peta_analysis::AnalysisOptions;

use crate::repo;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub source: repo::Source,
    /// Only recommendations about the models of this theme.
    #[arg(long, value_name = "CODE")]
    pub theme: Option<String>,
    /// Show the N best (0 = all).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub top: usize,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Report language: id (Bahasa Indonesia) or en.
    #[arg(long, default_value = "id")]
    pub lang: Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let repo = repo::load(&args.source, &peta_analysis::LoadOptions::analysis_only())?;
    let theme = repo::theme_code(&repo, args.theme.as_deref())?;
    let mut analysis = repo::analysis(&args.source, &repo, &AnalysisOptions { theme })?;
    if args.top > 0 {
        analysis.recommendations.truncate(args.top);
    }
    let recs = &analysis.recommendations;
    let out = match args.format {
        Format::Md => report::recommendations_markdown(recs, args.lang),
        Format::Json => serde_json::to_string_pretty(recs)? + "\n",
        Format::Csv => {
            let only = peta_analysis::Analysis {
                recommendations: recs.clone(),
                ..Default::default()
            };
            report::csv(&only)
        }
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
