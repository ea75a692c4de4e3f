//! `peta inspect FILE|DIR... [--format human|json]`: imports each BPMN file
//! and shows its exporter, pools, lanes, counts by element kind and
//! diagnostics.
//!
//! Folders are walked recursively. A file is taken when it ends in `.bpmn`
//! or `.bpmn2`, or when it ends in `.xml` and its first 4 KiB mention the
//! BPMN 2.0 model namespace (`http://www.omg.org/spec/BPMN/20100524/MODEL`);
//! files named on the command line are always taken. Hidden folders and
//! `target`/`node_modules` are skipped.
//!
//! Exit code: 0 when every file imported (warnings allowed), 1 when some
//! failed, 2 on usage errors (a path that does not exist, no BPMN file found).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use peta_bpmn::{Diagnostic, Model, ParseError, ParseOptions, Severity};
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable report with source excerpts.
    Human,
    /// One JSON array, an object per file.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// BPMN files, or folders walked for .bpmn, .bpmn2 and BPMN .xml files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Deepest element nesting accepted.
    #[arg(long, default_value_t = 256)]
    pub max_depth: usize,
    /// Show at most this many diagnostics per file in human output (0 = all).
    #[arg(long, default_value_t = 20)]
    pub max_warnings: usize,
}

/// Looks like BPMN: the model namespace appears near the start.
fn looks_like_bpmn(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = peta_bpmn::source_text(&head[..n]);
    text.contains(peta_bpmn::BPMN_NS)
}

fn is_candidate(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("bpmn") || e.eq_ignore_ascii_case("bpmn2") => true,
        Some(e) if e.eq_ignore_ascii_case("xml") => looks_like_bpmn(path),
        _ => false,
    }
}

/// Collects the BPMN files under `path` (sorted), or the file itself.
pub fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if name.starts_with('.') || name == "target" || name == "node_modules" {
                continue;
            }
            collect_files(&p, out)?;
        } else if is_candidate(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// One file's result in `--format json`.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    ok: bool,
    encoding: Option<String>,
    exporter: Option<String>,
    exporter_version: Option<String>,
    counts: BTreeMap<&'static str, usize>,
    pools: Vec<PoolReport>,
    lanes: Vec<String>,
    diagnostics: Vec<DiagnosticReport>,
}

#[derive(Debug, Serialize)]
struct PoolReport {
    id: String,
    name: Option<String>,
    process: Option<String>,
}

#[derive(Debug, Serialize)]
struct DiagnosticReport {
    severity: Severity,
    code: String,
    line: u32,
    column: u32,
    message: String,
    hint: Option<String>,
}

