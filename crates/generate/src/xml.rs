//! Renders a built model as BPMN 2.0 XML in its tool's dialect, with diagram
//! interchange (pools and lanes as bands, nodes in columns).

use std::fmt::Write;

use crate::build::{Doc, End, EventDef, Kind, Node};
use crate::plan::Dialect;

const POOL_X: i64 = 100;
const POOL_Y: i64 = 80;
const LANE_H: i64 = 260;
const BLACK_BOX_H: i64 = 100;
const COL_W: i64 = 150;
const CONTENT_X: i64 = POOL_X + 110;
const GAP: i64 = 40;

/// Escapes an attribute value or text node; line breaks become `&#10;`.
pub fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\n', '\r', '\t']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x: i64,
    y: i64,
    w: i64,
    h: i64,
}

impl Rect {
    fn cx(&self) -> i64 {
        self.x + self.w / 2
    }
    fn cy(&self) -> i64 {
        self.y + self.h / 2
    }
    fn right(&self) -> i64 {
        self.x + self.w
    }
    fn bottom(&self) -> i64 {
        self.y + self.h
    }
}

struct Style {
    p: &'static str,
    dc: &'static str,
    di: &'static str,
}

fn style(d: Dialect) -> Style {
    match d {
        Dialect::Camunda => Style {
            p: "bpmn:",
            dc: "dc:",
            di: "di:",
        },
        Dialect::Signavio => Style {
            p: "",
            dc: "omgdc:",
            di: "omgdi:",
        },
        Dialect::Semantic => Style {
            p: "semantic:",
            dc: "dc:",
            di: "di:",
        },
        Dialect::Bpmn2 => Style {
            p: "bpmn2:",
            dc: "dc:",
            di: "di:",
        },
    }
}

fn shape_id(d: Dialect, id: &str) -> String {
    match d {
        Dialect::Camunda => format!("{id}_di"),
        Dialect::Signavio => format!("{id}_gui"),
        Dialect::Semantic => format!("S{id}"),
        Dialect::Bpmn2 => format!("BPMNShape_{id}"),
    }
}

fn edge_id(d: Dialect, id: &str) -> String {
    match d {
        Dialect::Camunda => format!("{id}_di"),
        Dialect::Signavio => format!("{id}_gui"),
        Dialect::Semantic => format!("E{id}"),
        Dialect::Bpmn2 => format!("BPMNEdge_{id}"),
    }
}

/// Geometry of pools, lanes and nodes.
struct Geometry {
    pool: Vec<Rect>,
    lane: Vec<Rect>,
    node: Vec<Rect>,
    data: Vec<Rect>,
    annotation: Vec<Rect>,
}

