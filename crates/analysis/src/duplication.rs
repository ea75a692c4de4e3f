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

/// A family of near-duplicate processes of two or more agencies: the
/// processes joined, directly or through others, by [`SimilarProcesses`]
/// pairs (connected components).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessFamily {
    /// Stable id: `PF-` + a digest of the member processes.
    pub id: String,
    /// Distinct agencies of the member processes, sorted.
    pub agencies: Vec<String>,
    /// Member processes, sorted.
    pub processes: Vec<ProcessRef>,
    /// Number of [`SimilarProcesses`] pairs inside the family.
    pub pairs: usize,
    /// Mean `share` over those pairs.
    pub mean_share: f64,
    /// Mean number of matched activities over those pairs.
    pub mean_matched: f64,
    /// Mean correspondence score over those pairs.
    pub mean_score: f64,
}

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use peta_matching::{activities_of, Activity, ActivityKind, MatchResult, Matcher};

use crate::agency::ModelAgencies;
use crate::graph::CrossAgencyGraph;
use crate::handoff::{next_activities, process_name};
use crate::Repository;

/// Minimum share of activities matched one-to-one
/// (`2 × matched / (activities_a + activities_b)`) for two processes of
/// different agencies to count as [`SimilarProcesses`].
pub const SIMILAR_PROCESS_SHARE: f64 = 0.6;
/// Minimum number of matched activity pairs for [`SimilarProcesses`].
pub const SIMILAR_PROCESS_MIN_MATCHED: usize = 3;
/// Minimum number of distinct agencies for a shared activity or fragment.
pub const MIN_AGENCIES: usize = 2;

/// The duplication findings.
#[derive(Debug, Default)]
pub struct Duplication {
    pub shared_activities: Vec<SharedActivity>,
    pub fragments: Vec<DuplicatedFragment>,
    pub similar_processes: Vec<SimilarProcesses>,
    pub process_families: Vec<ProcessFamily>,
}

/// One matchable activity and where it lives.
struct Place {
    model: usize,
    process: usize,
    /// Agency code when the owner is an agency (actors excluded).
    agency: Option<String>,
}

/// FNV-1a digest of strings, 8 hex digits.
pub(crate) fn digest(parts: &[String]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", h >> 32)
}

/// The activities of the included models, with their agencies, as the matcher sees them.
fn collect(
    repo: &Repository,
    included: &[bool],
    assigned: &[ModelAgencies],
) -> (Vec<Activity>, Vec<Place>) {
    let mut acts = Vec::new();
    let mut places = Vec::new();
    for (mi, rm) in repo.models.iter().enumerate() {
        if !included.get(mi).copied().unwrap_or(false) {
            continue;
        }
        let ma = assigned.get(mi);
        let proc_index: HashMap<&str, usize> = rm
            .model
            .processes
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        for mut a in activities_of(&rm.model) {
            if a.kind != ActivityKind::Activity {
                continue;
            }
            let party = ma.and_then(|m| m.nodes.get(&a.key.id));
            a.agency = party.map(|p| p.code.clone());
            let Some(&pi) = proc_index.get(a.process.as_str()) else {
                continue;
            };
            places.push(Place {
                model: mi,
                process: pi,
                agency: party.filter(|p| p.is_agency).map(|p| p.code.clone()),
            });
            acts.push(a);
        }
    }
    (acts, places)
}

/// The matcher's run behind an analysis: the activities it saw and what it
/// found, so that callers (e.g. `peta link`, which stores the links) reuse it
/// instead of matching again.
#[derive(Debug, Clone)]
pub struct MatchRun {
    /// The activities of the included models, as the matcher saw them (agency set).
    pub activities: Vec<Activity>,
    /// Index into `Repository::models` of each activity's model.
    pub models: Vec<usize>,
    /// Correspondences and groups; indices refer to `activities`.
    pub result: MatchResult,
}

impl MatchRun {
    /// Repository-relative path and element id of activity `i`.
    pub fn end<'a>(&'a self, repo: &'a Repository, i: usize) -> Option<(&'a str, &'a str)> {
        let a = self.activities.get(i)?;
        let m = repo.models.get(*self.models.get(i)?)?;
        Some((m.path.as_str(), a.key.id.as_str()))
    }
}

