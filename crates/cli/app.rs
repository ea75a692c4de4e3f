//! Argument parsing and dispatch. Each subcommand lives in `cmd/<name>.rs`
//! with its own `Args` and `run`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Peta maps business processes across government agencies: it imports BPMN
/// from many tools, links equivalent activities, finds duplicated work and
/// handoffs, recommends consolidation and renders an offline atlas.
#[derive(Debug, Parser)]
#[command(name = "peta", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: import into the repository (peta.db), link, render the atlas.
    Build(cmd::build::Args),
    /// Per file: exporter, pools, lanes, counts by element kind, diagnostics.
    Inspect(cmd::inspect::Args),
    /// Correspondences between the activities of two models.
    Match(cmd::matching::Args),
    /// Precision, recall and F1 of the matcher against gold alignments (OAEI RDF).
    EvalMatch(cmd::eval_match::Args),
    /// Handoffs, duplication and ranked recommendations for a repository.
    Analyze(cmd::analyze::Args),
    /// Where an agency's processes overlap other agencies'.
    Overlaps(cmd::overlaps::Args),
    /// Ranked consolidation recommendations.
    Recommend(cmd::recommend::Args),
    /// Import BPMN files into the repository (SQLite), incrementally.
    Import(cmd::import::Args),
    /// Recompute matches and analyses in the repository.
    Link(cmd::link::Args),
    /// What the repository holds.
    Status(cmd::status::Args),
    /// Full-text search over activity labels across agencies.
    Search(cmd::search::Args),
    /// Render the offline HTML process atlas.
    Atlas(cmd::atlas::Args),
    /// Write a deterministic synthetic repository (for benchmarks).
    Generate(cmd::generate::Args),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => cmd::build::run(a),
        Command::Inspect(a) => cmd::inspect::run(a),
        Command::Match(a) => cmd::matching::run(a),
        Command::EvalMatch(a) => cmd::eval_match::run(a),
        Command::Analyze(a) => cmd::analyze::run(a),
        Command::Overlaps(a) => cmd::overlaps::run(a),
        Command::Recommend(a) => cmd::recommend::run(a),
        Command::Import(a) => cmd::import::run(a),
        Command::Link(a) => cmd::link::run(a),
        Command::Status(a) => cmd::status::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Atlas(a) => cmd::atlas::run(a),
        Command::Generate(a) => cmd::generate::run(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
