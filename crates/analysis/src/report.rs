//! Rendering an [`Analysis`] for people: Markdown in Bahasa Indonesia
//! (default) or English, and CSV. The atlas reuses the labels here
//! ([`Lang`], [`handoff_kind_label`], [`recommendation_kind_label`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use peta_registry::Registry;
use serde::{Deserialize, Serialize};

use crate::recommend::heuristic;
use crate::{
    AgencyOverlaps, Analysis, Endpoint, Handoff, HandoffKind, Recommendation, RecommendationKind,
};

/// Report language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia (default).
    #[default]
    Id,
    En,
}

impl Lang {
    /// `"id"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
    /// Picks the text for this language.
    pub fn t<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "ind" | "indonesia" => Ok(Lang::Id),
            "en" | "eng" | "english" => Ok(Lang::En),
            other => Err(format!(
                "unknown language `{other}` (expected `id` or `en`)"
            )),
        }
    }
}

/// Name of a handoff kind.
pub fn handoff_kind_label(kind: HandoffKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (HandoffKind::MessageFlow, Lang::Id) => "aliran pesan",
        (HandoffKind::MessageFlow, Lang::En) => "message flow",
        (HandoffKind::ControlFlow, Lang::Id) => "aliran kendali",
        (HandoffKind::ControlFlow, Lang::En) => "control flow",
        (HandoffKind::CallActivity, Lang::Id) => "pemanggilan proses",
        (HandoffKind::CallActivity, Lang::En) => "call activity",
        (HandoffKind::Data, Lang::Id) => "aliran data",
        (HandoffKind::Data, Lang::En) => "data",
    }
}

/// Name of a recommendation kind.
pub fn recommendation_kind_label(kind: RecommendationKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RecommendationKind::SharedService, Lang::Id) => "Layanan bersama",
        (RecommendationKind::SharedService, Lang::En) => "Shared service",
        (RecommendationKind::Integration, Lang::Id) => "Integrasi",
        (RecommendationKind::Integration, Lang::En) => "Integration",
        (RecommendationKind::DataInterconnection, Lang::Id) => "Interkoneksi data",
        (RecommendationKind::DataInterconnection, Lang::En) => "Data interconnection",
        (RecommendationKind::ProcessStandardisation, Lang::Id) => "Standarisasi proses",
        (RecommendationKind::ProcessStandardisation, Lang::En) => "Process standardisation",
        (RecommendationKind::RemovePingPong, Lang::Id) => "Hapus bolak-balik",
        (RecommendationKind::RemovePingPong, Lang::En) => "Remove ping-pong",
    }
}

/// Escapes text for a Markdown table cell or inline text.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn agency(a: &Option<String>) -> &str {
    a.as_deref().unwrap_or("?")
}

fn endpoint(e: &Endpoint) -> String {
    format!(
        "{} `{}#{}` {}",
        md(agency(&e.agency)),
        e.model.replace('`', "'"),
        e.id.replace('`', "'"),
        md(&e.label)
    )
}

fn minutes(m: f64, lang: Lang) -> String {
    if m >= 60.0 {
        format!("{:.1} {}", m / 60.0, lang.t("jam", "h"))
    } else {
        format!("{m:.0} {}", lang.t("menit", "min"))
    }
}

fn rupiah(c: f64) -> String {
    let whole = c.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    format!("Rp{out}")
}

/// The whole report as Markdown.
pub fn markdown(analysis: &Analysis, registry: &Registry, lang: Lang) -> String {
    let mut o = String::new();
    let s = &analysis.summary;
    let _ = writeln!(
        o,
        "# {}\n",
        lang.t(
            "Laporan Analisis Proses Lintas Instansi",
            "Cross-Agency Process Analysis"
        )
    );
    if let Some(code) = &s.theme {
        let name = registry
            .theme(code)
            .map(|t| t.name(lang.code()))
            .unwrap_or(code);
        let _ = writeln!(
            o,
            "{}: **{}** ({})\n",
            lang.t("Tema", "Theme"),
            md(name),
            md(code)
        );
    }
    summary(&mut o, analysis, lang);
    recommendations_section(&mut o, &analysis.recommendations, lang, "##");
    handoffs_section(&mut o, analysis, lang);
    processes_section(&mut o, analysis, lang);
    shared_section(&mut o, analysis, lang);
    data_section(&mut o, analysis, lang);
    contacts_section(&mut o, analysis, lang);
    unresolved_section(&mut o, analysis, lang);
    o
}

