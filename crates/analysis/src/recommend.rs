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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;

use crate::measure;
use crate::report::{handoff_kind_label, Lang};
use crate::{Analysis, Endpoint, Handoff, HandoffKind, Repository};

/// Kind weights `W` of the score (docs/analysis.md, "Scores").
pub fn weight(kind: RecommendationKind) -> f64 {
    match kind {
        RecommendationKind::SharedService => 1.0,
        RecommendationKind::Integration => 0.8,
        RecommendationKind::DataInterconnection => 0.9,
        RecommendationKind::ProcessStandardisation => 0.7,
        RecommendationKind::RemovePingPong => 1.0,
    }
}

/// An integration is recommended for an agency pair with at least this many
/// handoffs (both directions together).
pub const MIN_INTEGRATION_HANDOFFS: usize = 2;
/// Redundancy credited to a handoff with an automated end (a manual one counts 1).
pub const AUTOMATED_HANDOFF_WEIGHT: f64 = 0.5;
/// Confidence of a data interconnection whose producer the repository does not show.
pub const NO_PRODUCER_CONFIDENCE: f64 = 0.6;
/// Fragments shorter than this are reported (`Analysis::fragments`) but not
/// recommended on their own: each of their steps is a shared activity of at
/// least the same agencies, already recommended as such, so a two-step run
/// repeats those findings. A run of this many steps can be a service of its own.
pub const MIN_FRAGMENT_STEPS: usize = 3;
/// Weight of an extra occurrence within an agency already counted in a shared activity.
pub const EXTRA_OCCURRENCE_WEIGHT: f64 = 0.5;

/// The Reijers & Limam Mansar best practices behind each kind (English, Indonesian).
pub fn heuristic(kind: RecommendationKind) -> (&'static str, &'static str) {
    match kind {
        RecommendationKind::SharedService => (
            "Task elimination; centralization",
            "eliminasi tugas (task elimination); sentralisasi (centralization)",
        ),
        RecommendationKind::Integration => (
            "Integration; task automation",
            "integrasi (integration); otomasi tugas (task automation)",
        ),
        RecommendationKind::DataInterconnection => (
            "Trusted party; contact reduction",
            "pihak tepercaya (trusted party); pengurangan kontak (contact reduction)",
        ),
        RecommendationKind::ProcessStandardisation => (
            "Case types; interfacing",
            "jenis kasus (case types); antarmuka baku (interfacing)",
        ),
        RecommendationKind::RemovePingPong => (
            "Contact reduction; numerical involvement",
            "pengurangan kontak (contact reduction); pelibatan minimal (numerical involvement)",
        ),
    }
}

/// Picks the time (`.0`) or the cost (`.1`) of a measure.
type Pick = fn((Option<f64>, Option<f64>)) -> Option<f64>;

/// Time and cost per element (`model path`, `id`): flow nodes, sequence
/// flows and message flows with [`measure`] properties.
struct Measures(HashMap<String, HashMap<String, Measure>>);

/// Minutes and cost of one element.
type Measure = (Option<f64>, Option<f64>);

impl Measures {
    fn new(repo: &Repository) -> Measures {
        let mut map: HashMap<String, HashMap<String, _>> = HashMap::new();
        let mut put = |path: &str, id: &str, ext: &peta_bpmn::Extensions| {
            let m = (measure::minutes(ext), measure::cost(ext));
            if m.0.is_some() || m.1.is_some() {
                map.entry(path.to_string())
                    .or_default()
                    .insert(id.to_string(), m);
            }
        };
        for rm in &repo.models {
            for p in &rm.model.processes {
                for n in &p.flow_nodes {
                    put(&rm.path, &n.id, &n.ext);
                }
                for f in &p.sequence_flows {
                    put(&rm.path, &f.id, &f.ext);
                }
            }
            for f in rm
                .model
                .collaborations
                .iter()
                .flat_map(|c| &c.message_flows)
            {
                put(&rm.path, &f.id, &f.ext);
            }
        }
        Measures(map)
    }

    fn get(&self, model: &str, id: &str) -> (Option<f64>, Option<f64>) {
        self.0
            .get(model)
            .and_then(|m| m.get(id))
            .copied()
            .unwrap_or((None, None))
    }
}

