//! Typed values found in text: durations, dates, email addresses, URLs, phone numbers and
//! legal entity names. Language-independent code with English and Dutch number and month
//! words; the vocabulary-defined values (countries, mechanisms, authorities, legal bases)
//! come from lexicon features instead.

pub(crate) use super::value_patterns::ORGANISATION_WORDS;
use super::value_patterns::{
    DATE_DMY_PATTERN, DATE_ISO_PATTERN, DATE_MDY_PATTERN, DATE_MONTH_YEAR_PATTERN,
    DATE_NUMERIC_PATTERN, DATE_SHORT_PATTERN, DURATION_PATTERN, EMAIL_PATTERN, LEGAL_FORMS,
    NAME_JOINERS, NAME_LETTERS, PHONE_PATTERN, URL_PATTERN, entity_pattern,
    with_ascii_word_boundaries,
};
use regex_automata::meta;
use serde::Serialize;
use std::sync::LazyLock;

/// The automata `build.rs` determinised for the value patterns of
/// [`super::value_patterns::determinised`].
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_value_dfas.rs"));

    use crate::extract::patterns::Aligned;

    /// The serialised automata `VALUE_DFAS` points into, each at an offset that is a
    /// multiple of 8, so the transitions of a dense one are read in place.
    pub static VALUE_AUTOMATA: &Aligned<[u8]> = &Aligned {
        _align: [],
        bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/bundled_value_dfas.bin")),
    };
}

/// A value pattern. Each runs only on the sentences a cheaper test passed (a unit word,
/// four digits, an `@`, `://`, a legal form).
///
/// A pattern with Unicode word boundaries (`\b`) has two forms: the lazy DFA of the regex
/// engine gives up on such a boundary at the first byte outside ASCII (a curly quote, a
/// dash, an accented letter), and the slow engines then answer (some 2% of the
/// instructions of checking the corpus), and a full DFA cannot be built for one at all.
/// Most texts with such bytes have them only in punctuation, and on a text without a word
/// character outside ASCII a Unicode and an ASCII word boundary (`(?-u:\b)`) stand at the
/// same places, so the pattern with ASCII boundaries finds the same matches there. It
/// serves those texts ([`ValuePattern::ascii`]); the pattern as written, compiled on first
/// need, serves the others.
struct ValuePattern {
    pattern: Box<str>,
    /// The pattern with ASCII word boundaries, for texts without a word character outside
    /// ASCII (or the pattern as written, when it has no word boundary).
    ascii: Search,
    /// The pattern as written, when it has a word boundary: for texts with a word character
    /// outside ASCII ([`has_non_ascii_word_character`]).
    unicode: Option<std::sync::OnceLock<meta::Regex>>,
}

/// How a pattern (with ASCII word boundaries) is searched.
enum Search {
    /// With the automata `build.rs` determinised for it (see
    /// [`super::value_patterns::determinised`]): compiled lean, as [`Search::Compiled`],
    /// the patterns took a fifth of the instructions of checking the Netflix statement.
    /// They find where the matches are; the groups of a match, when asked for, come from
    /// `groups`, run on the match alone.
    Determinised {
        /// Boxed: the automata's headers are some 1,500 bytes.
        dfas: Box<Dfas>,
        pattern: &'static str,
        /// The pattern compiled for its groups ([`groups_regex`]) on first need.
        groups: std::sync::OnceLock<meta::Regex>,
    },
    /// Compiled lean ([`super::patterns::lean_regex`]) when the pattern is made: compiled
    /// as `regex::Regex` compiles it, the date, duration and name patterns took some 3 ms
    /// of every run.
    Compiled(meta::Regex),
}

/// A pattern's forward and reverse automata, read back from the bytes `build.rs` wrote.
enum Dfas {
    Dense(DenseRegex),
    Sparse(SparseRegex),
}

type DenseRegex = regex_automata::dfa::regex::Regex<dense::DFA<&'static [u32]>>;
type SparseRegex = regex_automata::dfa::regex::Regex<sparse::DFA<&'static [u8]>>;

use regex_automata::dfa::{dense, sparse};

impl Dfas {
    /// The automata of `pattern` (with ASCII word boundaries), if `build.rs` determinised
    /// them.
    fn bundled(pattern: &str) -> Option<Dfas> {
        let &(_, forward, reverse, is_dense) =
            (bundled::VALUE_DFAS.iter()).find(|(p, ..)| *p == pattern)?;
        let bytes = |(at, len): (usize, usize)| &bundled::VALUE_AUTOMATA.bytes[at..at + len];
        let builder = regex_automata::dfa::regex::Regex::builder();
        // SAFETY: `build.rs` wrote these bytes with `to_bytes_*_endian` for the target's
        // byte order, each dense automaton at an offset that is a multiple of 8 of a blob
        // aligned for `u64`; the test `every_value_automaton_is_valid` reads every one with
        // the validating `from_bytes`. The unchecked reading skips only the validation of
        // the transitions (some 100,000 instructions for the larger automata).
        Some(if is_dense {
            let read = |at| unsafe { dense::DFA::from_bytes_unchecked(bytes(at)) };
            let (forward, reverse) = (read(forward).ok()?.0, read(reverse).ok()?.0);
            Dfas::Dense(builder.build_from_dfas(forward, reverse))
        } else {
            let read = |at| unsafe { sparse::DFA::from_bytes_unchecked(bytes(at)) };
            let (forward, reverse) = (read(forward).ok()?.0, read(reverse).ok()?.0);
            Dfas::Sparse(builder.build_from_dfas(forward, reverse))
        })
    }

    fn is_match(&self, text: &str) -> bool {
        match self {
            Dfas::Dense(re) => re.is_match(text),
            Dfas::Sparse(re) => re.is_match(text),
        }
    }

    /// The matches (as byte ranges) in `text`.
    fn find_iter<'a>(&'a self, text: &'a str) -> Box<dyn Iterator<Item = (usize, usize)> + 'a> {
        let span = |m: regex_automata::Match| (m.start(), m.end());
        match self {
            Dfas::Dense(re) => Box::new(re.find_iter(text).map(span)),
            Dfas::Sparse(re) => Box::new(re.find_iter(text).map(span)),
        }
    }
}

impl std::fmt::Debug for ValuePattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ValuePattern({:?})", self.pattern)
    }
}

/// The groups of one match of a [`ValuePattern`].
struct Groups<'t> {
    text: &'t str,
    captures: regex_automata::util::captures::Captures,
}

impl<'t> Groups<'t> {
    /// Group `i` (0: the whole match) as a byte range, if it took part in the match.
    fn range(&self, i: usize) -> Option<(usize, usize)> {
        self.captures.get_group(i).map(|s| (s.start, s.end))
    }

    /// Group `i` as text.
    fn text(&self, i: usize) -> Option<&'t str> {
        self.range(i).map(|(start, end)| &self.text[start..end])
    }
}

/// Group `i` as text, which must have taken part in the match (as indexing a
/// `regex::Captures`).
impl std::ops::Index<usize> for Groups<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.text(i)
            .unwrap_or_else(|| panic!("group {i} took no part in the match"))
    }
}

impl ValuePattern {
    fn new(pattern: &str) -> ValuePattern {
        let ascii = with_ascii_word_boundaries(pattern);
        let unicode = (ascii != pattern).then(std::sync::OnceLock::new);
        let search = match (Dfas::bundled(&ascii), bundled_pattern(&ascii)) {
            (Some(dfas), Some(pattern)) => Search::Determinised {
                dfas: Box::new(dfas),
                pattern,
                groups: std::sync::OnceLock::new(),
            },
            _ => Search::Compiled(compile(&ascii)),
        };
        ValuePattern {
            pattern: pattern.into(),
            ascii: search,
            unicode,
        }
    }

    /// The pattern as written, compiled, if `text` needs it rather than the pattern with
    /// ASCII word boundaries.
    fn unicode_for(&self, text: &str) -> Option<&meta::Regex> {
        match &self.unicode {
            Some(unicode) if has_non_ascii_word_character(text) => {
                Some(unicode.get_or_init(|| compile(&self.pattern)))
            }
            _ => None,
        }
    }

    /// Whether the pattern with ASCII word boundaries matches in `text` (which finds what
    /// the pattern as written finds only on a text without a word character outside ASCII).
    fn is_match_ascii(&self, text: &str) -> bool {
        match &self.ascii {
            Search::Compiled(regex) => regex.is_match(text),
            Search::Determinised { dfas, .. } => dfas.is_match(text),
        }
    }

    #[cfg(test)]
    fn as_str(&self) -> &str {
        &self.pattern
    }

    fn is_match(&self, text: &str) -> bool {
        match (self.unicode_for(text), &self.ascii) {
            (Some(regex), _) | (None, Search::Compiled(regex)) => regex.is_match(text),
            (None, Search::Determinised { dfas, .. }) => dfas.is_match(text),
        }
    }

    /// Every match as a byte range and text.
    fn find_iter<'a, 't: 'a>(
        &'a self,
        text: &'t str,
    ) -> impl Iterator<Item = ((usize, usize), &'t str)> + 'a {
        let spans: Box<dyn Iterator<Item = (usize, usize)> + 'a> =
            match (self.unicode_for(text), &self.ascii) {
                (Some(regex), _) | (None, Search::Compiled(regex)) => {
                    Box::new(regex.find_iter(text).map(|m| (m.start(), m.end())))
                }
                (None, Search::Determinised { dfas, .. }) => dfas.find_iter(text),
            };
        spans.map(move |(start, end)| ((start, end), &text[start..end]))
    }

    /// Every match with its groups. A determinised pattern's automata find each match;
    /// its groups are those of the compiled pattern searched on the match alone (anchored
    /// at its start, up to its end): the match the whole search finds there is the one
    /// the pattern prefers, so it is the one found there, with the same groups.
    fn captures_iter<'a, 't: 'a>(&'a self, text: &'t str) -> impl Iterator<Item = Groups<'t>> + 'a {
        let captures: Box<dyn Iterator<Item = _> + 'a> = match (self.unicode_for(text), &self.ascii)
        {
            (Some(regex), _) | (None, Search::Compiled(regex)) => {
                Box::new(regex.captures_iter(text))
            }
            (
                None,
                Search::Determinised {
                    dfas,
                    pattern,
                    groups,
                },
            ) => Box::new(dfas.find_iter(text).map(move |(start, end)| {
                let regex = groups.get_or_init(|| groups_regex(pattern));
                let input = regex_automata::Input::new(text)
                    .range(start..end)
                    .anchored(regex_automata::Anchored::Yes);
                let mut captures = regex.create_captures();
                regex.search_captures(&input, &mut captures);
                debug_assert_eq!(
                    captures.get_match().map(|m| (m.start(), m.end())),
                    Some((start, end)),
                    "{pattern}"
                );
                captures
            })),
        };
        captures.map(move |captures| Groups { text, captures })
    }
}

/// The text of a pattern `build.rs` determinised (with ASCII word boundaries), if `pattern`
/// is one, as a `'static` string.
fn bundled_pattern(pattern: &str) -> Option<&'static str> {
    (bundled::VALUE_DFAS.iter())
        .find(|(p, ..)| *p == pattern)
        .map(|(p, ..)| *p)
}

/// Compiles a value pattern (every one is a constant of this module; a test compiles them
/// all).
fn compile(pattern: &str) -> meta::Regex {
    super::patterns::lean_regex(pattern, None)
        .unwrap_or_else(|e| panic!("value pattern {pattern}: {e}"))
}

/// Compiles a determinised value pattern for the groups of its matches, which its automata
/// found: searched only on a match, anchored, it needs neither the lazy DFA nor the
/// reverse automaton (half of the compilation), only the engines that report groups.
fn groups_regex(pattern: &str) -> meta::Regex {
    let config = meta::Config::new()
        .auto_prefilter(false)
        .dfa(false)
        .hybrid(false)
        .onepass(false);
    (meta::Regex::builder().configure(config).build(pattern))
        .unwrap_or_else(|e| panic!("value pattern {pattern}: {e}"))
}

/// Whether `text` has a character outside ASCII that is a word character of the regex
/// engine's Unicode `\w` (an accented letter, a letter of another script, a combining
/// mark): only there can a Unicode word boundary stand where an ASCII one does not, or not
/// stand where one does.
fn has_non_ascii_word_character(text: &str) -> bool {
    // most texts are ASCII, which `is_ascii` tells a word at a time
    !text.is_ascii() && (text.chars()).any(|c| !c.is_ascii() && regex_syntax::is_word_character(c))
}

/// A period of time as written ("7 years", "30 dagen"), normalised to a count and unit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Duration {
    pub amount: u32,
    /// `hour`, `day`, `week`, `month` or `year`.
    pub unit: &'static str,
}

impl Duration {
    /// Approximate length in days, for comparisons ("2 years → 5 years" is longer).
    pub fn days(&self) -> u64 {
        let per = match self.unit {
            "minute" | "hour" => 0,
            "day" => 1,
            "week" => 7,
            "month" => 30,
            _ => 365,
        };
        u64::from(self.amount) * per
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.amount == 1 { "" } else { "s" };
        write!(f, "{} {}{}", self.amount, self.unit, plural)
    }
}

static DURATION: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(DURATION_PATTERN));

/// Whether a text holds a match of [`DURATION_PATTERN`]. The lazy DFA of that pattern gives
/// up on a Unicode word boundary next to a non-ASCII letter ("één", "€"), and the answer
/// then came from the slowest engine (2% of all the instructions of checking the corpus
/// benchmark). A text without a word character outside ASCII (most texts, curly quotes and
/// dashes included) is asked the twin of [`DURATION`] with ASCII word boundaries, which
/// answers there as the pattern does (see [`ValuePattern`]); only a text with one is asked
/// [`DURATION_PRESENT`], which costs some 4.5 million instructions to compile and was
/// compiled by every run with a text that is not ASCII and names a unit of time.
fn has_duration(text: &str) -> bool {
    if has_non_ascii_word_character(text) {
        DURATION_PRESENT.is_match(text)
    } else {
        DURATION.is_match_ascii(text)
    }
}

