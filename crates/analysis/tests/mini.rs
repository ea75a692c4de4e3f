//! Handoff semantics, agency resolution and statistics on a small hand-made
//! repository (`tests/fixtures/mini`), every expected value worked out by hand.

use std::collections::BTreeSet;
use std::path::PathBuf;

use peta_analysis::{analyze, AnalysisOptions, Handoff, HandoffKind, Repository};

fn mini() -> Repository {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
    let (repo, errors) = Repository::load(&[dir], None);
    assert!(errors.is_empty(), "{errors:?}");
    repo
}

fn row(h: &Handoff) -> String {
    format!(
        "{} {}#{}({}) -> {}#{}({})",
        h.kind.as_str(),
        h.from.model,
        h.from.id,
        h.from.agency.as_deref().unwrap_or("-"),
        h.to.model,
        h.to.id,
        h.to.agency.as_deref().unwrap_or("-"),
    )
}

#[test]
fn loads_models_with_relative_paths_and_keys() {
    let repo = mini();
    let paths: Vec<&str> = repo.models.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "collab.bpmn",
            "kemenkeu/bayar.bpmn",
            "lanes.bpmn",
            "taspen.bpmn"
        ]
    );
    assert_eq!(repo.models[1].model.key, "kemenkeu/bayar");
    assert_eq!(repo.registry.agencies.len(), 4);
    assert_eq!(repo.registry.themes.len(), 2);
}

#[test]
fn finds_exactly_the_handoffs_of_the_semantics() {
    let a = analyze(&mini(), &AnalysisOptions::default());
    let got: Vec<String> = a.handoffs.iter().map(row).collect();
    let want = [
        "message_flow collab.bpmn#B2(BKN) -> collab.bpmn#K0(KEMENKEU)",
        "message_flow collab.bpmn#K2(KEMENKEU) -> collab.bpmn#P_bkn(BKN)",
        "control_flow lanes.bpmn#T2(BKN) -> lanes.bpmn#T3(TASPEN)",
        "control_flow lanes.bpmn#T3(TASPEN) -> lanes.bpmn#T4(BKN)",
        "call_activity collab.bpmn#B4(BKN) -> taspen.bpmn#Proses_Taspen(TASPEN)",
        "call_activity collab.bpmn#B5(BKN) -> kemenkeu/bayar.bpmn#Bayar(KEMENKEU)",
        "data lanes.bpmn#T2(BKN) -> lanes.bpmn#T3(TASPEN)",
    ];
    assert_eq!(got, want);
    let pool_end = &a.handoffs[1];
    assert_eq!(pool_end.to.label, "BKN");
    let call = a.handoffs.iter().find(|h| h.from.id == "B5").unwrap();
    assert_eq!(call.to.label, "Pembayaran Gaji");
    let data = a
        .handoffs
        .iter()
        .find(|h| h.kind == HandoffKind::Data)
        .unwrap();
    assert_eq!(data.via.as_deref(), Some("DO1"));
    assert_eq!(data.via_label.as_deref(), Some("Data NIK"));
    assert!(!data.manual, "T3 is a service task");
    assert!(a.handoffs[0].manual);
    assert_eq!(a.handoffs[0].via_label.as_deref(), Some("Usulan gaji"));
    assert_eq!(a.handoffs[2].via.as_deref(), Some("F3"));
}

#[test]
fn crossings_with_actors_are_citizen_contacts() {
    let a = analyze(&mini(), &AnalysisOptions::default());
    let got: Vec<String> = a.citizen_contacts.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "message_flow collab.bpmn#P_pemohon(PEMOHON) -> collab.bpmn#B0(BKN)",
            "control_flow lanes.bpmn#T1(PEMOHON) -> lanes.bpmn#T2(BKN)",
            "control_flow lanes.bpmn#T2(BKN) -> lanes.bpmn#T5(PEMOHON)",
            "control_flow lanes.bpmn#T5(PEMOHON) -> lanes.bpmn#T2(BKN)",
        ]
    );
    assert_eq!(a.summary.actors, ["PEMOHON"]);
    assert_eq!(a.summary.agencies, ["BKN", "KEMENKEU", "TASPEN"]);
}

