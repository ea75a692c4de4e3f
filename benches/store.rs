//! Store benchmark: full import of a repository versus re-importing it
//! unchanged (every file hashed, nothing parsed or written) and with one
//! file changed.
//!
//! The repository is the MIWG reference corpus (`../shared/corpora/miwg`)
//! plus `processes/`, copied `PETA_BENCH_COPIES` times (default 2) under
//! different folder names into a temporary folder; without the corpus,
//! synthetic models are generated instead.
//!
//! Run: `cargo bench --bench store` (prints a table; harness = false).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use peta_store::{ImportOptions, Store};

fn bpmn_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            bpmn_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("bpmn"))
        {
            out.push(p);
        }
    }
}

fn synthetic(n: usize) -> String {
    let mut body = String::new();
    let mut prev = "s".to_string();
    for i in 0..40 {
        body.push_str(&format!(
            "<userTask id=\"T{i}\" name=\"Memeriksa dokumen {n} tahap {i}\"/>\
             <sequenceFlow id=\"F{i}\" sourceRef=\"{prev}\" targetRef=\"T{i}\"/>"
        ));
        prev = format!("T{i}");
    }
    format!(
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\" targetNamespace=\"urn:b\">\
         <process id=\"P{n}\"><startEvent id=\"s\"/>{body}</process></definitions>"
    )
}

/// Builds the repository; returns its file count.
fn build(dir: &Path, copies: usize) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    bpmn_files(&root.join("../shared/corpora/miwg"), &mut sources);
    bpmn_files(&root.join("processes"), &mut sources);
    let mut n = 0;
    if sources.is_empty() {
        eprintln!("store bench: no MIWG corpus or processes/; generating synthetic models");
        for i in 0..800 * copies {
            let sub = dir.join(format!("s{}", i % 20));
            std::fs::create_dir_all(&sub).expect("mkdir");
            std::fs::write(sub.join(format!("m{i}.bpmn")), synthetic(i)).expect("write");
            n += 1;
        }
        return n;
    }
    for c in 0..copies {
        for (i, src) in sources.iter().enumerate() {
            let sub = dir.join(format!("copy{c}/d{}", i % 50));
            std::fs::create_dir_all(&sub).expect("mkdir");
            std::fs::copy(src, sub.join(format!("f{i}.bpmn"))).expect("copy");
            n += 1;
        }
    }
    n
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed())
}

fn main() {
    let copies: usize = std::env::var("PETA_BENCH_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let tmp = tempfile::tempdir().expect("tempdir");
    let repo = tmp.path().join("repo");
    let files = build(&repo, copies);
    let db = tmp.path().join("bench.db");
    let roots = [repo.clone()];
    let opts = ImportOptions::default();

    // Reference: parsing alone (parallel), what every import must at least do.
    let mut all = Vec::new();
    bpmn_files(&repo, &mut all);
    let (_, t_parse) = time(|| peta_bpmn::parse_files(&all, &peta_bpmn::ParseOptions::default()));

    let mut store = Store::open(&db).expect("open");
    let (full, t_full) = time(|| store.import(&roots, &opts, &|_| {}).expect("import"));
    let (same, t_same) = time(|| store.import(&roots, &opts, &|_| {}).expect("re-import"));
    assert!(
        same.added.is_empty() && same.replaced.is_empty(),
        "an unchanged re-import must not import anything"
    );
    // Change one file.
    let mut any = Vec::new();
    bpmn_files(&repo, &mut any);
    if let Some(first) = any.first() {
        let mut text = std::fs::read(first).expect("read");
        text.extend_from_slice(b"\n<!-- changed -->\n");
        std::fs::write(first, text).expect("write");
    }
    let (one, t_one) = time(|| store.import(&roots, &opts, &|_| {}).expect("re-import one"));
    let st = store.status().expect("status");
    let db_size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);

    println!(
        "store import benchmark ({files} files, {} models, {} activities, db {:.1} MiB)",
        st.models,
        st.activities,
        db_size as f64 / 1048576.0
    );
    println!("{:<28} {:>10} {:>12}", "run", "time (s)", "files/s");
    let row = |name: &str, d: Duration| {
        println!(
            "{name:<28} {:>10.3} {:>12.0}",
            d.as_secs_f64(),
            files as f64 / d.as_secs_f64()
        );
    };
    row("parse only (reference)", t_parse);
    row("full import", t_full);
    row("unchanged re-import", t_same);
    row("one file changed", t_one);
    println!(
        "unchanged / full = {:.3} ({:.1}x faster); one changed: {} replaced, {} unchanged",
        t_same.as_secs_f64() / t_full.as_secs_f64(),
        t_full.as_secs_f64() / t_same.as_secs_f64(),
        one.replaced.len(),
        one.unchanged
    );
    println!(
        "full import: {} added, {} failed",
        full.added.len(),
        full.failed.len()
    );
}
