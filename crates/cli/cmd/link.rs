//! `peta link [--db PATH] [--force]`: recompute matches and analyses over the
//! repository and save them; does nothing when no model, the registry and
//! the parameters changed since the last run.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use peta_store::{LinkOutcome, LinkParams, Store};

use super::search::emit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The repository file.
    #[arg(long, default_value = "peta.db")]
    pub db: PathBuf,
    /// Recompute even when nothing changed.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let mut store = Store::open_existing(&args.db)?;
    match store.link(&LinkParams::default(), args.force)? {
        LinkOutcome::Unchanged { .. } => {
            writeln!(
                out,
                "{}: nothing changed since the last link; analyses are current",
                args.db.display()
            )?;
        }
        LinkOutcome::Linked {
            models,
            match_links,
            shared_activities,
            handoffs,
            recommendations,
            ..
        } => {
            writeln!(
                out,
                "{}: linked {models} models: {match_links} match links, {shared_activities} shared activities, {handoffs} handoffs, {recommendations} recommendations",
                args.db.display()
            )?;
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