#[test]
fn lanes_units_and_pools_resolve_as_specified() {
    let a = analyze(&mini(), &AnalysisOptions::default());
    let agency = |model: &str, id: &str| {
        a.occurrences
            .iter()
            .find(|o| o.model == model && o.id == id)
            .unwrap_or_else(|| panic!("{model}#{id}"))
            .agency
            .clone()
    };
    // Unresolved child lane inside a resolving lane.
    assert_eq!(agency("lanes.bpmn", "T2").as_deref(), Some("BKN"));
    // A unit, spelt with other spacing and punctuation.
    assert_eq!(agency("lanes.bpmn", "T4").as_deref(), Some("BKN"));
    // Unresolved lane in an unresolved pool in a file with no place.
    assert_eq!(agency("lanes.bpmn", "T6"), None);
    // Model place (folder) when nothing else resolves.
    assert_eq!(
        agency("kemenkeu/bayar.bpmn", "KS1").as_deref(),
        Some("KEMENKEU")
    );
    let lane = a
        .occurrences
        .iter()
        .find(|o| o.id == "T2")
        .unwrap()
        .lane
        .clone();
    assert_eq!(lane.as_deref(), Some("Seksi Verifikasi"));
    let names: Vec<(&str, &str, Vec<String>)> = a
        .unresolved_names
        .iter()
        .map(|u| {
            (
                u.name.as_str(),
                u.kind.as_str(),
                u.fallback_agencies.clone(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Bagian Umum", "lane", vec![]),
            ("Direktorat X", "pool", vec![]),
            ("Proses Pensiun", "pool", vec![]),
            ("Seksi Verifikasi", "lane", vec!["BKN".to_string()]),
        ]
    );
}

#[test]
fn process_stats_ping_pong_and_chains() {
    let a = analyze(&mini(), &AnalysisOptions::default());
    let p1 = a.process_stats.iter().find(|p| p.process == "P1").unwrap();
    assert_eq!(p1.handoffs.control_flow, 2);
    assert_eq!(p1.handoffs.data, 1);
    assert_eq!(p1.handoffs.total, 3);
    assert_eq!(p1.agencies, ["BKN", "TASPEN"]);
    assert_eq!(p1.own_agencies, ["BKN", "TASPEN"]);
    assert_eq!(p1.longest_chain, 2);
    assert_eq!(p1.ping_pongs.len(), 1);
    let pp = &p1.ping_pongs[0];
    assert_eq!((pp.a.as_str(), pp.b.as_str()), ("BKN", "TASPEN"));
    let ids: Vec<&str> = pp.path.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["T2", "T3", "T4"]);

    let bkn = a
        .process_stats
        .iter()
        .find(|p| p.process == "Proses_BKN")
        .unwrap();
    assert_eq!(bkn.agency.as_deref(), Some("BKN"));
    assert_eq!(bkn.handoffs.message_flow, 1);
    assert_eq!(bkn.handoffs.call_activity, 2);
    assert_eq!(bkn.ping_pongs.len(), 1);
    let ids: Vec<&str> = bkn.ping_pongs[0]
        .path
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["B2", "K0", "K2", "P_bkn"]);
    assert_eq!(bkn.longest_chain, 2);

    let pair = a
        .pair_stats
        .iter()
        .find(|p| p.from == "BKN" && p.to == "TASPEN")
        .unwrap();
    assert_eq!(pair.counts.control_flow, 1);
    assert_eq!(pair.counts.call_activity, 1);
    assert_eq!(pair.counts.data, 1);
    assert_eq!(pair.counts.total, 3);
    let themes: Vec<(&str, usize)> = a
        .theme_stats
        .iter()
        .map(|t| (t.theme.as_str(), t.counts.total))
        .collect();
    assert_eq!(themes, [("GAJI", 4), ("PENSIUN", 3)]);
}

#[test]
fn theme_filter_restricts_but_calls_resolve_everywhere() {
    let a = analyze(
        &mini(),
        &AnalysisOptions {
            theme: Some("gaji".into()),
        },
    );
    assert_eq!(a.summary.theme.as_deref(), Some("GAJI"));
    assert_eq!(a.summary.models, 2);
    assert!(a.handoffs.iter().all(|h| h.themes == ["GAJI"]));
    assert_eq!(a.handoffs.len(), 4);
    assert!(a
        .handoffs
        .iter()
        .any(|h| h.kind == HandoffKind::CallActivity && h.to.model == "taspen.bpmn"));
    assert!(a.occurrences.iter().all(|o| o.model != "lanes.bpmn"));
}

