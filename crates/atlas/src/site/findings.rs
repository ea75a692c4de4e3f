//! Duplicated fragments, similar processes and repeated data requests on
//! the agency, theme and process pages, and every long list of the atlas as
//! bounded list pages (`list/<name>.html`, `list/<name>-2.html`, …).

use std::collections::HashMap;

use minijinja::{context, Environment, Value};
use serde::Serialize;

use super::{base_ctx, render_page, CodeLink, HandoffView, Link, Site};
use crate::input::*;
use crate::names::{anchor, file_stem};
use crate::output::Staging;
use crate::AtlasError;

/// Items on one list page of short entries (table rows): bounds every
/// page's size whatever the size of the repository. Longer entries get
/// fewer (see [`ListKind::page_size`]).
pub const LIST_PAGE: usize = 100;
/// Agency links one entry lists (a recommendation or a fragment may name
/// a hundred agencies); the rest are counted.
pub const MAX_AGENCY_LINKS: usize = 12;
/// Handoffs an agency page lists per counterpart agency (all are in the
/// agency's `out`/`in` list pages).
pub const HANDOFFS_PER_COUNTERPART: usize = 5;
/// Members a shared-activity group's page lists before its list pages.
pub const GROUP_MEMBERS: usize = 200;
/// Items a section of an agency, theme or process page shows before it
/// links to the section's list pages.
pub const INLINE: usize = 20;
/// Occurrences (fragments) or activities (data requests) one item shows;
/// the rest are counted.
pub const ITEM_DETAILS: usize = 12;

/// Which findings touch which agency, theme and model.
#[derive(Debug, Default)]
pub struct Index<'i> {
    pub fragments_by_agency: HashMap<&'i str, Vec<usize>>,
    pub fragments_by_theme: HashMap<&'i str, Vec<usize>>,
    pub fragments_by_model: Vec<Vec<usize>>,
    pub similar_by_agency: HashMap<&'i str, Vec<usize>>,
    pub similar_by_theme: HashMap<&'i str, Vec<usize>>,
    pub similar_by_model: Vec<Vec<usize>>,
    /// agency -> data requests it reads (is asked for)
    pub data_asked: HashMap<&'i str, Vec<usize>>,
    /// agency -> data requests it writes (produces)
    pub data_produced: HashMap<&'i str, Vec<usize>>,
    pub data_by_theme: HashMap<&'i str, Vec<usize>>,
    pub data_by_model: Vec<Vec<usize>>,
}

/// Appends `i` unless it is already the last entry (indexes arrive in
/// ascending order, so each is kept once).
fn push_once<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: K, i: usize) {
    let v = map.entry(key).or_default();
    if v.last() != Some(&i) {
        v.push(i);
    }
}

fn push_vec(v: &mut [Vec<usize>], at: Option<usize>, i: usize) {
    if let Some(list) = at.and_then(|m| v.get_mut(m)) {
        if list.last() != Some(&i) {
            list.push(i);
        }
    }
}

