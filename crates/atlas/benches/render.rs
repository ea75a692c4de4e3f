//! Renders an atlas of N synthetic models (default 10,000; `PETA_BENCH_MODELS`
//! overrides) without diagram interchange, so every diagram goes through the
//! automatic layout, and prints pages, seconds and pages per second.
//! Peak memory: run under `/usr/bin/time -v`.
//!
//! The findings have the counts `peta analyze` reported for 10,000 generated
//! models (`peta generate --agencies 100 --models-per-agency 100`), scaled
//! with N: 100 agencies, 2 shared groups (4 members), 3 handoffs, 2.5
//! duplicated fragments (3 occurrences of 3 activities) and 1.7 similar
//! process pairs per model, 300 business objects each read by N/300
//! activities, and N/2 recommendations. `PETA_BENCH_FINDINGS=0` leaves the
//! fragments, similar processes and data requests out.
//!
//!   cargo bench -p peta-atlas --bench render
//!   PETA_BENCH_MODELS=1000 /usr/bin/time -v cargo bench -p peta-atlas --bench render

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use peta_atlas::*;
use peta_bpmn::*;

const AGENCIES: usize = 100;
const THEMES: usize = 20;
const OBJECTS: usize = 300;
const TASKS: usize = 18;

fn label(s: String) -> Option<Label> {
    Some(Label {
        raw: s.clone(),
        display: s,
    })
}

fn node(id: String, name: String, kind: FlowNodeKind) -> FlowNode {
    FlowNode {
        id,
        name: label(name),
        kind,
        parent: None,
        default_flow: None,
        documentation: vec![],
        ext: Extensions::default(),
        pos: Position::default(),
    }
}

fn model(i: usize) -> Model {
    let verbs = [
        "Verifikasi",
        "Validasi",
        "Menyusun",
        "Mengirim",
        "Menerima",
        "Menetapkan",
        "Mengarsipkan",
        "Memeriksa",
    ];
    let objects = [
        "berkas usulan",
        "data kependudukan",
        "surat keputusan",
        "laporan",
        "dokumen persyaratan",
        "data pegawai",
    ];
    let mut nodes = vec![node(
        "Start".into(),
        "Mulai".into(),
        FlowNodeKind::Event {
            kind: EventKind::Start,
            definitions: vec![],
            attached_to: None,
            cancel_activity: true,
        },
    )];
    for k in 0..TASKS {
        let name = format!(
            "{} {} {}",
            verbs[(i + k) % verbs.len()],
            objects[(i * 7 + k) % objects.len()],
            k
        );
        nodes.push(node(
            format!("Task_{k}"),
            name,
            FlowNodeKind::Task(TaskKind::User),
        ));
    }
    nodes.push(node(
        "Gw".into(),
        "Lengkap?".into(),
        FlowNodeKind::Gateway(GatewayKind::Exclusive),
    ));
    nodes.push(node(
        "End".into(),
        "Selesai".into(),
        FlowNodeKind::Event {
            kind: EventKind::End,
            definitions: vec![],
            attached_to: None,
            cancel_activity: true,
        },
    ));
    let ids: Vec<String> = nodes.iter().map(|n| n.id.clone()).collect();
    let mut flows: Vec<SequenceFlow> = ids
        .windows(2)
        .enumerate()
        .map(|(k, w)| SequenceFlow {
            id: format!("F{k}"),
            source_ref: w[0].clone(),
            target_ref: w[1].clone(),
            ..SequenceFlow::default()
        })
        .collect();
    flows.push(SequenceFlow {
        id: "Back".into(),
        source_ref: "Gw".into(),
        target_ref: "Task_3".into(),
        ..SequenceFlow::default()
    });
    let half = ids.len() / 2;
    let lane = |id: &str, name: &str, refs: &[String]| Lane {
        id: id.into(),
        name: label(name.into()),
        flow_node_refs: refs.to_vec(),
        ..Lane::default()
    };
    let process = Process {
        id: format!("P{i}"),
        name: label(format!("Proses layanan {i}")),
        lane_sets: vec![LaneSet {
            id: None,
            name: None,
            lanes: vec![
                lane("L1", "Bidang Pelayanan", &ids[..half]),
                lane("L2", "Bidang Verifikasi", &ids[half..]),
            ],
        }],
        flow_nodes: nodes,
        sequence_flows: flows,
        ..Process::default()
    };
    Model {
        key: format!("t{}/m{i}", i % THEMES),
        collaborations: vec![Collaboration {
            id: "C".into(),
            participants: vec![Participant {
                id: "Pool".into(),
                name: label(format!("Instansi {}", i % AGENCIES)),
                process_ref: Some(format!("P{i}")),
                ..Participant::default()
            }],
            ..Collaboration::default()
        }],
        processes: vec![process],
        ..Model::default()
    }
}