#[test]
fn without_registry_pools_are_parties() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
    let (mut repo, _) = Repository::load(&[dir], None);
    repo.registry = Default::default();
    let a = analyze(&repo, &AnalysisOptions::default());
    let mf: Vec<String> = a
        .handoffs
        .iter()
        .filter(|h| h.kind == HandoffKind::MessageFlow)
        .map(row)
        .collect();
    assert_eq!(
        mf,
        [
            "message_flow collab.bpmn#B2(BKN) -> collab.bpmn#K0(Kementerian Keuangan)",
            "message_flow collab.bpmn#B3(BKN) -> collab.bpmn#P_x(Direktorat X)",
            "message_flow collab.bpmn#K2(Kementerian Keuangan) -> collab.bpmn#P_bkn(BKN)",
            "message_flow collab.bpmn#P_pemohon(ASN Pemohon) -> collab.bpmn#B0(BKN)",
        ]
    );
}

#[test]
fn two_runs_are_identical() {
    let repo = mini();
    let a = serde_json::to_string(&analyze(&repo, &AnalysisOptions::default())).unwrap();
    let b = serde_json::to_string(&analyze(&repo, &AnalysisOptions::default())).unwrap();
    assert_eq!(a, b);
}

#[test]
fn recommendations_are_typed_scored_and_ranked() {
    use peta_analysis::RecommendationKind as K;
    let a = analyze(&mini(), &AnalysisOptions::default());
    let got: Vec<(K, Vec<String>)> = a
        .recommendations
        .iter()
        .map(|r| (r.kind, r.agencies.clone()))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // Ping-pong in P1 carries T3's 2 days (960 min): T = 1 + ln(17) ≈ 3.83.
    assert_eq!(
        got,
        [
            (K::RemovePingPong, s(&["BKN", "TASPEN"])),
            (K::Integration, s(&["BKN", "KEMENKEU"])),
            (K::Integration, s(&["BKN", "TASPEN"])),
            (K::RemovePingPong, s(&["BKN", "KEMENKEU"])),
        ]
    );
    let ranks: Vec<usize> = a.recommendations.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    let top = &a.recommendations[0];
    assert_eq!(
        top.estimated_saving.as_ref().and_then(|s| s.minutes),
        Some(960.0)
    );
    assert!(
        (top.score - (1.0 + 17f64.ln())).abs() < 1e-3,
        "{}",
        top.score
    );
    assert_eq!(top.heuristic, "Contact reduction; numerical involvement");
    assert!(
        top.rationale.id.contains("bolak-balik") || top.rationale.id.contains("kembali ke BKN")
    );
    assert!(top.rationale.en.contains("back to BKN"));
    assert_eq!(top.processes, ["lanes.bpmn#P1"]);
    let ids: Vec<&str> = top.evidence.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["T2", "T3", "T4"]);
    // BKN–KEMENKEU: two manual message flows and a manual call = 3.0 × 0.8.
    assert!((a.recommendations[1].score - 2.4).abs() < 1e-9);
    // BKN–TASPEN, both directions: the call is manual (1); T2→T3, T3→T4 and
    // the data handoff touch the service task T3 (0.5 each): 2.5 × 0.8.
    assert!(
        (a.recommendations[2].score - 2.0).abs() < 1e-9,
        "{:#?}",
        a.recommendations[2]
    );
    assert_eq!(a.recommendations[2].themes, ["GAJI", "PENSIUN"]);
}

#[test]
fn unnamed_data_objects_still_hand_off_but_are_no_data_request() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <process id="P">
    <laneSet id="LS">
      <lane id="L1" name="BKN"><flowNodeRef>A</flowNodeRef></lane>
      <lane id="L2" name="Taspen"><flowNodeRef>B</flowNodeRef><flowNodeRef>C</flowNodeRef></lane>
    </laneSet>
    <task id="A" name="Menyusun"><dataOutputAssociation id="o1"><targetRef>R1</targetRef></dataOutputAssociation></task>
    <task id="B" name="Membaca"><dataInputAssociation id="i1"><sourceRef>R2</sourceRef></dataInputAssociation></task>
    <task id="C" name="Membaca lagi"><dataInputAssociation id="i2"><sourceRef>R1</sourceRef></dataInputAssociation></task>
    <dataObject id="O1"/>
    <dataObjectReference id="R1" name="Dokumen" dataObjectRef="O1"/>
    <dataObjectReference id="R2" dataObjectRef="O1"/>
  </process>
