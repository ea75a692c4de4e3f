//! The atlas in a real browser: builds the atlas of `processes/` plus a
//! model whose label is `<script>alert(1)</script>`, then drives Debian's
//! headless Chromium over `file://`:
//! - every page loads without a console message (errors, uncaught exceptions);
//! - every internal link and resource resolves (checked on disk);
//! - each process page holds SVG diagrams with one shape per flow node;
//! - the search page finds a known activity (its JS runs on `?q=`);
//! - the `<script>` label renders as text;
//! - the lists of duplicated fragments, similar processes and data requests
//!   exist, and their `?hl=` links highlight the activities in the process page.
//!
//! Skips with a message when Chromium is not installed (`apt-get install chromium`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const PROCESSES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/processes");

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `url`; returns (dumped DOM, stderr log).
fn run_chromium(bin: &Path, profile: &Path, url: &str) -> (String, String) {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn console_lines(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

fn url(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn html_pages(root: &Path) -> Vec<PathBuf> {
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
    pages.sort();
    pages
}

/// Decodes the entities the HTML escaping produces in attribute values.
fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr_values<'h>(html: &'h str, attr: &str) -> impl Iterator<Item = String> + 'h {
    let pat = format!(" {attr}=\"");
    html.split(&pat as &str)
        .skip(1)
        .map(|part| unescape(&part[..part.find('"').unwrap_or(0)]))
        .collect::<Vec<_>>()
        .into_iter()
}

fn tools_ok() -> Option<PathBuf> {
    let Some(bin) = chromium() else {
        eprintln!("SKIP atlas_browser: Chromium not found (/usr/bin/chromium); install it with `apt-get install chromium`");
        return None;
    };
    if !Path::new(PROCESSES).join("themes.toml").is_file() {
        eprintln!("SKIP atlas_browser: {PROCESSES} has no themes.toml");
        return None;
    }
    Some(bin)
}

const XSS_MODEL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="xss" targetNamespace="http://peta.test/xss">
  <process id="Proc_XSS" name="Uji &lt;script&gt;alert(1)&lt;/script&gt;">
    <startEvent id="S" />
    <task id="T_XSS" name="&lt;script&gt;alert(1)&lt;/script&gt;" />
    <endEvent id="E" />
    <sequenceFlow id="f1" sourceRef="S" targetRef="T_XSS" />
    <sequenceFlow id="f2" sourceRef="T_XSS" targetRef="E" />
  </process>
</definitions>
"#;

#[test]
fn atlas_of_processes_works_in_headless_chromium() {
    let Some(bin) = tools_ok() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let xss = tmp.path().join("uji-xss.bpmn");
    std::fs::write(&xss, XSS_MODEL).unwrap();
    let out = tmp.path().join("atlas");
    let status = Command::new(env!("CARGO_BIN_EXE_peta"))
        .arg("atlas")
        .arg(PROCESSES)
        .arg(&xss)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "peta atlas failed");
    let pages = html_pages(&out);
    assert!(pages.len() > 20, "only {} pages", pages.len());

    // 1. links and resources resolve on disk, none leaves the atlas
    let mut links = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        for href in attr_values(&html, "href").chain(attr_values(&html, "src")) {
            assert!(
                !href.contains("://") && !href.starts_with("//"),
                "external reference {href} in {}",
                page.display()
            );
            let (path, frag) = href.split_once('#').unwrap_or((&href, ""));
            let path = path.split('?').next().unwrap_or("");
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
            assert!(target
                .canonicalize()
                .unwrap()
                .starts_with(out.canonicalize().unwrap()));
            if !frag.is_empty() {
                let t = std::fs::read_to_string(&target).unwrap();
                assert!(
                    t.contains(&format!("id=\"{frag}\"")),
                    "{} links to missing fragment {href}",
                    page.display()
                );
            }
            links += 1;
        }
    }
    eprintln!("{} pages, {links} links and resources resolve", pages.len());

    // 2. every page loads without console messages: one browser run over a
    // harness page that frames every page, plus a probe page that logs on
    // purpose to prove the capture works
    let probe = out.join("zz-probe.html");
    std::fs::write(
        &probe,
        "<!DOCTYPE html><title>probe</title><script>console.error('peta-harness-probe')</script>",
    )
    .unwrap();
    let mut harness = String::from("<!DOCTYPE html><title>harness</title>\n");
    for p in pages.iter().chain([&probe]) {
        harness.push_str(&format!(
            "<iframe src=\"{}\"></iframe>\n",
            p.strip_prefix(&out).unwrap().display()
        ));
    }
    let harness_path = out.join("zz-harness.html");
    std::fs::write(&harness_path, harness).unwrap();
    let profile = tmp.path().join("profile");
    let (_, log) = run_chromium(&bin, &profile, &url(&harness_path));
    let console = console_lines(&log);
    assert!(
        console.iter().any(|l| l.contains("peta-harness-probe")),
        "console capture does not work:\n{log}"
    );
    let errors: Vec<&&str> = console
        .iter()
        .filter(|l| !l.contains("peta-harness-probe"))
        .collect();
    assert!(errors.is_empty(), "console messages:\n{errors:#?}");
    std::fs::remove_file(&probe).unwrap();
    std::fs::remove_file(&harness_path).unwrap();

    // 3. each process page: one SVG shape per flow node of its model
    let process_pages: Vec<&PathBuf> = pages
        .iter()
        .filter(|p| p.parent().unwrap().ends_with("process"))
        .collect();
    assert!(process_pages.len() >= 2);
    let mut checked_models = 0;
    for page in &process_pages {
        let html = std::fs::read_to_string(page).unwrap();
        let rel = html
            .split("<dd class=\"path\">")
            .nth(1)
            .map(|s| unescape(&s[..s.find('<').unwrap()]))
            .unwrap();
        let file = if rel == "uji-xss.bpmn" {
            xss.clone()
        } else {
            Path::new(PROCESSES).join(&rel)
        };
        let model = peta_bpmn::parse_file(&file, &peta_bpmn::ParseOptions::default()).unwrap();
        let expected: BTreeSet<String> = model.flow_nodes().map(|(_, n)| n.id.clone()).collect();
        let drawn: Vec<String> = attr_values(&html, "data-node-id").collect();
        let unique: BTreeSet<String> = drawn.iter().cloned().collect();
        assert!(html.contains("<svg"), "{} has no SVG", page.display());
        assert_eq!(drawn.len(), unique.len(), "{rel}: a flow node drawn twice");
        assert_eq!(unique, expected, "{rel}: SVG shapes differ from flow nodes");
        checked_models += 1;
    }
    eprintln!("{checked_models} process pages: one shape per flow node");
    // and the browser parses the inline SVG into SVG elements with the same shapes
    let xss_page = process_pages
        .iter()
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("<dd class=\"path\">uji-xss.bpmn<")
        })
        .unwrap();
    let (dom, log) = run_chromium(&bin, &profile, &url(xss_page));
    assert!(console_lines(&log).is_empty(), "{log}");
    assert_eq!(dom.matches("data-node-id=").count(), 3, "start, task, end");
    // 4. the <script> label renders as text, and no such element exists
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "label not shown as text"
    );
    assert!(!dom.contains("<script>alert(1)"), "label became markup");

    // 5. search finds a known activity (the first labelled task of processes/)
    let first = pages
        .iter()
        .find(|p| p.parent().unwrap().ends_with("process") && !p.ends_with("uji-xss"))
        .unwrap();
    let html = std::fs::read_to_string(first).unwrap();
    let rel = html
        .split("<dd class=\"path\">")
        .nth(1)
        .map(|s| unescape(&s[..s.find('<').unwrap()]))
        .unwrap();
    let file = if rel == "uji-xss.bpmn" {
        xss.clone()
    } else {
        Path::new(PROCESSES).join(&rel)
    };
    let model = peta_bpmn::parse_file(&file, &peta_bpmn::ParseOptions::default()).unwrap();
    let label = model
        .flow_nodes()
        .map(|(_, n)| n)
        .find(|n| n.is_activity() && n.label().len() > 8)
        .map(|n| n.label().to_string())
        .expect("a labelled activity");
    let query: String = label
        .to_lowercase()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join("+");
    let search = format!("{}?q={}", url(&out.join("search.html")), query);
    let (dom, log) = run_chromium(&bin, &profile, &search);
    assert!(console_lines(&log).is_empty(), "{log}");
    let results = dom
        .split("id=\"search-results\"")
        .nth(1)
        .expect("results list");
    let hits = results.matches("class=\"hit kind-a\"").count();
    assert!(hits >= 1, "search for {query:?} found no activity");
    let shown = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(
        results.contains(&shown),
        "search for {query:?} did not list {label:?}"
    );
    eprintln!("search {query:?}: {hits} activities, including {label:?}");
    // the recommendation filters come alive (their script ran and counted)
    let (dom, log) = run_chromium(&bin, &profile, &url(&out.join("recommendations.html")));
    assert!(console_lines(&log).is_empty(), "{log}");
    let recs = dom.matches("<li class=\"rec\"").count();
    assert!(recs > 0, "no recommendation listed");
    assert!(
        dom.contains(&format!("{recs} dari {recs} ditampilkan")),
        "filter count not shown: JS did not run"
    );
    // 6. the findings lists exist, and a link that highlights activities
    // (`?hl=`, from a duplicated fragment or a data request) lights up the
    // activity's table row and its diagram shape once atlas.js has run
    for list in ["fragments", "similar", "data"] {
        let p = out.join("list").join(format!("{list}.html"));
        assert!(p.is_file(), "no {}", p.display());
    }
    let hl_link = ["fragments", "data"].iter().find_map(|l| {
        let html = std::fs::read_to_string(out.join("list").join(format!("{l}.html"))).unwrap();
        let found = attr_values(&html, "href").find(|h| h.contains("?hl="));
        found
    });
    match hl_link {
        Some(href) => {
            let (path, rest) = href.split_once('?').unwrap();
            let file = out.join("list").join(path).canonicalize().unwrap();
            let (dom, log) = run_chromium(&bin, &profile, &format!("{}?{rest}", url(&file)));
            assert!(console_lines(&log).is_empty(), "{log}");
            let stems: Vec<&str> = rest
                .trim_start_matches("hl=")
                .split('#')
                .next()
                .unwrap()
                .split('.')
                .collect();
            for stem in &stems {
                for id in [format!("n-{stem}"), format!("d-{stem}")] {
                    let at = dom
                        .find(&format!("id=\"{id}\""))
                        .unwrap_or_else(|| panic!("{id} missing in {href}"));
                    let tag_start = dom[..at].rfind('<').unwrap();
                    let tag = &dom[tag_start..at + dom[at..].find('>').unwrap()];
                    assert!(
                        tag.contains(" hl\"") || tag.contains("\"hl\""),
                        "{id} not highlighted: {tag}"
                    );
                }
            }
            eprintln!("{href}: {} activities highlighted", stems.len());
        }
        None => eprintln!(
            "note: processes/ has no duplicated fragment or data request: highlight not checked"
        ),
    }

    // searching the script label lists it as text
    let (dom, _) = run_chromium(
        &bin,
        &profile,
        &format!("{}?q=alert", url(&out.join("search.html"))),
    );
    let results = dom
        .split("id=\"search-results\"")
        .nth(1)
        .expect("results list");
    assert!(results.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!results.contains("<script>alert"));
}

