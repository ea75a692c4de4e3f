//! The cross-agency graph (petgraph).
//!
//! Nodes: flow nodes (activities, events, and the gateways that connect
//! them), pools, processes, agencies, business objects (data objects and data
//! stores, keyed by their canonical label) and shared-activity groups.
//! Edges: control flow (sequence flows, boundary attachment, link events),
//! message flows, call-activity links resolved across files, data reads and
//! writes, process membership, ownership and shared-group membership.

use std::collections::{BTreeMap, HashMap};

use peta_bpmn::{
    DataDirection, EventDefinition, EventKind, FlowNodeKind, Model, Process, TaskKind,
};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::agency::{ModelAgencies, Party};
use crate::data::ObjectKeys;
use crate::repository::RepoModel;

/// Prefix of business-object keys of unnamed data objects (private to one
/// process, never a repeated data request).
pub const UNNAMED_OBJECT: &str = "#";

/// What a flow node is, for traversal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Activity,
    Event,
    Gateway,
}

/// A node of the cross-agency graph.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphNode {
    /// A flow node: `model` indexes [`crate::Repository::models`], `process`
    /// that model's processes.
    Flow {
        model: usize,
        process: usize,
        id: String,
        category: Category,
        /// Automated task (service, script, business rule).
        automated: bool,
    },
    /// A pool.
    Participant {
        model: usize,
        id: String,
    },
    Process {
        model: usize,
        process: usize,
    },
    Agency {
        code: String,
    },
    /// A data object or data store, by canonical label.
    BusinessObject {
        key: String,
    },
    SharedGroup {
        id: String,
    },
}

/// An edge of the cross-agency graph.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphEdge {
    /// A sequence flow.
    ControlFlow {
        id: String,
    },
    /// Activity → a boundary event attached to it.
    Boundary,
    /// Link throw event → link catch event of the same name.
    Link,
    MessageFlow {
        id: String,
    },
    /// Call activity → the process it calls.
    Calls,
    /// Activity → business object; `data` is the data object (or store)
    /// identity within the process, `data_ref` the reference written.
    Writes {
        data: String,
        data_ref: String,
        store: bool,
    },
    /// Business object → activity.
    Reads {
        data: String,
        data_ref: String,
        store: bool,
    },
    /// Flow node → its process.
    InProcess,
    /// Flow node, pool or process → agency.
    OwnedBy,
    /// Flow node → shared-activity group.
    Member,
}

/// The graph plus look-up tables.
#[derive(Debug, Default)]
pub struct CrossAgencyGraph {
    pub graph: DiGraph<GraphNode, GraphEdge>,
    flow: HashMap<(usize, String), NodeIndex>,
    participants: HashMap<(usize, String), NodeIndex>,
    processes: HashMap<(usize, usize), NodeIndex>,
    agencies: BTreeMap<String, NodeIndex>,
    objects: BTreeMap<String, NodeIndex>,
    groups: BTreeMap<String, NodeIndex>,
    /// Owner per graph node (flow nodes, pools, processes).
    owner: HashMap<NodeIndex, Party>,
}

impl CrossAgencyGraph {
    /// Builds the graph for every model (all of them, so call activities
    /// resolve across the whole repository). `agencies[i]` belongs to `models[i]`.
    pub fn build(
        models: &[RepoModel],
        agencies: &[ModelAgencies],
        keys: &ObjectKeys<'_>,
    ) -> CrossAgencyGraph {
        let mut g = CrossAgencyGraph::default();
        for (mi, (rm, ma)) in models.iter().zip(agencies).enumerate() {
            g.add_model(mi, &rm.model, ma, keys);
        }
        g.link_calls(models);
        g
    }

    fn agency_node(&mut self, code: &str) -> NodeIndex {
        if let Some(n) = self.agencies.get(code) {
            return *n;
        }
        let n = self.graph.add_node(GraphNode::Agency {
            code: code.to_string(),
        });
        self.agencies.insert(code.to_string(), n);
        n
    }