</definitions>"#;
    let model = peta_bpmn::parse_bytes("x", "x.bpmn", xml.as_bytes(), &Default::default()).unwrap();
    let registry = mini().registry;
    let repo = Repository::from_models(
        vec![peta_analysis::RepoModel {
            path: "x.bpmn".into(),
            model,
        }],
        registry,
    );
    let a = analyze(&repo, &AnalysisOptions::default());
    let got: Vec<String> = a.handoffs.iter().map(row).collect();
    assert_eq!(
        got,
        [
            "data x.bpmn#A(BKN) -> x.bpmn#B(TASPEN)",
            "data x.bpmn#A(BKN) -> x.bpmn#C(TASPEN)",
        ]
    );
    assert!(a.data_requests.is_empty());
}

fn pool_model(
    key: &str,
    pool: &str,
    tasks: &[(&str, &str)],
    data: &[(&str, &str, bool)],
) -> peta_analysis::RepoModel {
    // tasks: (id, label) in sequence; data: (task id, object label, written?)
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <collaboration id="C"><participant id="Pool" name="{pool}" processRef="P"/></collaboration>
  <process id="P" name="Proses {pool}">
    <startEvent id="S"/>
"#
    );
    for (id, label) in tasks {
        let mut assoc = String::new();
        for (i, (t, obj, written)) in data.iter().enumerate() {
            if t == id {
                let _ = obj;
                if *written {
                    assoc += &format!(
                        r#"<dataOutputAssociation id="o{i}"><targetRef>R{i}</targetRef></dataOutputAssociation>"#
                    );
                } else {
                    assoc += &format!(
                        r#"<dataInputAssociation id="i{i}"><sourceRef>R{i}</sourceRef></dataInputAssociation>"#
                    );
                }
            }
        }
        xml += &format!("    <userTask id=\"{id}\" name=\"{label}\">{assoc}</userTask>\n");
    }
    for (i, (_, obj, _)) in data.iter().enumerate() {
        xml += &format!("    <dataObjectReference id=\"R{i}\" name=\"{obj}\" dataObjectRef=\"O{i}\"/><dataObject id=\"O{i}\"/>\n");
    }
    xml += "    <endEvent id=\"E\"/>\n";
    let mut prev = "S".to_string();
    for (i, (id, _)) in tasks.iter().enumerate() {
        xml +=
            &format!("    <sequenceFlow id=\"F{i}\" sourceRef=\"{prev}\" targetRef=\"{id}\"/>\n");
        prev = id.to_string();
    }
    xml += &format!("    <sequenceFlow id=\"Fend\" sourceRef=\"{prev}\" targetRef=\"E\"/>\n  </process>\n</definitions>\n");
    let model = peta_bpmn::parse_bytes(
        key,
        &format!("{key}.bpmn"),
        xml.as_bytes(),
        &Default::default(),
    )
    .unwrap_or_else(|e| panic!("{e}\n{xml}"));
    peta_analysis::RepoModel {
        path: format!("{key}.bpmn"),
        model,
    }
}

