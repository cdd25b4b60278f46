//! Markdown → blocks, via pulldown-cmark with source offsets: ATX and setext headings,
//! paragraphs that are one short bold run (used as headings by some statements), nested
//! list items, table cells, links (text and target), code blocks, raw HTML blocks (tags
//! stripped; an HTML table read by the HTML parser, so its cells keep their rows and
//! columns), and YAML/TOML front matter kept as metadata (`title`, `date`, `lang`…).

use super::{Block, BlockKind, CellPos, Link, Parsed, Segment, Source, new_block};
use crate::span::Span;
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// A block being built from events.
struct Open {
    kind: BlockKind,
    level: u8,
    text: String,
    segments: Vec<Segment>,
    links: Vec<Link>,
    cell: Option<CellPos>,
    start: usize,
    end: usize,
    /// Bytes of text written inside `**strong**` / `__strong__`.
    strong_bytes: usize,
}

impl Open {
    fn new(kind: BlockKind, level: u8, start: usize) -> Open {
        Open {
            kind,
            level,
            text: String::new(),
            segments: Vec::new(),
            links: Vec::new(),
            cell: None,
            start,
            end: start,
            strong_bytes: 0,
        }
    }

    fn push_text(&mut self, text: &str, at: usize, strong: bool) {
        if text.is_empty() {
            return;
        }
        self.segments.push(Segment {
            text_start: self.text.len(),
            source_start: at,
        });
        self.text.push_str(text);
        if strong {
            self.strong_bytes += text.trim().len();
        }
    }

    fn push_break(&mut self, hard: bool) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(if hard { '\n' } else { ' ' });
        }
    }
}

struct Builder<'a> {
    source: &'a str,
    blocks: Vec<Block>,
    open: Option<Open>,
    list_depth: u8,
    item_depth: u8,
    strong: u32,
    last_heading_level: u8,
    links: Vec<(String, usize)>,
    table: Option<usize>,
    tables: usize,
    row: usize,
    column: usize,
    in_head: bool,
}

impl Builder<'_> {
    fn start(&mut self, kind: BlockKind, level: u8, at: usize) {
        self.flush();
        self.open = Some(Open::new(kind, level, at));
    }

    /// Text goes to the open block, or opens a paragraph (loose text in an item, say).
    fn block(&mut self, at: usize) -> &mut Open {
        if self.open.is_none() {
            let (kind, level) = if self.item_depth > 0 {
                (BlockKind::ListItem, self.list_depth)
            } else {
                (BlockKind::Paragraph, 0)
            };
            self.open = Some(Open::new(kind, level, at));
        }
        self.open.as_mut().expect("just opened")
    }

    fn flush(&mut self) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        let lead = open.text.len() - open.text.trim_start().len();
        let text = open.text.trim().to_string();
        if text.is_empty() {
            return;
        }
        // Shift text offsets for the trimmed lead.
        let mut segments: Vec<Segment> = open
            .segments
            .iter()
            .filter(|s| s.text_start + 1 > lead || s.text_start == 0)
            .map(|s| Segment {
                text_start: s.text_start.saturating_sub(lead),
                source_start: s.source_start + lead.saturating_sub(s.text_start),
            })
            .collect();
        if segments.first().is_none_or(|s| s.text_start != 0) {
            segments.insert(
                0,
                Segment {
                    text_start: 0,
                    source_start: open.start,
                },
            );
        }
        segments.dedup_by_key(|s| s.text_start);
        for l in &mut open.links {
            l.range = (
                l.range.0.saturating_sub(lead).min(text.len()),
                l.range.1.saturating_sub(lead).min(text.len()),
            );
        }
        // A short paragraph that is one bold run reads as a heading.
        let mut kind = open.kind;
        let mut level = open.level;
        if kind == BlockKind::Paragraph && is_bold_label(open.strong_bytes, &text) {
            kind = BlockKind::Heading;
            level = (self.last_heading_level + 1).clamp(2, 6);
        }
        if kind == BlockKind::Heading && open.kind == BlockKind::Heading {
            self.last_heading_level = level;
        }
        let end = open.end.max(open.start).min(self.source.len());
        let mut block = new_block(kind, level, text, Span::new(open.start, end));
        block.segments = segments;
        block.links = open.links;
        block.cell = open.cell;
        self.blocks.push(block);
    }

    fn extend(&mut self, range: &Range<usize>) {
        if let Some(o) = self.open.as_mut() {
            o.start = o.start.min(range.start);
            o.end = o.end.max(range.end);
        }
    }

    /// A link to `href` starts here (a Markdown link, or an inline `<a href>`).
    fn open_link(&mut self, href: String, at: usize) {
        let start = self.block(at).text.len();
        self.links.push((href, start));
    }

    /// The innermost open link ends here: its text is what the block gained since it opened.
    fn close_link(&mut self) {
        if let Some((href, start)) = self.links.pop()
            && let Some(o) = self.open.as_mut()
        {
            let end = o.text.len();
            let start = start.min(end);
            let text = o.text[start..end].trim().to_string();
            o.links.push(Link {
                text,
                href,
                range: (start, end),
            });
        }
    }
}