    fn own(&mut self, node: NodeIndex, party: Option<&Party>) {
        if let Some(p) = party {
            let a = self.agency_node(&p.code);
            self.graph.add_edge(node, a, GraphEdge::OwnedBy);
            self.owner.insert(node, p.clone());
        }
    }

    fn object_node(&mut self, key: &str) -> NodeIndex {
        if let Some(n) = self.objects.get(key) {
            return *n;
        }
        let n = self.graph.add_node(GraphNode::BusinessObject {
            key: key.to_string(),
        });
        self.objects.insert(key.to_string(), n);
        n
    }

    fn add_model(&mut self, mi: usize, model: &Model, ma: &ModelAgencies, keys: &ObjectKeys<'_>) {
        for p in model.collaborations.iter().flat_map(|c| &c.participants) {
            let n = self.graph.add_node(GraphNode::Participant {
                model: mi,
                id: p.id.clone(),
            });
            self.participants.insert((mi, p.id.clone()), n);
            self.own(n, ma.participants.get(&p.id));
        }
        for (pi, process) in model.processes.iter().enumerate() {
            let pn = self.graph.add_node(GraphNode::Process {
                model: mi,
                process: pi,
            });
            self.processes.insert((mi, pi), pn);
            self.own(pn, ma.processes.get(pi).and_then(Option::as_ref));
            for node in &process.flow_nodes {
                let (category, automated) = match &node.kind {
                    FlowNodeKind::Task(t) => (
                        Category::Activity,
                        matches!(
                            t,
                            TaskKind::Service | TaskKind::Script | TaskKind::BusinessRule
                        ),
                    ),
                    FlowNodeKind::SubProcess { .. } | FlowNodeKind::CallActivity { .. } => {
                        (Category::Activity, false)
                    }
                    FlowNodeKind::Event { .. } => (Category::Event, false),
                    FlowNodeKind::Gateway(_) => (Category::Gateway, false),
                };
                let n = self.graph.add_node(GraphNode::Flow {
                    model: mi,
                    process: pi,
                    id: node.id.clone(),
                    category,
                    automated,
                });
                self.flow.insert((mi, node.id.clone()), n);
                self.graph.add_edge(n, pn, GraphEdge::InProcess);
                self.own(n, ma.nodes.get(&node.id));
            }
            self.add_process_edges(mi, process, keys);
        }
        for mf in model.collaborations.iter().flat_map(|c| &c.message_flows) {
            let (Some(s), Some(t)) = (
                self.endpoint(mi, &mf.source_ref),
                self.endpoint(mi, &mf.target_ref),
            ) else {
                continue;
            };
            self.graph
                .add_edge(s, t, GraphEdge::MessageFlow { id: mf.id.clone() });
        }
    }

