//! Plain text → blocks. Paragraphs are separated by blank lines; within a paragraph, lines
//! are joined. Headings are recognised by shape: numbering ("3.", "3.2", "Artikel 5",
//! "A."), all-caps lines, lines underlined with `===`/`---`, Markdown `#` lines, and short
//! title-like lines (no closing punctuation) standing alone before a paragraph. Bullets
//! ("•", "-", "*", "–", "1.", "a)") make list items.

use super::{BlockKind, Parsed, Segment, Source, new_block};
use crate::span::Span;

/// One physical line: its byte range and trimmed text.
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let content = piece.trim_end_matches(['\n', '\r']);
        // `# privlint-disable …` lines are instructions to privlint, not statement text:
        // they read as blank lines.
        let content = if crate::suppress::is_text_directive(content) {
            ""
        } else {
            content
        };
        let lead = content.len() - content.trim_start().len();
        out.push(Line {
            start: start + lead,
            end: start + content.trim_end().len().max(lead),
            text: content.trim(),
        });
        start = end;
    }
    out
}

/// A bullet or list number at the start of a line: the marker's byte length.
fn bullet(text: &str) -> Option<usize> {
    for marker in ["• ", "- ", "* ", "– ", "· ", "▪ ", "○ "] {
        if text.starts_with(marker) {
            return Some(marker.len());
        }
    }
    // "1." / "1)" / "a)" followed by a long sentence.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    if (1..=2).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return Some(digits + 2);
    }
    let mut chars = text.chars();
    if let (Some(c), Some(')'), Some(' ')) = (chars.next(), chars.next(), chars.next())
        && c.is_ascii_lowercase()
    {
        return Some(3);
    }
    None
}

fn is_underline(text: &str) -> bool {
    text.len() >= 3 && (text.chars().all(|c| c == '=') || text.chars().all(|c| c == '-'))
}

/// Heading level for a numbered heading ("3." → 2, "3.2" → 3, "Artikel 5" → 2), if any.
fn numbered_heading(text: &str) -> Option<u8> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = *words.first()?;
    let lower = first.to_lowercase();
    if matches!(
        lower.as_str(),
        "artikel" | "article" | "section" | "hoofdstuk" | "chapter"
    ) && words
        .get(1)
        .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        return Some(2);
    }
    let numbering = first.trim_end_matches(['.', ')']);
    let is_number = !numbering.is_empty()
        && numbering
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let is_letter = numbering.len() == 1
        && numbering.chars().all(|c| c.is_ascii_uppercase())
        && first.ends_with('.');
    let is_roman = !numbering.is_empty()
        && numbering.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && first.ends_with('.');
    if (is_number || is_letter || is_roman) && words.len() >= 2 {
        return Some(if is_number {
            1 + numbering.split('.').count() as u8
        } else {
            2
        });
    }
    None
}

/// Short, title-like: few words, no sentence punctuation at the end, starts with a capital.
fn title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=14).contains(&words)
        && text.chars().count() <= 100
        && !text.ends_with(['.', ',', ';', ':', '!'])
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && text.split_whitespace().count() <= 12
}

pub(crate) fn parse(source: &Source) -> Parsed {
    let text = source.text.as_str();
    let all = lines(text);
    let mut parsed = Parsed::default();
    // Group non-blank lines into paragraphs.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (i, line) in all.iter().enumerate() {
        if line.text.is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(i);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }

    let mut first_heading = true;
    for (gi, group) in groups.iter().enumerate() {
        let mut i = 0;
        while i < group.len() {
            let line = &all[group[i]];
            let t = line.text;
            let next = group.get(i + 1).map(|&n| all[n].text);
            // Setext-style underline.
            if next.is_some_and(is_underline) && title_like(t.trim_matches('*')) {
                let level = if next.is_some_and(|n| n.starts_with('=')) {
                    1
                } else {
                    2
                };
                push(
                    &mut parsed,
                    BlockKind::Heading,
                    level,
                    line,
                    t.trim_matches('*'),
                );
                first_heading = false;
                i += 2;
                continue;
            }
            if is_underline(t) {
                i += 1;
                continue;
            }
            // Markdown-style heading in a text file.
            let hashes = t.chars().take_while(|c| *c == '#').count();
            if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
                push(
                    &mut parsed,
                    BlockKind::Heading,
                    hashes as u8,
                    line,
                    t[hashes..].trim(),
                );
                first_heading = false;
                i += 1;
                continue;
            }
            let stripped = t.trim_matches('*').trim();
            let alone = group.len() == 1;
            let followed_by_text = groups.get(gi + 1).is_some();
            if let Some(level) = numbered_heading(stripped)
                && stripped.chars().count() <= 90
                && !stripped.ends_with(['.', ';', ','])
                && (alone || i == 0)
            {
                push(&mut parsed, BlockKind::Heading, level, line, stripped);
                first_heading = false;
                i += 1;
                continue;
            }
            if all_caps(stripped) && (alone || i == 0) {
                let level = if parsed.blocks.is_empty() { 1 } else { 2 };
                push(&mut parsed, BlockKind::Heading, level, line, stripped);
                first_heading = false;
                i += 1;
                continue;
            }
            // A title line standing alone before its text, or directly above it (no blank
            // line between).
            let title_alone = alone && title_like(stripped) && followed_by_text;
            let title_above = i == 0
                && !alone
                && title_like(stripped)
                && stripped.chars().count() <= 60
                && next.is_some_and(|n| {
                    bullet(n).is_some()
                        || (n.chars().next().is_some_and(char::is_uppercase)
                            && n.chars().count() > stripped.chars().count())
                });
            if bullet(t).is_none() && (title_alone || title_above) {
                let level = if first_heading && parsed.blocks.is_empty() {
                    1
                } else {
                    2
                };
                push(&mut parsed, BlockKind::Heading, level, line, stripped);
                first_heading = false;
                i += 1;
                continue;
            }
            if let Some(marker) = bullet(t) {
                // A list item runs until the next bullet line.
                let mut j = i + 1;
                while j < group.len() && bullet(all[group[j]].text).is_none() {
                    j += 1;
                }
                let item_lines: Vec<&Line> = group[i..j].iter().map(|&k| &all[k]).collect();
                push_joined(&mut parsed, BlockKind::ListItem, 1, &item_lines, marker);
                i = j;
                continue;
            }
            // A paragraph: the rest of the group up to the next bullet line.
            let mut j = i + 1;
            while j < group.len() && bullet(all[group[j]].text).is_none() {
                j += 1;
            }
            let para: Vec<&Line> = group[i..j].iter().map(|&k| &all[k]).collect();
            push_joined(&mut parsed, BlockKind::Paragraph, 0, &para, 0);
            i = j;
        }
    }
    parsed
}

