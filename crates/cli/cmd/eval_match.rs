//! `peta eval-match --models DIR --gold DIR [--format text|json]`: runs the
//! matcher on every pair of models that has a gold alignment (Alignment API
//! RDF/XML, OAEI: `A-B.rdf`, cells `http://<Model>#<id>` with relation `=`)
//! and prints precision, recall and F1 per pair, micro and macro averaged.
//!
//! JSON: `{"pairs": [{"gold", "source", "target", "counts": {"tp","fp","fn"},
//! "scores": {"precision","recall","f1"}}], "micro": {...}, "macro": {...}}`.
//! A pair whose model or gold file cannot be read carries an `error` and is
//! left out of the averages; the exit code is then 1.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of the models (`<Model>.bpmn`).
    #[arg(long)]
    pub models: PathBuf,
    /// Folder of the gold alignments (`A-B.rdf`).
    #[arg(long)]
    pub gold: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// An extra lexicon file (TOML, same format as crates/text/data/*.toml).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let matcher = super::matching::matcher(args.lexicon.as_deref())?;
    let report = peta_matching::eval::evaluate_gold_dir(&matcher, &args.models, &args.gold)?;
    if report.pairs.is_empty() {
        anyhow::bail!("no gold file (*.rdf) in {}", args.gold.display());
    }
    let failed = report.pairs.iter().filter(|p| p.error.is_some()).count();
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Text => {
            println!(
                "{:<40} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
                "pair", "tp", "fp", "fn", "precision", "recall", "f1"
            );
            for p in &report.pairs {
                match &p.error {
                    Some(e) => println!("{:<40} error: {e}", p.gold),
                    None => println!(
                        "{:<40} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
                        p.gold,
                        p.counts.tp,
                        p.counts.fp,
                        p.counts.fn_,
                        p.scores.precision,
                        p.scores.recall,
                        p.scores.f1
                    ),
                }
            }
            for (name, s) in [("micro", report.micro), ("macro", report.macro_)] {
                println!(
                    "{:<40} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
                    name, "", "", "", s.precision, s.recall, s.f1
                );
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
