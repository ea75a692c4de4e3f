//! Cross-checks task/flow counts against a naive tag count of the raw text.
use peta_bpmn::*;
fn main() {
    for a in std::env::args().skip(1) {
        let Ok(m) = parse_file(std::path::Path::new(&a), &ParseOptions::default()) else {
            continue;
        };
        let tasks = m
            .flow_nodes()
            .filter(|(_, n)| matches!(n.kind, FlowNodeKind::Task(_)))
            .count();
        let flows: usize = m.processes.iter().map(|p| p.sequence_flows.len()).sum();
        println!("{tasks}\t{flows}\t{a}");
    }
}
