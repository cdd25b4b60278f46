//! HTML ingest: turns a page capture or an HTML fragment into blocks (headings, paragraphs,
//! list items, table cells, preformatted text) that carry the main text a reader sees, with
//! byte spans into the HTML source.
//!
//! The DOM comes from scraper (html5ever), which keeps no positions. Positions come from a
//! small span-aware scan of the raw source ([`SourceText`]): the text between tags with
//! entities decoded, and anchors from every decoded byte back to the source byte it came
//! from. The DOM's text nodes are then aligned to that decoded text in document order
//! ([`align`]); html5ever's error recovery (foster parenting, ignored tags) is handled by
//! searching nearby instead of assuming order. Page noise (scripts, styles, navigation,
//! menus, cookie banners, hidden elements) is dropped; footers and address blocks, which
//! often name the controller, are kept. This module knows nothing about privacy.

use super::html_tokens::parse_document;
use super::{Block, BlockKind, CellPos, Link, Parsed, Segment, Source, new_block};
use crate::span::Span;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by DOM node. A node id is a small index: one multiplication hashes it (the
/// maps are only looked up, never iterated, so their order does not matter).
type NodeMap<V> = HashMap<NodeId, V, BuildHasherDefault<NodeIdHasher>>;

/// The hasher of [`NodeMap`] (the multiplier of FxHash).
#[derive(Default)]
struct NodeIdHasher(u64);

impl Hasher for NodeIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// Parse an HTML source (full page or fragment) into blocks and `<head>` metadata.
pub(crate) fn parse(source: &Source) -> Parsed {
    parse_walking(source, true)
}

/// [`parse`], appending verbatim runs of words whole or (`whole_words` false, for a test) one
/// character at a time.
fn parse_walking(source: &Source, whole_words: bool) -> Parsed {
    let (flat, markup) = limit_nesting(&source.text);
    let (html, raw_content) = parse_without_raw_content(&flat, &markup);
    let text = SourceText::scan(&flat, &markup);
    let placements = align(&html, &text);
    let metadata = metadata(&html, &raw_content);
    let counts = text_counts(&html);
    let root = html.tree.root();
    let body = root
        .descendants()
        .find(|n| element_name(*n) == Some("body"))
        .unwrap_or(root);
    let total = counts.get(&body.id()).copied().unwrap_or(0);
    let mut walker = Walker {
        text: &text,
        placements: &placements,
        counts: &counts,
        raw_content: &raw_content,
        total,
        blocks: Vec::new(),
        buf: Buf::default(),
        generation: 0,
        loose: Loose::paragraph(),
        heading_level: 0,
        list_depth: 0,
        flatten: 0,
        preformatted: 0,
        strong: 0,
        tables: 0,
        table: None,
        main: None,
        in_furniture: 0,
        whole_words,
    };
    walker.main = main_content(body, &counts, total, &walker);
    walker.walk_children(body, 0, walker.main.is_none());
    walker.flush();
    Parsed {
        blocks: walker.blocks,
        metadata,
    }
}

// ---------------------------------------------------------------------------------------
// The nesting limit.

/// How deep elements may nest before their tags are ignored. html5ever checks element
/// scopes by walking its stack of open elements, so the parse time grows with depth ×
/// elements (100,000 nested `<div>`s took 25 s); browsers cap depth too (Blink at 512).
pub(crate) const MAX_NESTING: usize = 512;

/// End tags are matched against at most this many open elements from the top of the stack;
/// an end tag matching nothing there is a stray and ignored (as html5ever ignores it).
const END_TAG_SEARCH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag is implied by the next start tag of the same kind.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp",
];

/// Elements that stop an implied end: a new `li` inside a nested list nests.
const SCOPE_BOUNDARY: &[&str] = &[
    "ul", "ol", "dl", "menu", "table", "tbody", "thead", "tfoot", "select", "datalist", "button",
    "object", "applet", "marquee", "template", "caption", "html", "body",
];

/// The source with the tags of elements nested deeper than [`MAX_NESTING`] (and their end
/// tags) overwritten by spaces: same length, so every byte offset stays valid, and the text
/// inside is kept, joined to the element at the limit. Depth is estimated from the tags
/// (void elements, self-closing tags, implied ends of `p`, `li`, `td`… and raw-text
/// elements understood), erring on the deep side. Borrowed unchanged when under the limit.
///
/// With it, the [`markup`] of the source it returns, found on the way (every tag is read
/// once, not once to limit the nesting and again to scan the text).
pub(crate) fn limit_nesting(src: &str) -> (std::borrow::Cow<'_, str>, Vec<Markup>) {
    let bytes = src.as_bytes();
    let mut markup: Vec<Markup> = Vec::new();
    // (name as written, blanked) of the open elements; names compare ignoring ASCII case
    let mut open: Vec<(&[u8], bool)> = Vec::new();
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some((start, end)) = next_markup(src, i) {
        i = start;
        markup.push((i, end));
        let closing = bytes.get(i + 1) == Some(&b'/');
        let name_start = if closing { i + 2 } else { i + 1 };
        let name_len = (bytes[name_start.min(end)..end].iter())
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        let name = &bytes[name_start..name_start + name_len];
        if name.is_empty() {
            i = end;
            continue;
        }
        let is = |n: &[u8], other: &str| n.eq_ignore_ascii_case(other.as_bytes());
        if closing {
            let search = open.len().saturating_sub(END_TAG_SEARCH);
            if let Some(at) =
                (open[search..].iter()).rposition(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                let at = search + at;
                if open[at].1 {
                    blank.push((i, end));
                }
                open.truncate(at);
            }
            i = end;
            continue;
        }
        if let Some(raw) = raw_text_start_tag(src, i, end) {
            i = raw_text_end(src, end, raw);
            if let Some(last) = markup.last_mut() {
                last.1 = i;
            }
            continue;
        }
        let self_closing = src[..end].ends_with("/>");
        if VOID.iter().any(|v| is(name, v)) || self_closing {
            i = end;
            continue;
        }
        if IMPLIED_END.iter().any(|v| is(name, v)) {
            // The open element of the same name near the top closes, unless a list, table
            // or other scope boundary lies between (then the new one nests).
            let search = open.len().saturating_sub(8);
            for at in (search..open.len()).rev() {
                if open[at].0.eq_ignore_ascii_case(name) {
                    open.truncate(at);
                    break;
                }
                if SCOPE_BOUNDARY.iter().any(|b| is(open[at].0, b)) {
                    break;
                }
            }
        }
        let deep = open.len() >= MAX_NESTING;
        if deep {
            blank.push((i, end));
        }
        open.push((name, deep));
        i = end;
    }
    if blank.is_empty() {
        return (std::borrow::Cow::Borrowed(src), markup);
    }
    let mut out = bytes.to_vec();
    for (start, end) in blank {
        out[start..end].fill(b' ');
    }
    // Whole tags (from `<` to after `>`) became ASCII spaces: still UTF-8.
    let flat = String::from_utf8(out).unwrap_or_else(|_| src.to_string());
    let markup = self::markup(&flat);
    (std::borrow::Cow::Owned(flat), markup)
}

/// The first markup at or after byte `from`: the `<` that opens it and the end of its tag
/// (see [`markup_end`]). A `<` that opens no markup is text and is passed over.
fn next_markup(src: &str, mut from: usize) -> Option<(usize, usize)> {
    while let Some(off) = (src.as_bytes().get(from..)).and_then(|s| memchr::memchr(b'<', s)) {
        let at = from + off;
        match markup_end(src, at) {
            Some(end) => return Some((at, end)),
            None => from = at + 1,
        }
    }
    None
}

/// A stretch of markup in the source: from its `<` to where the text resumes (after the tag,
/// or for a raw-text element such as a script, at its end tag). See [`markup`].
type Markup = (usize, usize);

/// The markup of a source, in order: every `<` that opens markup (a tag, end tag, comment,
/// doctype or processing instruction) to the end of it, or of the raw-text element it
/// opens; the text between is what [`SourceText::scan`] reads.
fn markup(src: &str) -> Vec<Markup> {
    let mut markup = Vec::new();
    let mut i = 0;
    while let Some((start, end)) = next_markup(src, i) {
        let resume =
            raw_text_start_tag(src, start, end).map_or(end, |raw| raw_text_end(src, end, raw));
        markup.push((start, resume));
        i = resume;
    }
    markup
}

// ---------------------------------------------------------------------------------------
// Scripts and styles.

/// The content of the scripts and styles the parser was given empty, by element.
type RawContent<'s> = NodeMap<&'s str>;

