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

/// A language guess with the evidence behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub lang: Lang,
    /// Words that counted for the winning language.
    pub hits: usize,
    /// All words looked at.
    pub words: usize,
}

/// Guess the language of `text`. Short or ambiguous texts return `None` so that the
/// caller can fall back to the enclosing section's or document's language.
pub fn guess(text: &str) -> Option<Guess> {
    let (mut en, mut nl, mut other, mut words) = (0usize, 0usize, 0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = word.to_lowercase();
        let w = lower.as_str();
        // "is", "of", "we" are shared; count them for both.
        if EN_WORDS.contains(&w) {
            en += 1;
        }
        if NL_WORDS.contains(&w) {
            nl += 1;
        }
        if OTHER_WORDS.contains(&w) {
            other += 1;
        }
        if words >= 2000 {
            break;
        }
    }
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

/// Language of `text`, or `fallback` when the text is too short to tell.
pub fn detect_or(text: &str, fallback: Lang) -> Lang {
    guess(text).map_or(fallback, |g| g.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

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
