//! The bundled corpus under `processes/`: every BPMN file imports, only the files that
//! `processes/README.md` names as deliberately flawed carry warnings, and every reference
//! in `processes/truth.toml` points at an existing element with the stated label.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use peta_bpmn::{parse_file, Model, ParseOptions, Severity};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("processes")
}

fn bpmn_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            bpmn_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "bpmn") {
            out.push(path);
        }
    }
}

/// `processes/`-relative path with forward slashes, as truth.toml writes it.
fn rel(path: &Path) -> String {
    path.strip_prefix(corpus_dir())
        .expect("file under processes/")
        .to_string_lossy()
        .replace('\\', "/")
}

/// The files listed under the README heading "Deliberately flawed files" (`- \`path\` …`).
fn flawed_files() -> BTreeSet<String> {
    let readme =
        std::fs::read_to_string(corpus_dir().join("README.md")).expect("processes/README.md");
    let mut in_section = false;
    let mut out = BTreeSet::new();
    for line in readme.lines() {
        if line.starts_with("## ") {
            in_section = line.trim() == "## Deliberately flawed files";
            continue;
        }
        if in_section {
            if let Some(rest) = line.trim().strip_prefix("- `") {
                if let Some(end) = rest.find('`') {
                    out.insert(rest[..end].to_string());
                }
            }
        }
    }
    out
}

fn parse_corpus() -> BTreeMap<String, Model> {
    let mut files = Vec::new();
    bpmn_files(&corpus_dir(), &mut files);
    assert!(
        files.len() >= 60,
        "corpus holds only {} BPMN files",
        files.len()
    );
    let mut models = BTreeMap::new();
    let mut failures = Vec::new();
    for path in files {
        match parse_file(&path, &ParseOptions::default()) {
            Ok(model) => {
                models.insert(rel(&path), model);
            }
            Err(e) => failures.push(format!("{}: {e}", rel(&path))),
        }
    }
    assert!(
        failures.is_empty(),
        "files that do not import:\n{}",
        failures.join("\n")
    );
    models
}

fn truth() -> toml::Table {
    let text =
        std::fs::read_to_string(corpus_dir().join("truth.toml")).expect("processes/truth.toml");
    text.parse::<toml::Table>()
        .expect("truth.toml is valid TOML")
}

fn array<'a>(t: &'a toml::Table, key: &str) -> &'a [toml::Value] {
    t.get(key)
        .and_then(|v| v.as_array())
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn str_of<'a>(v: &'a toml::Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(|x| x.as_str())
        .unwrap_or_else(|| panic!("missing string `{key}` in {v}"))
}

/// The display label of the element a ref names (flow node, participant or process),
/// and whether it is an activity.
fn lookup(models: &BTreeMap<String, Model>, r: &str) -> Option<(String, bool)> {
    let (file, id) = r.split_once('#')?;
    let model = models.get(file)?;
    if let Some((_, node)) = model.flow_nodes().find(|(_, n)| n.id == id) {
        return Some((node.label().to_string(), node.is_activity()));
    }
    for c in &model.collaborations {
        if let Some(p) = c.participants.iter().find(|p| p.id == id) {
            return Some((
                p.name
                    .as_ref()
                    .map(|l| l.display.clone())
                    .unwrap_or_default(),
                false,
            ));
        }
    }
    model.processes.iter().find(|p| p.id == id).map(|p| {
        (
            p.name
                .as_ref()
                .map(|l| l.display.clone())
                .unwrap_or_default(),
            false,
        )
    })
}

/// Importer findings that describe a modelling idiom rather than a defect carry
/// [`Severity::Note`] (e.g. a black-box pool: a partner whose work is not modelled, the usual
/// way to draw the other side of message flows); the corpus uses them as real collaborations do.
fn is_defect(d: &peta_bpmn::Diagnostic) -> bool {
    d.severity != Severity::Note
}

