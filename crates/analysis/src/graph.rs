//! The cross-agency graph (petgraph).
//!
//! Nodes: flow nodes (activities, events, and the gateways that connect
//! them), pools, processes and business objects (data objects and data
//! stores, keyed by their canonical label). Edges: control flow (sequence
//! flows, boundary attachment, link events), message flows, call-activity
//! links resolved across files, and data reads and writes.
//!
//! What every traversal would only look up sits in dense tables beside the
//! graph instead of in nodes and edges: the owner of each node (a `u32` per
//! node into a handful of interned [`Party`]s), the process each flow node is
//! in (its [`GraphNode::Flow`] weight), the flow nodes, pools and processes of
//! each model (sorted node lists, found by binary search on the element id),
//! and the members of each shared-activity group. At 100,000 models this
//! keeps the graph to a few bytes per element beyond the petgraph nodes and
//! edges themselves, where string-keyed maps and ownership edges cost
//! gigabytes.

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
    /// A data object or data store, by canonical label.
    BusinessObject {
        key: String,
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
}

/// No owner, in [`CrossAgencyGraph`]'s owner table.
const NO_OWNER: u32 = u32::MAX;

/// The graph plus look-up tables.
#[derive(Debug)]
pub struct CrossAgencyGraph {
    pub graph: DiGraph<GraphNode, GraphEdge>,
    /// Flow nodes of every model with a hash of their element id, each
    /// model's sorted by that hash (one node per id: the last of
    /// duplicates); model `m`'s are `flow[flow_start[m]..flow_start[m + 1]]`.
    /// A look-up binary-searches the model's few contiguous entries and
    /// reads an element id only to confirm a hash match.
    flow: Vec<(u32, NodeIndex)>,
    flow_start: Vec<usize>,
    /// Pools, as `flow`.
    participants: Vec<(u32, NodeIndex)>,
    participant_start: Vec<usize>,
    /// Process nodes in model and process order; model `m`'s are
    /// `processes[process_start[m]..process_start[m + 1]]`.
    processes: Vec<NodeIndex>,
    process_start: Vec<usize>,
    objects: BTreeMap<String, NodeIndex>,
    /// Flow nodes of each shared-activity group, by group id.
    group_members: BTreeMap<String, Vec<NodeIndex>>,
    /// Owner per graph node: an index into `parties`, or [`NO_OWNER`].
    owner: Vec<u32>,
    /// The distinct owners.
    parties: Vec<Party>,
    /// Index into `parties` by code, for agencies (`[1]`) and actors (`[0]`).
    party_ids: HashMap<String, [u32; 2]>,
}

impl Default for CrossAgencyGraph {
    fn default() -> Self {
        CrossAgencyGraph {
            graph: DiGraph::default(),
            flow: Vec::new(),
            flow_start: vec![0],
            participants: Vec::new(),
            participant_start: vec![0],
            processes: Vec::new(),
            process_start: vec![0],
            objects: BTreeMap::new(),
            group_members: BTreeMap::new(),
            owner: Vec::new(),
            parties: Vec::new(),
            party_ids: HashMap::new(),
        }
    }
}

/// A model's flow nodes (or pools) by element id while it is being added:
/// the last node of an id wins, as later elements of a file override earlier
/// ones with the same id.
type Local<'m> = HashMap<&'m str, NodeIndex>;

impl CrossAgencyGraph {
    /// Builds the graph for every model (all of them, so call activities
    /// resolve across the whole repository). `agencies[i]` belongs to `models[i]`.
    pub fn build(
        models: &[RepoModel],
        agencies: &[ModelAgencies],
        keys: &ObjectKeys<'_>,
    ) -> CrossAgencyGraph {
        let mut g = CrossAgencyGraph::default();
        // Sized up front: at national scale the tables hold millions of
        // entries, and growing them by doubling would copy them repeatedly.
        let (mut processes, mut flow, mut pools, mut edges) = (0, 0, 0, 0);
        for rm in models.iter().take(agencies.len()) {
            let m = &rm.model;
            for p in &m.processes {
                processes += 1;
                flow += p.flow_nodes.len();
                edges += p.sequence_flows.len()
                    + p.data_associations
                        .iter()
                        .map(|d| d.data_refs.len())
                        .sum::<usize>();
            }
            for c in &m.collaborations {
                pools += c.participants.len();
                edges += c.message_flows.len();
            }
        }
        let n = models.len().min(agencies.len());
        g.graph.reserve_exact_nodes(processes + flow + pools);
        g.graph.reserve_edges(edges);
        g.owner.reserve(processes + flow + pools);
        g.flow.reserve_exact(flow);
        g.participants.reserve_exact(pools);
        g.processes.reserve_exact(processes);
        g.flow_start.reserve_exact(n);
        g.participant_start.reserve_exact(n);
        g.process_start.reserve_exact(n);
        for (mi, (rm, ma)) in models.iter().zip(agencies).enumerate() {
            g.add_model(mi, &rm.model, ma, keys);
        }
        g.flow.shrink_to_fit();
        g.participants.shrink_to_fit();
        g.processes.shrink_to_fit();
        g.link_calls(models);
        g
    }

