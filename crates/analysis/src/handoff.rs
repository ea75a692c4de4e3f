//! Handoffs: transfers of work or information from one agency to another,
//! found on the [`CrossAgencyGraph`] exactly as docs/analysis.md defines them
//! (message flow, control flow, call activity, data).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use peta_bpmn::{FlowNodeKind, Process};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use crate::agency::Party;
use crate::graph::{Category, CrossAgencyGraph, GraphEdge, GraphNode};
use crate::repository::RepoModel;

/// The four kinds of handoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoffKind {
    MessageFlow,
    ControlFlow,
    CallActivity,
    Data,
}

impl HandoffKind {
    pub const ALL: [HandoffKind; 4] = [
        HandoffKind::MessageFlow,
        HandoffKind::ControlFlow,
        HandoffKind::CallActivity,
        HandoffKind::Data,
    ];

    /// The serde name (`message_flow`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            HandoffKind::MessageFlow => "message_flow",
            HandoffKind::ControlFlow => "control_flow",
            HandoffKind::CallActivity => "call_activity",
            HandoffKind::Data => "data",
        }
    }
}

/// One end of a handoff (or a member of a group): agency, file, element.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Endpoint {
    pub agency: Option<String>,
    /// Repository-relative path of the model file.
    pub model: String,
    /// Element id (flow node, pool, or the called process).
    pub id: String,
    pub label: String,
}

/// A transfer from one agency to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    pub kind: HandoffKind,
    pub from: Endpoint,
    pub to: Endpoint,
    /// Id of the process of `from` (when `from` lies in one).
    pub process: Option<String>,
    /// The carrying element: the message flow, the data object, or the
    /// first sequence flow of the path.
    pub via: Option<String>,
    /// Its label, if any (message-flow name, data-object name).
    pub via_label: Option<String>,
    /// Neither end is automated (service, script or business-rule task).
    pub manual: bool,
    /// Themes of the `from` model, sorted.
    pub themes: Vec<String>,
}

impl Handoff {
    /// Sort order: kind, then `from` and `to` by file and element id.
    #[allow(clippy::type_complexity)]
    pub fn sort_key(&self) -> (HandoffKind, &str, &str, &str, &str, &Option<String>) {
        (
            self.kind,
            &self.from.model,
            &self.from.id,
            &self.to.model,
            &self.to.id,
            &self.via,
        )
    }
}

/// Counts by handoff kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindCounts {
    pub message_flow: usize,
    pub control_flow: usize,
    pub call_activity: usize,
    pub data: usize,
    pub total: usize,
}

impl KindCounts {
    pub fn add(&mut self, kind: HandoffKind) {
        match kind {
            HandoffKind::MessageFlow => self.message_flow += 1,
            HandoffKind::ControlFlow => self.control_flow += 1,
            HandoffKind::CallActivity => self.call_activity += 1,
            HandoffKind::Data => self.data += 1,
        }
        self.total += 1;
    }
    pub fn get(&self, kind: HandoffKind) -> usize {
        match kind {
            HandoffKind::MessageFlow => self.message_flow,
            HandoffKind::ControlFlow => self.control_flow,
            HandoffKind::CallActivity => self.call_activity,
            HandoffKind::Data => self.data,
        }
    }
}

/// An A→B→A round trip on one path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PingPong {
    /// The agency that hands off and gets the work back.
    pub a: String,
    /// The agency in between.
    pub b: String,
    /// A's activity, B's first element, (B's last element if different), A's element.
    pub path: Vec<Endpoint>,
}

/// Handoff figures of one process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessStats {
    pub model: String,
    /// Process id.
    pub process: String,
    pub name: String,
    /// Owner of the process as a whole.
    pub agency: Option<String>,
    pub activities: usize,
    /// Handoffs whose `from` lies in this process.
    pub handoffs: KindCounts,
    /// Agencies of its activities and of the ends of its handoffs, sorted.
    pub agencies: Vec<String>,
    /// Agencies of its own activities only, sorted (two or more: a
    /// cross-agency process such as one pool with a lane per agency).
    #[serde(default)]
    pub own_agencies: Vec<String>,
    pub ping_pongs: Vec<PingPong>,
    /// Most handoffs in a row along one path (cycles cut).
    pub longest_chain: usize,
}

/// Handoffs from one agency to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairStats {
    pub from: String,
    pub to: String,
    pub counts: KindCounts,
    /// Of those, handoffs with no automated end.
    pub manual: usize,
}

