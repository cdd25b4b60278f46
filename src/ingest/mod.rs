//! Turns bytes into a [`Document`]: decoding, format detection, and parsing of Markdown,
//! HTML and plain text into sections and blocks with byte spans and a language each.
//!
//! Ingest knows nothing about privacy. Its one promise is faithfulness: every block's
//! [`Span`] points at the place in the file where a reader sees that text, and the block's
//! `text` is what a reader sees (markup removed, entities decoded, whitespace folded).
//! Narrow positions inside a block (a sentence, a phrase) map back to the file through
//! [`Block::source_offset`].

mod html;
mod html_tokens;
mod markdown;
mod source;
mod text;

pub use source::{DEFAULT_MAX_FILE_SIZE, Format, IngestError, Source, parse_size};

use crate::lang::{self, Lang};
use crate::span::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// What kind of reading unit a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    /// Code or preformatted text.
    Preformatted,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list-item",
            BlockKind::TableCell => "table-cell",
            BlockKind::Preformatted => "preformatted",
        }
    }
}

/// Where a table cell sits: which table of the document, row and column (0-based), and
/// whether it is a header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CellPos {
    pub table: usize,
    pub row: usize,
    pub column: usize,
    pub header: bool,
}

/// A hyperlink inside a block: its visible text and target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub text: String,
    pub href: String,
    /// Byte range of the link text inside [`Block::text`].
    pub range: (usize, usize),
}

/// A run of block text that came from one contiguous place in the source: text offset
/// `text_start` corresponds to source offset `source_start`. Used to map positions inside a
/// block back to the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text_start: usize,
    pub source_start: usize,
}

/// One reading unit: a heading, paragraph, list item, table cell or preformatted block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Heading level (1–6) for headings, nesting depth (1 = top level) for list items, 0 otherwise.
    pub level: u8,
    /// The visible text: markup removed, entities decoded, runs of whitespace folded to
    /// one space (line breaks inside a block that a reader sees, such as `<br>`, become `\n`).
    pub text: String,
    /// Where the block sits in `Source::text`.
    pub span: Span,
    pub lang: Lang,
    /// Index into [`Document::sections`] of the section the block belongs to.
    pub section: usize,
    pub links: Vec<Link>,
    /// For table cells: the cell's position.
    pub cell: Option<CellPos>,
    /// Text offset → source offset anchors, sorted by `text_start`; the first starts at 0.
    pub segments: Vec<Segment>,
}

impl Block {
    /// Source offset for a byte offset inside `self.text` (best effort: exact within a
    /// segment copied verbatim from the source, approximate where entities were decoded).
    pub fn source_offset(&self, text_offset: usize) -> usize {
        let seg = match self
            .segments
            .binary_search_by(|s| s.text_start.cmp(&text_offset))
        {
            Ok(i) => self.segments[i],
            Err(0) => return self.span.start,
            Err(i) => self.segments[i - 1],
        };
        (seg.source_start + (text_offset - seg.text_start)).clamp(self.span.start, self.span.end)
    }

    /// Source span of a byte range inside `self.text`.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let s = self.source_offset(start);
        let e = self.source_offset(end).max(s);
        Span::new(s, e)
    }

    /// Whether the block is an entry of an in-page table of contents: a list item or
    /// paragraph whose text is only links to places in the same page (`#…`), with at most
    /// numbering or separators around them. It repeats a heading; it discloses nothing.
    pub fn is_in_page_navigation(&self) -> bool {
        if !matches!(self.kind, BlockKind::ListItem | BlockKind::Paragraph)
            || self.links.is_empty()
            || !self
                .links
                .iter()
                .all(|l| l.href.starts_with('#') && l.href.len() > 1)
        {
            return false;
        }
        let mut rest = 0;
        let mut outside = |from: usize, to: usize| {
            let gap = self.text.get(from..to).unwrap_or("");
            rest += gap
                .chars()
                // a `match`, not a search of a string of these characters for each one: that
                // took 1 to 1.7 million instructions for the Netflix statement, by where the
                // linker put the string (the search reads an unaligned start byte by byte)
                .filter(|c| {
                    !(c.is_whitespace()
                        || c.is_ascii_digit()
                        || matches!(
                            c,
                            '.' | '-' | '–' | '—' | '|' | '•' | '·' | ':' | '(' | ')' | '[' | ']'
                        ))
                })
                .count();
        };
        let mut at = 0;
        for link in &self.links {
            outside(at, link.range.0);
            at = at.max(link.range.1);
        }
        outside(at, self.text.len());
        rest == 0
    }
}

