//! Deterministic synthetic BPMN repositories for benchmarks.
//!
//! [`generate`] writes `agencies × models_per_agency` BPMN 2.0 files in the
//! `processes/` layout (`<theme-folder>/<file>.bpmn`, `agencies.toml`,
//! `themes.toml`, `README.md`) plus `planted.json`, the manifest of what was
//! planted: duplicate clusters (the same service run by several agencies,
//! written differently) and every inter-agency handoff.
//!
//! Output depends only on the options: each family of models draws from its
//! own SplitMix64 stream keyed by the seed, so the bytes are identical
//! whatever the thread count. Models are generated a batch at a time and
//! written as they are made; nothing holds the whole repository.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod agencies;
mod build;
mod ids;
mod plan;
mod rng;
mod toml_out;
mod vocab;
mod xml;

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use agencies::Agency;

use build::{display, Doc};
use plan::Plan;
use toml_out::{json_str, toml_str};
use vocab::THEMES;

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// Number of agencies (ministries first, then provinces, regencies, cities).
    pub agencies: usize,
    /// Models (processes) per agency.
    pub models_per_agency: usize,
    pub seed: u64,
    /// Typical activities per model (the skeleton is about this size, ±3).
    pub activities_per_model: usize,
    /// Share of model slots (percent) that are planted families: the same
    /// service run by 2–5 agencies.
    pub duplicate_percent: u32,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            agencies: 10,
            models_per_agency: 10,
            seed: 1,
            activities_per_model: 20,
            duplicate_percent: 40,
        }
    }
}

/// Counts of what was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenerateSummary {
    pub agencies: usize,
    pub models: usize,
    pub files: usize,
    pub bytes: u64,
    pub flow_nodes: usize,
    pub activities: usize,
    /// Planted duplicate clusters (two or more members) and their members.
    pub clusters: usize,
    pub cluster_members: usize,
    pub handoffs_message_flow: usize,
    pub handoffs_control_flow: usize,
    pub handoffs_call_activity: usize,
    pub handoffs_data: usize,
}

impl GenerateSummary {
    pub fn handoffs(&self) -> usize {
        self.handoffs_message_flow
            + self.handoffs_control_flow
            + self.handoffs_call_activity
            + self.handoffs_data
    }
}

/// The generator's one error type.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> GenerateError + '_ {
    move |source| GenerateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Families generated (in parallel) before their manifest entries are appended.
const BATCH: usize = 256;