/// [`DURATION_PATTERN`] with its two word boundaries spelled as a non-word character or an
/// end of the text: a match starts and ends with a word character, so both say the same.
/// Its Unicode classes cost 4 million instructions to compile, so it is compiled only when a
/// text with a word character outside ASCII ("één", "geïnteresseerd") names a unit of time
/// (see [`has_duration`]).
static DURATION_PRESENT: LazyLock<ValuePattern> = LazyLock::new(|| {
    let inner = (DURATION_PATTERN.strip_prefix(r"(?i)\b"))
        .and_then(|p| p.strip_suffix(r"\b"))
        .expect("the duration pattern is (?i)\\b…\\b");
    ValuePattern::new(&format!(r"(?i)(?:^|\W){inner}(?:\W|$)"))
});

/// A prefilter for [`DURATION`]: every match holds one of these stems of its units. An ASCII
/// case-insensitive search for them finds every text the `(?i)` regex can match: the only
/// stem with a letter that has a non-ASCII case variant (`k`, and the Kelvin sign) is
/// listed with that variant too.
const DURATION_UNIT_STEMS: &[&str] = &[
    "minut",
    "hour",
    "uur",
    "uren",
    "day",
    "dag",
    "wee",
    "weken",
    "we\u{212a}en",
    "month",
    "maand",
    "year",
    "jaar",
    "jaren",
    "yr",
];

/// [`DURATION_UNIT_STEMS`] as the Aho-Corasick search that [`DURATION_STEMS`] replaced, for
/// the tests to compare.
#[cfg(test)]
static DURATION_UNITS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(DURATION_UNIT_STEMS)
        .expect("duration unit stems")
});

/// The finder of [`DURATION_UNIT_STEMS`] that [`durations`] asks first, built when privlint
/// is compiled: building it took some 200,000 instructions of every run.
static DURATION_STEMS: StemFinder = StemFinder::new(DURATION_UNIT_STEMS);

/// Whether a text holds one of a few short strings, their ASCII letters in either case (as
/// an ASCII case-insensitive Aho-Corasick search tells): an Aho-Corasick automaton made
/// deterministic, one table read per byte. The search of the `aho-corasick` crate took
/// some seventeen instructions per byte of a sentence with its set-up, and asking it of
/// every sentence cost 2% of a run.
struct StemFinder {
    /// Per state (the start state first), the next state for each byte:
    /// [`StemFinder::FOUND`] once a string has ended, and from then on. A row for every value
    /// of a state, so that reading one needs no bounds check.
    next: [[u8; 256]; 256],
}

impl StemFinder {
    const FOUND: u8 = u8::MAX;

    /// The finder of `stems` (a `const fn`, hence the `while` loops).
    const fn new(stems: &[&str]) -> StemFinder {
        // the trie of the strings, both cases of a letter leading to the same child (0: no
        // child; the root is nobody's)
        let mut trie = [[0u8; 256]; 256];
        let mut ends = [false; 256];
        let mut nodes = 1;
        let mut s = 0;
        while s < stems.len() {
            let bytes = stems[s].as_bytes();
            let mut node = 0;
            let mut k = 0;
            while k < bytes.len() {
                let b = bytes[k];
                node = match trie[node][b as usize] {
                    0 => {
                        let child = nodes;
                        assert!(child < Self::FOUND as usize, "too many stems");
                        nodes += 1;
                        trie[node][b.to_ascii_lowercase() as usize] = child as u8;
                        trie[node][b.to_ascii_uppercase() as usize] = child as u8;
                        child
                    }
                    child => child as usize,
                };
                k += 1;
            }
            ends[node] = true;
            s += 1;
        }
        // in order of depth: each node's failure link (its longest proper suffix in the
        // trie), whether a string ends there or at a suffix, and its transitions (a child,
        // or its failure link's)
        let mut next = [[0u8; 256]; 256];
        let mut fail = [0usize; 256];
        let mut order = [0usize; 256];
        let mut queued = [false; 256];
        queued[0] = true;
        let (mut head, mut len) = (0, 1);
        while head < len {
            let node = order[head];
            head += 1;
            let mut b = 0;
            while b < 256 {
                next[node][b] = match trie[node][b] {
                    0 if node == 0 => 0,
                    0 => next[fail[node]][b],
                    child => {
                        let child = child as usize;
                        if !queued[child] {
                            fail[child] = if node == 0 {
                                0
                            } else {
                                next[fail[node]][b] as usize
                            };
                            ends[child] |= ends[fail[child]];
                            queued[child] = true;
                            order[len] = child;
                            len += 1;
                        }
                        child as u8
                    }
                };
                b += 1;
            }
        }
        // a state in which a string has ended is `FOUND` (rows past the last node are all
        // the start state, which no string ends in)
        let mut row = 0;
        while row < 256 {
            let mut b = 0;
            while b < 256 {
                if ends[next[row][b] as usize] {
                    next[row][b] = Self::FOUND;
                }
                b += 1;
            }
            row += 1;
        }
        // once found, found whatever follows (see `finds_in`)
        next[Self::FOUND as usize] = [Self::FOUND; 256];
        StemFinder { next }
    }

    /// Whether one of the strings occurs in `text`. [`StemFinder::FOUND`] leads only to
    /// itself, so the state is looked at once per eight bytes rather than after each: the
    /// test and branch were half the instructions of a byte.
    fn finds_in(&self, text: &str) -> bool {
        const BLOCK: usize = 8;
        let step = |state: u8, b: &u8| self.next[usize::from(state)][usize::from(*b)];
        let mut state = 0;
        let blocks = text.as_bytes().chunks_exact(BLOCK);
        let rest = blocks.remainder();
        for block in blocks {
            state = block.iter().fold(state, step);
            if state == Self::FOUND {
                return true;
            }
        }
        rest.iter().fold(state, step) == Self::FOUND
    }
}

fn number_word(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.as_str() {
        "a" | "an" | "one" | "een" | "één" => 1,
        "two" | "twee" => 2,
        "three" | "drie" => 3,
        "four" | "vier" => 4,
        "five" | "vijf" => 5,
        "six" | "zes" => 6,
        "seven" | "zeven" => 7,
        "eight" | "acht" => 8,
        "nine" | "negen" => 9,
        "ten" | "tien" => 10,
        "eleven" | "elf" => 11,
        "twelve" | "twaalf" => 12,
        "fifteen" | "vijftien" => 15,
        "eighteen" | "achttien" => 18,
        "twenty" | "twintig" => 20,
        "thirty" | "dertig" => 30,
        "sixty" | "zestig" => 60,
        "ninety" | "negentig" => 90,
        _ => return None,
    })
}

fn unit(w: &str) -> &'static str {
    let w = w.to_lowercase();
    match w.as_str() {
        s if s.starts_with("min") => "minute",
        s if s.starts_with("hour") || s.starts_with("uur") || s == "uren" => "hour",
        s if s.starts_with("day") || s.starts_with("dag") => "day",
        s if s.starts_with("week") || s == "weken" => "week",
        s if s.starts_with("month") || s.starts_with("maand") => "month",
        _ => "year",
    }
}

/// Whether the number of years at `start..end` of `text` is an age ("13 years of age",
/// "16 years old", "younger than 16 years", "jonger dan 16 jaar", "16 jaar oud"), not a period.
fn is_age(text: &str, start: usize, end: usize) -> bool {
    // a few characters either side are enough, and keep this cheap on long texts
    let after: String = text[end..].chars().take(12).collect();
    let after = after.trim_start().to_lowercase();
    let mut before: Vec<char> = text[..start].chars().rev().take(24).collect();
    before.reverse();
    let before = before
        .into_iter()
        .collect::<String>()
        .trim_end()
        .to_lowercase();
    ["of age", "old", "oud"].iter().any(|w| {
        after.starts_with(w) && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    }) || [
        "younger than",
        "older than",
        "the age of",
        "aged",
        "jonger dan",
        "ouder dan",
        "leeftijd van",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// Whether the span of time at `start` is no period something lasts or is kept, but a
/// window looked back over ("in the prior twelve (12) months we disclosed …", "in de
/// voorgaande 12 maanden") or a frequency ("at least once a year", "twee keer per jaar"). A number the match left out ("twelve" before "(12) months") is skipped.
fn is_lookback_or_frequency(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..start].to_lowercase();
    let mut words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) || number_word(w).is_some())
    {
        words.pop();
    }
    let tail: Vec<&str> = words.iter().rev().take(3).rev().copied().collect();
    let ends = |phrase: &[&str]| tail.ends_with(phrase);
    // a frequency ("every 30 days" stays a period: logs deleted every 30 days are kept no
    // longer)
    let frequency = [
        &["once"][..],
        &["twice"],
        &["times"],
        &["once", "per"],
        &["once", "every"],
        &["eens", "per"],
        &["keer", "per"],
    ];
    if frequency.iter().any(|p| ends(p)) {
        return true;
    }
    // a window looked back over, in the words of the Californian law ("in the preceding
    // twelve months"); "during the last ten years" and "in de afgelopen 2 jaar" more often
    // set a period of inactivity after which data is deleted, a retention rule
    let [prep, article, which] = tail[..] else {
        return false;
    };
    (matches!(prep, "in" | "during" | "over" | "within")
        && article == "the"
        && matches!(which, "prior" | "preceding"))
        || (matches!(prep, "in" | "gedurende") && article == "de" && which == "voorgaande")
}

/// What a word near a span of time says the span is for: keeping or deleting something
/// (a period), answering someone (a deadline: "we respond within one month", "wij
/// beantwoorden uw verzoek binnen een maand") or ending a session or access (a timeout:
/// "you are logged out after 30 minutes of inactivity", "na 30 minuten wordt u uitgelogd").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeUse {
    Keeping,
    Answering,
    EndingAccess,
}

/// The use a lower-case word names, with the word after it for the two-word ones ("logged
/// out", "time out"). Stems stand for a word's start ("delet" for "deleted"); the Dutch
/// verbs of answering are the verbs only, as their nouns ("reacties worden 2 jaar bewaard")
/// are often what is kept.
fn time_use(word: &str, next: Option<&str>) -> Option<TimeUse> {
    const KEEPING: &[&str] = &[
        "delet",
        "eras",
        "stor",
        "keep",
        "kept",
        "retain",
        "retention",
        "remov",
        "destroy",
        "anonymi",
        "pseudonymi",
        "purg",
        "bewaar",
        "bewar",
        "verwijder",
        "gewist",
        "opgeslagen",
        "opslaan",
        "opslag",
        "vernietig",
        "anonimis",
        "geanonimiseerd",
    ];
    const ANSWERING: &[&str] = &[
        "respond",
        "reply",
        "replie",
        "answer",
        "acknowledg",
        "notif",
        "reageren",
        "reageert",
        "reageer",
        "beantwoord",
        "afhandelen",
        "afgehandeld",
    ];
    const ENDING_ACCESS: &[&str] = &[
        "logout",
        "timeout",
        "suspend",
        "uitgelogd",
        "uitloggen",
        "uitlogt",
        "geblokkeerd",
        "geschorst",
        "opgeschort",
    ];
    let stem = |stems: &[&str]| stems.iter().any(|s| word.starts_with(s));
    let out_after = next == Some("out")
        && matches!(
            word,
            "log" | "logs" | "logged" | "sign" | "signs" | "signed" | "time" | "times" | "timed"
        );
    if out_after || stem(ENDING_ACCESS) {
        Some(TimeUse::EndingAccess)
    } else if stem(ANSWERING) {
        Some(TimeUse::Answering)
    } else if stem(KEEPING) || matches!(word, "wis" | "wist" | "wissen") {
        Some(TimeUse::Keeping)
    } else {
        None
    }
}