fn main() {
    let n: usize = std::env::var("PETA_BENCH_MODELS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let models: Vec<Model> = (0..n).map(model).collect();
    let agencies_toml: String = (0..AGENCIES).map(|a| format!("[[agency]]\ncode = \"A{a}\"\nname = \"Instansi {a}\"\naliases = [\"Instansi {a}\"]\n")).collect();
    let agencies =
        peta_registry::Registry::parse_agencies(&agencies_toml, Path::new("agencies.toml"))
            .expect("agencies");
    let themes_toml: String = (0..THEMES)
        .map(|t| format!("[[theme]]\ncode = \"T{t}\"\nname_id = \"Tema {t}\"\nname_en = \"Theme {t}\"\ndescription_id = \"\"\ndescription_en = \"\"\nmodels = [\"t{t}/*\"]\n"))
        .collect();
    let themes = peta_registry::Registry::parse_themes(&themes_toml, Path::new("themes.toml"))
        .expect("themes");
    let key = |m: usize, id: &str| ElementKey {
        model: models[m].key.clone(),
        id: id.into(),
    };
    let agency_of = |m: usize| format!("A{}", m % AGENCIES);
    let findings = std::env::var("PETA_BENCH_FINDINGS").map_or(true, |v| v != "0");
    // shared groups: 2 per model, members in 4 agencies
    let mut groups = Vec::new();
    for g in 0..n * 2 {
        let members = (0..4)
            .map(|j| {
                let m = (g * 4 + j * 7) % n;
                Occurrence {
                    node: key(m, &format!("Task_{}", g % TASKS)),
                    label: format!("aktivitas {g}"),
                    agency: Some(agency_of(m)),
                    explanation: "sama".into(),
                }
            })
            .collect();
        groups.push(SharedGroup {
            id: format!("g{g}"),
            label: format!("Aktivitas bersama {g}"),
            members,
        });
    }
    // 3 handoffs per model, to the next models
    let handoffs = (0..n * 3)
        .map(|h| {
            let m = h / 3;
            let o = (m + 1 + h % 3 * 13) % n;
            Handoff {
                kind: HandoffKind::ControlFlow,
                from: HandoffEnd {
                    node: key(m, "Task_5"),
                    label: "kirim".into(),
                    agency: agency_of(m),
                },
                to: HandoffEnd {
                    node: key(o, "Task_6"),
                    label: "terima".into(),
                    agency: agency_of(o),
                },
            }
        })
        .collect();
    let recommendations = (0..n / 2)
        .map(|r| Recommendation {
            rank: r + 1,
            kind: ["shared_service", "integration", "process_standardisation"][r % 3].into(),
            title: format!("Rekomendasi {r}"),
            rationale: "Alasan".into(),
            score: 1.0 / (r + 1) as f64,
            themes: vec![format!("T{}", r % THEMES)],
            agencies: vec![agency_of(r), agency_of(r + 1)],
            evidence: vec![
                Evidence::Group(format!("g{r}")),
                Evidence::Element {
                    key: key(r % n, "Task_2"),
                    label: "bukti".into(),
                },
            ],
        })
        .collect();
    let process_ref = |m: usize| ProcessRef {
        model: models[m].key.clone(),
        process: format!("P{m}"),
        name: format!("Proses layanan {m}"),
        agency: Some(agency_of(m)),
    };
    let fragments: Vec<Fragment> = (0..if findings { n * 5 / 2 } else { 0 })
        .map(|f| {
            let first = f % (TASKS - 3);
            Fragment {
                id: format!("F-{f}"),
                labels: (0..3).map(|k| format!("langkah {f}.{k}")).collect(),
                agencies: (0..3).map(|j| agency_of(f + j * 11)).collect(),
                occurrences: (0..3)
                    .map(|j| {
                        let m = (f + j * 11) % n;
                        FragmentOccurrence {
                            process: process_ref(m),
                            nodes: (first..first + 3).map(|k| format!("Task_{k}")).collect(),
                            labels: (0..3).map(|k| format!("langkah {f}.{k}")).collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let similar: Vec<SimilarPair> = (0..if findings { n * 17 / 10 } else { 0 })
        .map(|s| SimilarPair {
            a: process_ref(s % n),
            b: process_ref((s * 7 + 3) % n),
            matched: 12,
            activities_a: TASKS,
            activities_b: TASKS,
            share: 12.0 / TASKS as f64,
        })
        .collect();
    // families of similar processes: 6 processes each, one per 25 models
    let families: Vec<ProcessFamily> = (0..if findings { n / 25 } else { 0 })
        .map(|f| {
            let processes: Vec<ProcessRef> = (0..6).map(|j| process_ref((f * 6 + j) % n)).collect();
            let mut agencies: Vec<String> =
                processes.iter().filter_map(|p| p.agency.clone()).collect();
            agencies.sort();
            agencies.dedup();
            ProcessFamily {
                id: format!("PF-{f}"),
                agencies,
                processes,
                pairs: 9,
                mean_share: 0.7,
            }
        })
        .collect();
    let data_use = |m: usize, object: usize| DataUse {
        node: key(m, "Task_1"),
        process: format!("P{m}"),
        label: "Periksa berkas".into(),
        agency: Some(agency_of(m)),
        data_label: format!("Dokumen {object}"),
    };
    let data_requests: Vec<DataRequest> = (0..if findings { OBJECTS } else { 0 })
        .map(|o| {
            let reads: Vec<DataUse> = (o..n).step_by(OBJECTS).map(|m| data_use(m, o)).collect();
            let mut consumers: Vec<String> =
                reads.iter().filter_map(|u| u.agency.clone()).collect();
            consumers.sort();
            consumers.dedup();
            DataRequest {
                object: format!("dokumen {o}"),
                label: format!("Dokumen {o}"),
                consumers,
                producers: if o % 2 == 0 {
                    vec![agency_of(o)]
                } else {
                    vec![]
                },
                reads,
                writes: if o % 2 == 0 {
                    vec![data_use(o % n, o)]
                } else {
                    vec![]
                },
            }
        })
        .collect();
    let input = AtlasInput {
        title: String::new(),
        agencies,
        themes,
        models: models
            .iter()
            .enumerate()
            .map(|(i, m)| ModelInput {
                path: format!("{}.bpmn", m.key),
                model: m,
                agency: Some(agency_of(i)),
                themes: vec![format!("T{}", i % THEMES)],
            })
            .collect(),
        groups,
        handoffs,
        recommendations,
        fragments,
        similar,
        families,
        data_requests,
        node_agencies: HashMap::new(),
    };
    let tmp = std::env::temp_dir().join(format!("peta-atlas-bench-{}", std::process::id()));
    let out = tmp.join("atlas");
    let started = Instant::now();
    let summary = render(
        &input,
        &Options {
            out: out.clone(),
            ..Options::default()
        },
        &mut |_, _| {},
    )
    .expect("render");
    let secs = started.elapsed().as_secs_f64();
    let mut sizes = Vec::new();
    walk(&out, &mut sizes);
    let bytes: u64 = sizes.iter().map(|(_, b)| b).sum();
    println!(
        "atlas: {n} models -> {} pages, {:.1} MB in {secs:.2} s ({:.0} pages/s)",
        summary.pages,
        bytes as f64 / 1e6,
        summary.pages as f64 / secs
    );
    // where the bytes go: per folder (lists: global / agency / theme), and the largest files
    let mut by_kind: std::collections::BTreeMap<String, (usize, u64)> = Default::default();
    for (p, b) in &sizes {
        let rel = p.strip_prefix(&out).unwrap_or(p);
        let mut kind = rel
            .parent()
            .and_then(|d| d.to_str())
            .filter(|d| !d.is_empty())
            .unwrap_or(".")
            .to_string();
        let name = rel.file_name().and_then(|f| f.to_str()).unwrap_or("");
        if kind == "list" {
            kind.push_str(if name.starts_with("a-") {
                " (agency)"
            } else if name.starts_with("t-") {
                " (theme)"
            } else {
                " (global)"
            });
        }
        let e = by_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += b;
    }
    for (kind, (files, b)) in &by_kind {
        println!(
            "  {kind:<16} {files:>6} files {:>8.1} MB (mean {:>6.1} kB)",
            *b as f64 / 1e6,
            *b as f64 / 1e3 / *files as f64
        );
    }
    sizes.sort_by_key(|(_, b)| std::cmp::Reverse(*b));
    for (p, b) in sizes.iter().take(5) {
        let rel = p.strip_prefix(&out).unwrap_or(p);
        println!("  largest: {:>8.1} kB {}", *b as f64 / 1e3, rel.display());
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

fn walk(p: &Path, out: &mut Vec<(std::path::PathBuf, u64)>) {
    let Ok(rd) = std::fs::read_dir(p) else { return };
    for e in rd.flatten() {
        let path = e.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            out.push((path, len));
        }
    }
}