/// Runs the matcher over the included models' activities and derives the
/// duplication findings; adds the shared groups to the graph. Takes the
/// owners by value to free them before matching.
pub fn find(
    repo: &Repository,
    included: &[bool],
    assigned: Vec<ModelAgencies>,
    graph: &mut CrossAgencyGraph,
    matcher: &Matcher,
    phases: &mut crate::Phases,
) -> (Duplication, MatchRun) {
    let (acts, places) = collect(repo, included, &assigned);
    // The owners are in the activities and the graph now: free them before
    // the matcher's peak.
    drop(assigned);
    phases.lap("collect activities");
    let result = matcher.match_repository(&acts);
    phases.lap("matcher");
    let dup = derive(repo, graph, &acts, &places, &result, phases);
    let run = MatchRun {
        models: places.iter().map(|p| p.model).collect(),
        activities: acts,
        result,
    };
    (dup, run)
}

fn process_ref(
    repo: &Repository,
    graph: &CrossAgencyGraph,
    model: usize,
    process: usize,
) -> Option<ProcessRef> {
    let rm = repo.models.get(model)?;
    let p = rm.model.processes.get(process)?;
    Some(ProcessRef {
        agency: graph
            .process_node(model, process)
            .and_then(|n| graph.owner(n))
            .filter(|o| o.is_agency)
            .map(|o| o.code.clone()),
        model: rm.path.clone(),
        id: p.id.clone(),
        name: process_name(&rm.model, p),
    })
}

/// No group: the value of `group_of` for an activity outside every group.
const NO_GROUP: usize = usize::MAX;

fn derive(
    repo: &Repository,
    graph: &mut CrossAgencyGraph,
    acts: &[Activity],
    places: &[Place],
    result: &MatchResult,
    phases: &mut crate::Phases,
) -> Duplication {
    // Group of every activity (NO_GROUP when none).
    let mut group_of: Vec<usize> = vec![NO_GROUP; acts.len()];
    for (gi, g) in result.groups.iter().enumerate() {
        for &m in &g.members {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = gi;
            }
        }
    }
    // Best correspondence per activity within its group, for `why`: one
    // pass over the correspondences, the explanation rendered only for the
    // winners.
    let mut best: Vec<Option<(f64, usize)>> = vec![None; acts.len()];
    for (ci, c) in result.correspondences.iter().enumerate() {
        let (Some(&ga), Some(&gb)) = (group_of.get(c.a), group_of.get(c.b)) else {
            continue;
        };
        if ga == NO_GROUP || ga != gb {
            continue;
        }
        for x in [c.a, c.b] {
            if let Some(slot) = best.get_mut(x) {
                if slot.is_none_or(|(s, _)| c.score > s) {
                    *slot = Some((c.score, ci));
                }
            }
        }
    }
    let why = |i: usize| -> String {
        best.get(i)
            .copied()
            .flatten()
            .and_then(|(_, ci)| result.correspondences.get(ci))
            .map(|c| c.why.summary())
            .unwrap_or_default()
    };

    let member = |i: usize| -> Option<SharedMember> {
        let a = acts.get(i)?;
        let pl = places.get(i)?;
        let rm = repo.models.get(pl.model)?;
        let p = rm.model.processes.get(pl.process)?;
        Some(SharedMember {
            agency: a.agency.clone(),
            model: rm.path.clone(),
            id: a.key.id.clone(),
            label: a.label.clone(),
            process: p.id.clone(),
            process_name: process_name(&rm.model, p),
            why: why(i),
        })
    };

    // Shared activities: groups spanning two or more agencies.
    let mut shared = Vec::new();
    let mut shared_id_of_group: HashMap<usize, String> = HashMap::new();
    for (gi, g) in result.groups.iter().enumerate() {
        let agencies: BTreeSet<&str> = g
            .members
            .iter()
            .filter_map(|&m| places.get(m).and_then(|p| p.agency.as_deref()))
            .collect();
        if agencies.len() < MIN_AGENCIES {
            continue;
        }
        let mut members: Vec<SharedMember> = g.members.iter().filter_map(|&m| member(m)).collect();
        members.sort_by(|a, b| {
            a.agency
                .cmp(&b.agency)
                .then(a.model.cmp(&b.model))
                .then(a.id.cmp(&b.id))
        });
        let keys: Vec<String> = members
            .iter()
            .map(|m| format!("{}#{}", m.model, m.id))
            .collect();
        let id = format!("SA-{}", digest(&keys));
        let graph_members: Vec<(usize, String)> = g
            .members
            .iter()
            .filter_map(|&m| Some((places.get(m)?.model, acts.get(m)?.key.id.clone())))
            .collect();
        graph.add_group(&id, &graph_members);
        shared_id_of_group.insert(gi, id.clone());
        shared.push(SharedActivity {
            id,
            label: g.label.clone(),
            confidence: (g.confidence * 1000.0).round() / 1000.0,
            agencies: agencies.into_iter().map(str::to_string).collect(),
            members,
        });
    }
    shared.sort_by(|a, b| {
        b.agencies
            .len()
            .cmp(&a.agencies.len())
            .then(b.members.len().cmp(&a.members.len()))
            .then(a.label.cmp(&b.label))
            .then(a.id.cmp(&b.id))
    });
    phases.lap("shared activities");

    let fragments = fragments(
        repo,
        graph,
        acts,
        places,
        &group_of,
        &shared_id_of_group,
        &shared,
    );
    phases.lap("fragments");
    let similar = similar(repo, graph, places, result);
    let families = families(&similar);
    phases.lap("similar processes");
    Duplication {
        shared_activities: shared,
        fragments,
        similar_processes: similar,
        process_families: families,
    }
}

