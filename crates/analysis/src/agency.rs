//! Which agency each flow node belongs to.
//!
//! The rule (docs/analysis.md, "Agencies"): a flow node belongs to its
//! innermost lane whose name resolves to an agency (walking outwards through
//! enclosing lanes), else to its pool (participant) when the pool's name
//! resolves, else to the agency of the model's place in the repository
//! ([`Registry::agency_of_path`]). Nodes of an embedded sub-process with no
//! lane of their own take the sub-process's; boundary events take their
//! activity's. A lane that resolves to nothing inside a pool that resolves
//! therefore belongs to the pool's agency.
//!
//! With an empty registry (no `agencies.toml`), every pool is its own party,
//! named by the pool's label (or id): collaborations from any tool still show
//! handoffs between their pools.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use peta_bpmn::{FlowNode, FlowNodeKind, Model, Process};
use peta_registry::{NameIndex, Registry};
use serde::{Deserialize, Serialize};

use crate::repository::RepoModel;

/// One activity or event of a model, with the agency it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    /// Agency (or actor) code; `None` when nothing resolves.
    pub agency: Option<String>,
    /// Repository-relative path of the model file.
    pub model: String,
    /// Element id.
    pub id: String,
    /// Display label (`""` when unnamed).
    pub label: String,
    /// Id of the process holding the element.
    pub process: String,
    /// Name of the innermost lane holding the element, if any.
    pub lane: Option<String>,
    /// BPMN element name (`userTask`, `callActivity`, `startEvent`, …).
    pub kind: String,
    /// `true` when `agency` is an actor (`is_agency = false`), not an agency.
    #[serde(default)]
    pub actor: bool,
}

/// A pool or lane name that resolves to no registry entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnresolvedName {
    /// The name as written (display form).
    pub name: String,
    /// `pool` or `lane`.
    pub kind: String,
    /// Flow nodes placed under this name.
    pub nodes: usize,
    /// Models (repository-relative paths) where the name occurs, sorted.
    pub models: Vec<String>,
    /// The agencies its nodes were given instead (from an enclosing lane,
    /// the pool or the model's place), sorted; empty when none.
    pub fallback_agencies: Vec<String>,
}

/// A resolved owner: an agency or an actor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Party {
    pub code: String,
    /// `false` for actors (applicant, citizen, business).
    pub is_agency: bool,
}

/// Resolves names with a prepared index.
pub struct Resolver<'a> {
    registry: &'a Registry,
    index: NameIndex,
    /// No agencies in the registry: pools are parties by their own names.
    pools_as_parties: bool,
    /// `is_agency` by code in ASCII lower case (first agency wins, as in
    /// [`Registry::agency`]).
    kinds: HashMap<String, bool>,
}

impl<'a> Resolver<'a> {
    pub fn new(registry: &'a Registry) -> Self {
        Resolver {
            registry,
            index: registry.index(),
            pools_as_parties: registry.agencies.is_empty(),
            kinds: registry
                .agencies
                .iter()
                .rev()
                .map(|a| (a.code.trim().to_ascii_lowercase(), a.is_agency))
                .collect(),
        }
    }

    /// The party a name stands for.
    pub fn name(&self, name: &str) -> Option<Party> {
        let i = self.index.resolve(name)?;
        let a = self.registry.agencies.get(i)?;
        Some(Party {
            code: a.code.clone(),
            is_agency: a.is_agency,
        })
    }

    /// The agency of a model from its place (same rule as
    /// [`Registry::agency_of_path`]: the innermost folder that resolves, else
    /// the file stem, else the stem's first word), through the prepared index
    /// instead of a scan of the registry per name.
    pub fn agency_of_path(&self, rel_path: &str) -> Option<Party> {
        peta_registry::place_names(rel_path)
            .iter()
            .find_map(|n| self.name(n))
    }

    /// Whether a code names an agency (unknown codes count as agencies: they
    /// are pool-named parties of a registry-less repository).
    pub fn is_agency(&self, code: &str) -> bool {
        self.kinds
            .get(&code.trim().to_ascii_lowercase())
            .copied()
            .unwrap_or(true)
    }
}

/// Agencies of every flow node, participant and process of one model.
#[derive(Debug, Clone, Default)]
pub struct ModelAgencies {
    /// Flow node id → owner.
    pub nodes: HashMap<String, Party>,
    /// Flow node id → innermost lane name.
    pub lanes: HashMap<String, String>,
    /// Participant id → owner.
    pub participants: HashMap<String, Party>,
    /// Process index → owner of the process as a whole (see [`process_owner`]).
    pub processes: Vec<Option<Party>>,
}

/// Node count, models, fallback agencies of one unresolved name.
type NameEntry = (usize, BTreeSet<String>, BTreeSet<String>);

