//! The cross-agency graph: handoffs, duplication, recommendations.
//!
//! [`Repository::load`] reads BPMN files and the registry; [`analyze`] turns
//! them into an [`Analysis`]: every activity/event occurrence with its agency,
//! the inter-agency [`Handoff`]s, the activities several agencies perform
//! ([`SharedActivity`]), duplicated fragments and near-identical processes,
//! repeated data requests, and ranked [`Recommendation`]s. [`report`] renders
//! an analysis as Markdown (Bahasa Indonesia or English) or CSV.
//!
//! [`Repository::load_with`] with [`LoadOptions::analysis_only`] leaves out
//! the diagram interchange, which no analysis reads: the analysis is the same
//! and a national-scale repository takes a third less memory.
//!
//! Everything in an [`Analysis`] is sorted, so two runs on the same input give
//! byte-identical output.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod agency;
pub mod data;
pub mod duplication;
pub mod graph;
pub mod handoff;
pub mod measure;
pub mod overlaps;
pub mod recommend;
pub mod report;
mod repository;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use agency::{Occurrence, UnresolvedName};
pub use data::{DataRequest, DataUse};
pub use duplication::{
    DuplicatedFragment, FragmentOccurrence, MatchRun, ProcessFamily, ProcessRef, SharedActivity,
    SharedMember, SimilarProcesses,
};
pub use handoff::{
    Endpoint, Handoff, HandoffKind, KindCounts, PairStats, PingPong, ProcessStats, ThemeStats,
};
pub use overlaps::{overlaps, AgencyOverlaps, OverlapActivity};
pub use recommend::{Evidence, Rationale, Recommendation, RecommendationKind, Saving};
pub use repository::{strip_extension, LoadOptions, RepoModel, Repository, BPMN_EXTENSIONS};

/// What to analyse and how.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnalysisOptions {
    /// Restrict every analysis to the models of this theme (code,
    /// case-insensitive). Call activities still resolve across the whole
    /// repository.
    pub theme: Option<String>,
}

/// Counts over the analysed part of the repository.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The theme filter applied, if any.
    pub theme: Option<String>,
    pub models: usize,
    pub processes: usize,
    pub activities: usize,
    pub events: usize,
    /// Agencies (is_agency = true) owning at least one occurrence, sorted.
    pub agencies: Vec<String>,
    /// Actors (is_agency = false) owning at least one occurrence, sorted.
    pub actors: Vec<String>,
    /// Activities and events whose agency could not be determined.
    pub unassigned: usize,
    pub handoffs: KindCounts,
    pub citizen_contacts: usize,
    /// Shared-activity groups spanning two or more agencies.
    pub shared_activities: usize,
    pub fragments: usize,
    pub similar_processes: usize,
    /// Families of near-duplicate processes (connected similar pairs).
    #[serde(default)]
    pub process_families: usize,
    pub data_requests: usize,
    pub recommendations: BTreeMap<RecommendationKind, usize>,
}

/// The result of [`analyze`]. Every list is sorted deterministically.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub summary: Summary,
    /// Every activity and event of the analysed models, with its agency.
    pub occurrences: Vec<Occurrence>,
    /// Transfers of work or information between two different agencies.
    pub handoffs: Vec<Handoff>,
    pub process_stats: Vec<ProcessStats>,
    /// Directed agency pairs with handoff counts by kind.
    pub pair_stats: Vec<PairStats>,
    pub theme_stats: Vec<ThemeStats>,
    /// Shared-activity groups spanning two or more agencies.
    pub shared_activities: Vec<SharedActivity>,
    pub fragments: Vec<DuplicatedFragment>,
    pub similar_processes: Vec<SimilarProcesses>,
    /// Connected components of `similar_processes`: one finding each.
    #[serde(default)]
    pub process_families: Vec<ProcessFamily>,
    pub data_requests: Vec<DataRequest>,
    /// Ranked, best first.
    pub recommendations: Vec<Recommendation>,
    /// Pool and lane names that resolve to no agency.
    pub unresolved_names: Vec<UnresolvedName>,
    /// Crossings between an agency and an actor with `is_agency = false`
    /// (applicant, citizen, business), found like handoffs.
    pub citizen_contacts: Vec<Handoff>,
}

/// Runs every analysis on the repository (or on one theme of it), with the
/// matcher's default configuration.
pub fn analyze(repo: &Repository, opts: &AnalysisOptions) -> Analysis {
    analyze_with(repo, opts, &peta_matching::Matcher::with_defaults())
}

