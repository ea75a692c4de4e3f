//! Byte offset → 1-based line and column (in characters).
//!
//! The parser asks for positions in increasing offset order, so the locator
//! keeps a cursor and only scans the bytes between two requests: one linear
//! pass over the file in total, even for files written on a single line.
//! Out-of-order requests fall back to a scan from the start of the line.

use crate::model::Position;

pub(crate) struct Locator<'s> {
    src: &'s [u8],
    /// Cursor: byte offset, its line and the offset where that line starts,
    /// and its column.
    offset: usize,
    line: u32,
    line_start: usize,
    column: u32,
}

impl<'s> Locator<'s> {
    pub fn new(src: &'s str) -> Self {
        Locator {
            src: src.as_bytes(),
            offset: 0,
            line: 1,
            line_start: 0,
            column: 1,
        }
    }

    /// The position of byte `offset` (clamped to the text's length).
    pub fn at(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.src.len());
        if offset < self.offset {
            self.rewind(offset);
        }
        let bytes = &self.src[self.offset..offset];
        match bytes.iter().rposition(|&b| b == b'\n') {
            Some(last_nl) => {
                let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
                self.line = self.line.saturating_add(newlines as u32);
                self.line_start = self.offset + last_nl + 1;
                self.column = 1 + chars(&self.src[self.line_start..offset]);
            }
            None => self.column = self.column.saturating_add(chars(bytes)),
        }
        self.offset = offset;
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// Restart the cursor from the beginning of the text.
    fn rewind(&mut self, _to: usize) {
        self.offset = 0;
        self.line = 1;
        self.line_start = 0;
        self.column = 1;
    }
}

/// Number of characters in UTF-8 bytes (counting lead bytes only).
fn chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32
}

/// Line and column of one offset without a cursor (for one-off diagnostics).
pub(crate) fn position_of(src: &str, offset: usize) -> Position {
    Locator::new(src).at(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncé\n\nxyz";
        let mut l = Locator::new(src);
        assert_eq!(l.at(0), Position { line: 1, column: 1 });
        assert_eq!(l.at(1), Position { line: 1, column: 2 });
        assert_eq!(l.at(3), Position { line: 2, column: 1 });
        // 'é' is two bytes: the offset after it is column 3.
        assert_eq!(l.at(6), Position { line: 2, column: 3 });
        assert_eq!(l.at(8), Position { line: 4, column: 1 });
        assert_eq!(l.at(10), Position { line: 4, column: 3 });
        // Out of order.
        assert_eq!(l.at(4), Position { line: 2, column: 2 });
        assert_eq!(position_of(src, 99), Position { line: 4, column: 4 });
    }
}
