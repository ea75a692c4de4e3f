//! A [`Scene`] from a model's diagram interchange (`BPMNDiagram` shapes and edges).

use std::collections::{HashMap, HashSet};

use peta_bpmn::{Diagram, FlowNode, FlowNodeKind, Model};

use super::scene::*;

/// What a `bpmnElement` id refers to.
enum Element<'m> {
    Node(&'m FlowNode),
    Participant(String),
    Lane(String),
    DataObject {
        label: String,
        collection: bool,
    },
    DataStore(String),
    Annotation(String),
    Sequence {
        label: Option<String>,
        default: bool,
        conditional: bool,
    },
    Message(Option<String>),
    Association,
    DataAssociation,
}

fn label(l: &Option<peta_bpmn::Label>) -> String {
    l.as_ref().map(|l| l.display.clone()).unwrap_or_default()
}

fn index(model: &Model) -> HashMap<&str, Element<'_>> {
    let mut ix: HashMap<&str, Element<'_>> = HashMap::new();
    for c in &model.collaborations {
        for p in &c.participants {
            ix.insert(&p.id, Element::Participant(label(&p.name)));
        }
        for m in &c.message_flows {
            let l = m.name.as_ref().map(|l| l.display.clone());
            ix.insert(&m.id, Element::Message(l));
        }
        for a in &c.text_annotations {
            ix.insert(&a.id, Element::Annotation(a.text.clone()));
        }
        for a in &c.associations {
            ix.insert(&a.id, Element::Association);
        }
    }
    for p in &model.processes {
        for (lane, _) in p.lanes() {
            ix.insert(&lane.id, Element::Lane(label(&lane.name)));
        }
        for n in &p.flow_nodes {
            ix.insert(&n.id, Element::Node(n));
        }
        for f in &p.sequence_flows {
            let l = f.name.as_ref().map(|l| l.display.clone());
            ix.insert(
                &f.id,
                Element::Sequence {
                    label: l,
                    default: f.is_default,
                    conditional: f.condition.is_some(),
                },
            );
        }
        for d in &p.data_object_refs {
            let collection = d
                .data_object_ref
                .as_deref()
                .and_then(|r| p.data_objects.iter().find(|o| o.id == r))
                .is_some_and(|o| o.is_collection);
            let mut l = label(&d.name);
            if l.is_empty() {
                if let Some(o) = d
                    .data_object_ref
                    .as_deref()
                    .and_then(|r| p.data_objects.iter().find(|o| o.id == r))
                {
                    l = label(&o.name);
                }
            }
            ix.insert(
                &d.id,
                Element::DataObject {
                    label: l,
                    collection,
                },
            );
        }
        for o in &p.data_objects {
            ix.entry(&o.id).or_insert(Element::DataObject {
                label: label(&o.name),
                collection: o.is_collection,
            });
        }
        for d in &p.data_store_refs {
            let mut l = label(&d.name);
            if l.is_empty() {
                if let Some(s) = d
                    .data_store_ref
                    .as_deref()
                    .and_then(|r| model.data_stores.iter().find(|s| s.id == r))
                {
                    l = label(&s.name);
                }
            }
            ix.insert(&d.id, Element::DataStore(l));
        }
        for a in &p.data_associations {
            ix.insert(&a.id, Element::DataAssociation);
        }
        for a in &p.text_annotations {
            ix.insert(&a.id, Element::Annotation(a.text.clone()));
        }
        for a in &p.associations {
            ix.insert(&a.id, Element::Association);
        }
    }
    for s in &model.data_stores {
        ix.entry(&s.id)
            .or_insert(Element::DataStore(label(&s.name)));
    }
    ix
}

/// The flow node ids that some diagram of the model draws.
pub fn drawn_node_ids(model: &Model) -> HashSet<&str> {
    let nodes: HashSet<&str> = model.flow_nodes().map(|(_, n)| n.id.as_str()).collect();
    model
        .diagrams
        .iter()
        .flat_map(|d| d.shapes.iter())
        .filter_map(|s| nodes.get(s.bpmn_element.as_str()).copied())
        .collect()
}

