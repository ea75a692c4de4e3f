//! BPMN diagrams as inline SVG: from diagram interchange when the model has
//! it for every flow node, otherwise from the automatic layout.

pub mod from_di;
pub mod layout;
pub mod paint;
pub mod scene;

use std::collections::HashSet;

use peta_bpmn::Model;

pub use paint::{kind_key, Marks};

use crate::i18n::Catalogue;

/// One drawn diagram.
#[derive(Debug, Clone)]
pub struct RenderedDiagram {
    /// The `<svg>` element.
    pub svg: String,
    /// Whether the automatic layout placed the shapes.
    pub auto_layout: bool,
    /// How many flow nodes the diagram draws.
    pub node_count: usize,
}

/// Draws a model. Every flow node is drawn exactly once across the returned
/// diagrams: when the model's diagram interchange has a shape for every flow
/// node, each `BPMNDiagram` that draws something becomes one SVG (a collapsed
/// sub-process's content usually has its own); otherwise the whole model is
/// laid out automatically as one SVG. `id_prefix` makes element ids unique in
/// the page; `title` names the diagram for screen readers.
pub fn render_model(
    model: &Model,
    marks: &Marks,
    t: &Catalogue,
    id_prefix: &str,
    title: &str,
) -> Vec<RenderedDiagram> {
    let total = model.flow_nodes().count();
    let drawn = from_di::drawn_node_ids(model);
    let mut out = Vec::new();
    if !model.diagrams.is_empty() && drawn.len() == total {
        let mut seen: HashSet<String> = HashSet::new();
        for d in &model.diagrams {
            let scene = from_di::scene(model, d, &mut seen);
            if scene.nodes.is_empty() && scene.pools.is_empty() {
                continue;
            }
            let n = out.len();
            let id = if n == 0 {
                id_prefix.to_string()
            } else {
                format!("{id_prefix}-{n}")
            };
            let title = if n == 0 || scene.title.is_empty() {
                title.to_string()
            } else {
                format!("{title} — {}", scene.title)
            };
            out.push(RenderedDiagram {
                svg: paint::paint(&scene, marks, t, &id, &title),
                auto_layout: false,
                node_count: scene.nodes.len(),
            });
        }
        if seen.len() == total {
            return out;
        }
        out.clear();
    }
    let scene = layout::scene(model);
    out.push(RenderedDiagram {
        svg: paint::paint(&scene, marks, t, id_prefix, title),
        auto_layout: true,
        node_count: scene.nodes.len(),
    });
    out
}