/// Whether the span of time at `start..end` of `text` is a deadline for an answer or a
/// timeout that ends a session or access, not a period something is kept. The nearest word
/// before it that names a use decides ("we delete your data within 30 days of your request"
/// is a period, "if you ask us to delete it, we respond within 30 days" a deadline), unless
/// its own clause goes on to say it is kept ("reacties worden 2 jaar bewaard"); with none
/// before it, the nearest in its clause after it does (Dutch puts the verb last: "binnen een
/// maand beantwoorden", "na 30 minuten uitgelogd").
fn is_deadline_or_timeout(text: &str, start: usize, end: usize) -> bool {
    let uses = |words: &[String]| -> Vec<TimeUse> {
        (0..words.len())
            .filter_map(|i| time_use(&words[i], words.get(i + 1).map(String::as_str)))
            .collect()
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // the rest of the span's clause, up to an event it counts from ("2 years after we have
    // answered your question", "5 jaar na afhandeling", "tot een jaar nadat …"), whose
    // words say nothing of the span, or to a conjunction that opens the next verb's clause
    // ("suspended after 24 months and deleted after a further 12")
    let after = &text[end..to];
    let clause_end = after
        .find([',', ';', '.', ':', '!', '?'])
        .unwrap_or(after.len());
    let mut after = words(&after[..clause_end]);
    const CLAUSE_ENDS: &[&str] = &[
        "after",
        "following",
        "from",
        "since",
        "until",
        "till",
        "once",
        "when",
        "if",
        "and",
        "or",
        "but",
        "na",
        "nadat",
        "vanaf",
        "van",
        "sinds",
        "tot",
        "zodra",
        "wanneer",
        "als",
        "en",
        "maar",
    ];
    if let Some(at) = after.iter().position(|w| CLAUSE_ENDS.contains(&w.as_str())) {
        after.truncate(at);
    }
    let after = uses(&after);
    let before = uses(&words(&text[from..start]));
    match before.last() {
        Some(TimeUse::Keeping) => false,
        Some(_) => !after.contains(&TimeUse::Keeping),
        None => matches!(
            after.first(),
            Some(TimeUse::Answering | TimeUse::EndingAccess)
        ),
    }
}

/// The value patterns [`warm_up`] makes: those most statements need (their automata are
/// read back; the engines for the groups of a match are compiled on first need). Of the 213
/// statements of the team's corpus, 195 need [`PHONE`], 178 [`DURATION`], 165 the worded
/// dates, 143 [`ENTITY`] and 139 [`EMAIL`]; the others ([`URL`], [`DATE_MONTH_YEAR`],
/// [`DATE_ISO`], [`DATE_NUMERIC`], [`NAMED_BODY`], [`SPELLED_EMAIL`], [`DURATION_PRESENT`])
/// are compiled on first use.
static WARMED_UP: [&LazyLock<ValuePattern>; 6] =
    [&DURATION, &DATE_MDY, &DATE_DMY, &EMAIL, &PHONE, &ENTITY];

/// The value patterns that few statements need and [`warm_up`] leaves to their first use
/// (listed for the tests, which compare every pattern; before their automata were
/// determinised by `build.rs`, each compiled on first use):
/// of the 213 statements of the team's corpus, 57 need [`URL`], 48 [`DATE_MONTH_YEAR`], 25
/// [`DATE_ISO`] and 18 [`DATE_NUMERIC`]. Warming them up cost every run that needs none of
/// them (a short statement, or one without links and numeric dates, such as the Netflix
/// statement) some 0.9 million instructions.
#[cfg(test)]
static COMPILED_ON_FIRST_USE: [&LazyLock<ValuePattern>; 4] =
    [&URL, &DATE_MONTH_YEAR, &DATE_ISO, &DATE_NUMERIC];

/// Makes now the value patterns most statements need ([`WARMED_UP`]; see
/// [`super::Extractor::warm_up`]); each of the others is made when first used.
/// The separator of a list that goes on at the start of `text` (", ", " and ", ", or the ",
/// " en ", " of ", "/"), with an article after it: where the next item begins. `None` when
/// the text does not go on with a separator.
pub fn list_separator(text: &str) -> Option<usize> {
    const WORDS: &[&str] = &["and/or", "en/of", "as well as", "and", "or", "en", "of"];
    const ARTICLES: &[&str] = &["the ", "de ", "het "];
    let mut at = 0;
    let mut separated = false;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if let Some(c) = trimmed.chars().next().filter(|c| ",;/&".contains(*c)) {
            at += c.len_utf8();
            separated = true;
            continue;
        }
        let word = WORDS.iter().find(|w| {
            trimmed.starts_with(*w)
                && (trimmed[w.len()..].chars().next()).is_some_and(char::is_whitespace)
        });
        match word {
            Some(w) => {
                at += w.len();
                separated = true;
            }
            None => break,
        }
    }
    if !separated {
        return None;
    }
    let rest = &text[at..];
    at += ARTICLES
        .iter()
        .find(|a| rest.starts_with(*a))
        .map_or(0, |a| a.len());
    Some(at)
}

pub fn warm_up() {
    for regex in WARMED_UP {
        LazyLock::force(regex);
    }
}

/// Whether `text` holds a duration ([`durations`] is not empty). A match written in ASCII
/// needs no groups: its number is one the pattern spells (only a letter outside ASCII, such
/// as the `ſ` that `(?i)` takes for an `s`, can match a number word and be none), so the
/// capture engines run only for a match that is not ASCII.
pub fn has_durations(text: &str) -> bool {
    // on a text that is not ASCII, the match test that copes with its letters first
    if !DURATION_STEMS.finds_in(text) || !(text.is_ascii() || has_duration(text)) {
        return false;
    }
    for ((start, end), found) in DURATION.find_iter(text) {
        if is_age(text, start, end)
            || is_lookback_or_frequency(text, start)
            || is_deadline_or_timeout(text, start, end)
        {
            continue;
        }
        if found.is_ascii() {
            return true;
        }
        return !durations(text).is_empty();
    }
    false
}

/// Durations in `text`, with their byte ranges. "a" / "een" alone count only before a
/// unit ("a year", "een jaar"). Ages ("13 years of age") are not durations.
pub fn durations(text: &str) -> Vec<((usize, usize), Duration)> {
    // most sentences name no unit of time at all, and the regex with its Unicode word
    // boundaries is slow to find that out; when one is there, a match test is still far
    // cheaper than the capture engines
    if !DURATION_STEMS.finds_in(text) || !has_duration(text) {
        return Vec::new();
    }
    DURATION
        .captures_iter(text)
        .filter_map(|c| {
            let (start, end) = c.range(0)?;
            if is_age(text, start, end)
                || is_lookback_or_frequency(text, start)
                || is_deadline_or_timeout(text, start, end)
            {
                return None;
            }
            let amount = number_word(c.text(1)?)?;
            // "een" is also the Dutch article: "een jaar" is a duration, but only when the
            // unit follows directly; the regex guarantees that.
            Some((
                (start, end),
                Duration {
                    amount,
                    unit: unit(c.text(2)?),
                },
            ))
        })
        .collect()
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("januari", 1),
    ("jan", 1),
    ("february", 2),
    ("februari", 2),
    ("feb", 2),
    ("march", 3),
    ("maart", 3),
    ("mar", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("mei", 5),
    ("june", 6),
    ("juni", 6),
    ("jun", 6),
    ("july", 7),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("augustus", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oktober", 10),
    ("oct", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

static DATE_MDY: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(DATE_MDY_PATTERN));
static DATE_DMY: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(DATE_DMY_PATTERN));
static DATE_ISO: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(DATE_ISO_PATTERN));
static DATE_NUMERIC: LazyLock<ValuePattern> =
    LazyLock::new(|| ValuePattern::new(DATE_NUMERIC_PATTERN));
/// A numeric date with a two-digit year ("06-03-25", "6/3/25"): the same separator twice,
/// a dash or a slash (not a dot, which writes section and version numbers: "see 2.2.12",
/// "Redux 4.5.13"). [`short_year`] maps the year; [`dates`] orders day and month as for
/// four-digit years.
static DATE_SHORT: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(DATE_SHORT_PATTERN));
static DATE_MONTH_YEAR: LazyLock<ValuePattern> =
    LazyLock::new(|| ValuePattern::new(DATE_MONTH_YEAR_PATTERN));

fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

/// The year of a two-digit year: 00-69 are 2000-2069, 70-99 are 1970-1999 (which
/// [`iso`] then refuses, as it refuses every year before 1990).
fn short_year(yy: u32) -> u32 {
    if yy < 70 { 2000 + yy } else { 1900 + yy }
}

/// Whether the short date at `start..end` of `text` is a whole number chain: no digit
/// group joined to it by `-`, `/` or `.` on either side ("06-12-34-56" is a telephone
/// number, "1.06/03/25" no date).
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let joined = |sep: Option<&u8>, digit: Option<&u8>| {
        sep.is_some_and(|c| matches!(c, b'-' | b'/' | b'.'))
            && digit.is_some_and(u8::is_ascii_digit)
    };
    let before = start >= 2 && joined(b.get(start - 1), b.get(start - 2));
    !before && !joined(b.get(end), b.get(end + 1))
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    let valid = (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    valid.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The order of day and month in a numeric date whose two numbers could both be the month
/// ("06-03-25"): a document writes all its numeric dates in one order, and another of its
/// dates may show which ([`date_order`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// "06-03-25" is 6 March: the convention in both languages, and the reading when
    /// nothing in the document tells.
    #[default]
    DayFirst,
    /// "06-03-25" is 3 June: the document writes "11-21-25" elsewhere.
    MonthFirst,
}

/// The numeric dates of `text` (four- or two-digit year) as their first and second number
/// and their year, with byte ranges: the candidates [`dates`] orders.
fn numeric_dates(text: &str, forms: &DateForms) -> Vec<((usize, usize), u32, u32, u32)> {
    let mut out = Vec::new();
    if forms.numeric {
        for c in DATE_NUMERIC.captures_iter(text) {
            if let (Ok(a), Ok(b), Ok(y)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
                out.push((c.range(0).unwrap_or((0, 0)), a, b, y));
            }
        }
    }
    if forms.short {
        for c in DATE_SHORT.captures_iter(text) {
            let r = c.range(0).unwrap_or((0, 0));
            if c[2] != c[4] || !standalone(text, r.0, r.1) {
                continue;
            }
            if let (Ok(a), Ok(b), Ok(yy)) = (c[1].parse(), c[3].parse(), c[5].parse()) {
                out.push((r, a, b, short_year(yy)));
            }
        }
    }
    out
}

/// The order the numeric dates of a document's texts show: month first if one of them has
/// a second number that cannot be a month ("11-21-25"), day first if one has a first
/// number that cannot be ("21-11-25"); the default, day first, where none shows it or
/// they disagree.
pub fn date_order<'t>(texts: impl IntoIterator<Item = &'t str>) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for text in texts {
        let forms = DateForms::of(text);
        if !forms.numeric && !forms.short {
            continue;
        }
        for (_, a, b, y) in numeric_dates(text, &forms) {
            day_first |= a > 12 && iso(y, b, a).is_some();
            month_first |= b > 12 && iso(y, a, b).is_some();
        }
    }
    if month_first && !day_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

/// Calendar dates in `text` as ISO `YYYY-MM-DD` strings, with byte ranges, in text order,
/// numeric dates read day first where both numbers could be the month ([`dates_in_order`]).
pub fn dates(text: &str) -> Vec<((usize, usize), String)> {
    dates_in_order(text, || DateOrder::DayFirst)
}

/// Calendar dates in `text` as ISO `YYYY-MM-DD` strings, with byte ranges, in text order.
/// English ("April 17, 2024", "17 April 2024"), Dutch ("17 april 2024"), ISO and numeric
/// ("17-04-2024", "06-21-2023") forms, also with a two-digit year ("06-03-25", "11/21/25";
/// see [`short_year`]); a month and year alone give the first day. A numeric date whose
/// second number cannot be a month is month first ("11/21/25" is 21 November 2025), one
/// whose first number cannot be is day first; where both numbers could be the month
/// ("06-03-25") the text alone does not say which order it uses, and `order` (asked only
/// then) gives the order of its document ([`date_order`]): day first, the convention in
/// both languages, unless another date of the document is month first.
pub fn dates_in_order(
    text: &str,
    order: impl FnOnce() -> DateOrder,
) -> Vec<((usize, usize), String)> {
    let mut out = Vec::new();
    let order = std::cell::LazyCell::new(order);
    // only the patterns of the forms the years of the text allow run
    let forms = DateForms::of(text);
    if forms.worded {
        for c in DATE_MDY.captures_iter(text) {
            if let (Some(m), Ok(d), Ok(y)) = (month(&c[1]), c[2].parse(), c[3].parse())
                && let Some(s) = iso(y, m, d)
            {
                let r = c.range(0).unwrap_or((0, 0));
                out.push((r, s));
            }
        }
        for c in DATE_DMY.captures_iter(text) {
            if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month(&c[2]), c[3].parse())
                && let Some(s) = iso(y, m, d)
            {
                let r = c.range(0).unwrap_or((0, 0));
                out.push((r, s));
            }
        }
    }
    if forms.iso {
        for c in DATE_ISO.captures_iter(text) {
            if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse())
                && let Some(s) = iso(y, m, d)
            {
                let r = c.range(0).unwrap_or((0, 0));
                out.push((r, s));
            }
        }
    }
    for (r, a, b, y) in numeric_dates(text, &forms) {
        // month first where the second number cannot be a month ("06-21-2023" is
        // American), day first where the first cannot be; else as the document writes
        let month_first = b > 12 || (a <= 12 && *order == DateOrder::MonthFirst);
        if let Some(s) = if month_first {
            iso(y, a, b)
        } else {
            iso(y, b, a)
        } {
            out.push((r, s));
        }
    }
    if out.is_empty() && forms.worded {
        for c in DATE_MONTH_YEAR.captures_iter(text) {
            if let (Some(m), Ok(y)) = (month(&c[1]), c[2].parse())
                && c[1].len() >= 3
                && let Some(s) = iso(y, m, 1)
            {
                let r = c.range(0).unwrap_or((0, 0));
                out.push((r, s));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0.0 < b.0.1 && b.0.0 < a.0.1);
    out
}

static EMAIL: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(EMAIL_PATTERN));
/// An address written out against harvesters: "security[at]example.org", "info (at)
/// example (dot) nl". Group 1 is the mailbox, group 2 the domain with its separators.
static SPELLED_EMAIL: LazyLock<ValuePattern> = LazyLock::new(|| {
    ValuePattern::new(
        r"(?i)\b([a-z0-9][a-z0-9._%+-]*) ?[\[({] ?(?:at|@) ?[\])}] ?([a-z0-9-]+(?:(?:\.| ?[\[({] ?dot ?[\])}] ?)[a-z0-9-]+)*(?:\.| ?[\[({] ?dot ?[\])}] ?)[a-z]{2,})\b",
    )
});
static URL: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(URL_PATTERN));
static PHONE: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(PHONE_PATTERN));

/// An English name of a foundation or association: capitalised words before the word ("the
/// Privacy by Design foundation", "Mozilla Foundation", the English for "Stichting Privacy by
/// Design"). A determiner that starts a sentence is no part of the name; see
/// [`named_bodies`]. Not warmed up: few texts hold either word, and only those compile it.
/// An organisation's name ([`entity_pattern`]).
static ENTITY: LazyLock<ValuePattern> = LazyLock::new(|| ValuePattern::new(&entity_pattern()));

static NAMED_BODY: LazyLock<ValuePattern> = LazyLock::new(|| {
    ValuePattern::new(&format!(
        r"\b((?:[A-Z][{w}'’-]*\s+(?:(?:by|of|for|and)\s+)?){{1,5}})(?:[Ff]oundation|[Aa]ssociation)\b",
        w = NAME_LETTERS,
    ))
});