impl From<&Diagnostic> for DiagnosticReport {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticReport {
            severity: d.severity,
            code: d.code.clone(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

/// One imported (or failed) file with its source for rendering.
struct Imported {
    file: String,
    source: Option<String>,
    result: Result<Model, ParseError>,
}

fn import(path: &Path, opts: &ParseOptions) -> Imported {
    let file = path.display().to_string();
    let key = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    let bytes = match std::fs::metadata(path) {
        Ok(m) if m.len() > opts.max_file_size => None,
        _ => std::fs::read(path).ok(),
    };
    match bytes {
        Some(bytes) => {
            let result = peta_bpmn::parse_bytes(&key, &file, &bytes, opts);
            let source = match &result {
                Ok(m) if !m.diagnostics.is_empty() => {
                    Some(peta_bpmn::source_text(&bytes).into_owned())
                }
                _ => None,
            };
            Imported {
                file,
                source,
                result,
            }
        }
        // Oversized or unreadable: parse_file produces the right error.
        None => Imported {
            result: peta_bpmn::parse_file(path, opts),
            file,
            source: None,
        },
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    for p in &args.paths {
        if !p.exists() {
            eprintln!("error: {}: no such file or folder", p.display());
            return Ok(ExitCode::from(2));
        }
        if let Err(e) = collect_files(p, &mut files) {
            eprintln!("error: {}: cannot list folder: {e}", p.display());
            return Ok(ExitCode::from(2));
        }
    }
    if files.is_empty() {
        eprintln!("error: no BPMN files (.bpmn, .bpmn2, or .xml with the BPMN namespace) found");
        return Ok(ExitCode::from(2));
    }
    let opts = ParseOptions {
        max_file_size: args.max_file_size,
        max_depth: args.max_depth,
    };
    let mut imported: Vec<Imported> = files.par_iter().map(|p| import(p, &opts)).collect();

    // calledElement is resolved across every file read.
    let models: Vec<&Model> = imported
        .iter()
        .filter_map(|i| i.result.as_ref().ok())
        .collect();
    let owners: Vec<usize> = imported
        .iter()
        .enumerate()
        .filter(|(_, i)| i.result.is_ok())
        .map(|(n, _)| n)
        .collect();
    let calls = peta_bpmn::unresolved_calls(&models);
    for (mi, d) in calls {
        if let Some(Imported {
            result: Ok(m),
            source,
            ..
        }) = owners.get(mi).and_then(|&n| imported.get_mut(n))
        {
            m.diagnostics.push(d);
            if source.is_none() {
                *source = std::fs::read(&files[owners[mi]])
                    .ok()
                    .map(|b| peta_bpmn::source_text(&b).into_owned());
            }
        }
    }

    let failed = imported.iter().filter(|i| i.result.is_err()).count();
    match args.format {
        Format::Json => {
            let reports: Vec<FileReport> = imported.iter().map(report).collect();
            println!("{}", serde_json::to_string_pretty(&reports)?);
        }
        Format::Human => print_human(&imported, args.max_warnings),
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(i: &Imported) -> FileReport {
    match &i.result {
        Ok(m) => FileReport {
            file: i.file.clone(),
            ok: true,
            encoding: Some(m.encoding.clone()),
            exporter: m.definitions.exporter.clone(),
            exporter_version: m.definitions.exporter_version.clone(),
            counts: m.counts(),
            pools: pools(m),
            lanes: lanes(m),
            diagnostics: m.diagnostics.iter().map(DiagnosticReport::from).collect(),
        },
        Err(e) => FileReport {
            file: i.file.clone(),
            ok: false,
            encoding: None,
            exporter: None,
            exporter_version: None,
            counts: BTreeMap::new(),
            pools: Vec::new(),
            lanes: Vec::new(),
            diagnostics: e.diagnostics.iter().map(DiagnosticReport::from).collect(),
        },
    }
}

fn pools(m: &Model) -> Vec<PoolReport> {
    m.collaborations
        .iter()
        .flat_map(|c| c.participants.iter())
        .map(|p| PoolReport {
            id: p.id.clone(),
            name: p.name.as_ref().map(|l| l.display.clone()),
            process: p.process_ref.clone(),
        })
        .collect()
}

/// Lane names, nested lanes written `Parent › Child`.
fn lanes(m: &Model) -> Vec<String> {
    let mut out = Vec::new();
    for p in &m.processes {
        let mut path: Vec<String> = Vec::new();
        for (lane, depth) in p.lanes() {
            path.truncate(depth);
            let name = lane
                .name
                .as_ref()
                .map(|l| l.display.clone())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("({})", lane.id));
            path.push(name);
            out.push(path.join(" › "));
        }
    }
    out
}

fn print_human(imported: &[Imported], max_warnings: usize) {
    let (mut ok, mut warnings, mut notes) = (0usize, 0usize, 0usize);
    for i in imported {
        println!("{}", i.file);
        match &i.result {
            Ok(m) => {
                ok += 1;
                let n = m
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Note)
                    .count();
                notes += n;
                warnings += m.diagnostics.len() - n;
                let exporter = match (&m.definitions.exporter, &m.definitions.exporter_version) {
                    (Some(e), Some(v)) => format!("{e} {v}"),
                    (Some(e), None) => e.clone(),
                    _ => "(not stated)".into(),
                };
                println!("  exporter: {exporter}   encoding: {}", m.encoding);
                let pools = pools(m);
                if !pools.is_empty() {
                    let names: Vec<String> = pools
                        .iter()
                        .map(|p| {
                            let name = p.name.clone().unwrap_or_else(|| format!("({})", p.id));
                            if p.process.is_none() {
                                format!("{name} [black box]")
                            } else {
                                name
                            }
                        })
                        .collect();
                    println!("  pools ({}): {}", names.len(), names.join("; "));
                }
                let lanes = lanes(m);
                if !lanes.is_empty() {
                    println!("  lanes ({}): {}", lanes.len(), lanes.join("; "));
                }
                let counts: Vec<String> =
                    m.counts().iter().map(|(k, v)| format!("{k} {v}")).collect();
                if counts.is_empty() {
                    println!("  counts: (no elements)");
                } else {
                    println!("  counts: {}", counts.join(", "));
                }
                if !m.diagnostics.is_empty() {
                    println!("  diagnostics: {}", m.diagnostics.len());
                    let shown = if max_warnings == 0 {
                        m.diagnostics.len()
                    } else {
                        max_warnings.min(m.diagnostics.len())
                    };
                    print!(
                        "{}",
                        diagnostics::render_warnings(
                            &i.file,
                            i.source.as_deref(),
                            &m.diagnostics[..shown]
                        )
                    );
                    if shown < m.diagnostics.len() {
                        println!(
                            "  … and {} more (--max-warnings 0 shows all)",
                            m.diagnostics.len() - shown
                        );
                    }
                }
            }
            Err(e) => {
                println!("  FAILED");
                print!("{}", diagnostics::render(e));
            }
        }
        println!();
    }
    let failed = imported.len() - ok;
    println!(
        "{} file(s): {ok} imported, {failed} failed, {warnings} warning(s), {notes} note(s)",
        imported.len()
    );
}
