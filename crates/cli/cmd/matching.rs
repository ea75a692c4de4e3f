//! `peta match A.bpmn B.bpmn [--format text|json] [--lexicon FILE]`: the
//! correspondences between the activities (and labelled events) of two models.
//!
//! JSON: `{"correspondences": [{"source": {"model", "id", "label"}, "target":
//! {...}, "score", "why"}]}` where `model` is the file name without its
//! extension and `why` the explanation (shared tokens, synonyms, actions,
//! object and context scores, and a one-line `summary`).
//!
//! Exit code: 0 on success, 1 when a model cannot be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use peta_matching::{activities_of, Activity, Explanation, MatchConfig, Matcher};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per correspondence.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The first model.
    pub a: PathBuf,
    /// The second model.
    pub b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// An extra lexicon file (TOML, same format as crates/text/data/*.toml).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

#[derive(Serialize)]
struct Element<'a> {
    model: &'a str,
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct Why<'a> {
    #[serde(flatten)]
    explanation: &'a Explanation,
    summary: String,
}

#[derive(Serialize)]
struct Row<'a> {
    source: Element<'a>,
    target: Element<'a>,
    score: f64,
    why: Why<'a>,
}

#[derive(Serialize)]
struct Output<'a> {
    correspondences: Vec<Row<'a>>,
}

/// Builds the matcher: defaults plus an optional extra lexicon.
pub fn matcher(lexicon: Option<&Path>) -> anyhow::Result<Matcher> {
    let mut lex = peta_text::Lexicon::bundled();
    if let Some(path) = lexicon {
        lex.load_extra(path)?;
    }
    Ok(Matcher::new(MatchConfig::default(), lex))
}

/// Reads one model; its key is the file name without extension.
pub fn load(path: &Path) -> anyhow::Result<Vec<Activity>> {
    let model = peta_bpmn::parse_file(path, &peta_bpmn::ParseOptions::default())
        .with_context(|| format!("cannot import {}", path.display()))?;
    Ok(activities_of(&model))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let matcher = matcher(args.lexicon.as_deref())?;
    let a = load(&args.a)?;
    let b = load(&args.b)?;
    let found = matcher.match_pair(&a, &b);
    let rows: Vec<Row> = found
        .iter()
        .map(|c| {
            let (x, y) = (&a[c.a], &b[c.b]);
            Row {
                source: Element {
                    model: &x.key.model,
                    id: &x.key.id,
                    label: &x.label,
                },
                target: Element {
                    model: &y.key.model,
                    id: &y.key.id,
                    label: &y.label,
                },
                score: c.score,
                why: Why {
                    explanation: &c.why,
                    summary: c.why.summary(),
                },
            }
        })
        .collect();
    match args.format {
        Format::Json => {
            let out = Output {
                correspondences: rows,
            };
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Text => {
            for r in &rows {
                println!(
                    "{:.2}  {} ({})  =  {} ({})\n      {}",
                    r.score,
                    one_line(r.source.label),
                    r.source.id,
                    one_line(r.target.label),
                    r.target.id,
                    r.why.summary
                );
            }
            println!(
                "{} correspondence(s) between {} ({} elements) and {} ({} elements)",
                rows.len(),
                args.a.display(),
                a.len(),
                args.b.display(),
                b.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
