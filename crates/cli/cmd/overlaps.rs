//! `peta overlaps --agency CODE [PATH...|--db PATH] [--registry DIR] [--theme CODE] [--format md|json] [--lang id|en]`:
//! what one agency asks — each of its activities that other agencies also
//! perform (who, in which process), its handoffs in and out, and the
//! recommendations it is part of.

use std::process::ExitCode;

use peta_analysis::report::{self, Lang};
use peta_analysis::{overlaps, AnalysisOptions};

use crate::repo;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agency's code (from agencies.toml), or any of its names.
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    #[command(flatten)]
    pub source: repo::Source,
    /// Look only at the models of this theme.
    #[arg(long, value_name = "CODE")]
    pub theme: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Report language: id (Bahasa Indonesia) or en.
    #[arg(long, default_value = "id")]
    pub lang: Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let repo = repo::load(&args.source, &peta_analysis::LoadOptions::analysis_only())?;
    let theme = repo::theme_code(&repo, args.theme.as_deref())?;
    let code = match repo.registry.resolve(&args.agency) {
        Some(a) => a.code.clone(),
        None if repo.registry.agencies.is_empty() => args.agency.trim().to_string(),
        None => {
            let known: Vec<&str> = repo
                .registry
                .agencies
                .iter()
                .map(|a| a.code.as_str())
                .collect();
            anyhow::bail!(
                "unknown agency `{}`; known agencies: {}",
                args.agency,
                known.join(", ")
            )
        }
    };
    let analysis = repo::analysis(&args.source, &repo, &AnalysisOptions { theme })?;
    let ov = overlaps(&analysis, &code);
    let out = match args.format {
        Format::Md => report::overlaps_markdown(&ov, args.lang),
        Format::Json => serde_json::to_string_pretty(&ov)? + "\n",
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