/// The DOM of `src`, parsed with the content of its scripts and styles left out (their
/// elements kept, empty), and that content by element. A script or style is raw text to the
/// parser, which reads it one character after another into a text node that nothing but a
/// few text tests ([`node_text`], [`is_link_menu`]) reads, and that scripts and styles are
/// half of a page capture. The content is left out only where the parser ends it where
/// [`raw_text_end`] does: outside `svg` and `math` (where a script is no raw text), and
/// in a script without `<!--` (which can hide an end tag). The DOM's scripts and styles
/// are then checked against the source's, in order (each left empty is an HTML element
/// without children); if they differ, the whole source is parsed.
fn parse_without_raw_content<'s>(src: &'s str, markup: &[Markup]) -> (Html, RawContent<'s>) {
    let bytes = src.as_bytes();
    // (is a script, content left out) of each script and style start tag, in order
    let mut raw: Vec<(bool, Option<(usize, usize)>)> = Vec::new();
    let mut fed = String::new();
    let mut copied = 0;
    let mut foreign = 0usize;
    for &(start, resume) in markup {
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = (bytes[name_start.min(resume)..resume].iter())
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &bytes[name_start..name_start + name_len];
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        if is("svg") || is("math") {
            if closing {
                foreign = foreign.saturating_sub(1);
            } else if !src[..resume].ends_with("/>") {
                foreign += 1;
            }
            continue;
        }
        let script = is("script");
        if closing || !(script || is("style")) {
            continue;
        }
        let content = markup_end(src, start)
            .filter(|&end| end < resume && resume < src.len() && foreign == 0)
            .filter(|&end| !script || memchr::memmem::find(&bytes[end..resume], b"<!--").is_none());
        if let Some(end) = content {
            fed.push_str(&src[copied..end]);
            copied = resume;
        }
        raw.push((script, content.map(|end| (end, resume))));
    }
    if copied == 0 {
        return (parse_document(src), RawContent::default());
    }
    fed.push_str(&src[copied..]);
    let html = parse_document(&fed);
    drop(fed);
    let mut raw_content = RawContent::default();
    let mut expected = raw.iter();
    for node in html.tree.root().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let script = match el.name() {
            "script" => true,
            "style" => false,
            _ => continue,
        };
        let as_expected = match expected.next() {
            Some((s, None)) => *s == script,
            Some((s, Some((start, end)))) => {
                let fits = *s == script
                    && el.name.ns == html5ever::ns!(html)
                    && node.first_child().is_none();
                if fits {
                    raw_content.insert(node.id(), &src[*start..*end]);
                }
                fits
            }
            None => false,
        };
        if !as_expected {
            return (parse_document(src), RawContent::default());
        }
    }
    if expected.next().is_some() {
        return (parse_document(src), RawContent::default());
    }
    (html, raw_content)
}

// ---------------------------------------------------------------------------------------
// The span-aware scan of the source.

/// Elements whose content the scan skips: raw text (script, style…), escapable raw text
/// that a reader never sees as page text (title, textarea), and legacy raw-text elements.
/// The alignment skips DOM text under the same elements, so both sides agree.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
];

/// Where a run of decoded text came from.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    /// Offset in [`SourceText::decoded`].
    decoded: usize,
    /// Offset in the source.
    source: usize,
    /// End in the source of an entity (for verbatim runs, unused).
    source_end: usize,
    /// True when the run was copied byte for byte; false for a decoded entity.
    verbatim: bool,
}

/// The text content of the source between tags (comments and raw-text elements left out),
/// entities decoded, with anchors back to source offsets.
struct SourceText {
    decoded: String,
    anchors: Vec<Anchor>,
    /// The anchor the last lookup found: text is walked in order, so the next lookup is
    /// nearly always in it or the next one.
    last_anchor: std::cell::Cell<usize>,
}

impl SourceText {
    /// The text of `src` between its [`markup`].
    fn scan(src: &str, markup: &[Markup]) -> SourceText {
        let mut out = SourceText {
            decoded: String::with_capacity(src.len() / 2),
            anchors: Vec::new(),
            last_anchor: std::cell::Cell::new(0),
        };
        let mut text = 0;
        for &(start, resume) in markup.iter().chain([&(src.len(), src.len())]) {
            out.push_text(src, text, start);
            text = resume;
        }
        out
    }

    /// The text from `start` to `end`: verbatim runs, and character references decoded.
    fn push_text(&mut self, src: &str, start: usize, end: usize) {
        let bytes = &src.as_bytes()[..end];
        // start of the pending verbatim run
        let mut run = start;
        let mut i = start;
        while let Some(off) = bytes.get(i..).and_then(|s| memchr::memchr(b'&', s)) {
            i += off;
            if let Some((decoded, len)) = decode_entity(&src[i..]) {
                self.push_verbatim(src, run, i);
                self.anchors.push(Anchor {
                    decoded: self.decoded.len(),
                    source: i,
                    source_end: i + len,
                    verbatim: false,
                });
                self.decoded.push_str(&decoded);
                i += len;
                run = i;
            } else {
                i += 1;
            }
        }
        self.push_verbatim(src, run, end);
    }

    fn push_verbatim(&mut self, src: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let Some(piece) = src.get(start..end) else {
            return;
        };
        self.anchors.push(Anchor {
            decoded: self.decoded.len(),
            source: start,
            source_end: end,
            verbatim: true,
        });
        self.decoded.push_str(piece);
    }

    /// The last anchor at or before decoded offset `pos`.
    fn anchor(&self, pos: usize) -> Option<&Anchor> {
        let starts_at = |i: usize| self.anchors.get(i).map(|a| a.decoded);
        // the anchor of the last lookup, or the one after it, when `pos` falls in it
        for i in [self.last_anchor.get(), self.last_anchor.get() + 1] {
            if starts_at(i).is_some_and(|d| d <= pos) && starts_at(i + 1).is_none_or(|d| d > pos) {
                self.last_anchor.set(i);
                return Some(&self.anchors[i]);
            }
        }
        let i = self.anchors.partition_point(|a| a.decoded <= pos);
        let found = i.checked_sub(1)?;
        self.last_anchor.set(found);
        Some(&self.anchors[found])
    }

    /// Source offset of decoded offset `pos`.
    fn source_start(&self, pos: usize) -> usize {
        match self.anchor(pos) {
            Some(a) if a.verbatim => (a.source + (pos - a.decoded)).min(a.source_end),
            Some(a) => a.source,
            None => 0,
        }
    }

    /// Source offset just after the character of length `len` at decoded offset `pos`.
    fn source_end(&self, pos: usize, len: usize) -> usize {
        match self.anchor(pos) {
            Some(a) if a.verbatim => (a.source + (pos - a.decoded) + len).min(a.source_end),
            Some(a) => a.source_end,
            None => 0,
        }
    }
}

/// If a `<` at `i` opens markup (a tag, end tag, comment, doctype or processing
/// instruction), the offset just after it; `None` when the `<` is text.
fn markup_end(src: &str, i: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let next = *bytes.get(i + 1)?;
    if src[i..].starts_with("<!--") {
        // `<!-->` and `<!--->` close at once; otherwise the next `-->` (or the end).
        let body = i + 4;
        for short in ["<!-->", "<!--->"] {
            if src[i..].starts_with(short) {
                return Some(i + short.len());
            }
        }
        return Some(src[body..].find("-->").map_or(src.len(), |e| body + e + 3));
    }
    if next == b'!' || next == b'?' {
        if src[i..].starts_with("<![CDATA[") {
            return Some(src[i..].find("]]>").map_or(src.len(), |e| i + e + 3));
        }
        return Some(src[i..].find('>').map_or(src.len(), |e| i + e + 1));
    }
    let name_start = if next == b'/' { i + 2 } else { i + 1 };
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        if next == b'/' && bytes.get(name_start) == Some(&b'>') {
            return Some(name_start + 1);
        }
        return None;
    }
    // A tag runs to the first `>` outside quoted attribute values. A quote in the name
    // (up to the first space or `/`) opens none.
    let mut j = name_start;
    while let Some(&b) = bytes.get(j) {
        j += 1;
        match b {
            b'>' => return Some(j),
            b'/' => break,
            _ if b.is_ascii_whitespace() => break,
            _ => {}
        }
    }
    // then from one `>` or quote to the next, a quoted value skipped whole
    while let Some(off) = memchr::memchr3(b'>', b'"', b'\'', &bytes[j.min(bytes.len())..]) {
        let at = j + off;
        let b = bytes[at];
        if b == b'>' {
            return Some(at + 1);
        }
        j = at + 1;
        if after_equals(bytes, at) {
            match memchr::memchr(b, &bytes[j..]) {
                Some(close) => j += close + 1,
                None => return Some(bytes.len()),
            }
        }
    }
    Some(bytes.len())
}

/// True when the quote at `j` follows `=` (optionally with spaces): an attribute value.
fn after_equals(bytes: &[u8], j: usize) -> bool {
    let mut k = j;
    while k > 0 {
        k -= 1;
        match bytes[k] {
            b' ' | b'\t' | b'\n' | b'\x0c' => continue,
            b'=' => return true,
            _ => return false,
        }
    }
    false
}

