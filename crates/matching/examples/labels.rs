//! Development aid: the activities of BPMN files and their analysis.
//! `cargo run -p peta-matching --example labels -- FILE.bpmn...`
fn main() {
    let lex = peta_text::Lexicon::bundled();
    for f in std::env::args().skip(1) {
        match peta_bpmn::parse_file(std::path::Path::new(&f), &Default::default()) {
            Ok(m) => {
                for a in peta_matching::activities_of(&m) {
                    let an = lex.analyze(&a.label);
                    let toks: Vec<String> = an
                        .tokens
                        .iter()
                        .map(|t| format!("{}:{:?}", t.canonical, t.role).to_lowercase())
                        .collect();
                    println!(
                        "{}\t{:?}\t{}\t[{}]\t{}",
                        a.key,
                        a.kind,
                        a.label,
                        a.lane.unwrap_or_default(),
                        toks.join(" ")
                    );
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