    fn add_process_edges(&mut self, mi: usize, process: &Process, keys: &ObjectKeys<'_>) {
        for sf in &process.sequence_flows {
            if let (Some(&s), Some(&t)) = (
                self.flow.get(&(mi, sf.source_ref.clone())),
                self.flow.get(&(mi, sf.target_ref.clone())),
            ) {
                self.graph
                    .add_edge(s, t, GraphEdge::ControlFlow { id: sf.id.clone() });
            }
        }
        // Boundary events and link events.
        let mut throws: Vec<(&str, NodeIndex)> = Vec::new();
        let mut catches: Vec<(&str, NodeIndex)> = Vec::new();
        for node in &process.flow_nodes {
            let FlowNodeKind::Event {
                kind,
                definitions,
                attached_to,
                ..
            } = &node.kind
            else {
                continue;
            };
            let Some(&n) = self.flow.get(&(mi, node.id.clone())) else {
                continue;
            };
            if let Some(a) = attached_to {
                if let Some(&an) = self.flow.get(&(mi, a.clone())) {
                    self.graph.add_edge(an, n, GraphEdge::Boundary);
                }
            }
            if definitions.contains(&EventDefinition::Link) {
                match kind {
                    EventKind::IntermediateThrow => throws.push((node.label(), n)),
                    EventKind::IntermediateCatch => catches.push((node.label(), n)),
                    _ => {}
                }
            }
        }
        for (tl, tn) in &throws {
            for (cl, cn) in &catches {
                if !tl.is_empty()
                    && peta_registry::normalize_name(tl) == peta_registry::normalize_name(cl)
                {
                    self.graph.add_edge(*tn, *cn, GraphEdge::Link);
                }
            }
        }
        // Data reads and writes.
        let identity = |ref_id: &str| -> Option<(String, String, bool)> {
            if let Some(r) = process.data_object_refs.iter().find(|r| r.id == ref_id) {
                let data = r.data_object_ref.clone().unwrap_or_else(|| r.id.clone());
                let label = r
                    .name
                    .as_ref()
                    .map(|l| l.display.clone())
                    .filter(|s| !s.is_empty())
                    .or_else(|| {
                        process
                            .data_objects
                            .iter()
                            .find(|o| o.id == data)
                            .and_then(|o| o.name.as_ref().map(|l| l.display.clone()))
                    })
                    .unwrap_or_default();
                return Some((data, label, false));
            }
            if let Some(o) = process.data_objects.iter().find(|o| o.id == ref_id) {
                let label = o
                    .name
                    .as_ref()
                    .map(|l| l.display.clone())
                    .unwrap_or_default();
                return Some((o.id.clone(), label, false));
            }
            if let Some(r) = process.data_store_refs.iter().find(|r| r.id == ref_id) {
                let data = r.data_store_ref.clone().unwrap_or_else(|| r.id.clone());
                let label = r
                    .name
                    .as_ref()
                    .map(|l| l.display.clone())
                    .unwrap_or_default();
                return Some((format!("store:{data}"), label, true));
            }
            None
        };
        for da in &process.data_associations {
            let Some(&an) = self.flow.get(&(mi, da.node.clone())) else {
                continue;
            };
            for r in &da.data_refs {
                let Some((data, label, store)) = identity(r) else {
                    continue;
                };
                let mut key = keys.key(&label);
                if key.is_empty() {
                    // Unnamed (or only "Data", "Dokumen"): still a data object
                    // for data handoffs, but private to its process.
                    key = format!("{UNNAMED_OBJECT}{mi}/{}/{data}", process.id);
                }
                let on = self.object_node(&key);
                match da.direction {
                    DataDirection::Output => self.graph.add_edge(
                        an,
                        on,
                        GraphEdge::Writes {
                            data,
                            data_ref: r.clone(),
                            store,
                        },
                    ),
                    DataDirection::Input => self.graph.add_edge(
                        on,
                        an,
                        GraphEdge::Reads {
                            data,
                            data_ref: r.clone(),
                            store,
                        },
                    ),
                };
            }
        }
    }

    /// A message-flow end: a flow node, else a pool.
    fn endpoint(&self, mi: usize, id: &str) -> Option<NodeIndex> {
        let key = (mi, id.to_string());
        self.flow
            .get(&key)
            .or_else(|| self.participants.get(&key))
            .copied()
    }

