//! Checks run after parsing. Every finding is a warning (a tolerated defect)
//! or a note (an idiom worth knowing) with a position; a model with warnings
//! is still imported.
//!
//! Warning codes: `duplicate-id`, `missing-id`, `dangling-ref`, `no-lane`,
//! `cross-process-flow`, `cross-scope-flow`, `default-not-outgoing`. Note
//! codes: `black-box-pool` (a participant without a process: valid BPMN, the
//! usual way to draw the other side of message flows, but its work is not
//! modelled). `calledElement` is not checked here: it usually
//! names a process in another file, so it is resolved across a repository by
//! [`crate::unresolved_calls`].

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;

/// Appends validation warnings to `model.diagnostics`. `src` is the decoded
/// text, used to recognise ids of elements the model does not keep (a
/// `dataInput`, a `group`, a `conversation`, …) before calling a reference
/// dangling.
pub(crate) fn validate(model: &mut Model, src: &str, plane_pos: &[Position], root_pos: Position) {
    let mut out = Vec::new();
    let ids = Ids::collect(model, root_pos);
    duplicate_ids(model, &ids, &mut out);
    // Ids of elements the model does not keep, read from the source on the
    // first miss (one pass).
    let source_ids: std::cell::OnceCell<HashSet<&str>> = std::cell::OnceCell::new();
    let known = |id: &str| {
        ids.first.contains_key(id) || source_ids.get_or_init(|| ids_in_source(src)).contains(id)
    };

    let participants: HashSet<&str> = model
        .collaborations
        .iter()
        .flat_map(|c| c.participants.iter().map(|p| p.id.as_str()))
        .collect();
    let process_ids: HashSet<&str> = model.processes.iter().map(|p| p.id.as_str()).collect();
    // Node id → index of its process.
    let mut node_proc: HashMap<&str, usize> = HashMap::new();
    for (i, p) in model.processes.iter().enumerate() {
        for n in &p.flow_nodes {
            node_proc.entry(n.id.as_str()).or_insert(i);
        }
    }

    for (pi, p) in model.processes.iter().enumerate() {
        check_process(p, pi, &node_proc, &known, &mut out);
    }
    for c in &model.collaborations {
        for part in &c.participants {
            match &part.process_ref {
                Some(r) if !process_ids.contains(r.as_str()) => out.push(warn(
                    "dangling-ref",
                    format!(
                        "participant `{}` has processRef `{r}`, but no process has that id",
                        part.id
                    ),
                    part.pos,
                    None,
                )),
                Some(_) => {}
                None => out.push(note(
                    "black-box-pool",
                    format!(
                        "participant `{}`{} has no process (a black-box pool): its work is not modelled",
                        part.id,
                        name_suffix(&part.name)
                    ),
                    part.pos,
                    None,
                )),
            }
        }
        for mf in &c.message_flows {
            for (end, r) in [("sourceRef", &mf.source_ref), ("targetRef", &mf.target_ref)] {
                if r.is_empty() {
                    out.push(warn(
                        "dangling-ref",
                        format!("message flow `{}` has no {end}", mf.id),
                        mf.pos,
                        None,
                    ));
                } else if !node_proc.contains_key(r.as_str())
                    && !participants.contains(r.as_str())
                    && !known(r)
                {
                    out.push(dangling("message flow", &mf.id, end, r, mf.pos));
                }
            }
        }
        for a in &c.associations {
            check_association(a, &known, &mut out);
        }
    }
    for p in &model.processes {
        for a in &p.associations {
            check_association(a, &known, &mut out);
        }
    }
    // With a collaboration, a process that no participant names has no pool.
    if !model.collaborations.is_empty() {
        let pooled: HashSet<&str> = model
            .collaborations
            .iter()
            .flat_map(|c| c.participants.iter())
            .filter_map(|p| p.process_ref.as_deref())
            .collect();
        for p in &model.processes {
            if !pooled.contains(p.id.as_str()) && !p.flow_nodes.is_empty() {
                out.push(warn(
                    "no-pool",
                    format!(
                        "process `{}`{} is in no pool: no participant has processRef `{}`",
                        p.id,
                        name_suffix(&p.name),
                        p.id
                    ),
                    p.pos,
                    Some("its nodes get no agency from a pool".into()),
                ));
            }
        }
    }
    for (di, d) in model.diagrams.iter().enumerate() {
        if d.plane_element.is_none() {
            out.push(warn(
                "dangling-ref",
                format!(
                    "the plane of diagram `{}` has no bpmnElement",
                    d.id.as_deref().unwrap_or("(no id)")
                ),
                plane_pos.get(di).copied().unwrap_or_default(),
                Some("a plane shows a process or collaboration: name it in bpmnElement".into()),
            ));
        }
        if let Some(pe) = &d.plane_element {
            if !known(pe) {
                out.push(warn(
                    "dangling-ref",
                    format!(
                        "diagram plane refers to `{pe}` (bpmnElement), but no element has that id"
                    ),
                    plane_pos.get(di).copied().unwrap_or_default(),
                    None,
                ));
            }
        }
        for s in &d.shapes {
            check_di(
                &s.bpmn_element,
                "shape",
                s.id.as_deref(),
                s.pos,
                &known,
                &mut out,
            );
        }
        for e in &d.edges {
            check_di(
                &e.bpmn_element,
                "edge",
                e.id.as_deref(),
                e.pos,
                &known,
                &mut out,
            );
        }
    }
    model.diagnostics.extend(out);
}

