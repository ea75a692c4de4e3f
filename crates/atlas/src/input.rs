//! What the atlas shows: the models, the registry and the analysis results,
//! in the atlas's own terms (see `from_analysis` for the bridge from
//! `peta_analysis`). Tests and other front ends can fill it directly.

use std::collections::HashMap;

use peta_bpmn::{ElementKey, Model};
use peta_registry::{Agency, Theme};

/// One model file of the repository.
#[derive(Debug, Clone)]
pub struct ModelInput<'a> {
    /// Path relative to the repository root, with `/` separators (e.g. `asn-ikn/bkn-nip.bpmn`).
    pub path: String,
    pub model: &'a Model,
    /// The agency that owns the model (registry), if known.
    pub agency: Option<String>,
    /// Codes of the themes the model belongs to.
    pub themes: Vec<String>,
}

/// Where one activity of a shared-activity group occurs.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub node: ElementKey,
    pub label: String,
    pub agency: Option<String>,
    /// Why the matcher put it in the group (in the atlas's language).
    pub explanation: String,
}

/// Activities that do the same work in several places.
#[derive(Debug, Clone)]
pub struct SharedGroup {
    /// Stable id (becomes a sanitised file name).
    pub id: String,
    /// A representative label.
    pub label: String,
    pub members: Vec<Occurrence>,
}

impl SharedGroup {
    /// Distinct agencies among the members, in first-seen order.
    pub fn agencies(&self) -> Vec<&str> {
        let mut v: Vec<&str> = Vec::new();
        for m in &self.members {
            if let Some(a) = m.agency.as_deref() {
                if !v.contains(&a) {
                    v.push(a);
                }
            }
        }
        v
    }
}

/// The four handoff kinds of the common brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandoffKind {
    MessageFlow,
    ControlFlow,
    CallActivity,
    Data,
}

impl HandoffKind {
    /// The code used in CSS classes and catalogue keys.
    pub fn code(self) -> &'static str {
        match self {
            HandoffKind::MessageFlow => "message_flow",
            HandoffKind::ControlFlow => "control_flow",
            HandoffKind::CallActivity => "call_activity",
            HandoffKind::Data => "data",
        }
    }
}

/// One end of a handoff.
#[derive(Debug, Clone)]
pub struct HandoffEnd {
    /// A flow node, a participant, or (call activities) a process of some model.
    pub node: ElementKey,
    pub label: String,
    pub agency: String,
}

/// Work passing from one agency to another.
#[derive(Debug, Clone)]
pub struct Handoff {
    pub kind: HandoffKind,
    pub from: HandoffEnd,
    pub to: HandoffEnd,
}

/// What a recommendation points at as evidence.
#[derive(Debug, Clone)]
pub enum Evidence {
    /// A shared-activity group, by id.
    Group(String),
    /// An element of a model.
    Element { key: ElementKey, label: String },
    /// A plain statement.
    Text(String),
}

/// A ranked consolidation recommendation, already in the atlas's language.
#[derive(Debug, Clone)]
pub struct Recommendation {
    /// 1 = most important.
    pub rank: usize,
    /// Kind code (`shared_service`, `integration`, `data_interconnection`, …).
    pub kind: String,
    pub title: String,
    pub rationale: String,
    pub score: f64,
    pub themes: Vec<String>,
    pub agencies: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// A process of some model, named for readers.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessRef {
    /// The model's key (see [`Model::key`]).
    pub model: String,
    /// The process id inside the model.
    pub process: String,
    /// Process name, else the participant's name, else the id.
    pub name: String,
    pub agency: Option<String>,
}

/// One place where a duplicated fragment occurs.
#[derive(Debug, Clone)]
pub struct FragmentOccurrence {
    pub process: ProcessRef,
    /// Activity ids in path order (flow nodes of `process.model`).
    pub nodes: Vec<String>,
    /// Their labels, in the same order.
    pub labels: Vec<String>,
}

/// A run of consecutive activities done the same way in processes of two or
/// more agencies.
#[derive(Debug, Clone)]
pub struct Fragment {
    /// Stable id (becomes a sanitised anchor).
    pub id: String,
    /// Representative labels of the steps, in path order.
    pub labels: Vec<String>,
    /// Agency codes, sorted.
    pub agencies: Vec<String>,
    pub occurrences: Vec<FragmentOccurrence>,
}

/// Two processes of different agencies that are mostly the same.
#[derive(Debug, Clone)]
pub struct SimilarPair {
    pub a: ProcessRef,
    pub b: ProcessRef,
    /// Matched activity pairs (one-to-one).
    pub matched: usize,
    pub activities_a: usize,
    pub activities_b: usize,
    /// `2 × matched / (activities_a + activities_b)` in [0, 1].
    pub share: f64,
}

