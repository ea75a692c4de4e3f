//! Repeated data requests: the same business object taken as input by
//! processes of several agencies.

use serde::{Deserialize, Serialize};

/// An activity reading or writing a business object.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DataUse {
    pub agency: Option<String>,
    pub model: String,
    /// Process id.
    pub process: String,
    /// Activity id.
    pub id: String,
    /// Activity label.
    pub label: String,
    /// Id of the data object/store reference.
    pub data_ref: String,
    /// Label of that reference as written.
    pub data_label: String,
}

/// One business object requested by several agencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataRequest {
    /// Canonical key of the business object (see docs/analysis.md).
    pub object: String,
    /// The most frequent label written for it.
    pub label: String,
    /// Agencies whose processes read it, sorted.
    pub consumers: Vec<String>,
    /// Agencies whose processes write it (its producers), sorted.
    pub producers: Vec<String>,
    pub reads: Vec<DataUse>,
    pub writes: Vec<DataUse>,
}

/// Words that name a carrier, not the business object: `Data NIK`,
/// `Dokumen KTP`, `Fotokopi KTP`, `Berkas SK` all mean the object.
pub const CARRIER_WORDS: &[&str] = &[
    "data",
    "dokumen",
    "document",
    "documents",
    "berkas",
    "file",
    "files",
    "salinan",
    "fotokopi",
    "fotocopy",
    "copy",
    "scan",
    "pindaian",
    "softcopy",
    "hardcopy",
    "asli",
    "lembar",
    "arsip",
    "the",
    "of",
    "a",
    "an",
];

