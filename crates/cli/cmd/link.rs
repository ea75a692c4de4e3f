//! `peta link [--db PATH] [--force]`: recompute matches and analyses over the
//! repository and save them; does nothing when no model, the registry and
//! the parameters changed since the last run.

use std::path::PathBuf;
use std::process::ExitCode;

use peta_store::{LinkOutcome, LinkParams, Store};

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
    let mut store = Store::open_existing(&args.db)?;
    match store.link(&LinkParams::default(), args.force)? {
        LinkOutcome::Unchanged { .. } => {
            println!(
                "{}: nothing changed since the last link; analyses are current",
                args.db.display()
            );
        }
        LinkOutcome::Linked {
            models,
            match_links,
            shared_activities,
            handoffs,
            recommendations,
            ..
        } => {
            println!(
                "{}: linked {models} models: {match_links} match links, {shared_activities} shared activities, {handoffs} handoffs, {recommendations} recommendations",
                args.db.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