/// The name of a raw-text element if the markup `src[start..end]` is its start tag.
fn raw_text_start_tag(src: &str, start: usize, end: usize) -> Option<&'static str> {
    let tag = src.get(start + 1..end)?.as_bytes();
    let name_len = tag.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = &tag[..name_len];
    (RAW_TEXT.iter().copied()).find(|r| r.as_bytes().eq_ignore_ascii_case(name))
}

/// Offset of the `</name` that closes a raw-text element opened before `from` (or the end).
fn raw_text_end(src: &str, from: usize, name: &str) -> usize {
    if name == "plaintext" {
        return src.len();
    }
    if !src.is_char_boundary(from) {
        return src.len();
    }
    let bytes = src.as_bytes();
    let mut i = from;
    // each "</" in turn (a script holds many; memchr finds the '<' of each fast)
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + off;
        if bytes.get(at + 1) != Some(&b'/') {
            i = at + 1;
            continue;
        }
        let after = at + 2;
        if bytes.len() >= after + name.len()
            && bytes[after..after + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after + name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            return at;
        }
        i = after;
    }
    src.len()
}

/// How many hexadecimal (`hex`) or decimal digits `bytes` starts with: the number of a
/// numeric character reference after its `&#` or `&#x`.
pub(super) fn reference_digits(bytes: &[u8], hex: bool) -> usize {
    (bytes.iter())
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count()
}

/// Decode a character reference at the start of `s` (which starts with `&`): the decoded
/// text and the number of source bytes it used, as html5ever does in text content.
fn decode_entity(s: &str) -> Option<(String, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let digits = reference_digits(&bytes[digits_start..], hex);
        if digits == 0 {
            return None;
        }
        let radix = if hex { 16 } else { 10 };
        let value = s[digits_start..digits_start + digits]
            .chars()
            .filter_map(|c| c.to_digit(radix))
            .fold(0u32, |v, d| {
                v.saturating_mul(radix).saturating_add(d).min(0x110000)
            });
        let mut len = digits_start + digits;
        if bytes.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((numeric_char(value).to_string(), len));
    }
    // Named: the longest name in the table that the text starts with.
    let name_len = bytes[1..]
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let with_semicolon = bytes.get(1 + name_len) == Some(&b';');
    let candidates = (1..=name_len).rev().map(|n| (n, false));
    let full = with_semicolon.then_some((name_len, true));
    for (n, semi) in full.into_iter().chain(candidates) {
        let key = if semi {
            &s[1..name_len + 2]
        } else {
            &s[1..1 + n]
        };
        if let Some(&(a, b)) = html5ever::data::NAMED_ENTITIES.get(key) {
            if a == 0 {
                continue;
            }
            let mut text = String::new();
            text.extend(char::from_u32(a));
            if b != 0 {
                text.extend(char::from_u32(b));
            }
            return Some((text, 1 + key.len()));
        }
    }
    None
}

/// A numeric character reference's character, with the HTML replacements (C1 controls
/// read as windows-1252, invalid values as U+FFFD).
fn numeric_char(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        if let Some(Some(c)) = html5ever::data::C1_REPLACEMENTS.get((value - 0x80) as usize) {
            return *c;
        }
    }
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

// ---------------------------------------------------------------------------------------
// Aligning the DOM's text nodes to the scanned source text.

/// Where a DOM text node sits: the decoded offset of its first non-space character, and
/// the number of leading whitespace bytes the node has before it.
#[derive(Debug, Clone, Copy)]
struct Placement {
    decoded: usize,
    lead: usize,
}

/// How far ahead (and back) to look for a text node html5ever moved or merged.
const SEARCH_WINDOW: usize = 256 * 1024;

fn align(html: &Html, text: &SourceText) -> NodeMap<Placement> {
    let hay = text.decoded.as_str();
    let mut placements = NodeMap::default();
    let mut cursor = 0usize;
    for node in html.tree.root().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        if node
            .parent()
            .and_then(element_name)
            .is_some_and(|p| RAW_TEXT.contains(&p))
        {
            continue;
        }
        let content: &str = t;
        let trimmed = content.trim_start();
        let lead = content.len() - trimmed.len();
        let needle = trimmed.trim_end();
        if needle.is_empty() {
            continue;
        }
        let at = skip_whitespace(hay, cursor);
        if hay.get(at..).is_some_and(|h| h.starts_with(needle)) {
            placements.insert(node.id(), Placement { decoded: at, lead });
            cursor = at + needle.len();
            continue;
        }
        // Not where expected: look for the start of the text nearby, ahead then back.
        let probe = char_prefix(needle, 64);
        let ahead_end = floor_boundary(hay, cursor.saturating_add(SEARCH_WINDOW));
        if let Some(found) = hay
            .get(cursor..ahead_end)
            .and_then(|h| h.find(probe))
            .map(|f| cursor + f)
        {
            placements.insert(
                node.id(),
                Placement {
                    decoded: found,
                    lead,
                },
            );
            cursor = floor_boundary(hay, found + needle.len());
            continue;
        }
        let back_start = floor_boundary(hay, cursor.saturating_sub(SEARCH_WINDOW));
        if probe.len() >= 4 {
            if let Some(found) = hay
                .get(back_start..cursor)
                .and_then(|h| h.rfind(probe))
                .map(|f| back_start + f)
            {
                // Moved earlier by error recovery (foster parenting): place it, keep the cursor.
                placements.insert(
                    node.id(),
                    Placement {
                        decoded: found,
                        lead,
                    },
                );
                continue;
            }
        }
        // Unknown: put it at the cursor, which is on the right line more often than not.
        placements.insert(
            node.id(),
            Placement {
                decoded: at.min(hay.len()),
                lead,
            },
        );
    }
    placements
}

fn skip_whitespace(s: &str, from: usize) -> usize {
    let from = floor_boundary(s, from);
    s[from..]
        .find(|c: char| !c.is_whitespace())
        .map_or(s.len(), |o| from + o)
}

fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first `max` bytes of `s`, cut at a character boundary.
fn char_prefix(s: &str, max: usize) -> &str {
    &s[..floor_boundary(s, max)]
}

// ---------------------------------------------------------------------------------------
// Metadata and text statistics.

fn element_name<'a>(node: NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|e| e.name())
}

fn metadata(html: &Html, raw_content: &RawContent<'_>) -> BTreeMap<String, String> {
    let mut meta = BTreeMap::new();
    for node in html.tree.root().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        match el.name() {
            "html" => {
                if let Some(lang) = el.attribute("lang").or_else(|| el.attribute("xml:lang")) {
                    let lang = lang.trim();
                    if !lang.is_empty() {
                        meta.entry("lang".to_string())
                            .or_insert_with(|| lang.to_string());
                    }
                }
            }
            "title" if node.ancestors().any(|a| element_name(a) == Some("head")) => {
                let title = fold_whitespace(&node_text(node, raw_content));
                if !title.is_empty() {
                    meta.entry("title".to_string()).or_insert(title);
                }
            }
            "meta" => {
                let key = el
                    .attribute("name")
                    .or_else(|| el.attribute("property"))
                    .or_else(|| el.attribute("itemprop"))
                    .or_else(|| el.attribute("http-equiv"))
                    .map(|k| k.trim().to_ascii_lowercase());
                let Some(key) = key else { continue };
                let Some(content) = el
                    .attribute("content")
                    .map(|c| fold_whitespace(&strip_tags(c)))
                else {
                    continue;
                };
                if content.is_empty() {
                    continue;
                }
                let field = match key.as_str() {
                    "description" => "description",
                    "og:description" | "twitter:description" => "og-description",
                    "article:modified_time"
                    | "og:updated_time"
                    | "last-modified"
                    | "dcterms.modified"
                    | "dc.date.modified"
                    | "datemodified"
                    | "revised" => "modified",
                    "article:published_time" | "dcterms.created" | "datepublished" => "published",
                    "content-language" | "language" | "dc.language" => "content-language",
                    _ => continue,
                };
                meta.entry(field.to_string()).or_insert(content);
            }
            _ => {}
        }
    }
    if !meta.contains_key("description") {
        if let Some(d) = meta.get("og-description").cloned() {
            meta.insert("description".into(), d);
        }
    }
    meta.remove("og-description");
    if !meta.contains_key("lang") {
        if let Some(l) = meta.get("content-language").cloned() {
            meta.insert("lang".into(), l);
        }
    }
    meta.remove("content-language");
    meta
}

/// The text under `node`, the content of scripts and styles included.
fn node_text(node: NodeRef<'_, Node>, raw_content: &RawContent<'_>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        match d.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => out.push_str(raw_content.get(&d.id()).copied().unwrap_or("")),
            _ => {}
        }
    }
    out
}

