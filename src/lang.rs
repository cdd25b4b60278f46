//! Language identification for documents and blocks: English, Dutch, or other.
//!
//! privlint only needs to tell English from Dutch (and from "something else", so that
//! neither vocabulary is applied to, say, German text). Function words are a reliable
//! signal for that: each language gets a short list of very frequent words that are rare
//! in the other, and a text is scored by how many of its words fall in each list.

use serde::{Deserialize, Serialize};

/// The languages privlint analyses; everything else is `Other`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Nl,
    #[default]
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Other => "other",
        }
    }

    /// Parse `en`, `nl`, `en-GB`, `nl_BE`, `english`, `dutch`, `nederlands` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "eng" | "english" => Some(Lang::En),
            "nl" | "nld" | "dut" | "dutch" | "nederlands" | "vlaams" => Some(Lang::Nl),
            "" => None,
            _ => Some(Lang::Other),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

const EN_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "you",
    "your",
    "we",
    "our",
    "is",
    "are",
    "for",
    "with",
    "that",
    "this",
    "or",
    "be",
    "by",
    "on",
    "as",
    "it",
    "not",
    "will",
    "have",
    "from",
    "which",
    "us",
    "information",
    "data",
    "if",
    "can",
    "may",
    "any",
    "about",
    "when",
    "use",
    "how",
    "what",
    "these",
    "such",
    "do",
    "all",
    "at",
    "an",
    "has",
    "other",
    "who",
];

const NL_WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "je",
    "jouw",
    "uw",
    "u",
    "wij",
    "we",
    "ons",
    "onze",
    "is",
    "zijn",
    "voor",
    "met",
    "dat",
    "die",
    "deze",
    "dit",
    "of",
    "worden",
    "wordt",
    "niet",
    "op",
    "als",
    "bij",
    "aan",
    "om",
    "naar",
    "door",
    "ook",
    "kunt",
    "kan",
    "heeft",
    "hebben",
    "over",
    "gegevens",
    "persoonsgegevens",
    "wanneer",
    "welke",
    "wat",
    "hoe",
    "waar",
    "uit",
    "dan",
    "tot",
    "te",
    "er",
];

const OTHER_WORDS: &[&str] = &[
    // German, French, Spanish function words: enough to keep them out of en/nl.
    "der", "die", "und", "das", "nicht", "ist", "sie", "wir", "ihre", "le", "la", "les", "et",
    "des", "vous", "nous", "est", "pour", "el", "los", "las", "y", "que", "para", "con", "por",
];

const EN: u8 = 1;
const NL: u8 = 2;
const OTHER: u8 = 4;

/// Columns of a row of [`SignalTrie`]: one per letter (either case), one for the
/// apostrophe, and room to make a row 32 wide.
const TRIE_COLUMNS: usize = 32;

/// [`WORD_BYTES`] of an apostrophe: part of a word, after the 26 letters.
const APOSTROPHE: u8 = 26;

/// Every signal word, with the lists (bits) it is on.
const SIGNAL_LISTS: [(&[&str], u8); 3] = [(EN_WORDS, EN), (NL_WORDS, NL), (OTHER_WORDS, OTHER)];

/// The trie of the signal words, read a byte of a word at a time: state 0 is a word that
/// starts no signal word, state 1 the start of a word, every other state a distinct prefix
/// of a signal word. Words used to be hashed as they were read and looked up in a hash
/// table with a case-insensitive comparison, which cost some 80 instructions per word
/// (half of all the instructions of guessing languages); a word now ends in the state
/// that says which lists it is on.
struct SignalTrie {
    /// Per state, [`TRIE_COLUMNS`] next states, each as the start of its row
    /// (state × `TRIE_COLUMNS`), by column ([`WORD_BYTES`] of a letter or apostrophe).
    next: [u16; TRIE_CELLS],
    /// Per state, the lists of the word that ends there.
    lists: [u8; SIGNAL_STATES],
    /// Per state, what a word that ends there adds to [`Packed`] counts: one word, and one
    /// for each list it is on (nothing for the start state: no word ended).
    increments: [u64; TRIE_ROWS],
}

/// The rows of [`SignalTrie::next`].
const TRIE_ROWS: usize = TRIE_CELLS / TRIE_COLUMNS;

/// The row of the state that starts a word.
const WORD_START: u16 = TRIE_COLUMNS as u16;