#[test]
fn duplicated_work_fragments_similar_processes_and_data_requests() {
    use peta_analysis::RecommendationKind as K;
    let steps = [
        ("T1", "Menerima berkas usulan pensiun"),
        ("T2", "Memverifikasi kelengkapan berkas usulan pensiun"),
        ("T3", "Menerbitkan surat keputusan pensiun"),
    ];
    let repo = Repository::from_models(
        vec![
            pool_model("bkn", "BKN", &steps, &[("T2", "KTP", false)]),
            pool_model(
                "taspen",
                "Taspen",
                &steps,
                &[("T2", "Kartu Tanda Penduduk", false)],
            ),
            pool_model(
                "kemenkeu",
                "Kemenkeu",
                &[("K1", "Mencetak e-KTP")],
                &[("K1", "Fotokopi e-KTP", true)],
            ),
        ],
        mini().registry,
    );
    let a = analyze(&repo, &AnalysisOptions::default());
    assert_eq!(a.shared_activities.len(), 3, "{:#?}", a.shared_activities);
    for g in &a.shared_activities {
        assert_eq!(g.agencies, ["BKN", "TASPEN"]);
        assert_eq!(g.members.len(), 2);
        assert!(g.id.starts_with("SA-"));
    }
    assert_eq!(a.fragments.len(), 1, "{:#?}", a.fragments);
    let f = &a.fragments[0];
    assert_eq!(f.groups.len(), 3);
    assert_eq!(f.occurrences.len(), 2);
    assert_eq!(f.occurrences[0].ids, ["T1", "T2", "T3"]);
    assert_eq!(a.similar_processes.len(), 1);
    assert_eq!(a.similar_processes[0].matched, 3);
    assert_eq!(a.similar_processes[0].share, 1.0);
    assert_eq!(a.data_requests.len(), 1, "{:#?}", a.data_requests);
    let d = &a.data_requests[0];
    assert_eq!(d.consumers, ["BKN", "TASPEN"]);
    assert_eq!(d.producers, ["KEMENKEU"]);
    let kinds: BTreeSet<K> = a.recommendations.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            K::SharedService,
            K::DataInterconnection,
            K::ProcessStandardisation
        ]
        .into_iter()
        .collect()
    );
    let di = a
        .recommendations
        .iter()
        .find(|r| r.kind == K::DataInterconnection)
        .unwrap();
    // Two consumers, neither the producer: R = 2, W = 0.9.
    assert!((di.score - 1.8).abs() < 1e-9);
    assert!(di.rationale.en.contains("KEMENKEU"));
    // Shared activities: W = 1, R = 1, C = group confidence; the fragment: R = 3.
    let best = &a.recommendations[0];
    assert_eq!(best.kind, K::SharedService);
    assert_eq!(best.evidence.len(), 6);
}

#[test]
fn time_and_cost_from_signavio_and_camunda_properties_drive_savings() {
    use peta_analysis::RecommendationKind as K;
    let model = |key: &str, pool: &str, ext: &str| {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:signavio="http://www.signavio.com" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
  <collaboration id="C"><participant id="Pool" name="{pool}" processRef="P"/></collaboration>
  <process id="P" name="Proses {pool}">
    <userTask id="T" name="Memverifikasi kelengkapan berkas usulan mutasi"><extensionElements>{ext}</extensionElements></userTask>
  </process>
</definitions>"#
        );
        let model = peta_bpmn::parse_bytes(key, key, xml.as_bytes(), &Default::default()).unwrap();
        peta_analysis::RepoModel {
            path: format!("{key}.bpmn"),
            model,
        }
    };
    let repo = Repository::from_models(
        vec![
            model(
                "a",
                "BKN",
                r#"<signavio:signavioMetaData metaKey="waktu" metaValue="2 jam"/><signavio:signavioMetaData metaKey="biaya" metaValue="Rp 150.000"/>"#,
            ),
            model(
                "b",
                "Taspen",
                r#"<camunda:properties><camunda:property name="durasi" value="1 hari"/><camunda:property name="cost" value="300000"/></camunda:properties>"#,
            ),
        ],
        mini().registry,
    );
    let a = analyze(&repo, &AnalysisOptions::default());
    let r = a
        .recommendations
        .iter()
        .find(|r| r.kind == K::SharedService)
        .expect("a shared service");
    let saving = r.estimated_saving.as_ref().expect("a saving");
    // All executions minus the largest: 120 + 480 − 480 minutes; 150 000 + 300 000 − 300 000.
    assert_eq!(saving.minutes, Some(120.0));
    assert_eq!(saving.cost, Some(150_000.0));
    let conf = a.shared_activities[0].confidence;
    let t = 1.0 + 3f64.ln() + 0.5 * 1.15f64.ln();
    assert!(
        (r.score - (conf * t * 1000.0).round() / 1000.0).abs() < 1e-3,
        "{} vs {}",
        r.score,
        conf * t
    );
}
