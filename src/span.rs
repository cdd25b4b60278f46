//! Byte ranges into a source text, and the only place where they become line:column.
//!
//! Every stage of privlint refers to text by [`Span`] (a half-open byte range into
//! `Source::text`). Only renderers turn spans into human positions, through [`LineIndex`].
//! Line ends are normalised to `\n` when a source is read, so a line number here is the
//! line number an editor shows for the original file (CRLF and CR count as one break).

use serde::Serialize;

/// A half-open byte range `start..end` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// A human position: 1-based line, 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for offset → line:column lookups.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// When a line is longer than [`LONG_LINE`] bytes: per chunk of [`COLUMN_CHUNK`] bytes,
    /// the characters of the text before it (see [`chars_in`]); else empty. A column far
    /// into a long line (a minified HTML page is one line of hundreds of kilobytes) is then
    /// counted from the chunk before it, not from the line's start: counting from the start
    /// for every finding was 2% of checking a corpus.
    chars_before_chunk: Vec<usize>,
}

/// The bytes per chunk of [`LineIndex::chars_before_chunk`]: a column is counted over at
/// most twice as many bytes.
const COLUMN_CHUNK: usize = 512;

/// The length of line from which a text gets [`LineIndex::chars_before_chunk`]: a column
/// of a shorter line is counted from its start (a paragraph of a Markdown file is a line
/// of a few hundred bytes, and its text is then not counted twice).
const LONG_LINE: usize = 4096;

/// The characters in `bytes`, counted as the bytes that do not continue a character: for
/// a slice of UTF-8 that starts and ends at character boundaries that is its number of
/// characters, and for any prefix of a text the characters that start in it.
fn chars_in(bytes: &[u8]) -> usize {
    // eight bytes at a time: a byte continues a character when its top bits are 0b10, so
    // it starts one when bit 7 is clear or bit 6 set
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    let starts = |word: &[u8]| {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        ((!w >> 7 | w >> 6) & LOW_BITS).count_ones() as usize
    };
    words.map(starts).sum::<usize>() + rest.iter().filter(|b| (**b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Index a text whose line ends are `\n` (as `Source::text` always is).
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let line_ends = line_starts.iter().skip(1).copied().chain([text.len()]);
        let long_line = (line_starts.iter().zip(line_ends)).any(|(s, e)| e - s > LONG_LINE);
        let mut chars_before_chunk = Vec::new();
        if long_line {
            let mut before = 0;
            for chunk in text.as_bytes().chunks(COLUMN_CHUNK) {
                chars_before_chunk.push(before);
                before += chars_in(chunk);
            }
        }
        LineIndex {
            line_starts,
            len: text.len(),
            chars_before_chunk,
        }
    }

    /// The characters that start before byte `offset` of `text`, from the chunk table.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / COLUMN_CHUNK;
        self.chars_before_chunk[chunk] + chars_in(&text.as_bytes()[chunk * COLUMN_CHUNK..offset])
    }

    /// Number of lines (a final line without `\n` counts; an empty text has one line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line holding byte `offset` (clamped to the text).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.len)
    }

    /// Line and column of byte `offset` in `text` (the text this index was built from).
    /// An offset inside a multi-byte character is moved back to that character's start.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let start = self.line_start(line);
        let column = if offset - start > COLUMN_CHUNK && !self.chars_before_chunk.is_empty() {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        } else {
            text[start..offset].chars().count() + 1
        };
        LineCol { line, column }
    }

    /// 1-based first and last line of a span (an empty span sits on one line).
    pub fn lines(&self, span: Span) -> (usize, usize) {
        let first = self.line(span.start);
        let last = if span.end > span.start {
            self.line(span.end - 1)
        } else {
            first
        };
        (first, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_far_into_a_long_line_counts_characters_as_on_a_short_one() {
        // lines of several chunks, with two- and three-byte characters across chunk ends
        let mut text = String::from("kort\n");
        for i in 0..3000 {
            text.push_str(["a", "é", "€", " "][i % 4]);
        }
        text.push('\n');
        text.push_str(&"ë€x".repeat(2000));
        let idx = LineIndex::new(&text);
        assert!(!idx.chars_before_chunk.is_empty());
        let mut line = 1;
        let mut column = 1;
        for (at, c) in text.char_indices() {
            assert_eq!(idx.line_col(&text, at), LineCol { line, column }, "{at}");
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        assert_eq!(idx.line_col(&text, text.len()), LineCol { line, column });
        for text in ["", "a", "é", "aé€x🙂", "0123456789abcdé€", "ééééééééé"] {
            assert_eq!(chars_in(text.as_bytes()), text.chars().count(), "{text}");
        }
        // short lines have no chunk table
        assert!(LineIndex::new("a\nb").chars_before_chunk.is_empty());
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "één\ntwee drie\n\nvier";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        // "één" is 5 bytes; the newline is at byte 5.
        assert_eq!(idx.line_col(text, 4), LineCol { line: 1, column: 3 });
        assert_eq!(idx.line_col(text, 6), LineCol { line: 2, column: 1 });
        assert_eq!(idx.line_col(text, 11), LineCol { line: 2, column: 6 });
        assert_eq!(idx.line_col(text, 16), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(text, 17), LineCol { line: 4, column: 1 });
        assert_eq!(idx.line_col(text, 999), LineCol { line: 4, column: 5 });
    }

    #[test]
    fn offset_inside_a_character_snaps_back() {
        let text = "aé";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 2), LineCol { line: 1, column: 2 });
    }

    #[test]
    fn span_lines() {
        let text = "a\nbb\nccc\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.lines(Span::new(2, 8)), (2, 3));
        assert_eq!(idx.lines(Span::new(2, 5)), (2, 2));
        assert_eq!(idx.lines(Span::new(5, 5)), (3, 3));
    }
}