/// [`analyze`] with a given matcher (thresholds, lexicon).
pub fn analyze_with(
    repo: &Repository,
    opts: &AnalysisOptions,
    matcher: &peta_matching::Matcher,
) -> Analysis {
    run(repo, opts, matcher, false).0
}

/// [`analyze_with`], also returning the matcher's run the duplication
/// findings rest on (activities of the included models, correspondences,
/// groups), so that a caller storing match links reuses it instead of
/// matching a second time.
pub fn analyze_with_matches(
    repo: &Repository,
    opts: &AnalysisOptions,
    matcher: &peta_matching::Matcher,
) -> (Analysis, MatchRun) {
    let (analysis, run) = run(repo, opts, matcher, true);
    let run = run.unwrap_or_else(|| MatchRun {
        activities: Vec::new(),
        models: Vec::new(),
        result: peta_matching::MatchResult {
            correspondences: Vec::new(),
            groups: Vec::new(),
        },
    });
    (analysis, run)
}

/// The analyses; the matcher's run is returned when `keep_run`, else freed
/// as soon as the duplication findings are derived (before data requests and
/// recommendations, so that their memory does not add to the matcher's).
fn run(
    repo: &Repository,
    opts: &AnalysisOptions,
    matcher: &peta_matching::Matcher,
    keep_run: bool,
) -> (Analysis, Option<MatchRun>) {
    let mut phases = Phases::from_env();
    let registry = &repo.registry;
    let resolver = agency::Resolver::new(registry);
    let theme = opts.theme.as_deref().map(|code| {
        registry
            .theme(code)
            .map(|t| t.code.clone())
            .unwrap_or_else(|| code.to_string())
    });
    let themes: Vec<Vec<String>> = repo
        .models
        .iter()
        .map(|m| {
            registry
                .themes_of(&m.path)
                .into_iter()
                .map(|t| t.code.clone())
                .collect()
        })
        .collect();
    let included: Vec<bool> = themes
        .iter()
        .map(|ts| match &theme {
            Some(code) => ts.iter().any(|t| t == code),
            None => true,
        })
        .collect();

    let mut names = agency::NameLog::default();
    let mut assigned = Vec::with_capacity(repo.models.len());
    for (rm, inc) in repo.models.iter().zip(&included) {
        let mut scratch = agency::NameLog::default();
        let log = if *inc { &mut names } else { &mut scratch };
        assigned.push(agency::assign(&resolver, rm, log));
    }
    phases.lap("agencies");
    let keys = data::ObjectKeys::new(matcher.lexicon());
    let mut graph = graph::CrossAgencyGraph::build(&repo.models, &assigned, &keys);
    // The owners of pools and processes are in the graph now.
    for ma in &mut assigned {
        ma.participants = std::collections::HashMap::new();
        ma.processes = Vec::new();
    }
    phases.lap("graph");

    let occurrences = occurrences(repo, &included, &mut assigned, &resolver);
    phases.lap("occurrences");

    let ctx = handoff::Ctx {
        models: &repo.models,
        graph: &graph,
        included: &included,
        themes: &themes,
    };
    let found = handoff::find(&ctx);
    let process_stats = handoff::process_stats(&ctx, &found.handoffs);
    let pair_stats = handoff::pair_stats(&found.handoffs);
    let theme_stats = handoff::theme_stats(&found.handoffs, &found.citizen_contacts);
    phases.lap("handoffs + stats");

    let (dup, run) = duplication::find(repo, &included, assigned, &mut graph, matcher, &mut phases);
    let run = keep_run.then_some(run);
    let data_requests = data::requests(repo, &included, &graph);
    phases.lap("data requests");

    let mut analysis = Analysis {
        summary: Summary::default(),
        occurrences,
        handoffs: found.handoffs,
        process_stats,
        pair_stats,
        theme_stats,
        shared_activities: dup.shared_activities,
        fragments: dup.fragments,
        similar_processes: dup.similar_processes,
        process_families: dup.process_families,
        data_requests,
        recommendations: Vec::new(),
        unresolved_names: names.into_unresolved(),
        citizen_contacts: found.citizen_contacts,
    };
    analysis.recommendations = recommend::recommend(repo, &themes, &analysis);
    phases.lap("recommendations");
    analysis.summary = summarize(repo, &included, theme, &analysis, &resolver);
    (analysis, run)
}

/// Wall time per phase of [`analyze_with`], printed to standard error when
/// the environment variable `PETA_ANALYSIS_PHASES` is set (for profiling;
/// silent otherwise).
pub struct Phases {
    on: bool,
    last: std::time::Instant,
}