/// Sum of the known values; `None` when none is known.
fn sum(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
}

/// The total of a set of values minus the largest: what remains when one
/// execution of duplicated work is kept.
fn all_but_largest(values: &[Option<f64>]) -> Option<f64> {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.len() < 2 {
        return None;
    }
    let max = known.iter().copied().fold(f64::MIN, f64::max);
    Some(known.iter().sum::<f64>() - max)
}

/// `T` of the score: 1 + ln(1 + hours saved) + 0.5 × ln(1 + cost saved / 1 000 000).
pub fn time_factor(saving: Option<&Saving>) -> f64 {
    let Some(s) = saving else { return 1.0 };
    let h = s.minutes.unwrap_or(0.0).max(0.0) / 60.0;
    let c = s.cost.unwrap_or(0.0).max(0.0) / 1_000_000.0;
    1.0 + (1.0 + h).ln() + 0.5 * (1.0 + c).ln()
}

fn saving(
    minutes: Option<f64>,
    cost: Option<f64>,
    basis_id: &str,
    basis_en: &str,
) -> Option<Saving> {
    let minutes = minutes.filter(|m| *m > 0.0);
    let cost = cost.filter(|c| *c > 0.0);
    if minutes.is_none() && cost.is_none() {
        return None;
    }
    Some(Saving {
        minutes,
        cost,
        basis: Rationale {
            id: basis_id.to_string(),
            en: basis_en.to_string(),
        },
    })
}

/// FNV-1a over the evidence: a stable id suffix.
fn digest(parts: &[String]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", h >> 32)
}

fn prefix(kind: RecommendationKind) -> &'static str {
    match kind {
        RecommendationKind::SharedService => "SS",
        RecommendationKind::Integration => "IN",
        RecommendationKind::DataInterconnection => "DI",
        RecommendationKind::ProcessStandardisation => "PS",
        RecommendationKind::RemovePingPong => "PP",
    }
}

fn evidence_of(e: &Endpoint, process: Option<&str>) -> Evidence {
    Evidence {
        agency: e.agency.clone(),
        model: e.model.clone(),
        id: e.id.clone(),
        label: e.label.clone(),
        process: process.map(str::to_string),
    }
}

fn list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        _ => format!(
            "{} & {}",
            items[..items.len() - 1].join(", "),
            items[items.len() - 1]
        ),
    }
}

/// A duration in the rationale's language: `(hours unit, minutes unit)`
/// are `("jam", "menit")` for Bahasa Indonesia and `("h", "min")` for English.
fn fmt_minutes(m: f64, (hours, minutes): (&str, &str)) -> String {
    if m >= 60.0 {
        format!("{:.1} {hours}", m / 60.0)
    } else {
        format!("{m:.0} {minutes}")
    }
}

struct Draft {
    kind: RecommendationKind,
    redundancy: f64,
    confidence: f64,
    title: Rationale,
    rationale: Rationale,
    agencies: BTreeSet<String>,
    evidence: Vec<Evidence>,
    saving: Option<Saving>,
    themes: BTreeSet<String>,
}

