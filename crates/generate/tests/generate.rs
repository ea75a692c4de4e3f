//! The generator's contract: deterministic bytes, files the importer reads
//! without warnings other than black-box pools, a registry that loads and
//! resolves every pool and lane, and a manifest whose references exist.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use peta_generate::{generate, GenerateOptions};

fn opts(agencies: usize, models: usize, seed: u64) -> GenerateOptions {
    GenerateOptions {
        agencies,
        models_per_agency: models,
        seed,
        ..Default::default()
    }
}

/// Every file under `dir`, relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn bpmn_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = snapshot(dir)
        .keys()
        .filter(|k| k.ends_with(".bpmn"))
        .map(|k| dir.join(k))
        .collect();
    files.sort();
    files
}

#[test]
fn same_seed_gives_identical_bytes_whatever_the_thread_count() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let c = tempfile::tempdir().unwrap();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();
    let sa = one.install(|| generate(&opts(9, 7, 42), a.path())).unwrap();
    let sb = two.install(|| generate(&opts(9, 7, 42), b.path())).unwrap();
    assert_eq!(sa, sb);
    let (xa, xb) = (snapshot(a.path()), snapshot(b.path()));
    assert_eq!(
        xa.len(),
        63 + 4,
        "63 models, agencies.toml, themes.toml, README.md, planted.json"
    );
    assert!(xa == xb, "two runs with the same seed differ");
    generate(&opts(9, 7, 43), c.path()).unwrap();
    assert!(
        snapshot(c.path()) != xa,
        "another seed gives the same repository"
    );
}

#[test]
fn every_file_imports_and_the_manifest_points_at_real_elements() {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(&opts(14, 9, 5), dir.path()).unwrap();
    assert_eq!(summary.models, 126);
    let files = bpmn_files(dir.path());
    assert_eq!(files.len(), 126);
    let parsed = peta_bpmn::parse_files(&files, &peta_bpmn::ParseOptions::default());
    let mut models = HashMap::new();
    let mut activities = 0;
    let mut exporters = std::collections::BTreeSet::new();
    for (path, result) in files.iter().zip(parsed) {
        let model = result.unwrap_or_else(|e| panic!("{} does not import: {e:?}", path.display()));
        for d in &model.diagnostics {
            // Black-box pools (applicants) are notes, never defects.
            assert_eq!(
                (d.code.as_str(), d.severity),
                ("black-box-pool", peta_bpmn::Severity::Note),
                "{}: unexpected diagnostic {d:?}",
                path.display()
            );
        }
        activities += model.flow_nodes().filter(|(_, n)| n.is_activity()).count();
        exporters.insert(model.definitions.exporter.clone().unwrap_or_default());
        let rel = path
            .strip_prefix(dir.path())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        models.insert(rel, model);
    }
    assert_eq!(activities, summary.activities);
    assert!(
        exporters.len() >= 3,
        "several tool dialects expected, got {exporters:?}"
    );
    assert!(
        (15..=25).contains(&(activities / 126)),
        "about 20 activities per model, got {}",
        activities / 126
    );

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("planted.json")).unwrap()).unwrap();
    let label_of = |reference: &str| -> Option<(String, bool)> {
        let (file, id) = reference.split_once('#')?;
        let model = models.get(file)?;
        if let Some((_, n)) = model.flow_nodes().find(|(_, n)| n.id == id) {
            return Some((n.label().to_string(), n.is_activity()));
        }
        if let Some(p) = model.processes.iter().find(|p| p.id == id) {
            return Some((
                p.name
                    .as_ref()
                    .map(|l| l.display.clone())
                    .unwrap_or_default(),
                false,
            ));
        }
        model
            .collaborations
            .iter()
            .flat_map(|c| &c.participants)
            .find(|p| p.id == id)
            .map(|p| {
                (
                    p.name
                        .as_ref()
                        .map(|l| l.display.clone())
                        .unwrap_or_default(),
                    false,
                )
            })
    };
    let clusters = manifest["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), summary.clusters);
    assert!(!clusters.is_empty());
    for c in clusters {
        let members = c["members"].as_array().unwrap();
        assert!(members.len() >= 2);
        for m in members {
            let r = m["ref"].as_str().unwrap();
            let (label, is_activity) = label_of(r).unwrap_or_else(|| panic!("{r} not found"));
            assert!(is_activity, "{r} is not an activity");
            assert_eq!(label, m["label"].as_str().unwrap(), "{r}");
        }
    }
    let handoffs = manifest["handoffs"].as_array().unwrap();
    assert_eq!(handoffs.len(), summary.handoffs());
    let mut kinds = BTreeMap::new();
    for h in handoffs {
        *kinds
            .entry(h["kind"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
        for end in ["from", "to"] {
            let r = h[end]["ref"].as_str().unwrap();
            let (label, _) = label_of(r).unwrap_or_else(|| panic!("{r} not found"));
            assert_eq!(label, h[end]["label"].as_str().unwrap(), "{r}");
        }
        assert_ne!(h["from"]["agency"], h["to"]["agency"]);
    }
    for kind in ["message_flow", "control_flow", "call_activity", "data"] {
        assert!(
            kinds.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} handoff planted: {kinds:?}"
        );
    }
}

#[test]
fn the_registry_loads_and_names_every_pool_and_lane() {
    let dir = tempfile::tempdir().unwrap();
    generate(&opts(60, 3, 9), dir.path()).unwrap();
    let registry = peta_registry::Registry::load(dir.path()).unwrap();
    assert_eq!(registry.agencies.iter().filter(|a| a.is_agency).count(), 60);
    assert!(registry
        .agencies
        .iter()
        .any(|a| !a.is_agency && a.code == "PEMOHON"));
    assert!(!registry.themes.is_empty());
    let files = bpmn_files(dir.path());
    let mut in_a_theme = 0;
    for path in &files {
        let rel = path
            .strip_prefix(dir.path())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !registry.themes_of(&rel).is_empty() {
            in_a_theme += 1;
        }
        let model = peta_bpmn::parse_file(path, &peta_bpmn::ParseOptions::default()).unwrap();
        for p in model.collaborations.iter().flat_map(|c| &c.participants) {
            let name = p.name.as_ref().map(|l| l.display.as_str()).unwrap_or("");
            // One-pool-with-agency-lanes models name the pool after the process.
            if !name.starts_with("Proses ") {
                assert!(
                    registry.resolve(name).is_some(),
                    "{rel}: pool {name:?} resolves to nothing"
                );
            }
        }
        for process in &model.processes {
            for (lane, depth) in process.lanes() {
                let name = lane.name.as_ref().map(|l| l.display.as_str()).unwrap_or("");
                if depth == 0 {
                    assert!(
                        registry.resolve(name).is_some(),
                        "{rel}: lane {name:?} resolves to nothing"
                    );
                }
            }
        }
    }
    assert_eq!(in_a_theme, files.len(), "every model belongs to a theme");
}

#[test]
fn bad_options_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert!(generate(&opts(0, 5, 1), dir.path()).is_err());
    let mut o = opts(2, 2, 1);
    o.activities_per_model = 1;
    assert!(generate(&o, dir.path()).is_err());
}