impl Phases {
    pub fn from_env() -> Phases {
        Phases {
            on: std::env::var_os("PETA_ANALYSIS_PHASES").is_some(),
            last: std::time::Instant::now(),
        }
    }

    /// Prints the time since the previous lap under `name`.
    pub fn lap(&mut self, name: &str) {
        if self.on {
            // Resident and peak memory (Linux; blank elsewhere).
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let field = |key: &str| {
                status
                    .lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<u64>().ok())
                    .map_or(String::new(), |kb| format!("{} MiB", kb / 1024))
            };
            eprintln!(
                "analysis phase {name:<22} {:8.2} s  rss {:>10}  peak {:>10}",
                self.last.elapsed().as_secs_f64(),
                field("VmRSS:"),
                field("VmHWM:")
            );
        }
        self.last = std::time::Instant::now();
    }
}

/// Every activity and event of the included models, sorted by model and id.
/// Frees each model's lane names (`assigned[i].lanes`) once read.
fn occurrences(
    repo: &Repository,
    included: &[bool],
    assigned: &mut [agency::ModelAgencies],
    resolver: &agency::Resolver<'_>,
) -> Vec<Occurrence> {
    let occurs = |n: &peta_bpmn::FlowNode| n.is_activity() || n.is_event();
    // Exact size: at national scale the table holds millions of entries.
    let total: usize = repo
        .models
        .iter()
        .zip(included)
        .filter(|(_, inc)| **inc)
        .map(|(rm, _)| rm.model.flow_nodes().filter(|(_, n)| occurs(n)).count())
        .sum();
    let mut out = Vec::with_capacity(total);
    for ((rm, inc), ma) in repo.models.iter().zip(included).zip(assigned.iter_mut()) {
        if !inc {
            continue;
        }
        let first = out.len();
        for (p, n) in rm.model.flow_nodes() {
            if !occurs(n) {
                continue;
            }
            let agency = ma.nodes.get(&n.id).map(|p| p.code.clone());
            let actor = agency.as_deref().is_some_and(|c| !resolver.is_agency(c));
            out.push(Occurrence {
                agency,
                model: rm.path.clone(),
                id: n.id.clone(),
                label: n.label().to_string(),
                process: p.id.clone(),
                lane: ma.lanes.get(&n.id).cloned(),
                kind: n.element_name().to_string(),
                actor,
            });
        }
        ma.lanes = std::collections::HashMap::new();
        // Sorted model by model (stable, as the whole table would be).
        if let Some(mine) = out.get_mut(first..) {
            mine.sort_by(|a, b| a.id.cmp(&b.id));
        }
    }
    // Models come sorted by path, so this finds the table sorted and keeps
    // it; a repository built with models out of order is sorted here.
    let by_key = |a: &Occurrence, b: &Occurrence| a.model.cmp(&b.model).then(a.id.cmp(&b.id));
    if !out.is_sorted_by(|a, b| by_key(a, b).is_le()) {
        out.sort_by(by_key);
    }
    out
}

fn summarize(
    repo: &Repository,
    included: &[bool],
    theme: Option<String>,
    a: &Analysis,
    resolver: &agency::Resolver<'_>,
) -> Summary {
    let mut agencies = std::collections::BTreeSet::new();
    let mut actors = std::collections::BTreeSet::new();
    let mut s = Summary {
        theme,
        ..Summary::default()
    };
    for o in &a.occurrences {
        if o.kind.ends_with("Event") {
            s.events += 1;
        } else {
            s.activities += 1;
        }
        match &o.agency {
            Some(c) if resolver.is_agency(c) => {
                agencies.insert(c.clone());
            }
            Some(c) => {
                actors.insert(c.clone());
            }
            None => s.unassigned += 1,
        }
    }
    for (rm, inc) in repo.models.iter().zip(included) {
        if *inc {
            s.models += 1;
            s.processes += rm.model.processes.len();
        }
    }
    s.agencies = agencies.into_iter().collect();
    s.actors = actors.into_iter().collect();
    for h in &a.handoffs {
        s.handoffs.add(h.kind);
    }
    s.citizen_contacts = a.citizen_contacts.len();
    s.shared_activities = a.shared_activities.len();
    s.fragments = a.fragments.len();
    s.similar_processes = a.similar_processes.len();
    s.process_families = a.process_families.len();
    s.data_requests = a.data_requests.len();
    for r in &a.recommendations {
        *s.recommendations.entry(r.kind).or_insert(0) += 1;
    }
    s
}
