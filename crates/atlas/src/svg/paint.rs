//! A [`Scene`] drawn as SVG markup in BPMN's visual conventions. Every text
//! from the model goes through [`crate::escape::xml`].

use std::collections::HashMap;
use std::fmt::Write;

use peta_bpmn::{EventDefinition, EventKind, FlowNodeKind, GatewayKind, SubProcessKind, TaskKind};

use super::scene::*;
use crate::escape::xml;
use crate::i18n::Catalogue;

/// What to highlight in a diagram, by flow node id.
#[derive(Debug, Default, Clone)]
pub struct Marks {
    /// Activities that belong to a shared-activity group: id -> link (relative URL) of the group page.
    pub shared: HashMap<String, String>,
    /// Nodes at one end of a handoff: id -> one sentence per handoff.
    pub handoffs: HashMap<String, Vec<String>>,
}

/// Font size of labels, and the average advance of one character at that size
/// (used to wrap text; SVG cannot measure text before it is rendered).
const FONT: f64 = 12.0;
const CHAR_W: f64 = FONT * 0.56;
const LINE_H: f64 = 14.0;

/// Splits `text` into lines no wider than `width` pixels (estimated), at most
/// `max_lines`; the last line ends with `…` when text was cut.
pub fn wrap(text: &str, width: f64, max_lines: usize) -> Vec<String> {
    wrap_px(text, width, max_lines, CHAR_W)
}

/// [`wrap`] for another font: `char_w` is the average advance of one character.
pub fn wrap_px(text: &str, width: f64, max_lines: usize, char_w: f64) -> Vec<String> {
    let per_line = ((width / char_w).floor() as usize).max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let cur_len = cur.chars().count();
            let need = if cur.is_empty() {
                word.len()
            } else {
                cur_len + 1 + word.len()
            };
            if need <= per_line {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.extend(word.iter());
                break;
            }
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            } else {
                // a word longer than a line: break it
                let rest = word.split_off(per_line.min(word.len()));
                lines.push(word.iter().collect());
                word = rest;
                if word.is_empty() {
                    break;
                }
            }
            if lines.len() >= max_lines {
                cut = true;
                break;
            }
        }
        if lines.len() >= max_lines {
            cut = true;
            break;
        }
    }
    if !cur.is_empty() && lines.len() < max_lines {
        lines.push(cur);
    } else if !cur.is_empty() {
        cut = true;
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            chars.truncate(per_line.saturating_sub(1));
            *last = chars.into_iter().collect::<String>() + "…";
        }
    }
    lines
}

fn f(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Centered multi-line text; `top` is the first line's top.
fn text_block(out: &mut String, lines: &[String], cx: f64, top: f64, class: &str) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<text class="{class}" x="{}" y="{}" text-anchor="middle">"#,
        f(cx),
        f(top + FONT - 1.0)
    );
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, r#"<tspan x="{}">{}</tspan>"#, f(cx), xml(l));
        } else {
            let _ = write!(
                out,
                r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                f(cx),
                f(LINE_H),
                xml(l)
            );
        }
    }
    out.push_str("</text>");
}

/// The catalogue key naming a node's kind for screen readers.
pub fn kind_key(kind: &FlowNodeKind) -> &'static str {
    match kind {
        FlowNodeKind::Task(t) => match t {
            TaskKind::Task => "bpmn.task",
            TaskKind::User => "bpmn.userTask",
            TaskKind::Manual => "bpmn.manualTask",
            TaskKind::Service => "bpmn.serviceTask",
            TaskKind::Send => "bpmn.sendTask",
            TaskKind::Receive => "bpmn.receiveTask",
            TaskKind::Script => "bpmn.scriptTask",
            TaskKind::BusinessRule => "bpmn.businessRuleTask",
        },
        FlowNodeKind::SubProcess { kind, .. } => match kind {
            SubProcessKind::Transaction => "bpmn.transaction",
            SubProcessKind::Event => "bpmn.eventSubProcess",
            SubProcessKind::AdHoc => "bpmn.adHocSubProcess",
            SubProcessKind::Embedded => "bpmn.subProcess",
        },
        FlowNodeKind::CallActivity { .. } => "bpmn.callActivity",
        FlowNodeKind::Event { kind, .. } => match kind {
            EventKind::Start => "bpmn.startEvent",
            EventKind::End => "bpmn.endEvent",
            EventKind::IntermediateCatch => "bpmn.intermediateCatchEvent",
            EventKind::IntermediateThrow => "bpmn.intermediateThrowEvent",
            EventKind::Boundary => "bpmn.boundaryEvent",
        },
        FlowNodeKind::Gateway(g) => match g {
            GatewayKind::Exclusive => "bpmn.exclusiveGateway",
            GatewayKind::Inclusive => "bpmn.inclusiveGateway",
            GatewayKind::Parallel => "bpmn.parallelGateway",
            GatewayKind::Complex => "bpmn.complexGateway",
            GatewayKind::EventBased => "bpmn.eventBasedGateway",
        },
    }
}

