//! The pages: indexes over the input, one context per page, rendered page by
//! page straight to disk.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::sync::OnceLock;

use minijinja::{context, Environment, Value};
use peta_bpmn::{ElementKey, FlowNode, Model};
use serde::Serialize;

use crate::escape::ScriptJsonWriter;
use crate::i18n::{Catalogue, Lang};
use crate::input::*;
use crate::names::{anchor, file_stem};
use crate::output::Staging;
use crate::svg::{self, Marks};
use crate::theme_map::{self, MapAgency, MapFlow, MapProcess};
use crate::AtlasError;

mod findings;

use findings::{ListKind, ListSpec, INLINE};

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// A link shown as a short code, with the full name as its title.
#[derive(Debug, Clone, Serialize)]
struct CodeLink {
    href: String,
    text: String,
    title: String,
}

#[derive(Debug, Serialize)]
struct Stat {
    label: String,
    value: usize,
    href: Option<String>,
}

#[derive(Debug, Serialize)]
struct HandoffView {
    kind: &'static str,
    kind_label: String,
    from: Link,
    from_agency: Link,
    to: Link,
    to_agency: Link,
}

#[derive(Debug, Serialize)]
struct RecView {
    /// Its id on the recommendations pages.
    anchor: String,
    /// Where it is on the recommendations pages.
    href: String,
    rank: usize,
    kind: String,
    kind_label: String,
    title: String,
    rationale: String,
    score: String,
    themes: Vec<Link>,
    theme_codes: String,
    agencies: Vec<CodeLink>,
    evidence: Vec<Link>,
    /// Evidence beyond [`MAX_EVIDENCE`], counted only.
    evidence_more: usize,
    notes: Vec<String>,
}

/// Evidence links one recommendation lists (5 shown, the rest folded);
/// the others are counted, so a recommendation with thousands of evidence
/// elements stays a few kilobytes.
pub const MAX_EVIDENCE: usize = 25;

/// Indexes over the input, shared by every page.
pub struct Site<'i, 'a> {
    pub input: &'i AtlasInput<'a>,
    pub t: Catalogue,
    pub lang: Lang,
    model_by_key: HashMap<&'i str, usize>,
    model_urls: Vec<String>,
    agency_names: HashMap<&'i str, &'i str>,
    /// per model: node id -> group index
    shared_of: Vec<HashMap<&'i str, usize>>,
    /// per model: handoff indexes touching it
    handoffs_of: Vec<Vec<usize>>,
    /// agencies shown (registry agencies with is_agency, plus any code met in the analysis)
    agency_codes: Vec<String>,
    /// agency -> models it owns or has activities in
    models_by_agency: HashMap<String, Vec<usize>>,
    /// the codes of `agency_codes`, for membership tests
    agency_code_set: HashSet<String>,
    /// model path, and path without `.bpmn`, -> first model with it (call activity targets)
    model_by_path: HashMap<&'i str, usize>,
    /// group id -> first group with it
    group_by_id: HashMap<&'i str, usize>,
    /// agency code -> groups with a member of that agency, in input order
    groups_by_agency: HashMap<&'i str, Vec<usize>>,
    /// agency code -> handoffs leaving it, in input order
    handoffs_from_agency: HashMap<&'i str, Vec<usize>>,
    /// agency code -> handoffs entering it, in input order
    handoffs_to_agency: HashMap<&'i str, Vec<usize>>,
    /// agency code -> recommendations naming it, in input order
    recs_by_agency: HashMap<&'i str, Vec<usize>>,
    /// theme code -> recommendations naming it, in input order
    recs_by_theme: HashMap<&'i str, Vec<usize>>,
    /// group id -> recommendations citing it as evidence, in input order
    recs_by_group: HashMap<&'i str, Vec<usize>>,
    /// every recommendation's view for pages one folder deep (root `../`), built once on first use
    nested_rec_views: OnceLock<Vec<RecView>>,
    /// theme code -> groups with a member in one of its models, ascending
    groups_by_theme: HashMap<&'i str, Vec<usize>>,
    /// fragments, similar processes and data requests by agency, theme and model
    findings: findings::Index<'i>,
    /// the catalogue as a template value, built once
    t_value: Value,
}

/// Appends `i` to `key`'s list unless it is already the last entry (lists are
/// filled in ascending order, so this keeps each index once).
fn push_once<'k>(map: &mut HashMap<&'k str, Vec<usize>>, key: &'k str, i: usize) {
    let v = map.entry(key).or_default();
    if v.last() != Some(&i) {
        v.push(i);
    }
}

fn theme_name(th: &peta_registry::Theme, lang: Lang) -> &str {
    match lang {
        Lang::Id => &th.name_id,
        Lang::English => &th.name_en,
    }
}