#[test]
fn every_file_imports_and_only_flawed_files_warn() {
    let models = parse_corpus();
    let flawed = flawed_files();
    assert!(!flawed.is_empty(), "README names no flawed file");
    for f in &flawed {
        let model = models
            .get(f)
            .unwrap_or_else(|| panic!("README names {f}, which is not in the corpus"));
        let warnings = model
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        assert!(
            warnings > 0,
            "{f} is deliberately flawed but imports without a warning"
        );
    }
    let unexpected: Vec<String> = models
        .iter()
        .filter(|(f, _)| !flawed.contains(*f))
        .flat_map(|(f, m)| {
            m.diagnostics
                .iter()
                .filter(|d| is_defect(d))
                .map(move |d| format!("{f}:{}:{}: {} ({})", d.line, d.column, d.message, d.code))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "diagnostics in files not named as flawed:\n{}",
        unexpected.join("\n")
    );
}

#[test]
fn every_truth_ref_exists_with_its_label() {
    let models = parse_corpus();
    let truth = truth();
    let mut errors = Vec::new();
    let mut check = |v: &toml::Value, must_be_activity: bool| {
        let r = str_of(v, "ref");
        let label = str_of(v, "label");
        match lookup(&models, r) {
            None => errors.push(format!("{r}: no such element")),
            Some((found, is_activity)) => {
                if found != label {
                    errors.push(format!("{r}: label is {found:?}, truth says {label:?}"));
                }
                if must_be_activity && !is_activity {
                    errors.push(format!("{r}: cluster member is not an activity"));
                }
            }
        }
    };
    let clusters = array(&truth, "cluster");
    assert!(!clusters.is_empty(), "truth.toml has no cluster");
    for c in clusters {
        let members = c
            .get("members")
            .and_then(|m| m.as_array())
            .expect("cluster members");
        assert!(
            members.len() >= 2,
            "cluster {} has fewer than two members",
            str_of(c, "name")
        );
        for m in members {
            check(m, true);
        }
    }
    for n in array(&truth, "non_match") {
        check(&n["a"], true);
        check(&n["b"], true);
    }
    for h in array(&truth, "handoff") {
        check(&h["from"], false);
        check(&h["to"], false);
    }
    assert!(
        errors.is_empty(),
        "{} bad refs in truth.toml:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn handoffs_join_two_different_registered_agencies() {
    let text = std::fs::read_to_string(corpus_dir().join("agencies.toml"))
        .expect("processes/agencies.toml");
    let registry: toml::Table = text.parse().expect("agencies.toml is valid TOML");
    let agencies: BTreeSet<&str> = array(&registry, "agency")
        .iter()
        .filter(|a| a.get("is_agency").and_then(|v| v.as_bool()).unwrap_or(true))
        .map(|a| str_of(a, "code"))
        .collect();
    assert!(agencies.len() >= 15, "only {} agencies", agencies.len());
    let truth = truth();
    let handoffs = array(&truth, "handoff");
    assert!(!handoffs.is_empty(), "truth.toml has no handoff");
    let kinds = ["message_flow", "control_flow", "call_activity", "data"];
    for h in handoffs {
        let kind = str_of(h, "kind");
        assert!(kinds.contains(&kind), "unknown handoff kind {kind}");
        let from = str_of(&h["from"], "agency");
        let to = str_of(&h["to"], "agency");
        assert!(
            agencies.contains(from),
            "handoff from unknown or non-agency {from}"
        );
        assert!(
            agencies.contains(to),
            "handoff to unknown or non-agency {to}"
        );
        assert_ne!(from, to, "handoff within one agency: {h}");
    }
    for kind in kinds {
        assert!(
            handoffs.iter().any(|h| str_of(h, "kind") == kind),
            "no {kind} handoff in the truth"
        );
    }
}

/// `*` matches any run of characters within one path segment.
fn glob_match(pattern: &str, path: &str) -> bool {
    let (pat, txt): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), path.split('/').collect());
    pat.len() == txt.len()
        && pat.iter().zip(&txt).all(|(p, t)| {
            let parts: Vec<&str> = p.split('*').collect();
            if parts.len() == 1 {
                return p == t;
            }
            let (first, last) = (parts[0], parts[parts.len() - 1]);
            if !t.starts_with(first) || !t[first.len()..].ends_with(last) {
                return false;
            }
            let mut rest = &t[first.len()..t.len() - last.len()];
            for mid in &parts[1..parts.len() - 1] {
                match rest.find(mid) {
                    Some(i) => rest = &rest[i + mid.len()..],
                    None => return false,
                }
            }
            true
        })
}

#[test]
fn every_file_belongs_to_exactly_one_theme() {
    let text =
        std::fs::read_to_string(corpus_dir().join("themes.toml")).expect("processes/themes.toml");
    let themes: toml::Table = text.parse().expect("themes.toml is valid TOML");
    let themes = array(&themes, "theme");
    assert!(themes.len() >= 5, "only {} themes", themes.len());
    let mut files = Vec::new();
    bpmn_files(&corpus_dir(), &mut files);
    for f in files.iter().map(|p| rel(p)) {
        let owners: Vec<&str> = themes
            .iter()
            .filter(|t| {
                t.get("models").and_then(|m| m.as_array()).is_some_and(|m| {
                    m.iter()
                        .filter_map(|g| g.as_str())
                        .any(|g| glob_match(g, &f))
                })
            })
            .map(|t| str_of(t, "code"))
            .collect();
        assert_eq!(owners.len(), 1, "{f} belongs to themes {owners:?}");
    }
    assert!(glob_match("asn-ikn/*.bpmn", "asn-ikn/a.bpmn"));
    assert!(!glob_match("asn-ikn/*.bpmn", "bansos/a.bpmn"));
}