/// Draws the scene. `svg_id` must be unique in the page (it prefixes marker ids).
pub fn paint(scene: &Scene<'_>, marks: &Marks, t: &Catalogue, svg_id: &str, title: &str) -> String {
    let ext = scene.extent().unwrap_or(Rect::new(0.0, 0.0, 100.0, 60.0));
    let (vx, vy, vw, vh) = (ext.x - 12.0, ext.y - 12.0, ext.w + 24.0, ext.h + 24.0);
    let mut o = String::with_capacity(4096 + scene.nodes.len() * 600);
    let id = xml(svg_id);
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="bpmn" id="{id}" viewBox="{} {} {} {}" width="{}" height="{}" aria-labelledby="{id}-t" data-auto-layout="{}">"#,
        f(vx),
        f(vy),
        f(vw),
        f(vh),
        f(vw),
        f(vh),
        scene.auto_layout
    );
    let _ = write!(o, r#"<title id="{id}-t">{}</title>"#, xml(title));
    let _ = write!(
        o,
        concat!(
            "<defs>",
            r#"<marker id="{id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="m-fill"/></marker>"#,
            r#"<marker id="{id}-open" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="m-open"/></marker>"#,
            r#"<marker id="{id}-line" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10" class="m-line"/></marker>"#,
            r#"<marker id="{id}-circle" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="8" markerHeight="8"><circle cx="5" cy="5" r="4" class="m-open"/></marker>"#,
            r#"<marker id="{id}-diamond" viewBox="0 0 20 10" refX="0" refY="5" markerWidth="14" markerHeight="7" orient="auto"><path d="M0,5 L10,0 L20,5 L10,10 z" class="m-open"/></marker>"#,
            r#"<marker id="{id}-slash" viewBox="0 0 10 10" refX="-6" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M2,9 L8,1" class="m-line"/></marker>"#,
            "</defs>"
        ),
        id = id
    );

    // pools and lanes
    for p in &scene.pools {
        band(
            &mut o,
            "pool",
            &p.id,
            &p.label,
            p.bounds,
            p.horizontal,
            t.get("bpmn.pool"),
        );
    }
    for l in &scene.lanes {
        band(
            &mut o,
            "lane",
            &l.id,
            &l.label,
            l.bounds,
            l.horizontal,
            t.get("bpmn.lane"),
        );
    }
    // containers (expanded sub-processes) under everything else
    for n in scene.nodes.iter().filter(|n| n.expanded) {
        node(&mut o, n, marks, t);
    }
    for e in scene.edges.iter().filter(|e| e.kind != EdgeKind::Message) {
        edge(&mut o, e, &id, t);
    }
    for n in scene.nodes.iter().filter(|n| !n.expanded) {
        node(&mut o, n, marks, t);
    }
    for d in &scene.data {
        data(&mut o, d, t);
    }
    for a in &scene.annotations {
        let b = a.bounds;
        let _ = write!(
            o,
            r#"<g class="annotation"><title>{}: {}</title><path d="M{},{} h-12 v{} h12" class="shape"/>"#,
            xml(t.get("bpmn.textAnnotation")),
            xml(&a.text),
            f(b.x + 12.0),
            f(b.y),
            f(b.h)
        );
        let lines = wrap(
            &a.text,
            b.w.max(60.0) - 8.0,
            ((b.h / LINE_H).floor() as usize).clamp(1, 6),
        );
        let _ = write!(
            o,
            r#"<text class="label" x="{}" y="{}">"#,
            f(b.x + 5.0),
            f(b.y + FONT + 2.0)
        );
        for (i, l) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { LINE_H };
            let _ = write!(
                o,
                r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                f(b.x + 5.0),
                f(dy),
                xml(l)
            );
        }
        o.push_str("</text></g>");
    }
    for e in scene.edges.iter().filter(|e| e.kind == EdgeKind::Message) {
        edge(&mut o, e, &id, t);
    }
    o.push_str("</svg>");
    o
}

