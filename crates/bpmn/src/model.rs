//! The typed BPMN 2.0 model.
//!
//! One [`Model`] per file. Element ids are unique only within a file, so every
//! element is addressed across a repository by an [`ElementKey`] (model + id).
//! Flow nodes of sub-processes are kept in the same flat list as the process's
//! own nodes; [`FlowNode::parent`] names the enclosing sub-process.

use serde::{Deserialize, Serialize};

/// 1-based line and column of an element's start tag in the (transcoded) source.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// A repository-wide element address: the model's key plus the element id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ElementKey {
    /// The model's key (see [`Model::key`]).
    pub model: String,
    /// The element's `id` attribute, unique within the model's file.
    pub id: String,
}

impl std::fmt::Display for ElementKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.model, self.id)
    }
}

/// A `name` attribute as written, and its display form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// The attribute value after XML entity decoding, unchanged otherwise.
    pub raw: String,
    /// Line breaks (`&#10;`, `&#13;`) and whitespace runs folded to single spaces, trimmed.
    pub display: String,
}

/// Vendor extension data kept on an element: foreign-namespace attributes and
/// key/value metadata (Signavio `signavio:signavioMetaData`, `camunda:property`,
/// `zeebe:property`, …). Never interpreted by the importer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extensions {
    /// `(namespace-uri local-name, value)`; the name is written `{uri}local`.
    pub attributes: Vec<(String, String)>,
    /// `(key, value)` pairs from extension elements.
    pub properties: Vec<(String, String)>,
}