fn geometry(doc: &Doc) -> Geometry {
    let max_col = doc
        .nodes
        .iter()
        .map(|n| n.col + n.span)
        .chain(doc.data_refs.iter().map(|d| d.col + 1))
        .max()
        .unwrap_or(1) as i64;
    let width = (CONTENT_X - POOL_X) + max_col * COL_W + 60;
    // Top of each process's band.
    let mut process_y = vec![POOL_Y; doc.processes.len()];
    let slots = |p: usize| -> i64 {
        doc.lanes
            .iter()
            .filter(|l| l.process == p)
            .map(|l| (l.slot + l.height) as i64)
            .max()
            .unwrap_or(1)
    };
    let mut pool = Vec::with_capacity(doc.pools.len());
    let mut y = POOL_Y;
    for pl in &doc.pools {
        let h = match pl.process {
            Some(p) => {
                process_y[p] = y;
                slots(p) * LANE_H
            }
            None => BLACK_BOX_H,
        };
        pool.push(Rect {
            x: POOL_X,
            y,
            w: width,
            h,
        });
        y += h + GAP;
    }
    let lane = doc
        .lanes
        .iter()
        .map(|l| {
            let depth = if l.parent.is_some() { 1 } else { 0 };
            let x = POOL_X + 30 + 30 * depth;
            Rect {
                x,
                y: process_y[l.process] + l.slot as i64 * LANE_H,
                w: width - (x - POOL_X),
                h: l.height as i64 * LANE_H,
            }
        })
        .collect::<Vec<_>>();
    let band_y = |process: usize, lane: Option<usize>| -> i64 {
        match lane {
            Some(l) => process_y[process] + doc.lanes[l].slot as i64 * LANE_H,
            None => process_y[process],
        }
    };
    let mut node: Vec<Rect> = Vec::with_capacity(doc.nodes.len());
    for n in &doc.nodes {
        let top = band_y(n.process, n.lane);
        let cx = CONTENT_X + n.col as i64 * COL_W + COL_W / 2;
        let cy = top + if n.row == 0 { 90 } else { 210 };
        let (w, h) = size(n);
        let r = match n.kind {
            Kind::SubProcess => Rect {
                x: CONTENT_X + n.col as i64 * COL_W + 5,
                y: top + 10,
                w: n.span as i64 * COL_W - 10,
                h: 160,
            },
            _ => Rect {
                x: cx - w / 2,
                y: cy - h / 2,
                w,
                h,
            },
        };
        node.push(r);
    }
    for (i, n) in doc.nodes.iter().enumerate() {
        if let Kind::Boundary { host } = n.kind {
            let h = node[host];
            node[i] = Rect {
                x: h.x + 60,
                y: h.bottom() - 18,
                w: 36,
                h: 36,
            };
        }
    }
    let data = doc
        .data_refs
        .iter()
        .map(|d| {
            let top = band_y(d.process, d.lane);
            let cx = CONTENT_X + d.col as i64 * COL_W + COL_W / 2;
            let (w, h) = if d.store.is_some() {
                (50, 50)
            } else {
                (36, 50)
            };
            Rect {
                x: cx - w / 2,
                y: top + 210 - h / 2,
                w,
                h,
            }
        })
        .collect();
    let annotation = doc
        .annotations
        .iter()
        .map(|a| {
            let n = node[a.node];
            let top = band_y(doc.nodes[a.node].process, doc.nodes[a.node].lane);
            Rect {
                x: n.x + 40,
                y: top + 4,
                w: 140,
                h: 36,
            }
        })
        .collect();
    Geometry {
        pool,
        lane,
        node,
        data,
        annotation,
    }
}

fn size(n: &Node) -> (i64, i64) {
    match n.kind {
        Kind::Task(_) | Kind::Call(_) => (100, 80),
        Kind::SubProcess => (100, 160),
        Kind::Exclusive | Kind::Parallel => (50, 50),
        _ => (36, 36),
    }
}

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {
        let _ = write!($dst, $($arg)*);
    };
}

