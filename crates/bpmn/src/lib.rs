//! Reads BPMN 2.0 XML from any modelling tool into a typed [`Model`].
//!
//! This crate knows nothing of agencies or themes. It turns bytes into a model
//! plus [`Diagnostic`]s, never panics on input, and never aborts a batch
//! because one file is bad.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

mod decode;
mod diagnostic;
mod elements;
mod locate;
pub mod model;
mod parser;
mod text;
mod validate;

pub use diagnostic::{Diagnostic, ParseError, Severity};
pub use model::*;
pub use parser::{BPMNDI_NS, BPMN_NS, DC_NS, DI_NS};
pub use text::display_form;
pub use validate::unresolved_calls;

use std::path::{Path, PathBuf};

/// Limits and switches for one parse.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Files larger than this are refused with an error (default 64 MiB).
    pub max_file_size: u64,
    /// Deepest element nesting accepted (default 256).
    pub max_depth: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_file_size: 64 * 1024 * 1024,
            max_depth: 256,
        }
    }
}

/// Parses one document held in memory. `key` becomes [`Model::key`];
/// `file` is only used in diagnostics.
pub fn parse_bytes(
    key: &str,
    file: &str,
    bytes: &[u8],
    opts: &ParseOptions,
) -> Result<Model, ParseError> {
    if bytes.len() as u64 > opts.max_file_size {
        return Err(ParseError::new(
            file,
            format!(
                "file is {} bytes, over the {} byte limit (raise it with --max-file-size)",
                bytes.len(),
                opts.max_file_size
            ),
        ));
    }
    let decoded = decode::decode(bytes);
    parser::parse(
        key,
        file,
        &decoded.text,
        decoded.encoding,
        opts,
        decoded.warnings,
    )
}

/// The text of a file as the importer reads it: declared encoding honoured,
/// byte-order mark dropped, invalid UTF-8 replaced. [`Diagnostic::offset`]s
/// index into it (for caret rendering of a model's warnings).
pub fn source_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    decode::decode(bytes).text
}

/// Reads and parses one file; the model key is the file stem.
pub fn parse_file(path: &Path, opts: &ParseOptions) -> Result<Model, ParseError> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ParseError::io(&file, &e))?;
    if meta.len() > opts.max_file_size {
        return Err(ParseError::new(
            &file,
            format!(
                "file is {} bytes, over the {} byte limit (raise it with --max-file-size)",
                meta.len(),
                opts.max_file_size
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| ParseError::io(&file, &e))?;
    let key = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    parse_bytes(&key, &file, &bytes, opts)
}

/// Parses many files in parallel (rayon). Results come back in input order;
/// one bad file never stops the others.
pub fn parse_files(paths: &[PathBuf], opts: &ParseOptions) -> Vec<Result<Model, ParseError>> {
    use rayon::prelude::*;
    paths.par_iter().map(|p| parse_file(p, opts)).collect()
}
