//! `peta atlas`: render the offline HTML process atlas.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use peta_analysis::AnalysisOptions;
use peta_atlas::{Lang, Options};

use crate::repo;

/// Render the offline HTML process atlas (open `<out>/index.html` in a browser).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub source: repo::Source,
    /// Output folder. Replaced if it holds an atlas written before; refused if
    /// it holds anything else.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Interface language: `id` (Bahasa Indonesia) or `en` (English).
    #[arg(long, default_value = "id", value_parser = ["id", "en"])]
    pub lang: String,
    /// Only this theme's models (theme code from themes.toml).
    #[arg(long, value_name = "CODE")]
    pub theme: Option<String>,
    /// Folder whose files replace the built-in templates, style.css, atlas.js
    /// and i18n/<lang>.toml of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let repo = repo::load(&args.source, &peta_analysis::LoadOptions::default())?;
    let theme = repo::theme_code(&repo, args.theme.as_deref())?;
    let started = std::time::Instant::now();
    let opts = AnalysisOptions {
        theme: theme.clone(),
    };
    let analysis = repo::analysis(&args.source, &repo, &opts)?;
    let mut input = peta_atlas::input_from_analysis(&repo, &analysis, lang);
    // the header shows the catalogue's site title
    input.title = String::new();
    let options = Options {
        out: args.out.clone(),
        lang,
        theme,
        templates: args.templates.clone(),
    };
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} rendering pages {bar:40} {pos}/{len} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let mut progress = |done: usize, total: usize| {
        if let Some(b) = &bar {
            b.set_length(total as u64);
            b.set_position(done as u64);
        }
    };
    let analysed = started.elapsed();
    let started = std::time::Instant::now();
    let summary = peta_atlas::render(&input, &options, &mut progress)?;
    let rendered = started.elapsed();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    println!(
        "wrote {} pages for {} models to {} (analysis {:.1} s, rendering {:.1} s)\nopen {} in a browser (works offline, from disk)",
        summary.pages,
        input.models.len(),
        summary.out.display(),
        analysed.as_secs_f64(),
        rendered.as_secs_f64(),
        summary.out.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}
