//! Parses every BPMN-looking file under the given directories and prints
//! failures and totals: `cargo run -p peta-bpmn --example scan -- DIR...`.
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| matches!(x, "bpmn" | "bpmn2" | "xml"))
        {
            out.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        let p = Path::new(&a);
        if p.is_dir() {
            walk(p, &mut files);
        } else {
            files.push(p.to_path_buf());
        }
    }
    files.sort();
    let opts = peta_bpmn::ParseOptions::default();
    let (mut ok, mut bad, mut warned) = (0, 0, 0);
    for f in &files {
        match peta_bpmn::parse_file(f, &opts) {
            Ok(m) => {
                ok += 1;
                if !m.diagnostics.is_empty() {
                    warned += 1;
                    if std::env::var("SHOW_WARN").is_ok() {
                        for d in &m.diagnostics {
                            println!(
                                "WARN {}:{}:{}: [{}] {}",
                                f.display(),
                                d.line,
                                d.column,
                                d.code,
                                d.message
                            );
                        }
                    }
                }
            }
            Err(e) => {
                bad += 1;
                println!("FAIL {e}");
            }
        }
    }
    println!(
        "files {} ok {ok} failed {bad} with warnings {warned}",
        files.len()
    );
}
