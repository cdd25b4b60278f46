//! The DOM of an HTML source, with a tokenizer of our own for the plain markup nearly every
//! page is made of, feeding html5ever's tree builder: the same tokens, so the same tree.
//!
//! html5ever's tokenizer reads a page one character at a time through a state machine (a
//! tag name, an attribute name, the character after each), and was some two thirds of the
//! instructions of parsing a page and a tenth of all of checking a corpus of statements. The
//! tree builder, which does the error recovery of HTML (implied end tags, foster parenting,
//! formatting elements, foreign content), is html5ever's own here.
//!
//! [`parse_document`] tokenizes the common forms: text with character references that end
//! in a semicolon (`&amp;`, `&#8217;`), start and end tags with quoted, unquoted or no
//! attribute values, comments, a `<!DOCTYPE html>` without identifiers, and the raw text of
//! the elements the tree builder asks for (a script, a style, a title).
//! At anything else (a processing instruction, a CDATA section, a reference without its
//! semicolon that could be one, an unclosed tag or comment, a script with `<!--`…) it gives
//! up and the whole source is parsed by html5ever, whose result is the reference: the tests
//! compare both trees over every page of the corpus.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeSink};
use html5ever::{Attribute, LocalName, QualName, ns};
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;

/// The DOM of `src`, as `Html::parse_document` makes it.
pub(crate) fn parse_document(src: &str) -> Html {
    plain_document(src).unwrap_or_else(|| Html::parse_document(src))
}

type Builder = TreeBuilder<<HtmlTreeSink as TreeSink>::Handle, HtmlTreeSink>;

/// White space between attributes (the source's line ends are already `\n`).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b' ')
}

/// `s` with ASCII capitals in lower case, as html5ever writes tag and attribute names.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The DOM of `src` through our tokenizer, or `None` where it gives up (see the module
/// docs).
fn plain_document(src: &str) -> Option<Html> {
    let bytes = src.as_bytes();
    // carriage returns and NULs are changed by html5ever's input stream; a byte-order mark
    // is dropped
    if memchr::memchr2(b'\r', 0, bytes).is_some() || src.starts_with('\u{FEFF}') {
        return None;
    }
    let builder: Builder =
        TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), Default::default());
    let mut text = String::new();
    let mut i = 0;
    loop {
        let Some(off) = memchr::memchr2(b'<', b'&', &bytes[i..]) else {
            text.push_str(&src[i..]);
            break;
        };
        let at = i + off;
        text.push_str(&src[i..at]);
        if bytes[at] == b'&' {
            i = at + 1 + char_reference(&src[at + 1..], &mut text)?;
            continue;
        }
        match bytes.get(at + 1) {
            Some(b) if b.is_ascii_alphabetic() => {
                flush(&builder, &mut text);
                let (tag, end) = tag(src, at + 1, TagKind::StartTag)?;
                let name = tag.name.clone();
                i = end;
                match builder.process_token(Token::TagToken(tag), 1) {
                    TokenSinkResult::Continue
                    | TokenSinkResult::Script(_)
                    | TokenSinkResult::EncodingIndicator(_) => {}
                    TokenSinkResult::Plaintext => return None,
                    TokenSinkResult::RawData(kind) => {
                        let close = raw_text_end(src, i, &name)?;
                        let content = &src[i..close];
                        match kind {
                            RawKind::Rawtext => text.push_str(content),
                            // a title or text area: its references are read as in text
                            RawKind::Rcdata => decode(content, &mut text)?,
                            RawKind::ScriptData if !content.contains("<!--") => {
                                text.push_str(content);
                            }
                            RawKind::ScriptData | RawKind::ScriptDataEscaped(_) => return None,
                        }
                        i = close;
                    }
                }
            }
            Some(b'/') if bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                flush(&builder, &mut text);
                let (tag, end) = tag(src, at + 2, TagKind::EndTag)?;
                i = end;
                match builder.process_token(Token::TagToken(tag), 1) {
                    TokenSinkResult::Continue
                    | TokenSinkResult::Script(_)
                    | TokenSinkResult::EncodingIndicator(_) => {}
                    TokenSinkResult::Plaintext | TokenSinkResult::RawData(_) => return None,
                }
            }
            Some(b'!') => {
                flush(&builder, &mut text);
                let rest = &src[at + 2..];
                let (token, len) = if let Some(comment) = rest.strip_prefix("--") {
                    // `<!-->` and `<!--->` end at once, `--!>` ends one too
                    if comment.starts_with('>') || comment.starts_with("->") {
                        return None;
                    }
                    let end = memchr::memmem::find(comment.as_bytes(), b"-->")?;
                    let body = &comment[..end];
                    if body.contains("--!") {
                        return None;
                    }
                    (Token::CommentToken(StrTendril::from(body)), 2 + end + 3)
                } else {
                    doctype(rest)?
                };
                let _ = builder.process_token(token, 1);
                i = at + 2 + len;
            }
            // a processing instruction, `</` without a name
            Some(b'?' | b'/') => return None,
            // a `<` that opens nothing is text
            _ => {
                text.push('<');
                i = at + 1;
            }
        }
    }
    flush(&builder, &mut text);
    let _ = builder.process_token(Token::EOFToken, 1);
    builder.end();
    Some(builder.sink.finish())
}

