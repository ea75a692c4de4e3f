//! Imports every file of the shared corpora (MIWG, Flowable, jBPM, bpmn.io
//! fixtures): no panic, every well-formed BPMN file imports, every broken
//! file gets a positioned diagnostic of the expected kind.
//!
//! The corpora live beside the repository (`../shared/corpora`); the test
//! is skipped with a message when they are absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use peta_bpmn::{parse_bytes, ParseOptions, Severity};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora");
const CORPORA: [&str; 4] = ["miwg", "flowable-engine", "jbpm", "bpmn-io-fixtures"];

/// Files that are broken (not well-formed XML, not BPMN, or deliberately
/// invalid BPMN), with the diagnostic code each must get. Paths are relative
/// to the corpora folder.
const BROKEN: &[(&str, &str)] = &[
    // Declare UTF-8 but hold ISO-8859-1 bytes.
    ("miwg/GenMyModel 0.47/C.1.0-export.bpmn", "invalid-utf8"),
    ("miwg/GenMyModel 0.47/C.1.0-roundtrip.bpmn", "invalid-utf8"),
    ("miwg/GenMyModel 0.47/C.1.1-export.bpmn", "invalid-utf8"),
    ("miwg/GenMyModel 0.47/C.1.1-roundtrip.bpmn", "invalid-utf8"),
    // Root prefix `bpmn2:` never declared.
    ("jbpm/jbpm-bpmn2/src/test/resources/compensation/unimplemented/BPMN2-TravelBookingExample.bpmn2", "not-bpmn"),
    // `<definitions>` in no namespace.
    ("flowable-engine/modules/flowable-engine/src/test/resources/org/flowable/engine/test/bpmn/usertask/TaskAssignmentExtensionsTest.testDuplicateAssigneeDeclaration.bpmn20.xml", "not-bpmn"),
    ("flowable-engine/modules/flowable5-test/src/test/resources/org/activiti/engine/test/bpmn/usertask/TaskAssignmentExtensionsTest.testDuplicateAssigneeDeclaration.bpmn20.xml", "not-bpmn"),
    // A Flowable test of schema validation: an invented element name.
    ("flowable-engine/modules/flowable-engine/src/test/resources/org/flowable/engine/test/api/repository/nonSchemaConformantXml.bpmn20.xml", "unknown-element"),
    ("flowable-engine/modules/flowable5-test/src/test/resources/org/activiti/engine/test/api/repository/nonSchemaConformantXml.bpmn20.xml", "unknown-element"),
    ("flowable-engine/modules/flowable-engine/src/test/resources/org/flowable/standalone/validation/invalid_process_xsd_error.bpmn20.xml", "unknown-element"),
    ("flowable-engine/modules/flowable5-test/src/test/resources/org/activiti/standalone/validation/invalid_process_xsd_error.bpmn20.xml", "unknown-element"),
    // jBPM tests that write a BPMN child without a prefix where no default
    // namespace is declared: the element is in no namespace and is lost.
    ("jbpm/jbpm-bpmn2/src/test/resources/BPMN2-EventSubprocessMessage.bpmn2", "unknown-element"),
    ("jbpm/jbpm-bpmn2/src/test/resources/BPMN2-gatewayTest.bpmn2", "unknown-element"),
    // Capitalised element names (`Task`, `ComplexGateway`) are not BPMN.
    ("bpmn-io-fixtures/bpmn-js/test/spec/features/modeling/behavior/DataInputAssociationBehavior.bpmn", "unknown-element"),
    ("bpmn-io-fixtures/bpmn-js/test/spec/features/popup-menu/ReplaceMenuProvider.defaultFlowsFromComplexGateways.bpmn", "unknown-element"),
    // bpmn.io: not well-formed on purpose.
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/attrs.bpmn", "invalid-name"),
    ("bpmn-io-fixtures/bpmn-js/test/spec/features/modeling/behavior/SubProcessBehavior.copy-paste.bpmn", "invalid-name"),
    ("bpmn-io-fixtures/bpmn-js/test/spec/features/ordering/ordering-subprocesses.bpmn", "xml-declaration"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/draw/gateway-type-default.bpmn", "xml-declaration"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/import/default-attrs.bpmn", "xml-declaration"),
    ("bpmn-io-fixtures/bpmn-js/test/spec/features/rules/BpmnRules.attaching.bpmn", "undeclared-prefix"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/multiple-nested-processes.bpmn", "undeclared-prefix"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/draw/events.bpmn", "undeclared-prefix"),
    // Fragments whose root is a Camunda extension element: not BPMN documents.
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/extension/camunda/inputOutput-list.part.bpmn", "not-bpmn"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/extension/camunda/inputOutput-map.part.bpmn", "not-bpmn"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/extension/camunda/inputOutput-mixed.part.bpmn", "not-bpmn"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/extension/camunda/inputOutput-plain.part.bpmn", "not-bpmn"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/extension/camunda/inputOutput-script.part.bpmn", "not-bpmn"),
    // bpmn-moddle `error/` fixtures.
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/invalid-attributes.bpmn", "xml-syntax"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/xmlns-redeclaration.bpmn", "xml-syntax"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/not-bpmn.bpmn", "not-bpmn"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/duplicate-ids.bpmn", "duplicate-id"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/unrecognized-child.bpmn", "unknown-element"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/undeclared-ns-child.bpmn", "unknown-element"),
    ("bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/di-no-bpmn-element.bpmn", "dangling-ref"),
    // bpmn-js `error/` fixtures.
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/error/missing-namespace.bpmn", "not-bpmn"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/error/invalid-child.bpmn", "unknown-element"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/error/duplicate-ids.bpmn", "duplicate-id"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/error/no-process-collaboration.bpmn", "dangling-ref"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/error/di-plane-no-bpmn-element.bpmn", "dangling-ref"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/import/error/dangling-process-message-flow.bpmn", "no-pool"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/import/error/boundaryEvent-invalidAttachToRef.bpmn", "dangling-ref"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/import/error/boundaryEvent-missingAttachToRef.bpmn", "dangling-ref"),
    ("bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/import/error/invalid-flow-element.bpmn", "dangling-ref"),
];

