//! `peta search "verifikasi dokumen" [--agency CODE] [--theme CODE] [--db PATH]
//! [--format text|json]`: full-text search over activity labels across
//! agencies, stemming-aware.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use peta_store::{SearchQuery, Store};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to look for; all must match (affixes and synonyms are folded as
    /// in matching, so "verifikasi" finds "Memverifikasi berkas").
    pub query: String,
    /// Only this agency's activities (code).
    #[arg(long)]
    pub agency: Option<String>,
    /// Only activities of models in this theme (code).
    #[arg(long)]
    pub theme: Option<String>,
    /// The repository file.
    #[arg(long, default_value = "peta.db")]
    pub db: PathBuf,
    /// At most this many results.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let store = Store::open_existing(&args.db)?;
    let hits = store.search(&SearchQuery {
        text: args.query.clone(),
        agency: args.agency.clone(),
        theme: args.theme.clone(),
        limit: args.limit.max(1),
    })?;
    match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "query": args.query,
                "results": hits,
            }))?
        )?,
        Format::Text => {
            if hits.is_empty() {
                eprintln!("no activity matches \"{}\"", args.query);
            }
            for h in &hits {
                writeln!(
                    out,
                    "{:<10} {}  [{}#{}, {}]  {:.2}",
                    h.agency.as_deref().unwrap_or("-"),
                    h.label,
                    h.model,
                    h.id,
                    h.process.as_deref().unwrap_or(&h.process_id),
                    h.rank
                )?;
            }
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to stdout at once. A closed pipe (`peta search … | head`)
/// is not an error: the reader has what it wanted.
pub(crate) fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}
