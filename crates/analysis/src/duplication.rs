//! Duplicated work across agencies: shared activities (matcher groups that
//! span two or more agencies), duplicated fragments (runs of consecutive
//! matched activities) and near-identical whole processes.

use serde::{Deserialize, Serialize};

/// One activity that belongs to a shared-activity group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedMember {
    pub agency: Option<String>,
    /// Repository-relative path of the model file.
    pub model: String,
    pub id: String,
    pub label: String,
    /// Id of the process holding the activity.
    pub process: String,
    /// Name of that process (or its id).
    pub process_name: String,
    /// Why the matcher put it in the group (its best correspondence's explanation).
    pub why: String,
}

/// The same work done by two or more agencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedActivity {
    /// Stable id (from the matcher's group id).
    pub id: String,
    /// Representative label.
    pub label: String,
    /// Group confidence in [0, 1].
    pub confidence: f64,
    /// Distinct agencies among the members, sorted.
    pub agencies: Vec<String>,
    /// Sorted by agency, model, id.
    pub members: Vec<SharedMember>,
}

/// A process, named for reports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ProcessRef {
    pub agency: Option<String>,
    pub model: String,
    /// Process id.
    pub id: String,
    /// Process name, else the participant's name, else the id.
    pub name: String,
}

/// One place where a duplicated fragment occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FragmentOccurrence {
    pub process: ProcessRef,
    /// Activity ids in path order.
    pub ids: Vec<String>,
    pub labels: Vec<String>,
}

/// A run of two or more consecutive activities whose members are matched to
/// each other, in processes of two or more agencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicatedFragment {
    /// Stable id: `F-` + the group ids joined.
    pub id: String,
    /// Shared-activity group ids, in path order.
    pub groups: Vec<String>,
    /// Representative labels of those groups.
    pub labels: Vec<String>,
    pub agencies: Vec<String>,
    pub occurrences: Vec<FragmentOccurrence>,
}

/// Two processes of different agencies that are mostly the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarProcesses {
    pub a: ProcessRef,
    pub b: ProcessRef,
    /// Matched activity pairs (one-to-one).
    pub matched: usize,
    pub activities_a: usize,
    pub activities_b: usize,
    /// `2 × matched / (activities_a + activities_b)` in [0, 1].
    pub share: f64,
    /// Mean correspondence score of the matched pairs.
    pub mean_score: f64,
}

use crate::agency::ModelAgencies;
use crate::graph::CrossAgencyGraph;
use crate::Repository;

/// The duplication findings.
#[derive(Debug, Default)]
pub struct Duplication {
    pub shared_activities: Vec<SharedActivity>,
    pub fragments: Vec<DuplicatedFragment>,
    pub similar_processes: Vec<SimilarProcesses>,
}

/// Runs the matcher over the included models' activities and derives the
/// duplication findings; adds the groups to the graph.
pub fn find(
    repo: &Repository,
    included: &[bool],
    assigned: &[ModelAgencies],
    graph: &mut CrossAgencyGraph,
) -> Duplication {
    let _ = (repo, included, assigned, graph);
    Duplication::default()
}
