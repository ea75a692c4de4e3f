//! The automatic layout for models without diagram interchange: lane-aware
//! and layered.
//!
//! 1. **Bands.** Every pool (participant) is a horizontal band; inside it each
//!    leaf lane is a sub-band, plus one for nodes in no lane. A process
//!    without a pool is drawn as its lanes alone.
//! 2. **Layers.** Flow nodes get a column by longest path over the sequence
//!    flows (back edges found by depth-first search are ignored, so cycles
//!    lay out left to right). A flow leaving a boundary event counts from its
//!    host; a sub-process's content comes after the sub-process.
//! 3. **Order.** Nodes sharing a band and a column stack vertically, ordered
//!    by the barycenter of their neighbours, in two down-and-up sweeps
//!    (the usual heuristic for fewer crossings).
//! 4. **Lines.** Sequence flows are orthogonal, with their vertical segment in
//!    the gutter before the target's column; flows that go back run under
//!    the shapes. Message flows run vertically between bands.
//!
//! Data objects, data stores and text annotations sit in a row under the
//! band of the first activity they are associated with.

use std::collections::{HashMap, HashSet};

use peta_bpmn::{EventKind, FlowNode, FlowNodeKind, Model};

use super::scene::*;

/// Column pitch.
const COL: f64 = 160.0;
/// Row pitch within a band.
const ROW: f64 = 100.0;
/// Height of the row for data and annotations.
const DATA_ROW: f64 = 80.0;
/// Width of a pool's or lane's label strip.
const HEADER: f64 = 30.0;
/// Empty space inside a band, left of the first column.
const PAD: f64 = 20.0;

fn size(n: &FlowNode) -> (f64, f64) {
    match n.kind {
        FlowNodeKind::Event { .. } => (36.0, 36.0),
        FlowNodeKind::Gateway(_) => (50.0, 50.0),
        _ => (110.0, 70.0),
    }
}

fn label(l: &Option<peta_bpmn::Label>) -> String {
    l.as_ref().map(|l| l.display.clone()).unwrap_or_default()
}

struct Band {
    pool: Option<usize>,
    lane: Option<(String, String)>,
    has_data: bool,
    y: f64,
    h: f64,
}

struct PoolSpec {
    id: String,
    label: String,
}

