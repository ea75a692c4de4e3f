//! Diagnostics: warnings carried on a model, and the fatal [`ParseError`].

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A modelling idiom worth knowing, not a defect (e.g. a black-box pool:
    /// a participant whose work is not modelled).
    Note,
    /// A defect the importer tolerated (dangling reference, duplicate id…).
    Warning,
    /// The file could not be imported.
    Error,
}

/// One finding, positioned in the source file (1-based line and column;
/// 0 when no position applies, e.g. an unreadable file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine code, e.g. `dangling-ref`, `duplicate-id`, `xml-syntax`.
    pub code: String,
    pub message: String,
    pub line: u32,
    pub column: u32,
    /// Byte offset into the (transcoded, UTF-8) source, for caret rendering.
    pub offset: Option<usize>,
    pub hint: Option<String>,
}

/// A file that could not be imported. Carries the fatal diagnostic first,
/// then any warnings gathered before the failure.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{}:{}: {}", .diagnostics.first().map(|d| d.line).unwrap_or(0), .diagnostics.first().map(|d| d.column).unwrap_or(0), .diagnostics.first().map(|d| d.message.as_str()).unwrap_or("unknown error"))]
pub struct ParseError {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
    /// The transcoded source, when it could be read, for caret rendering.
    pub source_text: Option<String>,
}

impl ParseError {
    /// An error with no position.
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        ParseError {
            file: file.to_string(),
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                code: "error".into(),
                message: message.into(),
                line: 0,
                column: 0,
                offset: None,
                hint: None,
            }],
            source_text: None,
        }
    }
    pub fn io(file: &str, e: &std::io::Error) -> Self {
        let mut err = Self::new(file, format!("cannot read file: {e}"));
        err.diagnostics[0].code = "io".into();
        err
    }
}
