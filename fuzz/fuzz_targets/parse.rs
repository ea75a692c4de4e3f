//! Feeds arbitrary bytes to the BPMN importer. It must never panic, never
//! hang, and keep its promises about diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_bpmn::{parse_bytes, ParseOptions, Severity};

fuzz_target!(|data: &[u8]| {
    let opts = ParseOptions {
        max_depth: 64,
        ..ParseOptions::default()
    };
    match parse_bytes("fuzz", "fuzz.bpmn", data, &opts) {
        Ok(model) => {
            // Exercise the model helpers others rely on.
            let _ = model.counts();
            for p in &model.processes {
                for (lane, _) in p.lanes() {
                    for r in &lane.flow_node_refs {
                        let _ = p.lane_of(r);
                    }
                }
            }
            for d in &model.diagnostics {
                assert_eq!(
                    d.severity,
                    Severity::Warning,
                    "imported models carry warnings only"
                );
            }
        }
        Err(err) => {
            let first = err.diagnostics.first().expect("an error has a diagnostic");
            assert_eq!(first.severity, Severity::Error);
            // Rendering must work on any error.
            let _ = err.to_string();
        }
    }
});