/// Derives, scores and ranks the recommendations.
pub fn recommend(
    repo: &Repository,
    themes: &[Vec<String>],
    analysis: &Analysis,
) -> Vec<Recommendation> {
    let measures = Measures::new(repo);
    let themes_of = |model: &str| -> &[String] {
        repo.models
            .binary_search_by(|m| m.path.as_str().cmp(model))
            .ok()
            .and_then(|i| themes.get(i))
            .map_or(&[], Vec::as_slice)
    };
    let mut drafts = Vec::new();
    shared_services(analysis, &measures, &mut drafts);
    integrations(analysis, &measures, &mut drafts);
    data_interconnections(analysis, &measures, &mut drafts);
    standardisations(analysis, &mut drafts);
    ping_pongs(analysis, &measures, &mut drafts);

    let mut out: Vec<Recommendation> = drafts
        .into_par_iter()
        .map(|mut d| {
            // Keep the order the evidence was given in (path order), once each.
            let mut seen_ev = HashSet::new();
            d.evidence
                .retain(|e| seen_ev.insert((e.model.clone(), e.id.clone())));
            // themes looked up once per model, not once per evidence element
            let models: BTreeSet<&str> = d.evidence.iter().map(|e| e.model.as_str()).collect();
            for m in models {
                d.themes.extend(themes_of(m).iter().cloned());
            }
            let processes: BTreeSet<String> = d
                .evidence
                .iter()
                .filter_map(|e| e.process.as_ref().map(|p| format!("{}#{}", e.model, p)))
                .collect();
            let keys: Vec<String> = d
                .evidence
                .iter()
                .map(|e| format!("{}#{}", e.model, e.id))
                .collect();
            let raw = weight(d.kind) * d.redundancy * d.confidence * time_factor(d.saving.as_ref());
            let (en, _) = heuristic(d.kind);
            Recommendation {
                id: format!("{}-{}", prefix(d.kind), digest(&keys)),
                rank: 0,
                kind: d.kind,
                score: (raw * 1000.0).round() / 1000.0,
                title: d.title,
                agencies: d.agencies.into_iter().collect(),
                processes: processes.into_iter().collect(),
                evidence: d.evidence,
                rationale: d.rationale,
                heuristic: en.to_string(),
                estimated_saving: d.saving,
                themes: d.themes.into_iter().collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.kind.cmp(&b.kind))
            .then(a.id.cmp(&b.id))
    });
    // Identical evidence under one kind (e.g. a fragment equal to a group) is kept once.
    let mut seen = BTreeSet::new();
    out.retain(|r| seen.insert(r.id.clone()));
    for (i, r) in out.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    out
}