/// Whether a paragraph's text, `strong_bytes` of which are bold, is one short bold run: a
/// label that reads as a heading ("**Fraud checks**").
fn is_bold_label(strong_bytes: usize, text: &str) -> bool {
    strong_bytes * 10 >= text.len() * 9
        && text.chars().count() <= 120
        && !text.trim_end().ends_with(['.', ';', ','])
}

/// The `href` of an inline HTML start tag `<a …>`, quoted or not (`None` for other tags and
/// for an anchor without one).
fn anchor_href(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let rest = lower.strip_prefix("<a")?;
    if !rest.starts_with(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    // the attribute itself, not "href" inside another attribute's name or value
    // (`data-href`, `class="href-x"`)
    let value = (rest.match_indices("href"))
        .filter(|(at, _)| rest[..*at].ends_with(|c: char| c.is_ascii_whitespace()))
        .find_map(|(at, _)| rest[at + 4..].trim_start().strip_prefix('='))?
        .trim_start();
    // the value's place in the original tag, to keep its case
    let from = tag.len() - value.len();
    let value = &tag[from..];
    let href = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value
            .split(|c: char| c.is_ascii_whitespace() || c == '>')
            .next()?,
    };
    (!href.is_empty()).then(|| href.to_string())
}

/// The `<table` tags of a source in order, each with where its matching `</table` starts
/// (`None` when it is never closed): one pass over the text, so that many tables, closed or
/// not, cost no more than one.
fn table_tags(text: &str) -> Vec<(usize, Option<usize>)> {
    let bytes = text.as_bytes();
    let tag_at = |at: usize, tag: &[u8]| {
        (bytes.get(at..at + tag.len())).is_some_and(|b| b.eq_ignore_ascii_case(tag))
    };
    let (mut tags, mut open) = (Vec::new(), Vec::new());
    for at in memchr::memchr_iter(b'<', bytes) {
        if tag_at(at, b"<table") {
            open.push(tags.len());
            tags.push((at, None));
        } else if tag_at(at, b"</table")
            && let Some(i) = open.pop()
        {
            tags[i].1 = Some(at);
        }
    }
    tags
}

/// Where an HTML table that starts in the raw HTML block at `block` ends: after the line
/// of its closing tag, which may lie in a later block when blank lines split the markup
/// (each run of `<tr>` lines is then a block of its own). `None` when the block holds no
/// table; the block's end when the table is never closed. `tags` are the source's
/// [`table_tags`].
fn html_table_end(
    text: &str,
    block: Range<usize>,
    tags: &[(usize, Option<usize>)],
) -> Option<usize> {
    let first = tags.partition_point(|(at, _)| *at < block.start);
    let &(open, close) = tags.get(first)?;
    if open >= block.end {
        return None;
    }
    Some(close.map_or(block.end, |at| {
        let line_end = text[at..].find('\n').map_or(text.len(), |e| at + e + 1);
        line_end.max(block.end)
    }))
}

/// Reads the HTML table (and whatever else the fragment holds) at `range` of the source
/// with the HTML parser, and adds its blocks: each cell with its row and column (numbered
/// after the document's Markdown tables so far), placed where it stands in the file.
fn html_table(source: &Source, range: Range<usize>, b: &mut Builder) {
    let fragment = Source::from_text(
        &source.path,
        &source.text[range.clone()],
        Some(super::Format::Html),
    );
    let parsed = super::html::parse(&fragment);
    let first_table = b.tables;
    for mut block in parsed.blocks {
        block.span = Span::new(block.span.start + range.start, block.span.end + range.start);
        for segment in &mut block.segments {
            segment.source_start += range.start;
        }
        if let Some(cell) = block.cell.as_mut() {
            cell.table += first_table;
            b.tables = b.tables.max(cell.table + 1);
        }
        b.blocks.push(block);
    }
}

