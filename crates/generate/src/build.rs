//! Builds one model (small, in memory) from its identity and its family's
//! skeleton, and lists the handoffs it contains under the shared semantics
//! (docs: common brief, "Handoff semantics").

use peta_bpmn::TaskKind;

use crate::ids::{base36_7, uuid};
use crate::plan::{action_index, capitalise, tag, Dialect, Identity, Layout, Plan, Step};
use crate::rng::{hash, Rng};
use crate::vocab::{
    Action, Object, Role, ACTIONS, ACTORS, ANNOTATIONS, BOUNDARY_LABELS, END_LABELS,
    ESCALATION_LABELS, GATEWAY_LABELS, GENERIC_SUBLANES, REJECT_END_LABELS, RETURN_ACTION,
    START_LABELS, TIMER_LABELS,
};

/// Who a pool, lane or node belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Agency(usize),
    /// An `is_agency = false` registry entry (its code).
    Actor(&'static str),
    /// A name that resolves to nothing (the enclosing pool decides).
    Unresolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventDef {
    None,
    Message,
    Timer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Task(TaskKind),
    SubProcess,
    Call(String),
    Start(EventDef),
    End(EventDef),
    Catch(EventDef),
    Boundary { host: usize },
    Exclusive,
    Parallel,
}

impl Kind {
    pub fn is_activity(&self) -> bool {
        matches!(self, Kind::Task(_) | Kind::SubProcess | Kind::Call(_))
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub name: Option<String>,
    pub kind: Kind,
    pub process: usize,
    pub lane: Option<usize>,
    /// Enclosing sub-process (node index).
    pub parent: Option<usize>,
    pub col: u32,
    pub row: u8,
    /// Columns a sub-process spans.
    pub span: u32,
    pub doc: Option<String>,
    pub props: Vec<(&'static str, String)>,
    pub default_flow: Option<usize>,
    /// The business object the label names (for data-object names).
    pub object: Option<&'static Object>,
}

#[derive(Debug, Clone)]
pub struct Flow {
    pub id: String,
    pub source: usize,
    pub target: usize,
    pub name: Option<String>,
    pub condition: Option<String>,
    pub process: usize,
    pub parent: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Lane {
    pub id: String,
    pub name: String,
    pub process: usize,
    pub parent: Option<usize>,
    pub owner: Owner,
    /// Vertical slot inside the pool (in lane-height units), and height in units.
    pub slot: u32,
    pub height: u32,
}

#[derive(Debug, Clone)]
pub struct Pool {
    pub id: String,
    pub name: String,
    pub process: Option<usize>,
    pub owner: Owner,
}

#[derive(Debug, Clone)]
pub struct Process {
    pub id: String,
    pub name: String,
    pub pool: Option<usize>,
    pub lane_set_id: String,
}

/// A message-flow end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Node(usize),
    Pool(usize),
}

#[derive(Debug, Clone)]
pub struct MessageFlow {
    pub id: String,
    pub source: End,
    pub target: End,
    pub name: Option<String>,
    pub message: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct DataRef {
    pub id: String,
    pub name: String,
    pub process: usize,
    pub lane: Option<usize>,
    pub col: u32,
    /// `Some(dataObject id)` for a data-object reference.
    pub object_id: Option<String>,
    /// Declares the data object (the first reference of it does).
    pub declares_object: bool,
    /// Index into [`Doc::stores`] for a data-store reference.
    pub store: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Store {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct DataAssociation {
    pub id: String,
    pub node: usize,
    pub data: usize,
    /// `dataOutputAssociation` (the node writes) or input (it reads).
    pub output: bool,
    /// `property` id an input association targets (bpmn.io style).
    pub property_id: String,
}

#[derive(Debug, Clone)]
pub struct Annotation {
    pub id: String,
    pub text: String,
    pub node: usize,
    pub association_id: String,
}

/// One generated model file.
#[derive(Debug, Clone)]
pub struct Doc {
    pub definitions_id: String,
    pub collaboration_id: Option<String>,
    pub pools: Vec<Pool>,
    pub processes: Vec<Process>,
    pub lanes: Vec<Lane>,
    pub nodes: Vec<Node>,
    pub flows: Vec<Flow>,
    pub message_flows: Vec<MessageFlow>,
    pub messages: Vec<Message>,
    pub data_refs: Vec<DataRef>,
    pub stores: Vec<Store>,
    pub data_associations: Vec<DataAssociation>,
    pub annotations: Vec<Annotation>,
    pub with_diagram: bool,
    /// `(skeleton step, node)` for every planted step this model performs.
    pub planted: Vec<(usize, usize)>,
    /// Call activities into other models: `(node, callee)`.
    pub calls: Vec<(usize, Identity)>,
}

/// Element ids in the dialect's style, unique within one file.
#[derive(Debug)]
pub struct IdGen {
    dialect: Dialect,
    salt: u64,
    counter: u64,
    eclipse: Vec<(&'static str, u32)>,
}

impl IdGen {
    pub fn new(dialect: Dialect, salt: u64) -> IdGen {
        IdGen {
            dialect,
            salt,
            counter: 0,
            eclipse: Vec::new(),
        }
    }

    /// `camunda` is the bpmn.io prefix (`Activity`), `eclipse` the element-style name (`UserTask`).
    pub fn next(&mut self, camunda: &'static str, eclipse: &'static str) -> String {
        self.counter += 1;
        match self.dialect {
            Dialect::Camunda => format!("{camunda}_{}", base36_7(self.counter, self.salt)),
            Dialect::Signavio => format!("sid-{}", uuid(self.salt, self.counter, true)),
            Dialect::Semantic => format!("_{}", uuid(self.salt, self.counter, false)),
            Dialect::Bpmn2 => {
                let n = match self.eclipse.iter_mut().find(|(k, _)| *k == eclipse) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        self.eclipse.push((eclipse, 1));
                        1
                    }
                };
                format!("{eclipse}_{n}")
            }
        }
    }
}

/// What a handoff end is.
#[derive(Debug, Clone)]
pub struct HandoffEnd {
    pub reference: String,
    pub label: String,
    pub agency: String,
}

#[derive(Debug, Clone)]
pub struct Handoff {
    pub kind: &'static str,
    pub from: HandoffEnd,
    pub to: HandoffEnd,
}

/// Whitespace runs folded to one space, trimmed (the importer's display form).
pub fn display(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

enum Item {
    Skeleton(usize),
    Local(usize, Role, &'static Object),
    Call(Identity),
    Submit,
    Collect,
}

struct Builder<'a> {
    plan: &'a Plan,
    id: &'a Identity,
    rng: Rng,
    ids: IdGen,
    doc: Doc,
    style: [u32; 5],
    cursor: Vec<u32>,
    row1: Vec<u32>,
}

/// Builds model `id` of its family (whose skeleton is `skeleton`).
pub fn build(plan: &Plan, id: &Identity, skeleton: &[Step]) -> Doc {
    let seed = plan.seed;
    let rng = Rng::new(seed, &[tag::MODEL, id.g as u64]);
    let ids = IdGen::new(id.dialect, hash(seed, &[tag::IDS, id.g as u64, 7]));
    let mut b = Builder {
        plan,
        id,
        rng,
        ids,
        doc: Doc {
            definitions_id: String::new(),
            collaboration_id: None,
            pools: Vec::new(),
            processes: Vec::new(),
            lanes: Vec::new(),
            nodes: Vec::new(),
            flows: Vec::new(),
            message_flows: Vec::new(),
            messages: Vec::new(),
            data_refs: Vec::new(),
            stores: Vec::new(),
            data_associations: Vec::new(),
            annotations: Vec::new(),
            with_diagram: true,
            planted: Vec::new(),
            calls: Vec::new(),
        },
        style: [0; 5],
        cursor: Vec::new(),
        row1: Vec::new(),
    };
    b.run(skeleton);
    b.doc
}

/// Where a new flow node goes: its process, lane, enclosing sub-process,
/// diagram row (0 = main path) and the business object it works on.
#[derive(Debug, Clone, Copy)]
struct At {
    process: usize,
    lane: Option<usize>,
    parent: Option<usize>,
    row: u8,
    object: Option<&'static Object>,
}

impl At {
    /// The main path of `process`, in no lane, at top level.
    fn new(process: usize) -> At {
        At {
            process,
            lane: None,
            parent: None,
            row: 0,
            object: None,
        }
    }
    fn lane(self, lane: Option<usize>) -> At {
        At { lane, ..self }
    }
    fn parent(self, parent: Option<usize>) -> At {
        At { parent, ..self }
    }
    fn row(self, row: u8) -> At {
        At { row, ..self }
    }
    fn object(self, object: Option<&'static Object>) -> At {
        At { object, ..self }
    }
}

impl Builder<'_> {
    fn partner(&mut self) -> usize {
        let n = self.plan.agencies.len();
        let owner = self.id.agency;
        loop {
            let b = if self.rng.chance(50) {
                self.rng.below(n.min(8))
            } else {
                self.rng.below(n)
            };
            if b != owner {
                return b;
            }
        }
    }

    fn agency_name(&mut self, a: usize, units_ok: bool) -> String {
        let ag = &self.plan.agencies[a];
        let roll = self.rng.below(100);
        if units_ok && roll < 45 && !ag.units.is_empty() {
            return self.rng.pick(&ag.units).clone();
        }
        if roll < 75 {
            return ag.name.clone();
        }
        let alias = self.rng.pick(&ag.aliases).clone();
        if self.rng.chance(10) {
            alias.to_uppercase()
        } else {
            alias
        }
    }

    fn add_process(&mut self, k: u64, name: String, pool: Option<usize>) -> usize {
        let id = if k == 0 {
            self.id.process_id.clone()
        } else {
            self.plan.process_id(self.id.g, self.id.dialect, k)
        };
        let lane_set_id = self.ids.next("LaneSet", "LaneSet");
        self.doc.processes.push(Process {
            id,
            name,
            pool,
            lane_set_id,
        });
        self.cursor.push(0);
        self.doc.processes.len() - 1
    }

    fn add_pool(&mut self, name: String, owner: Owner) -> usize {
        let id = self.ids.next("Participant", "Participant");
        self.doc.pools.push(Pool {
            id,
            name,
            process: None,
            owner,
        });
        self.doc.pools.len() - 1
    }

    fn add_lane(
        &mut self,
        process: usize,
        parent: Option<usize>,
        name: String,
        owner: Owner,
    ) -> usize {
        let id = self.ids.next("Lane", "Lane");
        self.doc.lanes.push(Lane {
            id,
            name,
            process,
            parent,
            owner,
            slot: 0,
            height: 1,
        });
        self.row1.push(0);
        self.doc.lanes.len() - 1
    }

    /// Adds a flow node at `at` and returns its index.
    fn add_node(&mut self, kind: Kind, name: Option<String>, at: At) -> usize {
        let At {
            process,
            lane,
            parent,
            row,
            object,
        } = at;
        let (camunda, eclipse) = match &kind {
            Kind::Task(t) => ("Activity", eclipse_task(*t)),
            Kind::SubProcess => ("Activity", "SubProcess"),
            Kind::Call(_) => ("Activity", "CallActivity"),
            Kind::Start(_) => ("Event", "StartEvent"),
            Kind::End(_) => ("Event", "EndEvent"),
            Kind::Catch(_) => ("Event", "IntermediateCatchEvent"),
            Kind::Boundary { .. } => ("Event", "BoundaryEvent"),
            Kind::Exclusive => ("Gateway", "ExclusiveGateway"),
            Kind::Parallel => ("Gateway", "ParallelGateway"),
        };
        let first_start = matches!(kind, Kind::Start(_))
            && self.id.dialect == Dialect::Camunda
            && !self
                .doc
                .nodes
                .iter()
                .any(|n| matches!(n.kind, Kind::Start(_)));
        let id = if first_start {
            "StartEvent_1".to_string()
        } else {
            self.ids.next(camunda, eclipse)
        };
        let col = if row == 0 {
            let c = self.cursor[process];
            self.cursor[process] += 1;
            c
        } else {
            let c = match lane {
                Some(l) => {
                    let c = self.row1[l].max(self.cursor[process].saturating_sub(1));
                    self.row1[l] = c + 1;
                    c
                }
                None => self.cursor[process],
            };
            self.cursor[process] = self.cursor[process].max(c + 1);
            c
        };
        self.doc.nodes.push(Node {
            id,
            name,
            kind,
            process,
            lane,
            parent,
            col,
            row,
            span: 1,
            doc: None,
            props: Vec::new(),
            default_flow: None,
            object,
        });
        self.doc.nodes.len() - 1
    }

    fn flow(
        &mut self,
        source: usize,
        target: usize,
        name: Option<&str>,
        condition: Option<&str>,
    ) -> usize {
        let id = self.ids.next("Flow", "SequenceFlow");
        let process = self.doc.nodes[source].process;
        let parent = self.doc.nodes[source].parent;
        self.doc.flows.push(Flow {
            id,
            source,
            target,
            name: name.map(str::to_string),
            condition: condition.map(str::to_string),
            process,
            parent,
        });
        self.doc.flows.len() - 1
    }

    fn message_flow(&mut self, source: End, target: End) {
        let id = self.ids.next("MessageFlow", "MessageFlow");
        let message = if self.rng.chance(50) {
            let mid = self.ids.next("Message", "Message");
            let name = self
                .rng
                .pick(&[
                    "Permohonan",
                    "Permintaan data",
                    "Hasil layanan",
                    "Pemberitahuan",
                ])
                .to_string();
            self.doc.messages.push(Message { id: mid, name });
            Some(self.doc.messages.len() - 1)
        } else {
            None
        };
        let name = if self.rng.chance(30) {
            Some(
                self.rng
                    .pick(&["Kirim berkas", "Permintaan", "Hasil", "Notifikasi"])
                    .to_string(),
            )
        } else {
            None
        };
        self.doc.message_flows.push(MessageFlow {
            id,
            source,
            target,
            name,
            message,
        });
    }

    fn pick_form(&mut self) -> usize {
        let total: u32 = self.style.iter().sum();
        let mut roll = self.rng.below(total as usize) as u32;
        for (i, w) in self.style.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        0
    }

    /// Writes a label for `action` on `object`, in this model's house style.
    fn label(
        &mut self,
        action: &Action,
        object: &'static Object,
        qualifier: Option<&str>,
        decoration: Option<String>,
    ) -> String {
        let mut s = if self.id.english {
            let verb = *self.rng.pick(action.english);
            match qualifier {
                Some(q) => format!("{verb} {} ({q})", object.english),
                None => format!("{verb} {}", object.english),
            }
        } else {
            let obj = *self.rng.pick(object.forms);
            let q = qualifier.map(|q| format!(" {q}")).unwrap_or_default();
            match self.pick_form() {
                0 => format!("{} {obj}{q}", self.rng.pick(action.active)),
                1 => format!("{} {obj}{q}", self.rng.pick(action.nominal)),
                2 => format!("{} {}{q}", capitalise(obj), self.rng.pick(action.passive)),
                3 => format!("{} {obj}{q}", self.rng.pick(action.base)),
                _ => format!(
                    "Melakukan {} {obj}{q}",
                    self.rng.pick(action.nominal).to_lowercase()
                ),
            }
        };
        if let Some(d) = decoration {
            if !self.id.english {
                s.push(' ');
                s.push_str(&d);
            }
        }
        if self.rng.chance(3) {
            s = s.to_uppercase();
        }
        if matches!(self.id.dialect, Dialect::Signavio | Dialect::Semantic) && self.rng.chance(12) {
            // Tools keep the line breaks users type into long labels.
            if let Some(pos) = s.match_indices(' ').nth(1).map(|(i, _)| i) {
                s.replace_range(pos..pos + 1, "\n");
            }
        }
        s
    }

    fn decoration(
        &mut self,
        step_action: &Action,
        role: Role,
        partner: Option<usize>,
    ) -> Option<String> {
        if !self.rng.chance(25) {
            return None;
        }
        let theme = self.plan.theme(self.id.family);
        let system = *self.rng.pick(theme.systems);
        let owner_short = self.plan.agencies[self.id.agency].short.clone();
        Some(match (step_action.key, role) {
            ("verifikasi", Role::Ident) => self
                .rng
                .pick(&[
                    "ke Dukcapil",
                    "ke Disdukcapil",
                    "melalui SIAK Terpusat",
                    "dengan data Dukcapil",
                ])
                .to_string(),
            ("input" | "verifikasi" | "unggah" | "daftar", _) => {
                let how = *self.rng.pick(&["di aplikasi", "melalui", "pada"]);
                format!("{how} {system}")
            }
            ("tandatangan", _) => {
                if self.rng.chance(50) {
                    format!("oleh Kepala {owner_short}")
                } else {
                    "oleh pejabat berwenang".to_string()
                }
            }
            ("kirim", _) => match partner {
                Some(p) if self.rng.chance(60) => format!("ke {}", self.plan.agencies[p].short),
                _ => "kepada pemohon".to_string(),
            },
            _ => format!("oleh {owner_short}"),
        })
    }

    fn task_type(&mut self, action: &Action, role: Role) -> TaskKind {
        let r = self.rng.below(100);
        match action.key {
            "terima" if r < 30 => TaskKind::Receive,
            "kirim" | "beritahu" if r < 30 => TaskKind::Send,
            "input" | "unggah" => TaskKind::User,
            "verifikasi" if role == Role::Ident && r < 50 => TaskKind::Service,
            "tetapkan" if r < 30 => TaskKind::BusinessRule,
            "tandatangan" | "arsip" if r < 40 => TaskKind::Manual,
            "hitung" if r < 30 => TaskKind::Script,
            _ if r < 55 => TaskKind::User,
            _ => TaskKind::Task,
        }
    }

    fn run(&mut self, skeleton: &[Step]) {
        let plan = self.plan;
        let id = self.id;
        let fam = id.family;
        let theme = plan.theme(fam);
        let n = plan.agencies.len();
        self.doc.definitions_id = match id.dialect {
            Dialect::Camunda => format!("Definitions_{}", base36_7(id.g as u64, 99)),
            _ => self.ids.next("Definitions", "Definitions"),
        };
        self.doc.with_diagram = !self.rng.chance(8);
        self.style = match self.rng.below(3) {
            0 => [60, 20, 5, 10, 5],
            1 => [15, 60, 5, 15, 5],
            _ => [30, 30, 15, 15, 10],
        };

        // The member's steps: most of the skeleton, a few local ones.
        let mut items: Vec<Item> = Vec::new();
        for (k, step) in skeleton.iter().enumerate() {
            if k > 0 && !step.reject_after && self.rng.chance(8) {
                continue;
            }
            items.push(Item::Skeleton(k));
            if self.rng.chance(8) {
                let candidates: Vec<usize> = (0..ACTIONS.len())
                    .filter(|&i| {
                        ACTIONS[i]
                            .roles
                            .iter()
                            .any(|r| matches!(r, Role::Aux | Role::Report))
                    })
                    .collect();
                let a = *self.rng.pick(&candidates);
                let role = if ACTIONS[a].roles.contains(&Role::Aux) && self.rng.chance(70) {
                    Role::Aux
                } else if ACTIONS[a].roles.contains(&Role::Report) {
                    Role::Report
                } else {
                    Role::Aux
                };
                let objects = plan.objects(fam, role);
                let o = self.rng.pick(objects);
                items.push(Item::Local(a, role, o));
            }
        }
        if n >= 2 && self.rng.chance(15) {
            for _ in 0..8 {
                let b = self.partner();
                let j = self.rng.below(plan.models_per_agency);
                let callee = plan.identity(b * plan.models_per_agency + j);
                if callee.layout == Layout::Pools {
                    let at = self.rng.range(1, items.len());
                    items.insert(at, Item::Call(callee));
                    break;
                }
            }
        }

        let main_name = id.process_name.clone();
        let owner = id.agency;
        let lanes_for_phase: Vec<usize>;
        let mut partner_lane: Option<(usize, usize)> = None; // (lane, agency)
        let mut partner2_lane: Option<usize> = None;
        let mut applicant: Option<End> = None;
        let mut applicant_receive: Option<End> = None;
        let mut partner_pool: Option<(usize, End, End)> = None; // (agency, request target, reply source)
        let mut actor_lane: Option<usize> = None;
        let process;
        match id.layout {
            Layout::Pools => {
                let coll = self.ids.next("Collaboration", "Collaboration");
                self.doc.collaboration_id = Some(coll);
                // Applicant.
                let actor = ACTORS
                    .iter()
                    .find(|a| a.1 == theme.actor)
                    .map(|a| a.0)
                    .unwrap_or("PEMOHON");
                let ap = self.add_pool(theme.actor.to_string(), Owner::Actor(actor));
                if self.rng.chance(50) {
                    let p = self.add_process(1, format!("Proses {}", theme.actor), Some(ap));
                    self.doc.pools[ap].process = Some(p);
                    let s = self.add_node(
                        Kind::Start(EventDef::None),
                        Some("Mulai".into()),
                        At::new(p),
                    );
                    let main_obj = plan.main_object(fam);
                    let submit_name =
                        self.label(&ACTIONS[action_index("unggah")], main_obj, None, None);
                    let submit_name = if self.id.english {
                        submit_name
                    } else {
                        format!("Mengajukan permohonan {}", main_obj.forms[0])
                    };
                    let t = self.add_node(
                        Kind::Task(TaskKind::User),
                        Some(submit_name),
                        At::new(p).object(Some(main_obj)),
                    );
                    let out = self.rng.pick(theme.output);
                    let recv_name = format!("Menerima {}", self.rng.pick(out.forms));
                    let r = self.add_node(
                        Kind::Task(TaskKind::Receive),
                        Some(recv_name),
                        At::new(p).object(Some(out)),
                    );
                    let e = self.add_node(
                        Kind::End(EventDef::None),
                        Some("Selesai".into()),
                        At::new(p),
                    );
                    self.flow(s, t, None, None);
                    self.flow(t, r, None, None);
                    self.flow(r, e, None, None);
                    applicant = Some(End::Node(t));
                    applicant_receive = Some(End::Node(r));
                } else {
                    applicant = Some(End::Pool(ap));
                    applicant_receive = Some(End::Pool(ap));
                }
                // Owner.
                let pool_name = self.agency_name(owner, false);
                let op = self.add_pool(pool_name, Owner::Agency(owner));
                process = self.add_process(0, main_name.clone(), Some(op));
                self.doc.pools[op].process = Some(process);
                lanes_for_phase = self.owner_lanes(process);
                // Partner.
                if n >= 2 && self.rng.chance(60) {
                    let b = self.partner();
                    let name = self.agency_name(b, false);
                    let pp = self.add_pool(name, Owner::Agency(b));
                    if self.rng.chance(50) {
                        let p = self.add_process(
                            2,
                            format!("Layanan {}", plan.agencies[b].short),
                            Some(pp),
                        );
                        self.doc.pools[pp].process = Some(p);
                        let ident = self.rng.pick(crate::vocab::IDENT_OBJECTS);
                        let s = self.add_node(
                            Kind::Start(EventDef::Message),
                            Some("Permintaan diterima".into()),
                            At::new(p),
                        );
                        let recv = format!(
                            "Menerima permintaan {}",
                            self.rng.pick(&["validasi data", "data", "verifikasi"])
                        );
                        let t1 =
                            self.add_node(Kind::Task(TaskKind::Receive), Some(recv), At::new(p));
                        let check =
                            self.label(&ACTIONS[action_index("verifikasi")], ident, None, None);
                        let t2 = self.add_node(
                            Kind::Task(TaskKind::Service),
                            Some(check),
                            At::new(p).object(Some(ident)),
                        );
                        let send = format!(
                            "Mengirim hasil {}",
                            self.rng.pick(&["validasi", "verifikasi", "pemeriksaan"])
                        );
                        let t3 = self.add_node(Kind::Task(TaskKind::Send), Some(send), At::new(p));
                        let e = self.add_node(
                            Kind::End(EventDef::None),
                            Some("Selesai".into()),
                            At::new(p),
                        );
                        self.flow(s, t1, None, None);
                        self.flow(t1, t2, None, None);
                        self.flow(t2, t3, None, None);
                        self.flow(t3, e, None, None);
                        partner_pool = Some((b, End::Node(s), End::Node(t3)));
                    } else {
                        partner_pool = Some((b, End::Pool(pp), End::Pool(pp)));
                    }
                }
            }
            Layout::AgencyLanes => {
                let coll = self.ids.next("Collaboration", "Collaboration");
                self.doc.collaboration_id = Some(coll);
                let pp = self.add_pool(
                    format!("Proses {}", main_name.to_lowercase()),
                    Owner::Unresolved,
                );
                process = self.add_process(0, main_name.clone(), Some(pp));
                self.doc.pools[pp].process = Some(process);
                if self.rng.chance(40) {
                    let actor = ACTORS
                        .iter()
                        .find(|a| a.1 == theme.actor)
                        .map(|a| a.0)
                        .unwrap_or("PEMOHON");
                    actor_lane = Some(self.add_lane(
                        process,
                        None,
                        theme.actor.to_string(),
                        Owner::Actor(actor),
                    ));
                }
                let name = self.agency_name(owner, true);
                let ol = self.add_lane(process, None, name, Owner::Agency(owner));
                lanes_for_phase = vec![ol];
                let b1 = self.partner();
                let name = self.agency_name(b1, true);
                let l1 = self.add_lane(process, None, name, Owner::Agency(b1));
                partner_lane = Some((l1, b1));
                if n >= 3 && self.rng.chance(40) {
                    let mut b2 = self.partner();
                    while b2 == b1 {
                        b2 = self.partner();
                    }
                    let name = self.agency_name(b2, true);
                    partner2_lane = Some(self.add_lane(process, None, name, Owner::Agency(b2)));
                }
            }
            Layout::Process => {
                process = self.add_process(0, main_name.clone(), None);
                lanes_for_phase = self.owner_lanes(process);
            }
        }
        if actor_lane.is_some() {
            items.insert(0, Item::Submit);
            if self.rng.chance(50) {
                items.push(Item::Collect);
            }
        }

        // Lane per item.
        let lane_of_phase = |phase: u8, lanes: &[usize]| -> usize {
            let idx = (phase as usize * lanes.len()) / 6;
            lanes[idx.min(lanes.len() - 1)]
        };
        let mut item_lanes: Vec<usize> = Vec::with_capacity(items.len());
        for item in &items {
            let lane = match item {
                Item::Submit | Item::Collect => actor_lane.unwrap_or(lanes_for_phase[0]),
                Item::Skeleton(k) => {
                    let s = &skeleton[*k];
                    let phase = ACTIONS[s.action].phase;
                    let base = lane_of_phase(phase, &lanes_for_phase);
                    match (partner_lane, partner2_lane) {
                        _ if s.reject_after => base,
                        (Some((pl, _)), _) if s.role == Role::Ident => pl,
                        (_, Some(p2)) if phase == 3 && self.rng.chance(35) => p2,
                        (Some((pl, _)), _) if self.rng.chance(15) => pl,
                        _ => base,
                    }
                }
                Item::Local(a, _, _) => lane_of_phase(ACTIONS[*a].phase, &lanes_for_phase),
                Item::Call(_) => lanes_for_phase[0],
            };
            item_lanes.push(lane);
        }

        // Structure choices.
        let nested_lanes = id.layout != Layout::AgencyLanes;
        let plain: Vec<usize> = (1..items.len())
            .filter(|&i| matches!(items[i], Item::Skeleton(k) if !skeleton[k].reject_after))
            .collect();
        let sub_start = if nested_lanes && self.rng.chance(12) && items.len() > 6 {
            let candidates: Vec<usize> = (1..items.len().saturating_sub(3))
                .filter(|&i| {
                    (i..i + 3)
                        .all(|x| matches!(items[x], Item::Skeleton(k) if !skeleton[k].reject_after))
                        && item_lanes[i..i + 3].iter().all(|l| *l == item_lanes[i])
                })
                .collect();
            if candidates.is_empty() {
                None
            } else {
                Some(*self.rng.pick(&candidates))
            }
        } else {
            None
        };
        let in_sub = |i: usize| sub_start.is_some_and(|s| i >= s && i < s + 3);
        let parallel_at = if self.rng.chance(15) {
            let c: Vec<usize> = plain
                .iter()
                .copied()
                .filter(|&i| {
                    i + 1 < items.len() && !in_sub(i) && !in_sub(i + 1) && sub_start != Some(i + 1)
                })
                .filter(|&i| matches!(items[i + 1], Item::Skeleton(k) if !skeleton[k].reject_after))
                .collect();
            if c.is_empty() {
                None
            } else {
                Some(*self.rng.pick(&c))
            }
        } else {
            None
        };
        let timer_after = if self.rng.chance(10) {
            Some(self.rng.range(0, items.len() - 1))
        } else {
            None
        };
        let partner_step = partner_pool.as_ref().map(|_| {
            items
                .iter()
                .position(|it| matches!(it, Item::Skeleton(k) if skeleton[*k].role == Role::Ident))
                .unwrap_or(items.len() / 3)
        });

        // Owner process: start.
        let start_kind = if applicant.is_some() {
            EventDef::Message
        } else {
            EventDef::None
        };
        let start_label = self.rng.pick(START_LABELS).to_string();
        let first_lane = item_lanes.first().copied();
        let start = self.add_node(
            Kind::Start(start_kind),
            Some(start_label),
            At::new(process).lane(first_lane),
        );
        if let Some(a) = applicant {
            self.message_flow(a, End::Node(start));
        }
        let mut frontier: Vec<usize> = vec![start];
        let mut pending: Option<(&'static str, usize)> = None; // ("Ya", gateway) label for next flow from a gateway
        let mut activities: Vec<usize> = Vec::new();
        let partner_short = partner_pool
            .as_ref()
            .map(|(b, _, _)| *b)
            .or(partner_lane.map(|(_, b)| b));

        let mut i = 0;
        while i < items.len() {
            if Some(i) == sub_start {
                let lane = item_lanes[i];
                let sub_name = format!(
                    "{} {}",
                    self.rng.pick(&["Proses", "Sub-proses", "Tahap"]),
                    self.rng
                        .pick(&["verifikasi", "penelaahan", "pengolahan", "penyelesaian"])
                );
                let sub = self.add_node(
                    Kind::SubProcess,
                    Some(sub_name),
                    At::new(process).lane(Some(lane)),
                );
                let sub_col = self.doc.nodes[sub].col;
                self.cursor[process] = sub_col;
                self.connect(&mut frontier, &mut pending, sub);
                let inner_start = self.add_node(
                    Kind::Start(EventDef::None),
                    None,
                    At::new(process).lane(Some(lane)).parent(Some(sub)),
                );
                let mut prev = inner_start;
                for item in &items[i..i + 3] {
                    let node =
                        self.item_node(item, skeleton, process, lane, Some(sub), 0, partner_short);
                    self.flow(prev, node, None, None);
                    prev = node;
                }
                let inner_end = self.add_node(
                    Kind::End(EventDef::None),
                    None,
                    At::new(process).lane(Some(lane)).parent(Some(sub)),
                );
                self.flow(prev, inner_end, None, None);
                let end_col = self.doc.nodes[inner_end].col;
                self.doc.nodes[sub].span = end_col - sub_col + 1;
                activities.push(sub);
                frontier = vec![sub];
                i += 3;
                continue;
            }
            if Some(i) == parallel_at {
                let lane_a = item_lanes[i];
                let lane_b = item_lanes[i + 1];
                let split =
                    self.add_node(Kind::Parallel, None, At::new(process).lane(Some(lane_a)));
                self.connect(&mut frontier, &mut pending, split);
                let a =
                    self.item_node(&items[i], skeleton, process, lane_a, None, 0, partner_short);
                let b_row = if lane_a == lane_b { 1 } else { 0 };
                if b_row == 0 {
                    self.cursor[process] -= 1;
                }
                let b = self.item_node(
                    &items[i + 1],
                    skeleton,
                    process,
                    lane_b,
                    None,
                    b_row,
                    partner_short,
                );
                self.flow(split, a, None, None);
                self.flow(split, b, None, None);
                let join = self.add_node(Kind::Parallel, None, At::new(process).lane(Some(lane_a)));
                self.flow(a, join, None, None);
                self.flow(b, join, None, None);
                activities.push(a);
                activities.push(b);
                frontier = vec![join];
                i += 2;
                continue;
            }
            let lane = item_lanes[i];
            let node = self.item_node(&items[i], skeleton, process, lane, None, 0, partner_short);
            self.connect(&mut frontier, &mut pending, node);
            activities.push(node);
            frontier = vec![node];
            if let Item::Skeleton(k) = items[i] {
                if skeleton[k].reject_after {
                    let gw_label = self.rng.pick(GATEWAY_LABELS).to_string();
                    let gw = self.add_node(
                        Kind::Exclusive,
                        Some(gw_label),
                        At::new(process).lane(Some(lane)),
                    );
                    self.flow(node, gw, None, None);
                    let file = self.rng.pick(crate::vocab::FILE_OBJECTS);
                    let ret_label =
                        self.label(&RETURN_ACTION, file, None, Some("kepada pemohon".into()));
                    let ret = self.add_node(
                        Kind::Task(TaskKind::User),
                        Some(ret_label),
                        At::new(process).lane(Some(lane)).row(1).object(Some(file)),
                    );
                    let no = self.flow(gw, ret, Some("Tidak"), Some("${!lengkap}"));
                    let _ = no;
                    let end_label = self.rng.pick(REJECT_END_LABELS).to_string();
                    let rend = self.add_node(
                        Kind::End(EventDef::None),
                        Some(end_label),
                        At::new(process).lane(Some(lane)).row(1),
                    );
                    self.flow(ret, rend, None, None);
                    activities.push(ret);
                    frontier = vec![gw];
                    pending = Some(("Ya", gw));
                }
            }
            if Some(i) == partner_step {
                if let Some((b, req, reply)) = partner_pool {
                    self.message_flow(End::Node(node), req);
                    let lbl = format!("Menerima hasil dari {}", self.plan.agencies[b].short);
                    let catch = self.add_node(
                        Kind::Catch(EventDef::Message),
                        Some(lbl),
                        At::new(process).lane(Some(lane)),
                    );
                    self.connect(&mut frontier, &mut pending, catch);
                    self.message_flow(reply, End::Node(catch));
                    frontier = vec![catch];
                }
            }
            if Some(i) == timer_after {
                let lbl = self.rng.pick(TIMER_LABELS).to_string();
                let t = self.add_node(
                    Kind::Catch(EventDef::Timer),
                    Some(lbl),
                    At::new(process).lane(Some(lane)),
                );
                self.connect(&mut frontier, &mut pending, t);
                frontier = vec![t];
            }
            i += 1;
        }
        let end_kind = if applicant_receive.is_some() {
            EventDef::Message
        } else {
            EventDef::None
        };
        let end_label = self.rng.pick(END_LABELS).to_string();
        let last_lane = item_lanes.last().copied();
        let end = self.add_node(
            Kind::End(end_kind),
            Some(end_label),
            At::new(process).lane(last_lane),
        );
        self.connect(&mut frontier, &mut pending, end);
        if let (Some(target), Some(&last)) = (applicant_receive, activities.last()) {
            self.message_flow(End::Node(last), target);
        }

        self.boundary(process, &activities);
        self.data(process, &activities, partner_lane.is_some());
        if self.rng.chance(20) && !activities.is_empty() {
            let node = *self.rng.pick(&activities);
            let id_a = self.ids.next("TextAnnotation", "TextAnnotation");
            let id_b = self.ids.next("Association", "Association");
            let text = self.rng.pick(ANNOTATIONS).to_string();
            self.doc.annotations.push(Annotation {
                id: id_a,
                text,
                node,
                association_id: id_b,
            });
        }
        // Pool/lane geometry: nested lanes take the parent's slot; recompute slots per process.
        self.layout_lanes();
    }

    /// 1–3 lanes of the owner's units (or names), some with unresolved child lanes.
    fn owner_lanes(&mut self, process: usize) -> Vec<usize> {
        let owner = self.id.agency;
        let count = self.rng.range(1, 3);
        let mut units = self.plan.agencies[owner].units.clone();
        self.rng.shuffle(&mut units);
        let mut leaves = Vec::new();
        for k in 0..count {
            let name = if k == 0 && self.rng.chance(20) {
                self.agency_name(owner, false)
            } else {
                units
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| self.plan.agencies[owner].name.clone())
            };
            let lane = self.add_lane(process, None, name, Owner::Agency(owner));
            if self.rng.chance(15) {
                let mut subs: Vec<&str> = GENERIC_SUBLANES.to_vec();
                self.rng.shuffle(&mut subs);
                for s in subs.iter().take(2) {
                    let c = self.add_lane(process, Some(lane), s.to_string(), Owner::Unresolved);
                    leaves.push(c);
                }
            } else {
                leaves.push(lane);
            }
        }
        leaves
    }

    fn layout_lanes(&mut self) {
        // Leaves get consecutive slots; a parent spans its children.
        for p in 0..self.doc.processes.len() {
            let mut slot = 0;
            let tops: Vec<usize> = (0..self.doc.lanes.len())
                .filter(|&l| self.doc.lanes[l].process == p && self.doc.lanes[l].parent.is_none())
                .collect();
            for t in tops {
                let kids: Vec<usize> = (0..self.doc.lanes.len())
                    .filter(|&l| self.doc.lanes[l].parent == Some(t))
                    .collect();
                self.doc.lanes[t].slot = slot;
                if kids.is_empty() {
                    self.doc.lanes[t].height = 1;
                    slot += 1;
                } else {
                    self.doc.lanes[t].height = kids.len() as u32;
                    for k in kids {
                        self.doc.lanes[k].slot = slot;
                        self.doc.lanes[k].height = 1;
                        slot += 1;
                    }
                }
            }
        }
    }

    fn connect(
        &mut self,
        frontier: &mut Vec<usize>,
        pending: &mut Option<(&'static str, usize)>,
        target: usize,
    ) {
        for &f in frontier.iter() {
            let (name, cond) = match pending {
                Some((label, gw)) if *gw == f => (Some(*label), Some("${lengkap}")),
                _ => (None, None),
            };
            let flow = self.flow(f, target, name, cond);
            if name.is_some() {
                self.doc.nodes[f].default_flow = Some(flow);
            }
        }
        *pending = None;
        frontier.clear();
    }

    #[allow(clippy::too_many_arguments)]
    fn item_node(
        &mut self,
        item: &Item,
        skeleton: &[Step],
        process: usize,
        lane: usize,
        parent: Option<usize>,
        row: u8,
        partner: Option<usize>,
    ) -> usize {
        let plan = self.plan;
        let fam = self.id.family;
        match item {
            Item::Skeleton(k) => {
                let s = &skeleton[*k];
                let action = s.action();
                let object = &plan.objects(fam, s.role)[s.object];
                let qualifier = if s.qualified && self.rng.chance(70) {
                    Some(plan.qualifier(fam))
                } else {
                    None
                };
                let deco = self.decoration(action, s.role, partner);
                let name = self.label(action, object, qualifier, deco);
                let tt = self.task_type(action, s.role);
                let node = self.add_node(
                    Kind::Task(tt),
                    Some(name),
                    At::new(process)
                        .lane(Some(lane))
                        .parent(parent)
                        .row(row)
                        .object(Some(object)),
                );
                if self.rng.chance(10) {
                    self.doc.nodes[node].doc = Some(format!("Langkah {} SOP layanan", k + 1));
                }
                if self.rng.chance(15) {
                    let days = self.rng.range(1, 10);
                    self.doc.nodes[node]
                        .props
                        .push(("durasi_hari", days.to_string()));
                }
                self.doc.planted.push((*k, node));
                node
            }
            Item::Local(a, _role, object) => {
                let action = &ACTIONS[*a];
                let name = self.label(action, object, None, None);
                let tt = self.task_type(action, Role::Aux);
                self.add_node(
                    Kind::Task(tt),
                    Some(name),
                    At::new(process)
                        .lane(Some(lane))
                        .parent(parent)
                        .row(row)
                        .object(Some(object)),
                )
            }
            Item::Call(callee) => {
                let name = if self.id.english || self.rng.chance(50) {
                    callee.process_name.clone()
                } else {
                    format!(
                        "Permintaan layanan {}",
                        self.plan.agencies[callee.agency].short
                    )
                };
                let node = self.add_node(
                    Kind::Call(callee.process_id.clone()),
                    Some(name),
                    At::new(process).lane(Some(lane)).parent(parent).row(row),
                );
                self.doc.calls.push((node, callee.clone()));
                node
            }
            Item::Submit => {
                let main = plan.main_object(fam);
                let name = if self.id.english {
                    format!("Submit {} application", main.english)
                } else {
                    format!(
                        "{} {}",
                        self.rng
                            .pick(&["Mengajukan permohonan", "Pengajuan", "Mengisi formulir"]),
                        self.rng.pick(main.forms)
                    )
                };
                self.add_node(
                    Kind::Task(TaskKind::User),
                    Some(name),
                    At::new(process)
                        .lane(Some(lane))
                        .parent(parent)
                        .row(row)
                        .object(Some(main)),
                )
            }
            Item::Collect => {
                let out = self.rng.pick(plan.theme(fam).output);
                let name = format!("Menerima {}", self.rng.pick(out.forms));
                self.add_node(
                    Kind::Task(TaskKind::Receive),
                    Some(name),
                    At::new(process)
                        .lane(Some(lane))
                        .parent(parent)
                        .row(row)
                        .object(Some(out)),
                )
            }
        }
    }

    fn boundary(&mut self, process: usize, activities: &[usize]) {
        if !self.rng.chance(10) {
            return;
        }
        let hosts: Vec<usize> = activities
            .iter()
            .copied()
            .filter(|&a| {
                let n = &self.doc.nodes[a];
                n.parent.is_none()
                    && n.row == 0
                    && matches!(n.kind, Kind::Task(_))
                    && n.process == process
            })
            .collect();
        if hosts.is_empty() {
            return;
        }
        let host = *self.rng.pick(&hosts);
        let lane = self.doc.nodes[host].lane;
        let label = self.rng.pick(BOUNDARY_LABELS).to_string();
        let col = self.doc.nodes[host].col;
        let ids = self.ids.next("Event", "BoundaryEvent");
        self.doc.nodes.push(Node {
            id: ids,
            name: Some(label),
            kind: Kind::Boundary { host },
            process,
            lane,
            parent: None,
            col,
            row: 0,
            span: 1,
            doc: None,
            props: Vec::new(),
            default_flow: None,
            object: None,
        });
        let b = self.doc.nodes.len() - 1;
        let saved = self.cursor[process];
        self.cursor[process] = col + 2;
        let esc_label = self.rng.pick(ESCALATION_LABELS).to_string();
        let esc = self.add_node(
            Kind::Task(TaskKind::User),
            Some(esc_label),
            At::new(process).lane(lane).row(1),
        );
        let end = self.add_node(
            Kind::End(EventDef::None),
            Some("Dieskalasi".into()),
            At::new(process).lane(lane).row(1),
        );
        self.cursor[process] = saved.max(self.cursor[process]);
        self.flow(b, esc, None, None);
        self.flow(esc, end, None, None);
    }

    fn data(&mut self, process: usize, activities: &[usize], cross_lanes: bool) {
        let top: Vec<usize> = activities
            .iter()
            .copied()
            .filter(|&a| self.doc.nodes[a].parent.is_none() && self.doc.nodes[a].process == process)
            .collect();
        if top.len() < 2 {
            return;
        }
        let objects = self.rng.range(1, 3);
        for _ in 0..objects {
            let w = self.rng.below(top.len() - 1);
            let r = self.rng.range(w + 1, top.len() - 1);
            let writer = top[w];
            let reader = top[r];
            let name = match self.doc.nodes[writer].object {
                Some(o) => {
                    let form: &&str = self.rng.pick(o.forms);
                    capitalise(form)
                }
                None => "Dokumen".to_string(),
            };
            let object_id = self.ids.next("DataObject", "DataObject");
            let r1 = self.data_ref(
                process,
                writer,
                name.clone(),
                Some(object_id.clone()),
                true,
                None,
            );
            self.associate(writer, r1, true);
            self.associate(reader, r1, false);
            if self.rng.chance(30) && r + 1 < top.len() {
                // A second reference to the same data object, read further on.
                let reader2 = top[self.rng.range(r + 1, top.len() - 1)];
                let r2 = self.data_ref(process, reader2, name, Some(object_id), false, None);
                self.associate(reader2, r2, false);
            }
        }
        if self.rng.chance(60) {
            // Data stores: only the owner's activities touch them (no data handoff through stores).
            let owner_lane_nodes: Vec<usize> = top
                .iter()
                .copied()
                .filter(|&a| self.owner_of_node(a) == Owner::Agency(self.id.agency))
                .collect();
            if owner_lane_nodes.len() >= 2 {
                let theme = self.plan.theme(self.id.family);
                let system = *self.rng.pick(theme.systems);
                let name = format!(
                    "{} {system}",
                    self.rng.pick(&["Basis data", "Database", "Repositori"])
                );
                let sid = self.ids.next("DataStore", "DataStore");
                self.doc.stores.push(Store {
                    id: sid,
                    name: name.clone(),
                });
                let store = self.doc.stores.len() - 1;
                let w = owner_lane_nodes[self.rng.below(owner_lane_nodes.len() - 1)];
                let r = *owner_lane_nodes.last().unwrap_or(&w);
                let sr = self.data_ref(process, w, name, None, false, Some(store));
                self.associate(w, sr, true);
                if r != w {
                    self.associate(r, sr, false);
                }
            }
        }
        let _ = cross_lanes;
    }

    fn data_ref(
        &mut self,
        process: usize,
        near: usize,
        name: String,
        object_id: Option<String>,
        declares: bool,
        store: Option<usize>,
    ) -> usize {
        let id = if store.is_some() {
            self.ids.next("DataStoreReference", "DataStoreReference")
        } else {
            self.ids.next("DataObjectReference", "DataObjectReference")
        };
        let lane = self.doc.nodes[near].lane;
        let col = match lane {
            Some(l) => {
                let c = self.row1[l].max(self.doc.nodes[near].col);
                self.row1[l] = c + 1;
                c
            }
            None => self.doc.nodes[near].col,
        };
        self.doc.data_refs.push(DataRef {
            id,
            name,
            process,
            lane,
            col,
            object_id,
            declares_object: declares,
            store,
        });
        self.doc.data_refs.len() - 1
    }

    fn associate(&mut self, node: usize, data: usize, output: bool) {
        let id = if output {
            self.ids
                .next("DataOutputAssociation", "DataOutputAssociation")
        } else {
            self.ids
                .next("DataInputAssociation", "DataInputAssociation")
        };
        let property_id = if output {
            String::new()
        } else {
            self.ids.next("Property", "Property")
        };
        self.doc.data_associations.push(DataAssociation {
            id,
            node,
            data,
            output,
            property_id,
        });
    }

    fn owner_of_node(&self, node: usize) -> Owner {
        owner_of_node(&self.doc, node)
    }
}

fn eclipse_task(t: TaskKind) -> &'static str {
    match t {
        TaskKind::Task => "Task",
        TaskKind::User => "UserTask",
        TaskKind::Manual => "ManualTask",
        TaskKind::Service => "ServiceTask",
        TaskKind::Send => "SendTask",
        TaskKind::Receive => "ReceiveTask",
        TaskKind::Script => "ScriptTask",
        TaskKind::BusinessRule => "BusinessRuleTask",
    }
}

/// The agency of a node: innermost resolving lane, else its pool.
pub fn owner_of_node(doc: &Doc, node: usize) -> Owner {
    let n = &doc.nodes[node];
    let mut lane = n.lane;
    while let Some(l) = lane {
        if doc.lanes[l].owner != Owner::Unresolved {
            return doc.lanes[l].owner;
        }
        lane = doc.lanes[l].parent;
    }
    doc.processes[n.process]
        .pool
        .map(|p| doc.pools[p].owner)
        .unwrap_or(Owner::Unresolved)
}

/// Every handoff in `doc` under the shared semantics.
pub fn handoffs(plan: &Plan, id: &Identity, doc: &Doc) -> Vec<Handoff> {
    let code = |o: Owner| match o {
        Owner::Agency(a) => Some(plan.agencies[a].code.clone()),
        _ => None,
    };
    let node_end = |i: usize| {
        let n = &doc.nodes[i];
        HandoffEnd {
            reference: format!("{}#{}", id.file, n.id),
            label: display(n.name.as_deref().unwrap_or("")),
            agency: String::new(),
        }
    };
    let mut out = Vec::new();
    // message_flow
    for mf in &doc.message_flows {
        let end = |e: End| match e {
            End::Node(i) => (owner_of_node(doc, i), node_end(i)),
            End::Pool(p) => (
                doc.pools[p].owner,
                HandoffEnd {
                    reference: format!("{}#{}", id.file, doc.pools[p].id),
                    label: display(&doc.pools[p].name),
                    agency: String::new(),
                },
            ),
        };
        let (oa, mut a) = end(mf.source);
        let (ob, mut b) = end(mf.target);
        if let (Some(ca), Some(cb)) = (code(oa), code(ob)) {
            if ca != cb {
                a.agency = ca;
                b.agency = cb;
                out.push(Handoff {
                    kind: "message_flow",
                    from: a,
                    to: b,
                });
            }
        }
    }
    // control_flow
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); doc.nodes.len()];
    for f in &doc.flows {
        outgoing[f.source].push(f.target);
    }
    for (i, n) in doc.nodes.iter().enumerate() {
        if !n.kind.is_activity() {
            continue;
        }
        let Some(ca) = code(owner_of_node(doc, i)) else {
            continue;
        };
        let mut seen = vec![false; doc.nodes.len()];
        let mut stack: Vec<usize> = outgoing[i].iter().rev().copied().collect();
        let mut reached = Vec::new();
        while let Some(t) = stack.pop() {
            if seen[t] {
                continue;
            }
            seen[t] = true;
            if doc.nodes[t].kind.is_activity() {
                reached.push(t);
            } else {
                stack.extend(outgoing[t].iter().rev().copied());
            }
        }
        for t in reached {
            if let Some(cb) = code(owner_of_node(doc, t)) {
                if cb != ca {
                    let mut a = node_end(i);
                    let mut b = node_end(t);
                    a.agency = ca.clone();
                    b.agency = cb;
                    out.push(Handoff {
                        kind: "control_flow",
                        from: a,
                        to: b,
                    });
                }
            }
        }
    }
    // call_activity
    for (node, callee) in &doc.calls {
        if let Some(ca) = code(owner_of_node(doc, *node)) {
            let cb = plan.agencies[callee.agency].code.clone();
            if ca != cb {
                let mut a = node_end(*node);
                a.agency = ca;
                out.push(Handoff {
                    kind: "call_activity",
                    from: a,
                    to: HandoffEnd {
                        reference: format!("{}#{}", callee.file, callee.process_id),
                        label: display(&callee.process_name),
                        agency: cb,
                    },
                });
            }
        }
    }
    // data: writers and readers of the same data object.
    let mut objects: Vec<&str> = doc
        .data_refs
        .iter()
        .filter_map(|r| r.object_id.as_deref())
        .collect();
    objects.dedup();
    let mut done: Vec<&str> = Vec::new();
    for obj in objects {
        if done.contains(&obj) {
            continue;
        }
        done.push(obj);
        let refs: Vec<usize> = (0..doc.data_refs.len())
            .filter(|&r| doc.data_refs[r].object_id.as_deref() == Some(obj))
            .collect();
        let mut writers = Vec::new();
        let mut readers = Vec::new();
        for a in &doc.data_associations {
            if refs.contains(&a.data) {
                let list = if a.output { &mut writers } else { &mut readers };
                if !list.contains(&a.node) {
                    list.push(a.node);
                }
            }
        }
        for &w in &writers {
            for &r in &readers {
                if let (Some(ca), Some(cb)) =
                    (code(owner_of_node(doc, w)), code(owner_of_node(doc, r)))
                {
                    if ca != cb {
                        let mut a = node_end(w);
                        let mut b = node_end(r);
                        a.agency = ca;
                        b.agency = cb.clone();
                        out.push(Handoff {
                            kind: "data",
                            from: a,
                            to: b,
                        });
                    }
                }
            }
        }
    }
    out
}