fn shared_services(analysis: &Analysis, measures: &Measures, out: &mut Vec<Draft>) {
    let (h_en, h_id) = heuristic(RecommendationKind::SharedService);
    let confidence_of: HashMap<&str, f64> = analysis
        .shared_activities
        .iter()
        .map(|s| (s.id.as_str(), s.confidence))
        .collect();
    for g in &analysis.shared_activities {
        let agencies: BTreeSet<String> = g.agencies.iter().cloned().collect();
        let a = agencies.len() as f64;
        let m = g.members.len() as f64;
        let times: Vec<Option<f64>> = g
            .members
            .iter()
            .map(|x| measures.get(&x.model, &x.id).0)
            .collect();
        let costs: Vec<Option<f64>> = g
            .members
            .iter()
            .map(|x| measures.get(&x.model, &x.id).1)
            .collect();
        let saving = saving(
            all_but_largest(&times),
            all_but_largest(&costs),
            "jumlah waktu/biaya semua pelaksanaan dikurangi yang terbesar (satu layanan tetap berjalan)",
            "sum of time/cost of all executions minus the largest (one service remains)",
        );
        let names = agencies.iter().cloned().collect::<Vec<_>>();
        let mut note_id = String::new();
        let mut note_en = String::new();
        if let Some(s) = &saving {
            if let Some(mins) = s.minutes {
                note_id = format!(
                    " Perkiraan penghematan waktu: {} per kasus.",
                    fmt_minutes(mins, ("jam", "menit"))
                );
                note_en = format!(
                    " Estimated time saved: {} per case.",
                    fmt_minutes(mins, ("h", "min"))
                );
            }
        }
        out.push(Draft {
            kind: RecommendationKind::SharedService,
            redundancy: (a - 1.0) + EXTRA_OCCURRENCE_WEIGHT * (m - a).max(0.0),
            confidence: g.confidence,
            title: Rationale {
                id: format!("Layanan bersama: \u{201c}{}\u{201d}", g.label),
                en: format!("Shared service: \u{201c}{}\u{201d}", g.label),
            },
            rationale: Rationale {
                id: format!(
                    "{} instansi ({}) melaksanakan pekerjaan yang sama \u{201c}{}\u{201d} di {} tempat. Satukan menjadi satu layanan bersama yang dipakai semua instansi, sehingga pekerjaan ganda dihapus. Praktik terbaik: {}.{}",
                    agencies.len(), list(&names), g.label, g.members.len(), h_id, note_id
                ),
                en: format!(
                    "{} agencies ({}) perform the same work \u{201c}{}\u{201d} in {} places. Consolidate it into one shared service used by all of them, eliminating the duplicated work. Best practice: {}.{}",
                    agencies.len(), list(&names), g.label, g.members.len(), h_en, note_en
                ),
            },
            agencies,
            evidence: g
                .members
                .iter()
                .map(|x| Evidence {
                    agency: x.agency.clone(),
                    model: x.model.clone(),
                    id: x.id.clone(),
                    label: x.label.clone(),
                    process: Some(x.process.clone()),
                })
                .collect(),
            saving,
            themes: BTreeSet::new(),
        });
    }
    // Fragments found in the same set of processes are one finding: the
    // runs those processes share, recommended once.
    let mut by_processes: BTreeMap<Vec<(&str, &str)>, Vec<&crate::DuplicatedFragment>> =
        BTreeMap::new();
    for f in analysis
        .fragments
        .iter()
        .filter(|f| f.groups.len() >= MIN_FRAGMENT_STEPS)
    {
        let mut key: Vec<(&str, &str)> = f
            .occurrences
            .iter()
            .map(|o| (o.process.model.as_str(), o.process.id.as_str()))
            .collect();
        key.sort_unstable();
        key.dedup();
        by_processes.entry(key).or_default().push(f);
    }
    for (_, frags) in by_processes {
        let agencies: BTreeSet<String> = frags
            .iter()
            .flat_map(|f| f.agencies.iter().cloned())
            .collect();
        let groups: BTreeSet<&str> = frags
            .iter()
            .flat_map(|f| f.groups.iter().map(String::as_str))
            .collect();
        let confidence = {
            let cs: Vec<f64> = groups
                .iter()
                .filter_map(|g| confidence_of.get(g).copied())
                .collect();
            if cs.is_empty() {
                1.0
            } else {
                cs.iter().sum::<f64>() / cs.len() as f64
            }
        };
        // Time and cost per process: its distinct activities in these runs.
        let mut per_process: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
        for f in &frags {
            for o in &f.occurrences {
                per_process
                    .entry((o.process.model.as_str(), o.process.id.as_str()))
                    .or_default()
                    .extend(o.ids.iter().map(String::as_str));
            }
        }
        let per_occ = |pick: Pick| -> Vec<Option<f64>> {
            per_process
                .iter()
                .map(|((model, _), ids)| sum(ids.iter().map(|id| pick(measures.get(model, id)))))
                .collect()
        };
        let saving = saving(
            all_but_largest(&per_occ(|m| m.0)),
            all_but_largest(&per_occ(|m| m.1)),
            "jumlah waktu/biaya semua kemunculan fragmen dikurangi yang terbesar",
            "sum of time/cost of all occurrences of the fragment minus the largest",
        );
        let names = agencies.iter().cloned().collect::<Vec<_>>();
        let runs: Vec<String> = frags.iter().map(|f| f.labels.join(" \u{2192} ")).collect();
        let longest = frags.iter().map(|f| f.groups.len()).max().unwrap_or(0);
        let (title, rationale) = if let [f] = frags.as_slice() {
            let steps = &runs[0];
            (
                Rationale {
                    id: format!("Layanan bersama (rangkaian {} langkah): {}", f.groups.len(), steps),
                    en: format!("Shared service ({}-step fragment): {}", f.groups.len(), steps),
                },
                Rationale {
                    id: format!(
                        "Rangkaian langkah yang sama ({}) dijalankan oleh {} instansi ({}). Jadikan rangkaian ini satu layanan bersama. Praktik terbaik: {}.",
                        steps, agencies.len(), list(&names), h_id
                    ),
                    en: format!(
                        "The same run of steps ({}) is performed by {} agencies ({}). Turn the run into one shared service. Best practice: {}.",
                        steps, agencies.len(), list(&names), h_en
                    ),
                },
            )
        } else {
            let listed = runs
                .iter()
                .map(|r| format!("({r})"))
                .collect::<Vec<_>>()
                .join("; ");
            (
                Rationale {
                    id: format!(
                        "Layanan bersama ({} rangkaian, {} langkah): {}",
                        frags.len(),
                        groups.len(),
                        runs[0]
                    ),
                    en: format!(
                        "Shared service ({} fragments, {} steps): {}",
                        frags.len(),
                        groups.len(),
                        runs[0]
                    ),
                },
                Rationale {
                    id: format!(
                        "{} rangkaian langkah yang sama, terpanjang {longest} langkah, dijalankan oleh {} instansi ({}) dalam {} proses yang sama: {listed}. Jadikan rangkaian ini satu layanan bersama. Praktik terbaik: {}.",
                        frags.len(), agencies.len(), list(&names), per_process.len(), h_id
                    ),
                    en: format!(
                        "{} identical runs of steps, the longest {longest} steps, are performed by {} agencies ({}) in the same {} processes: {listed}. Turn them into one shared service. Best practice: {}.",
                        frags.len(), agencies.len(), list(&names), per_process.len(), h_en
                    ),
                },
            )
        };
        out.push(Draft {
            kind: RecommendationKind::SharedService,
            redundancy: (agencies.len() as f64 - 1.0) * groups.len() as f64,
            confidence,
            title,
            rationale,
            agencies,
            evidence: frags
                .iter()
                .flat_map(|f| &f.occurrences)
                .flat_map(|o| {
                    o.ids
                        .iter()
                        .zip(&o.labels)
                        .map(move |(id, label)| Evidence {
                            agency: o.process.agency.clone(),
                            model: o.process.model.clone(),
                            id: id.clone(),
                            label: label.clone(),
                            process: Some(o.process.id.clone()),
                        })
                })
                .collect(),
            saving,
            themes: BTreeSet::new(),
        });
    }
}