/// The whole file.
pub fn render(doc: &Doc, dialect: Dialect) -> String {
    let st = style(dialect);
    let p = st.p;
    let mut s = String::with_capacity(32 * 1024);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let id = esc(&doc.definitions_id);
    match dialect {
        Dialect::Camunda => {
            w!(s, "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\" id=\"{id}\" targetNamespace=\"http://bpmn.io/schema/bpmn\" exporter=\"Camunda Modeler\" exporterVersion=\"5.31.0\" modeler:executionPlatform=\"Camunda Platform\" modeler:executionPlatformVersion=\"7.22.0\">\n");
        }
        Dialect::Signavio => {
            w!(s, "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:omgdc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:omgdi=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:signavio=\"http://www.signavio.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" exporter=\"Signavio Process Editor, http://www.signavio.com\" exporterVersion=\"19.9.0\" expressionLanguage=\"http://www.w3.org/TR/XPath\" id=\"{id}\" targetNamespace=\"http://www.signavio.com\" typeLanguage=\"http://www.w3.org/2001/XMLSchema\">\n");
        }
        Dialect::Semantic => {
            w!(s, "<semantic:definitions xmlns:semantic=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"{id}\" targetNamespace=\"http://www.trisotech.com/definitions/{id}\" exporter=\"Trisotech Visio Add-in\" exporterVersion=\"5.0.1\">\n");
        }
        Dialect::Bpmn2 => {
            w!(s, "<bpmn2:definitions xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:drools=\"http://www.jboss.org/drools\" id=\"{id}\" targetNamespace=\"http://www.jboss.org/drools\" exporter=\"org.eclipse.bpmn2.modeler.core\" exporterVersion=\"1.5.4.Final\">\n");
        }
    }
    for m in &doc.messages {
        w!(
            s,
            "  <{p}message id=\"{}\" name=\"{}\"/>\n",
            esc(&m.id),
            esc(&m.name)
        );
    }
    for d in &doc.stores {
        w!(
            s,
            "  <{p}dataStore id=\"{}\" name=\"{}\" isUnlimited=\"false\"/>\n",
            esc(&d.id),
            esc(&d.name)
        );
    }
    if let Some(coll) = &doc.collaboration_id {
        w!(s, "  <{p}collaboration id=\"{}\">\n", esc(coll));
        for pl in &doc.pools {
            w!(
                s,
                "    <{p}participant id=\"{}\" name=\"{}\"",
                esc(&pl.id),
                esc(&pl.name)
            );
            if let Some(pr) = pl.process {
                w!(s, " processRef=\"{}\"", esc(&doc.processes[pr].id));
            }
            if dialect == Dialect::Signavio {
                w!(s, ">\n      <extensionElements>\n        <signavio:signavioMetaData metaKey=\"bgcolor\" metaValue=\"#ffffff\"/>\n      </extensionElements>\n    </participant>\n");
            } else {
                s.push_str("/>\n");
            }
        }
        for mf in &doc.message_flows {
            let end = |e: End| match e {
                End::Node(i) => doc.nodes[i].id.as_str(),
                End::Pool(i) => doc.pools[i].id.as_str(),
            };
            w!(s, "    <{p}messageFlow id=\"{}\"", esc(&mf.id));
            if let Some(n) = &mf.name {
                w!(s, " name=\"{}\"", esc(n));
            }
            w!(
                s,
                " sourceRef=\"{}\" targetRef=\"{}\"",
                esc(end(mf.source)),
                esc(end(mf.target))
            );
            if let Some(m) = mf.message {
                w!(s, " messageRef=\"{}\"", esc(&doc.messages[m].id));
            }
            s.push_str("/>\n");
        }
        w!(s, "  </{p}collaboration>\n");
    }
    // Adjacency for incoming/outgoing.
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); doc.nodes.len()];
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); doc.nodes.len()];
    for (i, f) in doc.flows.iter().enumerate() {
        outgoing[f.source].push(i);
        incoming[f.target].push(i);
    }
    for (pi, pr) in doc.processes.iter().enumerate() {
        w!(
            s,
            "  <{p}process id=\"{}\" name=\"{}\" isExecutable=\"false\"",
            esc(&pr.id),
            esc(&pr.name)
        );
        if dialect == Dialect::Bpmn2 {
            s.push_str(" drools:packageName=\"id.go.layanan\" drools:version=\"1.0\"");
        }
        s.push_str(">\n");
        let lanes: Vec<usize> = (0..doc.lanes.len())
            .filter(|&l| doc.lanes[l].process == pi && doc.lanes[l].parent.is_none())
            .collect();
        if !lanes.is_empty() {
            w!(s, "    <{p}laneSet id=\"{}\">\n", esc(&pr.lane_set_id));
            for l in lanes {
                lane_xml(&mut s, doc, l, 3, p, dialect);
            }
            w!(s, "    </{p}laneSet>\n");
        }
        for (i, n) in doc.nodes.iter().enumerate() {
            if n.process == pi && n.parent.is_none() {
                node_xml(&mut s, doc, i, 2, p, dialect, &incoming, &outgoing);
            }
        }
        for d in doc.data_refs.iter().filter(|d| d.process == pi) {
            if let (Some(obj), true) = (&d.object_id, d.declares_object) {
                w!(s, "    <{p}dataObject id=\"{}\"/>\n", esc(obj));
            }
        }
        for d in doc.data_refs.iter().filter(|d| d.process == pi) {
            match (&d.object_id, d.store) {
                (Some(obj), _) => {
                    w!(s, "    <{p}dataObjectReference id=\"{}\" name=\"{}\" dataObjectRef=\"{}\"/>\n", esc(&d.id), esc(&d.name), esc(obj));
                }
                (None, Some(st)) => {
                    w!(
                        s,
                        "    <{p}dataStoreReference id=\"{}\" name=\"{}\" dataStoreRef=\"{}\"/>\n",
                        esc(&d.id),
                        esc(&d.name),
                        esc(&doc.stores[st].id)
                    );
                }
                (None, None) => {}
            }
        }
        for f in doc
            .flows
            .iter()
            .filter(|f| f.process == pi && f.parent.is_none())
        {
            flow_xml(&mut s, doc, f, 2, p);
        }
        for a in doc
            .annotations
            .iter()
            .filter(|a| doc.nodes[a.node].process == pi)
        {
            w!(s, "    <{p}textAnnotation id=\"{}\">\n      <{p}text>{}</{p}text>\n    </{p}textAnnotation>\n", esc(&a.id), esc(&a.text));
            w!(
                s,
                "    <{p}association id=\"{}\" sourceRef=\"{}\" targetRef=\"{}\"/>\n",
                esc(&a.association_id),
                esc(&doc.nodes[a.node].id),
                esc(&a.id)
            );
        }
        w!(s, "  </{p}process>\n");
    }
    if doc.with_diagram {
        diagram_xml(&mut s, doc, dialect, &st);
    }
    w!(s, "</{p}definitions>\n");
    s
}