/// Handoffs within one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeStats {
    pub theme: String,
    pub counts: KindCounts,
    pub citizen_contacts: usize,
}

/// Handoffs and citizen contacts found on the graph.
#[derive(Debug, Default)]
pub struct Found {
    pub handoffs: Vec<Handoff>,
    pub citizen_contacts: Vec<Handoff>,
}

/// Context for turning graph nodes into endpoints.
pub struct Ctx<'a> {
    pub models: &'a [RepoModel],
    pub graph: &'a CrossAgencyGraph,
    /// Which models are analysed (theme filter).
    pub included: &'a [bool],
    /// Theme codes per model.
    pub themes: &'a [Vec<String>],
}

impl Ctx<'_> {
    /// Endpoint of a flow node or pool.
    pub fn endpoint(&self, n: NodeIndex) -> Option<Endpoint> {
        let agency = self.graph.owner(n).map(|p| p.code.clone());
        match self.graph.graph.node_weight(n)? {
            GraphNode::Flow {
                model, process, id, ..
            } => {
                let rm = self.models.get(*model)?;
                let label = rm
                    .model
                    .processes
                    .get(*process)
                    .and_then(|p| p.node(id))
                    .map(|f| f.label().to_string())
                    .unwrap_or_default();
                Some(Endpoint {
                    agency,
                    model: rm.path.clone(),
                    id: id.clone(),
                    label,
                })
            }
            GraphNode::Participant { model, id } => {
                let rm = self.models.get(*model)?;
                let label = rm
                    .model
                    .collaborations
                    .iter()
                    .flat_map(|c| &c.participants)
                    .find(|p| &p.id == id)
                    .and_then(|p| p.name.as_ref())
                    .map(|l| l.display.clone())
                    .unwrap_or_default();
                Some(Endpoint {
                    agency,
                    model: rm.path.clone(),
                    id: id.clone(),
                    label,
                })
            }
            GraphNode::Process { model, process } => {
                let rm = self.models.get(*model)?;
                let p = rm.model.processes.get(*process)?;
                Some(Endpoint {
                    agency,
                    model: rm.path.clone(),
                    id: p.id.clone(),
                    label: process_name(&rm.model, p),
                })
            }
            _ => None,
        }
    }

    fn model_of(&self, n: NodeIndex) -> Option<usize> {
        match self.graph.graph.node_weight(n)? {
            GraphNode::Flow { model, .. }
            | GraphNode::Participant { model, .. }
            | GraphNode::Process { model, .. } => Some(*model),
            _ => None,
        }
    }

    /// The process id a node lies in (flow node, or a pool's process).
    fn process_id(&self, n: NodeIndex) -> Option<String> {
        match self.graph.graph.node_weight(n)? {
            GraphNode::Flow { model, process, .. } => self
                .models
                .get(*model)
                .and_then(|m| m.model.processes.get(*process))
                .map(|p| p.id.clone()),
            GraphNode::Participant { model, id } => self
                .models
                .get(*model)?
                .model
                .collaborations
                .iter()
                .flat_map(|c| &c.participants)
                .find(|p| &p.id == id)
                .and_then(|p| p.process_ref.clone()),
            _ => None,
        }
    }

    fn automated(&self, n: NodeIndex) -> bool {
        matches!(
            self.graph.graph.node_weight(n),
            Some(GraphNode::Flow {
                automated: true,
                ..
            })
        )
    }

    fn make(
        &self,
        kind: HandoffKind,
        from: NodeIndex,
        to_endpoint: Endpoint,
        to: Option<NodeIndex>,
        via: Option<String>,
        via_label: Option<String>,
    ) -> Option<Handoff> {
        let from_ep = self.endpoint(from)?;
        let model = self.model_of(from)?;
        Some(Handoff {
            kind,
            from: from_ep,
            to: to_endpoint,
            process: self.process_id(from),
            via,
            via_label: via_label.filter(|s| !s.is_empty()),
            manual: !self.automated(from) && !to.is_some_and(|t| self.automated(t)),
            themes: self.themes.get(model).cloned().unwrap_or_default(),
        })
    }
}

/// The name of a process for reports: its name, else its pool's, else its id.
pub fn process_name(model: &peta_bpmn::Model, p: &Process) -> String {
    p.name
        .as_ref()
        .map(|l| l.display.clone())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            model
                .participant_of(&p.id)
                .and_then(|x| x.name.as_ref())
                .map(|l| l.display.clone())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| p.id.clone())
}