fn name_suffix(name: &Option<Label>) -> String {
    match name {
        Some(l) if !l.display.is_empty() => format!(" (\"{}\")", l.display),
        _ => String::new(),
    }
}

fn warn(code: &str, message: String, pos: Position, hint: Option<String>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: code.into(),
        message,
        line: pos.line,
        column: pos.column,
        offset: None,
        hint,
    }
}

/// A [`Severity::Note`]: an idiom, not a defect.
fn note(code: &str, message: String, pos: Position, hint: Option<String>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Note,
        ..warn(code, message, pos, hint)
    }
}

fn dangling(what: &str, id: &str, attr: &str, target: &str, pos: Position) -> Diagnostic {
    warn(
        "dangling-ref",
        format!("{what} `{id}` has {attr} `{target}`, but no element has that id"),
        pos,
        None,
    )
}

/// The values of every `id` attribute in the source (any element, any
/// prefix): ids of elements the model does not keep.
fn ids_in_source(src: &str) -> HashSet<&str> {
    let mut out = HashSet::new();
    let bytes = src.as_bytes();
    let mut from = 0;
    while let Some(i) = src[from..].find("id=") {
        let at = from + i;
        from = at + 3;
        // `id` must be a whole attribute name: preceded by whitespace or `:`.
        let before = at.checked_sub(1).map(|j| bytes[j]);
        if !before.is_some_and(|b| b.is_ascii_whitespace() || b == b':') {
            continue;
        }
        let Some(&quote) = bytes.get(at + 3) else {
            break;
        };
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        let start = at + 4;
        if let Some(len) = src[start..].find(quote as char) {
            out.insert(&src[start..start + len]);
            from = start + len;
        }
    }
    out
}

fn check_association(a: &Association, known: &dyn Fn(&str) -> bool, out: &mut Vec<Diagnostic>) {
    for (end, r) in [("sourceRef", &a.source_ref), ("targetRef", &a.target_ref)] {
        if !r.is_empty() && !known(r) {
            out.push(dangling("association", &a.id, end, r, a.pos));
        }
    }
}

fn check_di(
    element: &str,
    what: &str,
    id: Option<&str>,
    pos: Position,
    known: &dyn Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let id = id.unwrap_or("(no id)");
    if element.is_empty() {
        out.push(warn(
            "dangling-ref",
            format!("diagram {what} `{id}` has no bpmnElement"),
            pos,
            None,
        ));
    } else if !known(element) {
        out.push(warn(
            "dangling-ref",
            format!(
                "diagram {what} `{id}` has bpmnElement `{element}`, but no element has that id"
            ),
            pos,
            Some("the diagram shows an element that is not in the model".into()),
        ));
    }
}