/// Visible text of an HTML fragment embedded in Markdown, one piece per block-level
/// element, with its byte offset in the fragment.
fn html_pieces(html: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut current_start = 0;
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let end = html[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
            let tag = html[i..end].to_ascii_lowercase();
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let breaks = matches!(
                name.as_str(),
                "p" | "div"
                    | "br"
                    | "li"
                    | "tr"
                    | "td"
                    | "th"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "table"
                    | "ul"
                    | "ol"
                    | "section"
                    | "dd"
                    | "dt"
            );
            if breaks && !current.trim().is_empty() {
                out.push((current_start, decode_entities(current.trim())));
                current.clear();
            }
            i = end;
            continue;
        }
        if current.trim().is_empty() {
            current.clear();
            current_start = i;
        }
        let ch = html[i..].chars().next().unwrap_or(' ');
        current.push(if ch.is_whitespace() { ' ' } else { ch });
        i += ch.len_utf8();
    }
    if !current.trim().is_empty() {
        out.push((current_start, decode_entities(current.trim())));
    }
    out
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "’")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `key: value` lines of YAML or TOML front matter (`key = "value"`).
fn front_matter(text: &str, parsed: &mut Parsed) {
    // a title nested in a mapping (a Jekyll theme's `header: {title: …}`), for want of one
    // at the top level
    let mut nested_title = None;
    for line in text.lines() {
        if line.starts_with([' ', '\t']) && nested_title.is_none() {
            nested_title = (line.trim_start().strip_prefix("title:"))
                .map(|v| v.trim().trim_matches(['"', '\'']).trim())
                .filter(|v| !v.is_empty());
        }
        if line.starts_with([' ', '\t', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':').or_else(|| line.split_once('=')) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let key = match key.as_str() {
            "title" => "title",
            "date" | "last_modified_at" | "updated" | "last_updated" | "modified" => "date",
            "lang" | "language" | "locale" => "lang",
            "description" => "description",
            _ => continue,
        };
        parsed
            .metadata
            .entry(key.to_string())
            .or_insert_with(|| value.to_string());
    }
    if let Some(title) = nested_title {
        (parsed.metadata)
            .entry("title".to_string())
            .or_insert_with(|| title.to_string());
    }
}

pub(crate) fn parse(source: &Source) -> Parsed {
    let text = source.text.as_str();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut parsed = Parsed::default();
    let mut b = Builder {
        source: text,
        blocks: Vec::new(),
        open: None,
        list_depth: 0,
        item_depth: 0,
        strong: 0,
        last_heading_level: 0,
        links: Vec::new(),
        table: None,
        tables: 0,
        row: 0,
        column: 0,
        in_head: false,
    };
    let mut metadata: Option<MetadataBlockKind> = None;
    let mut in_code = false;
    // the end of an HTML table read as HTML: events before it were read with it
    let mut read_to = 0;
    // the source's `<table` tags, found when the first raw HTML block comes
    let mut source_tables: Option<Vec<(usize, Option<usize>)>> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if range.start < read_to {
            continue;
        }
        match event {
            Event::Start(Tag::HtmlBlock) => {
                let tags = source_tables.get_or_insert_with(|| table_tags(text));
                if let Some(end) = html_table_end(text, range.clone(), tags) {
                    b.flush();
                    html_table(source, range.start..end, &mut b);
                    read_to = end;
                }
            }
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    let level = level as u8;
                    b.start(BlockKind::Heading, level, range.start);
                    b.last_heading_level = level;
                    b.extend(&range);
                }
                Tag::Paragraph => {
                    let continues_item = b
                        .open
                        .as_ref()
                        .is_some_and(|o| o.kind == BlockKind::ListItem && o.text.trim().is_empty());
                    if !continues_item && b.item_depth == 0 {
                        b.start(BlockKind::Paragraph, 0, range.start);
                    } else if !continues_item {
                        // A second paragraph inside a list item: its own item-level block.
                        let depth = b.list_depth;
                        b.start(BlockKind::ListItem, depth, range.start);
                    }
                }
                Tag::List(_) => {
                    b.flush();
                    b.list_depth = b.list_depth.saturating_add(1);
                }
                Tag::Item => {
                    b.item_depth = b.item_depth.saturating_add(1);
                    let depth = b.list_depth.max(1);
                    b.start(BlockKind::ListItem, depth, range.start);
                }
                Tag::Table(_) => {
                    b.flush();
                    b.table = Some(b.tables);
                    b.tables += 1;
                    b.row = 0;
                }
                Tag::TableHead => {
                    b.in_head = true;
                    b.column = 0;
                }
                Tag::TableRow => {
                    b.column = 0;
                }
                Tag::TableCell => {
                    b.start(BlockKind::TableCell, 0, range.start);
                    b.extend(&range);
                    let cell = b.table.map(|table| CellPos {
                        table,
                        row: b.row,
                        column: b.column,
                        header: b.in_head,
                    });
                    if let Some(o) = b.open.as_mut() {
                        o.cell = cell;
                    }
                }
                Tag::CodeBlock(_) => {
                    b.start(BlockKind::Preformatted, 0, range.start);
                    b.extend(&range);
                    in_code = true;
                }
                Tag::Strong => b.strong += 1,
                Tag::Link { dest_url, .. } => b.open_link(dest_url.to_string(), range.start),
                Tag::MetadataBlock(kind) => metadata = Some(kind),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::TableCell => {
                    if matches!(tag, TagEnd::CodeBlock) {
                        in_code = false;
                    }
                    if matches!(tag, TagEnd::TableCell) {
                        b.column += 1;
                    }
                    b.flush();
                }
                TagEnd::Item => {
                    b.flush();
                    b.item_depth = b.item_depth.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    b.flush();
                    b.list_depth = b.list_depth.saturating_sub(1);
                }
                TagEnd::TableHead => {
                    b.in_head = false;
                    b.row += 1;
                }
                TagEnd::TableRow => b.row += 1,
                TagEnd::Table => {
                    b.flush();
                    b.table = None;
                }
                TagEnd::Strong => b.strong = b.strong.saturating_sub(1),
                TagEnd::Link => b.close_link(),
                TagEnd::MetadataBlock(_) => metadata = None,
                _ => {}
            },
            Event::Text(t) => {
                if metadata.is_some() {
                    front_matter(&t, &mut parsed);
                    continue;
                }
                let strong = b.strong > 0;
                let open = b.block(range.start);
                open.push_text(&t, range.start, strong);
                b.extend(&range);
                if in_code {
                    continue;
                }
            }
            Event::Code(t) => {
                let strong = b.strong > 0;
                // Inline code: the text sits one backtick in.
                let at = (range.start + 1).min(range.end);
                b.block(range.start).push_text(&t, at, strong);
                b.extend(&range);
            }
            Event::SoftBreak => b.block(range.start).push_break(false),
            Event::HardBreak => {
                // A bold run-in title ending in a hard break ("**Fraud checks**" and two
                // spaces, then the text on the next line) is the heading of the lines
                // under it, as a bold paragraph of its own is: each such title starts a
                // section (round-10 U1).
                let run_in_title = b.item_depth == 0
                    && b.strong == 0
                    && (b.open.as_ref()).is_some_and(|o| {
                        o.kind == BlockKind::Paragraph
                            && o.cell.is_none()
                            && !o.text.trim().is_empty()
                            && is_bold_label(o.strong_bytes, o.text.trim())
                    });
                if run_in_title {
                    b.flush();
                } else {
                    b.block(range.start).push_break(true);
                }
            }
            Event::Html(html) => {
                // A block of raw HTML: its visible text, one block per element.
                b.flush();
                for (offset, piece) in html_pieces(&html) {
                    let at = range.start + offset;
                    let mut block = new_block(
                        BlockKind::Paragraph,
                        0,
                        piece,
                        Span::new(at, range.end.max(at)),
                    );
                    block.segments = vec![Segment {
                        text_start: 0,
                        source_start: at,
                    }];
                    b.blocks.push(block);
                }
            }
            Event::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => {
                b.block(range.start).push_break(true);
            }
            // a link written as HTML inside Markdown text: `<a href="…">the text</a>`
            Event::InlineHtml(html) => {
                if let Some(href) = anchor_href(&html) {
                    b.open_link(href, range.start);
                } else if html.to_ascii_lowercase().starts_with("</a>") {
                    b.close_link();
                }
            }
            Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
            _ => {}
        }
    }
    b.flush();
    promote_title_lines(&mut b.blocks, text);
    parsed.blocks = b.blocks;
    parsed
}