impl<'i, 'a> Site<'i, 'a> {
    pub fn new(input: &'i AtlasInput<'a>, t: Catalogue, lang: Lang) -> Site<'i, 'a> {
        let model_by_key: HashMap<&str, usize> = input
            .models
            .iter()
            .enumerate()
            .map(|(i, m)| (m.model.key.as_str(), i))
            .collect();
        let mut used = HashSet::new();
        let model_urls = input
            .models
            .iter()
            .map(|m| {
                let mut stem = file_stem(&m.path);
                let mut k = 1;
                while !used.insert(stem.clone()) {
                    stem = format!("{}-{k}", file_stem(&m.path));
                    k += 1;
                }
                format!("process/{stem}.html")
            })
            .collect();
        let agency_names = input
            .agencies
            .iter()
            .map(|a| (a.code.as_str(), a.name.as_str()))
            .collect();
        let mut shared_of: Vec<HashMap<&str, usize>> = vec![HashMap::new(); input.models.len()];
        for (gi, g) in input.groups.iter().enumerate() {
            for m in &g.members {
                if let Some(&mi) = model_by_key.get(m.node.model.as_str()) {
                    shared_of[mi].insert(m.node.id.as_str(), gi);
                }
            }
        }
        let mut handoffs_of: Vec<Vec<usize>> = vec![Vec::new(); input.models.len()];
        for (hi, h) in input.handoffs.iter().enumerate() {
            let a = model_by_key.get(h.from.node.model.as_str()).copied();
            let b = model_by_key.get(h.to.node.model.as_str()).copied();
            if let Some(a) = a {
                handoffs_of[a].push(hi);
            }
            if let Some(b) = b.filter(|b| Some(*b) != a) {
                handoffs_of[b].push(hi);
            }
        }
        let mut agency_codes: Vec<String> = input
            .agencies
            .iter()
            .filter(|a| a.is_agency)
            .map(|a| a.code.clone())
            .collect();
        let extra = input
            .models
            .iter()
            .filter_map(|m| m.agency.clone())
            .chain(
                input
                    .handoffs
                    .iter()
                    .flat_map(|h| [h.from.agency.clone(), h.to.agency.clone()]),
            )
            .chain(
                input
                    .groups
                    .iter()
                    .flat_map(|g| g.members.iter().filter_map(|m| m.agency.clone())),
            );
        for code in extra {
            let is_actor = input
                .agencies
                .iter()
                .any(|a| a.code == code && !a.is_agency);
            if !is_actor && !agency_codes.contains(&code) {
                agency_codes.push(code);
            }
        }
        let mut models_by_agency: HashMap<String, Vec<usize>> = HashMap::new();
        let node_agency_by_model: HashMap<&str, Vec<&str>> =
            input
                .node_agencies
                .iter()
                .fold(HashMap::new(), |mut m, (k, a)| {
                    m.entry(k.model.as_str())
                        .or_insert_with(Vec::new)
                        .push(a.as_str());
                    m
                });
        for (mi, m) in input.models.iter().enumerate() {
            let mut codes: Vec<&str> = m.agency.as_deref().into_iter().collect();
            codes.extend(
                node_agency_by_model
                    .get(m.model.key.as_str())
                    .into_iter()
                    .flatten()
                    .copied(),
            );
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                models_by_agency.entry(c.to_string()).or_default().push(mi);
            }
        }
        let agency_code_set: HashSet<String> = agency_codes.iter().cloned().collect();
        let mut model_by_path: HashMap<&str, usize> = HashMap::new();
        for (mi, m) in input.models.iter().enumerate() {
            model_by_path.entry(m.path.as_str()).or_insert(mi);
            model_by_path
                .entry(m.path.trim_end_matches(".bpmn"))
                .or_insert(mi);
        }
        let mut group_by_id: HashMap<&str, usize> = HashMap::new();
        let mut groups_by_agency: HashMap<&str, Vec<usize>> = HashMap::new();
        for (gi, g) in input.groups.iter().enumerate() {
            group_by_id.entry(g.id.as_str()).or_insert(gi);
            for a in g.agencies() {
                push_once(&mut groups_by_agency, a, gi);
            }
        }
        let mut handoffs_from_agency: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut handoffs_to_agency: HashMap<&str, Vec<usize>> = HashMap::new();
        for (hi, h) in input.handoffs.iter().enumerate() {
            push_once(&mut handoffs_from_agency, h.from.agency.as_str(), hi);
            push_once(&mut handoffs_to_agency, h.to.agency.as_str(), hi);
        }
        let mut recs_by_agency: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut recs_by_theme: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut recs_by_group: HashMap<&str, Vec<usize>> = HashMap::new();
        for (ri, r) in input.recommendations.iter().enumerate() {
            for a in &r.agencies {
                push_once(&mut recs_by_agency, a.as_str(), ri);
            }
            for th in &r.themes {
                push_once(&mut recs_by_theme, th.as_str(), ri);
            }
            for e in &r.evidence {
                if let Evidence::Group(id) = e {
                    push_once(&mut recs_by_group, id.as_str(), ri);
                }
            }
        }
        let mut groups_by_theme: HashMap<&str, Vec<usize>> = HashMap::new();
        for (gi, g) in input.groups.iter().enumerate() {
            for m in &g.members {
                if let Some(&mi) = model_by_key.get(m.node.model.as_str()) {
                    for th in &input.models[mi].themes {
                        groups_by_theme.entry(th.as_str()).or_default().push(gi);
                    }
                }
            }
        }
        for v in groups_by_theme.values_mut() {
            v.dedup();
        }
        let findings = findings::Index::new(input, &model_by_key);
        let t_value = Value::from_serialize(t.tree());
        Site {
            input,
            t,
            lang,
            model_by_key,
            model_urls,
            agency_names,
            shared_of,
            handoffs_of,
            agency_codes,
            models_by_agency,
            agency_code_set,
            model_by_path,
            group_by_id,
            groups_by_agency,
            handoffs_from_agency,
            handoffs_to_agency,
            recs_by_agency,
            recs_by_theme,
            recs_by_group,
            nested_rec_views: OnceLock::new(),
            groups_by_theme,
            findings,
            t_value,
        }
    }

    fn agency_name<'s>(&'s self, code: &'s str) -> &'s str {
        self.agency_names.get(code).copied().unwrap_or(code)
    }
    pub fn agency_url(code: &str) -> String {
        format!("agency/{}.html", file_stem(code))
    }
    pub fn theme_url(code: &str) -> String {
        format!("theme/{}.html", file_stem(code))
    }
    pub fn group_url(id: &str) -> String {
        format!("group/{}.html", file_stem(id))
    }
    pub fn model_url(&self, i: usize) -> &str {
        &self.model_urls[i]
    }
    fn agency_link(&self, code: &str, root: &str) -> Link {
        let known = self.agency_code_set.contains(code);
        Link {
            href: if known {
                format!("{root}{}", Self::agency_url(code))
            } else {
                String::new()
            },
            text: self.agency_name(code).to_string(),
        }
    }
    fn agency_code_link(&self, code: &str, root: &str) -> CodeLink {
        let l = self.agency_link(code, root);
        CodeLink {
            href: l.href,
            text: code.to_string(),
            title: l.text,
        }
    }
    fn theme_link(&self, code: &str, root: &str) -> Link {
        let name = self
            .input
            .themes
            .iter()
            .find(|t| t.code == code)
            .map(|t| theme_name(t, self.lang))
            .unwrap_or(code);
        let known = self.input.themes.iter().any(|t| t.code == code);
        Link {
            href: if known {
                format!("{root}{}", Self::theme_url(code))
            } else {
                String::new()
            },
            text: name.to_string(),
        }
    }
    /// A model's display title: the first process or participant name, else its path.
    pub fn model_title(&self, i: usize) -> String {
        let m = self.input.models[i].model;
        m.processes
            .iter()
            .filter_map(|p| p.name.as_ref())
            .chain(m.collaborations.iter().filter_map(|c| c.name.as_ref()))
            .map(|l| l.display.clone())
            .find(|s| !s.is_empty())
            .or_else(|| m.definitions.name.clone().filter(|s| !s.trim().is_empty()))
            .unwrap_or_else(|| self.input.models[i].path.clone())
    }
    /// A link to an element (flow node row, else the model page).
    fn element_link(&self, key: &ElementKey, label: &str, root: &str) -> Link {
        let text = if label.is_empty() {
            key.to_string()
        } else {
            label.to_string()
        };
        match self.model_by_key.get(key.model.as_str()) {
            Some(&mi) => {
                let m = self.input.models[mi].model;
                // activities have a row in the table; other flow nodes only a diagram shape
                let frag = match m.flow_nodes().find(|(_, n)| n.id == key.id) {
                    Some((_, n)) if n.is_activity() => format!("#{}", anchor(&key.id)),
                    Some(_) => format!("#d-{}", file_stem(&key.id)),
                    None => String::new(),
                };
                Link {
                    href: format!("{root}{}{frag}", self.model_urls[mi]),
                    text,
                }
            }
            None => {
                // call activity targets may name `<file>#<process>`: find the model by path
                let by_path = self.model_by_path.get(key.model.as_str()).copied();
                Link {
                    href: by_path
                        .map(|mi| format!("{root}{}", self.model_urls[mi]))
                        .unwrap_or_default(),
                    text,
                }
            }
        }
    }
    fn node_agency(&self, model: &Model, node: &FlowNode) -> Option<String> {
        if let Some(a) = self.input.node_agencies.get(&model.key_of(&node.id)) {
            return Some(a.clone());
        }
        None
    }
    fn handoff_view(&self, h: &Handoff, root: &str) -> HandoffView {
        HandoffView {
            kind: h.kind.code(),
            kind_label: self
                .t
                .get(&format!("handoff.kind.{}", h.kind.code()))
                .to_string(),
            from: self.element_link(&h.from.node, &h.from.label, root),
            from_agency: self.agency_link(&h.from.agency, root),
            to: self.element_link(&h.to.node, &h.to.label, root),
            to_agency: self.agency_link(&h.to.agency, root),
        }
    }
    /// Recommendation `ri` as shown on a page at `root`.
    fn rec_view(&self, ri: usize, root: &str) -> RecView {
        let r = &self.input.recommendations[ri];
        let mut evidence = Vec::new();
        let mut notes = Vec::new();
        for e in &r.evidence {
            match e {
                Evidence::Group(id) => {
                    let label = self
                        .group_by_id
                        .get(id.as_str())
                        .map(|&gi| self.input.groups[gi].label.clone())
                        .unwrap_or_else(|| id.clone());
                    evidence.push(Link {
                        href: format!("{root}{}", Self::group_url(id)),
                        text: label,
                    });
                }
                Evidence::Element { key, label } => {
                    evidence.push(self.element_link(key, label, root))
                }
                Evidence::Text(s) => notes.push(s.clone()),
            }
        }
        let kind_key = format!("rec.kind.{}", r.kind);
        let kind_label = if self.t.strings().contains_key(&kind_key) {
            self.t.get(&kind_key).to_string()
        } else {
            r.kind.replace('_', " ")
        };
        RecView {
            anchor: format!("r-{ri}"),
            href: format!(
                "{root}{}#r-{ri}",
                paged_url("recommendations", ri / REC_PAGE + 1)
            ),
            rank: r.rank,
            kind: r.kind.clone(),
            kind_label,
            title: r.title.clone(),
            rationale: r.rationale.clone(),
            score: format!("{:.2}", r.score),
            themes: r.themes.iter().map(|c| self.theme_link(c, root)).collect(),
            theme_codes: r.themes.join(" "),
            agencies: self.capped_codes(r.agencies.iter().map(String::as_str), root),
            evidence_more: evidence.len().saturating_sub(MAX_EVIDENCE),
            evidence: {
                let mut evidence = evidence;
                evidence.truncate(MAX_EVIDENCE);
                evidence
            },
            notes,
        }
    }

    fn activity_count(&self, mi: usize) -> usize {
        self.input.models[mi]
            .model
            .flow_nodes()
            .filter(|(_, n)| n.is_activity())
            .count()
    }

    /// Models whose agency (or one of whose activities' agency) is `code`.
    fn models_of_agency(&self, code: &str) -> Vec<usize> {
        self.models_by_agency.get(code).cloned().unwrap_or_default()
    }

    /// Recommendation `ri` as a view for a page one folder deep; every
    /// view is built once per site, on first use.
    fn nested_rec(&self, ri: usize) -> Option<&RecView> {
        self.nested_rec_views
            .get_or_init(|| {
                self.input
                    .recommendations
                    .iter()
                    .enumerate()
                    .map(|(ri, _)| self.rec_view(ri, "../"))
                    .collect()
            })
            .get(ri)
    }
}