fn check_process(
    p: &Process,
    pi: usize,
    node_proc: &HashMap<&str, usize>,
    known: &dyn Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let nodes: HashMap<&str, &FlowNode> = p.flow_nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let flows: HashMap<&str, &SequenceFlow> = p
        .sequence_flows
        .iter()
        .map(|f| (f.id.as_str(), f))
        .collect();
    for n in &p.flow_nodes {
        if n.id.is_empty() {
            out.push(warn(
                "missing-id",
                format!("a `{}` has no id", n.element_name()),
                n.pos,
                Some("other elements cannot refer to it".into()),
            ));
        }
        if let FlowNodeKind::Event {
            kind: EventKind::Boundary,
            attached_to,
            ..
        } = &n.kind
        {
            match attached_to.as_deref() {
                None | Some("") => out.push(warn(
                    "dangling-ref",
                    format!("boundary event `{}` has no attachedToRef", n.id),
                    n.pos,
                    None,
                )),
                Some(a) => match nodes.get(a) {
                    Some(host) if host.is_activity() => {}
                    Some(host) => out.push(warn(
                        "dangling-ref",
                        format!(
                            "boundary event `{}` is attached to `{a}`, a `{}`, not an activity",
                            n.id,
                            host.element_name()
                        ),
                        n.pos,
                        None,
                    )),
                    None => out.push(dangling("boundary event", &n.id, "attachedToRef", a, n.pos)),
                },
            }
        }
        if let Some(d) = &n.default_flow {
            match flows.get(d.as_str()) {
                Some(f) if f.source_ref == n.id => {}
                Some(_) => out.push(warn(
                    "default-not-outgoing",
                    format!(
                        "`{}` names `{d}` as its default flow, but that flow does not leave it",
                        n.id
                    ),
                    n.pos,
                    None,
                )),
                None if !known(d) => {
                    out.push(dangling(n.element_name(), &n.id, "default", d, n.pos))
                }
                None => {}
            }
        }
    }
    for f in &p.sequence_flows {
        let mut ends = [None, None];
        for (i, (end, r)) in [("sourceRef", &f.source_ref), ("targetRef", &f.target_ref)]
            .into_iter()
            .enumerate()
        {
            if r.is_empty() {
                out.push(warn(
                    "dangling-ref",
                    format!("sequence flow `{}` has no {end}", f.id),
                    f.pos,
                    None,
                ));
            } else if let Some(n) = nodes.get(r.as_str()) {
                ends[i] = Some(*n);
            } else if let Some(&other) = node_proc.get(r.as_str()) {
                if other != pi {
                    out.push(warn(
                        "cross-process-flow",
                        format!(
                            "sequence flow `{}` of process `{}` has {end} `{r}`, a node of another process",
                            f.id, p.id
                        ),
                        f.pos,
                        Some("sequence flows stay inside one process (pool); use a message flow between pools".into()),
                    ));
                }
            } else {
                out.push(dangling("sequence flow", &f.id, end, r, f.pos));
            }
        }
        if let [Some(s), Some(t)] = ends {
            let scope_ok = s.parent == t.parent
                || s.parent.as_deref() == Some(t.id.as_str())
                || t.parent.as_deref() == Some(s.id.as_str());
            if !scope_ok {
                out.push(warn(
                    "cross-scope-flow",
                    format!(
                        "sequence flow `{}` connects `{}` and `{}`, which lie in different sub-processes",
                        f.id, s.id, t.id
                    ),
                    f.pos,
                    Some("a sequence flow cannot cross a sub-process boundary".into()),
                ));
            }
        }
    }
    // Lanes.
    let lanes = p.lanes();
    if !lanes.is_empty() {
        let mut in_lane: HashSet<&str> = HashSet::new();
        for (lane, _) in &lanes {
            for r in &lane.flow_node_refs {
                if nodes.contains_key(r.as_str()) {
                    in_lane.insert(r.as_str());
                } else if node_proc.contains_key(r.as_str()) {
                    out.push(warn(
                        "cross-process-flow",
                        format!("lane `{}` lists `{r}`, a node of another process", lane.id),
                        lane.pos,
                        None,
                    ));
                } else if known(r) {
                    out.push(warn(
                        "dangling-ref",
                        format!(
                            "lane `{}` lists `{r}` (flowNodeRef), which is not a flow node",
                            lane.id
                        ),
                        lane.pos,
                        Some("only activities, events and gateways belong in lanes".into()),
                    ));
                } else {
                    out.push(dangling("lane", &lane.id, "flowNodeRef", r, lane.pos));
                }
            }
        }
        if in_lane.is_empty() && !p.flow_nodes.is_empty() {
            let (lane, _) = lanes[0];
            out.push(warn(
                "no-lane",
                format!(
                    "process `{}` has {} lane(s) but no lane lists any flow node (no flowNodeRef)",
                    p.id,
                    lanes.len()
                ),
                lane.pos,
                Some("the exporting tool dropped lane membership; agencies can only come from the pool or the model".into()),
            ));
        }
        for n in &p.flow_nodes {
            // Nodes inside sub-processes take their sub-process's lane.
            // Boundary events go with their host activity.
            let host_in_lane = match &n.kind {
                FlowNodeKind::Event {
                    kind: EventKind::Boundary,
                    attached_to: Some(h),
                    ..
                } => in_lane.contains(h.as_str()),
                _ => false,
            };
            if !in_lane.is_empty()
                && !host_in_lane
                && n.parent.is_none()
                && !n.id.is_empty()
                && !in_lane.contains(n.id.as_str())
            {
                out.push(warn(
                    "no-lane",
                    format!(
                        "`{}` `{}`{} is in no lane, although process `{}` has lanes",
                        n.element_name(),
                        n.id,
                        name_suffix(&n.name),
                        p.id
                    ),
                    n.pos,
                    Some("its agency can only come from the pool or the model".into()),
                ));
            }
        }
    }
    // Data references.
    let objects: HashSet<&str> = p.data_objects.iter().map(|o| o.id.as_str()).collect();
    for r in &p.data_object_refs {
        if let Some(o) = &r.data_object_ref {
            if !objects.contains(o.as_str()) && !known(o) {
                out.push(dangling(
                    "data object reference",
                    &r.id,
                    "dataObjectRef",
                    o,
                    r.pos,
                ));
            }
        }
    }
    for a in &p.data_associations {
        for r in &a.data_refs {
            if !known(r) {
                out.push(dangling("data association", &a.id, "a reference", r, a.pos));
            }
        }
    }
}

