//! `Matcher::match_repository` on a generated repository (`peta generate`),
//! without the rest of the pipeline:
//! `cargo run --release -p peta-matching --example repository -- DIR`.
//!
//! Parses every `.bpmn` under DIR, extracts the activities, then times the
//! matcher alone and reads its peak resident memory (VmHWM, reset through
//! `/proc/self/clear_refs` after parsing, so it includes the activities but
//! not the parsed models, which are dropped). With `planted.json` in DIR
//! (written by the generator), reports the share of planted duplicate pairs
//! that are linked or grouped. Prints a digest (FNV-1a over the result's
//! JSON) so that two builds of the matcher can be checked for identical
//! output; `PETA_MATCH_DUMP=FILE` also writes that JSON.

use std::path::{Path, PathBuf};
use std::time::Instant;

use peta_matching::{activities_of, Activity, Matcher};
use rayon::prelude::*;

fn bpmn_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            bpmn_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "bpmn") {
            out.push(p);
        }
    }
}

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

/// FNV-1a (64-bit) over everything written: a digest that is the same on
/// every platform and toolchain.
struct Fnv(u64);

impl std::io::Write for Fnv {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn planted_pairs(dir: &Path) -> Vec<((String, String), (String, String))> {
    let Ok(bytes) = std::fs::read(dir.join("planted.json")) else {
        return Vec::new();
    };
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Vec::new();
    };
    let key = |r: &str| {
        let (file, id) = r.split_once('#').unwrap_or((r, ""));
        (file.trim_end_matches(".bpmn").to_string(), id.to_string())
    };
    let mut out = Vec::new();
    for c in v["clusters"].as_array().into_iter().flatten() {
        let refs: Vec<&str> = c["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["ref"].as_str())
            .collect();
        for (i, a) in refs.iter().enumerate() {
            for b in &refs[i + 1..] {
                out.push((key(a), key(b)));
            }
        }
    }
    out
}

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: repository DIR");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    bpmn_files(&dir, &mut files);
    files.sort();
    let t = Instant::now();
    let acts: Vec<Activity> = files
        .par_iter()
        .flat_map_iter(|f| {
            let rel = f
                .strip_prefix(&dir)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            match peta_bpmn::parse_file(f, &Default::default()) {
                Ok(mut m) => {
                    m.key = rel.trim_end_matches(".bpmn").to_string();
                    activities_of(&m)
                }
                Err(e) => {
                    eprintln!("skipping {}: {e}", f.display());
                    Vec::new()
                }
            }
        })
        .collect();
    println!(
        "{} files, {} elements, parsed in {:.1} s, peak {:.0} MiB",
        files.len(),
        acts.len(),
        t.elapsed().as_secs_f64(),
        peak_mib()
    );
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let matcher = Matcher::with_defaults();
    let t = Instant::now();
    let result = matcher.match_repository(&acts);
    let secs = t.elapsed().as_secs_f64();
    let largest = result.groups.iter().map(|g| g.members.len()).max();
    println!(
        "match: {secs:.1} s, peak {:.0} MiB, {} correspondences ({:.1} per element), {} groups (largest {})",
        peak_mib(),
        result.correspondences.len(),
        result.correspondences.len() as f64 / acts.len().max(1) as f64,
        result.groups.len(),
        largest.unwrap_or(0)
    );
    let mut digest = Fnv(0xcbf2_9ce4_8422_2325);
    match serde_json::to_writer(&mut digest, &result) {
        Ok(()) => println!("digest: {:016x}", digest.0),
        Err(e) => eprintln!("digest: {e}"),
    }
    if let Some(path) = std::env::var_os("PETA_MATCH_DUMP") {
        let written = std::fs::File::create(&path)
            .map(std::io::BufWriter::new)
            .map_err(serde_json::Error::io)
            .and_then(|w| serde_json::to_writer(w, &result));
        if let Err(e) = written {
            eprintln!("{}: {e}", PathBuf::from(path).display());
        }
    }
    let pairs = planted_pairs(&dir);
    if pairs.is_empty() {
        return;
    }
    let r = peta_matching::eval::pair_recall(&acts, &result, &pairs);
    let (found, grouped, known) = (r.found, r.grouped, r.known);
    println!(
        "quality: planted duplicate pairs linked or grouped {found}/{} ({:.1}%), grouped {:.1}% ({} found in the elements)",
        pairs.len(),
        100.0 * found as f64 / pairs.len() as f64,
        100.0 * grouped as f64 / pairs.len() as f64,
        known
    );
}