/// Common variables of every page.
fn base_ctx(site: &Site<'_, '_>, root: &str, page: &str, title: &str) -> Value {
    context! {
        t => site.t_value.clone(),
        lang => site.lang.code(),
        root => root,
        page => page,
        page_title => title,
        site_title => if site.input.title.is_empty() { site.t.get("site.title").to_string() } else { site.input.title.clone() },
    }
}

fn render_page(
    env: &Environment<'_>,
    staging: &Staging,
    template: &str,
    rel: &str,
    ctx: Value,
) -> Result<(), AtlasError> {
    let tmpl = env
        .get_template(template)
        .map_err(|e| AtlasError::template(template, e))?;
    let mut w = staging.create(rel)?;
    tmpl.render_captured_to(ctx, &mut w)
        .map_err(|e| AtlasError::template(template, e))?;
    w.flush()
        .map_err(|e| AtlasError::io(staging.dir().join(rel), e))
}

/// Rows on one page of the processes index (`processes.html`, `processes-2.html`, …).
pub const PROCESS_PAGE: usize = 500;
/// Recommendations on one page of `recommendations.html` (the filters work within a page).
pub const REC_PAGE: usize = 200;
/// Entries in one search-index file (`search/index-<k>.js`).
pub const SEARCH_CHUNK: usize = 20_000;
/// Pages rendered in parallel between two progress reports.
const BATCH: usize = 256;

/// One page to write.
#[derive(Debug, Clone, Copy)]
enum Job<'s> {
    Home,
    Processes(usize),
    Recommendations(usize),
    Search,
    Process(usize),
    Theme(usize),
    Agency(usize),
    Group(usize),
    List(&'s ListSpec, usize),
}

/// `<stem>.html` for page 1, `<stem>-<page>.html` after it.
fn paged_url(stem: &str, page: usize) -> String {
    if page <= 1 {
        format!("{stem}.html")
    } else {
        format!("{stem}-{page}.html")
    }
}

