//! The article a noun phrase needs when the report puts it inside a sentence.
//!
//! Catalogue titles ("Recht van bezwaar", "Identity of the controller") and extracted
//! organisation names ("minister van VWS") are written to stand alone, as headings, table
//! cells or list items. Inside a sentence a singular common noun needs the definite
//! article: "informatie over *het* recht van bezwaar", "de privacyverklaring van *de*
//! minister van VWS". A proper name ("Stichting Voorbeeld", "Voorbeeld B.V."), a plural or
//! mass noun ("contactgegevens van …", "doorgifte naar …") and a clause ("hoe de rechten
//! uit te oefenen") need none. The noun lists are closed: a word they do not know gets no
//! article, which is what the report did before.

use super::i18n::ReportLang;

/// Singular nouns that the report's Dutch labels and organisation names start with (or end with, as
/// the last part of a compound: "rechts*grond*", "bewaar*termijn*"), with their definite
/// article. Plurals and mass nouns are left out on purpose: they read well bare.
const DUTCH_NOUNS: &[(&str, &str)] = &[
    // Heads of catalogue titles.
    ("recht", "het"),
    ("identiteit", "de"),
    ("vertegenwoordiger", "de"),
    ("grond", "de"),
    ("grondslag", "de"),
    ("termijn", "de"),
    ("bron", "de"),
    ("datum", "de"),
    ("doel", "het"),
    ("belang", "het"),
    ("functionaris", "de"),
    ("verklaring", "de"),
    // Organisations and offices that start an extracted name.
    ("minister", "de"),
    ("staatssecretaris", "de"),
    ("ministerie", "het"),
    ("stichting", "de"),
    ("vereniging", "de"),
    ("coöperatie", "de"),
    ("gemeente", "de"),
    ("provincie", "de"),
    ("waterschap", "het"),
    ("college", "het"),
    ("raad", "de"),
    ("dienst", "de"),
    ("agentschap", "het"),
    ("bestuursorgaan", "het"),
    // English words that start an extracted name ("Ministry of …"), with the article of
    // their Dutch counterpart for a Dutch report.
    ("ministry", "het"),
    ("municipality", "de"),
];

/// Offices and the departments they lead: in Dutch these take the article even when
/// written with a capital ("de Minister van VWS", "het Ministerie van BZK"), unlike a
/// foundation or municipality whose capital makes the word part of a proper name
/// ("Stichting Voorbeeld", "Gemeente Voorbeeld").
const OFFICES: &[&str] = &["minister", "staatssecretaris", "ministerie", "ministry"];

/// Singular English nouns that the report's labels start with, or that follow one modifier
/// ("*Legal* basis", "*Retention* period"): they take "the".
const ENGLISH_NOUNS: &[&str] = &[
    "right",
    "identity",
    "representative",
    "basis",
    "period",
    "date",
    "source",
    "officer",
    "controller",
    "statement",
];

/// Words that open a clause rather than a noun phrase: no article before them.
const CLAUSE_WORDS: &[&str] = &[
    "hoe", "of", "wat", "wie", "wanneer", "welke", "waarom", "how", "whether", "what", "who",
    "when", "which", "why",
];

/// The Dutch definite article of a singular noun the lists know, from the noun itself or,
/// for a compound, from its last part ("rechtsgrond" → "de", as "grond").
pub fn dutch_article(noun: &str) -> Option<&'static str> {
    let noun = noun.to_lowercase();
    DUTCH_NOUNS
        .iter()
        .filter(|(n, _)| {
            noun == *n
                || noun
                    .strip_suffix(n)
                    .is_some_and(|head| head.chars().count() >= 3)
        })
        // the longest part decides: "grondslag" before "grond"… and not "slag"
        .max_by_key(|(n, _)| n.len())
        .map(|(_, a)| *a)
}

/// The words of a label without parenthesised parts ("(Categorieën van) ontvangers" →
/// "ontvangers"), lower case, without punctuation.
fn words(label: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut plain = String::new();
    for c in label.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The definite article a label needs inside a sentence of the given language, if any:
/// its first word, or the word after one modifier, is a singular noun the lists know.
fn label_article(lang: ReportLang, label: &str) -> Option<&'static str> {
    let words = words(label);
    let first = words.first()?;
    if CLAUSE_WORDS.contains(&first.as_str()) {
        return None;
    }
    let article = |w: &str| match lang {
        ReportLang::Nl => dutch_article(w),
        ReportLang::En => ENGLISH_NOUNS.contains(&w).then_some("the"),
    };
    article(first).or_else(|| words.get(1).and_then(|w| article(w)))
}