fn push(parsed: &mut Parsed, kind: BlockKind, level: u8, line: &Line, text: &str) {
    let offset = line.text.find(text).unwrap_or(0);
    let mut block = new_block(
        kind,
        level,
        text.to_string(),
        Span::new(line.start, line.end),
    );
    block.segments = vec![Segment {
        text_start: 0,
        source_start: line.start + offset,
    }];
    parsed.blocks.push(block);
}

/// Join lines into one block, with a segment per line so positions map back exactly.
fn push_joined(
    parsed: &mut Parsed,
    kind: BlockKind,
    level: u8,
    lines: &[&Line],
    skip_first: usize,
) {
    let mut text = String::new();
    let mut segments = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let skip = if k == 0 {
            skip_first.min(line.text.len())
        } else {
            0
        };
        let piece = line.text[skip..].trim_start();
        let lead = line.text.len() - skip - piece.len();
        if !text.is_empty() {
            text.push(' ');
        }
        segments.push(Segment {
            text_start: text.len(),
            source_start: line.start + skip + lead,
        });
        text.push_str(piece);
    }
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return;
    };
    let mut block = new_block(kind, level, text, Span::new(first.start, last.end));
    block.segments = segments;
    parsed.blocks.push(block);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Format;

    #[test]
    fn headings_bullets_and_paragraphs() {
        let text = "Privacyverklaring\n\nWij verwerken gegevens.\nOok op een tweede regel.\n\nCookies\n\nWij gebruiken cookies.\n\n3. Bewaartermijnen\n\n• Facturen: 7 jaar\n• Logs: 30 dagen\n\nUW RECHTEN\n\nArtikel 5 Klachten\n\n1. Ga naar de website en log in met uw gegevens.\n";
        let source = Source::from_text("t.txt", text, Some(Format::Text));
        let b = parse(&source).blocks;
        let got: Vec<(BlockKind, u8, &str)> = b
            .iter()
            .map(|b| (b.kind, b.level, b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, 1, "Privacyverklaring"),
                (
                    BlockKind::Paragraph,
                    0,
                    "Wij verwerken gegevens. Ook op een tweede regel."
                ),
                (BlockKind::Heading, 2, "Cookies"),
                (BlockKind::Paragraph, 0, "Wij gebruiken cookies."),
                (BlockKind::Heading, 2, "3. Bewaartermijnen"),
                (BlockKind::ListItem, 1, "Facturen: 7 jaar"),
                (BlockKind::ListItem, 1, "Logs: 30 dagen"),
                (BlockKind::Heading, 2, "UW RECHTEN"),
                (BlockKind::Heading, 2, "Artikel 5 Klachten"),
                (
                    BlockKind::ListItem,
                    1,
                    "Ga naar de website en log in met uw gegevens."
                ),
            ]
        );
        // The second line of a joined paragraph maps to line 4.
        let p = &b[1];
        let at = p.text.find("tweede").unwrap();
        let lc = source
            .line_index
            .line_col(&source.text, p.source_offset(at));
        assert_eq!((lc.line, lc.column), (4, 12));
        // A list item maps past its bullet.
        let li = &b[6];
        let lc = source
            .line_index
            .line_col(&source.text, li.source_offset(0));
        assert_eq!((lc.line, lc.column), (13, 3));
    }

    #[test]
    fn underlined_titles() {
        let b = parse(&Source::from_text(
            "t.txt",
            "Privacy Policy\n==============\n\nText here.\n",
            Some(Format::Text),
        ))
        .blocks;
        assert_eq!(
            (b[0].kind, b[0].level, b[0].text.as_str()),
            (BlockKind::Heading, 1, "Privacy Policy")
        );
        assert_eq!(b[1].text, "Text here.");
    }
}