/// Renders every page into the staging folder (in parallel, each page
/// straight to its file); returns the number of pages.
pub fn render_all(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize, AtlasError> {
    use rayon::prelude::*;
    let input = site.input;
    let specs = site.list_specs();
    let process_pages = input.models.len().div_ceil(PROCESS_PAGE).max(1);
    let rec_pages = input.recommendations.len().div_ceil(REC_PAGE).max(1);
    let mut jobs: Vec<Job<'_>> = vec![Job::Home, Job::Search];
    jobs.extend((1..=process_pages).map(Job::Processes));
    jobs.extend((1..=rec_pages).map(Job::Recommendations));
    jobs.extend((0..input.models.len()).map(Job::Process));
    jobs.extend((0..input.themes.len()).map(Job::Theme));
    jobs.extend((0..site.agency_codes.len()).map(Job::Agency));
    jobs.extend((0..input.groups.len()).map(Job::Group));
    for spec in &specs {
        jobs.extend((1..=spec.pages()).map(|p| Job::List(spec, p)));
    }
    let total = jobs.len();
    progress(0, total);
    let matrix = Matrix::new(site);
    let run = |job: &Job<'_>| -> Result<(), AtlasError> {
        match *job {
            Job::Home => home(site, env, staging),
            Job::Search => search(site, env, staging),
            Job::Processes(page) => processes(site, env, staging, page, process_pages),
            Job::Recommendations(page) => recommendations(site, env, staging, page, rec_pages),
            Job::Process(mi) => process(site, env, staging, mi),
            Job::Theme(i) => theme(site, env, staging, &input.themes[i]),
            Job::Agency(i) => agency(site, env, staging, &site.agency_codes[i], &matrix),
            Job::Group(i) => group(site, env, staging, i),
            Job::List(spec, page) => findings::render_list(site, env, staging, spec, page),
        }
    };
    let mut done = 0;
    for batch in jobs.chunks(BATCH) {
        batch.par_iter().try_for_each(run)?;
        done += batch.len();
        progress(done, total);
    }
    Ok(done)
}

fn processes(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    page: usize,
    pages: usize,
) -> Result<(), AtlasError> {
    let input = site.input;
    let root = "";
    let start = ((page - 1) * PROCESS_PAGE).min(input.models.len());
    let end = (start + PROCESS_PAGE).min(input.models.len());
    let items: Vec<_> = (start..end)
        .map(|mi| {
            let m = &input.models[mi];
            context! {
                href => site.model_url(mi),
                title => site.model_title(mi),
                path => m.path.clone(),
                agency => m.agency.as_deref().map(|a| site.agency_link(a, root)),
                themes => m.themes.iter().map(|c| site.theme_link(c, root)).collect::<Vec<_>>(),
                activities => site.activity_count(mi),
                shared => site.shared_of[mi].len(),
            }
        })
        .collect();
    let ctx = context! { ..base_ctx(site, root, "processes", site.t.get("nav.processes")), ..context! {
        items => items,
        total => input.models.len(),
        from => if end == 0 { 0 } else { start + 1 },
        to => end,
        pager => findings::pager(pages, page, |p| paged_url("processes", p)),
    } };
    render_page(
        env,
        staging,
        "processes.html",
        &paged_url("processes", page),
        ctx,
    )
}

fn recommendations(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    page: usize,
    pages: usize,
) -> Result<(), AtlasError> {
    let input = site.input;
    let root = "";
    let start = ((page - 1) * REC_PAGE).min(input.recommendations.len());
    let end = (start + REC_PAGE).min(input.recommendations.len());
    let recs: Vec<RecView> = (start..end).map(|ri| site.rec_view(ri, root)).collect();
    let mut kinds: Vec<(String, String)> = recs
        .iter()
        .map(|r| (r.kind.clone(), r.kind_label.clone()))
        .collect();
    kinds.sort();
    kinds.dedup();
    let themes: Vec<_> = input
        .themes
        .iter()
        .map(|th| context! { code => th.code.clone(), name => theme_name(th, site.lang) })
        .collect();
    let ctx = context! { ..base_ctx(site, root, "recommendations", site.t.get("nav.recommendations")), ..context! {
        recs => recs,
        kinds => kinds.into_iter().map(|(code, label)| context! { code => code, label => label }).collect::<Vec<_>>(),
        themes => themes,
        total => input.recommendations.len(),
        from => if end == 0 { 0 } else { start + 1 },
        to => end,
        pager => findings::pager(pages, page, |p| paged_url("recommendations", p)),
    } };
    render_page(
        env,
        staging,
        "recommendations.html",
        &paged_url("recommendations", page),
        ctx,
    )
}

