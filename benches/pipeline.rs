//! Pipeline benchmark at national scale: every stage on a synthetic
//! repository of N models (`peta generate`, about 20 activities each).
//!
//! ```text
//! cargo bench --bench pipeline -- [--sizes 1000,10000,100000] [--dir DIR] [--seed S]
//!                                 [--stages import,match,analyze,store,atlas] [--no-check]
//! ```
//! (or `PETA_BENCH_SIZES=1000,10000`, `PETA_BENCH_DIR=…`; `PETA_BENCH_DUMP=FILE` writes
//! the analysis as JSON; `PETA_ANALYSIS_PHASES=1` prints the analysis's phases). For each size the
//! repository is generated once into `DIR/n<size>-s<seed>` and reused. Stages:
//!
//! * `import`: `peta_analysis::Repository::load_with` (walk + parse + registry; the diagram
//!   interchange is kept only when the `atlas` stage runs, `LoadOptions::analysis_only` otherwise);
//! * `match`: `peta_matching::activities_of` on every model + `Matcher::match_repository`;
//! * `analyze`: `peta_analysis::analyze` (handoffs, duplication — it runs the matcher itself —, data, recommendations);
//! * `store-import` / `store-save`: `peta_store::Store::import` of the folder into a new
//!   SQLite file (it parses again) and `Store::save_analysis`;
//! * `atlas`: `peta_atlas::input_from_analysis` + `peta_atlas::render`.
//!
//! For each stage: wall time, throughput and the peak resident memory during
//! the stage (VmHWM from /proc/self/status, reset through /proc/self/clear_refs
//! before each stage; it includes what earlier stages keep alive, such as the
//! parsed repository). Quality figures come from the generator's
//! `planted.json`: recall of planted duplicate pairs (match, analysis) and
//! precision/recall of handoffs. Lines starting with `RESULT` are
//! tab-separated for `benches/scale.sh`. CI only builds this file.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use serde::Deserialize;

struct Args {
    sizes: Vec<usize>,
    dir: PathBuf,
    seed: u64,
    stages: Vec<String>,
    check: bool,
}

fn parse_args() -> Args {
    let mut sizes: Vec<usize> = std::env::var("PETA_BENCH_SIZES")
        .ok()
        .map(|s| parse_sizes(&s))
        .unwrap_or_default();
    let mut dir = std::env::var_os("PETA_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("peta-bench"));
    let mut seed = 1;
    let mut stages: Vec<String> = ["import", "match", "analyze", "store", "atlas"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut check = true;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => sizes = it.next().map(|s| parse_sizes(&s)).unwrap_or_default(),
            "--dir" => dir = it.next().map(PathBuf::from).unwrap_or(dir),
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            "--stages" => {
                stages = it
                    .next()
                    .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
                    .unwrap_or(stages)
            }
            "--no-check" => check = false,
            _ => {} // `cargo bench` passes `--bench`; ignore what we do not know.
        }
    }
    if sizes.is_empty() {
        sizes = vec![1000];
    }
    Args {
        sizes,
        dir,
        seed,
        stages,
        check,
    }
}

fn parse_sizes(s: &str) -> Vec<usize> {
    s.split([',', ' '])
        .filter_map(|x| x.trim().replace('_', "").parse().ok())
        .collect()
}

/// Agencies × models per agency for a repository of about `n` models.
fn shape(n: usize) -> (usize, usize) {
    let per = if n <= 2_000 {
        20
    } else if n <= 20_000 {
        100
    } else {
        200
    };
    (n.div_ceil(per).max(1), per.min(n.max(1)))
}

/// A field of /proc/self/status in MiB.
fn status_mib(field: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak-RSS counter (Linux ≥ 4.0); false where unsupported.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

struct StageResult {
    size: usize,
    stage: String,
    secs: f64,
    models: usize,
    activities: usize,
    peak_mib: f64,
    note: String,
}

struct Bench {
    results: Vec<StageResult>,
    peak_resets: bool,
}

impl Bench {
    /// Runs one stage, timing it and reading its peak memory. A panic in a
    /// stage (a bug in a crate) is reported, not propagated.
    fn stage<T>(
        &mut self,
        size: usize,
        name: &str,
        counts: (usize, usize),
        f: impl FnOnce() -> T,
        note: impl FnOnce(&T) -> String,
    ) -> Option<T> {
        self.peak_resets = reset_peak();
        let t = Instant::now();
        let r = std::panic::catch_unwind(AssertUnwindSafe(f));
        let secs = t.elapsed().as_secs_f64();
        let peak_mib = status_mib("VmHWM:").unwrap_or(0.0);
        let (value, note) = match r {
            Ok(v) => {
                let n = note(&v);
                (Some(v), n)
            }
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                (None, format!("FAILED (panic: {msg})"))
            }
        };
        let r = StageResult {
            size,
            stage: name.to_string(),
            secs,
            models: counts.0,
            activities: counts.1,
            peak_mib,
            note,
        };
        print_row(&r);
        self.results.push(r);
        value
    }

    fn not_available(&mut self, size: usize, name: &str, why: &str) {
        let r = StageResult {
            size,
            stage: name.to_string(),
            secs: f64::NAN,
            models: 0,
            activities: 0,
            peak_mib: f64::NAN,
            note: format!("not available: {why}"),
        };
        print_row(&r);
        self.results.push(r);
    }
}

