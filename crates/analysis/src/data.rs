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

use crate::graph::CrossAgencyGraph;
use crate::Repository;

/// Business objects read by processes of two or more agencies.
pub fn requests(
    repo: &Repository,
    included: &[bool],
    graph: &CrossAgencyGraph,
) -> Vec<DataRequest> {
    let _ = (repo, included, graph);
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::object_key;

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