fn summary(o: &mut String, a: &Analysis, lang: Lang) {
    let s = &a.summary;
    let _ = writeln!(o, "## {}\n", lang.t("Ringkasan", "Summary"));
    let _ = writeln!(
        o,
        "| {} | {} |\n|---|---:|",
        lang.t("Ukuran", "Measure"),
        lang.t("Nilai", "Value")
    );
    let rows: Vec<(&str, String)> = vec![
        (lang.t("Model", "Models"), s.models.to_string()),
        (lang.t("Proses", "Processes"), s.processes.to_string()),
        (lang.t("Kegiatan", "Activities"), s.activities.to_string()),
        (
            lang.t("Instansi", "Agencies"),
            format!("{} ({})", s.agencies.len(), md(&s.agencies.join(", "))),
        ),
        (
            lang.t(
                "Kegiatan/peristiwa tanpa instansi",
                "Activities/events without agency",
            ),
            s.unassigned.to_string(),
        ),
        (
            lang.t("Serah terima antarinstansi", "Inter-agency handoffs"),
            s.handoffs.total.to_string(),
        ),
        (
            lang.t("Kontak dengan warga/pemohon", "Citizen contacts"),
            s.citizen_contacts.to_string(),
        ),
        (
            lang.t(
                "Kegiatan ganda lintas instansi",
                "Activities duplicated across agencies",
            ),
            s.shared_activities.to_string(),
        ),
        (
            lang.t("Fragmen ganda", "Duplicated fragments"),
            s.fragments.to_string(),
        ),
        (
            lang.t("Pasangan proses serupa", "Similar process pairs"),
            s.similar_processes.to_string(),
        ),
        (
            lang.t("Keluarga proses serupa", "Families of similar processes"),
            s.process_families.to_string(),
        ),
        (
            lang.t("Permintaan data berulang", "Repeated data requests"),
            s.data_requests.to_string(),
        ),
        (
            lang.t("Rekomendasi", "Recommendations"),
            a.recommendations.len().to_string(),
        ),
    ];
    for (k, v) in rows {
        let _ = writeln!(o, "| {k} | {v} |");
    }
    let _ = writeln!(o);
}

/// The ranked recommendations as Markdown (`heading` is `#`, `##`, …).
pub fn recommendations_markdown(recs: &[Recommendation], lang: Lang) -> String {
    let mut o = String::new();
    recommendations_section(&mut o, recs, lang, "#");
    o
}

fn recommendations_section(o: &mut String, recs: &[Recommendation], lang: Lang, h: &str) {
    let _ = writeln!(o, "{h} {}\n", lang.t("Rekomendasi", "Recommendations"));
    if recs.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            lang.t("Tidak ada rekomendasi.", "No recommendations.")
        );
        return;
    }
    for r in recs {
        let _ = writeln!(o, "{h}# {}. {}\n", r.rank, md(r.title.get(lang.code())));
        let (h_en, h_id) = heuristic(r.kind);
        let _ = writeln!(
            o,
            "- {}: {} · {}: {:.3} · {}: {}",
            lang.t("Jenis", "Kind"),
            recommendation_kind_label(r.kind, lang),
            lang.t("Skor", "Score"),
            r.score,
            lang.t("Instansi", "Agencies"),
            md(&r.agencies.join(", "))
        );
        let _ = writeln!(
            o,
            "- {}: {}",
            lang.t(
                "Praktik terbaik (Reijers & Limam Mansar)",
                "Best practice (Reijers & Limam Mansar)"
            ),
            lang.t(h_id, h_en)
        );
        if let Some(s) = &r.estimated_saving {
            let mut parts = Vec::new();
            if let Some(m) = s.minutes {
                parts.push(minutes(m, lang));
            }
            if let Some(c) = s.cost {
                parts.push(rupiah(c));
            }
            let _ = writeln!(
                o,
                "- {}: {} {} ({})",
                lang.t("Perkiraan penghematan", "Estimated saving"),
                parts.join(" + "),
                lang.t("per kasus", "per case"),
                md(s.basis.get(lang.code()))
            );
        }
        if !r.themes.is_empty() {
            let _ = writeln!(
                o,
                "- {}: {}",
                lang.t("Tema", "Themes"),
                md(&r.themes.join(", "))
            );
        }
        let _ = writeln!(o, "\n{}\n", md(r.rationale.get(lang.code())));
        let _ = writeln!(o, "{}:\n", lang.t("Bukti", "Evidence"));
        for e in &r.evidence {
            let _ = writeln!(
                o,
                "- {} `{}#{}` {}",
                md(agency(&e.agency)),
                e.model.replace('`', "'"),
                e.id.replace('`', "'"),
                md(&e.label)
            );
        }
        let _ = writeln!(o);
    }
}