/// Where a crossing between two owners goes.
enum Crossing {
    Handoff,
    CitizenContact,
    None,
}

fn crossing(a: Option<&Party>, b: Option<&Party>) -> Crossing {
    match (a, b) {
        (Some(a), Some(b)) if a.code != b.code => match (a.is_agency, b.is_agency) {
            (true, true) => Crossing::Handoff,
            (true, false) | (false, true) => Crossing::CitizenContact,
            (false, false) => Crossing::None,
        },
        _ => Crossing::None,
    }
}

/// Finds every handoff and citizen contact whose `from` lies in an included model.
pub fn find(ctx: &Ctx<'_>) -> Found {
    let g = ctx.graph;
    let mut found = Found::default();
    let mut push = |c: Crossing, h: Option<Handoff>| {
        if let Some(h) = h {
            match c {
                Crossing::Handoff => found.handoffs.push(h),
                Crossing::CitizenContact => found.citizen_contacts.push(h),
                Crossing::None => {}
            }
        }
    };
    for n in g.graph.node_indices() {
        if !ctx
            .model_of(n)
            .is_some_and(|m| ctx.included.get(m).copied().unwrap_or(false))
        {
            continue;
        }
        let owner = g.owner(n);
        // Message flows leave flow nodes and pools.
        for e in g.graph.edges_directed(n, Direction::Outgoing) {
            match e.weight() {
                GraphEdge::MessageFlow { id } => {
                    let t = e.target();
                    let c = crossing(owner, g.owner(t));
                    if matches!(c, Crossing::None) {
                        continue;
                    }
                    let label = message_flow_label(ctx, n, id);
                    let h = ctx.endpoint(t).and_then(|to| {
                        ctx.make(
                            HandoffKind::MessageFlow,
                            n,
                            to,
                            Some(t),
                            Some(id.clone()),
                            label,
                        )
                    });
                    push(c, h);
                }
                GraphEdge::Calls => {
                    let t = e.target();
                    let c = crossing(owner, g.owner(t));
                    if matches!(c, Crossing::None) {
                        continue;
                    }
                    let h = ctx.endpoint(t).and_then(|to| {
                        let via = called_element(ctx, n);
                        ctx.make(HandoffKind::CallActivity, n, to, None, via, None)
                    });
                    push(c, h);
                }
                _ => {}
            }
        }
        if g.category(n) == Some(Category::Activity) {
            for (next, first_flow) in next_activities(g, n) {
                let c = crossing(owner, g.owner(next));
                if matches!(c, Crossing::None) {
                    continue;
                }
                let h = ctx.endpoint(next).and_then(|to| {
                    ctx.make(
                        HandoffKind::ControlFlow,
                        n,
                        to,
                        Some(next),
                        first_flow,
                        None,
                    )
                });
                push(c, h);
            }
        }
    }
    for (c, h) in data_handoffs(ctx) {
        push(c, Some(h));
    }
    for list in [&mut found.handoffs, &mut found.citizen_contacts] {
        list.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        list.dedup();
    }
    found
}

fn message_flow_label(ctx: &Ctx<'_>, n: NodeIndex, id: &str) -> Option<String> {
    let m = ctx.models.get(ctx.model_of(n)?)?;
    m.model
        .collaborations
        .iter()
        .flat_map(|c| &c.message_flows)
        .find(|f| f.id == id)
        .and_then(|f| f.name.as_ref())
        .map(|l| l.display.clone())
}

fn called_element(ctx: &Ctx<'_>, n: NodeIndex) -> Option<String> {
    let GraphNode::Flow {
        model, process, id, ..
    } = ctx.graph.graph.node_weight(n)?
    else {
        return None;
    };
    let node = ctx
        .models
        .get(*model)?
        .model
        .processes
        .get(*process)?
        .node(id)?;
    match &node.kind {
        FlowNodeKind::CallActivity { called_element } => called_element.clone(),
        _ => None,
    }
}

