//! Import throughput of the BPMN importer over the MIWG corpus, in MB/s of
//! input, on one core and on all cores (rayon pools of 1 and N threads),
//! next to a bare quick-xml pass that resolves namespaces and builds
//! nothing (the ceiling a pull parser can reach on this machine).
//!
//! `cargo bench --bench import` (files from `../shared/corpora/miwg`, or the
//! folder in `PETA_BENCH_DIR`; `PETA_BENCH_SECS` sets the time spent per
//! measurement, default 3). The last line is machine-readable for
//! `benches/moddle/compare.sh`:
//! `RESULT files=… bytes=… bare_mb_s=… one_core_mb_s=… all_cores_mb_s=… threads=…`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use peta_bpmn::{parse_bytes, ParseOptions};
use quick_xml::events::Event;
use quick_xml::reader::NsReader;
use rayon::prelude::*;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "bpmn") {
            out.push(p);
        }
    }
}

/// Runs `pass` (one pass over every file) repeatedly for about `budget`
/// and returns the best pass time (after one warm-up pass).
fn best_pass(budget: Duration, mut pass: impl FnMut()) -> Duration {
    pass();
    let start = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < 3 || start.elapsed() < budget {
        let t = Instant::now();
        pass();
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

/// A namespace-resolving pass that builds nothing: the parser's floor.
fn bare_pass(text: &str) -> usize {
    let mut reader = NsReader::from_str(text);
    let mut n = 0usize;
    loop {
        match reader.read_resolved_event() {
            Ok((_, Event::Eof)) | Err(_) => break,
            Ok((ns, Event::Start(e) | Event::Empty(e))) => {
                n += usize::from(matches!(ns, quick_xml::name::ResolveResult::Bound(_)));
                n += e.attributes().count();
            }
            Ok(_) => n += 1,
        }
    }
    n
}

fn mb_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn main() {
    let dir = std::env::var_os("PETA_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/corpora/miwg"
            ))
        });
    let secs: u64 = std::env::var("PETA_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let budget = Duration::from_secs(secs);
    let mut paths = Vec::new();
    walk(&dir, &mut paths);
    paths.sort();
    if paths.is_empty() {
        eprintln!(
            "SKIP: no .bpmn files under {} (set PETA_BENCH_DIR)",
            dir.display()
        );
        return;
    }
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let opts = ParseOptions::default();
    println!(
        "import benchmark: {} files, {:.2} MB from {}",
        files.len(),
        bytes as f64 / 1e6,
        dir.display()
    );

    // The bare pass needs text: transcode once, outside the timing.
    let texts: Vec<String> = files
        .iter()
        .map(|(_, b)| peta_bpmn::source_text(b).into_owned())
        .collect();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let bare = best_pass(budget, || {
        let n: usize = texts.iter().map(|t| bare_pass(t)).sum();
        std::hint::black_box(n);
    });
    let bare_mb_s = mb_s(text_bytes, bare);
    println!("  bare quick-xml pass, 1 core : {bare_mb_s:8.1} MB/s  (best pass {bare:.2?})");

    let import_all = |pool: &rayon::ThreadPool| {
        pool.install(|| {
            let ok: usize = files
                .par_iter()
                .map(|(name, b)| usize::from(parse_bytes("k", name, b, &opts).is_ok()))
                .sum();
            std::hint::black_box(ok);
        })
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a rayon pool of 1");
    let one_core = best_pass(budget, || import_all(&one));
    let one_mb_s = mb_s(bytes, one_core);
    println!(
        "  peta import, 1 core         : {one_mb_s:8.1} MB/s  (best pass {one_core:.2?}; {:.0}% of the bare pass)",
        100.0 * one_mb_s / bare_mb_s
    );

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon pool of N");
    let all_cores = best_pass(budget, || import_all(&all));
    let all_mb_s = mb_s(bytes, all_cores);
    println!(
        "  peta import, {threads} threads     : {all_mb_s:8.1} MB/s  (best pass {all_cores:.2?})"
    );
    println!(
        "RESULT files={} bytes={bytes} bare_mb_s={bare_mb_s:.1} one_core_mb_s={one_mb_s:.1} all_cores_mb_s={all_mb_s:.1} threads={threads}",
        files.len()
    );
}