/// Fixtures in `error/` folders that are valid input for Peta: they test
/// limits of bpmn-moddle or bpmn-js, not of BPMN.
const VALID_FOR_PETA: &[(&str, &str)] = &[
    (
        "bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/bad-encoding.bpmn",
        "windows-1252 is a supported encoding",
    ),
    (
        "bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/categoryValue.bpmn",
        "a top-level categoryValue is unusual but harmless",
    ),
    (
        "bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/error/categoryValue.bpmn",
        "a top-level categoryValue is unusual but harmless",
    ),
    (
        "bpmn-io-fixtures/bpmn-moddle/test/fixtures/bpmn/error/extension-definition-missing.bpmn",
        "`extension` is a BPMN element; its definition is the tool's business",
    ),
    (
        "bpmn-io-fixtures/bpmn-js/test/fixtures/bpmn/import/error/multiple-dis.bpmn",
        "several BPMNDiagrams per file are allowed and all are read",
    ),
];

/// Codes that say the file is not well-formed XML (or not BPMN at all):
/// they may only appear on files listed in [`BROKEN`].
const MALFORMED_CODES: &[&str] = &[
    "xml-syntax",
    "not-bpmn",
    "invalid-utf8",
    "invalid-name",
    "xml-declaration",
    "undeclared-prefix",
    "unknown-element",
];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| matches!(x, "bpmn" | "bpmn2" | "xml"))
        {
            out.push(p);
        }
    }
}

#[test]
fn every_corpus_file_imports_or_gets_a_positioned_diagnostic() {
    let root = Path::new(SHARED);
    if !root.is_dir() {
        eprintln!("SKIP: {SHARED} is absent (the shared corpora live beside the repository)");
        return;
    }
    let opts = ParseOptions::default();
    let mut problems = Vec::new();
    // corpus -> (files, imported, failed, with warnings, broken as expected)
    let mut tally: BTreeMap<&str, [usize; 5]> = BTreeMap::new();
    let mut seen_broken = 0;
    for corpus in CORPORA {
        let mut files = Vec::new();
        walk(&root.join(corpus), &mut files);
        files.sort();
        assert!(!files.is_empty(), "no files in {corpus}");
        let t = tally.entry(corpus).or_default();
        for path in &files {
            let rel = path
                .strip_prefix(root)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let bytes = std::fs::read(path).expect("read corpus file");
            let result = std::panic::catch_unwind(|| parse_bytes("k", &rel, &bytes, &opts));
            t[0] += 1;
            let Ok(result) = result else {
                problems.push(format!("{rel}: PANIC"));
                continue;
            };
            let diagnostics = match &result {
                Ok(m) => {
                    t[1] += 1;
                    if !m.diagnostics.is_empty() {
                        t[3] += 1;
                    }
                    &m.diagnostics
                }
                Err(e) => {
                    t[2] += 1;
                    &e.diagnostics
                }
            };
            let expected = BROKEN.iter().find(|(p, _)| *p == rel).map(|(_, c)| *c);
            match expected {
                Some(code) => {
                    seen_broken += 1;
                    let hit = diagnostics
                        .iter()
                        .any(|d| d.code == code && d.line > 0 && d.column > 0);
                    if hit {
                        t[4] += 1;
                    } else {
                        problems.push(format!(
                            "{rel}: expected a positioned `{code}` diagnostic, got {:?}",
                            diagnostics
                                .iter()
                                .map(|d| (&d.code, d.line, d.column))
                                .collect::<Vec<_>>()
                        ));
                    }
                }
                None => {
                    if let Err(e) = &result {
                        problems.push(format!("{rel}: well-formed file failed: {e}"));
                    }
                    let in_error_dir =
                        rel.starts_with("bpmn-io-fixtures/") && rel.contains("/error/");
                    if in_error_dir && !VALID_FOR_PETA.iter().any(|(p, _)| *p == rel) {
                        problems.push(format!(
                            "{rel}: error fixture listed neither as BROKEN nor as VALID_FOR_PETA"
                        ));
                    }
                    for d in diagnostics {
                        if MALFORMED_CODES.contains(&d.code.as_str()) {
                            problems.push(format!(
                                "{rel}:{}:{}: unexpected `{}`: {}",
                                d.line, d.column, d.code, d.message
                            ));
                        }
                        if d.severity == Severity::Error {
                            problems.push(format!("{rel}: error diagnostic on an imported model"));
                        }
                    }
                }
            }
        }
    }
    for (corpus, [files, ok, failed, warned, broken]) in &tally {
        eprintln!(
            "{corpus}: {files} files, {ok} imported ({warned} with warnings), {failed} refused; {broken} broken files diagnosed as expected"
        );
    }
    assert_eq!(
        seen_broken,
        BROKEN.len(),
        "some BROKEN entries name files that do not exist"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