/// Lays out the whole model (every process and pool) as one scene.
pub fn scene(model: &Model) -> Scene<'_> {
    let mut sc = Scene {
        auto_layout: true,
        ..Scene::default()
    };
    // ---- bands
    let mut pools: Vec<PoolSpec> = Vec::new();
    let mut bands: Vec<Band> = Vec::new();
    // node id -> band
    let mut band_of: HashMap<&str, usize> = HashMap::new();
    let mut nodes: Vec<&FlowNode> = Vec::new();
    let mut drawn_processes: HashSet<&str> = HashSet::new();
    for p in &model.processes {
        if !drawn_processes.insert(&p.id) {
            continue;
        }
        let pool = model.participant_of(&p.id).map(|part| {
            pools.push(PoolSpec {
                id: part.id.clone(),
                label: label(&part.name),
            });
            pools.len() - 1
        });
        let first_band = bands.len();
        let mut leaf_band: HashMap<&str, usize> = HashMap::new();
        for (lane, _) in p.lanes() {
            if lane.child_lanes.iter().all(|s| s.lanes.is_empty()) {
                leaf_band.insert(&lane.id, bands.len());
                bands.push(Band {
                    pool,
                    lane: Some((lane.id.clone(), label(&lane.name))),
                    has_data: false,
                    y: 0.0,
                    h: 0.0,
                });
            }
        }
        let mut unlaned: Option<usize> = None;
        // the lane band of a node, looking through enclosing sub-processes
        let lane_band = |id: &str| -> Option<usize> {
            let mut cur = p.node(id);
            let mut guard = 0;
            while let Some(n) = cur {
                if let Some(l) = p.lane_of(&n.id) {
                    if let Some(b) = leaf_band.get(l.id.as_str()) {
                        return Some(*b);
                    }
                }
                guard += 1;
                if guard > 64 {
                    break;
                }
                cur = n.parent.as_deref().and_then(|pid| p.node(pid));
            }
            None
        };
        for n in &p.flow_nodes {
            let b = match lane_band(&n.id) {
                Some(b) => b,
                None => *unlaned.get_or_insert_with(|| {
                    bands.push(Band {
                        pool,
                        lane: None,
                        has_data: false,
                        y: 0.0,
                        h: 0.0,
                    });
                    bands.len() - 1
                }),
            };
            band_of.insert(&n.id, b);
            nodes.push(n);
        }
        if bands.len() == first_band && pool.is_some() {
            bands.push(Band {
                pool,
                lane: None,
                has_data: false,
                y: 0.0,
                h: 0.0,
            });
        }
    }
    // Pools without a process (black boxes).
    for c in &model.collaborations {
        for part in &c.participants {
            let has_process = part
                .process_ref
                .as_deref()
                .is_some_and(|r| model.processes.iter().any(|p| p.id == r));
            if !has_process && !pools.iter().any(|p| p.id == part.id) {
                pools.push(PoolSpec {
                    id: part.id.clone(),
                    label: label(&part.name),
                });
                bands.push(Band {
                    pool: Some(pools.len() - 1),
                    lane: None,
                    has_data: false,
                    y: 0.0,
                    h: 0.0,
                });
            }
        }
    }

    // ---- graph over placed nodes (boundary events ride on their host)
    let idx: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let host_of = |n: &FlowNode| -> Option<usize> {
        match &n.kind {
            FlowNodeKind::Event {
                kind: EventKind::Boundary,
                attached_to: Some(h),
                ..
            } => idx.get(h.as_str()).copied(),
            _ => None,
        }
    };
    let placed: Vec<bool> = nodes.iter().map(|n| host_of(n).is_none()).collect();
    let anchor = |i: usize| -> usize { host_of(nodes[i]).unwrap_or(i) };
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut flows: Vec<(usize, usize, &peta_bpmn::SequenceFlow)> = Vec::new();
    for p in &model.processes {
        for f in &p.sequence_flows {
            if let (Some(&s), Some(&t)) = (
                idx.get(f.source_ref.as_str()),
                idx.get(f.target_ref.as_str()),
            ) {
                flows.push((s, t, f));
                let (a, b) = (anchor(s), anchor(t));
                if a != b {
                    succ[a].push(b);
                }
            }
        }
    }
    // sub-process content after its sub-process
    let has_inner_pred: HashSet<usize> = flows
        .iter()
        .filter(|(s, t, _)| nodes[*s].parent.is_some() && nodes[*s].parent == nodes[*t].parent)
        .map(|(_, t, _)| *t)
        .collect();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(parent) = n.parent.as_deref().and_then(|p| idx.get(p)) {
            if placed[i] && !has_inner_pred.contains(&i) && *parent != i {
                succ[*parent].push(i);
            }
        }
    }
    let back = back_edges(&succ, &placed);
    let layer = longest_path(&succ, &back, &placed);

    // ---- cells and ordering
    let n_layers = layer.iter().copied().max().map_or(1, |m| m + 1);
    let mut cells: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for i in 0..nodes.len() {
        if placed[i] {
            if let Some(&b) = band_of.get(nodes[i].id.as_str()) {
                cells.entry((b, layer[i])).or_default().push(i);
            }
        }
    }
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (a, ss) in succ.iter().enumerate() {
        for &b in ss {
            pred[b].push(a);
        }
    }
    let rank = |cells: &HashMap<(usize, usize), Vec<usize>>| -> HashMap<usize, f64> {
        let mut r = HashMap::new();
        for ((b, _), v) in cells {
            for (slot, &i) in v.iter().enumerate() {
                r.insert(i, *b as f64 * 1000.0 + slot as f64);
            }
        }
        r
    };
    for sweep in 0..4 {
        let r = rank(&cells);
        let down = sweep % 2 == 0;
        for v in cells.values_mut() {
            let mut keyed: Vec<(f64, usize)> = v
                .iter()
                .map(|&i| {
                    let nb = if down { &pred[i] } else { &succ[i] };
                    let vals: Vec<f64> = nb.iter().filter_map(|j| r.get(j)).copied().collect();
                    let own = r.get(&i).copied().unwrap_or(0.0);
                    let bary = if vals.is_empty() {
                        own
                    } else {
                        vals.iter().sum::<f64>() / vals.len() as f64
                    };
                    (bary, i)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            *v = keyed.into_iter().map(|(_, i)| i).collect();
        }
    }

    // ---- data and annotations: band of their first associated node
    let mut data_band: Vec<(usize, usize, &str)> = Vec::new(); // (band, layer, id)
    for p in &model.processes {
        let mut first_node: HashMap<&str, &str> = HashMap::new();
        for a in &p.data_associations {
            for d in &a.data_refs {
                first_node.entry(d.as_str()).or_insert(a.node.as_str());
            }
        }
        for a in &p.associations {
            first_node
                .entry(a.target_ref.as_str())
                .or_insert(a.source_ref.as_str());
            first_node
                .entry(a.source_ref.as_str())
                .or_insert(a.target_ref.as_str());
        }
        let ids = p
            .data_object_refs
            .iter()
            .map(|d| d.id.as_str())
            .chain(p.data_store_refs.iter().map(|d| d.id.as_str()))
            .chain(p.text_annotations.iter().map(|t| t.id.as_str()));
        let default_band = bands.iter().position(|_| true);
        for id in ids {
            let node = first_node.get(id).and_then(|n| idx.get(n).copied());
            let b = node
                .and_then(|i| band_of.get(nodes[i].id.as_str()).copied())
                .or_else(|| {
                    p.flow_nodes
                        .first()
                        .and_then(|n| band_of.get(n.id.as_str()).copied())
                })
                .or(default_band);
            if let Some(b) = b {
                let l = node.map(|i| layer[anchor(i)]).unwrap_or(0);
                bands[b].has_data = true;
                data_band.push((b, l, id));
            }
        }
    }
    if bands.is_empty() && !data_band.is_empty() {
        bands.push(Band {
            pool: None,
            lane: None,
            has_data: true,
            y: 0.0,
            h: 0.0,
        });
    }

    // ---- geometry
    let any_pool = bands.iter().any(|b| b.pool.is_some());
    let any_lane = bands.iter().any(|b| b.lane.is_some());
    let x0 = if any_pool { HEADER } else { 0.0 } + if any_lane { HEADER } else { 0.0 } + PAD;
    let width = x0 + n_layers as f64 * COL;
    let mut y = 0.0;
    for (bi, b) in bands.iter_mut().enumerate() {
        let rows = (0..n_layers)
            .map(|l| cells.get(&(bi, l)).map_or(0, Vec::len))
            .max()
            .unwrap_or(0)
            .max(1);
        b.y = y;
        b.h = rows as f64 * ROW + if b.has_data { DATA_ROW } else { 0.0 } + 20.0;
        y += b.h;
    }
    let col_x = |l: usize| x0 + l as f64 * COL;
    let mut bounds: Vec<Option<Rect>> = vec![None; nodes.len()];
    for ((b, l), v) in &cells {
        for (slot, &i) in v.iter().enumerate() {
            let (w, h) = size(nodes[i]);
            let cx = col_x(*l) + 55.0;
            let cy = bands[*b].y + 10.0 + slot as f64 * ROW + ROW / 2.0;
            bounds[i] = Some(Rect::new(cx - w / 2.0, cy - h / 2.0, w, h));
        }
    }
    // boundary events on their host's bottom edge, spread along it
    let mut on_host: HashMap<usize, usize> = HashMap::new();
    for i in 0..nodes.len() {
        if let Some(h) = host_of(nodes[i]) {
            let k = on_host.entry(h).or_insert(0);
            let hb = bounds[h].unwrap_or_default();
            let cx = hb.right() - 20.0 - *k as f64 * 30.0;
            bounds[i] = Some(Rect::new(cx - 18.0, hb.bottom() - 18.0, 36.0, 36.0));
            *k += 1;
        }
    }
    let mut data_bounds: HashMap<&str, Rect> = HashMap::new();
    let mut taken: HashMap<usize, Vec<f64>> = HashMap::new();
    for (b, l, id) in &data_band {
        let band = &bands[*b];
        let mut x = col_x(*l) + 20.0;
        let t = taken.entry(*b).or_default();
        while t.iter().any(|&o| (o - x).abs() < 70.0) {
            x += 75.0;
        }
        t.push(x);
        let top = band.y + band.h - DATA_ROW - 5.0;
        data_bounds.insert(id, Rect::new(x, top + 5.0, 36.0, 46.0));
    }
    let width = width.max(
        taken
            .values()
            .flatten()
            .fold(0.0_f64, |m, &x| m.max(x + 120.0)),
    );

    // ---- pools and lanes
    for (pi, p) in pools.iter().enumerate() {
        let (top, bottom) = bands
            .iter()
            .filter(|b| b.pool == Some(pi))
            .fold((f64::MAX, f64::MIN), |(t, bo), b| {
                (t.min(b.y), bo.max(b.y + b.h))
            });
        if top <= bottom {
            sc.pools.push(PoolBox {
                id: p.id.clone(),
                label: p.label.clone(),
                bounds: Rect::new(0.0, top, width, bottom - top),
                horizontal: true,
            });
        }
    }
    let lane_x = if any_pool { HEADER } else { 0.0 };
    for b in &bands {
        if let Some((id, l)) = &b.lane {
            sc.lanes.push(LaneBox {
                id: id.clone(),
                label: l.clone(),
                bounds: Rect::new(lane_x, b.y, width - lane_x, b.h),
                horizontal: true,
            });
        }
    }

    // ---- shapes
    let subprocess_children: HashSet<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].parent.is_some())
        .collect();
    for i in 0..nodes.len() {
        if let Some(b) = bounds[i] {
            sc.nodes.push(NodeBox {
                node: nodes[i],
                bounds: b,
                expanded: false,
                label_bounds: None,
                nested: subprocess_children.contains(&i),
            });
        }
    }
    // boundary events after their hosts
    sc.nodes.sort_by_key(|n| {
        matches!(
            n.node.kind,
            FlowNodeKind::Event {
                kind: EventKind::Boundary,
                ..
            }
        )
    });
    for p in &model.processes {
        for d in &p.data_object_refs {
            if let Some(b) = data_bounds.get(d.id.as_str()) {
                let obj = d
                    .data_object_ref
                    .as_deref()
                    .and_then(|r| p.data_objects.iter().find(|o| o.id == r));
                let mut l = label(&d.name);
                if l.is_empty() {
                    l = obj.map(|o| label(&o.name)).unwrap_or_default();
                }
                sc.data.push(DataBox {
                    id: d.id.clone(),
                    label: l,
                    kind: DataKind::Object {
                        collection: obj.is_some_and(|o| o.is_collection),
                    },
                    bounds: *b,
                    label_bounds: None,
                });
            }
        }
        for d in &p.data_store_refs {
            if let Some(b) = data_bounds.get(d.id.as_str()) {
                let mut l = label(&d.name);
                if l.is_empty() {
                    l = d
                        .data_store_ref
                        .as_deref()
                        .and_then(|r| model.data_stores.iter().find(|s| s.id == r))
                        .map(|s| label(&s.name))
                        .unwrap_or_default();
                }
                sc.data.push(DataBox {
                    id: d.id.clone(),
                    label: l,
                    kind: DataKind::Store,
                    bounds: Rect::new(b.x - 5.0, b.y, 46.0, 40.0),
                    label_bounds: None,
                });
            }
        }
        for t in &p.text_annotations {
            if let Some(b) = data_bounds.get(t.id.as_str()) {
                sc.annotations.push(AnnotationBox {
                    id: t.id.clone(),
                    text: t.text.clone(),
                    bounds: Rect::new(b.x, b.y, 110.0, 44.0),
                });
            }
        }
    }

    // ---- lines
    let node_rect = |id: &str| -> Option<Rect> { idx.get(id).and_then(|&i| bounds[i]) };
    for (s, t, f) in &flows {
        let (Some(a), Some(b)) = (bounds[*s], bounds[*t]) else {
            continue;
        };
        let boundary = host_of(nodes[*s]).is_some();
        let points = if boundary {
            let yb = a.bottom() + 20.0;
            vec![
                (a.cx(), a.bottom()),
                (a.cx(), yb),
                (b.cx(), yb),
                (b.cx(), b.bottom()),
            ]
        } else if b.x > a.right() + 1.0 {
            let mx = b.x - 20.0;
            if (a.cy() - b.cy()).abs() < 0.5 {
                vec![(a.right(), a.cy()), (b.x, b.cy())]
            } else {
                vec![
                    (a.right(), a.cy()),
                    (mx, a.cy()),
                    (mx, b.cy()),
                    (b.x, b.cy()),
                ]
            }
        } else {
            let yb = a.bottom().max(b.bottom()) + 15.0;
            vec![
                (a.cx(), a.bottom()),
                (a.cx(), yb),
                (b.cx(), yb),
                (b.cx(), b.bottom()),
            ]
        };
        let points = if boundary && b.x > a.right() {
            // leave the boundary event downwards, then enter the target from the left
            let yb = a.bottom() + 20.0;
            let mx = b.x - 20.0;
            vec![
                (a.cx(), a.bottom()),
                (a.cx(), yb),
                (mx, yb),
                (mx, b.cy()),
                (b.x, b.cy()),
            ]
        } else {
            points
        };
        sc.edges.push(EdgeLine {
            id: f.id.clone(),
            kind: EdgeKind::Sequence {
                default: f.is_default,
                conditional: f.condition.is_some(),
            },
            points,
            label: f
                .name
                .as_ref()
                .map(|l| l.display.clone())
                .filter(|s| !s.is_empty()),
            label_bounds: None,
        });
    }
    let pool_rect = |id: &str| sc.pools.iter().find(|p| p.id == id).map(|p| p.bounds);
    let mut message_lines = Vec::new();
    for c in &model.collaborations {
        for m in &c.message_flows {
            let ends = (
                node_rect(&m.source_ref)
                    .map(|r| (r, false))
                    .or_else(|| pool_rect(&m.source_ref).map(|r| (r, true))),
                node_rect(&m.target_ref)
                    .map(|r| (r, false))
                    .or_else(|| pool_rect(&m.target_ref).map(|r| (r, true))),
            );
            let (Some((a, a_pool)), Some((b, b_pool))) = ends else {
                continue;
            };
            let ax = if a_pool {
                if b_pool {
                    a.cx()
                } else {
                    b.cx()
                }
            } else {
                a.cx()
            };
            let bx = if b_pool { ax } else { b.cx() };
            let (ay, by) = if a.cy() <= b.cy() {
                (a.bottom(), b.y)
            } else {
                (a.y, b.bottom())
            };
            let my = (ay + by) / 2.0;
            let points = if (ax - bx).abs() < 0.5 {
                vec![(ax, ay), (bx, by)]
            } else {
                vec![(ax, ay), (ax, my), (bx, my), (bx, by)]
            };
            message_lines.push(EdgeLine {
                id: m.id.clone(),
                kind: EdgeKind::Message,
                points,
                label: m
                    .name
                    .as_ref()
                    .map(|l| l.display.clone())
                    .filter(|s| !s.is_empty()),
                label_bounds: None,
            });
        }
    }
    for p in &model.processes {
        for a in &p.data_associations {
            let Some(n) = node_rect(&a.node) else {
                continue;
            };
            for d in &a.data_refs {
                let Some(db) = data_bounds.get(d.as_str()) else {
                    continue;
                };
                let (from, to) = match a.direction {
                    peta_bpmn::DataDirection::Input => (*db, n),
                    peta_bpmn::DataDirection::Output => (n, *db),
                };
                sc.edges.push(EdgeLine {
                    id: a.id.clone(),
                    kind: EdgeKind::DataAssociation,
                    points: vec![
                        (from.cx(), from.bottom().min(to.y).max(from.y)),
                        (to.cx(), if to.y > from.y { to.y } else { to.bottom() }),
                    ],
                    label: None,
                    label_bounds: None,
                });
            }
        }
        for a in &p.associations {
            let r = |id: &str| node_rect(id).or_else(|| data_bounds.get(id).copied());
            if let (Some(s), Some(t)) = (r(&a.source_ref), r(&a.target_ref)) {
                sc.edges.push(EdgeLine {
                    id: a.id.clone(),
                    kind: EdgeKind::Association,
                    points: vec![(s.cx(), s.cy()), (t.cx(), t.cy())],
                    label: None,
                    label_bounds: None,
                });
            }
        }
    }
    sc.edges.extend(message_lines);
    sc
}

