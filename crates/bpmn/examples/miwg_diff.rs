//! Prints, per MIWG reference model and vendor export, the element counts
//! that differ from the reference.
use peta_bpmn::*;
use std::path::Path;

fn counts(m: &Model) -> [usize; 7] {
    let mut c = [0; 7];
    for (_, n) in m.flow_nodes() {
        match n.kind {
            FlowNodeKind::Task(_) => c[0] += 1,
            FlowNodeKind::Event { .. } => c[1] += 1,
            FlowNodeKind::Gateway(_) => c[2] += 1,
            _ => {}
        }
    }
    for p in &m.processes {
        c[3] += p.sequence_flows.len();
        c[5] += p.lanes().len();
    }
    for co in &m.collaborations {
        c[4] += co.participants.len();
        c[6] += co.message_flows.len();
    }
    c
}

fn main() {
    let root = Path::new("/work/shared/corpora/miwg");
    let opts = ParseOptions::default();
    let names = [
        "tasks",
        "events",
        "gateways",
        "flows",
        "participants",
        "lanes",
        "msgflows",
    ];
    let mut refs = std::collections::BTreeMap::new();
    for e in std::fs::read_dir(root.join("Reference")).unwrap().flatten() {
        let p = e.path();
        let case = p.file_stem().unwrap().to_string_lossy().into_owned();
        refs.insert(case, counts(&parse_file(&p, &opts).unwrap()));
    }
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let (mut agree, mut differ) = (0, 0);
    for d in dirs {
        let vendor = d.file_name().unwrap().to_string_lossy().into_owned();
        if vendor == "Reference" || vendor == "Work in Progress" {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            let Some((case, kind)) = stem.rsplit_once('-') else {
                continue;
            };
            let Some(r) = refs.get(case) else {
                println!("?? {vendor}/{stem}");
                continue;
            };
            let m = match parse_file(&f, &opts) {
                Ok(m) => m,
                Err(e) => {
                    println!("ERR {e}");
                    continue;
                }
            };
            let c = counts(&m);
            let diffs: Vec<String> = (0..7)
                .filter(|&i| c[i] != r[i])
                .map(|i| format!("{} {}->{}", names[i], r[i], c[i]))
                .collect();
            if diffs.is_empty() {
                agree += 1
            } else {
                differ += 1;
                println!("{vendor}\t{case}\t{kind}\t{}", diffs.join(", "));
            }
        }
    }
    println!("agree {agree} differ {differ}");
}
