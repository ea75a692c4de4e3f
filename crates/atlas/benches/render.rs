//! Renders an atlas of N synthetic models (default 10,000; `PETA_BENCH_MODELS`
//! overrides) without diagram interchange, so every diagram goes through the
//! automatic layout, and prints pages, seconds and pages per second.
//! Peak memory: run under `/usr/bin/time -v`.
//!
//!   cargo bench -p peta-atlas --bench render
//!   PETA_BENCH_MODELS=1000 /usr/bin/time -v cargo bench -p peta-atlas --bench render

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use peta_atlas::*;
use peta_bpmn::*;

const AGENCIES: usize = 40;
const THEMES: usize = 8;
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
    // a shared group per (task slot, agency block): members in 4 agencies
    let mut groups = Vec::new();
    for g in 0..n / 4 {
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
    let handoffs = (0..n)
        .map(|m| {
            let o = (m + 1) % n;
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
    let recommendations = (0..200)
        .map(|r| Recommendation {
            rank: r + 1,
            kind: "shared_service".into(),
            title: format!("Rekomendasi {r}"),
            rationale: "Alasan".into(),
            score: 1.0 / (r + 1) as f64,
            themes: vec![format!("T{}", r % THEMES)],
            agencies: vec![agency_of(r), agency_of(r + 1)],
            evidence: vec![Evidence::Group(format!("g{r}"))],
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
    let bytes: u64 = walk(&out);
    println!(
        "atlas: {n} models -> {} pages, {:.1} MB in {secs:.2} s ({:.0} pages/s)",
        summary.pages,
        bytes as f64 / 1e6,
        summary.pages as f64 / secs
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

fn walk(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