/// Writes a synthetic repository into `out` (created if missing; existing
/// files of the same names are overwritten, nothing else is touched).
pub fn generate(opts: &GenerateOptions, out: &Path) -> Result<GenerateSummary, GenerateError> {
    if opts.agencies == 0 || opts.models_per_agency == 0 {
        return Err(GenerateError::InvalidOptions(
            "--agencies and --models-per-agency must be at least 1".into(),
        ));
    }
    if !(3..=500).contains(&opts.activities_per_model) {
        return Err(GenerateError::InvalidOptions(
            "activities per model must be between 3 and 500".into(),
        ));
    }
    if opts.duplicate_percent > 100 {
        return Err(GenerateError::InvalidOptions(
            "duplicate percent must be at most 100".into(),
        ));
    }
    let total = opts
        .agencies
        .checked_mul(opts.models_per_agency)
        .filter(|t| *t <= u32::MAX as usize)
        .ok_or_else(|| GenerateError::InvalidOptions("too many models".into()))?;
    std::fs::create_dir_all(out).map_err(io_err(out))?;
    let plan = Plan::new(
        opts.seed,
        agencies::agencies(opts.agencies),
        opts.models_per_agency,
        opts.activities_per_model,
        opts.duplicate_percent,
    );
    let used_themes: BTreeSet<u8> = plan.families.iter().map(|f| f.theme).collect();
    for &t in &used_themes {
        let dir = out.join(THEMES[t as usize].folder);
        std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    }
    write_with(&out.join("agencies.toml"), |w| {
        agencies::write_agencies_toml(w, &plan.agencies)
    })?;
    write_with(&out.join("themes.toml"), |w| write_themes(w, &used_themes))?;
    write_with(&out.join("README.md"), |w| write_readme(w, opts, total))?;

    let clusters_path = out.join("planted.clusters.part");
    let handoffs_path = out.join("planted.handoffs.part");
    let mut clusters_w =
        BufWriter::new(File::create(&clusters_path).map_err(io_err(&clusters_path))?);
    let mut handoffs_w =
        BufWriter::new(File::create(&handoffs_path).map_err(io_err(&handoffs_path))?);
    let mut summary = GenerateSummary {
        agencies: opts.agencies,
        models: total,
        ..Default::default()
    };
    let families: Vec<usize> = (0..plan.families.len()).collect();
    for batch in families.chunks(BATCH) {
        let results: Vec<Result<UnitOutput, GenerateError>> =
            batch.par_iter().map(|&f| unit(&plan, f, out)).collect();
        for r in results {
            let u = r?;
            for c in &u.clusters {
                let sep = if summary.clusters == 0 { "\n" } else { ",\n" };
                write!(clusters_w, "{sep}{c}").map_err(io_err(&clusters_path))?;
                summary.clusters += 1;
            }
            for h in &u.handoffs {
                let sep = if summary.handoffs() == 0 { "\n" } else { ",\n" };
                write!(handoffs_w, "{sep}{}", h.1).map_err(io_err(&handoffs_path))?;
                match h.0 {
                    "message_flow" => summary.handoffs_message_flow += 1,
                    "control_flow" => summary.handoffs_control_flow += 1,
                    "call_activity" => summary.handoffs_call_activity += 1,
                    _ => summary.handoffs_data += 1,
                }
            }
            summary.cluster_members += u.cluster_members;
            summary.files += u.files;
            summary.bytes += u.bytes;
            summary.flow_nodes += u.flow_nodes;
            summary.activities += u.activities;
        }
    }
    clusters_w.flush().map_err(io_err(&clusters_path))?;
    handoffs_w.flush().map_err(io_err(&handoffs_path))?;
    drop(clusters_w);
    drop(handoffs_w);
    let manifest = out.join("planted.json");
    {
        let mut w = BufWriter::new(File::create(&manifest).map_err(io_err(&manifest))?);
        let head = format!(
            "{{\n\"generator\": \"peta-generate {}\",\n\"seed\": {},\n\"agencies\": {},\n\"models_per_agency\": {},\n\"models\": {},\n\"note\": {},\n\"clusters\": [",
            env!("CARGO_PKG_VERSION"),
            opts.seed,
            opts.agencies,
            opts.models_per_agency,
            total,
            json_str("clusters list planted duplicates only (recall); handoffs are complete under the shared semantics"),
        );
        w.write_all(head.as_bytes()).map_err(io_err(&manifest))?;
        copy_into(&clusters_path, &mut w).map_err(io_err(&manifest))?;
        w.write_all(b"\n],\n\"handoffs\": [")
            .map_err(io_err(&manifest))?;
        copy_into(&handoffs_path, &mut w).map_err(io_err(&manifest))?;
        w.write_all(b"\n]\n}\n").map_err(io_err(&manifest))?;
        w.flush().map_err(io_err(&manifest))?;
    }
    std::fs::remove_file(&clusters_path).map_err(io_err(&clusters_path))?;
    std::fs::remove_file(&handoffs_path).map_err(io_err(&handoffs_path))?;
    Ok(summary)
}

fn copy_into(path: &Path, w: &mut impl Write) -> std::io::Result<()> {
    let mut f = File::open(path)?;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        w.write_all(&buf[..n])?;
    }
}

fn write_with(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), GenerateError> {
    let f = File::create(path).map_err(io_err(path))?;
    let mut w = BufWriter::new(f);
    body(&mut w).map_err(io_err(path))?;
    w.flush().map_err(io_err(path))
}