/// Hands the text read so far to the tree builder.
fn flush(builder: &Builder, text: &mut String) {
    if !text.is_empty() {
        // copied to a tendril of its size: the tree keeps it
        let _ = builder.process_token(Token::CharacterTokens(StrTendril::from_slice(text)), 1);
        text.clear();
    }
}

/// `<!DOCTYPE name>` (after the `<!`): the token and its length, `None` for any other
/// declaration.
fn doctype(rest: &str) -> Option<(Token, usize)> {
    let bytes = rest.as_bytes();
    if !bytes.get(..7)?.eq_ignore_ascii_case(b"doctype") || !is_space(*bytes.get(7)?) {
        return None;
    }
    let mut i = 7;
    while is_space(*bytes.get(i)?) {
        i += 1;
    }
    let start = i;
    while !is_space(*bytes.get(i)?) && bytes[i] != b'>' {
        i += 1;
    }
    let name = lower(&rest[start..i]).into_owned();
    while is_space(*bytes.get(i)?) {
        i += 1;
    }
    if start == i || bytes[i] != b'>' || name.is_empty() {
        return None;
    }
    let token = Token::DoctypeToken(Doctype {
        name: Some(StrTendril::from(name)),
        public_id: None,
        system_id: None,
        force_quirks: false,
    });
    Some((token, i + 1))
}

/// The tag whose name starts at `i` (after `<` or `</`), and where the text after it starts;
/// `None` when the source ends inside it.
fn tag(src: &str, mut i: usize, kind: TagKind) -> Option<(Tag, usize)> {
    let bytes = src.as_bytes();
    let name_end = i + (bytes[i..].iter()).position(|&b| is_space(b) || b == b'/' || b == b'>')?;
    let name = LocalName::from(&*lower(&src[i..name_end]));
    i = name_end;
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut duplicates = false;
    let mut self_closing = false;
    loop {
        while is_space(*bytes.get(i)?) {
            i += 1;
        }
        match bytes[i] {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                // a `/` not right before the `>` is passed over
                i += 1;
                if *bytes.get(i)? == b'>' {
                    self_closing = true;
                    i += 1;
                    break;
                }
                continue;
            }
            _ => {}
        }
        // the name: its first character whatever it is (even `=`), then up to white space,
        // `/`, `=` or `>`
        let start = i;
        let end = i
            + 1
            + (bytes[i + 1..].iter())
                .position(|&b| is_space(b) || matches!(b, b'/' | b'=' | b'>'))?;
        let attr_name = lower(&src[start..end]);
        i = end;
        while is_space(*bytes.get(i)?) {
            i += 1;
        }
        let mut value = StrTendril::new();
        let mut decoded = String::new();
        if bytes[i] == b'=' {
            i += 1;
            while is_space(*bytes.get(i)?) {
                i += 1;
            }
            match bytes[i] {
                quote @ (b'"' | b'\'') => {
                    let close = i + 1 + memchr::memchr(quote, &bytes[i + 1..])?;
                    value = attribute_value(&src[i + 1..close], &mut decoded)?;
                    i = close + 1;
                }
                // no value
                b'>' => {}
                _ => {
                    let end = i + (bytes[i..].iter()).position(|&b| is_space(b) || b == b'>')?;
                    value = attribute_value(&src[i..end], &mut decoded)?;
                    i = end;
                }
            }
        }
        let attr_name = LocalName::from(&*attr_name);
        if attrs.iter().any(|a| a.name.local == attr_name) {
            duplicates = true;
        } else {
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), attr_name),
                value,
            });
        }
    }
    let tag = Tag {
        kind,
        name,
        self_closing,
        attrs,
        had_duplicate_attributes: duplicates,
    };
    Some((tag, i))
}