fn indent(s: &mut String, depth: usize) {
    for _ in 0..depth {
        s.push_str("  ");
    }
}

fn lane_xml(s: &mut String, doc: &Doc, l: usize, depth: usize, p: &str, dialect: Dialect) {
    let lane = &doc.lanes[l];
    indent(s, depth);
    w!(
        s,
        "<{p}lane id=\"{}\" name=\"{}\">\n",
        esc(&lane.id),
        esc(&lane.name)
    );
    if dialect == Dialect::Signavio {
        indent(s, depth + 1);
        s.push_str("<extensionElements>\n");
        indent(s, depth + 2);
        s.push_str("<signavio:signavioMetaData metaKey=\"bgcolor\" metaValue=\"\"/>\n");
        indent(s, depth + 1);
        s.push_str("</extensionElements>\n");
    }
    let children: Vec<usize> = (0..doc.lanes.len())
        .filter(|&c| doc.lanes[c].parent == Some(l))
        .collect();
    for n in &doc.nodes {
        let in_lane = match n.lane {
            Some(nl) => nl == l || doc.lanes[nl].parent == Some(l),
            None => false,
        };
        if in_lane {
            indent(s, depth + 1);
            w!(s, "<{p}flowNodeRef>{}</{p}flowNodeRef>\n", esc(&n.id));
        }
    }
    if !children.is_empty() {
        indent(s, depth + 1);
        w!(s, "<{p}childLaneSet id=\"{}_set\">\n", esc(&lane.id));
        for c in children {
            lane_xml(s, doc, c, depth + 2, p, dialect);
        }
        indent(s, depth + 1);
        w!(s, "</{p}childLaneSet>\n");
    }
    indent(s, depth);
    w!(s, "</{p}lane>\n");
}

fn element_name(k: &Kind) -> &'static str {
    match k {
        Kind::Task(t) => t.element_name(),
        Kind::SubProcess => "subProcess",
        Kind::Call(_) => "callActivity",
        Kind::Start(_) => "startEvent",
        Kind::End(_) => "endEvent",
        Kind::Catch(_) => "intermediateCatchEvent",
        Kind::Boundary { .. } => "boundaryEvent",
        Kind::Exclusive => "exclusiveGateway",
        Kind::Parallel => "parallelGateway",
    }
}

