//! What one agency asks: where its work overlaps other agencies'.

use serde::{Deserialize, Serialize};

use crate::{Analysis, Handoff, Recommendation, SharedMember};

/// One of the agency's activities that other agencies also perform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverlapActivity {
    /// The shared-activity group.
    pub group: String,
    pub confidence: f64,
    /// The agency's own occurrence(s).
    pub own: Vec<SharedMember>,
    /// Occurrences in other agencies.
    pub others: Vec<SharedMember>,
}

/// Everything [`overlaps`] reports for one agency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyOverlaps {
    pub agency: String,
    pub activities: Vec<OverlapActivity>,
    /// Handoffs from this agency to others.
    pub handoffs_out: Vec<Handoff>,
    /// Handoffs from others to this agency.
    pub handoffs_in: Vec<Handoff>,
    pub recommendations: Vec<Recommendation>,
}

/// The overlaps of the agency with this code (case-insensitive).
pub fn overlaps(analysis: &Analysis, agency_code: &str) -> AgencyOverlaps {
    let is = |a: &Option<String>| {
        a.as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(agency_code.trim()))
    };
    let code = analysis
        .summary
        .agencies
        .iter()
        .find(|c| c.eq_ignore_ascii_case(agency_code.trim()))
        .cloned()
        .unwrap_or_else(|| agency_code.trim().to_string());
    let activities = analysis
        .shared_activities
        .iter()
        .filter(|g| g.members.iter().any(|m| is(&m.agency)))
        .map(|g| {
            let (own, others): (Vec<_>, Vec<_>) =
                g.members.iter().cloned().partition(|m| is(&m.agency));
            OverlapActivity {
                group: g.id.clone(),
                confidence: g.confidence,
                own,
                others,
            }
        })
        .collect();
    AgencyOverlaps {
        activities,
        handoffs_out: analysis
            .handoffs
            .iter()
            .filter(|h| is(&h.from.agency))
            .cloned()
            .collect(),
        handoffs_in: analysis
            .handoffs
            .iter()
            .filter(|h| is(&h.to.agency))
            .cloned()
            .collect(),
        recommendations: analysis
            .recommendations
            .iter()
            .filter(|r| r.agencies.iter().any(|a| a.eq_ignore_ascii_case(&code)))
            .cloned()
            .collect(),
        agency: code,
    }
}