fn firefox() -> Option<PathBuf> {
    ["/usr/bin/firefox-esr", "/usr/bin/firefox"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// Preferences of the throw-away Firefox profile: page `console.*` calls go
/// to stdout, uncaught page errors to stderr (`JavaScript error: file://…`),
/// and `file://` pages of one folder may read each other's DOM (the harness
/// reads its frames).
const FIREFOX_PREFS: &str = r#"user_pref("devtools.console.stdout.content", true);
user_pref("browser.dom.window.dump.enabled", true);
user_pref("javascript.options.showInConsole", true);
user_pref("security.fileuri.strict_origin_policy", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("app.update.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
"#;

/// The same atlas in Debian's headless Firefox ESR, a second engine: every
/// page loads in one harness page without a console message or an uncaught
/// error (a probe page proves both are captured), the search script finds
/// activities, and a `?hl=` link highlights its activities.
/// Skips with a message when Firefox is not installed
/// (`apt-get install -y firefox-esr`).
#[test]
fn atlas_of_processes_works_in_headless_firefox() {
    let Some(bin) = firefox() else {
        eprintln!("SKIP atlas_browser (Firefox): firefox-esr not found; install it with `apt-get install -y firefox-esr`");
        return;
    };
    if !Path::new(PROCESSES).join("themes.toml").is_file() {
        eprintln!("SKIP atlas_browser (Firefox): {PROCESSES} has no themes.toml");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("atlas");
    let status = Command::new(env!("CARGO_BIN_EXE_peta"))
        .arg("atlas")
        .arg(PROCESSES)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "peta atlas failed");
    let pages = html_pages(&out);
    // a page that highlights: the first `?hl=` link of the fragment or data lists
    let hl = ["fragments", "data"].iter().find_map(|l| {
        let html = std::fs::read_to_string(out.join("list").join(format!("{l}.html"))).unwrap();
        let found = attr_values(&html, "href")
            .find(|h| h.contains("?hl="))
            .map(|h| {
                h.trim_start_matches("../")
                    .split('#')
                    .next()
                    .unwrap()
                    .to_string()
            });
        found
    });
    std::fs::write(
        out.join("zz-probe.html"),
        "<!DOCTYPE html><title>probe</title><script>console.error('peta-ff-probe'); peta_no_such_function();</script>",
    )
    .unwrap();
    let mut harness = String::from("<!DOCTYPE html><title>harness</title>\n");
    for p in &pages {
        harness.push_str(&format!(
            "<iframe src=\"{}\"></iframe>\n",
            p.strip_prefix(&out).unwrap().display()
        ));
    }
    harness.push_str("<iframe src=\"zz-probe.html\"></iframe>\n<iframe id=\"search\" src=\"search.html?q=berkas\"></iframe>\n");
    if let Some(h) = &hl {
        harness.push_str(&format!(
            "<iframe id=\"hl\" src=\"{}\"></iframe>\n",
            h.replace('&', "&amp;")
        ));
    }
    harness.push_str(
        r##"<script>
window.addEventListener("load", function () {
  var s = document.getElementById("search").contentDocument;
  console.log("peta-ff search-hits=" + s.querySelectorAll("#search-results li.hit").length);
  var h = document.getElementById("hl");
  if (h) console.log("peta-ff highlighted=" + h.contentDocument.querySelectorAll(".hl").length);
});
</script>
"##,
    );
    let harness_path = out.join("zz-harness.html");
    std::fs::write(&harness_path, harness).unwrap();
    let profile = tmp.path().join("ff-profile");
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::write(profile.join("user.js"), FIREFOX_PREFS).unwrap();
    let output = Command::new(&bin)
        .args(["--headless", "--no-remote", "--profile"])
        .arg(&profile)
        .arg("--screenshot")
        .arg(tmp.path().join("harness.png"))
        .arg(url(&harness_path))
        .output()
        .expect("run firefox");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // page console calls print as `console.<level>: "<text>"` (browser-internal
    // modules prefix their own name); uncaught page errors name the file
    let console: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("console.") && l.contains(": \""))
        .filter(|l| {
            l.split_once(": ")
                .is_some_and(|(_, rest)| rest.starts_with('"'))
        })
        .collect();
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("JavaScript error: file://"))
        .collect();
    assert!(
        console.iter().any(|l| l.contains("peta-ff-probe"))
            && errors.iter().any(|l| l.contains("zz-probe.html")),
        "Firefox console capture does not work:\n{stdout}\n{stderr}"
    );
    let unexpected: Vec<&&str> = console
        .iter()
        .filter(|l| !l.contains("peta-ff"))
        .chain(errors.iter().filter(|l| !l.contains("zz-probe.html")))
        .collect();
    assert!(
        unexpected.is_empty(),
        "Firefox console messages:\n{unexpected:#?}"
    );
    let value = |key: &str| -> Option<usize> {
        stdout
            .lines()
            .find_map(|l| l.split_once(&format!("peta-ff {key}=")))
            .and_then(|(_, v)| v.trim_end_matches('"').parse().ok())
    };
    let hits = value("search-hits").expect("search result count logged");
    assert!(hits >= 1, "Firefox: search for \"berkas\" found nothing");
    match &hl {
        Some(h) => {
            let n = value("highlighted").expect("highlight count logged");
            // each highlighted activity lights up its table row and its diagram shape
            assert!(n >= 2, "Firefox: {h} highlighted {n} elements");
            eprintln!("Firefox: {} pages without console messages; search: {hits} hits; {h}: {n} highlighted elements", pages.len());
        }
        None => eprintln!(
            "Firefox: {} pages without console messages; search: {hits} hits",
            pages.len()
        ),
    }
}