    /// Links call activities to the process they call: by process id (this
    /// model first, then the others in path order; a QName prefix such as
    /// `tns:` is ignored), else by process name.
    fn link_calls(&mut self, models: &[RepoModel]) {
        let mut by_id: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        let mut by_name: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        for (mi, rm) in models.iter().enumerate() {
            for (pi, p) in rm.model.processes.iter().enumerate() {
                by_id.entry(p.id.as_str()).or_default().push((mi, pi));
                if let Some(n) = p.name.as_ref() {
                    let k = peta_registry::normalize_name(&n.display);
                    if !k.is_empty() {
                        by_name.entry(k).or_default().push((mi, pi));
                    }
                }
            }
        }
        let mut links = Vec::new();
        for (mi, rm) in models.iter().enumerate() {
            for (_, node) in rm.model.flow_nodes() {
                let FlowNodeKind::CallActivity {
                    called_element: Some(called),
                } = &node.kind
                else {
                    continue;
                };
                let called = called.trim();
                // Candidates are in model order: the first of this model by
                // binary search (a common id such as `Process_1` may be
                // shared by thousands of models), else the first overall.
                let pick = |c: &Vec<(usize, usize)>| {
                    let i = c.partition_point(|(m, _)| *m < mi);
                    c.get(i)
                        .filter(|(m, _)| *m == mi)
                        .or_else(|| c.first())
                        .copied()
                };
                // `tns:Process_1` (a QName) names `Process_1`.
                let local = called.rsplit_once(':').map_or(called, |(_, l)| l);
                let target = by_id
                    .get(called)
                    .or_else(|| by_id.get(local))
                    .and_then(pick)
                    .or_else(|| {
                        by_name
                            .get(&peta_registry::normalize_name(called))
                            .and_then(pick)
                    });
                if let (Some(t), Some(&from)) = (target, self.flow.get(&(mi, node.id.clone()))) {
                    if let Some(&to) = self.processes.get(&t) {
                        links.push((from, to));
                    }
                }
            }
        }
        for (from, to) in links {
            self.graph.add_edge(from, to, GraphEdge::Calls);
        }
    }

    /// Adds a shared-activity group with its members (`(model, id)` pairs).
    pub fn add_group(&mut self, id: &str, members: &[(usize, String)]) {
        let gn = self
            .graph
            .add_node(GraphNode::SharedGroup { id: id.to_string() });
        self.groups.insert(id.to_string(), gn);
        for m in members {
            if let Some(&n) = self.flow.get(m) {
                self.graph.add_edge(n, gn, GraphEdge::Member);
            }
        }
    }

    /// The graph node of a flow node.
    pub fn flow_node(&self, model: usize, id: &str) -> Option<NodeIndex> {
        self.flow.get(&(model, id.to_string())).copied()
    }

    /// The graph node of a pool.
    pub fn participant_node(&self, model: usize, id: &str) -> Option<NodeIndex> {
        self.participants.get(&(model, id.to_string())).copied()
    }

    /// The graph node of a process.
    pub fn process_node(&self, model: usize, process: usize) -> Option<NodeIndex> {
        self.processes.get(&(model, process)).copied()
    }

    /// The owner of a flow node, pool or process.
    pub fn owner(&self, n: NodeIndex) -> Option<&Party> {
        self.owner.get(&n)
    }

    /// Business-object nodes, by key.
    pub fn business_objects(&self) -> impl Iterator<Item = (&str, NodeIndex)> {
        self.objects.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// Control-flow successors: targets of sequence flows, attached boundary
    /// events and link catches.
    pub fn successors(&self, n: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .edges_directed(n, Direction::Outgoing)
            .filter(|e| {
                matches!(
                    e.weight(),
                    GraphEdge::ControlFlow { .. } | GraphEdge::Boundary | GraphEdge::Link
                )
            })
            .map(|e| e.target())
    }

    /// The category of a flow node (`None` for other nodes).
    pub fn category(&self, n: NodeIndex) -> Option<Category> {
        match self.graph.node_weight(n) {
            Some(GraphNode::Flow { category, .. }) => Some(*category),
            _ => None,
        }
    }

    /// The process a flow node is in (model, process index).
    pub fn process_of(&self, n: NodeIndex) -> Option<(usize, usize)> {
        match self.graph.node_weight(n) {
            Some(GraphNode::Flow { model, process, .. }) => Some((*model, *process)),
            _ => None,
        }
    }
}
