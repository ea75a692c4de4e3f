//! `peta status [--db PATH] [--format text|json]`: what the repository holds.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use peta_store::Store;

use super::search::emit;

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
    let mut out = String::new();
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
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        emit(&out)?;
        return Ok(code);
    }
    writeln!(out, "repository       {}", args.db.display())?;
    writeln!(out, "schema version   {}", s.schema_version)?;
    writeln!(
        out,
        "agencies         {} (registry), {} themes",
        s.agencies, s.themes
    )?;
    writeln!(
        out,
        "models           {} ({} with warnings)",
        s.models, s.models_with_warnings
    )?;
    writeln!(out, "processes        {}", s.processes)?;
    writeln!(
        out,
        "activities       {} (of {} flow nodes)",
        s.activities, s.flow_nodes
    )?;
    writeln!(
        out,
        "last import      {}",
        s.last_import.as_deref().unwrap_or("never")
    )?;
    writeln!(
        out,
        "last link        {}",
        s.last_link.as_deref().unwrap_or("never")
    )?;
    if !s.activities_by_agency.is_empty() {
        writeln!(out, "\nactivities by agency")?;
        for c in &s.activities_by_agency {
            writeln!(
                out,
                "  {:<24} {}",
                c.agency.as_deref().unwrap_or("(unresolved)"),
                c.activities
            )?;
        }
    }
    if !s.failed.is_empty() {
        writeln!(out, "\nfiles with errors ({})", s.failed.len())?;
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
            writeln!(out, "  {}:{first}{kept}", f.path)?;
        }
    }
    if let Some(c) = &check {
        if c.is_ok() {
            writeln!(out, "\ncheck            ok")?;
        } else {
            writeln!(out, "\ncheck            FAILED")?;
            writeln!(out, "  integrity: {}", c.integrity.join("; "))?;
            for m in &c.incomplete_models {
                writeln!(out, "  incomplete model: {m}")?;
            }
            writeln!(
                out,
                "  activities missing from the search index: {}, stale index rows: {}",
                c.unindexed, c.stale_index
            )?;
        }
    }
    emit(&out)?;
    Ok(code)
}