/// Text with `<…>` tags removed (some sites put HTML into `<meta content>`).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of `s` that are not white space (as `char::is_whitespace` says), read byte
/// by byte: a character starts at each byte that does not continue one, and only the lead
/// bytes of the white space beyond ASCII (`C2` for U+0085 and U+00A0, `E1` for U+1680, `E2`
/// for U+2000 to U+205F, `E3` for U+3000) need the character decoded. Decoding every
/// character took some twenty instructions each; one table read a byte adds up both counts.
fn visible_chars(s: &str) -> usize {
    let bytes = s.as_bytes();
    let counts: u64 = bytes.iter().map(|&b| VISIBLE_BYTES[usize::from(b)]).sum();
    let (visible, maybe_space) = ((counts & 0xFFFF_FFFF) as usize, counts >> 32);
    if maybe_space == 0 {
        return visible;
    }
    let spaces = (bytes.iter().enumerate())
        .filter(|(_, b)| VISIBLE_BYTES[usize::from(**b)] >> 32 != 0)
        .filter(|(i, _)| s[*i..].chars().next().is_some_and(char::is_whitespace))
        .count();
    visible - spaces
}

/// Per byte, what [`visible_chars`] adds: 1 for a byte that starts a character other than
/// ASCII white space, and 1 << 32 more for the lead bytes of white space beyond ASCII.
static VISIBLE_BYTES: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' | 0x80..=0xBF => 0,
            0xC2 | 0xE1..=0xE3 => 1 | 1 << 32,
            _ => 1,
        };
        b += 1;
    }
    table
};

/// Visible-text size (non-space characters) of every node, outside raw-text elements.
fn text_counts(html: &Html) -> NodeMap<usize> {
    let nodes: Vec<NodeRef<'_, Node>> = html.tree.root().descendants().collect();
    let mut counts: NodeMap<usize> =
        NodeMap::with_capacity_and_hasher(nodes.len(), Default::default());
    // the count of an element that is 0 whatever its children hold
    let uncounted = |e: &scraper::node::Element| RAW_TEXT.contains(&e.name()) || e.name() == "head";
    // Pre-order reversed visits every node after all of its descendants.
    for node in nodes.iter().rev() {
        let own = match node.value() {
            // the text of a script or style (a third of a page capture) is not read: its
            // parent counts 0, and only elements' counts are looked up
            Node::Text(_)
                if node
                    .parent()
                    .and_then(|p| p.value().as_element())
                    .is_some_and(uncounted) =>
            {
                0
            }
            Node::Text(t) => visible_chars(t),
            Node::Element(e) if uncounted(e) => {
                counts.insert(node.id(), 0);
                continue;
            }
            _ => 0,
        };
        let children: usize = node
            .children()
            .map(|c| counts.get(&c.id()).copied().unwrap_or(0))
            .sum();
        counts.insert(node.id(), own + children);
    }
    counts
}

// ---------------------------------------------------------------------------------------
// Noise and main content.

/// An attribute's value by name, looked up by comparing names: scraper's own `attr` interns
/// the name it is given first, which costs more than the lookup (a tenth of the walk).
trait AttributeLookup {
    fn attribute(&self, name: &str) -> Option<&str>;
}

impl AttributeLookup for scraper::node::Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        (self.attrs.iter())
            .find(|(key, _)| key.prefix.is_none() && key.ns.is_empty() && &*key.local == name)
            .map(|(_, value)| &**value)
    }
}

/// Elements never shown as page text, or never part of a statement's text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "datalist", "option", "optgroup", "textarea", "input", "head", "title",
    "meta", "link", "base", "audio", "video", "source", "track", "map", "area", "xmp", "noembed",
    "noframes", "img", "picture",
];

/// An element's class and id split into lower-case words (`navBar-top` → nav, bar, top),
/// joined by single spaces (see [`words_of`]). Words are runs of ASCII letters and digits,
/// so the split goes byte by byte (a byte of a multi-byte character separates words, as the
/// character does).
fn class_words(el: &scraper::node::Element) -> String {
    let (class, id) = (el.attribute("class"), el.attribute("id"));
    let mut joined =
        String::with_capacity(2 * (class.map_or(0, str::len) + id.map_or(0, str::len)));
    for value in [class, id].into_iter().flatten() {
        // bytes of the word being written, and whether the last one was lower case or a digit
        let mut word = 0;
        let mut prev_lower = false;
        for &b in value.as_bytes() {
            if !b.is_ascii_alphanumeric() {
                word = 0;
                prev_lower = false;
                continue;
            }
            if b.is_ascii_uppercase() && prev_lower {
                word = 0;
            }
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            if word == 0 && !joined.is_empty() {
                joined.push(' ');
            }
            joined.push(char::from(b.to_ascii_lowercase()));
            word += 1;
        }
    }
    joined
}

/// Two-word phrases of [`class_words`] that mark text for screen readers only, or links that
/// skip to the content.
const HIDDEN_TEXT_PHRASES: &[(&str, &str)] = &[
    ("sr", "only"),
    ("visually", "hidden"),
    ("screen", "reader"),
    ("skip", "link"),
    ("skip", "to"),
];

/// True when `joined` contains one of [`HIDDEN_TEXT_PHRASES`], its two parts on either side
/// of one space (anywhere, not only at word boundaries): one pass over the spaces instead of
/// a substring search per phrase.
fn names_hidden_text(joined: &str) -> bool {
    let bytes = joined.as_bytes();
    memchr::memchr_iter(b' ', bytes).any(|at| {
        let (before, after) = (&bytes[..at], &bytes[at + 1..]);
        (HIDDEN_TEXT_PHRASES.iter())
            .any(|(l, r)| before.ends_with(l.as_bytes()) && after.starts_with(r.as_bytes()))
    })
}

/// The words of a [`class_words`] string.
fn words_of(joined: &str) -> impl Iterator<Item = &str> {
    joined.split(' ').filter(|w| !w.is_empty())
}

fn is_nav_word(w: &str) -> bool {
    matches!(
        w,
        "nav"
            | "navbar"
            | "navigation"
            | "navmenu"
            | "sidenav"
            | "subnav"
            | "topnav"
            | "menu"
            | "menubar"
            | "megamenu"
            | "submenu"
            | "breadcrumb"
            | "breadcrumbs"
            | "skiplink"
            | "skiplinks"
            | "hamburger"
    )
}

/// Consent-management vendors: their containers are always banners or preference dialogs.
/// [`CONSENT_VENDORS`] in one automaton: an element's class, id and label are looked up once.
static CONSENT_VENDOR_NAMES: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(CONSENT_VENDORS).expect("consent vendor names")
    });

const CONSENT_VENDORS: &[&str] = &[
    "onetrust",
    "optanon",
    "didomi",
    "cookiebot",
    "cybotcookiebot",
    "truste",
    "trustarc",
    "usercentrics",
    "qc-cmp",
    "osano",
    "iubenda",
    "axeptio",
    "tarteaucitron",
    "borlabs",
    "cmplz",
    "klaro",
    "termly",
    "cookieyes",
    "cky-consent",
    "cc-banner",
    "cc-window",
    "gdpr-banner",
    "cookie-law-info",
    "cookielawinfo",
];

const BANNER_WORDS: &[&str] = &[
    "banner",
    "bar",
    "notice",
    "popup",
    "modal",
    "dialog",
    "overlay",
    "wall",
    "message",
    "notification",
    "alert",
    "prompt",
    "toast",
    "consent",
];

const CONSENT_VERBS: &[&str] = &[
    "accept",
    "agree",
    "allow",
    "reject",
    "decline",
    "consent",
    "got it",
    "akkoord",
    "accepteer",
    "accepteren",
    "weiger",
    "toestaan",
    "toestemming",
];