/// Processes of several agencies linked by [`SimilarPair`]s: one candidate
/// for a standard process.
#[derive(Debug, Clone)]
pub struct ProcessFamily {
    /// Stable id (becomes a sanitised anchor).
    pub id: String,
    /// Agency codes, sorted.
    pub agencies: Vec<String>,
    pub processes: Vec<ProcessRef>,
    /// Similar pairs inside the family.
    pub pairs: usize,
    /// Mean similarity of those pairs, in [0, 1].
    pub mean_share: f64,
}

/// An activity reading or writing a business object.
#[derive(Debug, Clone)]
pub struct DataUse {
    pub node: ElementKey,
    /// Id of the process holding the activity.
    pub process: String,
    /// The activity's label.
    pub label: String,
    pub agency: Option<String>,
    /// The data object's label as written in the model.
    pub data_label: String,
}

/// One business object that processes of several agencies ask for.
#[derive(Debug, Clone)]
pub struct DataRequest {
    /// Canonical key of the business object (stable; becomes an anchor).
    pub object: String,
    /// The most frequent label written for it.
    pub label: String,
    /// Agencies whose processes read it, sorted.
    pub consumers: Vec<String>,
    /// Agencies whose processes write it, sorted (may be empty).
    pub producers: Vec<String>,
    pub reads: Vec<DataUse>,
    pub writes: Vec<DataUse>,
}

/// Everything one atlas shows.
#[derive(Debug, Clone, Default)]
pub struct AtlasInput<'a> {
    /// Shown in the header (e.g. the repository folder's name).
    pub title: String,
    pub agencies: Vec<Agency>,
    pub themes: Vec<Theme>,
    pub models: Vec<ModelInput<'a>>,
    pub groups: Vec<SharedGroup>,
    pub handoffs: Vec<Handoff>,
    pub recommendations: Vec<Recommendation>,
    /// Duplicated fragments (runs of shared activities), most widespread first.
    pub fragments: Vec<Fragment>,
    /// Near-identical processes of different agencies.
    pub similar: Vec<SimilarPair>,
    /// Clusters of similar processes.
    pub families: Vec<ProcessFamily>,
    /// Business objects asked for by several agencies.
    pub data_requests: Vec<DataRequest>,
    /// The agency of flow nodes, where the analysis resolved one.
    pub node_agencies: HashMap<ElementKey, String>,
}

impl<'a> AtlasInput<'a> {
    /// The same input limited to one theme's models and what touches them.
    pub fn restrict_to_theme(&self, code: &str) -> AtlasInput<'a> {
        let models: Vec<ModelInput<'a>> = self
            .models
            .iter()
            .filter(|m| m.themes.iter().any(|t| t == code))
            .cloned()
            .collect();
        let keys: std::collections::HashSet<&str> =
            models.iter().map(|m| m.model.key.as_str()).collect();
        let groups: Vec<SharedGroup> = self
            .groups
            .iter()
            .filter_map(|g| {
                let members: Vec<Occurrence> = g
                    .members
                    .iter()
                    .filter(|o| keys.contains(o.node.model.as_str()))
                    .cloned()
                    .collect();
                (members.len() >= 2).then(|| SharedGroup {
                    id: g.id.clone(),
                    label: g.label.clone(),
                    members,
                })
            })
            .collect();
        let handoffs = self
            .handoffs
            .iter()
            .filter(|h| {
                keys.contains(h.from.node.model.as_str()) || keys.contains(h.to.node.model.as_str())
            })
            .cloned()
            .collect();
        let in_theme = |m: &str| keys.contains(m);
        let fragments = self
            .fragments
            .iter()
            .filter(|f| f.occurrences.iter().any(|o| in_theme(&o.process.model)))
            .cloned()
            .collect();
        let similar = self
            .similar
            .iter()
            .filter(|p| in_theme(&p.a.model) || in_theme(&p.b.model))
            .cloned()
            .collect();
        let families = self
            .families
            .iter()
            .filter(|f| f.processes.iter().any(|p| in_theme(&p.model)))
            .cloned()
            .collect();
        let data_requests = self
            .data_requests
            .iter()
            .filter(|d| {
                d.reads
                    .iter()
                    .chain(&d.writes)
                    .any(|u| in_theme(&u.node.model))
            })
            .cloned()
            .collect();
        let recommendations = self
            .recommendations
            .iter()
            .filter(|r| r.themes.iter().any(|t| t == code))
            .cloned()
            .collect();
        AtlasInput {
            title: self.title.clone(),
            agencies: self.agencies.clone(),
            themes: self
                .themes
                .iter()
                .filter(|t| t.code == code)
                .cloned()
                .collect(),
            models,
            groups,
            handoffs,
            recommendations,
            fragments,
            similar,
            families,
            data_requests,
            node_agencies: self.node_agencies.clone(),
        }
    }
}