#[allow(clippy::too_many_arguments)]
fn node_xml(
    s: &mut String,
    doc: &Doc,
    i: usize,
    depth: usize,
    p: &str,
    dialect: Dialect,
    incoming: &[Vec<usize>],
    outgoing: &[Vec<usize>],
) {
    let n = &doc.nodes[i];
    let el = element_name(&n.kind);
    indent(s, depth);
    w!(s, "<{p}{el} id=\"{}\"", esc(&n.id));
    if let Some(name) = &n.name {
        w!(s, " name=\"{}\"", esc(name));
    }
    match &n.kind {
        Kind::Call(called) => {
            w!(s, " calledElement=\"{}\"", esc(called));
        }
        Kind::Boundary { host } => {
            w!(
                s,
                " cancelActivity=\"false\" attachedToRef=\"{}\"",
                esc(&doc.nodes[*host].id)
            );
        }
        _ => {}
    }
    if let Some(f) = n.default_flow {
        w!(s, " default=\"{}\"", esc(&doc.flows[f].id));
    }
    s.push_str(">\n");
    let inner = depth + 1;
    if let Some(d) = &n.doc {
        indent(s, inner);
        w!(s, "<{p}documentation>{}</{p}documentation>\n", esc(d));
    }
    let is_task = matches!(n.kind, Kind::Task(_) | Kind::Call(_));
    if is_task
        && dialect != Dialect::Semantic
        && (dialect == Dialect::Signavio || !n.props.is_empty())
    {
        indent(s, inner);
        w!(s, "<{p}extensionElements>\n");
        match dialect {
            Dialect::Signavio => {
                indent(s, inner + 1);
                s.push_str(
                    "<signavio:signavioMetaData metaKey=\"bgcolor\" metaValue=\"#ffffcc\"/>\n",
                );
                for (k, v) in &n.props {
                    indent(s, inner + 1);
                    w!(
                        s,
                        "<signavio:signavioMetaData metaKey=\"{}\" metaValue=\"{}\"/>\n",
                        esc(k),
                        esc(v)
                    );
                }
            }
            Dialect::Camunda => {
                indent(s, inner + 1);
                s.push_str("<camunda:properties>\n");
                for (k, v) in &n.props {
                    indent(s, inner + 2);
                    w!(
                        s,
                        "<camunda:property name=\"{}\" value=\"{}\"/>\n",
                        esc(k),
                        esc(v)
                    );
                }
                indent(s, inner + 1);
                s.push_str("</camunda:properties>\n");
            }
            Dialect::Bpmn2 => {
                for (k, v) in &n.props {
                    indent(s, inner + 1);
                    w!(s, "<drools:metaData name=\"{}\"><drools:metaValue>{}</drools:metaValue></drools:metaData>\n", esc(k), esc(v));
                }
            }
            Dialect::Semantic => {}
        }
        indent(s, inner);
        w!(s, "</{p}extensionElements>\n");
    }
    for &f in &incoming[i] {
        indent(s, inner);
        w!(s, "<{p}incoming>{}</{p}incoming>\n", esc(&doc.flows[f].id));
    }
    for &f in &outgoing[i] {
        indent(s, inner);
        w!(s, "<{p}outgoing>{}</{p}outgoing>\n", esc(&doc.flows[f].id));
    }
    let assocs: Vec<_> = doc
        .data_associations
        .iter()
        .filter(|a| a.node == i)
        .collect();
    for a in assocs.iter().filter(|a| !a.output) {
        indent(s, inner);
        w!(
            s,
            "<{p}property id=\"{}\" name=\"__targetRef_placeholder\"/>\n",
            esc(&a.property_id)
        );
    }
    for a in assocs.iter().filter(|a| !a.output) {
        indent(s, inner);
        w!(s, "<{p}dataInputAssociation id=\"{}\">\n", esc(&a.id));
        indent(s, inner + 1);
        w!(
            s,
            "<{p}sourceRef>{}</{p}sourceRef>\n",
            esc(&doc.data_refs[a.data].id)
        );
        indent(s, inner + 1);
        w!(s, "<{p}targetRef>{}</{p}targetRef>\n", esc(&a.property_id));
        indent(s, inner);
        w!(s, "</{p}dataInputAssociation>\n");
    }
    for a in assocs.iter().filter(|a| a.output) {
        indent(s, inner);
        w!(s, "<{p}dataOutputAssociation id=\"{}\">\n", esc(&a.id));
        indent(s, inner + 1);
        w!(
            s,
            "<{p}targetRef>{}</{p}targetRef>\n",
            esc(&doc.data_refs[a.data].id)
        );
        indent(s, inner);
        w!(s, "</{p}dataOutputAssociation>\n");
    }
    match &n.kind {
        Kind::Start(d) | Kind::End(d) | Kind::Catch(d) => event_definition(s, *d, &n.id, inner, p),
        Kind::Boundary { .. } => event_definition(s, EventDef::Timer, &n.id, inner, p),
        Kind::SubProcess => {
            for (c, cn) in doc.nodes.iter().enumerate() {
                if cn.parent == Some(i) {
                    node_xml(s, doc, c, inner, p, dialect, incoming, outgoing);
                }
            }
            for f in doc.flows.iter().filter(|f| f.parent == Some(i)) {
                flow_xml(s, doc, f, inner, p);
            }
        }
        _ => {}
    }
    indent(s, depth);
    w!(s, "</{p}{el}>\n");
}