fn handoffs_section(o: &mut String, a: &Analysis, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        lang.t("Serah terima antarinstansi", "Inter-agency handoffs")
    );
    if a.handoffs.is_empty() {
        let _ = writeln!(o, "{}\n", lang.t("Tidak ada serah terima.", "No handoffs."));
        return;
    }
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---:|---:|---:|",
        lang.t("Dari", "From"),
        lang.t("Ke", "To"),
        handoff_kind_label(HandoffKind::MessageFlow, lang),
        handoff_kind_label(HandoffKind::ControlFlow, lang),
        handoff_kind_label(HandoffKind::CallActivity, lang),
        handoff_kind_label(HandoffKind::Data, lang),
        lang.t("manual", "manual"),
        lang.t("jumlah", "total"),
    );
    for p in &a.pair_stats {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            md(&p.from),
            md(&p.to),
            p.counts.message_flow,
            p.counts.control_flow,
            p.counts.call_activity,
            p.counts.data,
            p.manual,
            p.counts.total
        );
    }
    let _ = writeln!(o);
    if a.theme_stats.len() > 1 {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---:|---:|",
            lang.t("Tema", "Theme"),
            handoff_kind_label(HandoffKind::MessageFlow, lang),
            handoff_kind_label(HandoffKind::ControlFlow, lang),
            handoff_kind_label(HandoffKind::CallActivity, lang),
            handoff_kind_label(HandoffKind::Data, lang),
            lang.t("jumlah", "total"),
            lang.t("kontak warga", "citizen contacts"),
        );
        for t in &a.theme_stats {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                md(&t.theme),
                t.counts.message_flow,
                t.counts.control_flow,
                t.counts.call_activity,
                t.counts.data,
                t.counts.total,
                t.citizen_contacts
            );
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "| # | {} | {} | {} |\n|---:|---|---|---|",
        lang.t("Jenis", "Kind"),
        lang.t("Dari", "From"),
        lang.t("Ke", "To")
    );
    for (i, h) in a.handoffs.iter().enumerate() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            i + 1,
            handoff_kind_label(h.kind, lang),
            endpoint(&h.from),
            endpoint(&h.to)
        );
    }
    let _ = writeln!(o);
}

fn processes_section(o: &mut String, a: &Analysis, lang: Lang) {
    let rows: Vec<_> = a
        .process_stats
        .iter()
        .filter(|p| p.handoffs.total > 0)
        .collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "## {}\n",
        lang.t("Serah terima per proses", "Handoffs per process")
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---|---:|---|",
        lang.t("Proses", "Process"),
        lang.t("Pemilik", "Owner"),
        lang.t("Serah terima", "Handoffs"),
        lang.t("Instansi terlibat", "Agencies involved"),
        lang.t("Rantai terpanjang", "Longest chain"),
        lang.t("Bolak-balik", "Ping-pong"),
    );
    for p in rows {
        let pp: Vec<String> = p
            .ping_pongs
            .iter()
            .map(|x| format!("{}→{}→{}", x.a, x.b, x.a))
            .collect();
        let _ = writeln!(
            o,
            "| {} (`{}#{}`) | {} | {} | {} | {} | {} |",
            md(&p.name),
            p.model.replace('`', "'"),
            p.process.replace('`', "'"),
            if p.own_agencies.len() > 1 {
                lang.t("lintas instansi", "cross-agency").to_string()
            } else {
                md(agency(&p.agency))
            },
            p.handoffs.total,
            md(&p.agencies.join(", ")),
            p.longest_chain,
            md(&pp.join(", "))
        );
    }
    let _ = writeln!(o);
}