fn integrations(analysis: &Analysis, measures: &Measures, out: &mut Vec<Draft>) {
    let (h_en, h_id) = heuristic(RecommendationKind::Integration);
    let mut pairs: BTreeMap<(String, String), Vec<&Handoff>> = BTreeMap::new();
    for h in &analysis.handoffs {
        let (Some(a), Some(b)) = (&h.from.agency, &h.to.agency) else {
            continue;
        };
        let key = if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        pairs.entry(key).or_default().push(h);
    }
    for ((a, b), hs) in pairs {
        if hs.len() < MIN_INTEGRATION_HANDOFFS {
            continue;
        }
        let manual = hs.iter().filter(|h| h.manual).count();
        let redundancy: f64 = hs
            .iter()
            .map(|h| {
                if h.manual {
                    1.0
                } else {
                    AUTOMATED_HANDOFF_WEIGHT
                }
            })
            .sum();
        let minutes = sum(hs.iter().map(|h| {
            h.via
                .as_ref()
                .and_then(|v| measures.get(&h.from.model, v).0)
        }));
        let cost = sum(hs.iter().map(|h| {
            h.via
                .as_ref()
                .and_then(|v| measures.get(&h.from.model, v).1)
        }));
        let saving = saving(
            minutes,
            cost,
            "waktu/biaya yang tercatat pada alur serah terima (message/sequence flow)",
            "time/cost recorded on the handoff flows (message/sequence flows)",
        );
        let mut by_kind: BTreeMap<HandoffKind, usize> = BTreeMap::new();
        for h in &hs {
            *by_kind.entry(h.kind).or_insert(0) += 1;
        }
        let kinds_en = by_kind
            .iter()
            .map(|(k, n)| format!("{n} {}", handoff_kind_label(*k, Lang::En)))
            .collect::<Vec<_>>()
            .join(", ");
        let kinds_id = by_kind
            .iter()
            .map(|(k, n)| format!("{n} {}", handoff_kind_label(*k, Lang::Id)))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Draft {
            kind: RecommendationKind::Integration,
            redundancy,
            confidence: 1.0,
            title: Rationale {
                id: format!("Integrasi layanan {a} \u{2194} {b} melalui SPLP"),
                en: format!("Integrate {a} \u{2194} {b} through SPLP"),
            },
            rationale: Rationale {
                id: format!(
                    "{a} dan {b} saling menyerahkan pekerjaan atau informasi {} kali ({kinds_id}), {manual} di antaranya manual. Sediakan API pada SPLP (Sistem Penghubung Layanan Pemerintah) agar pertukaran terjadi otomatis. Praktik terbaik: {h_id}.",
                    hs.len()
                ),
                en: format!(
                    "{a} and {b} hand work or information to each other {} times ({kinds_en}), {manual} of them manual. Provide an API on SPLP (the government service-integration platform) so the exchange happens automatically. Best practice: {h_en}.",
                    hs.len()
                ),
            },
            agencies: [a.clone(), b.clone()].into_iter().collect(),
            evidence: hs
                .iter()
                .flat_map(|h| {
                    [
                        evidence_of(&h.from, h.process.as_deref()),
                        evidence_of(&h.to, None),
                    ]
                })
                .collect(),
            saving,
            themes: BTreeSet::new(),
        });
    }
}