fn write_themes(w: &mut impl Write, used: &BTreeSet<u8>) -> std::io::Result<()> {
    writeln!(w, "# Generated by peta-generate: synthetic themes.")?;
    for &t in used {
        let th = &THEMES[t as usize];
        writeln!(w)?;
        writeln!(w, "[[theme]]")?;
        writeln!(w, "code = {}", toml_str(th.code))?;
        writeln!(w, "name_id = {}", toml_str(th.name_id))?;
        writeln!(w, "name_en = {}", toml_str(th.name_en))?;
        writeln!(w, "description_id = {}", toml_str(th.description_id))?;
        writeln!(w, "description_en = {}", toml_str(th.description_en))?;
        writeln!(w, "spbe_codes = []")?;
        writeln!(
            w,
            "models = [{}]",
            toml_str(&format!("{}/*.bpmn", th.folder))
        )?;
    }
    Ok(())
}

fn write_readme(w: &mut impl Write, opts: &GenerateOptions, total: usize) -> std::io::Result<()> {
    writeln!(w, "# Synthetic repository (peta generate)")?;
    writeln!(w)?;
    writeln!(
        w,
        "{} agencies × {} models = {total} models, seed {}, about {} activities per model, {}% of model slots in planted families.",
        opts.agencies, opts.models_per_agency, opts.seed, opts.activities_per_model, opts.duplicate_percent
    )?;
    writeln!(w)?;
    writeln!(w, "Everything here is synthetic: agency registries, labels and processes are generated, not official.")?;
    writeln!(w, "`planted.json` lists the planted duplicate clusters (recall only: unplanted activities may also be the same work) and every inter-agency handoff.")?;
    Ok(())
}

struct UnitOutput {
    clusters: Vec<String>,
    cluster_members: usize,
    handoffs: Vec<(&'static str, String)>,
    files: usize,
    bytes: u64,
    flow_nodes: usize,
    activities: usize,
}

fn end_json(e: &build::HandoffEnd) -> String {
    format!(
        "{{\"ref\": {}, \"label\": {}, \"agency\": {}}}",
        json_str(&e.reference),
        json_str(&e.label),
        json_str(&e.agency)
    )
}

/// Generates and writes one family's models.
fn unit(plan: &Plan, f: usize, out: &Path) -> Result<UnitOutput, GenerateError> {
    let fam = &plan.families[f];
    let skeleton = plan.skeleton(f);
    let mut per_step: Vec<Vec<(String, String)>> = vec![Vec::new(); skeleton.len()];
    let mut u = UnitOutput {
        clusters: Vec::new(),
        cluster_members: 0,
        handoffs: Vec::new(),
        files: 0,
        bytes: 0,
        flow_nodes: 0,
        activities: 0,
    };
    for &a in &fam.members {
        let g = a as usize * plan.models_per_agency + fam.j as usize;
        let id = plan.identity(g);
        let doc: Doc = build::build(plan, &id, &skeleton);
        let text = xml::render(&doc, id.dialect);
        let path = out.join(&id.file);
        std::fs::write(&path, text.as_bytes()).map_err(io_err(&path))?;
        u.files += 1;
        u.bytes += text.len() as u64;
        u.flow_nodes += doc.nodes.len();
        u.activities += doc.nodes.iter().filter(|n| n.kind.is_activity()).count();
        for (k, node) in &doc.planted {
            let n = &doc.nodes[*node];
            per_step[*k].push((
                format!("{}#{}", id.file, n.id),
                display(n.name.as_deref().unwrap_or("")),
            ));
        }
        for h in build::handoffs(plan, &id, &doc) {
            let json = format!(
                "{{\"kind\": {}, \"from\": {}, \"to\": {}}}",
                json_str(h.kind),
                end_json(&h.from),
                end_json(&h.to)
            );
            u.handoffs.push((h.kind, json));
        }
    }
    let theme = plan.theme(f);
    for (k, members) in per_step.into_iter().enumerate() {
        if members.len() < 2 {
            continue;
        }
        let s = &skeleton[k];
        let object = &plan.objects(f, s.role)[s.object];
        let name = format!("f{f}-s{k}-{}-{}", s.action().key, object.key);
        let list: Vec<String> = members
            .iter()
            .map(|(r, l)| format!("{{\"ref\": {}, \"label\": {}}}", json_str(r), json_str(l)))
            .collect();
        u.cluster_members += members.len();
        u.clusters.push(format!(
            "{{\"name\": {}, \"theme\": {}, \"members\": [{}]}}",
            json_str(&name),
            json_str(theme.code),
            list.join(", ")
        ));
    }
    Ok(u)
}