/// The canonical key of a business object from its label: lower case,
/// letters and digits only, carrier words and one-letter words dropped, the
/// rest sorted and joined with spaces (`Fotokopi e-KTP` → `ktp`,
/// `Data NIK Pemohon` → `nik pemohon`). Empty when nothing is left.
pub fn object_key(label: &str) -> String {
    let lowered: String = label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = lowered
        .split_whitespace()
        .filter(|w| w.chars().count() > 1 && !CARRIER_WORDS.contains(w))
        .collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use std::collections::HashSet;

use peta_text::Lexicon;

use crate::graph::{Category, CrossAgencyGraph, GraphEdge, GraphNode};
use crate::Repository;

/// Minimum number of distinct consuming agencies for a [`DataRequest`].
pub const MIN_CONSUMERS: usize = 2;

/// Business objects read by processes of [`MIN_CONSUMERS`] or more agencies,
/// with the agencies that write them anywhere in the repository.
pub fn requests(
    repo: &Repository,
    included: &[bool],
    graph: &CrossAgencyGraph,
) -> Vec<DataRequest> {
    let mut out = Vec::new();
    for (key, on) in graph.business_objects() {
        if key.starts_with(crate::graph::UNNAMED_OBJECT) {
            continue;
        }
        let mut reads = BTreeSet::new();
        let mut writes = BTreeSet::new();
        for e in graph.graph.edges_directed(on, Direction::Outgoing) {
            if let GraphEdge::Reads { data_ref, .. } = e.weight() {
                if let Some(u) = data_use(repo, graph, e.target(), data_ref) {
                    if included_model(repo, included, &u.model) {
                        reads.insert(u);
                    }
                }
            }
        }
        for e in graph.graph.edges_directed(on, Direction::Incoming) {
            if let GraphEdge::Writes { data_ref, .. } = e.weight() {
                if let Some(u) = data_use(repo, graph, e.source(), data_ref) {
                    writes.insert(u);
                }
            }
        }
        let agencies_of = |uses: &BTreeSet<DataUse>| -> Vec<String> {
            uses.iter()
                .filter_map(|u| {
                    let n = graph_node(repo, graph, u)?;
                    graph
                        .owner(n)
                        .filter(|p| p.is_agency)
                        .map(|p| p.code.clone())
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        let consumers = agencies_of(&reads);
        if consumers.len() < MIN_CONSUMERS {
            continue;
        }
        let producers = agencies_of(&writes);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for u in reads.iter().chain(&writes) {
            if !u.data_label.is_empty() {
                *counts.entry(u.data_label.as_str()).or_insert(0) += 1;
            }
        }
        let label = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(l, _)| l.to_string())
            .unwrap_or_else(|| key.to_string());
        out.push(DataRequest {
            object: key.to_string(),
            label,
            consumers,
            producers,
            reads: reads.into_iter().collect(),
            writes: writes.into_iter().collect(),
        });
    }
    out.sort_by(|a, b| {
        b.consumers
            .len()
            .cmp(&a.consumers.len())
            .then(a.object.cmp(&b.object))
    });
    out
}

fn included_model(repo: &Repository, included: &[bool], path: &str) -> bool {
    repo.models
        .binary_search_by(|m| m.path.as_str().cmp(path))
        .ok()
        .and_then(|i| included.get(i).copied())
        .unwrap_or(false)
}

fn graph_node(repo: &Repository, graph: &CrossAgencyGraph, u: &DataUse) -> Option<NodeIndex> {
    let mi = repo
        .models
        .binary_search_by(|m| m.path.as_str().cmp(&u.model))
        .ok()?;
    graph.flow_node(mi, &u.id)
}

fn data_use(
    repo: &Repository,
    graph: &CrossAgencyGraph,
    n: NodeIndex,
    data_ref: &str,
) -> Option<DataUse> {
    let GraphNode::Flow {
        model,
        process,
        id,
        category: Category::Activity,
        ..
    } = graph.graph.node_weight(n)?
    else {
        return None;
    };
    let rm = repo.models.get(*model)?;
    let p = rm.model.processes.get(*process)?;
    let node = p.node(id)?;
    let data_label = p
        .data_object_refs
        .iter()
        .find(|r| r.id == data_ref)
        .and_then(|r| r.name.as_ref())
        .or_else(|| {
            p.data_store_refs
                .iter()
                .find(|r| r.id == data_ref)
                .and_then(|r| r.name.as_ref())
        })
        .or_else(|| {
            p.data_objects
                .iter()
                .find(|o| o.id == data_ref)
                .and_then(|o| o.name.as_ref())
        })
        .map(|l| l.display.clone())
        .unwrap_or_default();
    Some(DataUse {
        agency: graph.owner(n).map(|o| o.code.clone()),
        model: rm.path.clone(),
        process: p.id.clone(),
        id: id.clone(),
        label: node.label().to_string(),
        data_ref: data_ref.to_string(),
        data_label,
    })
}

/// Business-object keys through the text lexicon: labels are analysed into
/// canonical tokens (abbreviations expanded, synonyms and morphological
/// variants folded: `SK Pensiun` = `Surat Keputusan Pensiun`, `KTP` =
/// `Kartu Tanda Penduduk`, `Usul` = `Usulan`), the canonical forms of the
/// [`CARRIER_WORDS`] and one-letter tokens dropped, the rest sorted.
pub struct ObjectKeys<'a> {
    lexicon: &'a Lexicon,
    carriers: HashSet<String>,
}

impl<'a> ObjectKeys<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        let carriers = CARRIER_WORDS
            .iter()
            .flat_map(|w| lexicon.analyze(w).tokens.into_iter().map(|t| t.canonical))
            .collect();
        ObjectKeys { lexicon, carriers }
    }

    /// The key of a data object or store label (empty when nothing is left).
    pub fn key(&self, label: &str) -> String {
        let mut words: Vec<String> = self
            .lexicon
            .analyze(label)
            .tokens
            .into_iter()
            .filter(|t| !CARRIER_WORDS.contains(&t.text.as_str()))
            .map(|t| t.canonical)
            .filter(|c| c.chars().count() > 1 && !self.carriers.contains(c))
            .collect();
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return object_key(label);
        }
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::{object_key, ObjectKeys};

    #[test]
    fn lexicon_keys_fold_abbreviations_and_variants() {
        let lex = peta_text::Lexicon::bundled();
        let k = ObjectKeys::new(&lex);
        assert_eq!(k.key("SK Pensiun"), k.key("Surat Keputusan Pensiun"));
        assert_eq!(k.key("KTP"), k.key("Fotokopi Kartu Tanda Penduduk"));
        assert_eq!(k.key("Usul Pensiun"), k.key("Berkas usulan pensiun"));
        assert_ne!(k.key("SK Pensiun"), k.key("SK Mutasi"));
        assert_eq!(k.key("Data"), "");
    }

    #[test]
    fn carrier_words_and_order_do_not_matter() {
        assert_eq!(object_key("Fotokopi e-KTP"), "ktp");
        assert_eq!(object_key("KTP"), "ktp");
        assert_eq!(
            object_key("Data NIK Pemohon"),
            object_key("NIK  pemohon (data)")
        );
        assert_eq!(object_key("SK Pensiun"), object_key("Dokumen SK pensiun"));
        assert_ne!(object_key("SK Pensiun"), object_key("SK Mutasi"));
        assert_eq!(object_key("Data"), "");
    }
}