fn data_interconnections(analysis: &Analysis, measures: &Measures, out: &mut Vec<Draft>) {
    let (h_en, h_id) = heuristic(RecommendationKind::DataInterconnection);
    for d in &analysis.data_requests {
        let non_producers: Vec<String> = d
            .consumers
            .iter()
            .filter(|c| !d.producers.contains(c))
            .cloned()
            .collect();
        let redundancy = if d.producers.is_empty() {
            d.consumers.len() as f64 - 1.0
        } else {
            non_producers.len() as f64
        };
        if redundancy <= 0.0 {
            continue;
        }
        let confidence = if d.producers.is_empty() {
            NO_PRODUCER_CONFIDENCE
        } else {
            1.0
        };
        let reads: Vec<_> = d
            .reads
            .iter()
            .filter(|u| u.agency.as_ref().is_some_and(|a| !d.producers.contains(a)))
            .collect();
        let saving = saving(
            sum(reads.iter().map(|u| measures.get(&u.model, &u.id).0)),
            sum(reads.iter().map(|u| measures.get(&u.model, &u.id).1)),
            "waktu/biaya kegiatan yang meminta data ini di instansi selain produsennya",
            "time/cost of the activities requesting this data outside its producer",
        );
        let (src_id, src_en) = if d.producers.is_empty() {
            (
                "Repositori tidak menunjukkan produsennya; tetapkan satu sumber data otoritatif"
                    .to_string(),
                "The repository shows no producer; designate one authoritative source".to_string(),
            )
        } else {
            (
                format!("Sumber otoritatifnya: {}", list(&d.producers)),
                format!("Its authoritative source: {}", list(&d.producers)),
            )
        };
        out.push(Draft {
            kind: RecommendationKind::DataInterconnection,
            redundancy,
            confidence,
            title: Rationale {
                id: format!("Interkoneksi data \u{201c}{}\u{201d} (Satu Data)", d.label),
                en: format!("Data interconnection for \u{201c}{}\u{201d} (Satu Data)", d.label),
            },
            rationale: Rationale {
                id: format!(
                    "Data \u{201c}{}\u{201d} diminta sebagai masukan oleh {} instansi ({}). {}. Bagikan data melalui interkoneksi Satu Data Indonesia agar pemohon dan instansi cukup menyerahkannya sekali (once-only). Praktik terbaik: {h_id}.",
                    d.label, d.consumers.len(), list(&d.consumers), src_id
                ),
                en: format!(
                    "\u{201c}{}\u{201d} is taken as input by {} agencies ({}). {}. Share it through a Satu Data Indonesia interconnection so applicants and agencies provide it only once. Best practice: {h_en}.",
                    d.label, d.consumers.len(), list(&d.consumers), src_en
                ),
            },
            agencies: d.consumers.iter().chain(&d.producers).cloned().collect(),
            evidence: d
                .reads
                .iter()
                .chain(&d.writes)
                .map(|u| Evidence {
                    agency: u.agency.clone(),
                    model: u.model.clone(),
                    id: u.id.clone(),
                    label: u.label.clone(),
                    process: Some(u.process.clone()),
                })
                .collect(),
            saving,
            themes: BTreeSet::new(),
        });
    }
}