impl Walker<'_> {
    fn count(&self, node: NodeRef<'_, Node>) -> usize {
        self.counts.get(&node.id()).copied().unwrap_or(0)
    }

    /// How much of an element's text (non-space characters) is inside links.
    fn link_text(&self, node: NodeRef<'_, Node>) -> usize {
        let mut inside = 0;
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if n.value().as_element().is_some_and(|e| e.name() == "a") {
                inside += self.count(n);
            } else {
                stack.extend(n.children());
            }
        }
        inside
    }

    /// True when the element is page furniture a reader does not read as the statement.
    fn is_noise(&self, node: NodeRef<'_, Node>) -> bool {
        let Some(el) = node.value().as_element() else {
            return false;
        };
        let name = el.name();
        if NEVER_TEXT.contains(&name) {
            return true;
        }
        if matches!(name, "footer" | "address") {
            return false;
        }
        let count = self.count(node);
        // Nothing heuristic may remove a large share of the page.
        if count * 10 > self.total * 3 {
            return false;
        }
        // Without attributes an element is page furniture only by its name (most paragraphs,
        // list items and links of a page have none).
        if el.attrs().next().is_none()
            && !matches!(name, "nav" | "menu" | "form" | "dialog" | "header")
        {
            return false;
        }
        let role = el
            .attribute("role")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        // Text the browser reveals when the reader searches for it (`hidden="until-found"`,
        // collapsed sections) is part of what the reader can read. Hidden tab panels are not
        // exempt: Bumble's repeat the summary the page's printable sections hold in full.
        let revealable =
            (el.attribute("hidden")).is_some_and(|v| v.trim().eq_ignore_ascii_case("until-found"));
        if !revealable
            && (el.attribute("hidden").is_some()
                || el
                    .attribute("aria-hidden")
                    .is_some_and(|v| v.trim() == "true"))
        {
            return true;
        }
        if !revealable && let Some(style) = el.attribute("style") {
            let style: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if style.contains("display:none") || style.contains("visibility:hidden") {
                return true;
            }
        }
        if matches!(name, "nav" | "menu" | "form") {
            return true;
        }
        if matches!(
            role.as_str(),
            "navigation"
                | "menu"
                | "menubar"
                | "search"
                | "banner"
                | "toolbar"
                | "tablist"
                | "combobox"
                | "listbox"
        ) {
            return true;
        }
        let joined = class_words(el);
        if words_of(&joined).any(|w| matches!(w, "sronly" | "skip")) {
            return true;
        }
        // A class that says navigation marks a menu when the element is mostly links; a
        // section of prose that a page's own table of contents jumps to (Bumble's
        // `navigation-block`) is the statement itself.
        if words_of(&joined).any(is_nav_word) && self.link_text(node) * 2 >= count {
            return true;
        }
        if names_hidden_text(&joined) {
            return true;
        }
        let (class, id, label) = (
            el.attribute("class"),
            el.attribute("id"),
            el.attribute("aria-label"),
        );
        let raw_ids = if class.is_none() && id.is_none() && label.is_none() {
            String::new()
        } else {
            let (class, id, label) = (class.unwrap_or(""), id.unwrap_or(""), label.unwrap_or(""));
            let mut raw = String::with_capacity(class.len() + id.len() + label.len() + 2);
            for (i, part) in [class, id, label].into_iter().enumerate() {
                if i > 0 {
                    raw.push(' ');
                }
                raw.push_str(part);
            }
            raw.make_ascii_lowercase();
            raw
        };
        if !raw_ids.is_empty() && CONSENT_VENDOR_NAMES.is_match(&raw_ids) {
            return true;
        }
        let dialog = matches!(role.as_str(), "dialog" | "alertdialog")
            || el
                .attribute("aria-modal")
                .is_some_and(|v| v.trim() == "true")
            || name == "dialog";
        let cookie_named = raw_ids.contains("cookie") || raw_ids.contains("consent");
        if (dialog || cookie_named) && count < 3000 {
            let banner_named = dialog || words_of(&joined).any(|w| BANNER_WORDS.contains(&w));
            if banner_named && cookie_named {
                return true;
            }
            if banner_named || dialog {
                let text = node_text(node, self.raw_content).to_lowercase();
                if text.contains("cookie") && CONSENT_VERBS.iter().any(|v| text.contains(v)) {
                    return true;
                }
            }
        }
        // The site header: a page-level header without the page's title in it.
        if name == "header"
            && !node
                .ancestors()
                .any(|a| matches!(element_name(a), Some("main" | "article" | "section" | "td")))
            && !node
                .descendants()
                .any(|d| matches!(element_name(d), Some("h1" | "h2")))
        {
            return true;
        }
        false
    }
}

/// The element holding the page's main text, when the page marks one (`main`, `article`,
/// `[role=main]`) and it holds most of the visible text.
fn main_content(
    body: NodeRef<'_, Node>,
    counts: &NodeMap<usize>,
    total: usize,
    walker: &Walker<'_>,
) -> Option<NodeId> {
    let mut best: Option<(usize, NodeId)> = None;
    for node in body.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let candidate = matches!(el.name(), "main" | "article")
            || el.attribute("role").is_some_and(|r| r.trim() == "main");
        if !candidate || node.ancestors().any(|a| walker.is_noise(a)) {
            continue;
        }
        let count = counts.get(&node.id()).copied().unwrap_or(0);
        if best.is_none_or(|(c, _)| count > c) {
            best = Some((count, node.id()));
        }
    }
    let (count, id) = best?;
    (count * 2 >= total && count > 0).then_some(id)
}

// ---------------------------------------------------------------------------------------
// Building blocks.

/// What loose text turns into where it appears.
#[derive(Debug, Clone, Copy)]
struct Loose {
    kind: BlockKind,
    level: u8,
    cell: Option<CellPos>,
}

impl Loose {
    fn paragraph() -> Loose {
        Loose {
            kind: BlockKind::Paragraph,
            level: 0,
            cell: None,
        }
    }
}

/// The block being filled.
#[derive(Debug, Default)]
struct Buf {
    text: String,
    segments: Vec<Segment>,
    links: Vec<Link>,
    /// Source span of the visible characters so far.
    span: Option<Span>,
    kind: Option<Loose>,
    /// A folded run of whitespace waiting for the next visible character, and its source.
    pending_space: Option<Option<usize>>,
    /// Non-space characters, and how many of them were inside `strong`/`b`.
    chars: usize,
    strong_chars: usize,
    /// Consecutive `<br>`s since the last visible character.
    breaks: usize,
}

/// The table being walked: its index and the current row and column.
#[derive(Debug, Clone, Copy)]
struct TableState {
    index: usize,
    row: Option<usize>,
    column: usize,
    in_head: bool,
}

struct Walker<'a> {
    text: &'a SourceText,
    placements: &'a NodeMap<Placement>,
    counts: &'a NodeMap<usize>,
    raw_content: &'a RawContent<'a>,
    total: usize,
    blocks: Vec<Block>,
    buf: Buf,
    /// Bumped on every flush, so a link can tell whether its block ended inside it.
    generation: usize,
    loose: Loose,
    /// Level of the last real heading, for headings made of bold paragraphs.
    heading_level: u8,
    list_depth: u8,
    /// Inside a heading or summary: block elements only separate words.
    flatten: usize,
    preformatted: usize,
    strong: usize,
    tables: usize,
    table: Option<TableState>,
    main: Option<NodeId>,
    /// Inside a footer or aside, where lists of links are site menus.
    in_furniture: usize,
    /// Whether a verbatim run of words is appended whole ([`Walker::push_verbatim_run`]).
    whole_words: bool,
}

/// Deeper than this, an element's text is taken as inline text (no stack overflow on
/// pathological nesting).
const MAX_DEPTH: usize = 300;

const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "address",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "center",
    "form",
    "fieldset",
    "legend",
    "details",
    "dl",
    "dt",
    "dd",
    "caption",
    "hgroup",
    "body",
    "html",
    "hr",
    "search",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
];

impl<'a> Walker<'a> {
    /// Walk the children of `node`. `inside_main` is false while looking for the main
    /// content outside it (only footers, address blocks and the page title are taken there).
    fn walk_children(&mut self, node: NodeRef<'a, Node>, depth: usize, inside_main: bool) {
        for child in node.children() {
            self.walk(child, depth + 1, inside_main);
        }
    }

    fn walk(&mut self, node: NodeRef<'a, Node>, depth: usize, inside_main: bool) {
        match node.value() {
            Node::Text(t) if inside_main => self.push_text(node.id(), t),
            Node::Element(el) => {
                if self.is_noise(node) {
                    return;
                }
                let name = el.name();
                if (self.in_furniture > 0 || name == "aside")
                    && is_link_menu(node, self.raw_content)
                {
                    return;
                }
                let furniture = matches!(name, "footer" | "aside")
                    || el
                        .attribute("role")
                        .is_some_and(|r| r.trim() == "contentinfo");
                if furniture {
                    self.in_furniture += 1;
                }
                self.walk_kept(node, el, depth, inside_main);
                if furniture {
                    self.in_furniture -= 1;
                }
            }
            _ => {}
        }
    }

    /// An element that is not noise: outside the main content only the main element,
    /// footers, address blocks and the page title are read; inside, everything.
    fn walk_kept(
        &mut self,
        node: NodeRef<'a, Node>,
        el: &scraper::node::Element,
        depth: usize,
        inside_main: bool,
    ) {
        let name = el.name();
        if !inside_main {
            if Some(node.id()) == self.main {
                self.flush();
                self.walk_children(node, depth, true);
                self.flush();
            } else if matches!(name, "footer" | "address" | "h1")
                || el
                    .attribute("role")
                    .is_some_and(|r| r.trim() == "contentinfo")
            {
                self.flush();
                self.walk_element(node, depth, true);
                self.flush();
            } else {
                self.walk_children(node, depth, false);
            }
            return;
        }
        if depth > MAX_DEPTH {
            self.push_deep_text(node);
            return;
        }
        self.walk_element(node, depth, true);
    }

    /// Text of a too-deeply nested subtree, collected without recursion.
    fn push_deep_text(&mut self, node: NodeRef<'a, Node>) {
        for d in node.descendants() {
            if let Node::Text(t) = d.value() {
                let hidden = d
                    .ancestors()
                    .take_while(|a| a.id() != node.id())
                    .any(|a| element_name(a).is_some_and(|n| NEVER_TEXT.contains(&n)));
                if !hidden {
                    self.push_text(d.id(), t);
                }
            }
        }
    }