fn shared_section(o: &mut String, a: &Analysis, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        lang.t(
            "Kegiatan ganda lintas instansi",
            "Activities duplicated across agencies"
        )
    );
    if a.shared_activities.is_empty() {
        let _ = writeln!(o, "{}\n", lang.t("Tidak ditemukan.", "None found."));
    }
    for g in &a.shared_activities {
        let _ = writeln!(
            o,
            "### {} ({}: {:.2}; {})\n",
            md(&g.label),
            lang.t("keyakinan", "confidence"),
            g.confidence,
            md(&g.agencies.join(", "))
        );
        for m in &g.members {
            let _ = writeln!(
                o,
                "- {} `{}#{}` {} — {} {}",
                md(agency(&m.agency)),
                m.model.replace('`', "'"),
                m.id.replace('`', "'"),
                md(&m.label),
                lang.t("proses", "process"),
                md(&m.process_name)
            );
        }
        let _ = writeln!(o);
    }
    if !a.fragments.is_empty() {
        let _ = writeln!(
            o,
            "## {}\n",
            lang.t("Fragmen ganda", "Duplicated fragments")
        );
        for f in &a.fragments {
            let _ = writeln!(
                o,
                "### {} ({})\n",
                md(&f.labels.join(" → ")),
                md(&f.agencies.join(", "))
            );
            for occ in &f.occurrences {
                let _ = writeln!(
                    o,
                    "- {} {} (`{}`): {}",
                    md(agency(&occ.process.agency)),
                    md(&occ.process.name),
                    occ.process.model.replace('`', "'"),
                    occ.ids
                        .iter()
                        .map(|i| format!("`{}`", i.replace('`', "'")))
                        .collect::<Vec<_>>()
                        .join(" → ")
                );
            }
            let _ = writeln!(o);
        }
    }
    if !a.process_families.is_empty() {
        let _ = writeln!(
            o,
            "## {}\n",
            lang.t("Keluarga proses serupa", "Families of similar processes")
        );
        for f in &a.process_families {
            let _ = writeln!(
                o,
                "### {} ({}; {} {}, {:.0}%)\n",
                md(&f.id),
                md(&f.agencies.join(", ")),
                f.pairs,
                lang.t("pasangan", "pairs"),
                f.mean_share * 100.0
            );
            for p in &f.processes {
                let _ = writeln!(
                    o,
                    "- {} {} (`{}#{}`)",
                    md(agency(&p.agency)),
                    md(&p.name),
                    p.model.replace('`', "'"),
                    p.id.replace('`', "'")
                );
            }
            let _ = writeln!(o);
        }
    }
    if !a.similar_processes.is_empty() {
        let _ = writeln!(
            o,
            "## {}\n",
            lang.t("Proses yang serupa", "Similar processes")
        );
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |\n|---|---|---:|---:|",
            lang.t("Proses A", "Process A"),
            lang.t("Proses B", "Process B"),
            lang.t("Berpadanan", "Matched"),
            lang.t("Kesamaan", "Share")
        );
        for s in &a.similar_processes {
            let _ = writeln!(
                o,
                "| {} {} | {} {} | {} | {:.0}% |",
                md(agency(&s.a.agency)),
                md(&s.a.name),
                md(agency(&s.b.agency)),
                md(&s.b.name),
                s.matched,
                s.share * 100.0
            );
        }
        let _ = writeln!(o);
    }
}