impl<'i> Index<'i> {
    pub fn new(input: &'i AtlasInput<'_>, model_by_key: &HashMap<&'i str, usize>) -> Index<'i> {
        let n = input.models.len();
        let mut ix = Index {
            fragments_by_model: vec![Vec::new(); n],
            similar_by_model: vec![Vec::new(); n],
            data_by_model: vec![Vec::new(); n],
            ..Index::default()
        };
        let model = |key: &str| model_by_key.get(key).copied();
        let themes = |mi: Option<usize>| {
            mi.and_then(|m| input.models.get(m))
                .map(|m| m.themes.as_slice())
                .unwrap_or(&[])
        };
        for (fi, f) in input.fragments.iter().enumerate() {
            for a in &f.agencies {
                push_once(&mut ix.fragments_by_agency, a.as_str(), fi);
            }
            for o in &f.occurrences {
                let mi = model(&o.process.model);
                push_vec(&mut ix.fragments_by_model, mi, fi);
                for th in themes(mi) {
                    push_once(&mut ix.fragments_by_theme, th.as_str(), fi);
                }
            }
        }
        for (si, s) in input.similar.iter().enumerate() {
            for p in [&s.a, &s.b] {
                if let Some(a) = p.agency.as_deref() {
                    push_once(&mut ix.similar_by_agency, a, si);
                }
                let mi = model(&p.model);
                push_vec(&mut ix.similar_by_model, mi, si);
                for th in themes(mi) {
                    push_once(&mut ix.similar_by_theme, th.as_str(), si);
                }
            }
        }
        for (di, d) in input.data_requests.iter().enumerate() {
            for a in &d.consumers {
                push_once(&mut ix.data_asked, a.as_str(), di);
            }
            for a in &d.producers {
                push_once(&mut ix.data_produced, a.as_str(), di);
            }
            for u in d.reads.iter().chain(&d.writes) {
                let mi = model(&u.node.model);
                push_vec(&mut ix.data_by_model, mi, di);
                for th in themes(mi) {
                    push_once(&mut ix.data_by_theme, th.as_str(), di);
                }
            }
        }
        // an item reached twice through different models/themes may appear
        // out of order: keep every list sorted and unique
        for v in ix
            .fragments_by_theme
            .values_mut()
            .chain(ix.similar_by_theme.values_mut())
            .chain(ix.data_by_theme.values_mut())
            .chain(ix.fragments_by_model.iter_mut())
            .chain(ix.similar_by_model.iter_mut())
            .chain(ix.data_by_model.iter_mut())
        {
            v.sort_unstable();
            v.dedup();
        }
        ix
    }
}

/// Which occurrences a duplicated fragment's entry details (the others
/// are counted; the fragment's heading links to its full entry).
#[derive(Debug, Clone, Copy)]
pub enum Detail<'d> {
    /// Every occurrence, up to [`ITEM_DETAILS`] (the global list).
    All,
    /// The occurrences in this agency's processes (agency pages).
    Agency(&'d str),
    /// The occurrences in this model (process pages).
    Model(&'d str),
    /// None (theme pages: the fragment, its agencies and its count).
    Counted,
}

/// What a list page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Fragments,
    Similar,
    /// Clusters of similar processes.
    Families,
    Data,
    /// Shared-activity groups (with the focus agency's own activities).
    Shared,
    Handoffs,
    /// Recommendations (their views for pages one folder deep).
    Recs,
    /// The members of one shared-activity group ([`ListSpec::owner`]).
    Members,
}

impl ListKind {
    fn code(self) -> &'static str {
        match self {
            ListKind::Fragments => "fragments",
            ListKind::Similar => "similar",
            ListKind::Families => "families",
            ListKind::Data => "data",
            ListKind::Shared => "shared",
            ListKind::Handoffs => "handoffs",
            ListKind::Recs => "recs",
            ListKind::Members => "members",
        }
    }

    /// Entries on one list page: [`LIST_PAGE`] table rows, half as many
    /// fragments and recommendations (a few kilobytes each), a quarter as
    /// many data requests (up to 24 activities each).
    pub fn page_size(self) -> usize {
        match self {
            ListKind::Fragments | ListKind::Recs | ListKind::Families => LIST_PAGE / 2,
            ListKind::Data => LIST_PAGE / 4,
            ListKind::Similar | ListKind::Shared | ListKind::Handoffs | ListKind::Members => {
                LIST_PAGE
            }
        }
    }
}

/// One paged list: `list/<name>.html`, `list/<name>-2.html`, …
#[derive(Debug, Clone)]
pub struct ListSpec {
    /// File name stem inside `list/` (built from sanitised stems only).
    pub name: String,
    pub title: String,
    pub lead: String,
    /// The page the list belongs to (href relative to the site root).
    pub parent: Option<Link>,
    pub kind: ListKind,
    /// Indexes into the input's list of that kind.
    pub items: Vec<usize>,
    /// The agency the list is about (its own activities are shown).
    pub focus: Option<String>,
    /// A related list (href relative to the site root).
    pub see_also: Option<Link>,
    /// The group whose members a [`ListKind::Members`] list shows.
    pub owner: Option<usize>,
}

impl ListSpec {
    pub fn pages(&self) -> usize {
        self.items.len().div_ceil(self.kind.page_size()).max(1)
    }
}