/// The scene of one diagram. Each flow node is drawn at most once (`seen`
/// carries the ids already drawn by earlier diagrams of the same model);
/// shapes with non-finite or negative bounds are skipped.
pub fn scene<'m>(model: &'m Model, diagram: &Diagram, seen: &mut HashSet<String>) -> Scene<'m> {
    let ix = index(model);
    let mut sc = Scene {
        title: diagram.name.clone().unwrap_or_default(),
        ..Scene::default()
    };
    let mut drawn_other: HashSet<&str> = HashSet::new();
    for shape in &diagram.shapes {
        let b = Rect::from(shape.bounds);
        if !b.is_valid() {
            continue;
        }
        let lb = shape.label_bounds.map(Rect::from).filter(Rect::is_valid);
        let el = shape.bpmn_element.as_str();
        match ix.get(el) {
            Some(Element::Node(n)) => {
                if !seen.insert(n.id.clone()) {
                    continue;
                }
                let expanded = match &n.kind {
                    FlowNodeKind::SubProcess { is_expanded, .. } => shape
                        .is_expanded
                        .or(*is_expanded)
                        .unwrap_or(b.w > 200.0 && b.h > 120.0),
                    _ => false,
                };
                sc.nodes.push(NodeBox {
                    node: n,
                    bounds: b,
                    expanded,
                    label_bounds: lb,
                    nested: false,
                });
            }
            _ if !drawn_other.insert(el) => continue,
            Some(Element::Participant(l)) => sc.pools.push(PoolBox {
                id: el.to_string(),
                label: l.clone(),
                bounds: b,
                horizontal: shape.is_horizontal.unwrap_or(true),
            }),
            Some(Element::Lane(l)) => sc.lanes.push(LaneBox {
                id: el.to_string(),
                label: l.clone(),
                bounds: b,
                horizontal: shape.is_horizontal.unwrap_or(true),
            }),
            Some(Element::DataObject { label, collection }) => sc.data.push(DataBox {
                id: el.to_string(),
                label: label.clone(),
                kind: DataKind::Object {
                    collection: *collection,
                },
                bounds: b,
                label_bounds: lb,
            }),
            Some(Element::DataStore(l)) => sc.data.push(DataBox {
                id: el.to_string(),
                label: l.clone(),
                kind: DataKind::Store,
                bounds: b,
                label_bounds: lb,
            }),
            Some(Element::Annotation(t)) => sc.annotations.push(AnnotationBox {
                id: el.to_string(),
                text: t.clone(),
                bounds: b,
            }),
            _ => {}
        }
    }
    for edge in &diagram.edges {
        let points: Vec<(f64, f64)> = edge
            .waypoints
            .iter()
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect();
        if points.len() < 2 {
            continue;
        }
        let lb = edge.label_bounds.map(Rect::from).filter(Rect::is_valid);
        let (kind, label) = match ix.get(edge.bpmn_element.as_str()) {
            Some(Element::Sequence {
                label,
                default,
                conditional,
            }) => (
                EdgeKind::Sequence {
                    default: *default,
                    conditional: *conditional,
                },
                label.clone(),
            ),
            Some(Element::Message(l)) => (EdgeKind::Message, l.clone()),
            Some(Element::Association) => (EdgeKind::Association, None),
            Some(Element::DataAssociation) => (EdgeKind::DataAssociation, None),
            _ => continue,
        };
        sc.edges.push(EdgeLine {
            id: edge.bpmn_element.clone(),
            kind,
            points,
            label,
            label_bounds: lb,
        });
    }
    // Containers first, so their content paints over them.
    sc.nodes.sort_by_key(|n| !n.expanded);
    sc
}