/// One recommendation per family of near-duplicate processes (not per
/// pair): redundancy `(processes − 1) × mean matched × mean share / 2`
/// (for two processes, the pair's `matched × share / 2`), confidence the
/// mean correspondence score.
fn standardisations(analysis: &Analysis, out: &mut Vec<Draft>) {
    /// Process names shown in a title before "and N more".
    const NAMES_IN_TITLE: usize = 3;
    let (h_en, h_id) = heuristic(RecommendationKind::ProcessStandardisation);
    for f in &analysis.process_families {
        let agencies: BTreeSet<String> = f.agencies.iter().cloned().collect();
        let pct = (f.mean_share * 100.0).round();
        let n = f.processes.len();
        let mut names: Vec<String> = Vec::new();
        for p in &f.processes {
            let quoted = format!("\u{201c}{}\u{201d}", p.name);
            if !names.contains(&quoted) {
                names.push(quoted);
            }
        }
        let shown = names.len().min(NAMES_IN_TITLE);
        let more = names.len() - shown;
        let (title_id, title_en) = if more == 0 {
            (list(&names[..shown]), list(&names[..shown]))
        } else {
            (
                format!("{} dan {more} lainnya", names[..shown].join(", ")),
                format!("{} and {more} more", names[..shown].join(", ")),
            )
        };
        let members = |lang_unknown: &str| {
            f.processes
                .iter()
                .map(|p| {
                    format!(
                        "\u{201c}{}\u{201d} ({})",
                        p.name,
                        p.agency.as_deref().unwrap_or(lang_unknown)
                    )
                })
                .collect::<Vec<_>>()
        };
        out.push(Draft {
            kind: RecommendationKind::ProcessStandardisation,
            redundancy: (n as f64 - 1.0).max(1.0) * f.mean_matched * f.mean_share / 2.0,
            confidence: f.mean_score,
            title: Rationale {
                id: format!("Standarisasi proses: {title_id}"),
                en: format!("Standardise processes: {title_en}"),
            },
            rationale: Rationale {
                id: format!(
                    "{n} proses dari {} instansi pada dasarnya sama: {}. Rata-rata {pct}% kegiatan berpadanan ({} pasangan proses mirip, rata-rata {:.1} kegiatan berpadanan per pasangan). Tetapkan satu proses baku (SOP bersama) untuk jenis layanan ini. Praktik terbaik: {h_id}.",
                    agencies.len(), list(&members("?")), f.pairs, f.mean_matched
                ),
                en: format!(
                    "{n} processes of {} agencies are essentially the same: {}. On average {pct}% of their activities match ({} similar process pairs, {:.1} matched activities per pair on average). Adopt one standard process (shared SOP) for this kind of case. Best practice: {h_en}.",
                    agencies.len(), list(&members("?")), f.pairs, f.mean_matched
                ),
            },
            agencies,
            evidence: f
                .processes
                .iter()
                .map(|p| Evidence {
                    agency: p.agency.clone(),
                    model: p.model.clone(),
                    id: p.id.clone(),
                    label: p.name.clone(),
                    process: Some(p.id.clone()),
                })
                .collect(),
            saving: None,
            themes: BTreeSet::new(),
        });
    }
}