/// Whether the source line holding `offset` starts with a list marker.
fn starts_with_marker(text: &str, offset: usize) -> bool {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].trim_start();
    line.starts_with(['*', '-', '+'])
        || line.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
        })
}

/// Some renderings lose heading markup (captures of statements as Markdown): a short
/// one-line paragraph without closing punctuation, followed by body text, is a heading a
/// reader sees. It becomes one level below the previous heading.
fn promote_title_lines(blocks: &mut [Block], text: &str) {
    let mut level = 1u8;
    for i in 0..blocks.len() {
        if blocks[i].kind == BlockKind::Heading {
            level = blocks[i].level;
            continue;
        }
        let b = &blocks[i];
        let t = b.text.as_str();
        // the cheap tests first: most blocks are longer than a title, and are not read whole
        let one_line = || {
            !text[b.span.start..b.span.end.min(text.len())]
                .trim()
                .contains('\n')
        };
        let title_like = matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && t.chars().nth(70).is_none()
            && (1..=8).contains(&t.split_whitespace().count())
            && !t.contains([':', '|', '[', '('])
            && !t.ends_with(['.', ',', ';', '!', '?'])
            && t.chars().next().is_some_and(char::is_uppercase)
            && b.links.is_empty()
            && one_line();
        let body_follows = title_like
            && blocks.get(i + 1).is_some_and(|n| {
                let long = n.text.chars().nth(59).is_some();
                match (b.kind, n.kind) {
                    (BlockKind::Paragraph, BlockKind::Paragraph | BlockKind::ListItem) => long,
                    // An accordion rendered as a list: the item's title line, then its body as
                    // a continuation paragraph of the same item (no list marker of its own).
                    (BlockKind::ListItem, BlockKind::ListItem) => {
                        long && n.level == b.level && !starts_with_marker(text, n.span.start)
                    }
                    _ => false,
                }
            });
        if title_like && body_follows {
            let new_level = (level + 1).clamp(2, 6);
            blocks[i].kind = BlockKind::Heading;
            blocks[i].level = new_level;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Format;

    fn blocks(text: &str) -> Vec<Block> {
        parse(&Source::from_text("t.md", text, Some(Format::Markdown))).blocks
    }

    #[test]
    fn a_title_nested_in_the_front_matter_is_the_title_when_none_is_at_the_top() {
        let title = |text: &str| {
            let parsed = parse(&Source::from_text("t.md", text, Some(Format::Markdown)));
            parsed.metadata.get("title").cloned()
        };
        let nested =
            "---\nlayout: page\nheader:\n  image: h.png\n  title: Privacy Policy\n---\n\nText.\n";
        assert_eq!(title(nested).as_deref(), Some("Privacy Policy"));
        let both = "---\nheader:\n  title: Nested\ntitle: Top\n---\n\nText.\n";
        assert_eq!(title(both).as_deref(), Some("Top"));
    }

    #[test]
    fn an_html_anchor_inside_markdown_text_is_a_link() {
        let b = blocks(
            "Contact our DPO via the <a href=\"https://example.org/DPO\" target=_blank>ministry's site</a>.\n\n\
             An <a href='/x'>other</a> one, an <abbr title=\"x\">abbr</abbr>, <a name=top>no href</a>.\n\n\
             A <a class=\"href-x\" data-href=\"/no\" href=\"/yes\">third</a>.\n",
        );
        let links = |i: usize| -> Vec<(&str, &str)> {
            (b[i].links.iter())
                .map(|l| (l.href.as_str(), l.text.as_str()))
                .collect()
        };
        assert_eq!(
            links(0),
            vec![("https://example.org/DPO", "ministry's site")]
        );
        assert_eq!(b[0].text, "Contact our DPO via the ministry's site.");
        assert_eq!(links(1), vec![("/x", "other")]);
        assert_eq!(links(2), vec![("/yes", "third")]);
    }

    #[test]
    fn an_in_page_table_of_contents_is_navigation_and_a_link_in_a_sentence_is_not() {
        let b = blocks(
            "* [1. Who we are](#who)\n* [2. Your rights](#rights) | [3. Contact](#contact)\n\
             * Read [your rights](#rights) before you ask.\n* [Our cookie page](/cookies)\n",
        );
        let navigation: Vec<bool> = b.iter().map(Block::is_in_page_navigation).collect();
        assert_eq!(navigation, vec![true, true, false, false]);
    }

    #[test]
    fn headings_lists_tables_links_and_front_matter() {
        let text = "---\ntitle: Privacy\ndate: 2024-04-17\n---\n\nTitle\n=====\n\n## Retention\n\nWe keep [invoices](https://example.com/i) for 7 years.\n\n* one\n  * nested\n* two\n\n| Purpose | Basis |\n|---|---|\n| Billing | Contract |\n\n**Section B: Rights**\n\n**Last Updated:** April 17, 2024\n";
        let source = Source::from_text("t.md", text, Some(Format::Markdown));
        let parsed = parse(&source);
        assert_eq!(
            parsed.metadata.get("title").map(String::as_str),
            Some("Privacy")
        );
        assert_eq!(
            parsed.metadata.get("date").map(String::as_str),
            Some("2024-04-17")
        );
        let b = parsed.blocks;
        let kinds: Vec<(BlockKind, u8, &str)> = b
            .iter()
            .map(|b| (b.kind, b.level, b.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, 1, "Title"),
                (BlockKind::Heading, 2, "Retention"),
                (BlockKind::Paragraph, 0, "We keep invoices for 7 years."),
                (BlockKind::ListItem, 1, "one"),
                (BlockKind::ListItem, 2, "nested"),
                (BlockKind::ListItem, 1, "two"),
                (BlockKind::TableCell, 0, "Purpose"),
                (BlockKind::TableCell, 0, "Basis"),
                (BlockKind::TableCell, 0, "Billing"),
                (BlockKind::TableCell, 0, "Contract"),
                (BlockKind::Heading, 3, "Section B: Rights"),
                (BlockKind::Paragraph, 0, "Last Updated: April 17, 2024"),
            ]
        );
        let para = &b[2];
        assert_eq!(para.links[0].href, "https://example.com/i");
        assert_eq!(para.links[0].text, "invoices");
        // "7 years" maps back to its place in the source.
        let at = para.text.find("7 years").unwrap();
        let src = para.source_offset(at);
        assert_eq!(&source.text[src..src + 7], "7 years");
        let lc = source.line_index.line_col(&source.text, src);
        assert_eq!((lc.line, lc.column), (11, 47));
        assert!(
            b[8].cell
                .is_some_and(|c| c.row == 1 && c.column == 0 && !c.header)
        );
        assert!(b[6].cell.is_some_and(|c| c.header));
    }

    #[test]
    fn html_tables_inside_markdown_keep_their_text() {
        let b = blocks("Intro.\n\n<table><tr><td>Data</td><td>Kept 30 days</td></tr></table>\n");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Intro.", "Data", "Kept 30 days"]);
    }

    #[test]
    fn an_html_table_inside_markdown_keeps_its_rows_and_columns_across_blank_lines() {
        let text = "| A | B |\n|---|---|\n| a | b |\n\n<table>\n<tr><th>Purpose</th><th>Basis</th></tr>\n\n<tr><td>Billing</td>\n<td>Contract</td></tr>\n\n</table>\n\nAfter the table.\n";
        let source = Source::from_text("t.md", text, Some(Format::Markdown));
        let b = parse(&source).blocks;
        type Cell = (usize, usize, usize, bool);
        let cells: Vec<(&str, Option<Cell>)> = (b.iter())
            .map(|b| {
                let cell = b.cell.map(|c| (c.table, c.row, c.column, c.header));
                (b.text.as_str(), cell)
            })
            .collect();
        assert_eq!(
            cells[4..],
            [
                ("Purpose", Some((1, 0, 0, true))),
                ("Basis", Some((1, 0, 1, true))),
                ("Billing", Some((1, 1, 0, false))),
                ("Contract", Some((1, 1, 1, false))),
                ("After the table.", None),
            ]
        );
        // each cell is placed on its own line of the file
        let lines: Vec<usize> = (b[4..].iter())
            .map(|b| source.line_index.line_col(&source.text, b.span.start).line)
            .collect();
        assert_eq!(lines, vec![6, 6, 8, 9, 13]);
        assert_eq!(&text[b[7].span.start..b[7].span.start + 8], "Contract");
    }
}
