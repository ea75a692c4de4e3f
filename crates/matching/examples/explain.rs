//! Development aid: `cargo run -p peta-matching --example explain -- "label a" "label b"`.
use peta_matching::{Activity, ActivityKind, Matcher};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        return;
    }
    let lex = peta_text::Lexicon::bundled();
    for l in &args[..2] {
        let a = lex.analyze(l);
        let t: Vec<String> = a
            .tokens
            .iter()
            .map(|t| format!("{}:{:?}", t.canonical, t.role))
            .collect();
        println!("{l}: {:?} {}", a.lang, t.join(" "));
    }
    let acts = vec![
        Activity::new("a", "1", &args[0], ActivityKind::Activity),
        Activity::new("b", "2", &args[1], ActivityKind::Activity),
    ];
    match Matcher::with_defaults().explain(&acts, 0, 1) {
        Some(e) => println!("{}", e.summary()),
        None => println!("never"),
    }
}
