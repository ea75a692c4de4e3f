//! What the store derives from a model and the registry before writing it:
//! the agency of every flow node, lane and process (by the same rules as the
//! analyses, [`peta_analysis::agency`]) and the model's themes.

use std::collections::HashMap;

use peta_analysis::agency::{self, ModelAgencies, NameLog, Resolver};
use peta_analysis::RepoModel;
use peta_bpmn::Model;
use peta_registry::Registry;

/// Agencies and themes of one model.
#[derive(Debug, Default)]
pub(crate) struct Derived {
    pub agencies: ModelAgencies,
    /// Lane id → agency code: the lane's own name when it resolves, else
    /// the agency most of its nodes belong to.
    pub lanes: HashMap<String, Option<String>>,
    /// Codes of the themes whose globs match the model's path.
    pub themes: Vec<String>,
}

impl Derived {
    pub fn node_agency(&self, id: &str) -> Option<String> {
        self.agencies.nodes.get(id).map(|p| p.code.clone())
    }
    pub fn process_agency(&self, index: usize) -> Option<String> {
        self.agencies
            .processes
            .get(index)
            .cloned()
            .flatten()
            .map(|p| p.code)
    }
}

/// The registry and its prepared name index, shared by the parsing threads.
pub(crate) struct Context<'a> {
    pub registry: &'a Registry,
    resolver: Resolver<'a>,
}

impl<'a> Context<'a> {
    pub fn new(registry: &'a Registry) -> Self {
        Context {
            registry,
            resolver: Resolver::new(registry),
        }
    }

    /// Derives agencies and themes for `model` stored under `rel_path`
    /// (relative to the registry folder). Takes the model and gives it back
    /// to avoid a copy.
    pub fn derive(&self, rel_path: &str, model: Model) -> (Model, Derived) {
        let rm = RepoModel {
            path: rel_path.to_string(),
            model,
        };
        let mut log = NameLog::default();
        let agencies = agency::assign(&self.resolver, &rm, &mut log);
        let mut lanes = HashMap::new();
        for process in &rm.model.processes {
            for (lane, _) in process.lanes() {
                let own = lane
                    .name
                    .as_ref()
                    .and_then(|n| self.resolver.name(&n.display))
                    .map(|p| p.code);
                let code = own.or_else(|| majority(&agencies, &lane.flow_node_refs));
                lanes.insert(lane.id.clone(), code);
            }
        }
        let themes = self
            .registry
            .themes_of(rel_path)
            .into_iter()
            .map(|t| t.code.clone())
            .collect();
        (
            rm.model,
            Derived {
                agencies,
                lanes,
                themes,
            },
        )
    }
}

/// The agency most of `nodes` belong to (ties: smallest code).
fn majority(agencies: &ModelAgencies, nodes: &[String]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in nodes {
        if let Some(p) = agencies.nodes.get(n) {
            *counts.entry(p.code.as_str()).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
}
