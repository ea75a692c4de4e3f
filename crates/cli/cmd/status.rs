//! `peta status [--db PATH] [--format text|json]`: what the repository holds.

use std::path::PathBuf;
use std::process::ExitCode;

use peta_store::Store;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The repository file.
    #[arg(long, default_value = "peta.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let s = store.status()?;
    if let Format::Json = args.format {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("repository       {}", args.db.display());
    println!("schema version   {}", s.schema_version);
    println!(
        "agencies         {} (registry), {} themes",
        s.agencies, s.themes
    );
    println!(
        "models           {} ({} with warnings)",
        s.models, s.models_with_warnings
    );
    println!("processes        {}", s.processes);
    println!(
        "activities       {} (of {} flow nodes)",
        s.activities, s.flow_nodes
    );
    println!(
        "last import      {}",
        s.last_import.as_deref().unwrap_or("never")
    );
    println!(
        "last link        {}",
        s.last_link.as_deref().unwrap_or("never")
    );
    if !s.activities_by_agency.is_empty() {
        println!("\nactivities by agency");
        for c in &s.activities_by_agency {
            println!(
                "  {:<24} {}",
                c.agency.as_deref().unwrap_or("(unresolved)"),
                c.activities
            );
        }
    }
    if !s.failed.is_empty() {
        println!("\nfiles with errors ({})", s.failed.len());
        for f in &s.failed {
            let first = f
                .diagnostics
                .first()
                .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
                .unwrap_or_default();
            let kept = if f.kept_previous {
                " [previous version kept]"
            } else {
                ""
            };
            println!("  {}:{first}{kept}", f.path);
        }
    }
    Ok(ExitCode::SUCCESS)
}