/// A section: a heading and the blocks up to the next heading of the same or a higher level.
/// Section 0 is the preamble before the first heading (its `heading` is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Index into [`Document::blocks`] of the heading block.
    pub heading: Option<usize>,
    /// Heading level (0 for the preamble).
    pub level: u8,
    pub title: String,
    pub parent: Option<usize>,
    /// Index range of the blocks in this section itself (the heading included), not of
    /// its subsections.
    pub blocks: (usize, usize),
}

/// A parsed document: the source it came from, its sections and blocks.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    /// The document's main language.
    pub lang: Lang,
    /// Front matter or `<head>` metadata: `title`, `date`, `lang`, `description`…
    pub metadata: BTreeMap<String, String>,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// Titles of the section and its ancestors, outermost first.
    pub fn heading_path(&self, section: usize) -> Vec<&str> {
        let mut path = Vec::new();
        let mut cur = Some(section);
        while let Some(i) = cur {
            let s = &self.sections[i];
            if s.heading.is_some() {
                path.push(s.title.as_str());
            }
            cur = s.parent;
        }
        path.reverse();
        path
    }

    /// The blocks of a section and of all its subsections, as an index range.
    pub fn section_extent(&self, section: usize) -> (usize, usize) {
        let s = &self.sections[section];
        let mut end = s.blocks.1;
        for later in &self.sections[section + 1..] {
            if later.level <= s.level && s.level > 0 {
                break;
            }
            if s.level == 0 {
                break;
            }
            end = later.blocks.1;
        }
        (s.blocks.0, end)
    }

    /// 1-based first and last line of a block.
    pub fn block_lines(&self, block: &Block) -> (usize, usize) {
        self.source.line_index.lines(block.span)
    }
}

/// Parse a source into a document, by its format.
pub fn parse(source: Source) -> Document {
    let parsed = match source.format {
        Format::Markdown => markdown::parse(&source),
        Format::Html => html::parse(&source),
        Format::Text => text::parse(&source),
    };
    assemble(source, parsed)
}

/// What a format parser hands back: blocks in reading order (sections and languages not
/// yet assigned) plus metadata.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub blocks: Vec<Block>,
    pub metadata: BTreeMap<String, String>,
}

/// A block as a format parser produces it; `assemble` fills in section and language.
pub(crate) fn new_block(kind: BlockKind, level: u8, text: String, span: Span) -> Block {
    Block {
        kind,
        level,
        text,
        span,
        lang: Lang::Other,
        section: 0,
        links: Vec::new(),
        cell: None,
        segments: vec![Segment {
            text_start: 0,
            source_start: span.start,
        }],
    }
}

/// Build sections from headings and assign languages: the document language from all its
/// text (or declared metadata when the text cannot tell), each block's from its own text
/// with the document language as the fallback for short blocks.
fn assemble(source: Source, parsed: Parsed) -> Document {
    let Parsed {
        mut blocks,
        metadata,
    } = parsed;
    blocks.retain(|b| !b.text.trim().is_empty());

    // Sections.
    let mut sections = vec![Section {
        heading: None,
        level: 0,
        title: String::new(),
        parent: None,
        blocks: (0, 0),
    }];
    let mut stack: Vec<usize> = vec![0];
    for (i, block) in blocks.iter_mut().enumerate() {
        if block.kind == BlockKind::Heading {
            let level = block.level.max(1);
            while let Some(&top) = stack.last() {
                if top != 0 && sections[top].level >= level {
                    stack.pop();
                } else {
                    break;
                }
            }
            let parent = stack.last().copied();
            let idx = sections.len();
            if let Some(last) = sections.last_mut() {
                last.blocks.1 = i;
            }
            sections.push(Section {
                heading: Some(i),
                level,
                title: block.text.clone(),
                parent,
                blocks: (i, i),
            });
            stack.push(idx);
        }
        block.section = sections.len() - 1;
    }
    if let Some(last) = sections.last_mut() {
        last.blocks.1 = blocks.len();
    }

    // Languages: each block's, and the document's from its first 400 blocks of prose, each
    // block read once
    let guesses: Vec<_> = (blocks.iter())
        .map(|b| lang::guess_counted(&b.text))
        .collect();
    let sample = (blocks.iter().zip(&guesses))
        .filter(|(b, _)| b.kind != BlockKind::Preformatted)
        .map(|(b, (counts, _))| (*counts, b.text.as_str()))
        .take(400);
    let declared = metadata.get("lang").and_then(|l| Lang::from_code(l));
    let doc_lang = lang::guess_joined(sample)
        .map(|g| g.lang)
        .or(declared)
        .unwrap_or(Lang::Other);
    for (block, (_, guess)) in blocks.iter_mut().zip(guesses) {
        block.lang = guess.map_or(doc_lang, |g| g.lang);
    }

    Document {
        source,
        lang: doc_lang,
        metadata,
        sections,
        blocks,
    }
}