/// The site-relative URL of page `page` (1-based) of list `name`.
pub fn list_url(name: &str, page: usize) -> String {
    if page <= 1 {
        format!("list/{name}.html")
    } else {
        format!("list/{name}-{page}.html")
    }
}

/// The name of an agency's list of `what`.
pub fn agency_list(code: &str, what: &str) -> String {
    format!("a-{}-{what}", file_stem(code))
}

/// The name of a theme's list of `what`.
pub fn theme_list(code: &str, what: &str) -> String {
    format!("t-{}-{what}", file_stem(code))
}

/// The name of a shared-activity group's list of `what`.
pub fn group_list(id: &str, what: &str) -> String {
    format!("g-{}-{what}", file_stem(id))
}

/// One entry of a pager: a page number (link unless current) or a gap.
#[derive(Debug, Serialize)]
pub struct PagerItem {
    pub href: Option<String>,
    pub text: String,
    pub current: bool,
}

/// Page links: the first, the last, and two either side of the current
/// page, with gaps (`…`) between; empty for a single page.
pub fn pager(pages: usize, current: usize, url: impl Fn(usize) -> String) -> Vec<PagerItem> {
    if pages <= 1 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut last = 0;
    for p in 1..=pages {
        let near = p == 1 || p == pages || p.abs_diff(current) <= 2;
        if !near {
            continue;
        }
        if p > last + 1 {
            out.push(PagerItem {
                href: None,
                text: "…".into(),
                current: false,
            });
        }
        out.push(PagerItem {
            href: (p != current).then(|| url(p)),
            text: p.to_string(),
            current: p == current,
        });
        last = p;
    }
    out
}

#[derive(Debug, Serialize)]
struct FragmentPlaceView {
    process: Link,
    agency: Option<CodeLink>,
    /// The fragment's activities (labels as written in this process).
    activities: Vec<Link>,
}

#[derive(Debug, Serialize)]
struct FragmentView {
    anchor: String,
    /// Where the fragment is listed with all its occurrences.
    href: String,
    steps: Vec<String>,
    agencies: Vec<CodeLink>,
    occurrences: Vec<FragmentPlaceView>,
    more: usize,
}

#[derive(Debug, Serialize)]
struct SimilarView {
    anchor: String,
    href: String,
    a: Link,
    a_agency: Option<CodeLink>,
    b: Link,
    b_agency: Option<CodeLink>,
    matched: usize,
    activities_a: usize,
    activities_b: usize,
    share: String,
}

#[derive(Debug, Serialize)]
struct FamilyMember {
    process: Link,
    agency: Option<CodeLink>,
}

#[derive(Debug, Serialize)]
struct FamilyView {
    anchor: String,
    agencies: Vec<CodeLink>,
    processes: Vec<FamilyMember>,
    more: usize,
    total: usize,
    pairs: usize,
    share: String,
}

#[derive(Debug, Serialize)]
struct UseView {
    activity: Link,
    process: Link,
    agency: Option<CodeLink>,
    data_label: String,
}

#[derive(Debug, Serialize)]
struct DataView {
    anchor: String,
    href: String,
    label: String,
    object: String,
    consumers: Vec<CodeLink>,
    producers: Vec<CodeLink>,
    reads: Vec<UseView>,
    reads_more: usize,
    writes: Vec<UseView>,
    writes_more: usize,
}

#[derive(Debug, Serialize)]
struct SharedView {
    link: Link,
    agencies: Vec<CodeLink>,
    own: Vec<Link>,
    others: Vec<CodeLink>,
    members: usize,
}

/// A section of a page: the first [`INLINE`] items, their total, and a
/// link to the list pages when there are more.
#[derive(Debug, Serialize)]
pub struct Section {
    pub items: Vec<Value>,
    pub total: usize,
    pub all: Option<Link>,
}