fn band(o: &mut String, class: &str, id: &str, label: &str, b: Rect, horizontal: bool, kind: &str) {
    let _ = write!(
        o,
        r#"<g class="{class}" data-id="{}"><title>{}: {}</title><rect x="{}" y="{}" width="{}" height="{}" class="shape"/>"#,
        xml(id),
        xml(kind),
        xml(label),
        f(b.x),
        f(b.y),
        f(b.w),
        f(b.h)
    );
    if horizontal {
        let _ = write!(
            o,
            r#"<path d="M{},{} v{}" class="header"/>"#,
            f(b.x + 30.0),
            f(b.y),
            f(b.h)
        );
        let lines = wrap(label, (b.h - 10.0).max(30.0), 2);
        let cx = b.x + 15.0 - (lines.len().saturating_sub(1)) as f64 * LINE_H / 2.0;
        let cy = b.cy();
        let _ = write!(o, r#"<g transform="rotate(-90 {} {})">"#, f(cx), f(cy));
        text_block(o, &lines, cx, cy - FONT / 2.0 - 1.0, "band-label");
        o.push_str("</g>");
    } else {
        let _ = write!(
            o,
            r#"<path d="M{},{} h{}" class="header"/>"#,
            f(b.x),
            f(b.y + 30.0),
            f(b.w)
        );
        let lines = wrap(label, (b.w - 10.0).max(30.0), 2);
        text_block(o, &lines, b.cx(), b.y + 4.0, "band-label");
    }
    o.push_str("</g>");
}

fn node(o: &mut String, n: &NodeBox<'_>, marks: &Marks, t: &Catalogue) {
    let node = n.node;
    let b = n.bounds;
    let label = node.label();
    let shared = marks.shared.get(&node.id);
    let handoffs = marks.handoffs.get(&node.id);
    let (family, sub) = match &node.kind {
        FlowNodeKind::Task(k) => ("activity task", k_str(kind_key(&FlowNodeKind::Task(*k)))),
        FlowNodeKind::SubProcess { .. } => ("activity subprocess", k_str(kind_key(&node.kind))),
        FlowNodeKind::CallActivity { .. } => ("activity call", "callActivity"),
        FlowNodeKind::Event { kind, .. } => (
            "event",
            k_str(kind_key(&FlowNodeKind::Event {
                kind: *kind,
                definitions: vec![],
                attached_to: None,
                cancel_activity: true,
            })),
        ),
        FlowNodeKind::Gateway(_) => ("gateway", k_str(kind_key(&node.kind))),
    };
    let mut classes = format!("node {family} {sub}");
    if shared.is_some() {
        classes.push_str(" shared");
    }
    if handoffs.is_some() {
        classes.push_str(" handoff");
    }
    if n.nested {
        classes.push_str(" nested");
    }
    if n.expanded {
        classes.push_str(" expanded");
    }
    if let Some(href) = shared {
        let _ = write!(o, r#"<a href="{}" class="node-link">"#, xml(href));
    }
    let _ = write!(
        o,
        r#"<g class="{classes}" data-node-id="{}" id="d-{}">"#,
        xml(&node.id),
        crate::names::file_stem(&node.id)
    );
    // title for screen readers
    let mut title = format!(
        "{}: {}",
        t.get(kind_key(&node.kind)),
        if label.is_empty() {
            t.get("diagram.unnamed")
        } else {
            label
        }
    );
    if shared.is_some() {
        title.push_str(" — ");
        title.push_str(t.get("diagram.shared"));
    }
    for h in handoffs.into_iter().flatten() {
        title.push_str(" — ");
        title.push_str(h);
    }
    let _ = write!(o, "<title>{}</title>", xml(&title));

    match &node.kind {
        FlowNodeKind::Task(_)
        | FlowNodeKind::SubProcess { .. }
        | FlowNodeKind::CallActivity { .. } => {
            let _ = write!(
                o,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="10" class="shape"/>"#,
                f(b.x),
                f(b.y),
                f(b.w),
                f(b.h)
            );
            if let FlowNodeKind::SubProcess {
                kind: SubProcessKind::Transaction,
                ..
            } = node.kind
            {
                let _ = write!(
                    o,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="7" class="inner"/>"#,
                    f(b.x + 3.0),
                    f(b.y + 3.0),
                    f((b.w - 6.0).max(0.0)),
                    f((b.h - 6.0).max(0.0))
                );
            }
            if let FlowNodeKind::Task(k) = node.kind {
                task_icon(o, k, b.x + 6.0, b.y + 6.0);
            }
            if matches!(node.kind, FlowNodeKind::SubProcess { .. }) && !n.expanded {
                let (mx, my) = (b.cx() - 7.0, b.bottom() - 16.0);
                let _ = write!(
                    o,
                    r#"<rect x="{}" y="{}" width="14" height="14" class="marker-box"/><path d="M{},{} h8 M{},{} v8" class="marker-line"/>"#,
                    f(mx),
                    f(my),
                    f(mx + 3.0),
                    f(my + 7.0),
                    f(mx + 7.0),
                    f(my + 3.0)
                );
            }
            if let FlowNodeKind::SubProcess {
                kind: SubProcessKind::AdHoc,
                ..
            } = node.kind
            {
                let _ = write!(
                    o,
                    r#"<text x="{}" y="{}" class="marker-text" text-anchor="middle">~</text>"#,
                    f(b.cx() + 16.0),
                    f(b.bottom() - 4.0)
                );
            }
            if n.expanded {
                let lines = wrap(label, (b.w - 16.0).max(40.0), 2);
                let _ = write!(
                    o,
                    r#"<text class="label" x="{}" y="{}">"#,
                    f(b.x + 8.0),
                    f(b.y + 16.0)
                );
                for (i, l) in lines.iter().enumerate() {
                    let dy = if i == 0 { 0.0 } else { LINE_H };
                    let _ = write!(
                        o,
                        r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                        f(b.x + 8.0),
                        f(dy),
                        xml(l)
                    );
                }
                o.push_str("</text>");
            } else {
                let avail = (b.h - 20.0).max(LINE_H);
                let max_lines = ((avail / LINE_H).floor() as usize).clamp(1, 5);
                let lines = wrap(label, (b.w - 12.0).max(30.0), max_lines);
                let top = b.cy() - lines.len() as f64 * LINE_H / 2.0
                    + if matches!(node.kind, FlowNodeKind::SubProcess { .. }) {
                        -4.0
                    } else {
                        2.0
                    };
                text_block(o, &lines, b.cx(), top, "label");
            }
        }
        FlowNodeKind::Event {
            kind,
            definitions,
            cancel_activity,
            ..
        } => {
            let r = (b.w.min(b.h) / 2.0).max(4.0);
            let (cx, cy) = (b.cx(), b.cy());
            let dashed = *kind == EventKind::Boundary && !cancel_activity;
            let cls = if dashed { "shape dashed" } else { "shape" };
            let _ = write!(
                o,
                r#"<circle cx="{}" cy="{}" r="{}" class="{cls}"/>"#,
                f(cx),
                f(cy),
                f(r)
            );
            if matches!(
                kind,
                EventKind::IntermediateCatch | EventKind::IntermediateThrow | EventKind::Boundary
            ) {
                let _ = write!(
                    o,
                    r#"<circle cx="{}" cy="{}" r="{}" class="inner{}"/>"#,
                    f(cx),
                    f(cy),
                    f(r - 3.0),
                    if dashed { " dashed" } else { "" }
                );
            }
            let filled = matches!(kind, EventKind::End | EventKind::IntermediateThrow);
            if let Some(d) = definitions.first() {
                event_icon(o, *d, cx, cy, r, filled);
            }
            outside_label(o, label, b, n.label_bounds);
        }
        FlowNodeKind::Gateway(g) => {
            let (cx, cy) = (b.cx(), b.cy());
            let _ = write!(
                o,
                r#"<path d="M{},{} L{},{} L{},{} L{},{} z" class="shape"/>"#,
                f(cx),
                f(b.y),
                f(b.right()),
                f(cy),
                f(cx),
                f(b.bottom()),
                f(b.x),
                f(cy)
            );
            let s = b.w.min(b.h) * 0.2;
            match g {
                GatewayKind::Exclusive => {
                    let _ = write!(
                        o,
                        r#"<path d="M{},{} L{},{} M{},{} L{},{}" class="glyph"/>"#,
                        f(cx - s),
                        f(cy - s),
                        f(cx + s),
                        f(cy + s),
                        f(cx + s),
                        f(cy - s),
                        f(cx - s),
                        f(cy + s)
                    );
                }
                GatewayKind::Parallel => {
                    let s = s * 1.3;
                    let _ = write!(
                        o,
                        r#"<path d="M{},{} L{},{} M{},{} L{},{}" class="glyph"/>"#,
                        f(cx - s),
                        f(cy),
                        f(cx + s),
                        f(cy),
                        f(cx),
                        f(cy - s),
                        f(cx),
                        f(cy + s)
                    );
                }
                GatewayKind::Inclusive => {
                    let _ = write!(
                        o,
                        r#"<circle cx="{}" cy="{}" r="{}" class="glyph-o"/>"#,
                        f(cx),
                        f(cy),
                        f(s * 1.2)
                    );
                }
                GatewayKind::Complex => {
                    let s = s * 1.3;
                    let d = s * 0.7;
                    let _ = write!(
                        o,
                        r#"<path d="M{},{} L{},{} M{},{} L{},{} M{},{} L{},{} M{},{} L{},{}" class="glyph"/>"#,
                        f(cx - s),
                        f(cy),
                        f(cx + s),
                        f(cy),
                        f(cx),
                        f(cy - s),
                        f(cx),
                        f(cy + s),
                        f(cx - d),
                        f(cy - d),
                        f(cx + d),
                        f(cy + d),
                        f(cx + d),
                        f(cy - d),
                        f(cx - d),
                        f(cy + d)
                    );
                }
                GatewayKind::EventBased => {
                    let r = s * 1.5;
                    let _ = write!(
                        o,
                        r#"<circle cx="{}" cy="{}" r="{}" class="glyph-o thin"/><circle cx="{}" cy="{}" r="{}" class="glyph-o thin"/>"#,
                        f(cx),
                        f(cy),
                        f(r),
                        f(cx),
                        f(cy),
                        f(r - 2.5)
                    );
                    pentagon(o, cx, cy, r * 0.55, "glyph-o thin");
                }
            }
            outside_label(o, label, b, n.label_bounds);
        }
    }
    // badges: a symbol as well as a colour, so the mark does not rely on colour alone
    let (bx, by) = (b.right(), b.y);
    if shared.is_some() {
        let _ = write!(
            o,
            r#"<g class="badge badge-shared" aria-hidden="true"><circle cx="{}" cy="{}" r="8"/><path d="M{},{} h8 M{},{} h8 M{},{} h8"/></g>"#,
            f(bx - 2.0),
            f(by + 2.0),
            f(bx - 6.0),
            f(by - 1.0),
            f(bx - 6.0),
            f(by + 2.0),
            f(bx - 6.0),
            f(by + 5.0)
        );
    }
    if handoffs.is_some() {
        let hx = if shared.is_some() {
            bx - 22.0
        } else {
            bx - 2.0
        };
        let _ = write!(
            o,
            r#"<g class="badge badge-handoff" aria-hidden="true"><circle cx="{}" cy="{}" r="8"/><path d="M{},{} h8 l-3,-3 M{},{} h-8 l3,3"/></g>"#,
            f(hx),
            f(by + 2.0),
            f(hx - 4.0),
            f(by - 1.0),
            f(hx + 4.0),
            f(by + 5.0)
        );
    }
    o.push_str("</g>");
    if shared.is_some() {
        o.push_str("</a>");
    }
}

fn k_str(key: &'static str) -> &'static str {
    key.strip_prefix("bpmn.").unwrap_or(key)
}

fn outside_label(o: &mut String, label: &str, b: Rect, lb: Option<Rect>) {
    if label.is_empty() {
        return;
    }
    match lb {
        Some(l) if l.w > 4.0 => {
            let lines = wrap(label, l.w.max(60.0), 4);
            text_block(o, &lines, l.cx(), l.y, "label small");
        }
        _ => {
            let lines = wrap(label, 110.0, 3);
            text_block(o, &lines, b.cx(), b.bottom() + 3.0, "label small");
        }
    }
}

fn pentagon(o: &mut String, cx: f64, cy: f64, r: f64, class: &str) {
    let mut d = String::new();
    for i in 0..5 {
        let a = -std::f64::consts::FRAC_PI_2 + i as f64 * 2.0 * std::f64::consts::PI / 5.0;
        let _ = write!(
            d,
            "{}{},{} ",
            if i == 0 { "M" } else { "L" },
            f(cx + r * a.cos()),
            f(cy + r * a.sin())
        );
    }
    let _ = write!(o, r#"<path d="{}z" class="{class}"/>"#, d);
}

fn task_icon(o: &mut String, k: TaskKind, x: f64, y: f64) {
    let p = |dx: f64, dy: f64| format!("{},{}", f(x + dx), f(y + dy));
    let icon = match k {
        TaskKind::Task => return,
        TaskKind::User => format!(
            r#"<circle cx="{}" cy="{}" r="3.5"/><path d="M{} C{} {} {} Z"/>"#,
            f(x + 8.0),
            f(y + 5.0),
            p(1.0, 16.0),
            p(1.0, 9.0),
            p(15.0, 9.0),
            p(15.0, 16.0)
        ),
        TaskKind::Manual => format!(
            r#"<path d="M{} h7 M{} h9 M{} h9 M{} h8 M{} v8 h10"/>"#,
            p(2.0, 5.0),
            p(2.0, 8.0),
            p(2.0, 11.0),
            p(2.0, 14.0),
            p(2.0, 5.0)
        ),
        TaskKind::Service => format!(
            r#"<circle cx="{}" cy="{}" r="5"/><circle cx="{}" cy="{}" r="2"/><path d="M{} v3 M{} v-3 M{} h3 M{} h-3"/>"#,
            f(x + 8.0),
            f(y + 8.0),
            f(x + 8.0),
            f(y + 8.0),
            p(8.0, 0.0),
            p(8.0, 16.0),
            p(0.0, 8.0),
            p(16.0, 8.0)
        ),
        TaskKind::Send => format!(
            r#"<rect x="{}" y="{}" width="16" height="11" class="fill"/><path d="M{} L{} L{}" class="cut"/>"#,
            f(x),
            f(y + 2.0),
            p(0.0, 2.0),
            p(8.0, 8.0),
            p(16.0, 2.0)
        ),
        TaskKind::Receive => format!(
            r#"<rect x="{}" y="{}" width="16" height="11"/><path d="M{} L{} L{}"/>"#,
            f(x),
            f(y + 2.0),
            p(0.0, 2.0),
            p(8.0, 8.0),
            p(16.0, 2.0)
        ),
        TaskKind::Script => format!(
            r#"<path d="M{} h10 c-4,4 4,8 0,14 h-10 c4,-6 -4,-10 0,-14 z M{} h6 M{} h6 M{} h6"/>"#,
            p(3.0, 1.0),
            p(5.0, 5.0),
            p(6.0, 8.5),
            p(6.0, 12.0)
        ),
        TaskKind::BusinessRule => format!(
            r#"<rect x="{}" y="{}" width="16" height="12"/><path d="M{} h16 M{} h16 M{} v8"/>"#,
            f(x),
            f(y + 2.0),
            p(0.0, 6.0),
            p(0.0, 10.0),
            p(5.0, 6.0)
        ),
    };
    let _ = write!(o, r#"<g class="icon">{icon}</g>"#);
}

fn event_icon(o: &mut String, d: EventDefinition, cx: f64, cy: f64, r: f64, filled: bool) {
    let s = r * 0.5;
    let cls = if filled { "icon filled" } else { "icon" };
    let p = |dx: f64, dy: f64| format!("{},{}", f(cx + dx * s), f(cy + dy * s));
    let body = match d {
        EventDefinition::Message => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}"/><path d="M{} L{} L{}" class="cut"/>"#,
            f(cx - s),
            f(cy - s * 0.7),
            f(2.0 * s),
            f(1.4 * s),
            p(-1.0, -0.7),
            p(0.0, 0.1),
            p(1.0, -0.7)
        ),
        EventDefinition::Timer => format!(
            r#"<circle cx="{}" cy="{}" r="{}" class="open"/><path d="M{} L{} L{}" class="open"/>"#,
            f(cx),
            f(cy),
            f(s * 1.2),
            p(0.0, -0.9),
            p(0.0, 0.0),
            p(0.6, 0.3)
        ),
        EventDefinition::Error => format!(
            r#"<path d="M{} L{} L{} L{} L{} L{} z"/>"#,
            p(-0.9, 0.9),
            p(-0.4, -0.8),
            p(0.2, 0.2),
            p(0.9, -0.9),
            p(0.4, 0.8),
            p(-0.2, -0.2)
        ),
        EventDefinition::Escalation => format!(
            r#"<path d="M{} L{} L{} L{} z"/>"#,
            p(0.0, -1.0),
            p(0.8, 0.9),
            p(0.0, 0.3),
            p(-0.8, 0.9)
        ),
        EventDefinition::Cancel => format!(
            r#"<path d="M{} L{} M{} L{}" class="open thick"/>"#,
            p(-0.8, -0.8),
            p(0.8, 0.8),
            p(0.8, -0.8),
            p(-0.8, 0.8)
        ),
        EventDefinition::Compensate => format!(
            r#"<path d="M{} L{} L{} z M{} L{} L{} z"/>"#,
            p(-1.0, 0.0),
            p(0.0, -0.7),
            p(0.0, 0.7),
            p(0.0, 0.0),
            p(1.0, -0.7),
            p(1.0, 0.7)
        ),
        EventDefinition::Conditional => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" class="open"/><path d="M{} h{} M{} h{} M{} h{}" class="open"/>"#,
            f(cx - s * 0.7),
            f(cy - s),
            f(1.4 * s),
            f(2.0 * s),
            p(-0.5, -0.5),
            f(s),
            p(-0.5, 0.0),
            f(s),
            p(-0.5, 0.5),
            f(s)
        ),
        EventDefinition::Link => format!(
            r#"<path d="M{} h{} v-{} L{} L{} v-{} h-{} z"/>"#,
            p(-1.0, -0.35),
            f(s),
            f(s * 0.4),
            p(1.0, 0.0),
            p(0.0, 0.75),
            f(s * 0.4),
            f(s)
        ),
        EventDefinition::Signal => format!(
            r#"<path d="M{} L{} L{} z"/>"#,
            p(0.0, -1.0),
            p(0.9, 0.7),
            p(-0.9, 0.7)
        ),
        EventDefinition::Terminate => format!(
            r#"<circle cx="{}" cy="{}" r="{}" class="solid"/>"#,
            f(cx),
            f(cy),
            f(s * 1.2)
        ),
    };
    let _ = write!(o, r#"<g class="{cls}">{body}</g>"#);
}

fn data(o: &mut String, d: &DataBox, t: &Catalogue) {
    let b = d.bounds;
    let (key, class) = match d.kind {
        DataKind::Object { .. } => ("bpmn.dataObject", "data object"),
        DataKind::Store => ("bpmn.dataStore", "data store"),
    };
    let label = if d.label.is_empty() {
        t.get("diagram.unnamed")
    } else {
        &d.label
    };
    let _ = write!(
        o,
        r#"<g class="{class}" data-id="{}"><title>{}: {}</title>"#,
        xml(&d.id),
        xml(t.get(key)),
        xml(label)
    );
    match d.kind {
        DataKind::Object { collection } => {
            let fold = (b.w * 0.3).min(12.0);
            let _ = write!(
                o,
                r#"<path d="M{},{} h{} l{},{} v{} h-{} z" class="shape"/><path d="M{},{} v{} h{}" class="inner"/>"#,
                f(b.x),
                f(b.y),
                f(b.w - fold),
                f(fold),
                f(fold),
                f(b.h - fold),
                f(b.w),
                f(b.right() - fold),
                f(b.y),
                f(fold),
                f(fold)
            );
            if collection {
                let x0 = b.cx() - 5.0;
                let y0 = b.bottom() - 12.0;
                let _ = write!(
                    o,
                    r#"<path d="M{},{} v9 M{},{} v9 M{},{} v9" class="glyph thin"/>"#,
                    f(x0),
                    f(y0),
                    f(x0 + 5.0),
                    f(y0),
                    f(x0 + 10.0),
                    f(y0)
                );
            }
        }
        DataKind::Store => {
            let ry = (b.h * 0.15).min(8.0);
            let _ = write!(
                o,
                r#"<path d="M{},{} a{},{} 0 0 0 {},0 a{},{} 0 0 0 -{},0 v{} a{},{} 0 0 0 {},0 v-{}" class="shape"/>"#,
                f(b.x),
                f(b.y + ry),
                f(b.w / 2.0),
                f(ry),
                f(b.w),
                f(b.w / 2.0),
                f(ry),
                f(b.w),
                f(b.h - 2.0 * ry),
                f(b.w / 2.0),
                f(ry),
                f(b.w),
                f(b.h - 2.0 * ry)
            );
            let _ = write!(
                o,
                r#"<path d="M{},{} a{},{} 0 0 0 {},0" class="inner"/>"#,
                f(b.x),
                f(b.y + ry + 5.0),
                f(b.w / 2.0),
                f(ry),
                f(b.w)
            );
        }
    }
    if !d.label.is_empty() {
        match d.label_bounds {
            Some(l) if l.w > 4.0 => text_block(
                o,
                &wrap(&d.label, l.w.max(60.0), 3),
                l.cx(),
                l.y,
                "label small",
            ),
            _ => text_block(
                o,
                &wrap(&d.label, 100.0, 3),
                b.cx(),
                b.bottom() + 3.0,
                "label small",
            ),
        }
    }
    o.push_str("</g>");
}

fn edge(o: &mut String, e: &EdgeLine, id: &str, t: &Catalogue) {
    let mut d = String::new();
    for (i, (x, y)) in e.points.iter().enumerate() {
        let _ = write!(d, "{}{},{}", if i == 0 { "M" } else { " L" }, f(*x), f(*y));
    }
    let (class, start, end, key) = match e.kind {
        EdgeKind::Sequence {
            default,
            conditional,
        } => (
            "flow sequence",
            if default {
                Some("slash")
            } else if conditional {
                Some("diamond")
            } else {
                None
            },
            Some("arrow"),
            "bpmn.sequenceFlow",
        ),
        EdgeKind::Message => (
            "flow message",
            Some("circle"),
            Some("open"),
            "bpmn.messageFlow",
        ),
        EdgeKind::Association => ("flow association", None, None, "bpmn.association"),
        EdgeKind::DataAssociation => (
            "flow data-association",
            None,
            Some("line"),
            "bpmn.dataAssociation",
        ),
    };
    let _ = write!(
        o,
        r#"<g class="{class}" data-id="{}"><title>{}{}{}</title><path d="{d}""#,
        xml(&e.id),
        xml(t.get(key)),
        if e.label.is_some() { ": " } else { "" },
        xml(e.label.as_deref().unwrap_or(""))
    );
    if let Some(s) = start {
        let _ = write!(o, r#" marker-start="url(#{id}-{s})""#);
    }
    if let Some(s) = end {
        let _ = write!(o, r#" marker-end="url(#{id}-{s})""#);
    }
    o.push_str("/>");
    if let Some(label) = e.label.as_deref().filter(|l| !l.is_empty()) {
        match e.label_bounds {
            Some(l) if l.w > 4.0 => text_block(
                o,
                &wrap(label, l.w.max(50.0), 3),
                l.cx(),
                l.y,
                "label small halo",
            ),
            _ => {
                // middle of the longest segment
                let (mut best, mut len) = (0usize, -1.0);
                for i in 1..e.points.len() {
                    let (a, b) = (e.points[i - 1], e.points[i]);
                    let l = (a.0 - b.0).hypot(a.1 - b.1);
                    if l > len {
                        best = i;
                        len = l;
                    }
                }
                let (a, b) = (e.points[best - 1], e.points[best]);
                let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                text_block(o, &wrap(label, 90.0, 2), mx, my - 16.0, "label small halo");
            }
        }
    }
    o.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_cuts() {
        let l = wrap(
            "Verifikasi kelengkapan berkas usulan penetapan NIP",
            100.0,
            3,
        );
        assert!(l.len() <= 3);
        assert!(l
            .iter()
            .all(|s| s.chars().count() <= (100.0 / CHAR_W) as usize));
        let cut = wrap(&"kata ".repeat(100), 60.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert_eq!(wrap("", 100.0, 3), Vec::<String>::new());
        let long = wrap(&"x".repeat(50), 60.0, 10);
        assert!(long.len() > 1);
    }
}
