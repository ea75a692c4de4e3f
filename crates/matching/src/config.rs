//! Thresholds and weights. Fixed, documented constants, the same for every
//! dataset; `docs/matching.md` explains each one.

use serde::{Deserialize, Serialize};

/// Minimum score for a correspondence (a link between two activities).
pub const MATCH_THRESHOLD: f64 = 0.8;
/// Minimum score of a link used for grouping, and minimum average-link score
/// to merge two shared-activity groups (the average guards against chaining:
/// A~B, B~C but A≁C). Lower than [`MATCH_THRESHOLD`]: a group gathers the
/// same kind of work (a consolidation candidate), a correspondence claims
/// the same activity.
pub const GROUP_THRESHOLD: f64 = 0.55;
/// Factor applied to the object score when both labels name an action and the
/// actions differ ("Kirim berkas" vs "Periksa berkas").
pub const ACTION_MISMATCH: f64 = 0.35;
/// Factor when only one label names a recognisable action.
pub const ACTION_UNKNOWN: f64 = 0.8;
/// Object score when one label has an object and the other none ("Evaluate"
/// vs "Evaluate application").
pub const OBJECT_ONE_SIDED: f64 = 0.7;
/// Weight of a token inside an adjunct phrase (`melalui SIASN`, `to applicant`)
/// relative to an object token: half. Adjuncts count only when both labels
/// share them, so a shared system or agency is real evidence of the same
/// work, but never as much as the object itself.
pub const ADJUNCT_WEIGHT: f64 = 0.5;
/// Weight of structural context (neighbour labels, lane) in the final score.
pub const CONTEXT_WEIGHT: f64 = 0.1;
/// Credit for a pair of related (partly equal) concepts, relative to an
/// exact match ("application" ~ "document").
pub const RELATED_CREDIT: f64 = 0.5;
/// Object score given to two labels that share a common service action
/// (thesaurus `service = true`: archiving, notifying, signing), whatever
/// their objects: such work is one shared service.
pub const SERVICE_OBJECT_FLOOR: f64 = 0.8;
/// Object score given when the same action applies to objects headed by the
/// same document container (thesaurus `container = true`: berkas, dokumen):
/// enough for a group, not for a correspondence.
pub const CONTAINER_OBJECT_FLOOR: f64 = 0.7;
/// Share of Dice (against containment, the overlap coefficient) in the
/// object score when both labels are Indonesian and their objects share the
/// same head noun: the words after the head are qualifiers ("NIK peserta" vs
/// "NIK pelaku usaha"). Otherwise the object score is the plain mean (0.5).
pub const HEAD_DICE_SHARE: f64 = 0.25;
/// In a pair of models ([`crate::Matcher::match_pair`]), a correspondence is
/// kept only when its score is within this margin of the best correspondence
/// of each of its two ends: one-to-many among equally good readings, not a
/// weaker reading of work already matched ("Receive application" vs
/// "Receive and sort application" when "Receive application" is there too).
/// Twice the context swing (`CONTEXT_WEIGHT` × ±0.5).
pub const BEST_MARGIN: f64 = 0.1;
/// Factor when exactly one label is negated ("not complete").
pub const NEGATION_PENALTY: f64 = 0.5;
/// Posting lists longer than this are not used to generate candidates
/// (tokens that frequent carry no evidence on their own); bounds the cost per
/// activity so matching grows near-linearly with repository size.
pub const MAX_POSTING: usize = 200;

/// Matching configuration: the documented constants above by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchConfig {
    pub match_threshold: f64,
    pub group_threshold: f64,
    pub action_mismatch: f64,
    pub action_unknown: f64,
    pub object_one_sided: f64,
    pub adjunct_weight: f64,
    pub context_weight: f64,
    pub negation_penalty: f64,
    pub related_credit: f64,
    pub service_object_floor: f64,
    pub container_object_floor: f64,
    pub max_posting: usize,
    /// Link activities of the same model in [`crate::Matcher::match_repository`]
    /// (default false: shared activities are sought across models).
    pub within_model: bool,
    /// Let labelled events match activities (default true): an event
    /// "Berkas diterima" is the same work as a task "Menerima berkas", and a
    /// caught "Rejected" is the outcome of "Receive rejection". False keeps
    /// events with events.
    pub events_match_activities: bool,
}

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            match_threshold: MATCH_THRESHOLD,
            group_threshold: GROUP_THRESHOLD,
            action_mismatch: ACTION_MISMATCH,
            action_unknown: ACTION_UNKNOWN,
            object_one_sided: OBJECT_ONE_SIDED,
            adjunct_weight: ADJUNCT_WEIGHT,
            context_weight: CONTEXT_WEIGHT,
            negation_penalty: NEGATION_PENALTY,
            related_credit: RELATED_CREDIT,
            service_object_floor: SERVICE_OBJECT_FLOOR,
            container_object_floor: CONTAINER_OBJECT_FLOOR,
            max_posting: MAX_POSTING,
            within_model: false,
            events_match_activities: true,
        }
    }
}