    /// Adds a node with its owner.
    fn add_node(&mut self, node: GraphNode, party: Option<&Party>) -> NodeIndex {
        let n = self.graph.add_node(node);
        let owner = party.map_or(NO_OWNER, |p| self.party_id(p));
        self.owner.push(owner);
        n
    }

    /// The index of `p` in `parties`, added when new.
    fn party_id(&mut self, p: &Party) -> u32 {
        let slot = usize::from(p.is_agency);
        if let Some(ids) = self.party_ids.get(p.code.as_str()) {
            if ids[slot] != NO_OWNER {
                return ids[slot];
            }
        }
        let id = u32::try_from(self.parties.len()).unwrap_or(NO_OWNER);
        self.parties.push(p.clone());
        self.party_ids
            .entry(p.code.clone())
            .or_insert([NO_OWNER; 2])[slot] = id;
        id
    }

    fn object_node(&mut self, key: &str) -> NodeIndex {
        if let Some(n) = self.objects.get(key) {
            return *n;
        }
        let n = self.add_node(
            GraphNode::BusinessObject {
                key: key.to_string(),
            },
            None,
        );
        self.objects.insert(key.to_string(), n);
        n
    }

    fn add_model(&mut self, mi: usize, model: &Model, ma: &ModelAgencies, keys: &ObjectKeys<'_>) {
        let mut participants: Local<'_> = HashMap::new();
        for p in model.collaborations.iter().flat_map(|c| &c.participants) {
            let n = self.add_node(
                GraphNode::Participant {
                    model: mi,
                    id: p.id.clone(),
                },
                ma.participants.get(&p.id),
            );
            participants.insert(p.id.as_str(), n);
        }
        let mut flow: Local<'_> = HashMap::new();
        for (pi, process) in model.processes.iter().enumerate() {
            let pn = self.add_node(
                GraphNode::Process {
                    model: mi,
                    process: pi,
                },
                ma.processes.get(pi).and_then(Option::as_ref),
            );
            self.processes.push(pn);
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
                let n = self.add_node(
                    GraphNode::Flow {
                        model: mi,
                        process: pi,
                        id: node.id.clone(),
                        category,
                        automated,
                    },
                    ma.nodes.get(&node.id),
                );
                flow.insert(node.id.as_str(), n);
            }
            // The flow nodes of this process and the earlier ones.
            self.add_process_edges(mi, process, &flow, keys);
        }
        for mf in model.collaborations.iter().flat_map(|c| &c.message_flows) {
            let endpoint = |id: &str| flow.get(id).or_else(|| participants.get(id)).copied();
            let (Some(s), Some(t)) = (endpoint(&mf.source_ref), endpoint(&mf.target_ref)) else {
                continue;
            };
            self.graph
                .add_edge(s, t, GraphEdge::MessageFlow { id: mf.id.clone() });
        }
        self.process_start.push(self.processes.len());
        push_sorted(&mut self.flow, &mut self.flow_start, flow);
        push_sorted(
            &mut self.participants,
            &mut self.participant_start,
            participants,
        );
    }

    /// Sequence flows, boundary and link events, data reads and writes of one
    /// process; `flow` holds the model's flow nodes added so far.
    fn add_process_edges(
        &mut self,
        mi: usize,
        process: &Process,
        flow: &Local<'_>,
        keys: &ObjectKeys<'_>,
    ) {
        for sf in &process.sequence_flows {
            if let (Some(&s), Some(&t)) = (
                flow.get(sf.source_ref.as_str()),
                flow.get(sf.target_ref.as_str()),
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
            let Some(&n) = flow.get(node.id.as_str()) else {
                continue;
            };
            if let Some(a) = attached_to {
                if let Some(&an) = flow.get(a.as_str()) {
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
            let Some(&an) = flow.get(da.node.as_str()) else {
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
                if let (Some((tm, tp)), Some(from)) = (target, self.flow_node(mi, &node.id)) {
                    if let Some(to) = self.process_node(tm, tp) {
                        links.push((from, to));
                    }
                }
            }
        }
        for (from, to) in links {
            self.graph.add_edge(from, to, GraphEdge::Calls);
        }
    }

    /// Adds a shared-activity group with its members (`(model, id)` pairs;
    /// those that are no flow node are left out). Adding an id again
    /// replaces its members.
    pub fn add_group(&mut self, id: &str, members: &[(usize, String)]) {
        let nodes = members
            .iter()
            .filter_map(|(m, n)| self.flow_node(*m, n))
            .collect();
        self.group_members.insert(id.to_string(), nodes);
    }

    /// The flow nodes of a shared-activity group added with
    /// [`CrossAgencyGraph::add_group`].
    pub fn group_members(&self, id: &str) -> Option<&[NodeIndex]> {
        self.group_members.get(id).map(Vec::as_slice)
    }

    /// The graph node of a flow node (the last one of that id in the model).
    pub fn flow_node(&self, model: usize, id: &str) -> Option<NodeIndex> {
        self.find(&self.flow, &self.flow_start, model, id)
    }

    /// The graph node of a pool (the last one of that id in the model).
    pub fn participant_node(&self, model: usize, id: &str) -> Option<NodeIndex> {
        self.find(&self.participants, &self.participant_start, model, id)
    }

    /// Binary search for `id` among model `model`'s slice of `sorted`.
    fn find(
        &self,
        sorted: &[(u32, NodeIndex)],
        start: &[usize],
        model: usize,
        id: &str,
    ) -> Option<NodeIndex> {
        let (&lo, &hi) = (start.get(model)?, start.get(model.checked_add(1)?)?);
        let slice = sorted.get(lo..hi)?;
        let h = id_hash(id);
        let first = slice.partition_point(|&(k, _)| k < h);
        slice
            .get(first..)?
            .iter()
            .take_while(|&&(k, _)| k == h)
            .map(|&(_, n)| n)
            .find(|&n| element_id(&self.graph, n) == id)
    }

    /// The graph node of a process.
    pub fn process_node(&self, model: usize, process: usize) -> Option<NodeIndex> {
        let (&lo, &hi) = (
            self.process_start.get(model)?,
            self.process_start.get(model.checked_add(1)?)?,
        );
        let i = lo.checked_add(process).filter(|&i| i < hi)?;
        self.processes.get(i).copied()
    }

    /// The owner of a flow node, pool or process.
    pub fn owner(&self, n: NodeIndex) -> Option<&Party> {
        let id = *self.owner.get(n.index())?;
        self.parties.get(usize::try_from(id).ok()?)
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

/// The element id of a flow node or pool ("" for other nodes).
fn element_id(graph: &DiGraph<GraphNode, GraphEdge>, n: NodeIndex) -> &str {
    match graph.node_weight(n) {
        Some(GraphNode::Flow { id, .. } | GraphNode::Participant { id, .. }) => id,
        _ => "",
    }
}

/// Appends one model's nodes (`local`, one per id) to `sorted` with the
/// hashes of their ids, sorted by hash, and the model's end to `start`.
fn push_sorted(sorted: &mut Vec<(u32, NodeIndex)>, start: &mut Vec<usize>, local: Local<'_>) {
    let first = sorted.len();
    sorted.extend(local.into_iter().map(|(id, n)| (id_hash(id), n)));
    if let Some(mine) = sorted.get_mut(first..) {
        mine.sort_unstable();
    }
    start.push(sorted.len());
}

/// FNV-1a hash of an element id, for the per-model look-up tables.
fn id_hash(id: &str) -> u32 {
    id.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <collaboration id="C">
    <participant id="P_a" name="A" processRef="Pa"/>
    <participant id="P_b" name="B"/>
    <messageFlow id="M1" sourceRef="T2" targetRef="P_b"/>
  </collaboration>
  <process id="Pa">
    <startEvent id="S"/>
    <task id="T1" name="One"/>
    <exclusiveGateway id="G"/>
    <serviceTask id="T2" name="Two"/>
    <callActivity id="T3" name="Call" calledElement="Pz"/>
    <sequenceFlow id="F1" sourceRef="S" targetRef="T1"/>
    <sequenceFlow id="F2" sourceRef="T1" targetRef="G"/>
    <sequenceFlow id="F3" sourceRef="G" targetRef="T2"/>
    <sequenceFlow id="F4" sourceRef="T2" targetRef="T3"/>
  </process>
</definitions>"#;

    const Z: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <process id="Py"><task id="T1" name="Other"/></process>
  <process id="Pz"><task id="T9" name="Called"/></process>
</definitions>"#;

    fn model(path: &str, xml: &str) -> RepoModel {
        let model = peta_bpmn::parse_bytes(path, path, xml.as_bytes(), &Default::default())
            .expect("test model parses");
        RepoModel {
            path: path.to_string(),
            model,
        }
    }

    fn party(code: &str, is_agency: bool) -> Party {
        Party {
            code: code.to_string(),
            is_agency,
        }
    }

    fn graph() -> CrossAgencyGraph {
        let models = vec![model("a.bpmn", A), model("z.bpmn", Z)];
        let mut a = ModelAgencies::default();
        for id in ["S", "T1", "T2", "T3"] {
            a.nodes.insert(id.to_string(), party("A", true));
        }
        a.participants.insert("P_a".to_string(), party("A", true));
        a.participants.insert("P_b".to_string(), party("B", false));
        a.processes.push(Some(party("A", true)));
        let z = ModelAgencies {
            processes: vec![None, Some(party("Z", true))],
            ..ModelAgencies::default()
        };
        let lex = peta_text::Lexicon::bundled();
        CrossAgencyGraph::build(&models, &[a, z], &ObjectKeys::new(&lex))
    }

    #[test]
    fn look_ups_by_model_and_id() {
        let g = graph();
        let t1 = g.flow_node(0, "T1").expect("T1 of model 0");
        let other = g.flow_node(1, "T1").expect("T1 of model 1");
        assert_ne!(t1, other);
        assert_eq!(g.process_of(t1), Some((0, 0)));
        assert_eq!(g.process_of(other), Some((1, 0)));
        assert_eq!(g.flow_node(0, "T9"), None);
        assert_eq!(g.flow_node(2, "T1"), None);
        assert!(g.participant_node(0, "P_b").is_some());
        assert_eq!(g.participant_node(1, "P_b"), None);
        assert!(g.process_node(1, 1).is_some());
        assert_eq!(g.process_node(0, 1), None);
        assert_eq!(g.category(t1), Some(Category::Activity));
        let gw = g.flow_node(0, "G").expect("gateway");
        assert_eq!(g.category(gw), Some(Category::Gateway));
        assert_eq!(
            g.successors(gw).collect::<Vec<_>>(),
            g.flow_node(0, "T2").into_iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn owners_and_edges() {
        let g = graph();
        let t1 = g.flow_node(0, "T1").expect("T1");
        assert_eq!(g.owner(t1), Some(&party("A", true)));
        assert_eq!(g.owner(g.flow_node(0, "G").expect("G")), None);
        let pb = g.participant_node(0, "P_b").expect("P_b");
        assert_eq!(g.owner(pb), Some(&party("B", false)));
        let pz = g.process_node(1, 1).expect("Pz");
        assert_eq!(g.owner(pz), Some(&party("Z", true)));
        assert_eq!(g.owner(g.process_node(1, 0).expect("Py")), None);
        // The call activity reaches the process it calls in the other file.
        let t3 = g.flow_node(0, "T3").expect("T3");
        assert!(g
            .graph
            .edges_directed(t3, Direction::Outgoing)
            .any(|e| matches!(e.weight(), GraphEdge::Calls) && e.target() == pz));
        let t2 = g.flow_node(0, "T2").expect("T2");
        assert!(g
            .graph
            .edges_directed(t2, Direction::Outgoing)
            .any(|e| matches!(e.weight(), GraphEdge::MessageFlow { .. }) && e.target() == pb));
        // Only elements are nodes: no agency or group nodes.
        // Pools, processes, flow nodes of a.bpmn, flow nodes of z.bpmn.
        assert_eq!(g.graph.node_count(), 2 + 3 + 5 + 2);
    }

    #[test]
    fn shared_groups_keep_their_flow_nodes() {
        let mut g = graph();
        g.add_group(
            "SA-1",
            &[
                (0, "T1".to_string()),
                (1, "T1".to_string()),
                (1, "missing".to_string()),
            ],
        );
        assert_eq!(
            g.group_members("SA-1"),
            Some(
                [g.flow_node(0, "T1"), g.flow_node(1, "T1")]
                    .map(|n| n.expect("member"))
                    .as_slice()
            )
        );
        assert_eq!(g.group_members("SA-2"), None);
        // Groups add no nodes.
        assert_eq!(g.graph.node_count(), 12);
    }
}
