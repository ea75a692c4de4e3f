//! The thematic map of a theme: one band per agency with its processes as
//! cards (shared work highlighted), and handoff arrows between the bands with
//! their counts.
//!
//! The map stays readable and small at national scale: a band shows at most
//! [`MAP_CARDS`] process cards (the caller passes the most connected ones)
//! and one more card counting the rest, which links to the agency's page.

use std::fmt::Write;

use crate::escape::xml;
use crate::i18n::Catalogue;
use crate::svg::paint::wrap_px;

/// One process card.
#[derive(Debug, Clone)]
pub struct MapProcess {
    pub title: String,
    /// Relative to the theme page.
    pub href: String,
    pub activities: usize,
    pub shared: usize,
    pub handoffs: usize,
}

/// One agency band.
#[derive(Debug, Clone)]
pub struct MapAgency {
    /// Short code shown large (the registry code).
    pub code: String,
    pub name: String,
    pub href: Option<String>,
    /// The cards drawn, at most [`MAP_CARDS`] (extra ones are not drawn).
    pub processes: Vec<MapProcess>,
    /// How many processes the agency has in the theme (at least
    /// `processes.len()`); the difference is counted on a "+N" card.
    pub total: usize,
}

/// At most this many process cards per agency band.
pub const MAP_CARDS: usize = 8;

impl MapAgency {
    /// The cards drawn and how many processes are left uncounted on them.
    fn shown(&self) -> (&[MapProcess], usize) {
        let shown = &self.processes[..self.processes.len().min(MAP_CARDS)];
        (shown, self.total.max(self.processes.len()) - shown.len())
    }
}

/// Handoffs from band `from` to band `to`.
#[derive(Debug, Clone, Copy)]
pub struct MapFlow {
    pub from: usize,
    pub to: usize,
    pub count: usize,
}

const LABEL_W: f64 = 200.0;
const CARD_W: f64 = 210.0;
const CARD_H: f64 = 92.0;
const GAP: f64 = 12.0;
const PAD: f64 = 14.0;
const PER_ROW: usize = 3;

struct Arc {
    a: usize,
    b: usize,
    /// handoffs from `a` to `b`
    ab: usize,
    /// handoffs from `b` to `a`
    ba: usize,
}

/// How far right an arc between two band centres `dy` apart reaches.
fn bulge_of(dy: f64) -> f64 {
    (36.0 + dy.abs() * 0.24).min(380.0)
}

fn f(v: f64) -> String {
    format!("{}", (v * 10.0).round() / 10.0)
}

