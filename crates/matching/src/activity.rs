//! Matchable elements extracted from a [`peta_bpmn::Model`].

use std::collections::{BTreeSet, HashMap};

use peta_bpmn::{ElementKey, EventDefinition, EventKind, FlowNode, FlowNodeKind, Model, Process};
use serde::{Deserialize, Serialize};

/// The kind of a matchable element. Labelled events match activities too
/// (`MatchConfig::events_match_activities`, on by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    /// A task of any type, a sub-process or a call activity.
    Activity,
    /// A labelled event.
    Event,
}

/// One matchable element: an activity (task, sub-process, call activity) or a labelled event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub key: ElementKey,
    /// The display label.
    pub label: String,
    pub kind: ActivityKind,
    /// The id of the process that holds the element.
    pub process: String,
    /// The name of the innermost lane that lists the element.
    pub lane: Option<String>,
    /// The agency the element belongs to; [`activities_of`] leaves it `None`
    /// and the caller (who knows the registry) sets it.
    pub agency: Option<String>,
    /// Labels of the previous activities (sequence flows followed backwards
    /// through gateways and events), sorted.
    pub predecessors: Vec<String>,
    /// Labels of the next activities, sorted.
    pub successors: Vec<String>,
    /// Events only: what the event does with a message, when BPMN says so
    /// (an intermediate catch event, or a message start/boundary event,
    /// receives; an intermediate throw event, or a message end event, sends).
    pub message: Option<MessageRole>,
}

/// The implicit action of a catching or throwing event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageRole {
    /// The event waits for something to arrive ("Rejected" = a rejection is received).
    Receive,
    /// The event sends something out.
    Send,
}

/// The message role of a flow node (events only).
fn message_role(node: &FlowNode) -> Option<MessageRole> {
    let FlowNodeKind::Event {
        kind, definitions, ..
    } = &node.kind
    else {
        return None;
    };
    let message = definitions.contains(&EventDefinition::Message);
    match kind {
        EventKind::IntermediateCatch => Some(MessageRole::Receive),
        EventKind::IntermediateThrow => Some(MessageRole::Send),
        EventKind::Start | EventKind::Boundary if message => Some(MessageRole::Receive),
        EventKind::End if message => Some(MessageRole::Send),
        _ => None,
    }
}

impl Activity {
    /// A bare activity with only a key and a label (tests, tools).
    pub fn new(model: &str, id: &str, label: &str, kind: ActivityKind) -> Activity {
        Activity {
            key: ElementKey {
                model: model.to_string(),
                id: id.to_string(),
            },
            label: label.to_string(),
            kind,
            process: String::new(),
            lane: None,
            agency: None,
            predecessors: Vec::new(),
            successors: Vec::new(),
            message: None,
        }
    }
}

/// Every labelled activity and labelled event of a model, in document order.
/// Unlabelled elements are skipped: there is nothing to match them on.
pub fn activities_of(model: &Model) -> Vec<Activity> {
    let mut out = Vec::new();
    for process in &model.processes {
        let neighbours = Neighbours::new(process);
        let lane_names = lane_names(process);
        for node in &process.flow_nodes {
            let kind = if node.is_activity() {
                ActivityKind::Activity
            } else if node.is_event() {
                ActivityKind::Event
            } else {
                continue;
            };
            let label = node.label().trim();
            if label.is_empty() {
                continue;
            }
            out.push(Activity {
                key: model.key_of(&node.id),
                label: label.to_string(),
                kind,
                process: process.id.clone(),
                lane: lane_names.get(node.id.as_str()).cloned(),
                agency: None,
                predecessors: neighbours.labels(&node.id, Direction::Backward),
                successors: neighbours.labels(&node.id, Direction::Forward),
                message: message_role(node),
            });
        }
    }
    out
}

/// Innermost lane name per flow node id.
fn lane_names(process: &Process) -> HashMap<&str, String> {
    let mut best: HashMap<&str, (usize, String)> = HashMap::new();
    for (lane, depth) in process.lanes() {
        let Some(name) = lane.name.as_ref().map(|l| l.display.trim().to_string()) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        for r in &lane.flow_node_refs {
            let entry = best.entry(r.as_str()).or_insert((depth, name.clone()));
            if depth >= entry.0 {
                *entry = (depth, name.clone());
            }
        }
    }
    best.into_iter().map(|(k, (_, v))| (k, v)).collect()
}

#[derive(Clone, Copy)]
enum Direction {
    Forward,
    Backward,
}

/// Sequence-flow adjacency of one process.
struct Neighbours<'a> {
    nodes: HashMap<&'a str, &'a FlowNode>,
    out: HashMap<&'a str, Vec<&'a str>>,
    inc: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Neighbours<'a> {
    fn new(p: &'a Process) -> Self {
        let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut inc: HashMap<&str, Vec<&str>> = HashMap::new();
        for f in &p.sequence_flows {
            out.entry(f.source_ref.as_str())
                .or_default()
                .push(f.target_ref.as_str());
            inc.entry(f.target_ref.as_str())
                .or_default()
                .push(f.source_ref.as_str());
        }
        // A boundary event follows the activity it is attached to.
        for n in &p.flow_nodes {
            if let FlowNodeKind::Event {
                attached_to: Some(host),
                ..
            } = &n.kind
            {
                out.entry(host.as_str()).or_default().push(n.id.as_str());
                inc.entry(n.id.as_str()).or_default().push(host.as_str());
            }
        }
        let nodes = p.flow_nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        Neighbours { nodes, out, inc }
    }

    /// Labels of the nearest activities in one direction, passing through
    /// gateways and events.
    fn labels(&self, start: &str, dir: Direction) -> Vec<String> {
        let adj = match dir {
            Direction::Forward => &self.out,
            Direction::Backward => &self.inc,
        };
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut stack: Vec<&str> = adj.get(start).cloned().unwrap_or_default();
        let mut found: BTreeSet<String> = BTreeSet::new();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) || id == start {
                continue;
            }
            let Some(node) = self.nodes.get(id) else {
                continue;
            };
            if node.is_activity() {
                let l = node.label().trim();
                if !l.is_empty() {
                    found.insert(l.to_string());
                }
                continue;
            }
            if seen.len() > 64 {
                break;
            }
            if let Some(next) = adj.get(id) {
                stack.extend(next.iter().copied());
            }
        }
        found.into_iter().collect()
    }
}