/// The next activities after an activity: follow its outgoing sequence flows
/// (and its boundary events' and link events') through gateways and events,
/// never through another activity. Returns each with the id of the first
/// sequence flow of one path to it.
pub fn next_activities(g: &CrossAgencyGraph, start: NodeIndex) -> Vec<(NodeIndex, Option<String>)> {
    let mut out: BTreeMap<NodeIndex, Option<String>> = BTreeMap::new();
    let mut seen = HashSet::new();
    let mut queue: VecDeque<(NodeIndex, Option<String>)> = VecDeque::new();
    seen.insert(start);
    let push_succ = |n: NodeIndex, first: Option<String>, queue: &mut VecDeque<_>| {
        for e in g.graph.edges_directed(n, Direction::Outgoing) {
            let id = match e.weight() {
                GraphEdge::ControlFlow { id } => Some(id.clone()),
                GraphEdge::Boundary | GraphEdge::Link => None,
                _ => continue,
            };
            queue.push_back((e.target(), first.clone().or(id)));
        }
    };
    push_succ(start, None, &mut queue);
    while let Some((n, first)) = queue.pop_front() {
        if !seen.insert(n) {
            continue;
        }
        match g.category(n) {
            Some(Category::Activity) => {
                out.entry(n).or_insert(first);
            }
            Some(_) => push_succ(n, first, &mut queue),
            None => {}
        }
    }
    out.into_iter().collect()
}

/// The first activities of a process: those reached from its top-level start
/// events (or, with no start event, its top-level activities without incoming
/// flows), through gateways and events.
pub fn first_activities(process: &Process) -> Vec<String> {
    let incoming: HashSet<&str> = process
        .sequence_flows
        .iter()
        .map(|f| f.target_ref.as_str())
        .collect();
    let starts: Vec<&str> = process
        .flow_nodes
        .iter()
        .filter(|n| n.parent.is_none())
        .filter(|n| {
            matches!(
                n.kind,
                FlowNodeKind::Event {
                    kind: peta_bpmn::EventKind::Start,
                    ..
                }
            )
        })
        .map(|n| n.id.as_str())
        .collect();
    if starts.is_empty() {
        return process
            .flow_nodes
            .iter()
            .filter(|n| n.parent.is_none() && n.is_activity() && !incoming.contains(n.id.as_str()))
            .map(|n| n.id.clone())
            .collect();
    }
    let mut out = BTreeSet::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue: VecDeque<&str> = starts.into_iter().collect();
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        let is_activity = process.node(id).is_some_and(|n| n.is_activity());
        if is_activity {
            out.insert(id.to_string());
            continue;
        }
        for f in process.sequence_flows.iter().filter(|f| f.source_ref == id) {
            queue.push_back(&f.target_ref);
        }
    }
    out.into_iter().collect()
}

/// Data handoffs: within one process, a data object written by an activity of
/// agency A and read by an activity of agency B ≠ A; one per (writer, reader).
fn data_handoffs(ctx: &Ctx<'_>) -> Vec<(Crossing, Handoff)> {
    let g = ctx.graph;
    type Key = (usize, usize, String);
    let mut writers: BTreeMap<Key, BTreeSet<NodeIndex>> = BTreeMap::new();
    let mut readers: BTreeMap<Key, BTreeSet<(NodeIndex, String)>> = BTreeMap::new();
    let mut labels: HashMap<Key, String> = HashMap::new();
    for (_, on) in g.business_objects() {
        for e in g.graph.edges_directed(on, Direction::Incoming) {
            if let GraphEdge::Writes {
                data, store: false, ..
            } = e.weight()
            {
                if let Some((m, p)) = g.process_of(e.source()) {
                    if g.category(e.source()) == Some(Category::Activity) {
                        writers
                            .entry((m, p, data.clone()))
                            .or_default()
                            .insert(e.source());
                    }
                }
            }
        }
        for e in g.graph.edges_directed(on, Direction::Outgoing) {
            if let GraphEdge::Reads {
                data,
                data_ref,
                store: false,
            } = e.weight()
            {
                if let Some((m, p)) = g.process_of(e.target()) {
                    if g.category(e.target()) == Some(Category::Activity) {
                        readers
                            .entry((m, p, data.clone()))
                            .or_default()
                            .insert((e.target(), data_ref.clone()));
                    }
                }
            }
        }
    }
    for key in readers.keys() {
        let (m, p, data) = key;
        if let Some(proc_) = ctx.models.get(*m).and_then(|rm| rm.model.processes.get(*p)) {
            let label = proc_
                .data_objects
                .iter()
                .find(|o| &o.id == data)
                .and_then(|o| o.name.as_ref().map(|l| l.display.clone()))
                .or_else(|| {
                    proc_
                        .data_object_refs
                        .iter()
                        .find(|r| r.data_object_ref.as_ref() == Some(data) || &r.id == data)
                        .and_then(|r| r.name.as_ref().map(|l| l.display.clone()))
                })
                .unwrap_or_default();
            labels.insert(key.clone(), label);
        }
    }
    let mut out = Vec::new();
    let mut seen_pairs = HashSet::new();
    for (key, ws) in &writers {
        if !ctx.included.get(key.0).copied().unwrap_or(false) {
            continue;
        }
        let Some(rs) = readers.get(key) else { continue };
        for &w in ws {
            for (r, _) in rs {
                let c = crossing(g.owner(w), g.owner(*r));
                if matches!(c, Crossing::None) || !seen_pairs.insert((w, *r)) {
                    continue;
                }
                let h = ctx.endpoint(*r).and_then(|to| {
                    ctx.make(
                        HandoffKind::Data,
                        w,
                        to,
                        Some(*r),
                        Some(key.2.clone()),
                        labels.get(key).cloned(),
                    )
                });
                if let Some(h) = h {
                    out.push((c, h));
                }
            }
        }
    }
    out
}

