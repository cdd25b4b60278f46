//! The sources of the value patterns of [`super::values`], and the list of those whose
//! automata `build.rs` determinises (this file is also a module of `build.rs`): their
//! compilation was a fifth of the instructions of checking the Netflix statement and two
//! fifths of checking a short one, while reading a determinised automaton back costs a few
//! thousand. Only the standard library and `regex` (for [`regex::escape`]) are used here.

/// `pattern` with each word boundary `\b` written as an ASCII one, `(?-u:\b)` (other
/// escapes kept as they are).
pub fn with_ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(escaped) => {
                out.push(c);
                out.push(escaped);
            }
            None => out.push(c),
        }
    }
    out
}

/// A number (in digits or English or Dutch words) and a unit of time.
pub const DURATION_PATTERN: &str = r"(?i)\b([0-9]{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|sixty|ninety|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|achttien|twintig|dertig|zestig|negentig)(?:\s*\([0-9]+\))?[\s-]*(minutes?|minuten|hours?|uur|uren|days?|dagen|dag|weeks?|weken|week|months?|maanden|maand|years?|jaren|jaar|yrs?)\b";

/// A calendar date with the month first ("April 17, 2024"). Groups: month, day, year.
pub const DATE_MDY_PATTERN: &str =
    r"(?i)\b([a-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\b";
/// A calendar date with the day first ("17 April 2024", "17th of April, 2024"). Groups:
/// day, month, year.
pub const DATE_DMY_PATTERN: &str =
    r"(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+([0-9]{4})\b";
/// An ISO date ("2024-04-17"). Groups: year, month, day.
pub const DATE_ISO_PATTERN: &str = r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b";
/// A numeric date with a four-digit year ("17-04-2024", "4/17/2024"). Groups: the two
/// numbers and the year.
pub const DATE_NUMERIC_PATTERN: &str = r"\b([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})\b";
/// A numeric date with a two-digit year ("06-03-25"). Groups: number, separator, number,
/// separator, year.
pub const DATE_SHORT_PATTERN: &str = r"\b([0-9]{1,2})([-/])([0-9]{1,2})([-/])([0-9]{2})\b";
/// A month and a year ("April 2024"). Groups: month, year.
pub const DATE_MONTH_YEAR_PATTERN: &str = r"(?i)\b([a-z]{3,9})\s+([0-9]{4})\b";
/// An email address.
pub const EMAIL_PATTERN: &str =
    r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b";
/// A web address with its scheme.
pub const URL_PATTERN: &str = r#"(?i)\bhttps?://[^\s<>()"'\]]+"#;
/// A telephone number.
pub const PHONE_PATTERN: &str = r"(?:\+[0-9]{1,3}[\s-]?)?(?:\(0\)\s?)?\(?[0-9]{2,4}\)?[\s-][0-9]{2,4}[\s-]?[0-9]{2,4}(?:[\s-]?[0-9]{2,4})?";

/// Legal forms that make a capitalised name a legal entity ("Acme Ltd", "Voorbeeld B.V."),
/// in the order the pattern tries them (a longer form before its prefix).
pub const LEGAL_FORMS: &[&str] = &[
    "B.V.",
    "BV",
    "N.V.",
    "V.O.F.",
    "VOF",
    "C.V.",
    "Ltd.",
    "Ltd",
    "Limited",
    "Inc.",
    "Inc",
    "LLC",
    "L.L.C.",
    "GmbH",
    "AG",
    "AB",
    "S.A.S.",
    "SAS",
    "S.A.",
    "SA",
    "SE",
    "UAB",
    "OÜ",
    "OU",
    "Oy",
    "ApS",
    "Aps",
    "A/S",
    "S.r.l.",
    "S.L.",
    "plc",
    "Plc",
    "PLC",
    "Corporation",
    "Corp.",
    "LLP",
    "Pty Ltd",
    "KG",
    "e.V.",
    "U.A.",
];

/// Words that start the name of an organisation without a legal form ("Stichting
/// Voorbeeld", "Ministerie van ...", "the Minister of Health"), matched with a lower- or
/// upper-case first letter.
pub const ORGANISATION_WORDS: &[&str] = &[
    "stichting",
    "vereniging",
    "coöperatie",
    "ministerie van",
    "minister van",
    "gemeente",
    "provincie",
    "ministry of",
    "minister of",
    "municipality of",
];

/// Small words inside an organisation's name ("Stichting Vrienden van de Tuin", "Ministry of
/// Health, Welfare and Sport"); a name never ends in one.
pub const NAME_JOINERS: &[&str] = &["by", "van", "voor", "en", "and", "of", "for"];

/// The first letter of a word in either case, as a regex class, and the rest escaped.
pub fn either_case_first(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or_default();
    format!(
        "[{}{}]{}",
        first.to_uppercase(),
        first,
        regex::escape(chars.as_str())
    )
}

/// The letters, digits and underscore an organisation's name is spelled with: those of the
/// Latin script (with its accented letters, not `×` and `÷`). The regex engine compiles the
/// Unicode `\w` class, which names every script, into an automaton ten times the size, and
/// the name pattern repeats it a dozen times: its compilation was most of start-up.
pub const NAME_LETTERS: &str = r"0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}";

/// An organisation's name: capitalised words ending in a legal form ("Example Media B.V."); a
/// line that holds only a name and a legal form, whatever the case of its first letter
/// ("merlinux GmbH" in an address block: in running text a lower-case word before a form,
/// as in "by AB-testing", is no name); or an organisation word and the capitalised words
/// after it ("Stichting Voorbeeld").
pub fn entity_pattern() -> String {
    let forms: Vec<String> = LEGAL_FORMS.iter().map(|f| regex::escape(f)).collect();
    let words: Vec<String> = (ORGANISATION_WORDS.iter())
        .map(|w| either_case_first(w))
        .collect();
    format!(
        r"\b(?:[A-Z][{w}&'’.-]*\s+(?:&\s+)?){{0,5}}[A-Z][{w}&'’.-]*,?\s+(?:{forms})(?:[^{w}]|$)|(?m:^[ \t]*[a-z][{w}&'’.-]*(?:[ \t]+[A-Za-z][{w}&'’.-]*){{0,4}},?[ \t]+(?:{forms})[ \t]*$)|\b(?:{words})\s+(?:[A-Z][{w}'’,-]*\s*(?:(?:{joiners})(?:\s+(?:de|der|den|het|the))?\s+)?){{1,6}}",
        w = NAME_LETTERS,
        forms = forms.join("|"),
        words = words.join("|"),
        joiners = NAME_JOINERS.join("|")
    )
}

/// The value patterns (as written) whose automata `build.rs` determinises, each with
/// whether they are stored sparse: [`entity_pattern`], whose dense automata would take
/// some 17 MB (and 16 s to minimise), is (4.6 MB); the others are dense and minimised,
/// 680 KB in all. The rarely needed patterns are here too: each one a statement needs
/// cost it some half a million instructions to compile.
#[allow(dead_code)] // used by `build.rs` and the tests
pub fn determinised() -> Vec<(String, bool)> {
    let dense = [
        DURATION_PATTERN,
        DATE_MDY_PATTERN,
        DATE_DMY_PATTERN,
        DATE_ISO_PATTERN,
        DATE_NUMERIC_PATTERN,
        DATE_SHORT_PATTERN,
        DATE_MONTH_YEAR_PATTERN,
        EMAIL_PATTERN,
        URL_PATTERN,
        PHONE_PATTERN,
    ];
    (dense.iter().map(|p| (p.to_string(), false)))
        .chain([(entity_pattern(), true)])
        .collect()
}