fn data_section(o: &mut String, a: &Analysis, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        lang.t("Permintaan data berulang", "Repeated data requests")
    );
    if a.data_requests.is_empty() {
        let _ = writeln!(o, "{}\n", lang.t("Tidak ditemukan.", "None found."));
        return;
    }
    let _ = writeln!(
        o,
        "| {} | {} | {} |\n|---|---|---|",
        lang.t("Data", "Data"),
        lang.t("Diminta oleh", "Requested by"),
        lang.t("Produsen", "Producer")
    );
    for d in &a.data_requests {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            md(&d.label),
            md(&d.consumers.join(", ")),
            if d.producers.is_empty() {
                "—".to_string()
            } else {
                md(&d.producers.join(", "))
            }
        );
    }
    let _ = writeln!(o);
}

fn contacts_section(o: &mut String, a: &Analysis, lang: Lang) {
    if a.citizen_contacts.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "## {}\n",
        lang.t("Kontak dengan warga/pemohon", "Citizen contacts")
    );
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for h in &a.citizen_contacts {
        *counts
            .entry((
                agency(&h.from.agency).to_string(),
                agency(&h.to.agency).to_string(),
            ))
            .or_insert(0) += 1;
    }
    let _ = writeln!(
        o,
        "| {} | {} | {} |\n|---|---|---:|",
        lang.t("Dari", "From"),
        lang.t("Ke", "To"),
        lang.t("Jumlah", "Count")
    );
    for ((f, t), n) in counts {
        let _ = writeln!(o, "| {} | {} | {n} |", md(&f), md(&t));
    }
    let _ = writeln!(o);
}

fn unresolved_section(o: &mut String, a: &Analysis, lang: Lang) {
    if a.unresolved_names.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "## {}\n\n{}\n",
        lang.t("Nama yang tidak dikenali", "Unresolved names"),
        lang.t(
            "Tambahkan ke `aliases` atau `units` di agencies.toml bila nama ini menunjuk sebuah instansi.",
            "Add these to `aliases` or `units` in agencies.toml when they name an agency."
        )
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |\n|---|---|---:|---|",
        lang.t("Nama", "Name"),
        lang.t("Jenis", "Kind"),
        lang.t("Elemen", "Elements"),
        lang.t("Dianggap milik", "Assigned to")
    );
    for u in &a.unresolved_names {
        let kind = match (u.kind.as_str(), lang) {
            ("pool", Lang::Id) => "pool",
            ("lane", Lang::Id) => "lajur",
            (k, _) => k,
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            md(&u.name),
            kind,
            u.nodes,
            if u.fallback_agencies.is_empty() {
                "—".to_string()
            } else {
                md(&u.fallback_agencies.join(", "))
            }
        );
    }
    let _ = writeln!(o);
}

/// What `peta overlaps` prints.
pub fn overlaps_markdown(ov: &AgencyOverlaps, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# {}: {}\n",
        lang.t("Tumpang tindih", "Overlaps"),
        md(&ov.agency)
    );
    let _ = writeln!(
        o,
        "## {}\n",
        lang.t(
            "Kegiatan yang juga dilakukan instansi lain",
            "Activities other agencies also perform"
        )
    );
    if ov.activities.is_empty() {
        let _ = writeln!(o, "{}\n", lang.t("Tidak ditemukan.", "None found."));
    }
    for act in &ov.activities {
        for own in &act.own {
            let _ = writeln!(
                o,
                "### {} (`{}#{}`, {} {})\n",
                md(&own.label),
                own.model.replace('`', "'"),
                own.id.replace('`', "'"),
                lang.t("proses", "process"),
                md(&own.process_name)
            );
        }
        for m in &act.others {
            let _ = writeln!(
                o,
                "- {} — {} (`{}#{}`), {} {}",
                md(agency(&m.agency)),
                md(&m.label),
                m.model.replace('`', "'"),
                m.id.replace('`', "'"),
                lang.t("proses", "process"),
                md(&m.process_name)
            );
        }
        let _ = writeln!(o);
    }
    for (title, list) in [
        (
            lang.t("Serah terima keluar", "Handoffs out"),
            &ov.handoffs_out,
        ),
        (lang.t("Serah terima masuk", "Handoffs in"), &ov.handoffs_in),
    ] {
        let _ = writeln!(o, "## {title}\n");
        if list.is_empty() {
            let _ = writeln!(o, "{}\n", lang.t("Tidak ada.", "None."));
            continue;
        }
        for h in list {
            let _ = writeln!(
                o,
                "- {}: {} → {}",
                handoff_kind_label(h.kind, lang),
                endpoint(&h.from),
                endpoint(&h.to)
            );
        }
        let _ = writeln!(o);
    }
    let mut recs = String::new();
    recommendations_section(&mut recs, &ov.recommendations, lang, "##");
    o.push_str(&recs);
    o
}

