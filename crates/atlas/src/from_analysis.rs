//! The bridge from `peta_analysis` ([`Repository`] + [`Analysis`]) to an
//! [`AtlasInput`].

use std::collections::{BTreeSet, HashMap};

use peta_analysis::{Analysis, Repository};
use peta_bpmn::ElementKey;

use crate::i18n::Lang;
use crate::input::*;

/// Builds the atlas input. Texts that come in two languages (recommendation
/// titles and rationales) are taken in `lang`.
pub fn input_from_analysis<'a>(
    repo: &'a Repository,
    analysis: &Analysis,
    lang: Lang,
) -> AtlasInput<'a> {
    let reg = &repo.registry;
    // analysis refers to models by path; the atlas by model key
    let key_of: HashMap<&str, &str> = repo
        .models
        .iter()
        .map(|m| (m.path.as_str(), m.model.key.as_str()))
        .collect();
    let key = |model: &str, id: &str| ElementKey {
        model: key_of
            .get(model)
            .map(|k| k.to_string())
            .unwrap_or_else(|| peta_analysis::strip_extension(model).to_string()),
        id: id.to_string(),
    };
    let models = repo
        .models
        .iter()
        .map(|rm| ModelInput {
            path: rm.path.clone(),
            model: &rm.model,
            agency: reg.agency_of_path(&rm.path).map(|a| a.code.clone()),
            themes: reg
                .themes_of(&rm.path)
                .into_iter()
                .map(|t| t.code.clone())
                .collect(),
        })
        .collect();
    let node_agencies = analysis
        .occurrences
        .iter()
        .filter_map(|o| o.agency.as_ref().map(|a| (key(&o.model, &o.id), a.clone())))
        .collect();
    let mut group_of: HashMap<(String, String), String> = HashMap::new();
    let groups = analysis
        .shared_activities
        .iter()
        .map(|g| SharedGroup {
            id: g.id.clone(),
            label: g.label.clone(),
            members: g
                .members
                .iter()
                .map(|m| {
                    group_of.insert((m.model.clone(), m.id.clone()), g.id.clone());
                    Occurrence {
                        node: key(&m.model, &m.id),
                        label: m.label.clone(),
                        agency: m.agency.clone(),
                        explanation: m.why.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    let end = |e: &peta_analysis::Endpoint| HandoffEnd {
        node: key(&e.model, &e.id),
        label: e.label.clone(),
        agency: e.agency.clone().unwrap_or_default(),
    };
    let handoffs = analysis
        .handoffs
        .iter()
        .map(|h| Handoff {
            kind: match h.kind {
                peta_analysis::HandoffKind::MessageFlow => HandoffKind::MessageFlow,
                peta_analysis::HandoffKind::ControlFlow => HandoffKind::ControlFlow,
                peta_analysis::HandoffKind::CallActivity => HandoffKind::CallActivity,
                peta_analysis::HandoffKind::Data => HandoffKind::Data,
            },
            from: end(&h.from),
            to: end(&h.to),
        })
        .collect();
    let code = lang.code();
    let recommendations = analysis
        .recommendations
        .iter()
        .map(|r| {
            let mut evidence = Vec::new();
            let mut seen_groups = BTreeSet::new();
            for e in &r.evidence {
                if let Some(g) = group_of.get(&(e.model.clone(), e.id.clone())) {
                    if seen_groups.insert(g.clone()) {
                        evidence.push(Evidence::Group(g.clone()));
                    }
                }
            }
            for e in &r.evidence {
                evidence.push(Evidence::Element {
                    key: key(&e.model, &e.id),
                    label: e.label.clone(),
                });
            }
            if let Some(s) = &r.estimated_saving {
                evidence.push(Evidence::Text(s.basis.get(code).to_string()));
            }
            Recommendation {
                rank: r.rank,
                kind: r.kind.as_str().to_string(),
                title: r.title.get(code).to_string(),
                rationale: r.rationale.get(code).to_string(),
                score: r.score,
                themes: r.themes.clone(),
                agencies: r.agencies.clone(),
                evidence,
            }
        })
        .collect();
    let process_ref = |p: &peta_analysis::ProcessRef| ProcessRef {
        model: key(&p.model, "").model,
        process: p.id.clone(),
        name: p.name.clone(),
        agency: p.agency.clone(),
    };
    let fragments = analysis
        .fragments
        .iter()
        .map(|f| Fragment {
            id: f.id.clone(),
            labels: f.labels.clone(),
            agencies: f.agencies.clone(),
            occurrences: f
                .occurrences
                .iter()
                .map(|o| FragmentOccurrence {
                    process: process_ref(&o.process),
                    nodes: o.ids.clone(),
                    labels: o.labels.clone(),
                })
                .collect(),
        })
        .collect();
    let similar = analysis
        .similar_processes
        .iter()
        .map(|s| SimilarPair {
            a: process_ref(&s.a),
            b: process_ref(&s.b),
            matched: s.matched,
            activities_a: s.activities_a,
            activities_b: s.activities_b,
            share: s.share,
        })
        .collect();
    let families = analysis
        .process_families
        .iter()
        .map(|f| ProcessFamily {
            id: f.id.clone(),
            agencies: f.agencies.clone(),
            processes: f.processes.iter().map(process_ref).collect(),
            pairs: f.pairs,
            mean_share: f.mean_share,
        })
        .collect();
    let data_use = |u: &peta_analysis::DataUse| DataUse {
        node: key(&u.model, &u.id),
        process: u.process.clone(),
        label: u.label.clone(),
        agency: u.agency.clone(),
        data_label: u.data_label.clone(),
    };
    let data_requests = analysis
        .data_requests
        .iter()
        .map(|d| DataRequest {
            object: d.object.clone(),
            label: d.label.clone(),
            consumers: d.consumers.clone(),
            producers: d.producers.clone(),
            reads: d.reads.iter().map(data_use).collect(),
            writes: d.writes.iter().map(data_use).collect(),
        })
        .collect();
    AtlasInput {
        title: String::new(),
        agencies: reg.agencies.clone(),
        themes: reg.themes.clone(),
        models,
        groups,
        handoffs,
        recommendations,
        fragments,
        similar,
        families,
        data_requests,
        node_agencies,
    }
}
