//! Prints one file's model as JSON: `cargo run -p peta-bpmn --example dump -- FILE`.
fn main() {
    for a in std::env::args().skip(1) {
        match peta_bpmn::parse_file(
            std::path::Path::new(&a),
            &peta_bpmn::ParseOptions::default(),
        ) {
            Ok(m) => println!("{}", serde_json::to_string_pretty(&m).unwrap_or_default()),
            Err(e) => eprintln!("{e}"),
        }
    }
}