impl<'i, 'a> Site<'i, 'a> {
    /// A link to a model's page that highlights the flow nodes `ids`
    /// (`?hl=` read by atlas.js) and scrolls to the first one's row.
    fn highlight_link(&self, model: &str, ids: &[&str], text: String, root: &str) -> Link {
        let Some(&mi) = self.model_by_key.get(model) else {
            return Link {
                href: String::new(),
                text,
            };
        };
        let hl: Vec<String> = ids.iter().map(|id| file_stem(id)).collect();
        let frag = ids.first().map(|id| anchor(id)).unwrap_or_default();
        let m = self.input.models[mi].model;
        let has_row = ids
            .first()
            .is_some_and(|id| m.flow_nodes().any(|(_, n)| n.id == *id && n.is_activity()));
        Link {
            href: format!(
                "{root}{}?hl={}{}",
                self.model_urls[mi],
                hl.join("."),
                if has_row {
                    format!("#{frag}")
                } else {
                    String::new()
                }
            ),
            text,
        }
    }

    /// The name of process `id` of model `mi` (else its participant's
    /// name, else the model's title).
    fn process_name(&self, mi: usize, id: &str) -> String {
        let m = self.input.models[mi].model;
        m.processes
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.name.as_ref())
            .map(|l| l.display.clone())
            .or_else(|| {
                m.collaborations
                    .iter()
                    .flat_map(|c| &c.participants)
                    .find(|p| p.process_ref.as_deref() == Some(id))
                    .and_then(|p| p.name.as_ref())
                    .map(|l| l.display.clone())
            })
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| self.model_title(mi))
    }

    fn process_link(&self, p: &ProcessRef, root: &str) -> Link {
        match self.model_by_key.get(p.model.as_str()) {
            Some(&mi) => Link {
                href: format!("{root}{}", self.model_urls[mi]),
                text: p.name.clone(),
            },
            None => Link {
                href: String::new(),
                text: p.name.clone(),
            },
        }
    }

    fn opt_agency(&self, code: Option<&str>, root: &str) -> Option<CodeLink> {
        code.map(|c| self.agency_code_link(c, root))
    }

    /// Where item `i` of a global list sits: `list/<name>-<page>.html#<anchor>`.
    fn global_href(kind: ListKind, name: &str, i: usize, anchor: &str, root: &str) -> String {
        format!(
            "{root}{}#{anchor}",
            list_url(name, i / kind.page_size() + 1)
        )
    }

    fn fragment_view(&self, fi: usize, detail: Detail<'_>, root: &str) -> Value {
        let f = &self.input.fragments[fi];
        let a = format!("f-{}", file_stem(&f.id));
        let places: Vec<&FragmentOccurrence> = f
            .occurrences
            .iter()
            .filter(|o| match detail {
                Detail::All => true,
                Detail::Agency(c) => o.process.agency.as_deref() == Some(c),
                Detail::Model(k) => o.process.model == k,
                Detail::Counted => false,
            })
            .take(ITEM_DETAILS)
            .collect();
        let shown: Vec<FragmentPlaceView> = places
            .iter()
            .map(|o| {
                let ids: Vec<&str> = o.nodes.iter().map(String::as_str).collect();
                FragmentPlaceView {
                    // one link per occurrence: the process with all the
                    // fragment's activities highlighted (per-activity links
                    // would repeat the whole list k times)
                    process: self.highlight_link(
                        &o.process.model,
                        &ids,
                        o.process.name.clone(),
                        root,
                    ),
                    agency: self.opt_agency(o.process.agency.as_deref(), root),
                    activities: o
                        .labels
                        .iter()
                        .map(|label| Link {
                            href: String::new(),
                            text: label.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        Value::from_serialize(FragmentView {
            href: Self::global_href(ListKind::Fragments, "fragments", fi, &a, root),
            anchor: a,
            steps: f.labels.clone(),
            agencies: self.capped_codes(f.agencies.iter().map(|x| x.as_ref()), root),
            more: f.occurrences.len() - shown.len(),
            occurrences: shown,
        })
    }

    fn similar_view(&self, si: usize, root: &str) -> Value {
        let s = &self.input.similar[si];
        let a = format!("s-{si}");
        Value::from_serialize(SimilarView {
            href: Self::global_href(ListKind::Similar, "similar", si, &a, root),
            anchor: a,
            a: self.process_link(&s.a, root),
            a_agency: self.opt_agency(s.a.agency.as_deref(), root),
            b: self.process_link(&s.b, root),
            b_agency: self.opt_agency(s.b.agency.as_deref(), root),
            matched: s.matched,
            activities_a: s.activities_a,
            activities_b: s.activities_b,
            share: format!("{:.0} %", s.share * 100.0),
        })
    }

    fn family_view(&self, fi: usize, root: &str) -> Value {
        let f = &self.input.families[fi];
        Value::from_serialize(FamilyView {
            anchor: format!("pf-{}", file_stem(&f.id)),
            agencies: self.capped_codes(f.agencies.iter().map(|x| x.as_ref()), root),
            processes: f
                .processes
                .iter()
                .take(ITEM_DETAILS)
                .map(|p| FamilyMember {
                    process: self.process_link(p, root),
                    agency: self.opt_agency(p.agency.as_deref(), root),
                })
                .collect(),
            more: f.processes.len().saturating_sub(ITEM_DETAILS),
            total: f.processes.len(),
            pairs: f.pairs,
            share: format!("{:.0} %", f.mean_share * 100.0),
        })
    }

    /// Row `k` of group `gi`'s members.
    pub(super) fn member_view(&self, gi: usize, k: usize, root: &str) -> Value {
        let Some(m) = self.input.groups.get(gi).and_then(|g| g.members.get(k)) else {
            return Value::UNDEFINED;
        };
        let process = self
            .model_by_key
            .get(m.node.model.as_str())
            .map(|&mi| Link {
                href: format!("{root}{}", self.model_urls[mi]),
                text: self.model_title(mi),
            });
        context! {
            agency => m.agency.as_deref().map(|a| self.agency_link(a, root)),
            process => process,
            activity => self.element_link(&m.node, &m.label, root),
            explanation => m.explanation.clone(),
        }
    }

    /// The uses of agency `focus` (all without one) in model `model` (any
    /// without one), at most [`ITEM_DETAILS`], and how many others there are.
    fn use_views(
        &self,
        uses: &[DataUse],
        focus: Option<&str>,
        model: Option<&str>,
        root: &str,
    ) -> (Vec<UseView>, usize) {
        let chosen: Vec<&DataUse> = uses
            .iter()
            .filter(|u| focus.is_none() || u.agency.as_deref() == focus)
            .filter(|u| model.is_none_or(|m| u.node.model == m))
            .collect();
        let views = chosen
            .iter()
            .take(ITEM_DETAILS)
            .map(|u| UseView {
                activity: self.highlight_link(&u.node.model, &[&u.node.id], u.label.clone(), root),
                process: self
                    .model_by_key
                    .get(u.node.model.as_str())
                    .map(|&mi| Link {
                        href: format!("{root}{}", self.model_urls[mi]),
                        text: self.process_name(mi, &u.process),
                    })
                    .unwrap_or_else(|| Link {
                        href: String::new(),
                        text: u.node.model.clone(),
                    }),
                agency: self.opt_agency(u.agency.as_deref(), root),
                data_label: u.data_label.clone(),
            })
            .collect();
        (
            views,
            uses.len().saturating_sub(chosen.len().min(ITEM_DETAILS)),
        )
    }

    fn data_view(&self, di: usize, focus: Option<&str>, model: Option<&str>, root: &str) -> Value {
        let d = &self.input.data_requests[di];
        let a = format!("o-{}", file_stem(&d.object));
        let (reads, reads_more) = self.use_views(&d.reads, focus, model, root);
        let (writes, writes_more) = self.use_views(&d.writes, focus, model, root);
        Value::from_serialize(DataView {
            href: Self::global_href(ListKind::Data, "data", di, &a, root),
            anchor: a,
            label: d.label.clone(),
            object: d.object.clone(),
            consumers: self.capped_codes(d.consumers.iter().map(|x| x.as_ref()), root),
            producers: self.capped_codes(d.producers.iter().map(|x| x.as_ref()), root),
            reads,
            reads_more,
            writes,
            writes_more,
        })
    }

    pub(super) fn shared_view(&self, gi: usize, focus: Option<&str>, root: &str) -> Value {
        let g = &self.input.groups[gi];
        let agencies = g.agencies();
        Value::from_serialize(SharedView {
            link: Link {
                href: format!("{root}{}", Self::group_url(&g.id)),
                text: g.label.clone(),
            },
            agencies: self.capped_codes(agencies.iter().map(|x| x.as_ref()), root),
            own: match focus {
                Some(c) => g
                    .members
                    .iter()
                    .filter(|m| m.agency.as_deref() == Some(c))
                    .map(|m| self.element_link(&m.node, &m.label, root))
                    .collect(),
                None => Vec::new(),
            },
            others: self.capped_codes(agencies.iter().copied().filter(|a| Some(*a) != focus), root),
            members: g.members.len(),
        })
    }

    /// Code links for `codes`, at most [`MAX_AGENCY_LINKS`]; one more entry
    /// (`+N`, no link) counts the rest.
    pub(super) fn capped_codes<'c>(
        &self,
        codes: impl Iterator<Item = &'c str>,
        root: &str,
    ) -> Vec<CodeLink> {
        let mut out = Vec::new();
        let mut rest = 0;
        for c in codes {
            if out.len() < MAX_AGENCY_LINKS {
                out.push(self.agency_code_link(c, root));
            } else {
                rest += 1;
            }
        }
        if rest > 0 {
            out.push(CodeLink {
                href: String::new(),
                text: format!("+{rest}"),
                title: self.t.count("list.more_agencies", rest),
            });
        }
        out
    }

    fn handoff_value(&self, hi: usize, root: &str) -> Value {
        let v: HandoffView = self.handoff_view(&self.input.handoffs[hi], root);
        Value::from_serialize(v)
    }

    /// The view of item `i` of a list of `kind`; `global` lists detail
    /// every fragment occurrence, an agency's only its own.
    fn item_view(
        &self,
        kind: ListKind,
        i: usize,
        focus: Option<&str>,
        global: bool,
        root: &str,
    ) -> Value {
        match kind {
            ListKind::Fragments => {
                let detail = match focus {
                    _ if global => Detail::All,
                    Some(c) => Detail::Agency(c),
                    None => Detail::Counted,
                };
                self.fragment_view(i, detail, root)
            }
            ListKind::Similar => self.similar_view(i, root),
            ListKind::Families => self.family_view(i, root),
            ListKind::Data => self.data_view(i, focus, None, root),
            ListKind::Shared => self.shared_view(i, focus, root),
            ListKind::Handoffs => self.handoff_value(i, root),
            // list pages and sections with recommendations are all one folder deep
            // members need their group: see `member_view`
            ListKind::Members => Value::UNDEFINED,
            ListKind::Recs => self
                .nested_rec(i)
                .map(Value::from_serialize)
                .unwrap_or_default(),
        }
    }

    /// A page section over `items`: the first [`INLINE`] views, and a link
    /// to list `name` when there are more (see [`Site::list_specs`]).
    pub(super) fn section(
        &self,
        kind: ListKind,
        items: Option<&Vec<usize>>,
        focus: Option<&str>,
        name: &str,
        root: &str,
    ) -> Section {
        let items: &[usize] = items.map(Vec::as_slice).unwrap_or(&[]);
        Section {
            items: items
                .iter()
                .take(INLINE)
                .map(|&i| self.item_view(kind, i, focus, false, root))
                .collect(),
            total: items.len(),
            all: (items.len() > INLINE).then(|| Link {
                href: format!("{root}{}", list_url(name, 1)),
                text: self.t.count("list.all", items.len()),
            }),
        }
    }

    /// Every list page set: the three global lists (always), and an
    /// agency's or theme's list wherever its section has more than
    /// [`INLINE`] items.
    pub(super) fn list_specs(&self) -> Vec<ListSpec> {
        let t = &self.t;
        let input = self.input;
        let all = |n: usize| (0..n).collect::<Vec<usize>>();
        let mut specs = vec![
            ListSpec {
                name: "fragments".into(),
                title: t.get("fragment.title").into(),
                lead: t.get("fragment.lead").into(),
                parent: None,
                kind: ListKind::Fragments,
                items: all(input.fragments.len()),
                focus: None,
                see_also: None,
                owner: None,
            },
            ListSpec {
                name: "similar".into(),
                title: t.get("similar.title").into(),
                lead: t.get("similar.lead").into(),
                parent: None,
                kind: ListKind::Similar,
                items: all(input.similar.len()),
                focus: None,
                see_also: Some(Link {
                    href: list_url("families", 1),
                    text: t.get("family.see").into(),
                }),
                owner: None,
            },
            ListSpec {
                name: "families".into(),
                title: t.get("family.title").into(),
                lead: t.get("family.lead").into(),
                parent: None,
                kind: ListKind::Families,
                items: all(input.families.len()),
                focus: None,
                see_also: Some(Link {
                    href: list_url("similar", 1),
                    text: t.get("similar.see").into(),
                }),
                owner: None,
            },
            ListSpec {
                name: "data".into(),
                title: t.get("data.title").into(),
                lead: t.get("data.lead").into(),
                parent: None,
                kind: ListKind::Data,
                items: all(input.data_requests.len()),
                focus: None,
                see_also: None,
                owner: None,
            },
        ];
        let add = |specs: &mut Vec<ListSpec>,
                   name: String,
                   title: String,
                   parent: Link,
                   kind: ListKind,
                   items: Option<&Vec<usize>>,
                   focus: Option<&str>| {
            if let Some(items) = items.filter(|v| v.len() > INLINE) {
                specs.push(ListSpec {
                    name,
                    title: format!("{} · {}", parent.text, title),
                    lead: String::new(),
                    parent: Some(parent),
                    kind,
                    items: items.clone(),
                    focus: focus.map(str::to_string),
                    see_also: None,
                    owner: None,
                });
            }
        };
        let ix = &self.findings;
        for code in &self.agency_codes {
            let c = code.as_str();
            let parent = Link {
                href: Self::agency_url(c),
                text: self.agency_name(c).to_string(),
            };
            let lists: [(&str, &str, ListKind, Option<&Vec<usize>>); 8] = [
                (
                    "recs",
                    "agency.recommendations",
                    ListKind::Recs,
                    self.recs_by_agency.get(c),
                ),
                (
                    "shared",
                    "agency.shared",
                    ListKind::Shared,
                    self.groups_by_agency.get(c),
                ),
                (
                    "out",
                    "agency.handoffs_out",
                    ListKind::Handoffs,
                    self.handoffs_from_agency.get(c),
                ),
                (
                    "in",
                    "agency.handoffs_in",
                    ListKind::Handoffs,
                    self.handoffs_to_agency.get(c),
                ),
                (
                    "fragments",
                    "agency.fragments",
                    ListKind::Fragments,
                    ix.fragments_by_agency.get(c),
                ),
                (
                    "similar",
                    "agency.similar",
                    ListKind::Similar,
                    ix.similar_by_agency.get(c),
                ),
                (
                    "data-asked",
                    "agency.data_asked",
                    ListKind::Data,
                    ix.data_asked.get(c),
                ),
                (
                    "data-produced",
                    "agency.data_produced",
                    ListKind::Data,
                    ix.data_produced.get(c),
                ),
            ];
            for (what, title, kind, items) in lists {
                add(
                    &mut specs,
                    agency_list(c, what),
                    t.get(title).to_string(),
                    parent.clone(),
                    kind,
                    items,
                    Some(c),
                );
            }
        }
        for th in &input.themes {
            let c = th.code.as_str();
            let parent = Link {
                href: Self::theme_url(c),
                text: super::theme_name(th, self.lang).to_string(),
            };
            let shared = self.groups_by_theme.get(c);
            let lists: [(&str, &str, ListKind, Option<&Vec<usize>>); 5] = [
                (
                    "recs",
                    "theme.recommendations",
                    ListKind::Recs,
                    self.recs_by_theme.get(c),
                ),
                ("shared", "theme.groups", ListKind::Shared, shared),
                (
                    "fragments",
                    "theme.fragments",
                    ListKind::Fragments,
                    ix.fragments_by_theme.get(c),
                ),
                (
                    "similar",
                    "theme.similar",
                    ListKind::Similar,
                    ix.similar_by_theme.get(c),
                ),
                (
                    "data",
                    "theme.data",
                    ListKind::Data,
                    ix.data_by_theme.get(c),
                ),
            ];
            for (what, title, kind, items) in lists {
                add(
                    &mut specs,
                    theme_list(c, what),
                    t.get(title).to_string(),
                    parent.clone(),
                    kind,
                    items,
                    None,
                );
            }
        }
        for (gi, g) in input.groups.iter().enumerate() {
            if g.members.len() > GROUP_MEMBERS {
                specs.push(ListSpec {
                    name: group_list(&g.id, "members"),
                    title: format!("{} · {}", g.label, t.get("group.members")),
                    lead: String::new(),
                    parent: Some(Link {
                        href: Self::group_url(&g.id),
                        text: g.label.clone(),
                    }),
                    kind: ListKind::Members,
                    items: (0..g.members.len()).collect(),
                    focus: None,
                    see_also: None,
                    owner: Some(gi),
                });
            }
            add(
                &mut specs,
                group_list(&g.id, "recs"),
                t.get("group.recommendations").to_string(),
                Link {
                    href: Self::group_url(&g.id),
                    text: g.label.clone(),
                },
                ListKind::Recs,
                self.recs_by_group.get(g.id.as_str()),
                None,
            );
        }
        specs
    }
}

/// Renders page `page` (1-based) of a list.
pub fn render_list(
    site: &Site<'_, '_>,
    env: &Environment<'_>,
    staging: &Staging,
    spec: &ListSpec,
    page: usize,
) -> Result<(), AtlasError> {
    let root = "../";
    let n = spec.items.len();
    let size = spec.kind.page_size();
    let start = ((page - 1) * size).min(n);
    let end = (start + size).min(n);
    let items: Vec<Value> = spec.items[start..end]
        .iter()
        .map(|&i| match (spec.kind, spec.owner) {
            (ListKind::Members, Some(gi)) => site.member_view(gi, i, root),
            _ => {
                let global = spec.parent.is_none();
                site.item_view(spec.kind, i, spec.focus.as_deref(), global, root)
            }
        })
        .collect();
    let pages = spec.pages();
    let title = if pages > 1 {
        format!(
            "{} ({})",
            spec.title,
            site.t
                .get("list.page")
                .replace("{n}", &page.to_string())
                .replace("{total}", &pages.to_string())
        )
    } else {
        spec.title.clone()
    };
    let ctx = context! { ..base_ctx(site, root, spec.kind.code(), &title), ..context! {
        title => spec.title.clone(),
        lead => spec.lead.clone(),
        parent => spec.parent.as_ref().map(|p| Link { href: format!("{root}{}", p.href), text: p.text.clone() }),
        kind => spec.kind.code(),
        focus => spec.focus.is_some(),
        see_also => spec.see_also.as_ref().map(|p| Link { href: format!("{root}{}", p.href), text: p.text.clone() }),
        items => items,
        total => n,
        from => if n == 0 { 0 } else { start + 1 },
        to => end,
        pager => pager(pages, page, |p| format!("{root}{}", list_url(&spec.name, p))),
    } };
    render_page(env, staging, "list.html", &list_url(&spec.name, page), ctx)
}

/// The sections of a process page about model `mi`.
pub fn process_sections(site: &Site<'_, '_>, mi: usize, root: &str) -> Value {
    let ix = &site.findings;
    let cap = |v: &Vec<usize>, f: &dyn Fn(usize) -> Value| -> Value {
        context! {
            items => v.iter().take(INLINE).map(|&i| f(i)).collect::<Vec<_>>(),
            total => v.len(),
            more => v.len().saturating_sub(INLINE),
        }
    };
    let key = site.input.models[mi].model.key.as_str();
    context! {
        fragments => cap(&ix.fragments_by_model[mi], &|i| site.fragment_view(i, Detail::Model(key), root)),
        similar => cap(&ix.similar_by_model[mi], &|i| site.similar_view(i, root)),
        data => cap(&ix.data_by_model[mi], &|i| site.data_view(i, None, Some(key), root)),
    }
}