/// Names seen while assigning, for [`UnresolvedName`].
#[derive(Debug, Default)]
pub struct NameLog {
    /// (kind, display name) → (node count, models, fallbacks)
    entries: BTreeMap<(String, String), NameEntry>,
}

impl NameLog {
    fn note(
        &mut self,
        kind: &str,
        name: &str,
        model: &str,
        nodes: usize,
        fallback: Option<&Party>,
    ) {
        let e = self
            .entries
            .entry((kind.to_string(), name.to_string()))
            .or_default();
        e.0 += nodes;
        e.1.insert(model.to_string());
        if let Some(f) = fallback {
            e.2.insert(f.code.clone());
        }
    }

    /// The unresolved names, sorted by name then kind.
    pub fn into_unresolved(self) -> Vec<UnresolvedName> {
        let mut out: Vec<UnresolvedName> = self
            .entries
            .into_iter()
            .map(
                |((kind, name), (nodes, models, fallbacks))| UnresolvedName {
                    name,
                    kind,
                    nodes,
                    models: models.into_iter().collect(),
                    fallback_agencies: fallbacks.into_iter().collect(),
                },
            )
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then(a.kind.cmp(&b.kind)));
        out
    }
}

/// Assigns owners to everything in one model.
pub fn assign(resolver: &Resolver<'_>, rm: &RepoModel, log: &mut NameLog) -> ModelAgencies {
    let model = &rm.model;
    let place = resolver.agency_of_path(&rm.path);
    let mut out = ModelAgencies::default();

    // Participants (pools).
    for p in model.collaborations.iter().flat_map(|c| &c.participants) {
        let name = p.name.as_ref().map(|l| l.display.as_str()).unwrap_or("");
        let party = if resolver.pools_as_parties {
            let n = if name.is_empty() { p.id.as_str() } else { name };
            Some(Party {
                code: n.to_string(),
                is_agency: true,
            })
        } else {
            let r = resolver.name(name);
            if r.is_none() && !name.is_empty() {
                let nodes = p
                    .process_ref
                    .as_deref()
                    .and_then(|pr| model.processes.iter().find(|x| x.id == pr))
                    .map_or(0, |x| x.flow_nodes.len());
                log.note("pool", name, &rm.path, nodes, place.as_ref());
            }
            r.or_else(|| place.clone())
        };
        if let Some(party) = party {
            out.participants.insert(p.id.clone(), party);
        }
    }

    for process in &model.processes {
        let pool = model.participant_of(&process.id);
        let pool_party = pool.and_then(|p| out.participants.get(&p.id)).cloned();
        let pool_resolved = pool_party.is_some()
            && (resolver.pools_as_parties
                || pool
                    .and_then(|p| p.name.as_ref())
                    .is_some_and(|n| resolver.name(&n.display).is_some()));
        let fallback = if pool_resolved {
            pool_party.clone()
        } else {
            place.clone()
        };
        assign_process(resolver, rm, process, fallback.as_ref(), &mut out, log);
        let owner = process_owner(resolver, model, process, &out, pool_party, place.clone());
        out.processes.push(owner);
    }
    out
}