/// Prepositions that start a sentence before a name without being part of it ("At
/// Example, Inc., we …", "Bij Voorbeeld B.V. …"); kept off the front of an entity's name.
const LEADING_PREPOSITIONS: &[&str] = &[
    "At", "By", "For", "From", "With", "Via", "Bij", "Door", "Namens", "Voor", "Met",
];

/// Words that start a sentence before a name without being part of it ("The Mozilla
/// Foundation", "Our Foundation").
const DETERMINERS: &[&str] = &[
    "The", "This", "That", "These", "Our", "Your", "Its", "Their", "A", "An", "Each", "Any",
];

/// A search for a fixed string, built once. `str::contains` builds its searcher on every
/// call, and for a sentence of a hundred bytes that took longer than the search: the quick
/// tests that ask every sentence for a fixed string cost 160 to 190 instructions a call (1%
/// of a run).
pub(crate) type Needle = LazyLock<memchr::memmem::Finder<'static>>;

/// Whether `text` holds the string of `needle`.
pub(crate) fn holds(text: &str, needle: &Needle) -> bool {
    needle.find(text.as_bytes()).is_some()
}

/// The tests before [`NAMED_BODY`]: every name it finds ends in one of these words.
static FOUNDATION: Needle = LazyLock::new(|| memchr::memmem::Finder::new("oundation"));
static ASSOCIATION: Needle = LazyLock::new(|| memchr::memmem::Finder::new("ssociation"));

/// The names [`NAMED_BODY`] finds, without a leading determiner; none where only a
/// determiner is left ("The Foundation").
fn named_bodies(text: &str) -> Vec<((usize, usize), &str)> {
    if !(holds(text, &FOUNDATION) || holds(text, &ASSOCIATION)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in NAMED_BODY.captures_iter(text) {
        let (Some((_, end)), Some((mut start, _)), Some(mut name)) =
            (m.range(0), m.range(1), m.text(1))
        else {
            continue;
        };
        while let Some((first, rest)) = name.split_once(char::is_whitespace) {
            if !DETERMINERS.contains(&first) {
                break;
            }
            let rest = rest.trim_start();
            start += name.len() - rest.len();
            name = rest;
        }
        if name.trim().is_empty() {
            continue;
        }
        out.push(((start, end), &text[start..end]));
    }
    out
}

/// The markers [`has_entity_marker`] looks for, as the automaton it used to search with: the
/// tests check that both give the same answer.
#[cfg(test)]
static ENTITY_MARKERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let words = ORGANISATION_WORDS.iter().map(|w| {
        let first = w.chars().next().map_or(0, char::len_utf8);
        &w[first..]
    });
    let markers: Vec<&str> = LEGAL_FORMS.iter().copied().chain(words).collect();
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(markers)
        .expect("entity markers")
});

fn ranges<'a>(pattern: &ValuePattern, text: &'a str) -> Vec<((usize, usize), &'a str)> {
    pattern.find_iter(text).collect()
}

/// Where the first ASCII digit of `bytes` is. Most sentences hold no digit at all, and a
/// byte at a time with a branch on each took 10 to 20 instructions per byte of every
/// sentence for each of the date and phone tests (3% of a run); blocks of 16 bytes with no
/// branch inside are compiled to vector instructions, and only the block with a digit is
/// looked at byte by byte.
fn first_ascii_digit(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut at = 0;
    for block in bytes.chunks_exact(BLOCK) {
        let digits = (block.iter()).fold(0u8, |any, &b| any | u8::from(b.wrapping_sub(b'0') < 10));
        if digits != 0 {
            break;
        }
        at += BLOCK;
    }
    (bytes[at..].iter().position(u8::is_ascii_digit)).map(|i| at + i)
}

/// The date forms whose patterns may match a text, told by the years it holds. Every form
/// has a year of exactly four ASCII digits (a digit next to it would leave no word boundary
/// there, or is no separator), which [`iso`] takes only from 1990 to 2100: most sentences
/// with four digits in a row hold none (a postcode, a regulation's number, a phone
/// number), and the patterns, whose Unicode word boundaries hand a text that is not ASCII
/// to the slowest engine, then do not run. Where such a year stands says which forms may
/// have it.
#[derive(Debug, Default, PartialEq, Eq)]
struct DateForms {
    /// A year followed by `-` ([`DATE_ISO`]).
    iso: bool,
    /// A year after `-`, `/` or `.` ([`DATE_NUMERIC`]).
    numeric: bool,
    /// A year after white space ([`DATE_MDY`], [`DATE_DMY`], [`DATE_MONTH_YEAR`]).
    worded: bool,
    /// Two digits after a digit and `-` or `/` ([`DATE_SHORT`]).
    short: bool,
}

impl DateForms {
    fn of(text: &str) -> DateForms {
        let bytes = text.as_bytes();
        let mut forms = DateForms::default();
        let mut from = 0;
        while let Some(i) = first_ascii_digit(&bytes[from..]) {
            // a run of digits, which starts after a byte that is no digit
            let start = from + i;
            let run = (bytes[start..].iter())
                .take_while(|b| b.is_ascii_digit())
                .count();
            from = start + run;
            if run == 2 {
                forms.short |= start >= 2
                    && matches!(bytes[start - 1], b'-' | b'/')
                    && bytes[start - 2].is_ascii_digit();
                continue;
            }
            if run != 4 {
                continue;
            }
            let year = (bytes[start..from].iter()).fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
            if !(1990..=2100).contains(&year) {
                continue;
            }
            forms.iso |= bytes.get(from) == Some(&b'-');
            forms.numeric |= start > 0 && matches!(bytes[start - 1], b'-' | b'/' | b'.');
            forms.worded |= text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
        }
        forms
    }
}

/// Which of the bytes the quick tests before the value patterns look for a text holds, found
/// in one pass: a sentence without a digit holds no date and no phone number, one without
/// `@` no email address, one without `[`, `(` or `{` no address spelled out against
/// harvesters, one without `:` no URL. Each of those tests read the whole sentence on its
/// own (some 30 million instructions over the corpus benchmark's 23,700 sentences); the
/// comparisons here read it once, sixteen bytes at a time in vector instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueBytes(u8);

impl ValueBytes {
    const DIGIT: u8 = 1;
    const AT: u8 = 2;
    const OPENING: u8 = 4;
    const COLON: u8 = 8;

    pub fn of(text: &str) -> ValueBytes {
        // `|`, not `||`, and no early exit: no branch inside the loop
        let class = |b: u8| {
            u8::from(b.wrapping_sub(b'0') < 10)
                | u8::from(b == b'@') << 1
                | u8::from((b == b'[') | (b == b'(') | (b == b'{')) << 2
                | u8::from(b == b':') << 3
        };
        // blocks of 16 bytes, each byte's classes added to its own lane, and the last
        // bytes as a block with zeros after them (a zero is in no class): the classes a
        // byte at a time took 20 instructions a byte
        const BLOCK: usize = 16;
        let mut lanes = [0u8; BLOCK];
        let mut add = |block: &[u8; BLOCK]| {
            for (lane, &b) in lanes.iter_mut().zip(block) {
                *lane |= class(b);
            }
        };
        let blocks = text.as_bytes().chunks_exact(BLOCK);
        let mut last = [0u8; BLOCK];
        last[..blocks.remainder().len()].copy_from_slice(blocks.remainder());
        for block in blocks {
            add(block.try_into().unwrap_or(&[0; BLOCK]));
        }
        add(&last);
        ValueBytes(lanes.iter().fold(0, |any, lane| any | lane))
    }

    /// An ASCII digit: what [`dates`] and [`phones`] need.
    pub fn digit(self) -> bool {
        self.0 & Self::DIGIT != 0
    }

    /// An `@`: what [`emails`] needs.
    pub fn at(self) -> bool {
        self.0 & Self::AT != 0
    }

    /// An opening bracket: what [`spelled_emails`] needs.
    pub fn opening(self) -> bool {
        self.0 & Self::OPENING != 0
    }

    /// A colon: what [`urls`] needs.
    pub fn colon(self) -> bool {
        self.0 & Self::COLON != 0
    }
}

/// Whether a text has an ASCII digit (a quick test before the phone pattern).
fn has_digit(text: &str) -> bool {
    first_ascii_digit(text.as_bytes()).is_some()
}

pub fn emails(text: &str) -> Vec<((usize, usize), &str)> {
    if !text.contains('@') {
        return Vec::new();
    }
    (EMAIL.find_iter(text))
        .map(|((start, end), _)| {
            let start = with_unicode_hyphens(text, start);
            ((start, end), &text[start..end])
        })
        .collect()
}

/// Where an address that starts at `start` really starts when a Unicode hyphen (U+2010,
/// U+2011) joins it to a mailbox part before it ("fv‐privacy@example.org"): the pattern
/// stops at the hyphen, and the address without what comes before it is not in the text.
fn with_unicode_hyphens(text: &str, mut start: usize) -> usize {
    let local = |b: &u8| b.is_ascii_alphanumeric() || b"._%+-".contains(b);
    while let Some(before) = text[..start]
        .strip_suffix('\u{2010}')
        .or_else(|| text[..start].strip_suffix('\u{2011}'))
    {
        let run = (before.as_bytes().iter().rev())
            .take_while(|b| local(b))
            .count();
        if run == 0 {
            break;
        }
        start = before.len() - run;
    }
    start
}

/// Addresses written out against harvesters ("security[at]example.org"), as the addresses
/// they stand for ("security@example.org"), with the byte ranges of what is written.
pub fn spelled_emails(text: &str) -> Vec<((usize, usize), String)> {
    // "at" or "@" alone in brackets ("[at]", "( at )"): a quick test before the pattern
    let bytes = text.as_bytes();
    let marked = memchr::memchr3_iter(b'[', b'(', b'{', bytes).any(|open| {
        let after = &bytes[open + 1..];
        let inside = after
            .iter()
            .take(5)
            .position(|b| matches!(b, b']' | b')' | b'}'));
        inside.is_some_and(|end| {
            let inside = after[..end].trim_ascii();
            inside.eq_ignore_ascii_case(b"at") || inside == b"@"
        })
    });
    if !marked {
        return Vec::new();
    }
    SPELLED_EMAIL
        .captures_iter(text)
        .filter_map(|g| {
            let domain: String = g[2]
                .split(|c: char| "[](){} ".contains(c))
                .filter(|part| !part.is_empty())
                .map(|part| {
                    if part.eq_ignore_ascii_case("dot") {
                        "."
                    } else {
                        part
                    }
                })
                .collect();
            Some((
                g.range(0)?,
                format!("{}@{}", &g[1], domain.to_ascii_lowercase()),
            ))
        })
        .collect()
}

/// The separator after a URL's scheme.
static SCHEME_END: Needle = LazyLock::new(|| memchr::memmem::Finder::new("://"));

pub fn urls(text: &str) -> Vec<((usize, usize), &str)> {
    // every URL the pattern takes holds the scheme separator
    if !holds(text, &SCHEME_END) {
        return Vec::new();
    }
    ranges(&URL, text)
}

/// Labels of register and tax numbers, which have the shape of a phone number ("RCS Paris
/// 535 217 723", "KvK 40123456"): a number right after one is not a phone number.
const REGISTER_LABELS: &[&str] = &[
    "rcs",
    "siren",
    "siret",
    "kvk",
    "vat",
    "btw",
    "crn",
    "iban",
    "registration",
    "register",
    "registered",
    "company number",
    "company no",
    "reg. no",
    "reg no",
    "chamber of commerce",
    "handelsregister",
    "kamer van koophandel",
    "ondernemingsnummer",
    "kbo",
    "uid",
    "org. nr",
    // the number a company is incorporated or entered under ("incorporated in Paris under
    // number 952 418 325", "ingeschreven onder nummer …")
    "incorporated",
    "under number",
    "onder nummer",
];

/// Phone numbers: at least 9 digits in a phone-like shape, not right after a register label.
pub fn phones(text: &str) -> Vec<((usize, usize), &str)> {
    if !has_digit(text) {
        return Vec::new();
    }
    ranges(&PHONE, text)
        .into_iter()
        .filter(|((start, _), s)| {
            let digits = s.chars().filter(char::is_ascii_digit).count();
            (9..=15).contains(&digits) && !after_register_label(&text[..*start])
        })
        .collect()
}

/// Words that say a number is a phone number after all ("registered office, phone: …").
const PHONE_WORDS: &[&str] = &["phone", "tel", "call", "fax", "mobile", "telefoon", "bel"];

/// Whether the last words of `before` (up to 30 bytes) name a register or tax number, and
/// no phone word.
fn after_register_label(before: &str) -> bool {
    let mut from = before.len().saturating_sub(30);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = before[from..].to_lowercase();
    let has_word = |labels: &[&str]| {
        labels.iter().any(|label| {
            tail.match_indices(label).any(|(at, _)| {
                // a whole word: "vat" not inside "private"
                let starts = tail[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let ends =
                    (tail[at + label.len()..].chars().next()).is_none_or(|c| !c.is_alphanumeric());
                starts && ends
            })
        })
    };
    has_word(REGISTER_LABELS) && !has_word(PHONE_WORDS)
}

/// Per byte, the words of `words` (bit `i` for `words[i]`) that have that byte at position
/// `at`, counted from the start, or from the end when `from_end` (0 is the last byte).
const fn byte_masks(words: &[&str], at: usize, from_end: bool) -> [u64; 256] {
    assert!(words.len() <= 64);
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_bytes();
        assert!(word.len() > at);
        let position = if from_end { word.len() - 1 - at } else { at };
        table[word[position] as usize] |= 1 << i;
        i += 1;
    }
    table
}