/// Every id the model keeps, with its first position.
struct Ids<'m> {
    first: HashMap<&'m str, Position>,
    all: Vec<(&'m str, Position)>,
}

impl<'m> Ids<'m> {
    fn collect(m: &'m Model, root_pos: Position) -> Self {
        let mut all: Vec<(&str, Position)> = Vec::new();
        if let Some(id) = &m.definitions.id {
            all.push((id, root_pos));
        }
        for c in &m.collaborations {
            all.push((&c.id, c.pos));
            all.extend(c.participants.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(c.message_flows.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(c.text_annotations.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(c.associations.iter().map(|x| (x.id.as_str(), x.pos)));
        }
        for p in &m.processes {
            all.push((&p.id, p.pos));
            all.extend(p.flow_nodes.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.sequence_flows.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.lanes().into_iter().map(|(x, _)| (x.id.as_str(), x.pos)));
            all.extend(p.data_objects.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.data_object_refs.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.data_store_refs.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.data_associations.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.text_annotations.iter().map(|x| (x.id.as_str(), x.pos)));
            all.extend(p.associations.iter().map(|x| (x.id.as_str(), x.pos)));
        }
        all.extend(m.data_stores.iter().map(|x| (x.id.as_str(), x.pos)));
        all.extend(m.messages.iter().map(|x| (x.id.as_str(), x.pos)));
        for d in &m.diagrams {
            all.extend(
                d.shapes
                    .iter()
                    .filter_map(|x| Some((x.id.as_deref()?, x.pos))),
            );
            all.extend(
                d.edges
                    .iter()
                    .filter_map(|x| Some((x.id.as_deref()?, x.pos))),
            );
        }
        all.retain(|(id, _)| !id.is_empty());
        all.sort_by_key(|(_, pos)| *pos);
        let mut first = HashMap::with_capacity(all.len());
        for (id, pos) in &all {
            first.entry(*id).or_insert(*pos);
        }
        Ids { first, all }
    }
}

fn duplicate_ids(_m: &Model, ids: &Ids<'_>, out: &mut Vec<Diagnostic>) {
    for (id, pos) in &ids.all {
        if let Some(first) = ids.first.get(id) {
            if first != pos {
                out.push(warn(
                    "duplicate-id",
                    format!(
                        "id `{id}` is used again (first at line {}, column {})",
                        first.line, first.column
                    ),
                    *pos,
                    Some("ids must be unique within a file; references to it are ambiguous".into()),
                ));
            }
        }
    }
}

/// Call activities whose `calledElement` names no process (by id, else by
/// name) in any of `models`: one `dangling-ref` warning per call activity,
/// returned with the index of its model. An empty or absent
/// `calledElement` is reported too.
pub fn unresolved_calls(models: &[&Model]) -> Vec<(usize, Diagnostic)> {
    let mut names: HashSet<&str> = HashSet::new();
    for m in models {
        for p in &m.processes {
            names.insert(p.id.as_str());
            if let Some(n) = &p.name {
                names.insert(n.display.as_str());
            }
        }
    }
    let mut out = Vec::new();
    for (mi, m) in models.iter().enumerate() {
        for (_, n) in m.flow_nodes() {
            if let FlowNodeKind::CallActivity { called_element } = &n.kind {
                match called_element.as_deref().map(str::trim) {
                    None | Some("") => out.push((
                        mi,
                        warn(
                            "dangling-ref",
                            format!("call activity `{}` has no calledElement", n.id),
                            n.pos,
                            None,
                        ),
                    )),
                    Some(c) if !names.contains(c) => out.push((
                        mi,
                        warn(
                            "external-call",
                            format!(
                                "call activity `{}` calls `{c}`, which is no process in the files read",
                                n.id
                            ),
                            n.pos,
                            Some("import the file that defines it to follow the call".into()),
                        ),
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    out
}