fn home(site: &Site<'_, '_>, env: &Environment<'_>, staging: &Staging) -> Result<(), AtlasError> {
    let input = site.input;
    let root = "";
    let activities: usize = (0..input.models.len())
        .map(|mi| site.activity_count(mi))
        .sum();
    let duplicated: usize = input.groups.iter().map(|g| g.members.len()).sum();
    let t = &site.t;
    let stats = vec![
        Stat {
            label: t.get("stat.agencies").into(),
            value: site.agency_codes.len(),
            href: Some("#agencies".into()),
        },
        Stat {
            label: t.get("stat.models").into(),
            value: input.models.len(),
            href: Some("processes.html".into()),
        },
        Stat {
            label: t.get("stat.activities").into(),
            value: activities,
            href: Some("search.html".into()),
        },
        Stat {
            label: t.get("stat.themes").into(),
            value: input.themes.len(),
            href: Some("#themes".into()),
        },
        Stat {
            label: t.get("stat.handoffs").into(),
            value: input.handoffs.len(),
            href: Some("#agencies".into()),
        },
        Stat {
            label: t.get("stat.groups").into(),
            value: input.groups.len(),
            href: Some("#groups".into()),
        },
        Stat {
            label: t.get("stat.duplicated").into(),
            value: duplicated,
            href: Some("#groups".into()),
        },
        Stat {
            label: t.get("stat.fragments").into(),
            value: input.fragments.len(),
            href: Some(findings::list_url("fragments", 1)),
        },
        Stat {
            label: t.get("stat.similar").into(),
            value: input.similar.len(),
            href: Some(findings::list_url("similar", 1)),
        },
        Stat {
            label: t.get("stat.families").into(),
            value: input.families.len(),
            href: Some(findings::list_url("families", 1)),
        },
        Stat {
            label: t.get("stat.data_requests").into(),
            value: input.data_requests.len(),
            href: Some(findings::list_url("data", 1)),
        },
        Stat {
            label: t.get("stat.recommendations").into(),
            value: input.recommendations.len(),
            href: Some("recommendations.html".into()),
        },
    ];
    let themes: Vec<_> = input
        .themes
        .iter()
        .map(|th| {
            let models: Vec<usize> = (0..input.models.len()).filter(|&mi| input.models[mi].themes.contains(&th.code)).collect();
            let keys: HashSet<&str> = models.iter().map(|&mi| input.models[mi].model.key.as_str()).collect();
            let handoffs = input.handoffs.iter().filter(|h| keys.contains(h.from.node.model.as_str())).count();
            let shared = input.groups.iter().filter(|g| g.members.iter().any(|m| keys.contains(m.node.model.as_str()))).count();
            context! {
                href => Site::theme_url(&th.code),
                name => theme_name(th, site.lang),
                code => th.code.clone(),
                description => match site.lang { Lang::Id => th.description_id.clone(), Lang::English => th.description_en.clone() },
                models => models.len(),
                handoffs => handoffs,
                shared => shared,
            }
        })
        .collect();
    let agencies: Vec<_> = site
        .agency_codes
        .iter()
        .map(|c| {
            let count = |m: &HashMap<&str, Vec<usize>>| m.get(c.as_str()).map_or(0, Vec::len);
            let out = count(&site.handoffs_from_agency);
            let inn = count(&site.handoffs_to_agency);
            context! {
                link => site.agency_link(c, root),
                code => c.clone(),
                models => site.models_of_agency(c).len(),
                shared => site.groups_by_agency.get(c.as_str()).map_or(0, Vec::len),
                handoffs => out + inn,
            }
        })
        .collect();
    let mut groups: Vec<&SharedGroup> = input.groups.iter().collect();
    groups.sort_by(|a, b| {
        b.agencies()
            .len()
            .cmp(&a.agencies().len())
            .then(b.members.len().cmp(&a.members.len()))
    });
    let top_groups: Vec<_> = groups
        .iter()
        .take(10)
        .map(|g| context! { link => Link { href: Site::group_url(&g.id), text: g.label.clone() }, agencies => g.agencies().len(), members => g.members.len() })
        .collect();
    let recs: Vec<RecView> = (0..input.recommendations.len().min(5))
        .map(|ri| site.rec_view(ri, root))
        .collect();
    let ctx = context! { ..base_ctx(site, root, "home", site.t.get("nav.home")), ..context! {
        stats => stats, themes => themes, agencies => agencies, recs => recs, groups => top_groups,
    } };
    render_page(env, staging, "home.html", "index.html", ctx)
}

#[derive(Serialize)]
struct SearchEntry<'s> {
    /// kind: `a` activity, `p` process, `g` agency, `t` theme
    k: &'static str,
    /// label
    l: &'s str,
    /// context line
    c: String,
    /// url relative to the site root
    u: String,
}

/// The search index as script files of at most [`SEARCH_CHUNK`] entries
/// (`search/index-<k>.js`, each `(window.PETA_INDEX = …).push([…]);`):
/// browsers refuse `fetch` over `file://` but load scripts, and no file
/// grows with the whole repository.
struct IndexFiles<'s> {
    staging: &'s Staging,
    files: Vec<String>,
    current: Option<ScriptJsonWriter<std::io::BufWriter<std::fs::File>>>,
    in_file: usize,
}

impl<'s> IndexFiles<'s> {
    fn io(&self, e: std::io::Error) -> AtlasError {
        let last = self.files.last().map(String::as_str).unwrap_or("search");
        AtlasError::io(self.staging.dir().join(last), e)
    }
    fn put(&mut self, e: &SearchEntry<'_>) -> Result<(), AtlasError> {
        if self.in_file == SEARCH_CHUNK {
            self.close()?;
        }
        if self.current.is_none() {
            let rel = format!("search/index-{}.js", self.files.len());
            let mut w = self.staging.create(&rel)?;
            self.files.push(rel);
            w.write_all(b"(window.PETA_INDEX = window.PETA_INDEX || []).push([")
                .map_err(|e| self.io(e))?;
            self.current = Some(ScriptJsonWriter(w));
        }
        let first = self.in_file == 0;
        self.in_file += 1;
        let Some(j) = self.current.as_mut() else {
            return Ok(());
        };
        let res = if first { Ok(()) } else { j.write_all(b",\n") }
            .and_then(|_| serde_json::to_writer(&mut *j, e).map_err(std::io::Error::from));
        res.map_err(|e| self.io(e))
    }
    fn close(&mut self) -> Result<(), AtlasError> {
        if let Some(mut j) = self.current.take() {
            j.write_all(b"]);\n")
                .and_then(|_| j.flush())
                .map_err(|e| self.io(e))?;
        }
        self.in_file = 0;
        Ok(())
    }
}

fn search(site: &Site<'_, '_>, env: &Environment<'_>, staging: &Staging) -> Result<(), AtlasError> {
    let mut idx = IndexFiles {
        staging,
        files: Vec::new(),
        current: None,
        in_file: 0,
    };
    for (i, m) in site.input.models.iter().enumerate() {
        let title = site.model_title(i);
        let agency = m
            .agency
            .as_deref()
            .map(|a| site.agency_name(a).to_string())
            .unwrap_or_default();
        idx.put(&SearchEntry {
            k: "p",
            l: &title,
            c: if agency.is_empty() {
                m.path.clone()
            } else {
                format!("{agency} · {}", m.path)
            },
            u: site.model_url(i).to_string(),
        })?;
        for (_, n) in m.model.flow_nodes() {
            if !n.is_activity() || n.label().is_empty() {
                continue;
            }
            let ag = site
                .node_agency(m.model, n)
                .map(|a| site.agency_name(&a).to_string())
                .unwrap_or_else(|| agency.clone());
            let c = if ag.is_empty() {
                title.clone()
            } else {
                format!("{ag} · {title}")
            };
            idx.put(&SearchEntry {
                k: "a",
                l: n.label(),
                c,
                u: format!("{}#{}", site.model_url(i), anchor(&n.id)),
            })?;
        }
    }
    for c in &site.agency_codes {
        idx.put(&SearchEntry {
            k: "g",
            l: site.agency_name(c),
            c: c.clone(),
            u: Site::agency_url(c),
        })?;
    }
    for th in &site.input.themes {
        idx.put(&SearchEntry {
            k: "t",
            l: theme_name(th, site.lang),
            c: th.code.clone(),
            u: Site::theme_url(&th.code),
        })?;
    }
    idx.close()?;
    let ctx = context! { ..base_ctx(site, "", "search", site.t.get("nav.search")), ..context! {
        index_files => idx.files,
    } };
    render_page(env, staging, "search.html", "search.html", ctx)
}

