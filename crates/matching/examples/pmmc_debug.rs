//! Development aid: per-pair figures and errors on a gold directory.
//! `cargo run -p peta-matching --example pmmc_debug -- MODELS GOLD [--errors]`
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: pmmc_debug MODELS GOLD [--errors]");
        return;
    }
    let mut cfg = peta_matching::MatchConfig::default();
    if let Some(t) = std::env::var("T").ok().and_then(|t| t.parse().ok()) {
        cfg.match_threshold = t;
    }
    cfg.events_match_activities = std::env::var("X").is_ok();
    let m = peta_matching::Matcher::new(cfg, peta_text::Lexicon::bundled());
    match peta_matching::eval::evaluate_gold_dir(&m, Path::new(&args[1]), Path::new(&args[2])) {
        Ok(r) => {
            for p in &r.pairs {
                println!(
                    "{:40} tp {:3} fp {:3} fn {:3} f1 {:.3} {}",
                    p.gold,
                    p.counts.tp,
                    p.counts.fp,
                    p.counts.fn_,
                    p.scores.f1,
                    p.error.clone().unwrap_or_default()
                );
            }
            println!("micro {:?}\nmacro {:?}", r.micro, r.macro_);
        }
        Err(e) => eprintln!("{e}"),
    }
}