    fn walk_element(&mut self, node: NodeRef<'a, Node>, depth: usize, inside_main: bool) {
        let Some(el) = node.value().as_element() else {
            return;
        };
        let name = el.name();
        let heading_level = heading_level(el);
        if let Some(level) = heading_level {
            if self.flatten > 0 {
                self.soft_break();
                self.walk_children(node, depth, inside_main);
                self.soft_break();
                return;
            }
            self.flush();
            let saved = self.loose;
            self.loose = Loose {
                kind: BlockKind::Heading,
                level,
                cell: None,
            };
            self.flatten += 1;
            self.walk_children(node, depth, inside_main);
            self.flatten -= 1;
            self.flush();
            self.loose = saved;
            self.heading_level = level;
            return;
        }
        if self.flatten > 0 {
            // Inside a heading: structure only separates words.
            let block = BLOCK_ELEMENTS.contains(&name)
                || matches!(
                    name,
                    "li" | "td" | "th" | "tr" | "br" | "table" | "ul" | "ol"
                );
            if block {
                self.soft_break();
            }
            self.walk_inline(node, depth, inside_main);
            if block {
                self.soft_break();
            }
            return;
        }
        match name {
            "br" => self.line_break(),
            "hr" => self.flush(),
            "pre" | "listing" | "plaintext" => {
                self.flush();
                let saved = self.loose;
                if saved.cell.is_none() {
                    self.loose = Loose {
                        kind: BlockKind::Preformatted,
                        level: 0,
                        cell: None,
                    };
                }
                self.preformatted += 1;
                self.walk_children(node, depth, inside_main);
                self.preformatted -= 1;
                self.flush();
                self.loose = saved;
            }
            "ul" | "ol" | "dir" => {
                self.flush();
                self.list_depth = self.list_depth.saturating_add(1);
                self.walk_children(node, depth, inside_main);
                self.flush();
                self.list_depth -= 1;
            }
            "li" => {
                self.flush();
                let saved = self.loose;
                self.loose = Loose {
                    kind: BlockKind::ListItem,
                    level: self.list_depth.max(1),
                    cell: None,
                };
                self.walk_children(node, depth, inside_main);
                self.flush();
                self.loose = saved;
            }
            "table" => self.walk_table(node, depth, inside_main),
            "button"
                if el.attribute("aria-expanded").is_none()
                    && el.attribute("aria-controls").is_none() =>
            {
                // A control ("Print", "Back to top"), not text; accordion toggles are labels.
            }
            _ if (name == "summary" || is_toggle(el)) && !has_heading(node) => {
                self.flush();
                let before = self.blocks.len();
                self.flatten += 1;
                self.walk_children(node, depth, inside_main);
                self.flatten -= 1;
                self.flush();
                self.promote_label(before, None);
            }
            _ if BLOCK_ELEMENTS.contains(&name) || name.contains('-') => {
                self.flush();
                let before = self.blocks.len();
                self.walk_children(node, depth, inside_main);
                self.flush();
                if matches!(name, "div" | "p") {
                    if let Some(level) = class_heading_level(el) {
                        self.promote_label(before, Some(level));
                    } else if words_of(&class_words(el))
                        .any(|w| matches!(w, "title" | "heading" | "headline"))
                    {
                        self.promote_label(before, None);
                    }
                }
            }
            _ => self.walk_inline(node, depth, inside_main),
        }
    }

    /// An inline element: links are recorded, bold runs counted, children walked in place.
    fn walk_inline(&mut self, node: NodeRef<'a, Node>, depth: usize, inside_main: bool) {
        let Some(el) = node.value().as_element() else {
            return;
        };
        let name = el.name();
        let bold = matches!(name, "strong" | "b");
        if bold {
            self.strong += 1;
        }
        let href = (name == "a")
            .then(|| el.attribute("href"))
            .flatten()
            .map(str::trim)
            .filter(|h| !h.is_empty() && !h.to_ascii_lowercase().starts_with("javascript:"));
        let start = (self.buf.text.len(), self.generation);
        self.walk_children(node, depth, inside_main);
        if bold {
            self.strong -= 1;
        }
        if let Some(href) = href {
            if start.1 == self.generation {
                let text = &self.buf.text[start.0..];
                let lead = text.len() - text.trim_start().len();
                let begin = start.0 + lead;
                let end = self.buf.text.len();
                if end > begin {
                    self.buf.links.push(Link {
                        text: self.buf.text[begin..end].to_string(),
                        href: href.to_string(),
                        range: (begin, end),
                    });
                }
            }
        }
    }

    fn walk_table(&mut self, node: NodeRef<'a, Node>, depth: usize, inside_main: bool) {
        self.flush();
        if is_layout_table(node) {
            self.walk_children(node, depth, inside_main);
            self.flush();
            return;
        }
        let saved_table = self.table;
        self.table = Some(TableState {
            index: self.tables,
            row: None,
            column: 0,
            in_head: false,
        });
        self.tables += 1;
        self.walk_table_part(node, depth, inside_main);
        self.flush();
        self.table = saved_table;
    }

    /// Rows and cells of the current table (not of tables nested in its cells).
    fn walk_table_part(&mut self, node: NodeRef<'a, Node>, depth: usize, inside_main: bool) {
        for child in node.children() {
            let Some(el) = child.value().as_element() else {
                continue;
            };
            if self.is_noise(child) {
                continue;
            }
            match el.name() {
                "thead" | "tbody" | "tfoot" => {
                    let head = el.name() == "thead";
                    if let Some(t) = self.table.as_mut() {
                        t.in_head = head;
                    }
                    self.walk_table_part(child, depth + 1, inside_main);
                    if let Some(t) = self.table.as_mut() {
                        t.in_head = false;
                    }
                }
                "tr" => {
                    if let Some(t) = self.table.as_mut() {
                        t.row = Some(t.row.map_or(0, |r| r + 1));
                        t.column = 0;
                    }
                    self.walk_table_part(child, depth + 1, inside_main);
                }
                "td" | "th" => {
                    self.flush();
                    let span: usize = el
                        .attribute("colspan")
                        .and_then(|c| c.trim().parse().ok())
                        .unwrap_or(1usize)
                        .clamp(1, 1000);
                    let Some(t) = self.table.as_mut() else {
                        continue;
                    };
                    let role = el.attribute("role").unwrap_or("");
                    let pos = CellPos {
                        table: t.index,
                        row: *t.row.get_or_insert(0),
                        column: t.column,
                        header: el.name() == "th"
                            || t.in_head
                            || matches!(role, "columnheader" | "rowheader"),
                    };
                    t.column += span;
                    let saved = self.loose;
                    self.loose = Loose {
                        kind: BlockKind::TableCell,
                        level: 0,
                        cell: Some(pos),
                    };
                    let saved_depth = self.list_depth;
                    self.list_depth = 0;
                    self.walk_children(child, depth + 1, inside_main);
                    self.flush();
                    self.list_depth = saved_depth;
                    self.loose = saved;
                }
                "caption" => {
                    self.flush();
                    let saved = self.loose;
                    self.loose = Loose::paragraph();
                    self.walk_children(child, depth + 1, inside_main);
                    self.flush();
                    self.loose = saved;
                }
                _ => self.walk(child, depth + 1, inside_main),
            }
        }
    }

    /// A block made only of one short label (bold paragraph, title-classed div, summary)
    /// becomes a heading one level below the surrounding heading.
    /// A class that names a heading level (`header-2`, `h3`) gives that level instead.
    fn promote_label(&mut self, before: usize, class_level: Option<u8>) {
        if self.blocks.len() != before + 1 {
            return;
        }
        let level = class_level.unwrap_or((self.heading_level + 1).min(6));
        let block = &mut self.blocks[before];
        if matches!(block.kind, BlockKind::Paragraph) && is_label(&block.text) {
            block.kind = BlockKind::Heading;
            block.level = level;
            if class_level.is_some() {
                self.heading_level = level;
            }
        }
    }

    fn soft_break(&mut self) {
        if !self.buf.text.is_empty()
            && !self.buf.text.ends_with('\n')
            && self.buf.pending_space.is_none()
        {
            self.buf.pending_space = Some(None);
        }
    }

    fn line_break(&mut self) {
        if self.buf.text.is_empty() {
            return;
        }
        self.buf.breaks += 1;
        if self.buf.breaks >= 2 && self.preformatted == 0 && self.loose.cell.is_none() {
            // A blank line made of `<br><br>`: the next text is a new paragraph.
            self.flush();
            return;
        }
        self.buf.pending_space = None;
        if !self.buf.text.ends_with('\n') {
            self.push_char('\n', None, 0, false);
        }
    }