/// The number of states of [`SIGNAL_TRIE`]: the dead state, the start, and one per
/// distinct prefix of a signal word.
const SIGNAL_STATES: usize = {
    let mut trie = [[0u16; TRIE_COLUMNS]; 512];
    let mut states = 2;
    let mut l = 0;
    while l < SIGNAL_LISTS.len() {
        let words = SIGNAL_LISTS[l].0;
        let mut w = 0;
        while w < words.len() {
            let word = words[w].as_bytes();
            let mut state = 1;
            let mut i = 0;
            while i < word.len() {
                let column = WORD_BYTES[word[i] as usize] as usize;
                assert!(
                    column < TRIE_COLUMNS,
                    "signal words are letters and apostrophes"
                );
                if trie[state][column] == 0 {
                    trie[state][column] = states as u16;
                    states += 1;
                }
                state = trie[state][column] as usize;
                i += 1;
            }
            w += 1;
        }
        l += 1;
    }
    states
};

/// The length of [`SignalTrie::next`]: the rows of its states and as many empty ones as
/// make it a power of two (see [`SignalTrie::step`]).
const TRIE_CELLS: usize = (SIGNAL_STATES * TRIE_COLUMNS).next_power_of_two();

/// See [`SignalTrie`]; built when the program is compiled.
static SIGNAL_TRIE: SignalTrie = {
    let mut next = [0u16; TRIE_CELLS];
    let mut lists = [0u8; SIGNAL_STATES];
    let mut states = 2;
    let mut l = 0;
    while l < SIGNAL_LISTS.len() {
        let (words, bit) = SIGNAL_LISTS[l];
        let mut w = 0;
        while w < words.len() {
            let word = words[w].as_bytes();
            let mut row = TRIE_COLUMNS;
            let mut i = 0;
            while i < word.len() {
                let cell = row + WORD_BYTES[word[i] as usize] as usize;
                if next[cell] == 0 {
                    next[cell] = (states * TRIE_COLUMNS) as u16;
                    states += 1;
                }
                row = next[cell] as usize;
                i += 1;
            }
            lists[row / TRIE_COLUMNS] |= bit;
            w += 1;
        }
        l += 1;
    }
    let mut increments = [0u64; TRIE_ROWS];
    let mut state = 0;
    while state < SIGNAL_STATES {
        if state != WORD_START as usize / TRIE_COLUMNS {
            increments[state] = packed_increment(lists[state]);
        }
        state += 1;
    }
    SignalTrie {
        next,
        lists,
        increments,
    }
};

/// Counts of words and of signal words per list, 16 bits each: words in the lowest bits,
/// then English, Dutch and other. At most [`PACKED_WORDS`] words are counted in them at a
/// time, so no count overflows into the next.
type Packed = u64;

/// See [`Packed`].
const PACKED_WORDS: usize = 1 << 15;

/// What one word on `lists` adds to [`Packed`] counts.
const fn packed_increment(lists: u8) -> Packed {
    1 | ((lists & EN != 0) as u64) << 16
        | ((lists & NL != 0) as u64) << 32
        | ((lists & OTHER != 0) as u64) << 48
}

impl SignalTrie {
    /// The state after the word byte `b` (an ASCII letter or apostrophe) in the state whose
    /// row starts at `row`.
    fn step(&self, row: u16, b: u8) -> u16 {
        // the mask keeps the index in the table without a bounds check
        self.next[(usize::from(row) + usize::from(WORD_BYTES[usize::from(b)])) & (TRIE_CELLS - 1)]
    }

    /// [`SignalTrie::step`] by the column of the byte.
    fn step_column(&self, row: u16, column: u8) -> u16 {
        self.next[(usize::from(row) + usize::from(column)) & (TRIE_CELLS - 1)]
    }

    /// The lists of the word that ended in the state whose row starts at `row`.
    fn lists(&self, row: u16) -> u8 {
        self.lists[usize::from(row) / TRIE_COLUMNS]
    }

    /// What the word that ended in the state whose row starts at `row` adds to [`Packed`]
    /// counts.
    fn increment(&self, row: u16) -> Packed {
        // the mask keeps the index in the table without a bounds check
        self.increments[(usize::from(row) / TRIE_COLUMNS) & (TRIE_ROWS - 1)]
    }
}