/// One CSV field, quoted when needed.
fn field(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if s.contains([',', '"']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn ep_fields(e: &Endpoint) -> [String; 4] {
    [
        field(agency(&e.agency)),
        field(&e.model),
        field(&e.id),
        field(&e.label),
    ]
}

/// Header of [`csv`].
pub const CSV_HEADER: &str = "record,kind,score,from_agency,from_model,from_id,from_label,to_agency,to_model,to_id,to_label,group,detail";

fn handoff_row(record: &str, h: &Handoff) -> String {
    let f = ep_fields(&h.from);
    let t = ep_fields(&h.to);
    format!(
        "{record},{},,{},{},{},{},{},{},{},{},,{}",
        h.kind.as_str(),
        f[0],
        f[1],
        f[2],
        f[3],
        t[0],
        t[1],
        t[2],
        t[3],
        field(h.via_label.as_deref().unwrap_or(""))
    )
}

/// The analysis as one CSV table: a row per handoff (`handoff`), citizen
/// contact (`citizen_contact`), shared-activity member (`shared_activity`,
/// `group` = group id), data read (`data_request`) and recommendation
/// (`recommendation`, evidence ids in `detail`).
pub fn csv(a: &Analysis) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{CSV_HEADER}");
    for h in &a.handoffs {
        let _ = writeln!(o, "{}", handoff_row("handoff", h));
    }
    for h in &a.citizen_contacts {
        let _ = writeln!(o, "{}", handoff_row("citizen_contact", h));
    }
    for g in &a.shared_activities {
        for m in &g.members {
            let _ = writeln!(
                o,
                "shared_activity,,{:.3},{},{},{},{},,,,,{},{}",
                g.confidence,
                field(agency(&m.agency)),
                field(&m.model),
                field(&m.id),
                field(&m.label),
                field(&g.id),
                field(&g.label)
            );
        }
    }
    for d in &a.data_requests {
        for u in &d.reads {
            let _ = writeln!(
                o,
                "data_request,read,,{},{},{},{},,,,,{},{}",
                field(agency(&u.agency)),
                field(&u.model),
                field(&u.id),
                field(&u.label),
                field(&d.object),
                field(&u.data_label)
            );
        }
    }
    for r in &a.recommendations {
        let ev: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}#{}", e.model, e.id))
            .collect();
        let _ = writeln!(
            o,
            "recommendation,{},{:.3},{},,,{},,,,,{},{}",
            r.kind.as_str(),
            r.score,
            field(&r.agencies.join(" ")),
            field(&r.title.en),
            field(&r.id),
            field(&ev.join(" "))
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_model_text() {
        assert_eq!(md("a|b *c* <x>"), "a\\|b \\*c\\* \\<x\\>");
    }

    #[test]
    fn csv_quotes_when_needed() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("a\nb"), "a b");
        assert_eq!(field("say \"hi\", ok"), "\"say \"\"hi\"\", ok\"");
        assert_eq!(field("plain"), "plain");
    }

    #[test]
    fn rupiah_groups_thousands() {
        assert_eq!(rupiah(1_250_000.0), "Rp1.250.000");
        assert_eq!(rupiah(500.0), "Rp500");
    }

    #[test]
    fn lang_parses() {
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("id".parse::<Lang>(), Ok(Lang::Id));
        assert!("fr".parse::<Lang>().is_err());
    }
}