/// The first letter in lower case, skipping an opening parenthesis or quote:
/// "(Categorieën van) ontvangers" → "(categorieën van) ontvangers".
pub fn lower_first(s: &str) -> String {
    match s.char_indices().find(|(_, c)| c.is_alphabetic()) {
        Some((i, c)) => {
            format!("{}{}{}", &s[..i], c.to_lowercase(), &s[i + c.len_utf8()..])
        }
        None => s.to_string(),
    }
}

/// A catalogue title as it reads inside a sentence: lower case, with the definite article
/// a singular noun needs. "Recht van bezwaar" → "het recht van bezwaar", "Identity of the
/// controller" → "the identity of the controller", but "Contactgegevens van de
/// functionaris" → "contactgegevens van de functionaris" and "How to exercise the rights"
/// → "how to exercise the rights".
pub fn label_in_sentence(lang: ReportLang, label: &str) -> String {
    let lower = lower_first(label.trim());
    match label_article(lang, label) {
        Some(a) => format!("{a} {lower}"),
        None => lower,
    }
}

/// An organisation's name as it reads after a preposition ("de privacyverklaring van …"):
/// a name that starts with an office ("minister van VWS", "Minister van …", "ministerie
/// van …") or with a lower-case common noun ("stichting Voorbeeld", "gemeente Voorbeeld")
/// gets the definite article; a proper name ("Voorbeeld B.V.", "Stichting Voorbeeld") is
/// left as it is. The name keeps its spelling.
pub fn name_in_sentence(lang: ReportLang, name: &str) -> String {
    let name = name.trim();
    let Some(first) = name.split_whitespace().next() else {
        return name.to_string();
    };
    let word = first.to_lowercase();
    let lower_case = first.chars().next().is_some_and(char::is_lowercase);
    let Some(article) = DUTCH_NOUNS
        .iter()
        .find(|(n, _)| *n == word)
        .map(|(_, a)| *a)
    else {
        return name.to_string();
    };
    if !lower_case && !OFFICES.contains(&word.as_str()) {
        return name.to_string();
    }
    match lang {
        ReportLang::Nl => format!("{article} {name}"),
        ReportLang::En => format!("the {name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportLang::{En, Nl};

    #[test]
    fn dutch_articles_come_from_the_noun_or_the_last_part_of_a_compound() {
        assert_eq!(dutch_article("recht"), Some("het"));
        assert_eq!(dutch_article("Identiteit"), Some("de"));
        assert_eq!(dutch_article("rechtsgrond"), Some("de"));
        assert_eq!(dutch_article("bewaartermijn"), Some("de"));
        assert_eq!(dutch_article("verwerkingsdoel"), Some("het"));
        assert_eq!(dutch_article("ministerie"), Some("het"));
        // plurals and unknown words get none
        assert_eq!(dutch_article("rechten"), None);
        assert_eq!(dutch_article("contactgegevens"), None);
        assert_eq!(dutch_article("ontvangers"), None);
        // fewer than three letters before a noun make no compound
        assert_eq!(dutch_article("onrecht"), None);
    }

    #[test]
    fn a_label_in_a_dutch_sentence_gets_the_article_a_singular_noun_needs() {
        assert_eq!(
            label_in_sentence(Nl, "Recht op beperking van de verwerking"),
            "het recht op beperking van de verwerking"
        );
        assert_eq!(
            label_in_sentence(Nl, "Recht van bezwaar"),
            "het recht van bezwaar"
        );
        assert_eq!(
            label_in_sentence(Nl, "Identiteit van de verwerkingsverantwoordelijke"),
            "de identiteit van de verwerkingsverantwoordelijke"
        );
        assert_eq!(
            label_in_sentence(Nl, "Rechtsgrond per doel"),
            "de rechtsgrond per doel"
        );
        assert_eq!(
            label_in_sentence(Nl, "Bewaartermijn of criteria"),
            "de bewaartermijn of criteria"
        );
        // plurals, mass nouns and clauses stay bare
        assert_eq!(
            label_in_sentence(
                Nl,
                "Contactgegevens van de functionaris voor gegevensbescherming"
            ),
            "contactgegevens van de functionaris voor gegevensbescherming"
        );
        assert_eq!(
            label_in_sentence(Nl, "(Categorieën van) ontvangers"),
            "(categorieën van) ontvangers"
        );
        assert_eq!(
            label_in_sentence(Nl, "Doorgifte naar derde landen"),
            "doorgifte naar derde landen"
        );
        assert_eq!(
            label_in_sentence(Nl, "Hoe de rechten uit te oefenen"),
            "hoe de rechten uit te oefenen"
        );
        assert_eq!(
            label_in_sentence(Nl, "Of verstrekking verplicht is"),
            "of verstrekking verplicht is"
        );
        // one modifier before the noun
        assert_eq!(
            label_in_sentence(Nl, "Gerechtvaardigd belang"),
            "het gerechtvaardigd belang"
        );
    }

    #[test]
    fn a_label_in_an_english_sentence_gets_the_when_its_noun_is_singular() {
        assert_eq!(
            label_in_sentence(En, "Right to object"),
            "the right to object"
        );
        assert_eq!(
            label_in_sentence(En, "Legal basis of the processing"),
            "the legal basis of the processing"
        );
        assert_eq!(
            label_in_sentence(En, "Retention period or criteria"),
            "the retention period or criteria"
        );
        assert_eq!(
            label_in_sentence(En, "Recipients or categories of recipients"),
            "recipients or categories of recipients"
        );
        assert_eq!(
            label_in_sentence(En, "How to exercise the rights"),
            "how to exercise the rights"
        );
    }

    #[test]
    fn an_office_or_lower_case_organisation_word_takes_the_article_a_proper_name_does_not() {
        assert_eq!(
            name_in_sentence(Nl, "minister van VWS"),
            "de minister van VWS"
        );
        assert_eq!(
            name_in_sentence(Nl, "Minister van Voorbeeldzaken"),
            "de Minister van Voorbeeldzaken"
        );
        assert_eq!(
            name_in_sentence(Nl, "ministerie van Voorbeeldzaken"),
            "het ministerie van Voorbeeldzaken"
        );
        assert_eq!(
            name_in_sentence(Nl, "Ministerie van Voorbeeldzaken"),
            "het Ministerie van Voorbeeldzaken"
        );
        assert_eq!(
            name_in_sentence(Nl, "stichting Open Voorbeeld"),
            "de stichting Open Voorbeeld"
        );
        assert_eq!(
            name_in_sentence(Nl, "gemeente Voorbeeld"),
            "de gemeente Voorbeeld"
        );
        assert_eq!(
            name_in_sentence(En, "minister van VWS"),
            "the minister van VWS"
        );
        assert_eq!(
            name_in_sentence(En, "Ministry of Voorbeeld Affairs"),
            "the Ministry of Voorbeeld Affairs"
        );
        assert_eq!(
            name_in_sentence(Nl, "Minister of Voorbeeld Affairs"),
            "de Minister of Voorbeeld Affairs"
        );
        // proper names keep their form
        for name in [
            "Stichting Open Voorbeeld",
            "Gemeente Voorbeeld",
            "Municipality of Voorbeeld",
            "Mozilla Corporation",
            "Voorbeeld Media B.V.",
        ] {
            assert_eq!(name_in_sentence(Nl, name), name);
            assert_eq!(name_in_sentence(En, name), name);
        }
    }

    #[test]
    fn every_word_that_starts_an_extracted_organisation_name_has_an_article() {
        for word in crate::extract::values::ORGANISATION_WORDS {
            let first = word.split_whitespace().next().unwrap_or(word);
            assert!(dutch_article(first).is_some(), "{word}");
            assert!(
                DUTCH_NOUNS.iter().any(|(n, _)| *n == first),
                "{word}: not an exact entry, so name_in_sentence would skip it"
            );
        }
    }

    #[test]
    fn lower_first_skips_an_opening_parenthesis() {
        assert_eq!(
            lower_first("(Categorieën van) ontvangers"),
            "(categorieën van) ontvangers"
        );
        assert_eq!(lower_first("Één"), "één");
        assert_eq!(lower_first(""), "");
    }
}