/// The lists (bits) a word is on, compared without case.
fn signal_lists(word: &str) -> u8 {
    // a non-ASCII letter may lower-case to an ASCII one (rare)
    let lower = if word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    };
    let mut row = WORD_START;
    for b in lower.bytes() {
        if !is_in_word(b) {
            return 0;
        }
        row = SIGNAL_TRIE.step(row, b);
    }
    SIGNAL_TRIE.lists(row)
}

/// A language guess with the evidence behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub lang: Lang,
    /// Words that counted for the winning language.
    pub hits: usize,
    /// All words looked at.
    pub words: usize,
}

/// The words of a text that [`guess`] weighs: how many it looked at, and how many of them
/// are signal words of each list. Counts of consecutive texts add up to those of the texts
/// joined with a space (see [`SignalCounts::add`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SignalCounts {
    en: usize,
    nl: usize,
    other: usize,
    words: usize,
}

/// [`WORD_BYTES`] of any ASCII byte that is not a letter or apostrophe: between words.
const BETWEEN_WORDS: u8 = 27;
/// [`WORD_BYTES`] of a byte that is not ASCII: its character decides.
const NOT_ASCII: u8 = 28;

/// What each byte is to the words [`SignalCounts::of`] reads: an ASCII letter (its column
/// in [`SignalTrie`]: 0 to 25 from `a`, in either case) or apostrophe ([`APOSTROPHE`]) is
/// part of a word; one table read instead of the tests for a letter, an apostrophe and
/// ASCII (those took most of its instructions, some nineteen per lower-case letter).
const WORD_BYTES: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphabetic() {
            byte.to_ascii_lowercase() - b'a'
        } else if byte == b'\'' {
            APOSTROPHE
        } else {
            BETWEEN_WORDS
        };
        b += 1;
    }
    table
};

/// Whether a byte is part of a word: an ASCII letter or apostrophe.
fn is_in_word(b: u8) -> bool {
    WORD_BYTES[usize::from(b)] < BETWEEN_WORDS
}

/// The most words [`guess`] looks at: the first 2000 tell as much as all of them.
const GUESS_WORDS: usize = 2000;

impl SignalCounts {
    /// The counts of the first `limit` words of `text`.
    ///
    /// Words are runs of letters and apostrophes. The bytes are read in one loop: an ASCII
    /// letter or apostrophe steps through the trie of the signal words, any other ASCII byte
    /// adds the counts of the state it ends (nothing in the start state, between words) and
    /// starts again. A word with a letter that is not ASCII is read again whole and
    /// lower-cased first (a non-ASCII letter may lower-case to an ASCII one). Reading a word
    /// at a time took three times the instructions.
    pub fn of(text: &str, limit: usize) -> SignalCounts {
        let mut counts = SignalCounts::default();
        let trie = &SIGNAL_TRIE;
        let bytes = text.as_bytes();
        // the counts not yet added to `counts`, and how many words they may take
        let mut packed: Packed = 0;
        let mut room = limit.min(PACKED_WORDS);
        // adds the packed counts to `counts`; false when the limit is reached
        let mut unpack = |packed: &mut Packed, room: &mut usize| {
            counts.add(SignalCounts {
                words: (*packed & 0xFFFF) as usize,
                en: (*packed >> 16 & 0xFFFF) as usize,
                nl: (*packed >> 32 & 0xFFFF) as usize,
                other: (*packed >> 48) as usize,
            });
            *packed = 0;
            *room = (limit - counts.words).min(PACKED_WORDS);
            *room > 0
        };
        if room == 0 {
            return counts;
        }
        // the character at `i` (not ASCII) if it is a letter, and its length
        let letter_at = |i: usize| {
            let c = text[i..].chars().next().unwrap_or_default();
            (c.is_alphabetic(), c.len_utf8())
        };
        let mut row = WORD_START;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let column = WORD_BYTES[usize::from(b)];
            if column < BETWEEN_WORDS {
                row = trie.step_column(row, column);
                i += 1;
                continue;
            }
            let increment = if column == BETWEEN_WORDS {
                i += 1;
                trie.increment(row)
            } else if let (false, len) = letter_at(i) {
                i += len;
                trie.increment(row)
            } else {
                // a letter that is not ASCII: the word from its start (after the ASCII
                // letters and apostrophes before it) to its end, lower-cased
                let start = i
                    - (bytes[..i].iter().rev())
                        .take_while(|b| is_in_word(**b))
                        .count();
                while let Some(&b) = bytes.get(i) {
                    match WORD_BYTES[usize::from(b)] {
                        BETWEEN_WORDS => break,
                        NOT_ASCII => match letter_at(i) {
                            (true, len) => i += len,
                            (false, _) => break,
                        },
                        _ => i += 1,
                    }
                }
                packed_increment(signal_lists(&text[start..i]))
            };
            row = WORD_START;
            packed += increment;
            if (packed & 0xFFFF) as usize >= room && !unpack(&mut packed, &mut room) {
                return counts;
            }
        }
        packed += trie.increment(row);
        unpack(&mut packed, &mut room);
        counts
    }

    /// Adds the counts of a text that follows (after a space) the ones counted so far.
    pub fn add(&mut self, next: SignalCounts) {
        self.en += next.en;
        self.nl += next.nl;
        self.other += next.other;
        self.words += next.words;
    }

    /// How many words were looked at.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The guess these counts support (see [`guess`]).
    pub fn guess(&self) -> Option<Guess> {
        let SignalCounts {
            en,
            nl,
            other,
            words,
        } = *self;
        if words == 0 {
            return None;
        }
        let (lang, hits, runner_up) = if en >= nl && en >= other {
            (Lang::En, en, nl.max(other))
        } else if nl >= en && nl >= other {
            (Lang::Nl, nl, en.max(other))
        } else {
            (Lang::Other, other, en.max(nl))
        };
        // Need at least two signal words and a clear margin.
        if hits < 2 || hits * 2 < runner_up * 3 {
            // Long texts with few function words of either list are some other language.
            if words >= 20 && en.max(nl) * 10 < words {
                return Some(Guess {
                    lang: Lang::Other,
                    hits: other,
                    words,
                });
            }
            return None;
        }
        Some(Guess { lang, hits, words })
    }
}

