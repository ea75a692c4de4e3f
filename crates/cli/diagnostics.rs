//! Rendering of importer diagnostics for the terminal, rustc style (miette):
//! severity and code, message, `file:line:column`, the source line with a
//! caret, and a hint.
//!
//! Other commands print a failed import with [`render`] and a model's
//! warnings with [`render_warnings`].

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use peta_bpmn::{Diagnostic, ParseError, Severity};

/// Lines longer than this (single-line exports) are shown as a window
/// around the caret instead of in full.
const MAX_LINE_SHOWN: usize = 200;

/// Renders a failed import: its fatal diagnostic, then any warnings
/// gathered before the failure.
pub fn render(err: &ParseError) -> String {
    let mut out = String::new();
    for d in &err.diagnostics {
        out.push_str(&render_diagnostic(&err.file, err.source_text.as_deref(), d));
    }
    out
}

/// Renders a model's warnings. `source` is the decoded file text
/// (`peta_bpmn::source_text`) for the caret excerpt; without it only the
/// positions are printed.
pub fn render_warnings(file: &str, source: Option<&str>, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_diagnostic(file, source, d));
    }
    out
}

/// Renders one diagnostic.
pub fn render_diagnostic(file: &str, source: Option<&str>, d: &Diagnostic) -> String {
    let offset = match (d.offset, source) {
        (Some(o), Some(s)) => Some(o.min(s.len())),
        (None, Some(s)) if d.line > 0 => offset_of(s, d.line, d.column),
        _ => None,
    };
    let (Some(source), Some(offset)) = (source, offset) else {
        return plain(file, d);
    };
    // The line holding the offset; long lines are cut to a window.
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let (text, span_at) = if line_end - line_start > MAX_LINE_SHOWN {
        let from = floor_char(
            source,
            offset.saturating_sub(MAX_LINE_SHOWN / 2).max(line_start),
        );
        let to = floor_char(source, (from + MAX_LINE_SHOWN).min(line_end));
        (&source[from..to], offset - from)
    } else {
        (&source[line_start..line_end], offset - line_start)
    };
    // Underline the start tag (up to its `>` on this line), else one character.
    let rest = &text[span_at..];
    let width = if rest.starts_with('<') {
        rest.find('>').map_or(rest.len(), |i| i + 1)
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    };
    let snippet = Snippet {
        name: file.to_string(),
        text,
        first_line: d.line.saturating_sub(1) as usize,
        first_column: d.column.saturating_sub(1) as usize,
    };
    let report = Report {
        d,
        snippet,
        span: SourceSpan::new(span_at.into(), width),
    };
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_context_lines(0)
        .with_width(120);
    if handler.render_report(&mut out, &report).is_err() {
        return plain(file, d);
    }
    out
}

/// A diagnostic without a source excerpt: `file:line:column: severity[code]: message`.
fn plain(file: &str, d: &Diagnostic) -> String {
    let mut out = if d.line > 0 {
        format!(
            "{}[{}]: {file}:{}:{}: {}\n",
            severity_word(d.severity),
            d.code,
            d.line,
            d.column,
            d.message
        )
    } else {
        format!(
            "{}[{}]: {file}: {}\n",
            severity_word(d.severity),
            d.code,
            d.message
        )
    };
    if let Some(h) = &d.hint {
        out.push_str(&format!("  help: {h}\n"));
    }
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The byte offset of a 1-based line and (character) column.
pub fn offset_of(source: &str, line: u32, column: u32) -> Option<usize> {
    let mut start = 0usize;
    for _ in 1..line {
        start += source[start..].find('\n')? + 1;
    }
    let line_text = &source[start..];
    let col = column.max(1) as usize - 1;
    let within = line_text
        .char_indices()
        .nth(col)
        .map_or(line_text.len(), |(i, _)| i);
    Some(start + within)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One source line (or a window of it) named `file:line:column`, with its
/// real line number.
struct Snippet<'a> {
    name: String,
    text: &'a str,
    first_line: usize,
    /// The diagnostic's column (0-based), for the header.
    first_column: usize,
}

impl SourceCode for Snippet<'_> {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // Always the whole (single) line, whatever context is asked for.
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::new(0.into(), self.text.len()),
            self.first_line,
            self.first_column,
            1,
        )))
    }
}

struct Report<'a> {
    d: &'a Diagnostic,
    snippet: Snippet<'a>,
    span: SourceSpan,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report").field("d", self.d).finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.d.code, self.d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d
            .hint
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.snippet)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("here".into()),
            self.span,
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_caret_and_hint() {
        let src = "<a>\n  <b x=\"1\">\n</a>\n";
        let err = peta_bpmn::parse_bytes("t", "t.bpmn", src.as_bytes(), &Default::default())
            .expect_err("malformed");
        let out = render(&err);
        assert!(out.contains("t.bpmn:"), "{out}");
        assert!(out.contains("help:"), "{out}");
        assert!(
            out.contains('▲') || out.contains('^') || out.contains('┬'),
            "{out}"
        );
    }

    #[test]
    fn offsets_from_line_and_column() {
        let src = "ab\ncdé\nf";
        assert_eq!(offset_of(src, 1, 1), Some(0));
        assert_eq!(offset_of(src, 2, 3), Some(5));
        assert_eq!(offset_of(src, 3, 1), Some(8));
        assert_eq!(offset_of(src, 9, 1), None);
    }
}
