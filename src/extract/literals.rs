//! How a lexicon pattern is prepared for matching, and the literal *prefilter* of a
//! pattern: a set of byte strings at least one of which occurs in every match.
//!
//! A sentence is first scanned once for all the literals of a pattern list (Aho-Corasick);
//! only the patterns whose literals occur are run as regular expressions. A document is thus
//! scanned a bounded number of times however many patterns the lexicons hold, and patterns
//! that never get a candidate are never even compiled.
//!
//! This file is also compiled into `build.rs`, which validates the bundled patterns and
//! computes their literals at build time, so the bundled lexicons cost no parsing at start-up.
//! It therefore depends on `regex-syntax` only.

use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// Compiled size limit of one pattern (a pattern past it is refused when loaded).
pub const SIZE_LIMIT: usize = 64 << 20;

/// Shortest literal worth prefiltering on: a shorter one occurs in most sentences.
const MIN_LITERAL_LEN: usize = 3;

/// Most literals one pattern may contribute to a prefilter (an alternation of 150 country
/// names is fine; a cross product of optional words blowing up is not).
const MAX_LITERALS: usize = 1024;

/// Patterns are matched against normalised (lower-case) text, so they are compiled without
/// case folding, and with ASCII word boundaries: a Unicode `\b` keeps the regex engine off
/// its fast DFA paths (20-40x slower). Accented Dutch letters inside words still match as
/// literals; only a boundary right next to a non-ASCII letter behaves differently.
pub fn prepare(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Literals one of which every match of the prepared `pattern` contains, or `None` when
/// no useful set exists (a pattern that can start and end with anything, or whose
/// literals are too short or too many) and the pattern must be run on every text.
///
/// Literal extraction treats look-arounds such as `\b` as matching anywhere, which only
/// widens the set of candidates: the regular expression still decides.
pub fn required_literals(prepared: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(prepared)
        .ok()?;
    let mut best: Option<Vec<Vec<u8>>> = None;
    for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
        let mut extractor = Extractor::new();
        extractor
            .kind(kind)
            .limit_total(MAX_LITERALS)
            .limit_class(8)
            .limit_literal_len(8);
        let mut seq = extractor.extract(&hir);
        seq.dedup();
        let Some(literals) = seq.literals() else {
            continue;
        };
        if literals.is_empty() {
            // matches nothing at all; keep it simple and let the regex say so
            continue;
        }
        let candidate: Vec<Vec<u8>> = literals.iter().map(|l| l.as_bytes().to_vec()).collect();
        let shortest = candidate.iter().map(Vec::len).min().unwrap_or(0);
        if shortest < MIN_LITERAL_LEN {
            continue;
        }
        let better = match &best {
            None => true,
            Some(b) => shortest > b.iter().map(Vec::len).min().unwrap_or(0),
        };
        if better {
            best = Some(candidate);
        }
    }
    let mut out = best?;
    out.sort();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Option<Vec<String>> {
        required_literals(&prepare(pattern)).map(|ls| {
            ls.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn an_alternation_of_words_gives_its_words() {
        assert_eq!(
            literals(r"\b(keep|retain)\b[^.]{0,40}\byears?\b"),
            Some(vec!["keep".into(), "retain".into()])
        );
    }

    #[test]
    fn an_open_start_falls_back_to_the_end() {
        // any word may come first; every match ends in "ontvangt" or "ontvangen"
        assert_eq!(
            literals(r"\b[a-z]*partner\b[^.]{0,60}\b(ontvangt|ontvangen)\b"),
            Some(vec!["ntvangen".into(), "ontvangt".into()])
        );
    }

    #[test]
    fn optional_words_are_crossed_into_the_literals() {
        let found = literals(r"\b(the |our )?rights\b").unwrap();
        assert!(found.contains(&"rights".to_string()), "{found:?}");
        assert!(found.iter().all(|l| l.len() >= MIN_LITERAL_LEN));
    }

    #[test]
    fn patterns_open_at_both_ends_or_with_short_literals_run_everywhere() {
        assert_eq!(literals(r"[a-z]+ [^.]* [a-z]+"), None);
        assert_eq!(literals(r"\b(a|of)\b"), None);
        assert_eq!(literals(r"x?"), None);
    }

    #[test]
    fn literals_of_accented_words_are_their_utf8_bytes() {
        // long literals are cut to a few bytes (possibly inside a character): still a
        // prefix of every match, which is all the prefilter needs
        let found = required_literals(&prepare(r"\bcoöperatie\b")).unwrap();
        assert_eq!(found.len(), 1);
        assert!("coöperatie".as_bytes().starts_with(&found[0]), "{found:?}");
        assert!(found[0].len() >= MIN_LITERAL_LEN);
    }

    #[test]
    fn prepare_makes_word_boundaries_ascii() {
        assert_eq!(prepare(r"\bdata\b"), r"(?-u:\b)data(?-u:\b)");
    }
}