/// Per byte, the words that start after white space in [`entity_signs`] with that byte
/// first, and second: the legal forms (each has at least two bytes; bit `i` for
/// `LEGAL_FORMS[i]`), and "foundation" ([`FOUNDATION_BIT`]) and "association"
/// ([`ASSOCIATION_BIT`]) with their first letter in either case.
const AFTER_SPACE_BYTES: [[u64; 256]; 2] = {
    assert!(LEGAL_FORMS.len() < 62);
    let mut tables = [
        byte_masks(LEGAL_FORMS, 0, false),
        byte_masks(LEGAL_FORMS, 1, false),
    ];
    tables[0][b'F' as usize] |= FOUNDATION_BIT;
    tables[0][b'f' as usize] |= FOUNDATION_BIT;
    tables[1][b'o' as usize] |= FOUNDATION_BIT;
    tables[0][b'A' as usize] |= ASSOCIATION_BIT;
    tables[0][b'a' as usize] |= ASSOCIATION_BIT;
    tables[1][b's' as usize] |= ASSOCIATION_BIT;
    tables
};

/// The bit of "foundation" in [`AFTER_SPACE_BYTES`].
const FOUNDATION_BIT: u64 = 1 << 62;
/// The bit of "association" in [`AFTER_SPACE_BYTES`].
const ASSOCIATION_BIT: u64 = 1 << 63;

/// Per byte, the organisation words with that byte last, second to last, and so on back to
/// four bytes before the end: each word has at least four bytes after its first letter, so
/// none of those bytes is the letter the check skips.
const ORGANISATION_WORD_BYTES: [[u64; 256]; 4] = [
    byte_masks(ORGANISATION_WORDS, 0, true),
    byte_masks(ORGANISATION_WORDS, 1, true),
    byte_masks(ORGANISATION_WORDS, 2, true),
    byte_masks(ORGANISATION_WORDS, 3, true),
];

const _: () = {
    let mut i = 0;
    while i < ORGANISATION_WORDS.len() {
        assert!(ORGANISATION_WORDS[i].len() > 4);
        i += 1;
    }
};

/// The bits set in `mask`, lowest first.
fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let bit = (mask != 0).then(|| mask.trailing_zeros() as usize)?;
        mask &= mask - 1;
        Some(bit)
    })
}

/// Whether `text` holds a marker where the entity pattern could use it: a legal form
/// between white space and a non-word character, or the rest of an organisation word
/// (all but its first letter) between a letter and white space. (A form such as "AB" at
/// the start of a capitalised word does not count.) A quick test before [`ENTITY`], whose
/// Unicode classes and repetitions are slow to run over text that has neither, which is
/// most text. See [`entity_signs`].
fn has_entity_marker(text: &str) -> bool {
    entity_signs(text, MARKER) & MARKER != 0
}

/// [`entity_signs`]: a marker where the entity pattern could use it ([`has_entity_marker`]).
const MARKER: u8 = 1;
/// [`entity_signs`]: "foundation" or "association" after white space, first letter in either
/// case, where every name [`NAMED_BODY`] finds ends.
const BODY_WORD: u8 = 2;