/// Guess the language of `text` from its first 2000 words. Short or ambiguous texts return
/// `None` so that the caller can fall back to the enclosing section's or document's
/// language.
pub fn guess(text: &str) -> Option<Guess> {
    guess_counted(text).1
}

/// [`guess`], with the counts it was made from.
pub fn guess_counted(text: &str) -> (SignalCounts, Option<Guess>) {
    let counts = SignalCounts::of(text, GUESS_WORDS);
    (counts, counts.guess())
}

/// The guess for texts joined with a space, from the counts of each (as
/// [`guess_counted`] gave them) and the texts to count again where the limit cuts one:
/// what [`guess`] says of the joined text, without reading it again.
pub fn guess_joined<'t>(parts: impl IntoIterator<Item = (SignalCounts, &'t str)>) -> Option<Guess> {
    let mut total = SignalCounts::default();
    for (counts, text) in parts {
        let room = GUESS_WORDS - total.words;
        if counts.words < room {
            total.add(counts);
        } else {
            total.add(SignalCounts::of(text, room));
            break;
        }
    }
    total.guess()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Language of `text`, or `fallback` when the text is too short to tell: how ingest
    /// gives each block its language.
    fn detect_or(text: &str, fallback: Lang) -> Lang {
        guess(text).map_or(fallback, |g| g.lang)
    }

    #[test]
    fn texts_guessed_from_their_counts_are_guessed_as_the_joined_text() {
        let english = "We share your data with our processors and we keep it for a year. ";
        let dutch = "Wij delen uw gegevens met onze verwerkers en bewaren ze een jaar. ";
        let accented = "Wij bewaren één kopie van de gegevens die u ons geeft. ";
        let parts_of = |texts: &[String]| -> Option<Guess> {
            let counted: Vec<(SignalCounts, &str)> = (texts.iter())
                .map(|t| (guess_counted(t).0, t.as_str()))
                .collect();
            guess_joined(counted)
        };
        let cases: Vec<Vec<String>> = vec![
            vec![english.into(), dutch.into()],
            vec![dutch.into(), accented.into(), english.into()],
            // the limit falls inside a text: its words past the limit are not counted,
            // so the Dutch text after the long English one changes nothing...
            vec![english.repeat(150), dutch.repeat(150)],
            // ...and the one that reaches the limit is cut where the joined text is
            vec![english.repeat(20), dutch.repeat(200)],
            vec![accented.repeat(160), english.repeat(100)],
            vec![String::new(), "Cookies".into()],
            vec![],
        ];
        let mut languages = Vec::new();
        for texts in &cases {
            let want = guess(&texts.join(" "));
            assert_eq!(
                parts_of(texts),
                want,
                "{:?}",
                texts.iter().map(String::len).collect::<Vec<_>>()
            );
            languages.push(want.map(|g| g.lang));
        }
        // the cases are not all alike
        assert!(languages.contains(&Some(Lang::En)));
        assert!(languages.contains(&Some(Lang::Nl)));
        assert!(languages.contains(&None));
    }

    /// [`SignalCounts::of`] as it was, reading a word at a time.
    fn counted_word_by_word(text: &str, limit: usize) -> SignalCounts {
        let mut counts = SignalCounts::default();
        if limit == 0 {
            return counts;
        }
        let mut count = |lists: u8| {
            counts.words += 1;
            // "is", "of", "we" are shared; they count for both.
            counts.en += usize::from(lists & EN != 0);
            counts.nl += usize::from(lists & NL != 0);
            counts.other += usize::from(lists & OTHER != 0);
            counts.words < limit
        };
        // Words are runs of letters and apostrophes. An ASCII word is read through the
        // trie of the signal words as it is read; a word with another letter is lower-cased
        // whole first (a non-ASCII letter may lower-case to an ASCII one).
        let trie = &SIGNAL_TRIE;
        let bytes = text.as_bytes();
        // the character at `i` (not ASCII) if it is a letter, and its length
        let letter_at = |i: usize| {
            let c = text[i..].chars().next().unwrap_or_default();
            (c.is_alphabetic(), c.len_utf8())
        };
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // between words
            match WORD_BYTES[usize::from(b)] {
                BETWEEN_WORDS => {
                    i += 1;
                    continue;
                }
                NOT_ASCII => {
                    if let (false, len) = letter_at(i) {
                        i += len;
                        continue;
                    }
                }
                _ => {}
            }
            // a word
            let start = i;
            let (mut row, mut ascii) = (WORD_START, true);
            loop {
                // its ASCII letters and apostrophes
                for &b in &bytes[i..] {
                    if !is_in_word(b) {
                        break;
                    }
                    row = trie.step(row, b);
                    i += 1;
                }
                // then a letter that is not ASCII, or its end
                match bytes.get(i) {
                    Some(&b) if WORD_BYTES[usize::from(b)] == NOT_ASCII => {
                        let (letter, len) = letter_at(i);
                        if !letter {
                            break;
                        }
                        ascii = false;
                        i += len;
                    }
                    _ => break,
                }
            }
            let lists = if ascii {
                trie.lists(row)
            } else {
                signal_lists(&text[start..i])
            };
            if !count(lists) {
                break;
            }
        }
        counts
    }

    #[test]
    fn texts_are_counted_as_they_were_word_by_word() {
        let texts = [
            "We process your personal data and we share it with our processors.",
            "Wij verwerken uw persoonsgegevens en delen deze met onze verwerkers.",
            "Don't we keep it? It's the law: 7 years, then it is deleted.",
            "Nous traitons vos données personnelles avec soin et les partageons.",
            "it's THE data—of 2024, één café DIE Ünd ünd thé \u{212a}now théthe 'the' ''",
            "Übung über die Straße, la façon, el año: ÉÉN, één; de \u{2014} het",
            "éa the",
            "the é",
            "é",
            "",
            " ",
            "'",
            "a",
            "the",
        ];
        for text in texts
            .iter()
            .map(|t| t.to_string())
            .chain([texts.join(" ").repeat(30)])
        {
            for limit in [0, 1, 2, 3, 5, 8, 13, 100, 2000, usize::MAX] {
                assert_eq!(
                    SignalCounts::of(&text, limit),
                    counted_word_by_word(&text, limit),
                    "{limit} {text}"
                );
            }
        }
        let many = "the de und x ".repeat(20_000);
        for limit in [2000, 32_767, 32_768, 32_769, 70_000, usize::MAX] {
            assert_eq!(
                SignalCounts::of(&many, limit),
                counted_word_by_word(&many, limit)
            );
        }
    }

    #[test]
    fn ascii_and_unicode_texts_split_into_the_same_words() {
        // an em dash is no letter: appended, it changes nothing but which path splits
        for text in [
            "We process your personal data and we share it with our processors.",
            "Wij verwerken uw persoonsgegevens en delen deze met onze verwerkers.",
            "Don't we keep it? It's the law: 7 years, then it is deleted.",
            "Nous traitons vos données personnelles avec soin et les partageons.",
            "data",
        ] {
            let unicode = format!("{text} \u{2014}");
            assert!(!unicode.is_ascii());
            assert_eq!(guess(text), guess(&unicode), "{text}");
            for limit in [1, 3, 2000] {
                let (ascii, unicode) = (
                    SignalCounts::of(text, limit),
                    SignalCounts::of(&unicode, limit),
                );
                assert_eq!(ascii, unicode, "{text}");
            }
        }
        assert!(guess("We process your personal data and share it with processors.").is_some());
    }

    #[test]
    fn a_byte_is_in_a_word_when_it_is_an_ascii_letter_or_an_apostrophe() {
        for b in 0..=255u8 {
            let expected = if !b.is_ascii() {
                NOT_ASCII
            } else if b.is_ascii_alphabetic() {
                b.to_ascii_lowercase() - b'a'
            } else if b == b'\'' {
                APOSTROPHE
            } else {
                BETWEEN_WORDS
            };
            assert_eq!(WORD_BYTES[usize::from(b)], expected, "{b:#x}");
            assert_eq!(
                is_in_word(b),
                b.is_ascii_alphabetic() || b == b'\'',
                "{b:#x}"
            );
        }
        assert_eq!(
            SignalCounts::of("it's THE data—of 2024, één", 2000).words,
            5
        );
    }

    #[test]
    fn the_trie_finds_each_signal_word_in_any_case_and_nothing_else() {
        for (words, _) in SIGNAL_LISTS {
            for w in words {
                let lists: u8 = (SIGNAL_LISTS.iter())
                    .filter(|(ws, _)| ws.contains(w))
                    .map(|(_, bit)| bit)
                    .fold(0, |a, b| a | b);
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
                assert_eq!(signal_lists(w), lists, "{w}");
                assert_eq!(signal_lists(&w.to_uppercase()), lists, "{w}");
                // a prefix or a longer word is on no list unless it is a word itself
                for cut in 1..w.len() {
                    let prefix = &w[..cut];
                    let listed = (SIGNAL_LISTS.iter()).any(|(ws, _)| ws.contains(&prefix));
                    assert_eq!(signal_lists(prefix) != 0, listed, "{prefix}");
                }
                let longer = format!("{w}s");
                let listed = (SIGNAL_LISTS.iter()).any(|(ws, _)| ws.contains(&longer.as_str()));
                assert_eq!(signal_lists(&longer) != 0, listed, "{longer}");
            }
        }
        assert_eq!(signal_lists("The"), EN);
        assert_eq!(signal_lists("WE"), EN | NL);
        assert_eq!(signal_lists("Die"), NL | OTHER);
        assert_eq!(signal_lists("persoonsgegevensverwerking"), 0);
        assert_eq!(signal_lists("persoonsgegevens"), NL);
        assert_eq!(signal_lists("don't"), 0);
        assert_eq!(signal_lists("thé"), 0);
        assert_eq!(signal_lists(""), 0);
    }

    #[test]
    fn english_and_dutch_sentences() {
        assert_eq!(
            detect_or(
                "We keep your invoices for seven years because the tax law requires it.",
                Lang::Other
            ),
            Lang::En
        );
        assert_eq!(
            detect_or(
                "Wij bewaren uw facturen zeven jaar omdat de belastingwet dat vereist.",
                Lang::Other
            ),
            Lang::Nl
        );
    }

    #[test]
    fn short_text_falls_back() {
        assert_eq!(detect_or("Cookies", Lang::Nl), Lang::Nl);
        assert_eq!(detect_or("", Lang::En), Lang::En);
    }

    #[test]
    fn german_is_other() {
        assert_eq!(
            detect_or(
                "Wir verarbeiten Ihre Daten nicht und die Daten sind sicher und das ist gut.",
                Lang::En
            ),
            Lang::Other
        );
    }

    #[test]
    fn codes() {
        assert_eq!(Lang::from_code("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), Some(Lang::Other));
        assert_eq!(Lang::from_code(""), None);
    }
}
