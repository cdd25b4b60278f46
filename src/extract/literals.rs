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

/// Shortest literal worth prefiltering on: a shorter one occurs in most sentences. A
/// prefix may be a byte shorter: a search that starts at it ends within a few bytes.
const MIN_LITERAL_LEN: usize = 3;
const MIN_PREFIX_LEN: usize = 2;

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

/// Literals of a pattern, and whether every match starts with one of them (prefixes) or
/// ends with one (suffixes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literals {
    pub prefixes: bool,
    pub bytes: Vec<Vec<u8>>,
}

/// Literals with which every match of the prepared `pattern` starts (or, failing that,
/// ends), or `None` when no useful set exists (a pattern that can start and end with
/// anything, or whose literals are too short or too many) and the pattern must be run on
/// every text.
///
/// Literal extraction treats look-arounds such as `\b` as matching anywhere, which only
/// widens the set of candidates: the regular expression still decides.
pub fn required_literals(prepared: &str) -> Option<Literals> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(prepared)
        .ok()?;
    let mut best: Option<(bool, Vec<Vec<u8>>)> = None;
    for (prefixes, kind) in [(true, ExtractKind::Prefix), (false, ExtractKind::Suffix)] {
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
        if shortest
            < if prefixes {
                MIN_PREFIX_LEN
            } else {
                MIN_LITERAL_LEN
            }
        {
            continue;
        }
        // prefixes unless the suffixes are clearly more selective: a search can then
        // start at the literal instead of scanning the text
        let better = match &best {
            None => true,
            Some((_, b)) => shortest > b.iter().map(Vec::len).min().unwrap_or(0) + 2,
        };
        if better {
            best = Some((prefixes, candidate));
        }
    }
    let (prefixes, mut bytes) = best?;
    bytes.sort();
    bytes.dedup();
    Some(Literals { prefixes, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Option<Vec<String>> {
        required_literals(&prepare(pattern)).map(|ls| {
            ls.bytes
                .into_iter()
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
    fn prefixes_are_preferred_and_say_so() {
        let found = required_literals(&prepare(r"\b(keep|retain)\b[^.]{0,40}\byears\b")).unwrap();
        assert!(found.prefixes);
        let found =
            required_literals(&prepare(r"\b[a-z]*partner\b[^.]{0,60}\bontvangt\b")).unwrap();
        assert!(!found.prefixes);
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
        assert!(found.iter().all(|l| l.len() >= MIN_PREFIX_LEN));
    }

    #[test]
    fn patterns_open_at_both_ends_or_with_short_literals_run_everywhere() {
        assert_eq!(literals(r"[a-z]+ [^.]* [a-z]+"), None);
        assert_eq!(literals(r"\b(a|of)\b"), None);
        assert_eq!(
            literals(r"\b(ap|fg)\b"),
            Some(vec!["ap".into(), "fg".into()])
        );
        assert_eq!(literals(r"x?"), None);
    }

    #[test]
    fn literals_of_accented_words_are_their_utf8_bytes() {
        // long literals are cut to a few bytes (possibly inside a character): still a
        // prefix of every match, which is all the prefilter needs
        let found = required_literals(&prepare(r"\bcoöperatie\b")).unwrap();
        assert!(found.prefixes);
        let found = found.bytes;
        assert_eq!(found.len(), 1);
        assert!("coöperatie".as_bytes().starts_with(&found[0]), "{found:?}");
        assert!(found[0].len() >= MIN_PREFIX_LEN);
    }

    #[test]
    fn prepare_makes_word_boundaries_ascii() {
        assert_eq!(prepare(r"\bdata\b"), r"(?-u:\b)data(?-u:\b)");
    }
}