/// Which of the signs `wanted` (bits [`MARKER`] and [`BODY_WORD`]) stand at the white space
/// of `text`; the search ends when all are found.
///
/// Both kinds of sign touch white space, so only the white space of the text is looked
/// at: a legal form or a body word must start right after it, an organisation word end
/// right before it, and tables of their first two (last four) bytes say which could: most
/// white space is followed by no capital and preceded by no "ng", "ie", "an" or "of". The
/// marker answers as an overlapping search for every marker anywhere (the
/// [`ENTITY_MARKERS`] automaton of the tests), which took some 22 instructions per byte of
/// every sentence (3% of a run).
fn entity_signs(text: &str, wanted: u8) -> u8 {
    const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
    const CONTROL_LIMIT: u64 = u64::from_ne_bytes([0x20; 8]);
    let bytes = text.as_bytes();
    let mut found = 0;
    // Eight bytes at a time (the last bytes as a word of their own, the rest of it zeros):
    // the ASCII spaces of a word are found at once, and the other white space, which is
    // rare, only in a word with a byte outside ASCII or below the space. A byte at a time,
    // with a table read and a branch for each, took some ten instructions per byte of
    // every sentence (`memchr` finds one space after another with a set-up that costs
    // more than that), and a second pass for the other white space as many again. The
    // answer is which signs any white space has, so the order in which they are tried
    // does not matter.
    let mut at = 0;
    while at < bytes.len() {
        let word = match bytes.get(at..at + 8) {
            Some(word) => u64::from_le_bytes(word.try_into().unwrap_or_default()),
            None => {
                let mut last = [0u8; 8];
                last[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                u64::from_le_bytes(last)
            }
        };
        let mut spaces = ascii_spaces(word);
        while spaces != 0 {
            let i = at + spaces.trailing_zeros() as usize / 8;
            found |= signs_at(text, i, 1, wanted & !found);
            if found == wanted {
                return found;
            }
            spaces &= spaces - 1;
        }
        // the high bit of each byte from 0x80 up and of each below 0x20 (a borrow from a
        // byte below 0x20 may mark the byte after it too, never leave one unmarked):
        // every byte that may start white space other than the ASCII space, and more
        let mut others = (word | (word.wrapping_sub(CONTROL_LIMIT) & !word)) & HIGH_BITS;
        while others != 0 {
            let i = at + others.trailing_zeros() as usize / 8;
            others &= others - 1;
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if !may_start_other_white_space(b) {
                continue;
            }
            let space = match WHITE_SPACE_BYTES[usize::from(b)] {
                ASCII_SPACE => 1,
                _ => match text[i..].chars().next() {
                    Some(c) if c.is_whitespace() => c.len_utf8(),
                    _ => continue,
                },
            };
            found |= signs_at(text, i, space, wanted & !found);
            if found == wanted {
                return found;
            }
        }
        at += 8;
    }
    found
}

/// The signs of [`entity_signs`] among `wanted` at the white space of `space` bytes that
/// starts at byte `i` of `text`. One pair of table reads for the two bytes after the white
/// space tells whether a legal form, "foundation" or "association" could start there (most
/// often none can), one for the byte before it whether an organisation word could end.
#[inline(always)]
fn signs_at(text: &str, i: usize, space: usize, wanted: u8) -> u8 {
    let after = i + space;
    let mut signs = 0;
    if let Some(&[first, second]) = text.as_bytes().get(after..after + 2) {
        let [firsts, seconds] = &AFTER_SPACE_BYTES;
        let could = firsts[usize::from(first)] & seconds[usize::from(second)];
        if could != 0 {
            signs = words_after_space(text, after, could) & wanted;
        }
    }
    if wanted & !signs & MARKER != 0 && organisation_word_ends_at(text, i) {
        signs |= MARKER;
    }
    signs
}

/// The signs of the words of [`AFTER_SPACE_BYTES`] in `could` that start at byte `at` of
/// `text` (a character boundary): [`MARKER`] for a legal form with no word character after
/// it, [`BODY_WORD`] for "foundation" or "association".
#[inline(never)]
fn words_after_space(text: &str, at: usize, could: u64) -> u8 {
    let rest = &text[at..];
    let form = bits(could & !(FOUNDATION_BIT | ASSOCIATION_BIT)).any(|i| {
        let form = LEGAL_FORMS[i];
        rest.starts_with(form)
            && !rest[form.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    });
    let tail = &rest.as_bytes()[1..];
    let body = (could & FOUNDATION_BIT != 0 && tail.starts_with(b"oundation"))
        || (could & ASSOCIATION_BIT != 0 && tail.starts_with(b"ssociation"));
    u8::from(form) | u8::from(body) << 1
}

/// The ASCII spaces among the eight bytes of `word` (little-endian: the first byte lowest):
/// the high bit of each byte that is one. A byte is a space when it is zero after an
/// exclusive or with spaces; adding 0x7F to its low seven bits carries into its high bit
/// unless they are all zero, and the high bit of the byte itself is the rest of the test.
/// No carry crosses from one byte to the next.
fn ascii_spaces(word: u64) -> u64 {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    const LOW_SEVEN: u64 = u64::from_ne_bytes([0x7F; 8]);
    let x = word ^ SPACES;
    !(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN)
}

/// Whether byte `b` may start white space other than the ASCII space: its
/// [`WHITE_SPACE_BYTES`] is not 0.
fn may_start_other_white_space(b: u8) -> bool {
    // `|`, not `||`: no branch
    (b.wrapping_sub(b'\t') < 5) | (b == 0xC2) | (b.wrapping_sub(0xE1) < 3)
}

/// [`WHITE_SPACE_BYTES`] of an ASCII white space character.
const ASCII_SPACE: u8 = 1;

/// Per byte, [`ASCII_SPACE`] for the ASCII white space of [`char::is_whitespace`], 2 for the
/// lead bytes of the white space outside ASCII (U+0085, U+00A0, U+1680, U+2000 to U+205F,
/// U+3000), 0 for every other byte.
const WHITE_SPACE_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => ASCII_SPACE,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => 2,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// Whether an organisation word but for its first letter ends at byte `at` of `text` (a
/// character boundary), with a letter before it.
#[inline(always)]
fn organisation_word_ends_at(text: &str, at: usize) -> bool {
    let Some(&[b3, b2, b1, b0]) = at.checked_sub(4).and_then(|i| text.as_bytes().get(i..at)) else {
        return false;
    };
    let t = &ORGANISATION_WORD_BYTES;
    // the last byte alone dismisses most places
    let mut could = t[0][usize::from(b0)];
    if could == 0 {
        return false;
    }
    could &= t[1][usize::from(b1)] & t[2][usize::from(b2)] & t[3][usize::from(b3)];
    if could == 0 {
        return false;
    }
    let before = &text[..at];
    bits(could).any(|i| {
        let word = ORGANISATION_WORDS[i];
        let first = word.chars().next().map_or(0, char::len_utf8);
        (before.strip_suffix(&word[first..]))
            .is_some_and(|head| head.chars().next_back().is_some_and(char::is_alphabetic))
    })
}

/// [`has_entity_marker`] as it was: an overlapping search for every marker, each then
/// tested where it stands.
#[cfg(test)]
fn has_entity_marker_by_automaton(text: &str) -> bool {
    ENTITY_MARKERS.find_overlapping_iter(text).any(|m| {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        match LEGAL_FORMS.get(m.pattern().as_usize()) {
            // the pattern wants white space before a form and no word character after it
            Some(_) => {
                before.is_some_and(char::is_whitespace) && !after.is_some_and(char::is_alphanumeric)
            }
            // and white space after an organisation word
            None => {
                before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_whitespace)
            }
        }
    })
}

/// Whether `text` names a legal entity ([`entities`] is not empty), without finding where.
pub fn has_entity(text: &str) -> bool {
    // one look at the white space for both quick tests: [`named_bodies`] searched the
    // whole sentence for its two words on its own (8 million instructions of the corpus
    // benchmark)
    let signs = entity_signs(text, MARKER | BODY_WORD);
    (signs & MARKER != 0 && ENTITY.is_match(text))
        || (signs & BODY_WORD != 0 && !named_bodies(text).is_empty())
}

/// Legal forms of partnerships, which have no legal personality (Dutch vof and cv, German
/// KG): a name with one of these is an organisation, not a legal person.
const PARTNERSHIP_FORMS: &[&str] = &["V.O.F.", "VOF", "C.V.", "KG"];

/// Organisation words whose bearer is a legal person under Dutch law (Burgerlijk Wetboek
/// 2:1 and 2:3): a minister or a ministry is not one (the State is).
const LEGAL_PERSON_WORDS: &[&str] = &[
    "stichting",
    "vereniging",
    "coöperatie",
    "gemeente",
    "provincie",
    "municipality",
];

/// The English words for a foundation and an association, which end a name
/// ([`NAMED_BODY`]): legal persons as the Dutch words that start one are.
const LEGAL_PERSON_ENDINGS: &[&str] = &["foundation", "association"];

/// Whether a name found by [`entities`] is that of a legal person: it ends in a legal form
/// other than a partnership's ("Voorbeeld Media B.V.", "Acme, Inc.") or starts with the word
/// for a foundation, association, cooperative, municipality or province ("Stichting
/// Voorbeeld", "Municipality of Voorbeeld"). "minister van VWS" is not: a minister is an
/// administrative authority (bestuursorgaan).
pub fn is_legal_person(name: &str) -> bool {
    let name = name.trim();
    let form = LEGAL_FORMS.iter().find(|f| {
        name.strip_suffix(**f)
            .is_some_and(|before| before.ends_with(char::is_whitespace))
    });
    if let Some(f) = form {
        return !PARTNERSHIP_FORMS.contains(f);
    }
    let word = |w: Option<&str>, words: &[&str]| {
        w.is_some_and(|w| words.contains(&w.to_lowercase().as_str()))
    };
    word(name.split_whitespace().next(), LEGAL_PERSON_WORDS)
        || word(name.split_whitespace().next_back(), LEGAL_PERSON_ENDINGS)
}

/// Names of legal entities: a capitalised name with a legal form ("Example Media B.V.",
/// "Acme Inc."), the name of a foundation, association, ministry or municipality (Dutch
/// or English; see `ORGANISATION_WORDS`), or an English foundation or association named
/// before the word ("Mozilla Foundation"; see `NAMED_BODY`). Inside a Dutch name,
/// "de", "der", "den" and "het" in lower case only follow "van", "voor" or "en" ("Stichting
/// Vrienden van de Tuin"); on their own they are the article of what follows the name ("heeft
/// de minister van VWS de app ontwikkeld").
pub fn entities(text: &str) -> Vec<((usize, usize), &str)> {
    let bodies = named_bodies(text);
    if !has_entity_marker(text) {
        return bodies;
    }
    let mut found: Vec<((usize, usize), &str)> = ENTITY
        .find_iter(text)
        .map(|((mut start, _), mut s)| {
            loop {
                s = s.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
                // "Ministry of Health and" in "… Ministry of Health and we …"
                match s.rsplit_once(char::is_whitespace) {
                    Some((head, last)) if NAME_JOINERS.contains(&last) => s = head,
                    _ => break,
                }
            }
            // "At Example, Inc., we …": the preposition is no part of the name
            if let Some((first, rest)) = s.split_once(char::is_whitespace)
                && LEADING_PREPOSITIONS.contains(&first)
                && rest.trim_start().starts_with(|c: char| c.is_uppercase())
            {
                let rest = rest.trim_start();
                start += s.len() - rest.len();
                s = rest;
            }
            ((start, start + s.len()), s)
        })
        .collect();
    // a foundation's English name, unless a name with a legal form covers it
    for body in bodies {
        let ((start, end), _) = body;
        if !(found.iter()).any(|((s, e), _)| *s < end && start < *e) {
            found.push(body);
        }
    }
    found.sort_by_key(|((start, _), _)| *start);
    found
}

#[cfg(test)]
mod tests {
    use super::super::value_patterns::either_case_first;
    use super::*;
    use regex::Regex;

    /// Every value pattern, compiled as `regex::Regex` compiles it, finds the same matches
    /// and groups as the leaner [`ValuePattern`] over the lines of the team's statements.
    #[test]
    fn value_patterns_match_as_the_regex_crate_does() {
        let patterns: Vec<&LazyLock<ValuePattern>> = (WARMED_UP.into_iter())
            .chain(COMPILED_ON_FIRST_USE)
            .chain([&NAMED_BODY, &SPELLED_EMAIL])
            .collect();
        let mut lines = crate::extract::team_corpus_lines();
        // and the edges: non-ASCII case and space, word boundaries next to accented letters
        lines.extend(
            [
                "Effective 2024-03-01; revised 01-04-2025 and 17\u{a0}april\u{a0}2024.",
                "ÉÉN JAAR, één maand, 3 we\u{212a}en, é2024-03-01é",
                "The Example Foundation and the Privacy by Design foundation work with Acme Ltd.",
                "Mail privacy@example.org or call +31 (0)20 123 4567 via https://example.org/p.",
                "Write to security[at]example.org or info (at) example (dot) nl.",
                // punctuation outside ASCII only (the pattern with ASCII boundaries reads
                // these), and accented words next to values (the pattern as written)
                "It’s kept for “two years” – see https://example.org/é – by Acme Ltd’s team.",
                "Wij zijn geïnteresseerd: één jaar na 1 januari 2024 (privacyverklaring) van Voorbeeld B.V.",
                "Bewaard: 2\u{a0}jaar, tot 31-12-2025; café@example.nl of é12 maanden",
            ]
            .map(str::to_string),
        );
        let mut matched = vec![0; patterns.len()];
        for (i, pattern) in patterns.iter().enumerate() {
            let reference = Regex::new(pattern.as_str()).expect("reference regex");
            for line in &lines {
                let want: Vec<Vec<Option<(usize, usize)>>> = (reference.captures_iter(line))
                    .map(|c| {
                        (c.iter())
                            .map(|g| g.map(|g| (g.start(), g.end())))
                            .collect()
                    })
                    .collect();
                let got: Vec<Vec<Option<(usize, usize)>>> = (pattern.captures_iter(line))
                    .map(|c| (0..c.captures.group_len()).map(|g| c.range(g)).collect())
                    .collect();
                assert_eq!(got, want, "{pattern:?} on {line:?}");
                assert_eq!(pattern.is_match(line), reference.is_match(line));
                matched[i] += got.len();
            }
        }
        // the lines hold values of every kind, so the comparison is not of empty lists
        assert!(
            matched.iter().all(|&n| n > 0),
            "matches per pattern: {matched:?}"
        );
    }

    /// Every automaton `build.rs` determinised for a value pattern passes the validation the
    /// unchecked reading skips ([`Dfas::bundled`]), every pattern of
    /// [`super::super::value_patterns::determinised`] has its automata, and the value
    /// patterns made from those patterns search with them.
    #[test]
    fn every_value_automaton_is_valid() {
        let determinised = super::super::value_patterns::determinised();
        assert_eq!(bundled::VALUE_DFAS.len(), determinised.len());
        for (pattern, sparse) in determinised {
            let ascii = with_ascii_word_boundaries(&pattern);
            let &(_, forward, reverse, dense) = (bundled::VALUE_DFAS.iter())
                .find(|(p, ..)| *p == ascii)
                .unwrap_or_else(|| panic!("no automata for {ascii}"));
            assert_eq!(dense, !sparse, "{ascii}");
            for (at, len) in [forward, reverse] {
                let bytes = &bundled::VALUE_AUTOMATA.bytes[at..at + len];
                assert_eq!(at % 8, 0);
                if dense {
                    dense::DFA::from_bytes(bytes).expect("valid dense automaton");
                } else {
                    sparse::DFA::from_bytes(bytes).expect("valid sparse automaton");
                }
            }
        }
        let all = (WARMED_UP.into_iter())
            .chain(COMPILED_ON_FIRST_USE)
            .chain([&DATE_SHORT]);
        for pattern in all {
            assert!(
                matches!(pattern.ascii, Search::Determinised { .. }),
                "{pattern:?}"
            );
        }
    }

    /// The twin with ASCII word boundaries finds what the pattern as written finds on every
    /// text without a word character outside ASCII, and the routing sends the others to the
    /// pattern as written (on which the twin can differ: it finds no "één jaar").
    #[test]
    fn the_ascii_boundary_twin_finds_what_the_pattern_finds_where_it_serves() {
        for (text, word) in [
            ("één", true),
            ("geïnteresseerd", true),
            ("privacyverklaring", false),
            ("It’s “quoted” – €5\u{a0}and more…", false),
            ("3 we\u{212a}en", true),
            ("", false),
        ] {
            assert_eq!(has_non_ascii_word_character(text), word, "{text:?}");
        }
        assert_eq!(
            with_ascii_word_boundaries(r"(?i)\b(a\.b|\\b)\b"),
            r"(?i)(?-u:\b)(a\.b|\\b)(?-u:\b)"
        );
        let patterns: Vec<&LazyLock<ValuePattern>> = (WARMED_UP.into_iter())
            .chain(COMPILED_ON_FIRST_USE)
            .chain([&NAMED_BODY, &SPELLED_EMAIL, &DURATION_PRESENT])
            .collect();
        let mut lines = gate_lines();
        lines.extend(
            [
                "It’s kept for “two years” – see https://example.org/x – by Acme Ltd’s team.",
                "Wij zijn geïnteresseerd: één jaar na 1 januari 2024 (privacyverklaring).",
                "Stichting Privacyverklaring\u{a0}B.V. bewaart uw gegevens 2\u{a0}jaar – tot 2026.",
            ]
            .map(str::to_string),
        );
        let mut twins = 0;
        for pattern in &patterns {
            let Some(unicode) = &pattern.unicode else {
                assert_eq!(
                    *pattern.as_str(),
                    with_ascii_word_boundaries(pattern.as_str())
                );
                continue;
            };
            twins += 1;
            let written = compile(pattern.as_str());
            for line in &lines {
                let spans = |regex: &meta::Regex| -> Vec<(usize, usize)> {
                    (regex.find_iter(line.as_str()))
                        .map(|m| (m.start(), m.end()))
                        .collect()
                };
                match pattern.unicode_for(line) {
                    Some(serving) => {
                        assert!(has_non_ascii_word_character(line));
                        assert!(std::ptr::eq(serving, unicode.get().expect("compiled")));
                    }
                    None => {
                        assert!(!has_non_ascii_word_character(line));
                        let twin: Vec<(usize, usize)> =
                            pattern.find_iter(line).map(|(span, _)| span).collect();
                        assert_eq!(twin, spans(&written), "{pattern:?} on {line:?}");
                    }
                }
            }
        }
        assert!(twins >= 8, "{twins}");
        // where it does not serve, the twin would miss a duration
        assert!(!DURATION.is_match_ascii("één jaar"));
        assert!(DURATION.is_match("één jaar"));
    }

    /// The entity names [`entities`] finds in `text`.
    fn names(text: &str) -> Vec<&str> {
        entities(text).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn a_dutch_name_ends_before_an_article_that_starts_the_next_phrase() {
        assert_eq!(
            names("Daarom heeft de minister van VWS de CoronaCheck Scanner app ontwikkeld."),
            ["minister van VWS"]
        );
        assert_eq!(
            names("Verwerker is Stichting Vrienden van de Groene Kluit in Zwolle."),
            ["Stichting Vrienden van de Groene Kluit"]
        );
        assert_eq!(
            names(
                "Het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties is verantwoordelijk."
            ),
            ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"]
        );
        assert_eq!(
            names("For the app, the Minister of Health, Welfare and Sport is the controller."),
            ["Minister of Health, Welfare and Sport"]
        );
        assert_eq!(
            names("The Ministry of Finance and we share the role."),
            ["Ministry of Finance"]
        );
    }

    #[test]
    fn an_english_foundation_is_named_by_the_words_before_it() {
        assert_eq!(
            names("The Open Streams by Design foundation processes your data."),
            ["Open Streams by Design foundation"]
        );
        assert_eq!(
            names("Data goes to the Example Foundation and to Acme Inc."),
            ["Example Foundation", "Acme Inc."]
        );
        assert_eq!(
            names("Our Example Parents Association runs the site."),
            ["Example Parents Association"]
        );
        // a determiner alone is no name, nor is a lower-case word
        assert!(names("The Foundation runs the site.").is_empty());
        assert!(names("This is the foundation of our service.").is_empty());
        assert!(!has_entity("The Foundation runs the site."));
        assert!(has_entity(
            "The Open Streams by Design foundation runs the site."
        ));
        assert!(is_legal_person("Open Streams by Design foundation"));
        assert!(is_legal_person("Example Parents Association"));
    }

    #[test]
    fn a_legal_form_or_legal_person_word_makes_a_legal_person_an_office_does_not() {
        for name in [
            "Voorbeeld Media B.V.",
            "Acme, Inc.",
            "Voorbeeld Corporation",
            "Stichting Open Voorbeeld",
            "stichting Open Voorbeeld",
            "Gemeente Voorbeeld",
            "Coöperatie Voorbeeld U.A.",
            "Municipality of Voorbeeld",
        ] {
            assert!(is_legal_person(name), "{name}");
        }
        for name in [
            "minister van VWS",
            "Minister van Voorbeeldzaken",
            "Ministerie van Voorbeeldzaken",
            "Ministry of Voorbeeld Affairs",
            "Voorbeeld en Zonen V.O.F.",
            "Voorbeeld C.V.",
            // a form inside a word is no form
            "VoorbeeldBV",
        ] {
            assert!(!is_legal_person(name), "{name}");
        }
        // every name the extractor finds is classified by its own form or word
        let found =
            entities("Verwerkers zijn Voorbeeld Hosting B.V. en Voorbeeld Zorg V.O.F. in Zwolle.");
        let classes: Vec<bool> = found.iter().map(|(_, n)| is_legal_person(n)).collect();
        assert_eq!(classes, [true, false], "{found:?}");
    }

    #[test]
    fn every_legal_form_and_organisation_word_passes_the_entity_prefilter() {
        for form in LEGAL_FORMS {
            let text = format!("The controller is Voorbeeld Media {form} in Utrecht.");
            assert!(has_entity_marker(&text), "{text}");
            assert_eq!(entities(&text).len(), 1, "{text}");
            assert!(has_entity(&text), "{text}");
        }
        for word in ORGANISATION_WORDS {
            let capitalised = either_case_first(word).replace(['[', ']'], "");
            let capitalised = capitalised.chars().skip(1).collect::<String>();
            for name in [
                format!("{word} Open Data"),
                format!("{capitalised} Open Data"),
            ] {
                let text = format!("Verwerker is {name}.");
                assert!(has_entity_marker(&text), "{text}");
                assert_eq!(entities(&text).len(), 1, "{text}");
            }
        }
        assert!(entities("We keep your data safe and use it only for this service.").is_empty());
        assert!(!has_entity(
            "We keep your data safe and use it only for this service."
        ));
        // a form inside a word is no marker
        assert!(!has_entity_marker("USA ABOUT YOU"));
    }

    /// Lines to compare the quick tests over: the team's statements and edge cases (white
    /// space outside ASCII, accented Dutch, numbers in words, markers at either end).
    fn gate_lines() -> Vec<String> {
        let mut lines = crate::extract::team_corpus_lines();
        lines.extend(
            [
                "Stichting Voorbeeld en de Coöperatie\u{a0}Zorg U.A. bewaren gegevens één jaar.",
                "coöperatie Open Data, ministerie van VWS\u{3000}en de gemeente\tUtrecht",
                "Xministry of Health; xstichting\u{2003}Y; tichting Z; stichtingen",
                "Acme Pty Ltd\u{a0}and Beta A/S, Gamma GmbH.",
                "B.V.",
                " B.V.",
                " BVx",
                "\u{85}Ltd",
                "Ltd\u{a0}",
                "naïve café, geen rechtspersoon; twaalf maanden tussen nu en vandaag",
                "between today and tomorrow, twenty-four hours, 2024-03-01, 17 april 2024",
                "123 4567 89 0123456789012345 x1y22z333w4444",
            ]
            .map(str::to_string),
        );
        lines
    }

    #[test]
    fn the_spaces_of_a_word_are_its_bytes_that_are_spaces() {
        let bytes: Vec<u8> = (0..=255u8)
            .chain([b' '; 9])
            .chain(*b"a b  c \xa0 ")
            .collect();
        for window in bytes.windows(8) {
            let word = u64::from_le_bytes(window.try_into().unwrap());
            let want = (window.iter().enumerate())
                .filter(|(_, b)| **b == b' ')
                .fold(0u64, |mask, (i, _)| mask | 0x80 << (8 * i));
            assert_eq!(ascii_spaces(word), want, "{window:?}");
        }
    }

    #[test]
    fn a_byte_may_start_other_white_space_when_its_table_says_so() {
        for b in 0..=255u8 {
            assert_eq!(
                may_start_other_white_space(b),
                b != b' ' && WHITE_SPACE_BYTES[usize::from(b)] != 0,
                "{b:#x}"
            );
        }
    }

    #[test]
    fn every_white_space_character_starts_with_a_white_space_byte() {
        let mut buf = [0; 4];
        let mut spaces = 0;
        for c in (char::MIN..=char::MAX).filter(|c| c.is_whitespace()) {
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            let class = WHITE_SPACE_BYTES[usize::from(first)];
            assert_eq!(class == ASCII_SPACE, c.is_ascii(), "{c:?}");
            assert_ne!(class, 0, "{c:?}");
            spaces += 1;
        }
        assert!(spaces > 20, "{spaces}");
        // and an ASCII byte of the class is white space
        for b in 0..=127u8 {
            assert_eq!(
                WHITE_SPACE_BYTES[usize::from(b)] != 0,
                char::from(b).is_whitespace()
            );
        }
    }

    #[test]
    fn the_entity_marker_test_answers_as_the_automaton() {
        let mut texts = gate_lines();
        let markers = LEGAL_FORMS
            .iter()
            .copied()
            .chain(ORGANISATION_WORDS.iter().map(|w| {
                let first = w.chars().next().map_or(0, char::len_utf8);
                &w[first..]
            }));
        let before = ["", " ", "\u{a0}", "\u{3000}", "x", "é", "S", "-", "\n"];
        let after = ["", " ", "\u{2003}", "\t", "x", "ë", ".", "1", ","];
        for marker in markers {
            for b in before {
                for a in after {
                    texts.push(format!("{b}{marker}{a}"));
                    texts.push(format!("Naam {b}{marker}{a} rest"));
                    // at every place of a block of 16 bytes (see `has_entity_marker`)
                    for pad in 1..=17 {
                        let lead = &"Lorem ipsum dolor sit amet, consectetur"[..pad];
                        texts.push(format!("{lead}{b}{marker}{a} rest of the sentence"));
                    }
                }
            }
        }
        let mut found = 0;
        for text in &texts {
            let want = has_entity_marker_by_automaton(text);
            assert_eq!(has_entity_marker(text), want, "{text:?}");
            found += usize::from(want);
        }
        // both answers occur, often
        assert!(
            found > 500 && found + 500 < texts.len(),
            "{found} of {}",
            texts.len()
        );
    }

    #[test]
    fn the_digit_tests_answer_as_a_byte_at_a_time() {
        let mut texts = gate_lines();
        // digits and runs at every place around the edges of the 16-byte blocks
        for len in 0..40 {
            for at in 0..=len {
                for run in 1..=5 {
                    let mut text = "é".repeat(len / 2) + &"a".repeat(len % 2);
                    let at = at.min(text.len());
                    let at = (0..=at)
                        .rev()
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(0);
                    text.insert_str(at, &"7".repeat(run));
                    texts.push(text);
                }
            }
        }
        texts.push("12 345 6789".into());
        texts.push("1x2x3x4 123x4567".into());
        let mut digits = 0;
        for text in &texts {
            let want_digit = text.bytes().any(|b| b.is_ascii_digit());
            assert_eq!(has_digit(text), want_digit, "{text:?}");
            assert_eq!(
                first_ascii_digit(text.as_bytes()),
                text.bytes().position(|b| b.is_ascii_digit()),
                "{text:?}"
            );
            digits += usize::from(want_digit);
        }
        assert!(digits > 100 && digits < texts.len(), "{digits}");
    }

    /// [`entity_signs`] finds a body word wherever [`NAMED_BODY`] finds a name, and both
    /// signs at once as each alone.
    #[test]
    fn the_entity_signs_find_every_named_body() {
        let mut texts = gate_lines();
        for name in [
            "Mozilla Foundation",
            "the Privacy by Design foundation",
            "Our Association",
        ] {
            for space in [" ", "\u{a0}", "\t", "\u{2003}", "\n"] {
                texts.push(format!("Write to the{space}{}.", name.replace(' ', space)));
                texts.push(format!(
                    "{}{space}B.V. and{space}{name}",
                    name.replace(' ', space)
                ));
            }
        }
        texts.push("Foundation".into());
        texts.push(" Fassociation; xFoundation; FOUNDATION, Association".into());
        let mut bodies = 0;
        for text in &texts {
            let signs = entity_signs(text, MARKER | BODY_WORD);
            assert_eq!(
                signs & MARKER != 0,
                has_entity_marker_by_automaton(text),
                "{text:?}"
            );
            assert_eq!(entity_signs(text, MARKER), signs & MARKER, "{text:?}");
            assert_eq!(entity_signs(text, BODY_WORD), signs & BODY_WORD, "{text:?}");
            let named = !named_bodies(text).is_empty();
            assert!(signs & BODY_WORD != 0 || !named, "{text:?}");
            bodies += usize::from(named);
        }
        assert!(bodies > 10, "{bodies}");
    }

    /// [`ValueBytes`] tells each byte class as a test a byte at a time does, and a text
    /// without the byte a value test needs has no such value.
    #[test]
    fn the_value_bytes_answer_as_the_tests_they_stand_for() {
        let mut texts = gate_lines();
        texts.extend(
            [
                "",
                "mail privacy@example.org",
                "privacy [at] example [dot] org",
                "write to info (at) example.nl",
                "see https://example.org/privacy",
                "call +31 20 123 4567",
                "Last updated: 17 April 2024",
                "{ at } and ( @ )",
                "é:ü@ñ(7",
            ]
            .map(String::from),
        );
        let mut seen = [0usize; 4];
        for text in &texts {
            let bytes = ValueBytes::of(text);
            let has = |f: fn(&u8) -> bool| text.as_bytes().iter().any(f);
            let want = [
                has(u8::is_ascii_digit),
                has(|b| *b == b'@'),
                has(|b| matches!(b, b'[' | b'(' | b'{')),
                has(|b| *b == b':'),
            ];
            let got = [bytes.digit(), bytes.at(), bytes.opening(), bytes.colon()];
            assert_eq!(got, want, "{text:?}");
            for (n, w) in seen.iter_mut().zip(want) {
                *n += usize::from(w);
            }
            if !bytes.digit() {
                assert!(
                    dates(text).is_empty() && phones(text).is_empty(),
                    "{text:?}"
                );
            }
            assert!(bytes.at() || emails(text).is_empty(), "{text:?}");
            assert!(
                bytes.opening() || spelled_emails(text).is_empty(),
                "{text:?}"
            );
            assert!(bytes.colon() || urls(text).is_empty(), "{text:?}");
        }
        // every class is there in some texts and missing in others
        assert!(seen.iter().all(|&n| n > 0 && n < texts.len()), "{seen:?}");
    }

    #[test]
    fn a_date_pattern_that_finds_a_year_iso_takes_runs() {
        let mut texts = gate_lines();
        for year in ["1989", "1990", "2024", "2100", "2101", "12024", "20245"] {
            for date in [
                "April 17, {y}",
                "April 17th {y}",
                "17 April {y}",
                "17th of april, {y}",
                "1 mei {y}",
                "{y}-03-01",
                "14-01-{y}",
                "06/21/{y}",
                "1.2.{y}",
                "March {y}",
                "march\u{a0}{y}",
                "Sept.\u{2003}{y}",
                "(EU) {y}/679",
                "tel. 020 {y} 5678",
                "x{y}",
                "{y}",
            ] {
                let date = date.replace("{y}", year);
                for (before, after) in [("", ""), ("Updated ", "."), ("é ", " ’x’"), ("1", "1")]
                {
                    texts.push(format!("{before}{date}{after}"));
                }
            }
        }
        let year_in_range = |y: &str| y.parse().is_ok_and(|y: u32| (1990..=2100).contains(&y));
        let mut skipped = 0;
        for text in &texts {
            let forms = DateForms::of(text);
            for (pattern, year_group, allowed) in [
                (&DATE_MDY, 3, forms.worded),
                (&DATE_DMY, 3, forms.worded),
                (&DATE_ISO, 1, forms.iso),
                (&DATE_NUMERIC, 3, forms.numeric),
                (&DATE_MONTH_YEAR, 2, forms.worded),
            ] {
                for c in pattern.captures_iter(text) {
                    if year_in_range(&c[year_group]) {
                        assert!(allowed, "{text:?}: {}", pattern.as_str());
                    }
                }
                skipped += usize::from(!allowed && pattern.is_match(text));
            }
        }
        // the forms rule out patterns that would have matched, with a year out of range
        assert!(skipped > 20, "{skipped}");
        assert!(texts.iter().any(|t| !dates(t).is_empty()));
    }

    #[test]
    fn the_short_date_pattern_runs_only_where_the_forms_allow_it() {
        let mut texts = gate_lines();
        for date in [
            "06-03-25",
            "6/3/25",
            "1-2-3",
            "12-12-1",
            "06-03-2025",
            "6-/3/25",
        ] {
            for (before, after) in [("", ""), ("Updated ", "."), ("é ", " ’x’"), ("1", "1")] {
                texts.push(format!("{before}{date}{after}"));
            }
        }
        let mut matched = 0;
        for text in &texts {
            if DATE_SHORT.is_match(text) {
                matched += 1;
                assert!(DateForms::of(text).short, "{text:?}");
            }
        }
        assert!(matched >= 6, "{matched}");
    }

    #[test]
    fn the_duration_test_without_word_boundaries_answers_as_the_pattern() {
        let texts = [
            "We keep invoices for 7 years.",
            "We keep invoices for 7years.",
            "Facturen bewaren wij één jaar, logs 30 dagen.",
            "Facturen bewaren wij éénjaar.",
            "Bewaartermijn: 2 jaar€",
            "€2 jaar",
            "é2 jaar",
            "x7 years",
            "7 yearsé",
            "7 years",
            "een (1) jaar na opzegging",
            "für 10 Jahre",
            "ten-day trial",
            "a week or so",
            "no period here, only café and naïve words",
        ];
        // not ASCII, but without a word character outside it: curly quotes, dashes, a
        // no-break space, a euro sign next to the number or unit (the twin of `DURATION`
        // answers these)
        let with_punctuation = [
            "We keep it for \u{201c}two years\u{201d} \u{2013} then it is deleted.",
            "Bewaartermijn: 2\u{a0}jaar \u{2014} daarna \u{2019}weg\u{2019}.",
            "Bewaartermijn: 2 jaar\u{20ac}",
            "\u{20ac}2 jaar",
            "7\u{2009}years\u{2026}",
            "x7\u{a0}years",
            "only \u{201c}quotes\u{201d} \u{2013} no period",
            "\u{2018}ten\u{2019}-day trial",
        ];
        // the pattern as written, with its Unicode word boundaries, as the regex crate
        // compiles it
        let written = regex::Regex::new(DURATION_PATTERN).expect("duration pattern");
        let (mut found, mut twin_served) = (0, 0);
        for text in texts.into_iter().chain(with_punctuation) {
            let want = written.is_match(text);
            assert_eq!(has_duration(text), want, "{text}");
            assert_eq!(DURATION.is_match(text), want, "{text}");
            found += usize::from(want);
            twin_served += usize::from(!text.is_ascii() && !has_non_ascii_word_character(text));
        }
        // both answers occur, with and without a word character outside ASCII
        let all = texts.len() + with_punctuation.len();
        assert!(found > 3 && found < all, "{found}");
        assert_eq!(twin_served, with_punctuation.len() + 2, "{twin_served}");
    }

    #[test]
    fn a_text_has_durations_when_they_are_found() {
        let mut texts = crate::extract::team_corpus_lines();
        texts.extend(
            [
                "We keep it for 7 years.",
                "13 years of age",
                "in the prior twelve (12) months",
                "once a year",
                "\u{17f}ix years",
                "SIX YEARS",
                "\u{c9}\u{c9}N JAAR",
                "3 we\u{212a}en",
                "twee keer per jaar",
                "een jaar",
                "a year, 16 years old",
                "",
            ]
            .map(str::to_string),
        );
        let mut found = 0;
        for text in &texts {
            let expected = !durations(text).is_empty();
            assert_eq!(has_durations(text), expected, "{text}");
            found += usize::from(expected);
        }
        assert!(found > 10 && found < texts.len(), "{found}");
    }

    #[test]
    fn the_stem_finder_finds_what_the_case_insensitive_search_finds() {
        let mut texts = crate::extract::team_corpus_lines();
        texts.extend(
            [
                "3 WE\u{212a}EN",
                "3 we\u{212a}en",
                "3 weKen",
                "ye\u{e9}ar",
                "hOuR",
                "yyr",
                "maaand",
                "jaaren",
                "dda",
                "minu",
                "u\u{308}ur",
                "",
                "M",
            ]
            .map(str::to_string),
        );
        let mut found = 0;
        for text in &texts {
            let expected = DURATION_UNITS.is_match(text);
            assert_eq!(DURATION_STEMS.finds_in(text), expected, "{text}");
            // and the text cut before its last byte of each match
            for m in DURATION_UNITS.find_iter(text) {
                let cut = &text.as_bytes()[..m.end() - 1];
                let cut = String::from_utf8_lossy(cut);
                assert_eq!(
                    DURATION_STEMS.finds_in(&cut),
                    DURATION_UNITS.is_match(&*cut)
                );
            }
            found += usize::from(expected);
        }
        assert!(found > 10 && found < texts.len(), "{found}");
    }

    #[test]
    fn every_unit_of_the_duration_pattern_passes_its_prefilter() {
        // the unit alternation is the last group of the pattern
        let pattern = DURATION_PATTERN;
        let start = pattern.rfind(r"[\s-]*(").expect("unit group") + r"[\s-]*(".len();
        let end = start + pattern[start..].find(')').expect("group end");
        let units: Vec<&str> = pattern[start..end].split('|').collect();
        assert!(units.len() > 10, "{units:?}");
        // a unit written with the Kelvin sign still matches the `(?i)` regex
        assert_eq!(durations("3 we\u{212a}en").len(), 1);
        for unit in units {
            let (stem, optional) = unit.strip_suffix('?').map_or((unit, ""), |u| (u, "?"));
            let forms = [
                stem.to_string(),
                stem[..stem.len() - optional.len()].to_string(),
            ];
            for form in forms {
                for text in [format!("3 {form}"), format!("3 {}", form.to_uppercase())] {
                    assert!(DURATION_STEMS.finds_in(&text), "{text}");
                    assert_eq!(durations(&text).len(), 1, "{text}");
                }
            }
        }
    }

    #[test]
    fn durations_in_both_languages() {
        let d = durations("We keep invoices for 7 years and logs for thirty days.");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].1.to_string(), "7 years");
        assert_eq!(d[1].1.to_string(), "30 days");
        let d = durations(
            "Wij bewaren facturen zeven jaar en camerabeelden 4 weken; een jaar na opzegging.",
        );
        let shown: Vec<String> = d.iter().map(|x| x.1.to_string()).collect();
        assert_eq!(shown, vec!["7 years", "4 weeks", "1 year"]);
        assert!(
            durations("within 24-month periods")
                .iter()
                .any(|x| x.1.unit == "month")
        );
    }

    /// The durations of a text as they are shown.
    fn shown(text: &str) -> Vec<String> {
        durations(text)
            .into_iter()
            .map(|x| x.1.to_string())
            .collect()
    }

    #[test]
    fn windows_looked_back_over_and_frequencies_are_not_durations() {
        assert!(shown("In the prior twelve (12) months we disclosed cookie IDs.").is_empty());
        assert!(shown("During the preceding 12 months we sold no personal data.").is_empty());
        assert!(shown("We update this list at least once a year.").is_empty());
        assert!(shown("We review it twice a year and three times a month.").is_empty());
        assert!(shown("In de voorgaande 12 maanden hebben wij geen gegevens verkocht.").is_empty());
        assert!(shown("Wij controleren dit twee keer per 12 maanden.").is_empty());
        // a period beside them still counts, and so does a deletion rhythm
        assert_eq!(
            shown("In the prior 12 months we kept logs for 30 days."),
            vec!["30 days"]
        );
        // a period of inactivity is a retention rule
        assert_eq!(
            shown("If you have not logged in during the last ten (10) years, we delete it."),
            vec!["10 years"]
        );
        assert_eq!(
            shown("Heb je in de afgelopen 2 jaar niet ingelogd, dan wissen wij je account."),
            vec!["2 years"]
        );
        assert_eq!(shown("We delete the logs every 30 days."), vec!["30 days"]);
        assert_eq!(shown("We keep the last 30 days of logs."), vec!["30 days"]);
    }

    #[test]
    fn deadlines_for_an_answer_and_timeouts_are_not_periods_kept() {
        assert!(shown("We respond to every request within one month.").is_empty());
        assert!(shown("If you ask us to delete it, we reply within 30 days.").is_empty());
        assert!(shown("You are logged out automatically after 30 minutes.").is_empty());
        assert!(shown("After 30 minutes of inactivity you will be signed out.").is_empty());
        assert!(shown("Access is suspended following 24 months of inactivity.").is_empty());
        assert!(shown("Wij beantwoorden uw verzoek binnen een maand.").is_empty());
        assert!(shown("Na 30 minuten zonder activiteit wordt u uitgelogd.").is_empty());
        // a period something is kept, whatever the sentence says around it
        assert_eq!(
            shown("We delete your data within 30 days of your request."),
            vec!["30 days"]
        );
        assert_eq!(
            shown("We keep your question for 2 years after we have answered it."),
            vec!["2 years"]
        );
        assert_eq!(
            shown("Reacties worden 2 jaar bewaard, ook na afhandeling."),
            vec!["2 years"]
        );
        assert_eq!(
            shown("Klantcontact: 5 jaar na afhandeling."),
            vec!["5 years"]
        );
        assert_eq!(
            shown("Wij bewaren meldingen tot een jaar nadat de melding is afgehandeld."),
            vec!["1 year"]
        );
        // a suspension then a deletion: only the second is a period kept
        assert_eq!(
            shown("Accounts are suspended after 24 months and deleted after a further 12 months."),
            vec!["12 months"]
        );
        assert!(!has_durations("We respond within one month."));
        assert!(has_durations("We delete it within one month."));
    }

    #[test]
    fn ages_are_not_durations() {
        assert!(shown("We do not keep data of children under 13 years of age.").is_empty());
        assert!(shown("Users must be 16 years old.").is_empty());
        assert!(shown("You must be older than 18 years to register.").is_empty());
        assert!(shown("Kinderen jonger dan 16 jaar hebben toestemming nodig.").is_empty());
        assert!(shown("De app is voor kinderen van 12 jaar oud.").is_empty());
        // the age and the period in one sentence: only the period is a duration
        assert_eq!(
            shown("Accounts of users aged 13 years are deleted after 2 years of inactivity."),
            vec!["2 years"]
        );
        assert_eq!(
            shown("We keep logs for 2 years, old entries are deleted."),
            vec!["2 years"]
        );
    }

    #[test]
    fn dates_in_both_languages() {
        let iso_of = |t: &str| dates(t).into_iter().map(|x| x.1).collect::<Vec<_>>();
        assert_eq!(iso_of("Last Updated: April 17, 2024"), vec!["2024-04-17"]);
        assert_eq!(
            iso_of("Laatst bijgewerkt: 17 april 2024"),
            vec!["2024-04-17"]
        );
        assert_eq!(iso_of("Effective 2023-11-04."), vec!["2023-11-04"]);
        assert_eq!(iso_of("Versie 14-01-2025"), vec!["2025-01-14"]);
        // month first only where the day shows it
        assert_eq!(iso_of("Date last updated: 06-21-2023"), vec!["2023-06-21"]);
        assert_eq!(iso_of("Updated 06-03-2023"), vec!["2023-03-06"]);
        assert_eq!(iso_of("Updated March 2025"), vec!["2025-03-01"]);
        assert_eq!(iso_of("Geldig vanaf 1 mei 2018"), vec!["2018-05-01"]);
        // a two-digit year: 00-69 is this century, day first unless the second number
        // cannot be a month
        assert_eq!(iso_of("Last updated 06-03-25"), vec!["2025-03-06"]);
        assert_eq!(iso_of("Laatst bijgewerkt: 6/3/25"), vec!["2025-03-06"]);
        assert_eq!(iso_of("Last updated 11-21-25"), vec!["2025-11-21"]);
        assert_eq!(iso_of("Versie van 31-12-69."), vec!["2069-12-31"]);
        assert_eq!(iso_of("Updated 04/11/12."), vec!["2012-11-04"]);
        // no date: 1970-1989, no such day, mixed separators, dots (section and version
        // numbers), and a longer number chain (a telephone number)
        for text in [
            "Updated 06-03-85",
            "Updated 32-03-25",
            "Updated 13-13-25",
            "Updated 06-03/25",
            "see 2.2.12 above",
            "Redux 4.5.13",
            "Bel 06-12-34-56",
            "code 1-06-03-25",
            "page 06/03/25/7",
            "Updated 06-03-2025x",
        ] {
            assert!(iso_of(text).is_empty(), "{text}");
        }
        assert!(
            iso_of("section 12 may 2000 apply").is_empty()
                || iso_of("section 12 may 2000 apply") == vec!["2000-05-12"]
        );
    }

    #[test]
    fn a_document_that_writes_one_numeric_date_month_first_writes_them_all_so() {
        use super::{DateOrder, date_order, dates_in_order};
        // a second number above 12 shows month first, a first one day first
        assert_eq!(
            date_order(["Version of 11-21-25.", "Last updated 06-03-26"]),
            DateOrder::MonthFirst
        );
        assert_eq!(
            date_order(["Eerdere versie: 9/25/10"]),
            DateOrder::MonthFirst
        );
        assert_eq!(
            date_order(["Gewijzigd op 21-11-25", "Last updated 06-03-26"]),
            DateOrder::DayFirst
        );
        // nothing shows it, or the dates disagree: the default
        assert_eq!(date_order(["Last updated 06-03-26"]), DateOrder::DayFirst);
        assert_eq!(date_order(["no date here"]), DateOrder::DayFirst);
        assert_eq!(
            date_order(["Updated 11/21/25", "Bijgewerkt 21/11/25"]),
            DateOrder::DayFirst
        );
        // no date (no such year, a telephone number) shows nothing
        assert_eq!(
            date_order(["Bel 06-12-34-56 of 06-13-85"]),
            DateOrder::DayFirst
        );
        let iso_in = |t: &str, order: DateOrder| {
            (dates_in_order(t, || order).into_iter().map(|x| x.1)).collect::<Vec<_>>()
        };
        assert_eq!(
            iso_in("Last updated 06-03-26", DateOrder::MonthFirst),
            vec!["2026-06-03"]
        );
        assert_eq!(
            iso_in("Laatst gewijzigd op 4/11/2012", DateOrder::MonthFirst),
            vec!["2012-04-11"]
        );
        assert_eq!(
            iso_in("Last updated 06-03-26", DateOrder::DayFirst),
            vec!["2026-03-06"]
        );
        // a date that shows its own order keeps it whatever the document's
        assert_eq!(
            iso_in("Gewijzigd op 21-11-25", DateOrder::MonthFirst),
            vec!["2025-11-21"]
        );
        assert_eq!(
            iso_in("Updated 11-21-25", DateOrder::DayFirst),
            vec!["2025-11-21"]
        );
        // the document's order is asked only for a date that needs it
        let asked = std::cell::Cell::new(false);
        let ask = || {
            asked.set(true);
            DateOrder::MonthFirst
        };
        assert_eq!(
            (dates_in_order("Updated 11-21-25 and April 2, 2024", ask).into_iter())
                .map(|x| x.1)
                .collect::<Vec<_>>(),
            vec!["2025-11-21", "2024-04-02"]
        );
        assert!(!asked.get());
    }

    #[test]
    fn a_preposition_that_starts_the_sentence_is_no_part_of_the_name() {
        for (text, name) in [
            (
                "At Example Books, Inc., we respect your privacy.",
                "Example Books, Inc.",
            ),
            (
                "Bij Voorbeeld Boeken B.V. respecteren wij je privacy.",
                "Voorbeeld Boeken B.V.",
            ),
            // a name that starts with a word that is no preposition keeps it
            ("Atlas Books Ltd respects your privacy.", "Atlas Books Ltd"),
        ] {
            assert_eq!(names(text), vec![name], "{text}");
        }
    }

    #[test]
    fn entity_names_may_join_words_with_an_ampersand() {
        let e = entities("Pebble & Loom Ltd, 14 Quarry Lane, is the controller.");
        assert_eq!(e.first().map(|x| x.1), Some("Pebble & Loom Ltd"));
    }

    #[test]
    fn entity_names_may_hold_accented_letters_and_digits() {
        let e = entities("Verwerker is Brouwerij Zeeën-3 Coöp B.V. te Gent.");
        assert_eq!(e.first().map(|x| x.1), Some("Brouwerij Zeeën-3 Coöp B.V."));
        let e = entities("Brauerei Müller GmbH, Köln, is the controller.");
        assert_eq!(e.first().map(|x| x.1), Some("Brauerei Müller GmbH"));
        // a legal form is a whole word: "Ltdä" is not "Ltd"
        assert!(entities("Pebble Ltdä and more").is_empty());
    }

    #[test]
    fn addresses_written_out_against_harvesters() {
        let found =
            |t: &str| -> Vec<String> { spelled_emails(t).into_iter().map(|(_, a)| a).collect() };
        assert_eq!(
            found("contact us at security[at]activist.example."),
            ["security@activist.example"]
        );
        assert_eq!(
            found("Mail privacy (at) voorbeeld (dot) nl or info{at}example.co.uk"),
            ["privacy@voorbeeld.nl", "info@example.co.uk"]
        );
        // the byte range covers what is written
        let text = "write to a.b [at] example [dot] org today";
        let (range, _) = &spelled_emails(text)[0];
        assert_eq!(&text[range.0..range.1], "a.b [at] example [dot] org");
        // "at" closing a parenthesis is no address
        assert!(found("we meet (once at) home.org").is_empty());
        assert!(found("the data (that) we keep").is_empty());
    }

    #[test]
    fn contacts_and_entities() {
        assert_eq!(
            emails("mail privacy@example.nl now")[0].1,
            "privacy@example.nl"
        );
        // a Unicode hyphen inside the mailbox: the whole address, as written
        assert_eq!(
            emails("mail fv\u{2010}privacy@example.nl now")[0].1,
            "fv\u{2010}privacy@example.nl"
        );
        assert_eq!(
            emails("mail x.fv\u{2011}a\u{2010}privacy@example.nl")[0].1,
            "x.fv\u{2011}a\u{2010}privacy@example.nl"
        );
        assert_eq!(
            emails("\u{2010}privacy@example.nl")[0].1,
            "privacy@example.nl"
        );
        assert_eq!(
            urls("see https://example.com/privacy.")[0].1,
            "https://example.com/privacy."
        );
        assert_eq!(phones("call +31 20 123 4567 today").len(), 1);
        assert!(phones("in 2024 we").is_empty());
        // a register number has the shape of a phone number
        assert!(phones("Example SAS, RCS Paris 535 217 723, 1 rue X").is_empty());
        assert!(phones("registered under number 0812 345 678").is_empty());
        assert!(
            phones("a French company incorporated in Paris under number 952 418 325").is_empty()
        );
        assert!(phones("een vennootschap, ingeschreven onder nummer 0812 345 678").is_empty());
        assert_eq!(phones("private line: 020 123 4567").len(), 1);
        assert_eq!(phones("Registered office, phone: 020 123 4567").len(), 1);
        let e = entities("The controller is Example Streaming B.V., Amsterdam.");
        assert_eq!(
            e[0].1,
            "The controller is Example Streaming B.V.".trim_start_matches("The controller is ")
        );
    }
}