/// Runs of consecutive activities (control-flow successors through gateways
/// and events) whose activities belong to shared groups, occurring in
/// processes of two or more agencies.
///
/// Near-linear: every activity of a shared group contributes its steps to
/// the next activities (bounded by the process's out-degree), steps are
/// bucketed by their (group, next group) pair in one map, and chains are
/// walked once over those buckets. A fragment that is a sub-run of a longer
/// fragment at every one of its occurrences is dropped ([`drop_sub_runs`]).
fn fragments(
    repo: &Repository,
    graph: &CrossAgencyGraph,
    acts: &[Activity],
    places: &[Place],
    group_of: &[usize],
    shared_id: &HashMap<usize, String>,
    shared: &[SharedActivity],
) -> Vec<DuplicatedFragment> {
    let group = |i: usize| group_of.get(i).copied().unwrap_or(NO_GROUP);
    // Activity index by (model, id), only for activities in shared groups.
    let mut index: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, a) in acts.iter().enumerate() {
        if shared_id.contains_key(&group(i)) {
            if let Some(p) = places.get(i) {
                index.insert((p.model, a.key.id.as_str()), i);
            }
        }
    }
    // Step edges: (group x, group y) → activity pairs.
    let mut steps: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    let mut succ: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut sorted: Vec<(&(usize, &str), &usize)> = index.iter().collect();
    sorted.sort();
    for (&(model, id), &x) in sorted {
        let Some(n) = graph.flow_node(model, id) else {
            continue;
        };
        for (next, _) in next_activities(graph, n) {
            let Some((nm, _)) = graph.process_of(next) else {
                continue;
            };
            let nid = match graph.graph.node_weight(next) {
                Some(crate::graph::GraphNode::Flow { id, .. }) => id.as_str(),
                _ => continue,
            };
            let Some(&y) = index.get(&(nm, nid)) else {
                continue;
            };
            let (gx, gy) = (group(x), group(y));
            if gx == gy {
                continue;
            }
            steps.entry((gx, gy)).or_default().push((x, y));
            succ.entry(x).or_default().push(y);
        }
    }
    let agencies_of = |pairs: &[(usize, usize)]| -> BTreeSet<&str> {
        pairs
            .iter()
            .filter_map(|(x, _)| places.get(*x).and_then(|p| p.agency.as_deref()))
            .collect()
    };
    let kept: BTreeSet<(usize, usize)> = steps
        .iter()
        .filter(|(_, pairs)| agencies_of(pairs).len() >= MIN_AGENCIES)
        .map(|(k, _)| *k)
        .collect();
    // Maximal chains over kept edges, broken where a group branches.
    let mut out_deg: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut in_deg: BTreeMap<usize, usize> = BTreeMap::new();
    for &(a, b) in &kept {
        out_deg.entry(a).or_default().push(b);
        *in_deg.entry(b).or_insert(0) += 1;
    }
    let simple = |g: usize| in_deg.get(&g) == Some(&1) && out_deg.get(&g).map_or(0, Vec::len) == 1;
    let mut chains: Vec<Vec<usize>> = Vec::new();
    for &(a, b) in &kept {
        if simple(a) {
            continue;
        }
        let mut chain = vec![a, b];
        let mut on_chain: HashSet<usize> = chain.iter().copied().collect();
        let mut cur = b;
        while simple(cur) {
            let Some(&next) = out_deg.get(&cur).and_then(|v| v.first()) else {
                break;
            };
            if !on_chain.insert(next) {
                break;
            }
            chain.push(next);
            cur = next;
        }
        chains.push(chain);
    }
    // Occurrences of a chain: activity paths x1 → … → xk following `succ`.
    let occurrences = |chain: &[usize]| -> Vec<Vec<usize>> {
        let mut paths: Vec<Vec<usize>> = steps
            .get(&(chain[0], chain[1]))
            .map(|v| v.iter().map(|&(x, y)| vec![x, y]).collect())
            .unwrap_or_default();
        for &g in &chain[2..] {
            let mut next_paths = Vec::new();
            for p in &paths {
                let last = p[p.len() - 1];
                for &y in succ.get(&last).map(Vec::as_slice).unwrap_or(&[]) {
                    if group(y) == g && !p.contains(&y) {
                        let mut q = p.clone();
                        q.push(y);
                        next_paths.push(q);
                    }
                }
            }
            paths = next_paths;
        }
        paths.sort();
        paths.dedup();
        paths
    };
    let label_of: HashMap<&str, &str> = shared
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    let mut result: BTreeMap<Vec<String>, DuplicatedFragment> = BTreeMap::new();
    // a process occurs in many fragments: its reference is built once
    let mut process_refs: HashMap<(usize, usize), Option<ProcessRef>> = HashMap::new();
    let mut emit = |chain: &[usize], paths: Vec<Vec<usize>>| {
        let groups: Vec<String> = chain
            .iter()
            .filter_map(|g| shared_id.get(g).cloned())
            .collect();
        if groups.len() != chain.len() || result.contains_key(&groups) {
            return;
        }
        let labels: Vec<String> = groups
            .iter()
            .map(|id| {
                label_of
                    .get(id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        let mut occs = Vec::new();
        let mut agencies = BTreeSet::new();
        for path in paths {
            let Some(pl) = places.get(path[0]) else {
                continue;
            };
            let Some(pr) = process_refs
                .entry((pl.model, pl.process))
                .or_insert_with(|| process_ref(repo, graph, pl.model, pl.process))
                .clone()
            else {
                continue;
            };
            if let Some(a) = &pl.agency {
                agencies.insert(a.clone());
            }
            let ids = path
                .iter()
                .filter_map(|&i| acts.get(i).map(|a| a.key.id.clone()))
                .collect();
            let labels = path
                .iter()
                .filter_map(|&i| acts.get(i).map(|a| a.label.clone()))
                .collect();
            let mut pr = pr;
            pr.agency = pl.agency.clone();
            occs.push(FragmentOccurrence {
                process: pr,
                ids,
                labels,
            });
        }
        if agencies.len() < MIN_AGENCIES {
            return;
        }
        occs.sort_by(|a, b| a.process.cmp(&b.process).then(a.ids.cmp(&b.ids)));
        result.insert(
            groups.clone(),
            DuplicatedFragment {
                id: format!("F-{}", digest(&groups)),
                groups,
                labels,
                agencies: agencies.into_iter().collect(),
                occurrences: occs,
            },
        );
    };
    for chain in &chains {
        let paths = occurrences(chain);
        let agencies: BTreeSet<&str> = paths
            .iter()
            .filter_map(|p| places.get(p[0]).and_then(|pl| pl.agency.as_deref()))
            .collect();
        if agencies.len() >= MIN_AGENCIES {
            emit(chain, paths);
        } else {
            for w in chain.windows(2) {
                let paths = occurrences(w);
                emit(w, paths);
            }
        }
    }
    let mut out = drop_sub_runs(result.into_values().collect());
    out.sort_by(|a, b| {
        b.groups
            .len()
            .cmp(&a.groups.len())
            .then(b.agencies.len().cmp(&a.agencies.len()))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// Drops every fragment that adds nothing to a longer one: each of its
/// occurrences is a contiguous part (same model, same activity ids in the
/// same order) of an occurrence of one and the same longer fragment. A
/// fragment that also occurs elsewhere (one more process, one more agency)
/// is kept. Cost: the windows of every occurrence (quadratic in the
/// fragment's length, linear in the number of occurrences) in one hash map.
pub fn drop_sub_runs(fragments: Vec<DuplicatedFragment>) -> Vec<DuplicatedFragment> {
    let mut windows: HashMap<(&str, &[String]), Vec<usize>> = HashMap::new();
    for (fi, f) in fragments.iter().enumerate() {
        for o in &f.occurrences {
            let n = o.ids.len();
            for len in 2..n {
                for start in 0..=n - len {
                    let key = (o.process.model.as_str(), &o.ids[start..start + len]);
                    let v = windows.entry(key).or_default();
                    if v.last() != Some(&fi) {
                        v.push(fi);
                    }
                }
            }
        }
    }
    let keep: Vec<bool> = fragments
        .iter()
        .enumerate()
        .map(|(fi, f)| {
            let mut covering: Option<Vec<usize>> = None;
            for o in &f.occurrences {
                let here = windows
                    .get(&(o.process.model.as_str(), o.ids.as_slice()))
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let next: Vec<usize> = match &covering {
                    None => here.iter().copied().filter(|&g| g != fi).collect(),
                    Some(c) => c.iter().copied().filter(|g| here.contains(g)).collect(),
                };
                if next.is_empty() {
                    return true;
                }
                covering = Some(next);
            }
            covering.is_none()
        })
        .collect();
    drop(windows);
    fragments
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

/// Pairs of processes of different agencies whose activities mostly match.
///
/// Candidate pairs come from the correspondences alone (two processes are
/// compared only when at least one of their activities are linked), so the
/// cost is linear in the number of correspondences, which the matcher
/// bounds per activity. A pair is scored only when it can still reach the
/// thresholds: at least [`SIMILAR_PROCESS_MIN_MATCHED`] distinct activities
/// linked on each side and `2 × min(linked a, linked b) / (activities_a +
/// activities_b) ≥` [`SIMILAR_PROCESS_SHARE`].
fn similar(
    repo: &Repository,
    graph: &CrossAgencyGraph,
    places: &[Place],
    result: &MatchResult,
) -> Vec<SimilarProcesses> {
    // Dense process numbers, their sizes and agencies.
    let mut number: HashMap<(usize, usize), u32> = HashMap::new();
    let mut procs: Vec<(usize, usize)> = Vec::new();
    let mut sizes: Vec<usize> = Vec::new();
    let mut proc_of: Vec<u32> = Vec::with_capacity(places.len());
    for p in places {
        let k = (p.model, p.process);
        let n = *number.entry(k).or_insert_with(|| {
            procs.push(k);
            sizes.push(0);
            (procs.len() - 1) as u32
        });
        sizes[n as usize] += 1;
        proc_of.push(n);
    }
    let agency: Vec<Option<&str>> = procs
        .iter()
        .map(|&(m, p)| {
            graph
                .process_node(m, p)
                .and_then(|n| graph.owner(n))
                .filter(|o| o.is_agency)
                .map(|o| o.code.as_str())
        })
        .collect();
    /// Score and the two activity indices of a correspondence.
    type Link = (f64, usize, usize);
    let mut pairs: HashMap<(u32, u32), Vec<Link>> = HashMap::new();
    for c in &result.correspondences {
        let (Some(&pa), Some(&pb)) = (proc_of.get(c.a), proc_of.get(c.b)) else {
            continue;
        };
        if pa == pb {
            continue;
        }
        let (Some(aa), Some(ab)) = (agency[pa as usize], agency[pb as usize]) else {
            continue;
        };
        if aa == ab {
            continue;
        }
        let (k, x, y) = if procs[pa as usize] < procs[pb as usize] {
            ((pa, pb), c.a, c.b)
        } else {
            ((pb, pa), c.b, c.a)
        };
        pairs.entry(k).or_default().push((c.score, x, y));
    }
    let mut out = Vec::new();
    for ((pa, pb), mut links) in pairs {
        let (na, nb) = (sizes[pa as usize], sizes[pb as usize]);
        if na + nb == 0
            || links.len() < SIMILAR_PROCESS_MIN_MATCHED
            || 2.0 * (links.len() as f64) < SIMILAR_PROCESS_SHARE * (na + nb) as f64
        {
            continue;
        }
        // Upper bound of the one-to-one matching: distinct ends on each side.
        let distinct = |pick: fn(&Link) -> usize| {
            let mut v: Vec<usize> = links.iter().map(pick).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        let bound = distinct(|l| l.1).min(distinct(|l| l.2));
        if bound < SIMILAR_PROCESS_MIN_MATCHED
            || 2.0 * bound as f64 / ((na + nb) as f64) < SIMILAR_PROCESS_SHARE
        {
            continue;
        }
        // Greedy one-to-one assignment, strongest first.
        links.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut used_a = HashSet::new();
        let mut used_b = HashSet::new();
        let mut total = 0.0;
        let mut matched = 0;
        for (s, x, y) in links {
            if used_a.contains(&x) || used_b.contains(&y) {
                continue;
            }
            used_a.insert(x);
            used_b.insert(y);
            total += s;
            matched += 1;
        }
        let share = 2.0 * matched as f64 / (na + nb) as f64;
        if matched < SIMILAR_PROCESS_MIN_MATCHED || share < SIMILAR_PROCESS_SHARE {
            continue;
        }
        let (ka, kb) = (procs[pa as usize], procs[pb as usize]);
        let (Some(a), Some(b)) = (
            process_ref(repo, graph, ka.0, ka.1),
            process_ref(repo, graph, kb.0, kb.1),
        ) else {
            continue;
        };
        out.push(SimilarProcesses {
            a,
            b,
            matched,
            activities_a: na,
            activities_b: nb,
            share: (share * 1000.0).round() / 1000.0,
            mean_score: ((total / matched as f64) * 1000.0).round() / 1000.0,
        });
    }
    out.sort_by(|x, y| {
        y.share
            .total_cmp(&x.share)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
}

/// Families of near-duplicate processes: the connected components of the
/// [`SimilarProcesses`] pairs (union-find, linear in the pairs). One
/// family is one finding (`standarisasi proses`), however many pairs it
/// holds.
pub fn families(similar: &[SimilarProcesses]) -> Vec<ProcessFamily> {
    let mut number: BTreeMap<&ProcessRef, usize> = BTreeMap::new();
    for s in similar {
        for p in [&s.a, &s.b] {
            let n = number.len();
            number.entry(p).or_insert(n);
        }
    }
    let mut parent: Vec<usize> = (0..number.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for s in similar {
        let (Some(&a), Some(&b)) = (number.get(&s.a), number.get(&s.b)) else {
            continue;
        };
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut comps: BTreeMap<usize, Vec<&SimilarProcesses>> = BTreeMap::new();
    for s in similar {
        if let Some(&a) = number.get(&s.a) {
            let r = root(&mut parent, a);
            comps.entry(r).or_default().push(s);
        }
    }
    let mut out: Vec<ProcessFamily> = comps
        .into_values()
        .map(|pairs| {
            let procs: BTreeSet<&ProcessRef> = pairs.iter().flat_map(|s| [&s.a, &s.b]).collect();
            let processes: Vec<ProcessRef> = procs.into_iter().cloned().collect();
            let agencies: BTreeSet<String> =
                processes.iter().filter_map(|p| p.agency.clone()).collect();
            let n = pairs.len() as f64;
            let mean = |f: fn(&SimilarProcesses) -> f64| {
                (pairs.iter().map(|s| f(s)).sum::<f64>() / n * 1000.0).round() / 1000.0
            };
            let keys: Vec<String> = processes
                .iter()
                .map(|p| format!("{}#{}", p.model, p.id))
                .collect();
            ProcessFamily {
                id: format!("PF-{}", digest(&keys)),
                agencies: agencies.into_iter().collect(),
                pairs: pairs.len(),
                mean_share: mean(|s| s.share),
                mean_matched: mean(|s| s.matched as f64),
                mean_score: mean(|s| s.mean_score),
                processes,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.agencies
            .len()
            .cmp(&a.agencies.len())
            .then(b.processes.len().cmp(&a.processes.len()))
            .then(a.id.cmp(&b.id))
    });
    out
}
