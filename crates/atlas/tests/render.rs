//! Rendering tests: SVG from diagram interchange and from the automatic
//! layout, and a whole small site (snapshots + link and escaping checks).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use peta_atlas::svg::{self, layout, Marks};
use peta_atlas::*;
use peta_bpmn::{ElementKey, FlowNodeKind, Model, ParseOptions};

fn fixture(name: &str, key: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    peta_bpmn::parse_bytes(
        key,
        &path.display().to_string(),
        &bytes,
        &ParseOptions::default(),
    )
    .unwrap()
}

fn catalogue() -> Catalogue {
    Catalogue::embedded(Lang::Id).unwrap()
}

fn node_ids(svg: &str) -> Vec<String> {
    svg.split("data-node-id=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

fn marks() -> Marks {
    let mut m = Marks::default();
    m.shared
        .insert("Task_Verif".into(), "../group/verifikasi.html".into());
    m.handoffs.insert(
        "Task_Kirim".into(),
        vec!["Serah terima ke TASPEN: Terima data NIP".into()],
    );
    m
}

#[test]
fn di_diagram_draws_every_flow_node_once_and_escapes_labels() {
    let model = fixture("two-agencies.bpmn", "two-agencies");
    let diagrams = svg::render_model(&model, &marks(), &catalogue(), "d", "Diagram uji");
    // the collapsed sub-process's content has its own BPMNDiagram
    assert_eq!(diagrams.len(), 2);
    assert!(diagrams.iter().all(|d| !d.auto_layout));
    let mut ids: Vec<String> = diagrams.iter().flat_map(|d| node_ids(&d.svg)).collect();
    let total = model.flow_nodes().count();
    assert_eq!(ids.len(), total);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "a flow node drawn twice");
    let main = &diagrams[0].svg;
    assert!(main.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!main.contains("<script"));
    // shared activity is a link with the class, handoff marked
    assert!(main.contains(r#"<a href="../group/verifikasi.html" class="node-link"><g class="node activity task userTask shared""#));
    assert!(main.contains(r#"class="node activity task sendTask handoff""#));
    // message flow: dashed class, open circle start, open arrow end
    assert!(main.contains(r#"marker-start="url(#d-circle)" marker-end="url(#d-open)""#));
    // every shape has a <title> for screen readers
    assert_eq!(
        main.matches("<g class=\"node ").count(),
        main.matches("<g class=\"node ").count()
    );
    for part in main.split("data-node-id=").skip(1) {
        let after = &part[part.find('>').unwrap() + 1..];
        assert!(
            after.starts_with("<title>"),
            "node without title: {}",
            &part[..60.min(part.len())]
        );
    }
    // viewBox fits the content: pools at x=100..1000, y=60..680
    assert!(
        main.contains(r#"viewBox="88 48 924 670""#),
        "{}",
        &main[..300]
    );
    insta::assert_snapshot!("di_main", main);
    insta::assert_snapshot!("di_subprocess", diagrams[1].svg);
}

#[test]
fn auto_layout_is_layered_and_lane_aware() {
    let model = fixture("two-agencies-no-di.bpmn", "no-di");
    let scene = layout::scene(&model);
    assert!(scene.auto_layout);
    assert_eq!(scene.nodes.len(), model.flow_nodes().count());
    let rect: HashMap<&str, svg::scene::Rect> = scene
        .nodes
        .iter()
        .map(|n| (n.node.id.as_str(), n.bounds))
        .collect();
    let boundary: HashSet<&str> = scene
        .nodes
        .iter()
        .filter(|n| {
            matches!(
                n.node.kind,
                FlowNodeKind::Event {
                    attached_to: Some(_),
                    ..
                }
            )
        })
        .map(|n| n.node.id.as_str())
        .collect();
    // flows go left to right (no cycles here except via the boundary event)
    for p in &model.processes {
        for f in &p.sequence_flows {
            if boundary.contains(f.source_ref.as_str()) {
                continue;
            }
            let (a, b) = (rect[f.source_ref.as_str()], rect[f.target_ref.as_str()]);
            assert!(b.x > a.right(), "{} goes backwards", f.id);
        }
    }
    // no two shapes overlap (boundary events sit on their host by design)
    let placed: Vec<_> = scene
        .nodes
        .iter()
        .filter(|n| !boundary.contains(n.node.id.as_str()))
        .collect();
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            let (r, s) = (a.bounds, b.bounds);
            let overlap =
                r.x < s.right() && s.x < r.right() && r.y < s.bottom() && s.y < r.bottom();
            assert!(!overlap, "{} overlaps {}", a.node.id, b.node.id);
        }
    }
    // nodes sit inside their lane's band
    for lane in &scene.lanes {
        let l = model
            .processes
            .iter()
            .flat_map(|p| p.lanes())
            .find(|(l, _)| l.id == lane.id)
            .unwrap()
            .0;
        for id in &l.flow_node_refs {
            if boundary.contains(id.as_str()) {
                continue;
            }
            let r = rect[id.as_str()];
            assert!(
                r.cy() > lane.bounds.y && r.cy() < lane.bounds.bottom(),
                "{id} outside lane {}",
                lane.id
            );
        }
    }
    // the boundary event sits on its host's bottom edge
    let (t, h) = (rect["Timer_1"], rect["Task_Verif"]);
    assert!((t.cy() - h.bottom()).abs() < 1.0 && t.cx() > h.x && t.cx() < h.right());
    // two pools, two lanes
    assert_eq!(scene.pools.len(), 2);
    assert_eq!(scene.lanes.len(), 2);
    let diagrams = svg::render_model(&model, &marks(), &catalogue(), "d", "Diagram uji");
    assert_eq!(diagrams.len(), 1);
    assert!(diagrams[0].auto_layout);
    assert_eq!(node_ids(&diagrams[0].svg).len(), model.flow_nodes().count());
    insta::assert_snapshot!("auto_layout", diagrams[0].svg);
}

fn agency(code: &str, name: &str) -> peta_registry::Agency {
    let text =
        format!("[[agency]]\ncode = \"{code}\"\nname = \"{name}\"\naliases = [\"{name}\"]\n");
    peta_registry::Registry::parse_agencies(&text, Path::new("agencies.toml"))
        .unwrap()
        .remove(0)
}

fn key(model: &str, id: &str) -> ElementKey {
    ElementKey {
        model: model.into(),
        id: id.into(),
    }
}

fn site_input<'a>(a: &'a Model, b: &'a Model) -> AtlasInput<'a> {
    let theme = peta_registry::Registry::parse_themes(
        "[[theme]]\ncode = \"ASN-IKN\"\nname_id = \"Pemindahan ASN\"\nname_en = \"Relocation of civil servants\"\ndescription_id = \"Uji <b>tebal</b>\"\ndescription_en = \"Test\"\nmodels = [\"asn/*.bpmn\"]\n",
        Path::new("themes.toml"),
    )
    .unwrap()
    .remove(0);
    AtlasInput {
        title: String::new(),
        agencies: vec![
            agency("BKN", "Badan Kepegawaian Negara"),
            agency("TASPEN", "PT TASPEN"),
        ],
        themes: vec![theme],
        models: vec![
            ModelInput {
                path: "asn/nip.bpmn".into(),
                model: a,
                agency: Some("BKN".into()),
                themes: vec!["ASN-IKN".into()],
            },
            ModelInput {
                path: "asn/peserta tanpa DI.bpmn".into(),
                model: b,
                agency: Some("TASPEN".into()),
                themes: vec!["ASN-IKN".into()],
            },
        ],
        groups: vec![SharedGroup {
            id: "g-0001".into(),
            label: "Verifikasi berkas".into(),
            members: vec![
                Occurrence {
                    node: key("asn/nip", "Task_Verif"),
                    label: "Verifikasi berkas usulan".into(),
                    agency: Some("BKN".into()),
                    explanation: "sama: verifikasi, berkas".into(),
                },
                Occurrence {
                    node: key("asn/peserta", "Task_Daftar"),
                    label: "Daftarkan peserta".into(),
                    agency: Some("TASPEN".into()),
                    explanation: "sinonim <daftar>".into(),
                },
            ],
        }],
        handoffs: vec![Handoff {
            kind: HandoffKind::MessageFlow,
            from: HandoffEnd {
                node: key("asn/nip", "Task_Kirim"),
                label: "Kirim data NIP ke TASPEN".into(),
                agency: "BKN".into(),
            },
            to: HandoffEnd {
                node: key("asn/peserta", "Task_Terima"),
                label: "Terima data NIP".into(),
                agency: "TASPEN".into(),
            },
        }],
        recommendations: vec![Recommendation {
            rank: 1,
            kind: "shared_service".into(),
            title: "Layanan bersama verifikasi berkas".into(),
            rationale: "Dua instansi memverifikasi berkas yang sama.".into(),
            score: 0.87,
            themes: vec!["ASN-IKN".into()],
            agencies: vec!["BKN".into(), "TASPEN".into()],
            evidence: vec![
                Evidence::Group("g-0001".into()),
                Evidence::Element {
                    key: key("asn/nip", "Task_Verif"),
                    label: "Verifikasi berkas usulan".into(),
                },
            ],
        }],
        fragments: vec![Fragment {
            id: "F-g-0001-g-0002".into(),
            labels: vec!["Verifikasi berkas".into(), "Tetapkan <nomor>".into()],
            agencies: vec!["BKN".into(), "TASPEN".into()],
            occurrences: vec![
                FragmentOccurrence {
                    process: process_ref("asn/nip", "Proc_BKN", "Penetapan NIP", "BKN"),
                    nodes: vec!["Task_Verif".into(), "Task_Tetap".into()],
                    labels: vec![
                        "Verifikasi berkas usulan".into(),
                        "Tetapkan NIP <script>alert(1)</script>".into(),
                    ],
                },
                FragmentOccurrence {
                    process: process_ref(
                        "asn/peserta",
                        "Proc_TASPEN",
                        "Pendaftaran peserta",
                        "TASPEN",
                    ),
                    nodes: vec!["Task_Daftar".into(), "Task_Iuran".into()],
                    labels: vec!["Daftarkan peserta".into(), "Hitung iuran".into()],
                },
            ],
        }],
        similar: vec![SimilarPair {
            a: process_ref("asn/nip", "Proc_BKN", "Penetapan NIP", "BKN"),
            b: process_ref(
                "asn/peserta",
                "Proc_TASPEN",
                "Pendaftaran peserta",
                "TASPEN",
            ),
            matched: 3,
            activities_a: 4,
            activities_b: 5,
            share: 2.0 * 3.0 / 9.0,
        }],
        families: vec![ProcessFamily {
            id: "PF-1".into(),
            agencies: vec!["BKN".into(), "TASPEN".into()],
            processes: vec![
                process_ref("asn/nip", "Proc_BKN", "Penetapan NIP", "BKN"),
                process_ref(
                    "asn/peserta",
                    "Proc_TASPEN",
                    "Pendaftaran peserta",
                    "TASPEN",
                ),
            ],
            pairs: 1,
            mean_share: 2.0 * 3.0 / 9.0,
        }],
        data_requests: vec![DataRequest {
            object: "usulan".into(),
            label: "Berkas <usulan>".into(),
            consumers: vec!["BKN".into(), "TASPEN".into()],
            producers: vec![],
            reads: vec![
                DataUse {
                    node: key("asn/nip", "Task_Verif"),
                    process: "Proc_BKN".into(),
                    label: "Verifikasi berkas usulan".into(),
                    agency: Some("BKN".into()),
                    data_label: "Berkas usulan".into(),
                },
                DataUse {
                    node: key("asn/peserta", "Task_Daftar"),
                    process: "Proc_TASPEN".into(),
                    label: "Daftarkan peserta".into(),
                    agency: Some("TASPEN".into()),
                    data_label: "Fotokopi usulan".into(),
                },
            ],
            writes: vec![],
        }],
        node_agencies: HashMap::from([(key("asn/nip", "Task_Verif"), "BKN".to_string())]),
    }
}

fn process_ref(model: &str, process: &str, name: &str, agency: &str) -> ProcessRef {
    ProcessRef {
        model: model.into(),
        process: process.into(),
        name: name.into(),
        agency: Some(agency.into()),
    }
}

/// Decodes the entities minijinja's HTML escaping produces.
fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every relative href of every page resolves to a file, and every
/// fragment to an id in that file.
fn check_links(root: &Path) -> usize {
    let mut pages = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                pages.push(p);
            }
        }
    }
    let mut checked = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        for part in html.split(" href=\"").skip(1) {
            let href = unescape(&part[..part.find('"').unwrap()]);
            let href = href.as_str();
            assert!(
                !href.starts_with("http"),
                "external link {href} in {}",
                page.display()
            );
            let (path, frag) = href.split_once('#').unwrap_or((href, ""));
            let path = path.split('?').next().unwrap();
            let target = if path.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(path)
            };
            assert!(
                target.is_file(),
                "{} links to missing {href}",
                page.display()
            );
            if !frag.is_empty() {
                let t = std::fs::read_to_string(&target).unwrap();
                assert!(
                    t.contains(&format!("id=\"{frag}\"")),
                    "{} links to missing fragment {href}",
                    page.display()
                );
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn whole_site_renders_escapes_and_links_resolve() {
    let a = fixture("two-agencies.bpmn", "asn/nip");
    let b = fixture("two-agencies-no-di.bpmn", "asn/peserta");
    let input = site_input(&a, &b);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("atlas");
    let mut calls = Vec::new();
    let summary = render(
        &input,
        &Options {
            out: out.clone(),
            ..Options::default()
        },
        &mut |d, t| calls.push((d, t)),
    )
    .unwrap();
    // home, processes, recommendations, search, 2 processes, 1 theme, 2 agencies, 1 group,
    // 4 lists (fragments, similar processes, their families, data requests)
    assert_eq!(summary.pages, 14);
    assert_eq!(calls.last(), Some(&(14, 14)));
    assert!(out.join(output::MARKER).is_file());
    assert!(check_links(&out) > 30);

    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<html lang="id">"#));
    assert!(
        home.contains("Uji &lt;b&gt;tebal&lt;/b&gt;") && !home.contains("<b>tebal"),
        "theme description escaped"
    );
    let process = std::fs::read_dir(out.join("process"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("nip"))
        .unwrap();
    let html = std::fs::read_to_string(&process).unwrap();
    assert!(
        html.contains("Tetapkan NIP &lt;script&gt;alert(1)&lt;/script&gt;"),
        "in the SVG"
    );
    assert!(
        html.contains("class=\"to-diagram\">Tetapkan NIP &lt;script&gt;alert(1)&lt;/script&gt;"),
        "in the table"
    );
    assert_eq!(html.matches("<script").count(), 1, "only atlas.js");
    // file names are sanitised (the space in the path is gone)
    for e in std::fs::read_dir(out.join("process")).unwrap() {
        let n = e.unwrap().file_name().into_string().unwrap();
        assert!(
            n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c)),
            "{n}"
        );
    }
    // search index: a script file the search page loads, holding valid JSON
    let search = std::fs::read_to_string(out.join("search.html")).unwrap();
    assert!(search.contains(r#"<script src="search/index-0.js"></script>"#));
    assert!(!out.join("search").join("index-1.js").exists());
    let script = std::fs::read_to_string(out.join("search").join("index-0.js")).unwrap();
    let json = script
        .strip_prefix("(window.PETA_INDEX = window.PETA_INDEX || []).push(")
        .and_then(|s| s.strip_suffix(");\n"))
        .expect("index script shape");
    let index: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    assert!(index
        .iter()
        .any(|e| e["l"] == "Verifikasi berkas usulan" && e["k"] == "a"));
    assert!(
        index
            .iter()
            .any(|e| e["l"].as_str().unwrap().contains("<script>")),
        "raw label kept in JSON"
    );
    assert!(!json.contains('<'), "no raw < inside the script element");

    let group = std::fs::read_to_string(
        out.join("group")
            .join(format!("{}.html", names::file_stem("g-0001"))),
    )
    .unwrap();
    assert!(group.contains("sinonim &lt;daftar&gt;"));
    insta::assert_snapshot!("home_id", home);
    insta::assert_snapshot!("group_id", group);

    // duplicated fragments: every occurrence, each activity linking to its
    // row with the whole fragment highlighted; labels escaped
    let fragments = std::fs::read_to_string(out.join("list").join("fragments.html")).unwrap();
    let verif = names::file_stem("Task_Verif");
    let tetap = names::file_stem("Task_Tetap");
    assert!(
        fragments.contains(&format!("?hl={verif}.{tetap}#n-{verif}")),
        "the occurrence's process link highlights the fragment"
    );
    assert!(fragments.contains(&format!(
        "nip-bpmn-e9f819d1.html?hl={verif}.{tetap}#n-{verif}\">Penetapan NIP</a>"
    )));
    assert!(fragments.contains("Tetapkan &lt;nomor&gt;") && !fragments.contains("<nomor>"));
    assert!(fragments.contains("Tetapkan NIP &lt;script&gt;"));
    // data requests name the producers, or say there is none
    let data = std::fs::read_to_string(out.join("list").join("data.html")).unwrap();
    assert!(data.contains("Berkas &lt;usulan&gt;"));
    assert!(data.contains("tidak ada instansi yang menghasilkannya"));
    let similar = std::fs::read_to_string(out.join("list").join("similar.html")).unwrap();
    assert!(similar.contains("67 %") && similar.contains("3 (dari 4 dan 5)"));
    let families = std::fs::read_to_string(out.join("list").join("families.html")).unwrap();
    assert!(families
        .contains("2 proses dari 2 instansi · 1 pasangan serupa · kemiripan rata-rata 67 %"));
    assert!(
        families.contains("Pendaftaran peserta")
            && families.contains("href=\"../list/similar.html\"")
    );
    // the agency page shows its fragments, similar processes and data
    let bkn = std::fs::read_to_string(
        out.join("agency")
            .join(format!("{}.html", names::file_stem("BKN"))),
    )
    .unwrap();
    for id in ["fragments", "similar", "data-asked", "data-produced"] {
        assert!(bkn.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    assert!(bkn.contains("Berkas &lt;usulan&gt;") && bkn.contains("Pendaftaran peserta"));
    let theme = std::fs::read_to_string(
        out.join("theme")
            .join(format!("{}.html", names::file_stem("ASN-IKN"))),
    )
    .unwrap();
    assert!(theme.contains("Verifikasi berkas") && theme.contains("Berkas &lt;usulan&gt;"));
    insta::assert_snapshot!("fragments_id", fragments);
    insta::assert_snapshot!("data_id", data);
    insta::assert_snapshot!("agency_bkn_id", bkn);

    // rendering again replaces the atlas; a foreign folder is refused
    render(
        &input,
        &Options {
            out: out.clone(),
            lang: Lang::English,
            ..Options::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<html lang="en">"#) && home.contains(">Home<"));
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "x").unwrap();
    let err = render(
        &input,
        &Options {
            out: foreign.clone(),
            ..Options::default()
        },
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(matches!(err, AtlasError::NotAnAtlas(_)));
    assert!(foreign.join("keep.txt").is_file());
    let err = render(
        &input,
        &Options {
            out: tmp.path().join("x"),
            theme: Some("NOPE".into()),
            ..Options::default()
        },
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(matches!(err, AtlasError::UnknownTheme(_)));
}

#[test]
fn template_override_replaces_one_template() {
    let a = fixture("two-agencies.bpmn", "asn/nip");
    let b = fixture("two-agencies-no-di.bpmn", "asn/peserta");
    let input = site_input(&a, &b);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tpl");
    std::fs::create_dir_all(dir.join("i18n")).unwrap();
    std::fs::write(dir.join("home.html"), "{% extends \"base.html\" %}{% block content %}<p>{{ t.nav.home }} custom</p>{% endblock %}").unwrap();
    let out = tmp.path().join("atlas");
    render(
        &input,
        &Options {
            out: out.clone(),
            templates: Some(dir),
            ..Options::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<p>Beranda custom</p>"));
}

#[test]
fn long_lists_are_paged_and_bounded() {
    let a = fixture("two-agencies.bpmn", "asn/nip");
    let b = fixture("two-agencies-no-di.bpmn", "asn/peserta");
    let mut input = site_input(&a, &b);
    let fragment = input.fragments[0].clone();
    input.fragments = (0..250)
        .map(|i| Fragment {
            id: format!("F-{i}"),
            ..fragment.clone()
        })
        .collect();
    let rec = input.recommendations[0].clone();
    input.recommendations = (0..30)
        .map(|i| Recommendation {
            rank: i + 1,
            evidence: (0..60)
                .map(|k| Evidence::Element {
                    key: key("asn/nip", "Task_Verif"),
                    label: format!("bukti {k}"),
                })
                .collect(),
            // 30 agencies: 12 links and a count
            agencies: ["BKN".to_string()]
                .into_iter()
                .chain((1..30).map(|k| format!("X{k}")))
                .collect(),
            ..rec.clone()
        })
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("atlas");
    render(
        &input,
        &Options {
            out: out.clone(),
            ..Options::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    // 250 fragments: five pages of at most 50, with a pager
    let pages: Vec<String> = (1..=5)
        .map(|p| {
            if p == 1 {
                read("list/fragments.html")
            } else {
                read(&format!("list/fragments-{p}.html"))
            }
        })
        .collect();
    assert!(!out.join("list/fragments-6.html").exists());
    let counts: Vec<usize> = pages
        .iter()
        .map(|p| p.matches("class=\"finding fragment\"").count())
        .collect();
    assert_eq!(counts, vec![50; 5]);
    assert!(pages[1].contains("Menampilkan 51–100 dari 250."));
    assert!(pages[1].contains("href=\"../list/fragments-3.html\">3</a>"));
    assert!(pages[1].contains("<span aria-current=\"page\">2</span>"));
    // an entry on page 2 is linked there from the agency page
    let bkn_stem = names::file_stem("BKN");
    let bkn = read(&format!("agency/{bkn_stem}.html"));
    let section = bkn.split("<section id=\"fragments\"").nth(1).unwrap();
    let section = &section[..section.find("</section>").unwrap()];
    assert_eq!(section.matches("class=\"finding fragment\"").count(), 20);
    assert!(section.contains(&format!(
        "href=\"../list/a-{bkn_stem}-fragments.html\">Lihat semua (250) →"
    )));
    let agency_page4 = read(&format!("list/a-{bkn_stem}-fragments-4.html"));
    assert!(agency_page4.contains(&format!(
        "../list/fragments-4.html#f-{}",
        names::file_stem("F-150")
    )));
    let agency_list = read(&format!("list/a-{bkn_stem}-fragments-3.html"));
    assert_eq!(
        agency_list.matches("class=\"finding fragment\"").count(),
        50
    );
    // recommendations: 20 on the agency page, all 30 in its list; 25 of 60 evidence links each
    let recs = bkn.split("<section id=\"recs\"").nth(1).unwrap();
    assert_eq!(recs.matches("<li class=\"rec\"").count(), 20);
    // the agency's list: one compact row each, linking to the full entry
    let rec_list = read(&format!("list/a-{bkn_stem}-recs.html"));
    assert_eq!(rec_list.matches("<li class=\"rec\"").count(), 0);
    assert!(rec_list.contains("href=\"../recommendations.html#r-29\""));
    assert!(rec_list.contains("<abbr title=\"18 instansi lainnya\">+18</abbr>"));
    assert!(!rec_list.contains(">X12<") && rec_list.contains(">X11<"));
    let all = read("recommendations.html");
    assert_eq!(all.matches("<li class=\"rec\" id=\"r-").count(), 30);
    let first = all.split("<li class=\"rec\"").nth(1).unwrap();
    assert_eq!(first.matches(">bukti ").count(), 25);
    assert!(first.contains("… dan 35 lainnya"));
    assert!(check_links(&out) > 1000);
}
