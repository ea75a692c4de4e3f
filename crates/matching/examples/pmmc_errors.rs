//! Development aid: false positives and false negatives on a gold directory.
//! `cargo run -p peta-matching --example pmmc_errors -- MODELS GOLD`
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return;
    }
    let mut cfg = peta_matching::MatchConfig::default();
    if let Some(t) = std::env::var("T").ok().and_then(|t| t.parse().ok()) {
        cfg.match_threshold = t;
    }
    let m = peta_matching::Matcher::new(cfg, peta_text::Lexicon::bundled());
    let mut files: Vec<_> = std::fs::read_dir(&args[2])
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut cache: BTreeMap<String, Vec<peta_matching::Activity>> = BTreeMap::new();
    for f in files {
        let al = peta_matching::gold::read_alignment(&f).unwrap();
        let Some(c) = al.cells.first() else { continue };
        let (sa, sb) = (c.entity1.model.clone(), c.entity2.model.clone());
        for s in [&sa, &sb] {
            cache.entry(s.clone()).or_insert_with(|| {
                let model = peta_bpmn::parse_file(
                    &Path::new(&args[1]).join(format!("{s}.bpmn")),
                    &Default::default(),
                )
                .unwrap();
                peta_matching::activities_of(&model)
            });
        }
        let (a, b) = (&cache[&sa], &cache[&sb]);
        let label = |v: &Vec<peta_matching::Activity>, id: &str| {
            v.iter()
                .find(|x| x.key.id == id)
                .map(|x| format!("{} ({:?})", x.label, x.kind))
                .unwrap_or(format!("?{id}"))
        };
        let gold: BTreeSet<(String, String)> = al
            .equivalences()
            .map(|c| (c.entity1.id.clone(), c.entity2.id.clone()))
            .collect();
        let pred = m.match_pair(a, b);
        let mut pset = BTreeSet::new();
        for c in &pred {
            let k = (a[c.a].key.id.clone(), b[c.b].key.id.clone());
            if !gold.contains(&k) {
                println!(
                    "FP {sa}-{sb}: {} | {}   {:.2} {}",
                    a[c.a].label,
                    b[c.b].label,
                    c.score,
                    c.why.summary()
                );
            }
            pset.insert(k);
        }
        for g in &gold {
            if !pset.contains(g) {
                let ia = a.iter().position(|x| x.key.id == g.0);
                let ib = b.iter().position(|x| x.key.id == g.1);
                let mut both = a.clone();
                both.extend(b.iter().cloned());
                let why = match (ia, ib) {
                    (Some(x), Some(y)) => m
                        .explain(&both, x, a.len() + y)
                        .map(|e| e.summary())
                        .unwrap_or("vetoed/none".into()),
                    _ => "missing".into(),
                };
                println!(
                    "FN {sa}-{sb}: {} | {}   {}",
                    label(a, &g.0),
                    label(b, &g.1),
                    why
                );
            }
        }
    }
}