/// One recommendation per pair of agencies with round trips (A→B→A or
/// B→A→B), over every process where they occur: the redesign (one agency
/// does the steps, or direct access to the other's service) is decided per
/// pair, not per process.
fn ping_pongs(analysis: &Analysis, measures: &Measures, out: &mut Vec<Draft>) {
    /// Process names listed in a rationale before "and N more".
    const NAMES_IN_RATIONALE: usize = 5;
    let (h_en, h_id) = heuristic(RecommendationKind::RemovePingPong);
    type Trip<'a> = (&'a crate::ProcessStats, &'a crate::PingPong);
    let mut by_pair: BTreeMap<(&str, &str), Vec<Trip<'_>>> = BTreeMap::new();
    for ps in &analysis.process_stats {
        for pp in &ps.ping_pongs {
            let key = if pp.a <= pp.b {
                (pp.a.as_str(), pp.b.as_str())
            } else {
                (pp.b.as_str(), pp.a.as_str())
            };
            by_pair.entry(key).or_default().push((ps, pp));
        }
    }
    for ((a, b), trips) in by_pair {
        // The time spent on the second party's side of each round trip.
        let inner = |pick: Pick| {
            sum(trips.iter().flat_map(|(_, pp)| {
                let n = pp.path.len();
                pp.path[1..n.saturating_sub(1)]
                    .iter()
                    .map(|e| pick(measures.get(&e.model, &e.id)))
                    .collect::<Vec<_>>()
            }))
        };
        let saving = saving(
            inner(|m| m.0),
            inner(|m| m.1),
            "waktu/biaya langkah di pihak kedua pada setiap bolak-balik",
            "time/cost of the steps on the second party's side of each round trip",
        );
        let mut seen_names = BTreeSet::new();
        let mut processes: Vec<&str> = Vec::new();
        for (ps, _) in &trips {
            if seen_names.insert(ps.name.as_str()) {
                processes.push(ps.name.as_str());
            }
        }
        let quoted: Vec<String> = processes
            .iter()
            .take(NAMES_IN_RATIONALE)
            .map(|n| format!("\u{201c}{n}\u{201d}"))
            .collect();
        let more = processes.len().saturating_sub(NAMES_IN_RATIONALE);
        let (where_id, where_en) = if more == 0 {
            (list(&quoted), list(&quoted))
        } else {
            (
                format!("{} dan {more} proses lainnya", quoted.join(", ")),
                format!("{} and {more} more processes", quoted.join(", ")),
            )
        };
        let n = trips.len();
        let directions: BTreeSet<(&str, &str)> = trips
            .iter()
            .map(|(_, pp)| (pp.a.as_str(), pp.b.as_str()))
            .collect();
        // One direction: name it (A → B → A); both: A ⇄ B.
        let one_way = match directions.iter().collect::<Vec<_>>().as_slice() {
            [(x, y)] => Some((*x, *y)),
            _ => None,
        };
        let arrows = match one_way {
            Some((x, y)) => format!("{x} \u{2192} {y} \u{2192} {x}"),
            None => format!("{a} \u{21c4} {b}"),
        };
        let (title_id, title_en) = if processes.len() == 1 {
            (
                format!("Hapus bolak-balik {arrows} di {where_id}"),
                format!("Remove the {arrows} ping-pong in {where_en}"),
            )
        } else {
            (
                format!("Hapus bolak-balik {arrows} ({} proses)", processes.len()),
                format!(
                    "Remove the {arrows} ping-pong ({} processes)",
                    processes.len()
                ),
            )
        };
        let (moves_id, moves_en, fix_id, fix_en) = match one_way {
            Some((x, y)) => (
                format!("pekerjaan berpindah dari {x} ke {y} lalu kembali ke {x}"),
                format!("work goes from {x} to {y} and back to {x}"),
                format!("beri {x} akses langsung ke layanan {y}"),
                format!("give {x} direct access to {y}'s service"),
            ),
            None => (
                format!("pekerjaan berpindah bolak-balik antara {a} dan {b} ke dua arah"),
                format!("work goes back and forth between {a} and {b} in both directions"),
                "beri setiap instansi akses langsung ke layanan instansi lainnya".to_string(),
                "give each agency direct access to the other's service".to_string(),
            ),
        };
        out.push(Draft {
            kind: RecommendationKind::RemovePingPong,
            redundancy: n as f64,
            confidence: 1.0,
            title: Rationale {
                id: title_id,
                en: title_en,
            },
            rationale: Rationale {
                id: format!(
                    "Dalam proses {where_id}, {moves_id} ({n}\u{00d7}). Gabungkan langkah-langkah itu di satu instansi, atau {fix_id}, sehingga kontak dan waktu tunggu berkurang. Praktik terbaik: {h_id}."
                ),
                en: format!(
                    "In {where_en}, {moves_en} ({n}\u{00d7}). Let one agency do those steps, or {fix_en}, to cut contacts and waiting. Best practice: {h_en}."
                ),
            },
            agencies: [a.to_string(), b.to_string()].into_iter().collect(),
            evidence: trips
                .iter()
                .flat_map(|(ps, pp)| {
                    pp.path.iter().map(move |e| {
                        evidence_of(
                            e,
                            if e.model == ps.model {
                                Some(ps.process.as_str())
                            } else {
                                None
                            },
                        )
                    })
                })
                .collect(),
            saving,
            themes: BTreeSet::new(),
        });
    }
}