fn event_definition(s: &mut String, d: EventDef, node_id: &str, depth: usize, p: &str) {
    let el = match d {
        EventDef::None => return,
        EventDef::Message => "messageEventDefinition",
        EventDef::Timer => "timerEventDefinition",
    };
    indent(s, depth);
    w!(s, "<{p}{el} id=\"{}_ed\"/>\n", esc(node_id));
}

fn flow_xml(s: &mut String, doc: &Doc, f: &crate::build::Flow, depth: usize, p: &str) {
    indent(s, depth);
    w!(s, "<{p}sequenceFlow id=\"{}\"", esc(&f.id));
    if let Some(n) = &f.name {
        w!(s, " name=\"{}\"", esc(n));
    }
    w!(
        s,
        " sourceRef=\"{}\" targetRef=\"{}\"",
        esc(&doc.nodes[f.source].id),
        esc(&doc.nodes[f.target].id)
    );
    match &f.condition {
        Some(c) => {
            s.push_str(">\n");
            indent(s, depth + 1);
            w!(s, "<{p}conditionExpression xsi:type=\"{p}tFormalExpression\">{}</{p}conditionExpression>\n", esc(c));
            indent(s, depth);
            w!(s, "</{p}sequenceFlow>\n");
        }
        None => s.push_str("/>\n"),
    }
}

fn bounds(s: &mut String, st: &Style, r: Rect) {
    w!(
        s,
        "<{}Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        st.dc,
        r.x,
        r.y,
        r.w,
        r.h
    );
}

fn shape(
    s: &mut String,
    dialect: Dialect,
    st: &Style,
    element: &str,
    r: Rect,
    extra: &str,
    label: bool,
) {
    w!(
        s,
        "      <bpmndi:BPMNShape id=\"{}\" bpmnElement=\"{}\"{extra}>\n        ",
        esc(&shape_id(dialect, element)),
        esc(element)
    );
    bounds(s, st, r);
    s.push('\n');
    if label {
        s.push_str("        <bpmndi:BPMNLabel>");
        bounds(
            s,
            st,
            Rect {
                x: r.x - 20,
                y: r.bottom() + 4,
                w: r.w + 40,
                h: 27,
            },
        );
        s.push_str("</bpmndi:BPMNLabel>\n");
    }
    s.push_str("      </bpmndi:BPMNShape>\n");
}

fn edge(s: &mut String, dialect: Dialect, st: &Style, element: &str, points: &[(i64, i64)]) {
    w!(
        s,
        "      <bpmndi:BPMNEdge id=\"{}\" bpmnElement=\"{}\">\n",
        esc(&edge_id(dialect, element)),
        esc(element)
    );
    for (x, y) in points {
        w!(s, "        <{}waypoint x=\"{x}\" y=\"{y}\"/>\n", st.di);
    }
    s.push_str("      </bpmndi:BPMNEdge>\n");
}