/// Per-process figures, ping-pongs and chains.
pub fn process_stats(ctx: &Ctx<'_>, handoffs: &[Handoff]) -> Vec<ProcessStats> {
    let g = ctx.graph;
    // Graph node of each handoff end (flow nodes and pools only).
    let locate = |ep: &Endpoint| -> Option<NodeIndex> {
        let mi = ctx
            .models
            .binary_search_by(|m| m.path.as_str().cmp(&ep.model))
            .ok()?;
        g.flow_node(mi, &ep.id)
            .or_else(|| g.participant_node(mi, &ep.id))
    };
    let path_kinds =
        |h: &Handoff| matches!(h.kind, HandoffKind::ControlFlow | HandoffKind::MessageFlow);
    let located: Vec<(Option<NodeIndex>, Option<NodeIndex>)> = handoffs
        .iter()
        .map(|h| {
            if path_kinds(h) {
                (locate(&h.from), locate(&h.to))
            } else {
                (None, None)
            }
        })
        .collect();
    // Handoff i is followed by handoff j when j starts where i's receiver can
    // reach within its own agency's segment.
    let mut reach_cache: HashMap<NodeIndex, HashSet<NodeIndex>> = HashMap::new();
    let mut by_from: HashMap<NodeIndex, Vec<usize>> = HashMap::new();
    for (j, (f, _)) in located.iter().enumerate() {
        if let Some(f) = f {
            by_from.entry(*f).or_default().push(j);
        }
    }
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); handoffs.len()];
    for (i, (_, t)) in located.iter().enumerate() {
        let Some(t) = t else { continue };
        // Computed once per receiver, read in place.
        let reach = reach_cache
            .entry(*t)
            .or_insert_with(|| segment_reach(g, *t));
        let mut js: Vec<usize> = reach
            .iter()
            .filter_map(|n| by_from.get(n))
            .flatten()
            .copied()
            .filter(|&j| j != i)
            .collect();
        js.sort_unstable();
        next[i] = js;
    }
    // Longest chain from each handoff (memoised DFS, cycles cut).
    let mut memo: Vec<Option<usize>> = vec![None; handoffs.len()];
    let mut on_stack = vec![false; handoffs.len()];
    fn longest(
        i: usize,
        next: &[Vec<usize>],
        memo: &mut [Option<usize>],
        on_stack: &mut [bool],
    ) -> usize {
        if let Some(v) = memo[i] {
            return v;
        }
        on_stack[i] = true;
        let mut best = 0;
        for &j in &next[i] {
            if !on_stack[j] {
                best = best.max(longest(j, next, memo, on_stack));
            }
        }
        on_stack[i] = false;
        memo[i] = Some(best + 1);
        best + 1
    }
    let mut by_process: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, h) in handoffs.iter().enumerate() {
        if let Some(p) = &h.process {
            by_process
                .entry((h.from.model.as_str(), p.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut stats = Vec::new();
    for (mi, rm) in ctx.models.iter().enumerate() {
        if !ctx.included.get(mi).copied().unwrap_or(false) {
            continue;
        }
        for (pi, p) in rm.model.processes.iter().enumerate() {
            let activities: Vec<&peta_bpmn::FlowNode> =
                p.flow_nodes.iter().filter(|n| n.is_activity()).collect();
            let mine: Vec<usize> = by_process
                .get(&(rm.path.as_str(), p.id.as_str()))
                .cloned()
                .unwrap_or_default();
            if activities.is_empty() && mine.is_empty() {
                continue;
            }
            let mut counts = KindCounts::default();
            let mut agencies = BTreeSet::new();
            for n in &activities {
                if let Some(o) = g.flow_node(mi, &n.id).and_then(|x| g.owner(x)) {
                    if o.is_agency {
                        agencies.insert(o.code.clone());
                    }
                }
            }
            let own_agencies: Vec<String> = agencies.iter().cloned().collect();
            let mut ping_pongs = BTreeSet::new();
            let mut chain = 0;
            for &i in &mine {
                let h = &handoffs[i];
                counts.add(h.kind);
                agencies.extend(h.from.agency.clone());
                agencies.extend(h.to.agency.clone());
                chain = chain.max(longest(i, &next, &mut memo, &mut on_stack));
                for &j in &next[i] {
                    let back = &handoffs[j];
                    if back.from.model == h.from.model
                        && back.from.agency == h.to.agency
                        && back.to.agency == h.from.agency
                    {
                        let mut path = vec![h.from.clone(), h.to.clone()];
                        if back.from != h.to {
                            path.push(back.from.clone());
                        }
                        path.push(back.to.clone());
                        ping_pongs.insert(PingPong {
                            a: h.from.agency.clone().unwrap_or_default(),
                            b: h.to.agency.clone().unwrap_or_default(),
                            path,
                        });
                    }
                }
            }
            let owner = g
                .process_node(mi, pi)
                .and_then(|n| g.owner(n))
                .map(|o| o.code.clone());
            stats.push(ProcessStats {
                model: rm.path.clone(),
                process: p.id.clone(),
                name: process_name(&rm.model, p),
                agency: owner,
                activities: activities.len(),
                handoffs: counts,
                agencies: agencies.into_iter().collect(),
                own_agencies,
                ping_pongs: ping_pongs.into_iter().collect(),
                longest_chain: chain,
            });
        }
    }
    stats.sort_by(|a, b| a.model.cmp(&b.model).then(a.process.cmp(&b.process)));
    stats
}

/// Nodes reachable from `start` along control flow without entering a node of
/// another owner (gateways and unowned nodes are transparent). A pool reaches
/// only itself.
fn segment_reach(g: &CrossAgencyGraph, start: NodeIndex) -> HashSet<NodeIndex> {
    let mut out = HashSet::new();
    out.insert(start);
    let owner = g.owner(start).map(|p| p.code.clone());
    if let Some(GraphNode::Participant { .. }) = g.graph.node_weight(start) {
        // Where a message to a pool lands inside it is unknown: a chain
        // continues only from handoffs that leave the pool itself.
        return out;
    }
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for s in g.successors(n) {
            if out.contains(&s) {
                continue;
            }
            let transparent = g.category(s) == Some(Category::Gateway) || g.owner(s).is_none();
            if transparent || g.owner(s).map(|p| &p.code) == owner.as_ref() {
                out.insert(s);
                queue.push_back(s);
            }
        }
    }
    out
}

/// Directed agency-pair counts, sorted by pair.
pub fn pair_stats(handoffs: &[Handoff]) -> Vec<PairStats> {
    let mut map: BTreeMap<(String, String), (KindCounts, usize)> = BTreeMap::new();
    for h in handoffs {
        let (Some(a), Some(b)) = (&h.from.agency, &h.to.agency) else {
            continue;
        };
        let e = map.entry((a.clone(), b.clone())).or_default();
        e.0.add(h.kind);
        if h.manual {
            e.1 += 1;
        }
    }
    map.into_iter()
        .map(|((from, to), (counts, manual))| PairStats {
            from,
            to,
            counts,
            manual,
        })
        .collect()
}

/// Per-theme counts, in theme-code order.
pub fn theme_stats(handoffs: &[Handoff], contacts: &[Handoff]) -> Vec<ThemeStats> {
    let mut map: BTreeMap<String, ThemeStats> = BTreeMap::new();
    for h in handoffs {
        for t in &h.themes {
            map.entry(t.clone())
                .or_insert_with(|| ThemeStats {
                    theme: t.clone(),
                    counts: KindCounts::default(),
                    citizen_contacts: 0,
                })
                .counts
                .add(h.kind);
        }
    }
    for h in contacts {
        for t in &h.themes {
            map.entry(t.clone())
                .or_insert_with(|| ThemeStats {
                    theme: t.clone(),
                    counts: KindCounts::default(),
                    citizen_contacts: 0,
                })
                .citizen_contacts += 1;
        }
    }
    map.into_values().collect()
}