fn print_row(r: &StageResult) {
    let per_s = |n: usize| {
        if r.secs > 0.0 && n > 0 {
            format!("{:.0}", n as f64 / r.secs)
        } else {
            "-".to_string()
        }
    };
    println!(
        "{:>8} {:<16} {:>9.2} {:>11} {:>13} {:>10.0}  {}",
        r.size,
        r.stage,
        r.secs,
        per_s(r.models),
        per_s(r.activities),
        r.peak_mib,
        r.note
    );
    println!(
        "RESULT\t{}\t{}\t{:.3}\t{}\t{}\t{:.0}\t{}",
        r.size, r.stage, r.secs, r.models, r.activities, r.peak_mib, r.note
    );
}

#[derive(Deserialize)]
struct Planted {
    clusters: Vec<PlantedCluster>,
    handoffs: Vec<PlantedHandoff>,
}

#[derive(Deserialize)]
struct PlantedCluster {
    members: Vec<PlantedRef>,
}

#[derive(Deserialize)]
struct PlantedRef {
    #[serde(rename = "ref")]
    reference: String,
}

#[derive(Deserialize)]
struct PlantedHandoff {
    kind: String,
    from: PlantedRef,
    to: PlantedRef,
}

/// Planted duplicate pairs as `(model key, id)` pairs (key = path without `.bpmn`).
fn planted_pairs(p: &Planted) -> Vec<((String, String), (String, String))> {
    let key = |r: &str| -> (String, String) {
        let (file, id) = r.split_once('#').unwrap_or((r, ""));
        (
            peta_analysis::strip_extension(file).to_string(),
            id.to_string(),
        )
    };
    let mut out = Vec::new();
    for c in &p.clusters {
        for (i, a) in c.members.iter().enumerate() {
            for b in &c.members[i + 1..] {
                out.push((key(&a.reference), key(&b.reference)));
            }
        }
    }
    out
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "n/a".to_string()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

fn run_size(bench: &mut Bench, args: &Args, size: usize) {
    let (agencies, per) = shape(size);
    let models = agencies * per;
    let size = models;
    let dir = args.dir.join(format!("n{models}-s{}", args.seed));
    let want = |s: &str| args.stages.iter().any(|x| x == s);
    if !dir.join("planted.json").is_file() {
        let opts = peta_generate::GenerateOptions {
            agencies,
            models_per_agency: per,
            seed: args.seed,
            ..Default::default()
        };
        let out = dir.clone();
        let r = bench.stage(
            models,
            "generate",
            (models, 0),
            || peta_generate::generate(&opts, &out),
            |r| match r {
                Ok(s) => format!(
                    "{} agencies x {per} models, {} activities, {:.0} MB",
                    s.agencies,
                    s.activities,
                    s.bytes as f64 / 1e6
                ),
                Err(e) => format!("FAILED: {e}"),
            },
        );
        if !matches!(r, Some(Ok(_))) {
            return;
        }
    }
    let planted: Option<Planted> = if args.check {
        std::fs::read(dir.join("planted.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
    } else {
        None
    };

    // import: the diagram interchange only when the atlas will draw it.
    let paths = vec![dir.clone()];
    let load = if want("atlas") {
        peta_analysis::LoadOptions::default()
    } else {
        peta_analysis::LoadOptions::analysis_only()
    };
    let Some((repo, errors)) = bench.stage(
        size,
        "import",
        (models, 0),
        || peta_analysis::Repository::load_with(&paths, None, &load),
        |(repo, errors)| {
            format!(
                "{} models parsed, {} errors, {} agencies in registry",
                repo.models.len(),
                errors.len(),
                repo.registry.agencies.len()
            )
        },
    ) else {
        return;
    };
    drop(errors);
    let activities: usize = repo
        .models
        .iter()
        .map(|m| {
            m.model
                .flow_nodes()
                .filter(|(_, n)| n.is_activity())
                .count()
        })
        .sum();
    if let Some(last) = bench.results.last_mut() {
        last.activities = activities;
    }
    let counts = (repo.models.len(), activities);

    // match
    if want("match") {
        let matcher = peta_matching::Matcher::with_defaults();
        let r = bench.stage(
            size,
            "match",
            counts,
            || {
                let acts: Vec<peta_matching::Activity> = repo
                    .models
                    .par_iter()
                    .flat_map_iter(|m| peta_matching::activities_of(&m.model))
                    .collect();
                let result = matcher.match_repository(&acts);
                (acts, result)
            },
            |(acts, r)| {
                format!(
                    "{} elements, {} correspondences, {} groups",
                    acts.len(),
                    r.correspondences.len(),
                    r.groups.len()
                )
            },
        );
        if let (Some((acts, result)), Some(p)) = (&r, &planted) {
            let pairs = planted_pairs(p);
            let found = peta_matching::eval::pair_recall(acts, result, &pairs).found;
            println!(
                "         quality: planted duplicate pairs linked or grouped by the matcher: {found}/{} ({})",
                pairs.len(),
                pct(found, pairs.len())
            );
        }
        drop(r);
    }

    // analyze
    let analysis = if want("analyze") || want("store") || want("atlas") {
        bench.stage(
            size,
            "analyze",
            counts,
            || peta_analysis::analyze(&repo, &peta_analysis::AnalysisOptions::default()),
            |a| {
                let kinds = a
                    .summary
                    .recommendations
                    .iter()
                    .map(|(k, n)| format!("{} {n}", k.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ");
                let largest = a
                    .process_families
                    .iter()
                    .map(|f| f.processes.len())
                    .max()
                    .unwrap_or(0);
                format!(
                    "{} handoffs, {} shared activities, {} fragments, {} similar processes in {} families (largest {largest}), {} data requests, {} recommendations ({kinds})",
                    a.handoffs.len(),
                    a.shared_activities.len(),
                    a.fragments.len(),
                    a.similar_processes.len(),
                    a.process_families.len(),
                    a.data_requests.len(),
                    a.recommendations.len()
                )
            },
        )
    } else {
        None
    };
    // `PETA_BENCH_DUMP=FILE`: the analysis as JSON, for inspection.
    if let (Some(a), Some(path)) = (&analysis, std::env::var_os("PETA_BENCH_DUMP")) {
        match serde_json::to_vec(a) {
            Ok(json) => {
                if let Err(e) = std::fs::write(&path, json) {
                    println!("         dump failed: {e}");
                }
            }
            Err(e) => println!("         dump failed: {e}"),
        }
    }
    if let (Some(a), Some(p)) = (&analysis, &planted) {
        let key = |kind: &str, f: &str, t: &str| format!("{kind}|{f}|{t}");
        let truth: HashSet<String> = p
            .handoffs
            .iter()
            .map(|h| key(&h.kind, &h.from.reference, &h.to.reference))
            .collect();
        let found: HashSet<String> = a
            .handoffs
            .iter()
            .map(|h| {
                key(
                    h.kind.as_str(),
                    &format!("{}#{}", h.from.model, h.from.id),
                    &format!("{}#{}", h.to.model, h.to.id),
                )
            })
            .collect();
        let hit = truth.intersection(&found).count();
        println!(
            "         quality: handoffs recall {} ({hit}/{}), precision {} ({hit}/{})",
            pct(hit, truth.len()),
            truth.len(),
            pct(hit, found.len()),
            found.len()
        );
        let mut group_of: HashMap<(String, String), usize> = HashMap::new();
        for (gi, g) in a.shared_activities.iter().enumerate() {
            for m in &g.members {
                group_of.insert(
                    (
                        peta_analysis::strip_extension(&m.model).to_string(),
                        m.id.clone(),
                    ),
                    gi,
                );
            }
        }
        let pairs = planted_pairs(p);
        let grouped = pairs
            .iter()
            .filter(|(x, y)| matches!((group_of.get(x), group_of.get(y)), (Some(g1), Some(g2)) if g1 == g2))
            .count();
        println!(
            "         quality: planted duplicate pairs in one shared activity: {grouped}/{} ({})",
            pairs.len(),
            pct(grouped, pairs.len())
        );
    }
    let import_analyze = bench
        .results
        .iter()
        .filter(|r| r.size == size && (r.stage == "import" || r.stage == "analyze"))
        .fold((0.0, 0.0f64), |(t, m), r| (t + r.secs, m.max(r.peak_mib)));
    if analysis.is_some() {
        let r = StageResult {
            size,
            stage: "import+analyze".into(),
            secs: import_analyze.0,
            models: counts.0,
            activities: counts.1,
            peak_mib: import_analyze.1,
            note: "imported, linked and analysed (target: 10k models < 60 s, < 2 GiB)".into(),
        };
        print_row(&r);
        bench.results.push(r);
    }

    // store
    if want("store") {
        let db_dir = args.dir.join(format!("store-n{models}"));
        let _ = std::fs::remove_dir_all(&db_dir);
        if let Err(e) = std::fs::create_dir_all(&db_dir) {
            bench.not_available(size, "store-import", &e.to_string());
        } else {
            let db = db_dir.join("peta.db");
            let store = bench.stage(
                size,
                "store-import",
                counts,
                || -> Result<(peta_store::Store, peta_store::ImportReport), peta_store::StoreError> {
                    let mut store = peta_store::Store::open(&db)?;
                    let opts = peta_store::ImportOptions {
                        registry_dir: Some(dir.clone()),
                        ..Default::default()
                    };
                    let report = store.import(&paths, &opts, &|_| {})?;
                    Ok((store, report))
                },
                |r| match r {
                    Ok((_, rep)) => format!(
                        "{} added, {} failed (parse + one transaction per file)",
                        rep.added.len(),
                        rep.failed.len()
                    ),
                    Err(e) => format!("FAILED: {e}"),
                },
            );
            if let (Some(Ok((mut store, _))), Some(a)) = (store, &analysis) {
                bench.stage(
                    size,
                    "store-save",
                    counts,
                    || store.save_analysis(a, &peta_store::LinkParams::default()),
                    |r| match r {
                        Ok(()) => "analysis (handoffs, groups, recommendations) saved".into(),
                        Err(e) => format!("FAILED: {e}"),
                    },
                );
            }
            let _ = std::fs::remove_dir_all(&db_dir);
        }
    }

    // atlas
    if want("atlas") {
        if let Some(a) = &analysis {
            let out = args.dir.join(format!("atlas-n{models}"));
            let _ = std::fs::remove_dir_all(&out);
            bench.stage(
                size,
                "atlas",
                counts,
                || {
                    let input =
                        peta_atlas::input_from_analysis(&repo, a, peta_atlas::Lang::default());
                    let options = peta_atlas::Options {
                        out: out.clone(),
                        ..Default::default()
                    };
                    peta_atlas::render(&input, &options, &mut |_, _| {})
                },
                |r| match r {
                    Ok(s) => format!("{} pages", s.pages),
                    Err(e) => format!("FAILED: {e}"),
                },
            );
            let _ = std::fs::remove_dir_all(&out);
        } else {
            bench.not_available(size, "atlas", "needs the analysis stage");
        }
    }

    let all = bench
        .results
        .iter()
        .filter(|r| {
            r.size == size && !matches!(r.stage.as_str(), "generate" | "import+analyze" | "match")
        })
        .fold((0.0, 0.0f64), |(t, m), r| (t + r.secs, m.max(r.peak_mib)));
    let r = StageResult {
        size,
        stage: "end-to-end".into(),
        secs: all.0,
        models: counts.0,
        activities: counts.1,
        peak_mib: all.1,
        note: format!("sum of the stages run ({})", args.stages.join(",")),
    };
    print_row(&r);
    bench.results.push(r);
}

/// The same allocator as the `peta` binary (crates/cli/main.rs), so that the
/// figures are those users get.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args = parse_args();
    println!(
        "peta pipeline benchmark: sizes {:?}, {} rayon threads, {} CPUs, data in {}",
        args.sizes,
        rayon::current_num_threads(),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        args.dir.display()
    );
    println!(
        "{:>8} {:<16} {:>9} {:>11} {:>13} {:>10}  notes",
        "models", "stage", "wall s", "models/s", "activities/s", "peak MiB"
    );
    let mut bench = Bench {
        results: Vec::new(),
        peak_resets: false,
    };
    for &size in &args.sizes {
        run_size(&mut bench, &args, size);
    }
    if !bench.peak_resets {
        println!("note: /proc/self/clear_refs unavailable: peak MiB is the process peak so far");
    }
}