fn route(a: Rect, b: Rect) -> Vec<(i64, i64)> {
    if a.cy() == b.cy() && b.x >= a.right() {
        vec![(a.right(), a.cy()), (b.x, b.cy())]
    } else if b.x >= a.right() {
        let mx = (a.right() + b.x) / 2;
        vec![
            (a.right(), a.cy()),
            (mx, a.cy()),
            (mx, b.cy()),
            (b.x, b.cy()),
        ]
    } else {
        let sy = if b.cy() > a.cy() { a.bottom() } else { a.y };
        vec![(a.cx(), sy), (a.cx(), b.cy()), (b.x.min(a.cx()), b.cy())]
    }
}

fn diagram_xml(s: &mut String, doc: &Doc, dialect: Dialect, st: &Style) {
    let g = geometry(doc);
    let plane = doc
        .collaboration_id
        .as_deref()
        .or_else(|| doc.processes.first().map(|p| p.id.as_str()))
        .unwrap_or("");
    s.push_str("  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n");
    w!(
        s,
        "    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"{}\">\n",
        esc(plane)
    );
    for (i, pl) in doc.pools.iter().enumerate() {
        shape(
            s,
            dialect,
            st,
            &pl.id,
            g.pool[i],
            " isHorizontal=\"true\"",
            false,
        );
    }
    for (i, l) in doc.lanes.iter().enumerate() {
        shape(
            s,
            dialect,
            st,
            &l.id,
            g.lane[i],
            " isHorizontal=\"true\"",
            false,
        );
    }
    for (i, n) in doc.nodes.iter().enumerate() {
        let extra = if n.kind == Kind::SubProcess {
            " isExpanded=\"true\""
        } else {
            ""
        };
        let label = n.name.is_some() && !n.kind.is_activity();
        shape(s, dialect, st, &n.id, g.node[i], extra, label);
    }
    for (i, d) in doc.data_refs.iter().enumerate() {
        shape(s, dialect, st, &d.id, g.data[i], "", true);
    }
    for (i, a) in doc.annotations.iter().enumerate() {
        shape(s, dialect, st, &a.id, g.annotation[i], "", false);
    }
    for f in &doc.flows {
        edge(
            s,
            dialect,
            st,
            &f.id,
            &route(g.node[f.source], g.node[f.target]),
        );
    }
    for mf in &doc.message_flows {
        let rect = |e: End| match e {
            End::Node(i) => g.node[i],
            End::Pool(i) => g.pool[i],
        };
        let (a, b) = (rect(mf.source), rect(mf.target));
        let (ax, bx) = match (mf.source, mf.target) {
            (End::Pool(_), _) => (b.cx(), b.cx()),
            (_, End::Pool(_)) => (a.cx(), a.cx()),
            _ => (a.cx(), b.cx()),
        };
        let (ay, by) = if a.cy() < b.cy() {
            (a.bottom(), b.y)
        } else {
            (a.y, b.bottom())
        };
        let my = (ay + by) / 2;
        edge(
            s,
            dialect,
            st,
            &mf.id,
            &[(ax, ay), (ax, my), (bx, my), (bx, by)],
        );
    }
    for a in &doc.data_associations {
        let (n, d) = (g.node[a.node], g.data[a.data]);
        let pts = if a.output {
            [(n.cx(), n.bottom()), (d.cx(), d.y)]
        } else {
            [(d.cx(), d.y), (n.cx(), n.bottom())]
        };
        edge(s, dialect, st, &a.id, &pts);
    }
    for (i, a) in doc.annotations.iter().enumerate() {
        let n = g.node[a.node];
        let t = g.annotation[i];
        edge(
            s,
            dialect,
            st,
            &a.association_id,
            &[(n.cx(), n.y), (t.x, t.bottom())],
        );
    }
    s.push_str("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n");
}