/// Draws the map. `title` names it for screen readers.
pub fn theme_map(agencies: &[MapAgency], flows: &[MapFlow], t: &Catalogue, title: &str) -> String {
    let band_w = LABEL_W + PER_ROW as f64 * (CARD_W + GAP) + PAD;
    // one arc per unordered pair of bands, arrow heads for the directions that occur
    let mut arcs: Vec<Arc> = Vec::new();
    for fl in flows.iter().filter(|fl| {
        fl.from != fl.to && fl.from < agencies.len() && fl.to < agencies.len() && fl.count > 0
    }) {
        let (a, b) = (fl.from.min(fl.to), fl.from.max(fl.to));
        let i = match arcs.iter().position(|x| x.a == a && x.b == b) {
            Some(i) => i,
            None => {
                arcs.push(Arc { a, b, ab: 0, ba: 0 });
                arcs.len() - 1
            }
        };
        if fl.from == a {
            arcs[i].ab += fl.count;
        } else {
            arcs[i].ba += fl.count;
        }
    }
    // short arcs inside long ones
    arcs.sort_by_key(|x| (x.b - x.a, x.a));
    let mut ends: Vec<Vec<usize>> = vec![Vec::new(); agencies.len()];
    for (k, arc) in arcs.iter().enumerate() {
        ends[arc.a].push(k);
        ends[arc.b].push(k);
    }
    let mut ys = Vec::with_capacity(agencies.len());
    let mut y = 0.0;
    for a in agencies {
        let (shown, more) = a.shown();
        let cards = shown.len() + usize::from(more > 0);
        let rows = cards.div_ceil(PER_ROW).max(1);
        let h = rows as f64 * (CARD_H + GAP) - GAP + 2.0 * PAD;
        ys.push((y, h.max(104.0)));
        y += h.max(104.0) + 6.0;
    }
    let height = y.max(40.0);
    let max_bulge = arcs
        .iter()
        .map(|x| bulge_of(ys[x.b].0 - ys[x.a].0))
        .fold(0.0_f64, f64::max);
    let width = band_w + max_bulge * 0.75 + 30.0;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="theme-map" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="map-t">"#,
        w = f(width),
        h = f(height)
    );
    let _ = write!(o, r#"<title id="map-t">{}</title>"#, xml(title));
    o.push_str(r#"<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="m-fill"/></marker></defs>"#);
    for (i, a) in agencies.iter().enumerate() {
        let (by, bh) = ys[i];
        let (shown, more) = a.shown();
        let total = shown.len() + more;
        let _ = write!(
            o,
            r#"<g class="band{}"><title>{}</title>"#,
            if i % 2 == 1 { " alt" } else { "" },
            xml(&format!("{} — {}", a.name, t.count("map.processes", total)))
        );
        let _ = write!(
            o,
            r#"<rect x="0" y="{}" width="{}" height="{}" class="band-bg"/>"#,
            f(by),
            f(band_w),
            f(bh)
        );
        if let Some(href) = &a.href {
            let _ = write!(o, r#"<a href="{}">"#, xml(href));
        }
        let _ = write!(
            o,
            r#"<text class="agency" x="12" y="{}">{}</text>"#,
            f(by + PAD + 13.0),
            xml(&a.code)
        );
        if a.href.is_some() {
            o.push_str("</a>");
        }
        let lines = wrap_px(&a.name, LABEL_W - 24.0, 3, 6.1);
        let _ = write!(
            o,
            r#"<text class="meta" x="12" y="{}">"#,
            f(by + PAD + 32.0)
        );
        for (k, l) in lines.iter().enumerate() {
            let _ = write!(
                o,
                r#"<tspan x="12" dy="{}">{}</tspan>"#,
                if k == 0 { 0 } else { 14 },
                xml(l)
            );
        }
        o.push_str("</text>");
        let _ = write!(
            o,
            r#"<text class="meta count" x="12" y="{}">{}</text>"#,
            f(by + PAD + 32.0 + lines.len() as f64 * 14.0 + 4.0),
            xml(&t.count("map.processes", total))
        );
        for (k, p) in shown.iter().enumerate() {
            let cx = LABEL_W + (k % PER_ROW) as f64 * (CARD_W + GAP);
            let cy = by + PAD + (k / PER_ROW) as f64 * (CARD_H + GAP);
            let mut label = p.title.clone();
            label.push_str(" — ");
            label.push_str(&t.count("map.activities", p.activities));
            if p.shared > 0 {
                label.push_str(", ");
                label.push_str(&t.count("map.shared", p.shared));
            }
            if p.handoffs > 0 {
                label.push_str(", ");
                label.push_str(&t.count("map.handoffs", p.handoffs));
            }
            let _ = write!(
                o,
                r#"<a href="{}" class="card{}"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="8" class="card-bg"/>"#,
                xml(&p.href),
                if p.shared > 0 { " has-shared" } else { "" },
                xml(&label),
                f(cx),
                f(cy),
                f(CARD_W),
                f(CARD_H)
            );
            if p.shared > 0 {
                let _ = write!(
                    o,
                    r#"<rect x="{}" y="{}" width="6" height="{}" rx="3" class="stripe"/>"#,
                    f(cx),
                    f(cy),
                    f(CARD_H)
                );
            }
            let tl = wrap_px(&p.title, CARD_W - 24.0, 2, 7.7);
            let _ = write!(
                o,
                r#"<text class="card-title" x="{}" y="{}">"#,
                f(cx + 14.0),
                f(cy + 19.0)
            );
            for (k, l) in tl.iter().enumerate() {
                let _ = write!(
                    o,
                    r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                    f(cx + 14.0),
                    if k == 0 { 0 } else { 15 },
                    xml(l)
                );
            }
            o.push_str("</text>");
            let mut chips = vec![(t.count("map.activities", p.activities), "chip")];
            if p.shared > 0 {
                chips.push((t.count("map.shared", p.shared), "chip shared"));
            }
            if p.handoffs > 0 {
                chips.push((t.count("map.handoffs", p.handoffs), "chip handoff"));
            }
            // chips flow left to right and wrap once
            let (mut x, mut row) = (cx + 14.0, 0.0);
            for (text, class) in chips {
                let w = text.chars().count() as f64 * 6.0 + 12.0;
                if x + w > cx + CARD_W - 6.0 {
                    if row > 0.0 {
                        break;
                    }
                    row = 22.0;
                    x = cx + 14.0;
                }
                let top = cy + CARD_H - 47.0 + row;
                let _ = write!(
                    o,
                    r#"<g class="{class}"><rect x="{}" y="{}" width="{}" height="18" rx="9"/><text x="{}" y="{}">{}</text></g>"#,
                    f(x),
                    f(top),
                    f(w),
                    f(x + 6.0),
                    f(top + 12.5),
                    xml(&text)
                );
                x += w + 5.0;
            }
            o.push_str("</a>");
        }
        if more > 0 {
            let k = shown.len();
            let cx = LABEL_W + (k % PER_ROW) as f64 * (CARD_W + GAP);
            let cy = by + PAD + (k / PER_ROW) as f64 * (CARD_H + GAP);
            let text = t.count("map.more", more);
            if let Some(href) = &a.href {
                let _ = write!(o, r#"<a href="{}" class="card more">"#, xml(href));
            } else {
                o.push_str(r#"<g class="card more">"#);
            }
            let _ = write!(
                o,
                r#"<title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="8" class="card-bg"/><text class="card-title" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                xml(&format!("{} — {}", a.name, text)),
                f(cx),
                f(cy),
                f(CARD_W),
                f(CARD_H),
                f(cx + CARD_W / 2.0),
                f(cy + CARD_H / 2.0 + 5.0),
                xml(&text)
            );
            o.push_str(if a.href.is_some() { "</a>" } else { "</g>" });
        }
        o.push_str("</g>");
    }
    for (k, arc) in arcs.iter().enumerate() {
        let (ay, ah) = ys[arc.a];
        let (by, bh) = ys[arc.b];
        // spread the ends of the arcs meeting at one band
        let spread = |band: usize, y: f64, h: f64| {
            let i = ends[band].iter().position(|&x| x == k).unwrap_or(0) as f64;
            let n = ends[band].len().max(1) as f64;
            y + h / 2.0 + (i - (n - 1.0) / 2.0) * (h * 0.7 / n).min(10.0)
        };
        let (y1, y2) = (spread(arc.a, ay, ah), spread(arc.b, by, bh));
        let bulge = bulge_of(y2 - y1);
        let cx = band_w + bulge;
        let (mx, my) = (band_w + 0.75 * bulge, (y1 + y2) / 2.0);
        let name = |i: usize| agencies[i].name.as_str();
        let mut title = Vec::new();
        if arc.ab > 0 {
            title.push(
                t.get("map.flow")
                    .replace("{from}", name(arc.a))
                    .replace("{to}", name(arc.b))
                    .replace("{n}", &arc.ab.to_string()),
            );
        }
        if arc.ba > 0 {
            title.push(
                t.get("map.flow")
                    .replace("{from}", name(arc.b))
                    .replace("{to}", name(arc.a))
                    .replace("{n}", &arc.ba.to_string()),
            );
        }
        let total = arc.ab + arc.ba;
        let stroke = (1.5 + (total as f64).sqrt() * 0.9).min(6.0);
        let _ = write!(
            o,
            r#"<g class="map-flow"><title>{}</title><path d="M{},{} C{},{} {},{} {},{}" style="stroke-width:{}"{}{}/><circle cx="{}" cy="{}" r="11"/><text x="{}" y="{}" text-anchor="middle">{}</text></g>"#,
            xml(&title.join("; ")),
            f(band_w),
            f(y1),
            f(cx),
            f(y1),
            f(cx),
            f(y2),
            f(band_w),
            f(y2),
            f(stroke),
            if arc.ba > 0 {
                r#" marker-start="url(#map-arrow)""#
            } else {
                ""
            },
            if arc.ab > 0 {
                r#" marker-end="url(#map-arrow)""#
            } else {
                ""
            },
            f(mx),
            f(my),
            f(mx),
            f(my + 4.0),
            total
        );
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn card(i: usize) -> MapProcess {
        MapProcess {
            title: format!("Proses {i}"),
            href: format!("p{i}.html"),
            activities: 5,
            shared: i % 2,
            handoffs: 0,
        }
    }

    fn band(code: &str, cards: usize, total: usize) -> MapAgency {
        MapAgency {
            code: code.to_string(),
            name: format!("Instansi {code}"),
            href: Some(format!("{code}.html")),
            processes: (0..cards).map(card).collect(),
            total,
        }
    }

    #[test]
    fn a_band_draws_at_most_map_cards_and_counts_the_rest() {
        let t = Catalogue::embedded(Lang::Id).expect("embedded catalogue");
        let svg = theme_map(
            &[band("A", MAP_CARDS, 30), band("B", 2, 2)],
            &[],
            &t,
            "Peta",
        );
        // 8 + 2 process cards, one "+22" card for A linking to its page, none for B
        let cards = |class: &str| svg.matches(&format!("class=\"{class}\"")).count();
        assert_eq!(cards("card") + cards("card has-shared"), MAP_CARDS + 2);
        assert_eq!(cards("card more"), 1);
        assert!(
            svg.contains(r#"<a href="A.html" class="card more">"#),
            "{svg}"
        );
        assert!(svg.contains("+22 proses lain"), "{svg}");
        assert!(!svg.contains(r#"<a href="B.html" class="card more">"#));
        assert!(svg.contains("30 proses"));
    }

    #[test]
    fn extra_cards_passed_are_not_drawn() {
        let t = Catalogue::embedded(Lang::English).expect("embedded catalogue");
        let svg = theme_map(&[band("A", 20, 20)], &[], &t, "Map");
        assert!(svg.contains("p7.html"));
        assert!(!svg.contains("p8.html"));
        assert!(svg.contains("+12 more processes"), "{svg}");
    }

    #[test]
    fn band_height_grows_with_drawn_cards_only() {
        let t = Catalogue::embedded(Lang::Id).expect("embedded catalogue");
        let small = theme_map(&[band("A", MAP_CARDS, MAP_CARDS)], &[], &t, "x");
        let huge = theme_map(&[band("A", MAP_CARDS, 5_000)], &[], &t, "x");
        let height = |svg: &str| {
            let i = svg.find("height=\"").map(|i| i + 8).unwrap_or(0);
            svg[i..]
                .split('"')
                .next()
                .unwrap_or("")
                .parse::<f64>()
                .unwrap_or(0.0)
        };
        // one more card fits in the last row of three (8 → 9 cards: still 3 rows)
        assert_eq!(height(&small), height(&huge));
        assert!(height(&huge) < 400.0);
    }
}