impl Extensions {
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.properties.is_empty()
    }
    /// The first property with this key (case-insensitive).
    pub fn property(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

/// One BPMN file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Model {
    /// Key that makes element ids global; the caller chooses it (usually the
    /// file's path relative to the repository root, without extension).
    pub key: String,
    /// The encoding the source was read in (`UTF-8`, `ISO-8859-1`, `UTF-16LE`, …).
    pub encoding: String,
    pub definitions: Definitions,
    pub collaborations: Vec<Collaboration>,
    pub processes: Vec<Process>,
    /// `dataStore` elements declared at definitions level.
    pub data_stores: Vec<DataStore>,
    /// `message` elements declared at definitions level.
    pub messages: Vec<Message>,
    pub diagrams: Vec<Diagram>,
    /// Warnings found while reading and validating (a fatal error is a
    /// [`crate::ParseError`] instead).
    pub diagnostics: Vec<crate::Diagnostic>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definitions {
    pub id: Option<String>,
    pub name: Option<String>,
    pub exporter: Option<String>,
    pub exporter_version: Option<String>,
    pub target_namespace: Option<String>,
    pub ext: Extensions,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Collaboration {
    pub id: String,
    pub name: Option<Label>,
    pub participants: Vec<Participant>,
    pub message_flows: Vec<MessageFlow>,
    pub text_annotations: Vec<TextAnnotation>,
    pub associations: Vec<Association>,
    pub pos: Position,
}

/// A pool. In Peta's world a participant is usually an agency.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Participant {
    pub id: String,
    pub name: Option<Label>,
    pub process_ref: Option<String>,
    pub documentation: Vec<String>,
    pub ext: Extensions,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MessageFlow {
    pub id: String,
    pub name: Option<Label>,
    pub source_ref: String,
    pub target_ref: String,
    pub message_ref: Option<String>,
    pub ext: Extensions,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub name: Option<Label>,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Process {
    pub id: String,
    pub name: Option<Label>,
    pub is_executable: Option<bool>,
    pub documentation: Vec<String>,
    /// Top-level lane sets; lanes nest through [`Lane::child_lanes`].
    pub lane_sets: Vec<LaneSet>,
    /// Every flow node of the process, including those inside sub-processes.
    pub flow_nodes: Vec<FlowNode>,
    /// Every sequence flow, including those inside sub-processes.
    pub sequence_flows: Vec<SequenceFlow>,
    pub data_objects: Vec<DataObject>,
    pub data_object_refs: Vec<DataObjectReference>,
    pub data_store_refs: Vec<DataStoreReference>,
    /// Data input/output associations of all activities and events.
    pub data_associations: Vec<DataAssociation>,
    pub text_annotations: Vec<TextAnnotation>,
    pub associations: Vec<Association>,
    pub ext: Extensions,
    pub pos: Position,
}

impl Process {
    /// The flow node with this id, if any.
    pub fn node(&self, id: &str) -> Option<&FlowNode> {
        self.flow_nodes.iter().find(|n| n.id == id)
    }
    /// All lanes, depth first, with their depth (0 = top level).
    pub fn lanes(&self) -> Vec<(&Lane, usize)> {
        fn walk<'a>(lanes: &'a [Lane], depth: usize, out: &mut Vec<(&'a Lane, usize)>) {
            for lane in lanes {
                out.push((lane, depth));
                for set in &lane.child_lanes {
                    walk(&set.lanes, depth + 1, out);
                }
            }
        }
        let mut out = Vec::new();
        for set in &self.lane_sets {
            walk(&set.lanes, 0, &mut out);
        }
        out
    }
    /// The innermost lane that lists this flow node, if any.
    pub fn lane_of(&self, node_id: &str) -> Option<&Lane> {
        self.lanes()
            .into_iter()
            .filter(|(l, _)| l.flow_node_refs.iter().any(|r| r == node_id))
            .max_by_key(|(_, d)| *d)
            .map(|(l, _)| l)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LaneSet {
    pub id: Option<String>,
    pub name: Option<Label>,
    pub lanes: Vec<Lane>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Lane {
    pub id: String,
    pub name: Option<Label>,
    pub flow_node_refs: Vec<String>,
    pub child_lanes: Vec<LaneSet>,
    pub ext: Extensions,
    pub pos: Position,
}

/// Any flow node: activity, event or gateway.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FlowNode {
    pub id: String,
    pub name: Option<Label>,
    pub kind: FlowNodeKind,
    /// Id of the enclosing sub-process, `None` at process level.
    pub parent: Option<String>,
    /// `default` attribute (activities and gateways): id of the default outgoing flow.
    pub default_flow: Option<String>,
    pub documentation: Vec<String>,
    pub ext: Extensions,
    pub pos: Position,
}

impl FlowNode {
    /// The display label, or `""`.
    pub fn label(&self) -> &str {
        self.name.as_ref().map(|l| l.display.as_str()).unwrap_or("")
    }
    pub fn is_activity(&self) -> bool {
        matches!(
            self.kind,
            FlowNodeKind::Task(_)
                | FlowNodeKind::SubProcess { .. }
                | FlowNodeKind::CallActivity { .. }
        )
    }
    pub fn is_event(&self) -> bool {
        matches!(self.kind, FlowNodeKind::Event { .. })
    }
    pub fn is_gateway(&self) -> bool {
        matches!(self.kind, FlowNodeKind::Gateway(_))
    }
    /// The BPMN element's local name (`userTask`, `exclusiveGateway`, `boundaryEvent`, …).
    pub fn element_name(&self) -> &'static str {
        self.kind.element_name()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlowNodeKind {
    Task(TaskKind),
    SubProcess {
        kind: SubProcessKind,
        triggered_by_event: bool,
        /// From the diagram's `isExpanded`, when a shape says so.
        is_expanded: Option<bool>,
    },
    CallActivity {
        called_element: Option<String>,
    },
    Event {
        kind: EventKind,
        definitions: Vec<EventDefinition>,
        /// Boundary events: the activity they are attached to.
        attached_to: Option<String>,
        /// Boundary events: `cancelActivity` (default true).
        cancel_activity: bool,
    },
    Gateway(GatewayKind),
}

impl FlowNodeKind {
    pub fn element_name(&self) -> &'static str {
        match self {
            FlowNodeKind::Task(t) => t.element_name(),
            FlowNodeKind::SubProcess { kind, .. } => match kind {
                SubProcessKind::Embedded | SubProcessKind::Event => "subProcess",
                SubProcessKind::Transaction => "transaction",
                SubProcessKind::AdHoc => "adHocSubProcess",
            },
            FlowNodeKind::CallActivity { .. } => "callActivity",
            FlowNodeKind::Event { kind, .. } => kind.element_name(),
            FlowNodeKind::Gateway(g) => g.element_name(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskKind {
    Task,
    User,
    Manual,
    Service,
    Send,
    Receive,
    Script,
    BusinessRule,
}

impl TaskKind {
    pub fn element_name(self) -> &'static str {
        match self {
            TaskKind::Task => "task",
            TaskKind::User => "userTask",
            TaskKind::Manual => "manualTask",
            TaskKind::Service => "serviceTask",
            TaskKind::Send => "sendTask",
            TaskKind::Receive => "receiveTask",
            TaskKind::Script => "scriptTask",
            TaskKind::BusinessRule => "businessRuleTask",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SubProcessKind {
    Embedded,
    /// `triggeredByEvent="true"`.
    Event,
    Transaction,
    AdHoc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    Start,
    End,
    IntermediateCatch,
    IntermediateThrow,
    Boundary,
}

impl EventKind {
    pub fn element_name(self) -> &'static str {
        match self {
            EventKind::Start => "startEvent",
            EventKind::End => "endEvent",
            EventKind::IntermediateCatch => "intermediateCatchEvent",
            EventKind::IntermediateThrow => "intermediateThrowEvent",
            EventKind::Boundary => "boundaryEvent",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventDefinition {
    Message,
    Timer,
    Error,
    Escalation,
    Cancel,
    Compensate,
    Conditional,
    Link,
    Signal,
    Terminate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GatewayKind {
    Exclusive,
    Inclusive,
    Parallel,
    Complex,
    EventBased,
}

impl GatewayKind {
    pub fn element_name(self) -> &'static str {
        match self {
            GatewayKind::Exclusive => "exclusiveGateway",
            GatewayKind::Inclusive => "inclusiveGateway",
            GatewayKind::Parallel => "parallelGateway",
            GatewayKind::Complex => "complexGateway",
            GatewayKind::EventBased => "eventBasedGateway",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SequenceFlow {
    pub id: String,
    pub name: Option<Label>,
    pub source_ref: String,
    pub target_ref: String,
    /// Text of `conditionExpression`, if any.
    pub condition: Option<String>,
    /// Set when the source node names this flow as its `default`.
    pub is_default: bool,
    pub parent: Option<String>,
    pub ext: Extensions,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DataObject {
    pub id: String,
    pub name: Option<Label>,
    pub is_collection: bool,
    pub parent: Option<String>,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DataObjectReference {
    pub id: String,
    pub name: Option<Label>,
    pub data_object_ref: Option<String>,
    pub parent: Option<String>,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DataStore {
    pub id: String,
    pub name: Option<Label>,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DataStoreReference {
    pub id: String,
    pub name: Option<Label>,
    pub data_store_ref: Option<String>,
    pub parent: Option<String>,
    pub pos: Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DataDirection {
    /// `dataInputAssociation`: the activity reads the data.
    Input,
    /// `dataOutputAssociation`: the activity writes the data.
    Output,
}

/// A data input or output association, resolved to the activity (or event)
/// that owns it and the data object/store reference it connects to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DataAssociation {
    pub id: String,
    pub direction: DataDirection,
    /// The flow node that owns the association.
    pub node: String,
    /// Ids of the data object/store references read (`sourceRef`s of an input)
    /// or the one written (`targetRef` of an output).
    pub data_refs: Vec<String>,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TextAnnotation {
    pub id: String,
    pub text: String,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Association {
    pub id: String,
    pub source_ref: String,
    pub target_ref: String,
    pub pos: Position,
}

/// A `BPMNDiagram` with its plane's shapes and edges.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Diagram {
    pub id: Option<String>,
    pub name: Option<String>,
    /// `bpmnElement` of the plane (a collaboration or process id).
    pub plane_element: Option<String>,
    pub shapes: Vec<Shape>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Shape {
    pub id: Option<String>,
    pub bpmn_element: String,
    pub bounds: Bounds,
    pub is_horizontal: Option<bool>,
    pub is_expanded: Option<bool>,
    pub label_bounds: Option<Bounds>,
    pub pos: Position,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Edge {
    pub id: Option<String>,
    pub bpmn_element: String,
    pub waypoints: Vec<(f64, f64)>,
    pub label_bounds: Option<Bounds>,
    pub pos: Position,
}

impl Model {
    /// Every flow node with its process.
    pub fn flow_nodes(&self) -> impl Iterator<Item = (&Process, &FlowNode)> {
        self.processes
            .iter()
            .flat_map(|p| p.flow_nodes.iter().map(move |n| (p, n)))
    }
    /// The global key of an element of this model.
    pub fn key_of(&self, id: &str) -> ElementKey {
        ElementKey {
            model: self.key.clone(),
            id: id.to_string(),
        }
    }
    /// The participant (pool) whose `processRef` is this process.
    pub fn participant_of(&self, process_id: &str) -> Option<&Participant> {
        self.collaborations
            .iter()
            .flat_map(|c| c.participants.iter())
            .find(|p| p.process_ref.as_deref() == Some(process_id))
    }
    /// Counts by element kind (BPMN local names: `task`, `userTask`, …,
    /// `sequenceFlow`, `messageFlow`, `participant`, `lane`, `dataObject`, …).
    pub fn counts(&self) -> std::collections::BTreeMap<&'static str, usize> {
        let mut c = std::collections::BTreeMap::new();
        for (_, n) in self.flow_nodes() {
            *c.entry(n.element_name()).or_insert(0) += 1;
        }
        for p in &self.processes {
            *c.entry("process").or_insert(0) += 1;
            *c.entry("sequenceFlow").or_insert(0) += p.sequence_flows.len();
            *c.entry("lane").or_insert(0) += p.lanes().len();
            *c.entry("dataObject").or_insert(0) += p.data_objects.len();
            *c.entry("dataObjectReference").or_insert(0) += p.data_object_refs.len();
            *c.entry("dataStoreReference").or_insert(0) += p.data_store_refs.len();
        }
        for co in &self.collaborations {
            *c.entry("participant").or_insert(0) += co.participants.len();
            *c.entry("messageFlow").or_insert(0) += co.message_flows.len();
        }
        c.retain(|_, v| *v > 0);
        c
    }
}