/// Where the raw text of the element `name` that starts at `from` ends: at its end tag
/// (`</name` followed by white space, `/` or `>`).
fn raw_text_end(src: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut at = from;
    loop {
        let lt = at + memchr::memmem::find(&bytes[at..], b"</")?;
        let after = lt + 2 + name.len();
        if (bytes.get(lt + 2..after)).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return Some(lt);
        }
        at = lt + 2;
    }
}

/// Appends `s` to `out` with its character references decoded; `None` where our
/// tokenizer gives up.
fn decode(s: &str, out: &mut String) -> Option<()> {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &s.as_bytes()[i..]) {
        out.push_str(&s[i..i + off]);
        i += off + 1;
        i += char_reference(&s[i..], out)?;
    }
    out.push_str(&s[i..]);
    Some(())
}

/// An attribute's value as written, `s`, with its references decoded (through `scratch`).
fn attribute_value(s: &str, scratch: &mut String) -> Option<StrTendril> {
    if !s.contains('&') {
        return Some(StrTendril::from_slice(s));
    }
    scratch.clear();
    decode(s, scratch)?;
    Some(StrTendril::from_slice(scratch))
}

/// Reads the character reference after an `&` (`rest` follows it), appends what it stands
/// for to `out` and says how many bytes of `rest` it took; an `&` that starts none is
/// appended as it is. `None` for the references our tokenizer leaves to html5ever: a named
/// one without its semicolon that a prefix of it could stand for ("&copy" in "&copyx"), a
/// number without its semicolon, a control character, a noncharacter or one that html5ever
/// replaces.
fn char_reference(rest: &str, out: &mut String) -> Option<usize> {
    let bytes = rest.as_bytes();
    match bytes.first() {
        Some(b'#') => {
            let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
            let start = if hex { 2 } else { 1 };
            let digits = super::html::reference_digits(&bytes[start..], hex);
            let end = start + digits;
            if digits == 0 || digits > 7 || bytes.get(end) != Some(&b';') {
                return None;
            }
            let value = u32::from_str_radix(&rest[start..end], if hex { 16 } else { 10 }).ok()?;
            let plain = matches!(value, 0x09 | 0x0A | 0x0C | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFDCF | 0xFDF0..=0x10_FFFF)
                && value & 0xFFFE != 0xFFFE;
            if !plain {
                return None;
            }
            out.push(char::from_u32(value)?);
            Some(end + 1)
        }
        Some(b) if b.is_ascii_alphanumeric() => {
            let run = bytes
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let entities = &html5ever::data::NAMED_ENTITIES;
            // html5ever reads on while what it read is a name or the start of one, and
            // takes the longest name: the one with the semicolon when there is one
            let mut named = false;
            let mut all_prefixes = true;
            for k in 1..=run {
                match entities.get(&rest[..k]) {
                    Some(&(c, _)) => named |= c != 0,
                    None => {
                        all_prefixes = false;
                        break;
                    }
                }
            }
            if all_prefixes
                && bytes.get(run) == Some(&b';')
                && let Some(&(c1, c2)) = entities.get(&rest[..=run])
                && c1 != 0
            {
                out.push(char::from_u32(c1)?);
                if c2 != 0 {
                    out.push(char::from_u32(c2)?);
                }
                return Some(run + 1);
            }
            if named {
                return None;
            }
            out.push('&');
            Some(0)
        }
        _ => {
            out.push('&');
            Some(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our tokenizer's tree is html5ever's, or it gives up.
    fn same_tree(src: &str) -> bool {
        let reference = Html::parse_document(src);
        match plain_document(src) {
            Some(ours) => {
                assert!(
                    ours.tree == reference.tree && ours.quirks_mode == reference.quirks_mode,
                    "different trees for {src:?}:\n{:?}\n{:?}",
                    ours.tree,
                    reference.tree
                );
                true
            }
            None => false,
        }
    }

    #[test]
    fn plain_markup_gives_html5evers_tree() {
        let plain = [
            "<!DOCTYPE html><html lang=en><head><title>T</title><meta charset=utf-8></head><body><p>a &amp; b &#8217; &#x2019; &nbsp;c</p></body></html>",
            "<!doctype HTML>\n<p class=\"A b\" ID='x' data-x=1 hidden>one<p>two<li>three</li>",
            "<table><tr><td>a<td>b</table><div>text in <b>bold <i>both</b> italic</i></div>",
            "<table>stray<tr><td>cell</td></tr></table>",
            "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>",
            "<p>AT&T, Q&A, R&D; 1 < 2 and a <3 b</p><!-- note -- here ---><!---->",
            "<pre>\nfirst line\nsecond</pre><textarea>\nx &lt;</textarea><title>a <b> &amp; c</title>",
            "<script>if (a</b) {}</script><style>p { } </style ><noscript><p>no</p></noscript>",
            "<a href=\"?a=1&amp;b=2\" title='x&quot;y'>link</a><img src=x alt=\"\"/><br/><input type=hidden>",
            "<div a=1 A=2 b c= d =e / f/>text</div ><p/>after</p><ul><li>a<ul><li>b</ul></ul>",
            "plain text only, no tags",
            "<body><frameset></frameset>",
            "<html><body></body></html><p>after the end</p>",
            "<p>café &eacute;&Eacute;&notin; &NotEqualTilde;</p><h1 style=\"display:none\">x</h1>",
            "<form><input name=q></form><select><option>1<option>2</select><table><input type=hidden></table>",
            "<p>tab\tand\x0Cfeed</p><xmp><p>raw</p></xmp><iframe><p>x</p></iframe>",
            "<font color=red><p>x</font><math><mtext><b>y</b></mtext></math><svg><font color=1>z</font></svg>",
        ];
        for src in plain {
            assert!(same_tree(src), "gave up on {src:?}");
        }
        let left_to_html5ever = [
            "<?xml version=\"1.0\"?><p>x</p>",
            "<p>&copy 2024 &copyx</p>",
            "<p>&#128</p>",
            "<p>&#128;</p>",
            "<title>&copy 2024</title>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"><p>x</p>",
            "<p>unclosed <b",
            "<!-- unclosed comment",
            "<svg><![CDATA[x]]></svg>",
            "<script><!-- if (a) {} --></script>",
            "<plaintext><p>x",
            "<p>a</ p>",
            "<!-->x",
            "\u{FEFF}<p>x</p>",
            "<p>a\r\nb</p>",
        ];
        for src in left_to_html5ever {
            assert!(!same_tree(src), "did not give up on {src:?}");
        }
    }

    /// Every HTML page of the corpus the repository and `../shared` hold gives html5ever's
    /// tree (or is left to html5ever).
    #[test]
    fn every_corpus_page_gives_html5evers_tree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("corpus"), root.join("tests")];
        dirs.push(root.join("../shared/corpus"));
        dirs.push(root.join("../shared/datasets"));
        dirs.push(root.join("../shared/seeds"));
        let (mut pages, mut plain) = (0, 0);
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let html = path.extension().is_some_and(|e| e == "html" || e == "htm");
                let Ok(source) = crate::ingest::Source::read(&path) else {
                    continue;
                };
                if !html {
                    continue;
                }
                pages += 1;
                plain += usize::from(same_tree(&source.text));
            }
        }
        eprintln!("{plain} of {pages} pages tokenized by our tokenizer");
    }
}