    /// Append a DOM text node, folding whitespace (except in preformatted text).
    fn push_text(&mut self, id: NodeId, content: &str) {
        let placement = self.placements.get(&id).copied();
        let text = self.text;
        let source_of = |i: usize| -> Option<(usize, usize)> {
            let p = placement?;
            let pos = p.decoded + i.saturating_sub(p.lead);
            let pos = floor_boundary(&text.decoded, pos);
            Some((pos, text.source_start(pos)))
        };
        // The source end of the character found at `pos`, which is not always `c`: where
        // the tree builder moved text (foster-parented table text) a one-byte DOM character
        // can sit over a multi-byte source character, and its own length would end the
        // span inside that character.
        let end_of = |pos: usize, c: char| {
            let len = text.decoded[pos..]
                .chars()
                .next()
                .map_or(c.len_utf8(), char::len_utf8);
            text.source_end(pos, len)
        };
        let strong = self.strong > 0;
        let bytes = content.as_bytes();
        let mut next = 0;
        while let Some(c) = content.get(next..).and_then(|rest| rest.chars().next()) {
            let i = next;
            next += c.len_utf8();
            // words of printable ASCII copied verbatim from the source go in whole
            if self.whole_words && self.preformatted == 0 && c.is_ascii_graphic() {
                if let Some(len) = self.push_verbatim_run(content, i, placement) {
                    // the run is ASCII: `len` characters
                    next = i + len;
                    continue;
                }
            }
            let c = match c {
                '\u{AD}' | '\u{200B}' | '\u{FEFF}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => {
                    continue;
                }
                '\u{A0}' | '\u{2007}' | '\u{202F}' => ' ',
                c => c,
            };
            let src = source_of(i);
            if self.preformatted > 0 {
                if !(self.buf.text.is_empty() && c.is_whitespace()) {
                    let end = src.map_or(0, |(pos, _)| end_of(pos, c));
                    self.push_char(c, src.map(|s| s.1), end, strong);
                }
                continue;
            }
            if c.is_whitespace() {
                if !self.buf.text.is_empty()
                    && !self.buf.text.ends_with('\n')
                    && self.buf.pending_space.is_none()
                {
                    self.buf.pending_space = Some(src.map(|s| s.1));
                }
                // The white space after it changes nothing: the pending space is set, or
                // the block is empty or ends a line, and white space changes neither.
                while bytes.get(next).is_some_and(u8::is_ascii_whitespace) {
                    next += 1;
                }
                continue;
            }
            if let Some(space_src) = self.buf.pending_space.take() {
                self.push_char(' ', space_src, space_src.map_or(0, |s| s + 1), false);
            }
            let end = src.map_or(0, |(pos, _)| end_of(pos, c));
            self.push_char(c, src.map(|s| s.1), end, strong);
        }
    }

    /// Appends the run of words of printable ASCII, separated by single spaces, that starts at
    /// byte `i` of a text node's `content`, as far as its characters are those of one verbatim
    /// run of the source, as [`Self::push_char`] would append them one by one (a single
    /// space between two words is folded to itself, and its source offset follows the word
    /// before it). With runs taken whole, [`Self::push_text`] takes a fraction of the
    /// instructions it takes character by character. Returns the length appended, which
    /// ends with a word; `None` when not even the first character can be taken.
    fn push_verbatim_run(
        &mut self,
        content: &str,
        i: usize,
        placement: Option<Placement>,
    ) -> Option<usize> {
        let p = placement.filter(|p| i >= p.lead)?;
        let bytes = &content.as_bytes()[i..];
        let len = words_run_len(bytes);
        let at = p.decoded + (i - p.lead);
        let decoded = self.text.decoded.as_bytes().get(at..)?;
        let anchor = self.text.anchor(at).filter(|a| a.verbatim)?;
        let source = anchor.source + (at - anchor.decoded);
        // the run as far as the source holds it verbatim, within this anchor
        let len = len.min(anchor.source_end.saturating_sub(source));
        let mut len = (bytes[..len].iter().zip(decoded))
            .position(|(a, b)| a != b)
            .unwrap_or(len.min(decoded.len()));
        // a folded space is appended before the next word, and the block's span ends with a
        // word, not with a space
        if len > 0 && bytes[len - 1] == b' ' {
            len -= 1;
        }
        if len == 0 {
            return None;
        }
        if let Some(space_src) = self.buf.pending_space.take() {
            self.push_char(' ', space_src, space_src.map_or(0, |s| s + 1), false);
        }
        let spaces = bytes[..len].iter().filter(|b| **b == b' ').count();
        self.append(
            &content[i..i + len],
            len - spaces,
            Some(source),
            source + len,
            self.strong > 0,
        );
        Some(len)
    }

    /// Append one character with its source offset (if known) and source end.
    fn push_char(&mut self, c: char, source: Option<usize>, source_end: usize, strong: bool) {
        let visible = usize::from(!c.is_whitespace());
        self.append(
            c.encode_utf8(&mut [0; 4]),
            visible,
            source,
            source_end,
            strong,
        );
    }

    /// Append `text`, of which `visible` characters are not white space, starting at source
    /// offset `source` (if known) and ending at `source_end`.
    fn append(
        &mut self,
        text: &str,
        visible: usize,
        source: Option<usize>,
        source_end: usize,
        strong: bool,
    ) {
        let buf = &mut self.buf;
        if buf.kind.is_none() {
            buf.kind = Some(self.loose);
        }
        let at = buf.text.len();
        if let Some(s) = source {
            let expected = buf
                .segments
                .last()
                .map(|seg| seg.source_start + (at - seg.text_start));
            if expected != Some(s) {
                buf.segments.push(Segment {
                    text_start: at,
                    source_start: s,
                });
            }
            if visible > 0 {
                let span = Span::new(s, source_end.max(s));
                buf.span = Some(buf.span.map_or(span, |sp| sp.cover(span)));
            }
        }
        buf.text.push_str(text);
        if visible > 0 {
            buf.chars += visible;
            buf.breaks = 0;
            if strong {
                buf.strong_chars += visible;
            }
        }
    }

    /// End the current block, if it has text.
    fn flush(&mut self) {
        self.generation += 1;
        let buf = std::mem::take(&mut self.buf);
        let text = buf.text.trim_end();
        if text.is_empty() {
            return;
        }
        let loose = buf.kind.unwrap_or(self.loose);
        let len = text.len();
        let span = match buf.span {
            Some(s) => s,
            None => {
                // Text we could not place: anchor it at the previous block's end.
                let at = self.blocks.last().map_or(0, |b| b.span.end);
                Span::new(at, at)
            }
        };
        let mut kind = loose.kind;
        let mut level = loose.level;
        if kind == BlockKind::Paragraph
            && buf.chars > 0
            && buf.strong_chars == buf.chars
            && is_label(text)
            && text.split_whitespace().count() <= 12
        {
            kind = BlockKind::Heading;
            level = (self.heading_level + 1).min(6);
        }
        let mut block: Block = new_block(kind, level, text.to_string(), span);
        block.cell = loose.cell;
        let mut segments: Vec<Segment> = buf
            .segments
            .into_iter()
            .filter(|s| s.text_start < len)
            .map(|s| Segment {
                text_start: s.text_start,
                source_start: s.source_start.clamp(span.start, span.end),
            })
            .collect();
        match segments.first_mut() {
            Some(first) if first.text_start == 0 => {}
            _ => segments.insert(
                0,
                Segment {
                    text_start: 0,
                    source_start: span.start,
                },
            ),
        }
        block.segments = segments;
        block.links = buf
            .links
            .into_iter()
            .filter(|l| l.range.0 < len)
            .map(|mut l| {
                l.range.1 = l.range.1.min(len);
                l.text = text[l.range.0..l.range.1].to_string();
                l
            })
            .collect();
        self.blocks.push(block);
    }
}

/// Length of the words of printable ASCII separated by single spaces at the start of
/// `bytes`: the text that whitespace folding leaves as it is (0 when `bytes` does not start
/// with printable ASCII).
fn words_run_len(bytes: &[u8]) -> usize {
    let mut len = 0;
    loop {
        len += (bytes[len..].iter())
            .position(|b| !b.is_ascii_graphic())
            .unwrap_or(bytes.len() - len);
        match bytes.get(len..len + 2) {
            Some([b' ', next]) if len > 0 && next.is_ascii_graphic() => len += 1,
            _ => return len,
        }
    }
}

/// Heading level of `h1`–`h6` or of an element with `role="heading"` (`aria-level`, 2 by
/// default as in ARIA).
fn heading_level(el: &scraper::node::Element) -> Option<u8> {
    let name = el.name();
    if let Some(d) = name.strip_prefix('h') {
        if let Ok(n) = d.parse::<u8>() {
            if (1..=6).contains(&n) && d.len() == 1 {
                return Some(n);
            }
        }
    }
    if el.attribute("role").is_some_and(|r| r.trim() == "heading") {
        let level = el
            .attribute("aria-level")
            .and_then(|l| l.trim().parse::<u8>().ok())
            .unwrap_or(2);
        return Some(level.clamp(1, 6));
    }
    None
}

