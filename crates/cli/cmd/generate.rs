//! `peta generate --agencies N --models-per-agency M [--seed S] --out DIR`:
//! writes a deterministic synthetic repository (for benchmarks and scale tests).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use peta_generate::{generate, GenerateOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of agencies (ministries and agencies first, then provinces, regencies and cities).
    #[arg(long, default_value_t = 10)]
    pub agencies: usize,
    /// Models (BPMN files) per agency.
    #[arg(long, default_value_t = 10)]
    pub models_per_agency: usize,
    /// Seed: the same seed gives byte-identical output whatever the thread count.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Typical activities per model.
    #[arg(long, default_value_t = 20)]
    pub activities_per_model: usize,
    /// Share of model slots (percent) planted as the same service in 2-5 agencies.
    #[arg(long, default_value_t = 40)]
    pub duplicate_percent: u32,
    /// Output folder (created if missing): <theme>/<file>.bpmn, agencies.toml, themes.toml, planted.json.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = GenerateOptions {
        agencies: args.agencies,
        models_per_agency: args.models_per_agency,
        seed: args.seed,
        activities_per_model: args.activities_per_model,
        duplicate_percent: args.duplicate_percent,
    };
    let started = Instant::now();
    let s = generate(&opts, &args.out)
        .with_context(|| format!("generating into {}", args.out.display()))?;
    eprintln!(
        "wrote {} models ({} files, {:.1} MB) for {} agencies into {} in {:.1} s: {} flow nodes, {} activities, {} planted clusters ({} members), {} handoffs ({} message flow, {} control flow, {} call activity, {} data)",
        s.models,
        s.files,
        s.bytes as f64 / 1e6,
        s.agencies,
        args.out.display(),
        started.elapsed().as_secs_f64(),
        s.flow_nodes,
        s.activities,
        s.clusters,
        s.cluster_members,
        s.handoffs(),
        s.handoffs_message_flow,
        s.handoffs_control_flow,
        s.handoffs_call_activity,
        s.handoffs_data,
    );
    Ok(ExitCode::SUCCESS)
}