/// Edges (a, b) that close a cycle in a depth-first search from every
/// unvisited node in input order.
fn back_edges(succ: &[Vec<usize>], placed: &[bool]) -> HashSet<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; succ.len()];
    let mut back = HashSet::new();
    // roots with no predecessor first, so the main flow keeps its direction
    let mut has_pred = vec![false; succ.len()];
    for s in succ {
        for &t in s {
            has_pred[t] = true;
        }
    }
    let roots: Vec<usize> = (0..succ.len())
        .filter(|&i| placed[i] && !has_pred[i])
        .chain((0..succ.len()).filter(|&i| placed[i]))
        .collect();
    for root in roots {
        if mark[root] != Mark::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::Open;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if *k < succ[v].len() {
                let w = succ[v][*k];
                *k += 1;
                match mark[w] {
                    Mark::New => {
                        mark[w] = Mark::Open;
                        stack.push((w, 0));
                    }
                    Mark::Open => {
                        back.insert((v, w));
                    }
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                stack.pop();
            }
        }
    }
    back
}

/// Column of every node: the longest path to it over non-back edges.
fn longest_path(
    succ: &[Vec<usize>],
    back: &HashSet<(usize, usize)>,
    placed: &[bool],
) -> Vec<usize> {
    let n = succ.len();
    let mut indeg = vec![0usize; n];
    for (a, s) in succ.iter().enumerate() {
        for &b in s {
            if !back.contains(&(a, b)) {
                indeg[b] += 1;
            }
        }
    }
    let mut layer = vec![0usize; n];
    let mut queue: Vec<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    let mut head = 0;
    while head < queue.len() {
        let a = queue[head];
        head += 1;
        for &b in &succ[a] {
            if back.contains(&(a, b)) {
                continue;
            }
            layer[b] = layer[b].max(layer[a] + 1);
            indeg[b] -= 1;
            if indeg[b] == 0 {
                queue.push(b);
            }
        }
    }
    for (i, p) in placed.iter().enumerate() {
        if !p {
            layer[i] = 0;
        }
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_broken_and_layers_follow_the_flow() {
        // 0 -> 1 -> 2 -> 1 (loop), 2 -> 3
        let succ = vec![vec![1], vec![2], vec![1, 3], vec![]];
        let placed = vec![true; 4];
        let back = back_edges(&succ, &placed);
        assert_eq!(back, HashSet::from([(2, 1)]));
        assert_eq!(longest_path(&succ, &back, &placed), vec![0, 1, 2, 3]);
    }

    #[test]
    fn longest_path_takes_the_longer_branch() {
        // 0 -> 1 -> 2 -> 3, 0 -> 3
        let succ = vec![vec![1, 3], vec![2], vec![3], vec![]];
        let placed = vec![true; 4];
        let back = back_edges(&succ, &placed);
        assert!(back.is_empty());
        assert_eq!(longest_path(&succ, &back, &placed)[3], 3);
    }
}