fn process(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    mi: usize,
) -> Result<(), AtlasError> {
    let input = site.input;
    let root = "../";
    let m = &input.models[mi];
    let model = m.model;
    let t = &site.t;
    let mut marks = Marks::default();
    for (id, gi) in &site.shared_of[mi] {
        marks.shared.insert(
            id.to_string(),
            format!("{root}{}", Site::group_url(&input.groups[*gi].id)),
        );
    }
    for &hi in &site.handoffs_of[mi] {
        let h = &input.handoffs[hi];
        if h.from.node.model == model.key {
            let s = t
                .get("handoff.to")
                .replace("{agency}", site.agency_name(&h.to.agency))
                .replace("{label}", &h.to.label);
            marks
                .handoffs
                .entry(h.from.node.id.clone())
                .or_default()
                .push(s);
        }
        if h.to.node.model == model.key {
            let s = t
                .get("handoff.from")
                .replace("{agency}", site.agency_name(&h.from.agency))
                .replace("{label}", &h.from.label);
            marks
                .handoffs
                .entry(h.to.node.id.clone())
                .or_default()
                .push(s);
        }
    }
    let title = site.model_title(mi);
    let diagrams = svg::render_model(
        model,
        &marks,
        t,
        "diagram",
        &t.get("diagram.title").replace("{name}", &title),
    );
    let auto_layout = diagrams.iter().any(|d| d.auto_layout);
    let activities: Vec<_> = model
        .flow_nodes()
        .filter(|(_, n)| n.is_activity())
        .map(|(p, n)| {
            let lane = p.lane_of(&n.id).and_then(|l| l.name.as_ref()).map(|l| l.display.clone()).unwrap_or_default();
            let group = site.shared_of[mi].get(n.id.as_str()).map(|gi| {
                let g = &input.groups[*gi];
                Link { href: format!("{root}{}", Site::group_url(&g.id)), text: g.label.clone() }
            });
            context! {
                anchor => anchor(&n.id),
                diagram_anchor => format!("d-{}", file_stem(&n.id)),
                id => n.id.clone(),
                label => if n.label().is_empty() { t.get("diagram.unnamed").to_string() } else { n.label().to_string() },
                kind => t.get(svg::kind_key(&n.kind)),
                lane => lane,
                agency => site.node_agency(model, n).map(|a| site.agency_link(&a, root)),
                group => group,
                handoffs => marks.handoffs.get(&n.id).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let handoffs: Vec<HandoffView> = site.handoffs_of[mi]
        .iter()
        .map(|&hi| site.handoff_view(&input.handoffs[hi], root))
        .collect();
    let counts: Vec<_> = model
        .counts()
        .into_iter()
        .map(|(k, v)| context! { name => k, count => v })
        .collect();
    let ctx = context! { ..base_ctx(site, root, "process", &title), ..context! {
        title => title.clone(),
        path => m.path.clone(),
        agency => m.agency.as_deref().map(|a| site.agency_link(a, root)),
        themes => m.themes.iter().map(|c| site.theme_link(c, root)).collect::<Vec<_>>(),
        diagrams => diagrams.into_iter().map(|d| Value::from_safe_string(d.svg)).collect::<Vec<_>>(),
        auto_layout => auto_layout,
        activities => activities,
        handoffs => handoffs,
        counts => counts,
        exporter => model.definitions.exporter.clone(),
        findings => findings::process_sections(site, mi, root),
    } };
    render_page(env, staging, "process.html", site.model_url(mi), ctx)
}

fn theme(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    th: &peta_registry::Theme,
) -> Result<(), AtlasError> {
    let input = site.input;
    let root = "../";
    let t = &site.t;
    let models: Vec<usize> = (0..input.models.len())
        .filter(|&mi| input.models[mi].themes.contains(&th.code))
        .collect();
    let keys: HashSet<&str> = models
        .iter()
        .map(|&mi| input.models[mi].model.key.as_str())
        .collect();
    // bands: agencies of the theme's models, in registry order; models without agency last
    let mut by_band: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    let mut band_codes: Vec<Option<String>> = Vec::new();
    for &mi in &models {
        let a = input.models[mi].agency.as_deref();
        by_band
            .entry(a)
            .or_insert_with(|| {
                band_codes.push(a.map(str::to_string));
                Vec::new()
            })
            .push(mi);
    }
    let order = |c: &Option<String>| {
        c.as_ref()
            .and_then(|c| site.agency_codes.iter().position(|x| x == c))
            .unwrap_or(usize::MAX)
    };
    band_codes.sort_by_key(order);
    let handoffs: Vec<&Handoff> = input
        .handoffs
        .iter()
        .filter(|h| {
            keys.contains(h.from.node.model.as_str()) || keys.contains(h.to.node.model.as_str())
        })
        .collect();
    // agencies met only through handoffs get a band too
    let mut band_of: HashMap<String, usize> = band_codes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.clone().map(|c| (c, i)))
        .collect();
    for h in &handoffs {
        for a in [&h.from.agency, &h.to.agency] {
            if !band_of.contains_key(a) {
                band_of.insert(a.clone(), band_codes.len());
                band_codes.push(Some(a.clone()));
            }
        }
    }
    // the most connected processes of each band get its cards
    let connections = |mi: usize| site.shared_of[mi].len() + site.handoffs_of[mi].len();
    let bands: Vec<MapAgency> = band_codes
        .iter()
        .map(|c| {
            let mut members = by_band.get(&c.as_deref()).cloned().unwrap_or_default();
            let total = members.len();
            members.sort_by_key(|&mi| (std::cmp::Reverse(connections(mi)), mi));
            members.truncate(theme_map::MAP_CARDS);
            members.sort_unstable();
            MapAgency {
                code: c.clone().unwrap_or_else(|| "?".to_string()),
                name: c
                    .as_deref()
                    .map(|c| site.agency_name(c).to_string())
                    .unwrap_or_else(|| t.get("map.no_agency").to_string()),
                href: c
                    .as_deref()
                    .map(|c| format!("{root}{}", Site::agency_url(c))),
                processes: members
                    .iter()
                    .map(|&mi| MapProcess {
                        title: site.model_title(mi),
                        href: format!("{root}{}", site.model_url(mi)),
                        activities: site.activity_count(mi),
                        shared: site.shared_of[mi].len(),
                        handoffs: site.handoffs_of[mi].len(),
                    })
                    .collect(),
                total,
            }
        })
        .collect();
    let mut pair_counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for h in &handoffs {
        let a = band_of.get(h.from.agency.as_str());
        let b = band_of.get(h.to.agency.as_str());
        if let (Some(&a), Some(&b)) = (a, b) {
            *pair_counts.entry((a, b)).or_insert(0) += 1;
        }
    }
    let flows: Vec<MapFlow> = pair_counts
        .iter()
        .map(|(&(from, to), &count)| MapFlow { from, to, count })
        .collect();
    let name = theme_name(th, site.lang);
    let map = theme_map::theme_map(
        &bands,
        &flows,
        t,
        &t.get("map.title").replace("{name}", name),
    );
    let code = th.code.as_str();
    let ix = &site.findings;
    let groups = site.section(
        ListKind::Shared,
        site.groups_by_theme.get(code),
        None,
        &findings::theme_list(code, "shared"),
        root,
    );
    let fragments = site.section(
        ListKind::Fragments,
        ix.fragments_by_theme.get(code),
        None,
        &findings::theme_list(code, "fragments"),
        root,
    );
    let similar = site.section(
        ListKind::Similar,
        ix.similar_by_theme.get(code),
        None,
        &findings::theme_list(code, "similar"),
        root,
    );
    let data = site.section(
        ListKind::Data,
        ix.data_by_theme.get(code),
        None,
        &findings::theme_list(code, "data"),
        root,
    );
    let pairs: Vec<_> = flows
        .iter()
        .map(|f| {
            context! {
                from => band_codes[f.from].as_deref().map(|c| site.agency_link(c, root)),
                to => band_codes[f.to].as_deref().map(|c| site.agency_link(c, root)),
                count => f.count,
            }
        })
        .collect();
    let recs = site.section(
        ListKind::Recs,
        site.recs_by_theme.get(th.code.as_str()),
        None,
        &findings::theme_list(&th.code, "recs"),
        root,
    );
    let occurrences: usize = input
        .groups
        .iter()
        .flat_map(|g| g.members.iter())
        .filter(|m| keys.contains(m.node.model.as_str()))
        .count();
    let activities: usize = models.iter().map(|&mi| site.activity_count(mi)).sum();
    let stats = vec![
        Stat {
            label: t.get("stat.models").into(),
            value: models.len(),
            href: None,
        },
        Stat {
            label: t.get("stat.agencies").into(),
            value: band_codes.iter().flatten().count(),
            href: None,
        },
        Stat {
            label: t.get("stat.activities").into(),
            value: activities,
            href: None,
        },
        Stat {
            label: t.get("stat.groups").into(),
            value: groups.total,
            href: Some("#groups".into()),
        },
        Stat {
            label: t.get("stat.duplicated").into(),
            value: occurrences,
            href: Some("#groups".into()),
        },
        Stat {
            label: t.get("stat.handoffs").into(),
            value: handoffs.len(),
            href: Some("#handoffs".into()),
        },
        Stat {
            label: t.get("stat.fragments").into(),
            value: fragments.total,
            href: Some("#fragments".into()),
        },
        Stat {
            label: t.get("stat.similar").into(),
            value: similar.total,
            href: Some("#similar".into()),
        },
        Stat {
            label: t.get("stat.data_requests").into(),
            value: data.total,
            href: Some("#data".into()),
        },
    ];
    let ctx = context! { ..base_ctx(site, root, "theme", name), ..context! {
        name => name,
        code => th.code.clone(),
        description => match site.lang { Lang::Id => th.description_id.clone(), Lang::English => th.description_en.clone() },
        spbe_codes => th.spbe_codes.clone(),
        map => Value::from_safe_string(map),
        stats => stats,
        groups => groups,
        pairs => pairs,
        fragments => fragments,
        similar => similar,
        data => data,
        recs => recs,
    } };
    render_page(env, staging, "theme.html", &Site::theme_url(&th.code), ctx)
}

/// Most agencies an agency page's matrices show (bounds the page at
/// national scale: 700 agencies would make 490,000 cells per page).
pub const MATRIX_MAX: usize = 30;

/// Agency × agency counts of shared-activity groups and handoffs.
pub struct Matrix {
    codes: Vec<String>,
    shared: Vec<Vec<usize>>,
    handoffs: Vec<Vec<usize>>,
}

impl Matrix {
    fn new(site: &Site<'_, '_>) -> Matrix {
        let codes = site.agency_codes.clone();
        let ix: HashMap<&str, usize> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        let n = codes.len();
        let mut shared = vec![vec![0; n]; n];
        let mut handoffs = vec![vec![0; n]; n];
        for g in &site.input.groups {
            let ags: Vec<usize> = g
                .agencies()
                .iter()
                .filter_map(|a| ix.get(a).copied())
                .collect();
            for &a in &ags {
                for &b in &ags {
                    if a != b {
                        shared[a][b] += 1;
                    }
                }
            }
        }
        for h in &site.input.handoffs {
            if let (Some(&a), Some(&b)) =
                (ix.get(h.from.agency.as_str()), ix.get(h.to.agency.as_str()))
            {
                handoffs[a][b] += 1;
            }
        }
        Matrix {
            codes,
            shared,
            handoffs,
        }
    }

    /// The agencies a page's matrix shows: all of them up to [`MATRIX_MAX`],
    /// else `current` and the `MATRIX_MAX - 1` agencies it shares most
    /// groups and handoffs with (ties: registry order), in registry order.
    fn shown(&self, current: &str) -> Vec<usize> {
        let n = self.codes.len();
        if n <= MATRIX_MAX {
            return (0..n).collect();
        }
        let Some(c) = self.codes.iter().position(|x| x == current) else {
            return (0..MATRIX_MAX).collect();
        };
        let weight = |j: usize| {
            self.shared[c][j] + self.shared[j][c] + self.handoffs[c][j] + self.handoffs[j][c]
        };
        let mut others: Vec<usize> = (0..n).filter(|&j| j != c).collect();
        others.sort_by_key(|&j| (std::cmp::Reverse(weight(j)), j));
        others.truncate(MATRIX_MAX - 1);
        others.push(c);
        others.sort_unstable();
        others
    }

    fn view(&self, site: &Site<'_, '_>, current: &str, root: &str) -> Value {
        let shown = self.shown(current);
        let max_of = |m: &Vec<Vec<usize>>| {
            shown
                .iter()
                .flat_map(|&i| shown.iter().map(move |&j| m[i][j]))
                .max()
                .unwrap_or(0)
                .max(1)
        };
        let max_s = max_of(&self.shared);
        let max_h = max_of(&self.handoffs);
        let level = |v: usize, max: usize| {
            if v == 0 {
                0
            } else {
                1 + (v * 4).saturating_sub(1) / max
            }
        };
        let cols: Vec<_> = shown
            .iter()
            .map(|&i| &self.codes[i])
            .map(|c| context! { code => c.clone(), link => site.agency_link(c, root) })
            .collect();
        let rows = |m: &Vec<Vec<usize>>, max: usize, key: &str| -> Vec<Value> {
            shown
                .iter()
                .map(|&i| (i, &self.codes[i]))
                .map(|(i, c)| {
                    let cells: Vec<_> = shown
                        .iter()
                        .map(|&j| (j, &self.codes[j]))
                        .map(|(j, c2)| {
                            let v = m[i][j];
                            context! {
                                value => v,
                                diagonal => i == j,
                                level => level(v, max),
                                title => site.t.get(key).replace("{a}", site.agency_name(c)).replace("{b}", site.agency_name(c2)).replace("{n}", &v.to_string()),
                            }
                        })
                        .collect();
                    context! { link => site.agency_code_link(c, root), code => c.clone(), current => c == current, cells => cells }
                })
                .collect()
        };
        context! {
            cols => cols,
            partial => shown.len() < self.codes.len(),
            shared => rows(&self.shared, max_s, "matrix.shared_cell"),
            handoffs => rows(&self.handoffs, max_h, "matrix.handoff_cell"),
        }
    }
}

fn agency(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    code: &str,
    matrix: &Matrix,
) -> Result<(), AtlasError> {
    let input = site.input;
    let root = "../";
    let info = input.agencies.iter().find(|a| a.code == code);
    let models: Vec<_> = site
        .models_of_agency(code)
        .into_iter()
        .map(|mi| context! {
            link => Link { href: format!("{root}{}", site.model_url(mi)), text: site.model_title(mi) },
            path => input.models[mi].path.clone(),
            activities => site.activity_count(mi),
            shared => site.shared_of[mi].len(),
        })
        .collect();
    let shared = site.section(
        ListKind::Shared,
        site.groups_by_agency.get(code),
        Some(code),
        &findings::agency_list(code, "shared"),
        root,
    );
    let ix = &site.findings;
    let fragments = site.section(
        ListKind::Fragments,
        ix.fragments_by_agency.get(code),
        Some(code),
        &findings::agency_list(code, "fragments"),
        root,
    );
    let similar = site.section(
        ListKind::Similar,
        ix.similar_by_agency.get(code),
        Some(code),
        &findings::agency_list(code, "similar"),
        root,
    );
    let data_asked = site.section(
        ListKind::Data,
        ix.data_asked.get(code),
        Some(code),
        &findings::agency_list(code, "data-asked"),
        root,
    );
    let data_produced = site.section(
        ListKind::Data,
        ix.data_produced.get(code),
        Some(code),
        &findings::agency_list(code, "data-produced"),
        root,
    );
    let by_counterpart = |outgoing: bool| -> Vec<Value> {
        let mut m: BTreeMap<String, Vec<&Handoff>> = BTreeMap::new();
        let mine = if outgoing {
            &site.handoffs_from_agency
        } else {
            &site.handoffs_to_agency
        };
        for &hi in mine.get(code).into_iter().flatten() {
            let h = &input.handoffs[hi];
            let other = if outgoing {
                &h.to.agency
            } else {
                &h.from.agency
            };
            m.entry(other.clone()).or_default().push(h);
        }
        m.into_iter()
            .map(|(other, hs)| {
                context! {
                    agency => site.agency_link(&other, root),
                    count => hs.len(),
                    items => hs.iter().take(findings::HANDOFFS_PER_COUNTERPART).map(|h| site.handoff_view(h, root)).collect::<Vec<_>>(),
                    more => hs.len().saturating_sub(findings::HANDOFFS_PER_COUNTERPART),
                }
            })
            .collect()
    };
    let all_handoffs = |map: &HashMap<&str, Vec<usize>>, what: &str| {
        let n = map.get(code).map_or(0, Vec::len);
        (n > INLINE).then(|| Link {
            href: format!(
                "{root}{}",
                findings::list_url(&findings::agency_list(code, what), 1)
            ),
            text: site.t.count("list.all", n),
        })
    };
    let recs = site.section(
        ListKind::Recs,
        site.recs_by_agency.get(code),
        None,
        &findings::agency_list(code, "recs"),
        root,
    );
    let name = site.agency_name(code);
    let ctx = context! { ..base_ctx(site, root, "agency", name), ..context! {
        name => name,
        code => code,
        kind => info.and_then(|a| a.kind.clone()),
        units => info.map(|a| a.units.clone()).unwrap_or_default(),
        models => models,
        shared => shared,
        out => by_counterpart(true),
        inn => by_counterpart(false),
        out_all => all_handoffs(&site.handoffs_from_agency, "out"),
        in_all => all_handoffs(&site.handoffs_to_agency, "in"),
        fragments => fragments,
        similar => similar,
        data_asked => data_asked,
        data_produced => data_produced,
        recs => recs,
        matrix => matrix.view(site, code, root),
    } };
    render_page(env, staging, "agency.html", &Site::agency_url(code), ctx)
}

fn group(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    gi: usize,
) -> Result<(), AtlasError> {
    let root = "../";
    let g = &site.input.groups[gi];
    let members: Vec<Value> = (0..g.members.len().min(findings::GROUP_MEMBERS))
        .map(|k| site.member_view(gi, k, root))
        .collect();
    let members_all = (g.members.len() > findings::GROUP_MEMBERS).then(|| Link {
        href: format!(
            "{root}{}",
            findings::list_url(&findings::group_list(&g.id, "members"), 1)
        ),
        text: site.t.count("list.all", g.members.len()),
    });
    let recs = site.section(
        ListKind::Recs,
        site.recs_by_group.get(g.id.as_str()),
        None,
        &findings::group_list(&g.id, "recs"),
        root,
    );
    let ctx = context! { ..base_ctx(site, root, "group", &g.label), ..context! {
        label => g.label.clone(),
        agencies => g.agencies().iter().map(|a| site.agency_link(a, root)).collect::<Vec<_>>(),
        members => members,
        members_total => g.members.len(),
        members_all => members_all,
        recs => recs,
    } };
    render_page(env, staging, "group.html", &Site::group_url(&g.id), ctx)
}
