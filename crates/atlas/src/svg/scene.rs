//! A diagram as positioned boxes and lines, independent of where the
//! positions came from (diagram interchange or the automatic layout).

use peta_bpmn::{Bounds, FlowNode};

/// An axis-aligned rectangle in diagram coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// True when every coordinate is finite and the size is not negative.
    pub fn is_valid(&self) -> bool {
        [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
            && self.w >= 0.0
            && self.h >= 0.0
    }
}

impl From<Bounds> for Rect {
    fn from(b: Bounds) -> Rect {
        Rect::new(b.x, b.y, b.width, b.height)
    }
}

/// A pool (participant) band.
#[derive(Debug, Clone)]
pub struct PoolBox {
    pub id: String,
    pub label: String,
    pub bounds: Rect,
    pub horizontal: bool,
}

/// A lane band.
#[derive(Debug, Clone)]
pub struct LaneBox {
    pub id: String,
    pub label: String,
    pub bounds: Rect,
    pub horizontal: bool,
}

/// A flow node's shape.
#[derive(Debug, Clone)]
pub struct NodeBox<'m> {
    pub node: &'m FlowNode,
    pub bounds: Rect,
    /// Sub-processes: drawn open with their content inside.
    pub expanded: bool,
    pub label_bounds: Option<Rect>,
    /// Drawn lighter: the node sits inside a sub-process that the automatic
    /// layout drew collapsed.
    pub nested: bool,
}

/// What a data shape stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    Object { collection: bool },
    Store,
}

/// A data object reference or data store reference.
#[derive(Debug, Clone)]
pub struct DataBox {
    pub id: String,
    pub label: String,
    pub kind: DataKind,
    pub bounds: Rect,
    pub label_bounds: Option<Rect>,
}

/// A text annotation.
#[derive(Debug, Clone)]
pub struct AnnotationBox {
    pub id: String,
    pub text: String,
    pub bounds: Rect,
}

/// What a line stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    Sequence { default: bool, conditional: bool },
    Message,
    Association,
    DataAssociation,
}

/// A connecting line through its waypoints.
#[derive(Debug, Clone)]
pub struct EdgeLine {
    pub id: String,
    pub kind: EdgeKind,
    pub points: Vec<(f64, f64)>,
    pub label: Option<String>,
    pub label_bounds: Option<Rect>,
}

/// Everything to draw for one diagram.
#[derive(Debug, Clone, Default)]
pub struct Scene<'m> {
    pub title: String,
    pub pools: Vec<PoolBox>,
    pub lanes: Vec<LaneBox>,
    pub nodes: Vec<NodeBox<'m>>,
    pub data: Vec<DataBox>,
    pub annotations: Vec<AnnotationBox>,
    pub edges: Vec<EdgeLine>,
    /// True when the positions come from the automatic layout.
    pub auto_layout: bool,
}

impl Scene<'_> {
    /// The smallest rectangle holding everything, or `None` for an empty scene.
    pub fn extent(&self) -> Option<Rect> {
        let mut pts: Vec<(f64, f64)> = Vec::new();
        let rect = |pts: &mut Vec<(f64, f64)>, b: &Rect| {
            pts.push((b.x, b.y));
            pts.push((b.right(), b.bottom()));
        };
        self.pools.iter().for_each(|p| rect(&mut pts, &p.bounds));
        self.lanes.iter().for_each(|p| rect(&mut pts, &p.bounds));
        for n in &self.nodes {
            rect(&mut pts, &n.bounds);
            if let Some(l) = &n.label_bounds {
                rect(&mut pts, l);
            } else if !matches!(
                n.node.kind,
                peta_bpmn::FlowNodeKind::Task(_)
                    | peta_bpmn::FlowNodeKind::SubProcess { .. }
                    | peta_bpmn::FlowNodeKind::CallActivity { .. }
            ) && !n.node.label().is_empty()
            {
                // Event and gateway labels hang below the shape.
                rect(
                    &mut pts,
                    &Rect::new(n.bounds.cx() - 55.0, n.bounds.bottom(), 110.0, 46.0),
                );
            }
        }
        for d in &self.data {
            rect(&mut pts, &d.bounds);
            if let Some(l) = &d.label_bounds {
                rect(&mut pts, l);
            } else if !d.label.is_empty() {
                rect(
                    &mut pts,
                    &Rect::new(d.bounds.cx() - 50.0, d.bounds.bottom(), 100.0, 46.0),
                );
            }
        }
        self.annotations
            .iter()
            .for_each(|a| rect(&mut pts, &a.bounds));
        for e in &self.edges {
            pts.extend(e.points.iter().copied());
            if let Some(l) = &e.label_bounds {
                rect(&mut pts, l);
            }
        }
        let mut r: Option<(f64, f64, f64, f64)> = None;
        for (x, y) in pts {
            if !x.is_finite() || !y.is_finite() {
                continue;
            }
            r = Some(match r {
                None => (x, y, x, y),
                Some((a, b, c, d)) => (a.min(x), b.min(y), c.max(x), d.max(y)),
            });
        }
        r.map(|(a, b, c, d)| Rect::new(a, b, c - a, d - b))
    }
}
