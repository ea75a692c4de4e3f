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
    /// Also verify the file (SQLite integrity check, every model whole, the
    /// search index complete); exit 1 when something is wrong.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let s = store.status()?;
    let check = if args.check {
        Some(store.check()?)
    } else {
        None
    };
    let code = match &check {
        Some(c) if !c.is_ok() => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    };
    if let Format::Json = args.format {
        let mut v = serde_json::to_value(&s)?;
        if let (Some(c), Some(obj)) = (&check, v.as_object_mut()) {
            obj.insert("check".into(), serde_json::to_value(c)?);
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(code);
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
    if let Some(c) = &check {
        if c.is_ok() {
            println!("\ncheck            ok");
        } else {
            println!("\ncheck            FAILED");
            println!("  integrity: {}", c.integrity.join("; "));
            for m in &c.incomplete_models {
                println!("  incomplete model: {m}");
            }
            println!(
                "  activities missing from the search index: {}, stale index rows: {}",
                c.unindexed, c.stale_index
            );
        }
    }
    Ok(code)
}