/// The level a class token names for a styled heading: `h2`, `header-2`, `heading-3`.
fn class_heading_level(el: &scraper::node::Element) -> Option<u8> {
    el.classes().find_map(|class| {
        let class = class.to_ascii_lowercase();
        let digits = ["header-", "heading-", "header", "heading", "h"]
            .iter()
            .find_map(|p| class.strip_prefix(p))?;
        match digits.parse::<u8>() {
            Ok(n @ 1..=6) if digits.len() == 1 => Some(n),
            _ => None,
        }
    })
}

/// True when a heading element (`h1`–`h6`, `role="heading"`) is inside `node`.
fn has_heading(node: NodeRef<'_, Node>) -> bool {
    node.descendants()
        .skip(1)
        .any(|d| d.value().as_element().and_then(heading_level).is_some())
}

/// An accordion toggle (`button` or `role="button"` that expands a region): its text labels
/// the region like a summary.
fn is_toggle(el: &scraper::node::Element) -> bool {
    (el.name() == "button" || el.attribute("role").is_some_and(|r| r.trim() == "button"))
        && (el.attribute("aria-expanded").is_some() || el.attribute("aria-controls").is_some())
}

/// A short one-line label that reads as a heading (not a sentence).
fn is_label(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 120
        && !text.contains('\n')
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', ',', ';'])
}

/// A block of site links (a footer column, a sidebar of other pages): at least three links
/// and little text outside them.
fn is_link_menu(node: NodeRef<'_, Node>, raw_content: &RawContent<'_>) -> bool {
    let mut links = 0usize;
    let mut outside = 0usize;
    for d in node.descendants() {
        let text = match d.value() {
            Node::Element(e) if e.name() == "a" => {
                links += 1;
                continue;
            }
            Node::Text(t) => Some((&**t, None)),
            // a script's or style's content, which the parser was not given, is the text of
            // a child of the element
            Node::Element(_) => (raw_content.get(&d.id())).map(|t| (*t, Some(d))),
            _ => None,
        };
        if let Some((t, parent)) = text {
            let in_link = (parent.into_iter().chain(d.ancestors()))
                .take_while(|a| a.id() != node.id())
                .any(|a| element_name(a) == Some("a"));
            if !in_link {
                outside += visible_chars(t);
                if t.contains('@') {
                    return false;
                }
            }
        }
    }
    links >= 3 && outside <= 40 + links * 2
}

/// A table used for layout, not data: one column only, holding tables, or holding headings
/// without a header row. A row of two or more header cells (`th`) marks a data table even
/// when a cell holds a heading of its own (Bumble's purpose table has "What exactly does
/// this mean?" inside a cell).
fn is_layout_table(table: NodeRef<'_, Node>) -> bool {
    let mut max_columns = 0usize;
    let mut header_row = false;
    let mut holds_heading = false;
    let mut stack: Vec<NodeRef<'_, Node>> = table.children().collect();
    while let Some(n) = stack.pop() {
        let Some(name) = element_name(n) else {
            continue;
        };
        match name {
            "table" => return true,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => holds_heading = true,
            "tr" => {
                let (mut cells, mut header_cells) = (0, 0);
                for c in n.children() {
                    match element_name(c) {
                        Some("td") => cells += 1,
                        Some("th") => (cells, header_cells) = (cells + 1, header_cells + 1),
                        _ => {}
                    }
                }
                max_columns = max_columns.max(cells);
                header_row |= header_cells >= 2;
                stack.extend(n.children());
            }
            _ => stack.extend(n.children()),
        }
    }
    max_columns <= 1 || (holds_heading && !header_row)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Depth of the deepest element in the parsed DOM.
    fn dom_depth(src: &str) -> usize {
        let html = Html::parse_document(src);
        html.tree
            .root()
            .descendants()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn visible_characters_are_those_that_are_not_white_space() {
        let mut all: String = (0..0x3100u32).filter_map(char::from_u32).collect();
        all.push_str(" a\u{a0}b\u{2003}c\u{3000}d’e\u{1680}\u{205f}\u{202f}\u{2028}\u{85}\x0b");
        for text in [all.as_str(), "", " ", "plain words", "één ’x’ — \u{200b}"] {
            let want = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(visible_chars(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_markup_found_limiting_the_nesting_is_the_markup_of_the_source() {
        for src in [
            "",
            "plain & simple < 3 &amp; more",
            "<!doctype html><html><head><title>T &amp; C</title><script>if (a</b) {}</script>\
             <style>p{}</style></head><body><p>a &lt; b<br/>c</p><!-- x --><!---->\
             <script-x>y</script-x><textarea>t</textarea><SCRIPT>z</SCRIPT >\
             <p title='>'>q</p></>< p><![CDATA[d]]><?pi?><plaintext>rest <b>",
            "<script>never closed",
            "<p>unterminated <a href=\"x",
        ] {
            let (flat, found) = limit_nesting(src);
            assert!(matches!(flat, std::borrow::Cow::Borrowed(_)));
            assert_eq!(found, markup(src), "{src}");
        }
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_offsets_and_text() {
        for (open, close) in [("<div>", "</div>"), ("<ul><li>", ""), ("<span>", "</span>")] {
            let src = format!(
                "<html><body>{}<p>deep text</p>{}<p>after</p></body></html>",
                open.repeat(3000),
                close.repeat(3000)
            );
            let (flat, found) = limit_nesting(&src);
            assert_eq!(found, markup(&flat), "{open}");
            assert_eq!(flat.len(), src.len(), "{open}");
            assert!(
                dom_depth(&flat) <= MAX_NESTING + 8,
                "{open}: {}",
                dom_depth(&flat)
            );
            assert_eq!(src.find("deep text"), flat.find("deep text"));
            // Closed elements end the deep stretch: what follows keeps its tags.
            assert_eq!(flat.contains("<p>after</p>"), !close.is_empty(), "{open}");
            assert!(flat.contains("after"));
        }
    }

    #[test]
    fn words_appended_whole_map_as_character_by_character() {
        let pages = [
            "<p>Plain words, <b>strong ones</b> and <a href=x>a link</a>.</p>",
            "<p>Caf&eacute; &amp; co&nbsp;B.V. &lt;tags&gt; keep\u{a0}data\u{ad}for 7&#160;years.</p>",
            // text the tree builder moves out of a table, and a word split by markup
            "<table>moved text<tr><td>cell one<td>cell&shy;two</table><p>Collecti<span>on</span></p>",
            "<pre>  kept   as is </pre><ul><li>one<li>two<br><br>three</ul>",
            "<h2>Heading&#x20;with&#32;spaces</h2><p>naïve – “quoted” words</p>",
            // runs of words cut by entities, doubled spaces, line ends and trailing spaces
            "<p>We keep data&amp;logs for AT&T and Tom &amp; Jerry  and\n  partners\tonly. </p><p> lead  </p>",
            "<ul><li>one two <b>three four</b> five<li>six&nbsp;seven eight&#160; nine </ul>",
        ];
        let mut words = 0;
        for page in pages {
            let source = Source::from_text("page.html", page, None);
            let whole = parse_walking(&source, true).blocks;
            let by_character = parse_walking(&source, false).blocks;
            assert_eq!(whole, by_character, "{page}");
            words += whole
                .iter()
                .map(|b| b.text.split(' ').count())
                .sum::<usize>();
        }
        assert!(words > 30, "{words}");
    }

    #[test]
    fn a_words_run_ends_with_a_word_before_folded_whitespace() {
        assert_eq!(words_run_len(b"one two  three"), 7);
        assert_eq!(words_run_len(b"one two three"), 13);
        assert_eq!(words_run_len(b"a.b, c\nd"), 6);
        assert_eq!(words_run_len(b"trailing "), 8);
        assert_eq!(words_run_len("caf\u{e9} au lait".as_bytes()), 3);
        assert_eq!(words_run_len(b" lead"), 0);
    }

    #[test]
    fn class_words_split_case_changes_and_separators() {
        let html = Html::parse_fragment(
            "<div class=\"navBar-top sr-only  HTMLParser x2Y caf\u{e9}Menu\" id=\"skipTo_main\"></div>",
        );
        let div = (html.tree.root().descendants())
            .find_map(|n| {
                n.value()
                    .as_element()
                    .filter(|e| e.name() == "div")
                    .cloned()
            })
            .expect("div");
        let joined = class_words(&div);
        assert_eq!(
            joined,
            "nav bar top sr only htmlparser x2 y caf menu skip to main"
        );
        assert!(names_hidden_text(&joined));
        assert!(!names_hidden_text("nav bar top"));
        assert!(names_hidden_text("a visually hidden"));
        assert!(names_hidden_text("nosr onlyx"));
    }

    #[test]
    fn ordinary_pages_are_left_alone() {
        // Unclosed paragraphs, list items and cells close implicitly: no depth builds up.
        let mut src = String::from("<html><body><table>");
        for _ in 0..2000 {
            src.push_str("<tr><td>a<td>b<p>x<p>y<ul><li>1<li>2</ul><br><img src=x>");
        }
        src.push_str("</table><script>for (i=0;i<9;i++) document.write('<div>')</script>");
        assert!(matches!(
            limit_nesting(&src).0,
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