fn assign_process(
    resolver: &Resolver<'_>,
    rm: &RepoModel,
    process: &Process,
    fallback: Option<&Party>,
    out: &mut ModelAgencies,
    log: &mut NameLog,
) {
    // Lane tree: lane id → (name, parent lane id).
    let mut lane_parent: HashMap<&str, Option<&str>> = HashMap::new();
    let mut lane_name: HashMap<&str, &str> = HashMap::new();
    let mut lane_depth: HashMap<&str, usize> = HashMap::new();
    fn walk<'p>(
        lanes: &'p [peta_bpmn::Lane],
        parent: Option<&'p str>,
        depth: usize,
        lane_parent: &mut HashMap<&'p str, Option<&'p str>>,
        lane_name: &mut HashMap<&'p str, &'p str>,
        lane_depth: &mut HashMap<&'p str, usize>,
    ) {
        for l in lanes {
            lane_parent.insert(&l.id, parent);
            lane_name.insert(&l.id, l.name.as_ref().map_or("", |n| n.display.as_str()));
            lane_depth.insert(&l.id, depth);
            for set in &l.child_lanes {
                walk(
                    &set.lanes,
                    Some(&l.id),
                    depth + 1,
                    lane_parent,
                    lane_name,
                    lane_depth,
                );
            }
        }
    }
    for set in &process.lane_sets {
        walk(
            &set.lanes,
            None,
            0,
            &mut lane_parent,
            &mut lane_name,
            &mut lane_depth,
        );
    }
    // Node id → innermost lane id.
    let mut node_lane: HashMap<&str, &str> = HashMap::new();
    for (lane, depth) in process.lanes() {
        for r in &lane.flow_node_refs {
            let better = node_lane
                .get(r.as_str())
                .is_none_or(|cur| lane_depth.get(cur).copied().unwrap_or(0) < depth);
            if better {
                node_lane.insert(r, &lane.id);
            }
        }
    }
    let by_id: HashMap<&str, &FlowNode> = process
        .flow_nodes
        .iter()
        .map(|n| (n.id.as_str(), n))
        .collect();
    // The lane holding a node: its own, else its sub-process's, else (boundary
    // events) its activity's.
    let lane_of = |id: &str| -> Option<&str> {
        let mut cur = id;
        for _ in 0..64 {
            if let Some(l) = node_lane.get(cur) {
                return Some(l);
            }
            let node = by_id.get(cur)?;
            cur = match (&node.kind, &node.parent) {
                (
                    FlowNodeKind::Event {
                        attached_to: Some(a),
                        ..
                    },
                    _,
                ) => a.as_str(),
                (_, Some(p)) => p.as_str(),
                _ => return None,
            };
        }
        None
    };
    // Lane id → resolved party walking outwards.
    let mut lane_party: HashMap<&str, Option<Party>> = HashMap::new();
    let mut lane_nodes: HashMap<&str, usize> = HashMap::new();
    for node in &process.flow_nodes {
        let lane = lane_of(&node.id);
        let party = match lane {
            Some(l) => {
                *lane_nodes.entry(l).or_insert(0) += 1;
                let resolved = lane_party
                    .entry(l)
                    .or_insert_with(|| {
                        let mut cur = Some(l);
                        while let Some(c) = cur {
                            let name = lane_name.get(c).copied().unwrap_or("");
                            if !resolver.pools_as_parties {
                                if let Some(p) = resolver.name(name) {
                                    return Some(p);
                                }
                            }
                            cur = lane_parent.get(c).copied().flatten();
                        }
                        None
                    })
                    .clone();
                resolved.or_else(|| fallback.cloned())
            }
            None => fallback.cloned(),
        };
        if let Some(l) = lane {
            let name = lane_name.get(l).copied().unwrap_or("");
            if !name.is_empty() {
                out.lanes.insert(node.id.clone(), name.to_string());
            }
        }
        if let Some(p) = party {
            out.nodes.insert(node.id.clone(), p);
        }
    }
    if !resolver.pools_as_parties {
        for (lane, count) in &lane_nodes {
            let name = lane_name.get(lane).copied().unwrap_or("");
            if name.is_empty() || resolver.name(name).is_some() {
                continue;
            }
            let own = lane_party.get(lane).cloned().flatten();
            let given = own.as_ref().or(fallback);
            log.note("lane", name, &rm.path, *count, given);
        }
    }
}

/// The owner of a process as a whole (the target of a call activity): its
/// pool when that resolves, else the model's place, else the agency of the
/// first agency activities reached from its start events (passing through
/// actors' and unowned activities) when they agree, else the only agency
/// among its activities.
fn process_owner(
    resolver: &Resolver<'_>,
    model: &Model,
    process: &Process,
    assigned: &ModelAgencies,
    pool_party: Option<Party>,
    place: Option<Party>,
) -> Option<Party> {
    let pool_named = model
        .participant_of(&process.id)
        .and_then(|p| p.name.as_ref())
        .is_some_and(|n| resolver.pools_as_parties || resolver.name(&n.display).is_some());
    if pool_named {
        if let Some(p) = pool_party {
            return Some(p);
        }
    }
    if place.is_some() {
        return place;
    }
    let owners = first_agencies(process, assigned);
    if owners.len() == 1 {
        return owners.into_iter().next();
    }
    let all: BTreeSet<&Party> = process
        .flow_nodes
        .iter()
        .filter(|n| n.is_activity())
        .filter_map(|n| assigned.nodes.get(&n.id))
        .filter(|p| p.is_agency)
        .collect();
    if all.len() == 1 {
        return all.into_iter().next().cloned();
    }
    pool_party
}

/// Agencies of the first activities owned by an agency that are reached from
/// the process's top-level start events (or, without start events, from its
/// top-level activities without incoming flow), passing through gateways,
/// events, and activities of actors or of nobody.
fn first_agencies(process: &Process, assigned: &ModelAgencies) -> BTreeSet<Party> {
    let mut out = BTreeSet::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut queue: std::collections::VecDeque<&str> = crate::handoff::first_activities(process)
        .iter()
        .filter_map(|id| process.node(id).map(|n| n.id.as_str()))
        .collect();
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        let Some(node) = process.node(id) else {
            continue;
        };
        if node.is_activity() {
            if let Some(p) = assigned.nodes.get(id).filter(|p| p.is_agency) {
                out.insert(p.clone());
                continue;
            }
        }
        for f in process.sequence_flows.iter().filter(|f| f.source_ref == id) {
            queue.push_back(&f.target_ref);
        }
    }
    out
}
