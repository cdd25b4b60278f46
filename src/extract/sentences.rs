//! Splitting block text into sentences, the unit that evidence quotes and that vocabulary
//! patterns are matched against.
//!
//! A sentence ends at `.`, `!`, `?` or `;` followed by one or more spaces and a capital, digit,
//! quote or bullet, or at a line break inside the block. Common English and Dutch
//! abbreviations ("e.g.", "i.e.", "etc.", "bv.", "o.a.", "art.", "nr.") do not end one.

/// Byte ranges `(start, end)` of the sentences of `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(i) = next_end_byte(bytes, from) {
        let b = bytes[i];
        let boundary = match b {
            b'\n' => Some(i + 1),
            _ => {
                // one space or more ("stored on the phone.  The foundation …", as typed
                // with two spaces after a full stop)
                let spaces = bytes[i + 1..].iter().take_while(|&&c| c == b' ').count();
                if spaces > 0
                    && starts_sentence(&text[i + 1 + spaces..])
                    && !(b == b'.' && abbreviation(&text[start..i]))
                {
                    Some(i + 1)
                } else {
                    None
                }
            }
        };
        if let Some(end) = boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        from = i + 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether a byte can end a sentence: a line break, or the punctuation [`split`] looks
/// after.
fn can_end(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?' | b';')
}

/// Where the first byte at or after `from` that [`can_end`] a sentence is. Most of a text
/// holds none, and a byte at a time with a branch on each took some seven instructions per
/// byte of every block; blocks of 16 bytes with no branch inside are compiled to vector
/// instructions, and only the block with such a byte is looked at byte by byte.
fn next_end_byte(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut at = from;
    for block in bytes[from..].chunks_exact(BLOCK) {
        if block.iter().fold(0u8, |any, &b| any | u8::from(can_end(b))) != 0 {
            break;
        }
        at += BLOCK;
    }
    (bytes[at..].iter().position(|&b| can_end(b))).map(|i| at + i)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

fn starts_sentence(rest: &str) -> bool {
    match rest.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '•' | '[' | '*')
        }
        None => false,
    }
}

/// Whether the text before a period ends in an abbreviation that does not close a sentence.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    const ABBR: &[&str] = &[
        "e.g", "i.e", "etc", "vs", "no", "nr", "art", "arts", "para", "sec", "inc", "ltd", "co",
        "bv", "b.v", "n.v", "bijv", "bv", "o.a", "m.b.t", "t.a.v", "i.v.m", "z.s.m", "ca", "mr",
        "mrs", "ms", "dr", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "okt", "nov", "dec", "u.s", "u.k", "e.u", "corp", "p", "pp", "vol", "resp",
        "incl", "excl", "approx", "min", "max", "dhr", "mevr", "jr", "sr",
    ];
    ABBR.contains(&word.as_str())
        || (word.len() == 1 && word.chars().all(|c| c.is_alphabetic()))
        // a German street, shortened ("Ostfeldstr. 49", "Reichsgrafen Str. 20")
        || word.ends_with("str")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_on_sentence_ends_not_abbreviations() {
        assert_eq!(
            pieces("We keep data, e.g. invoices. They go after 7 years. Art. 13 applies!"),
            vec![
                "We keep data, e.g. invoices.",
                "They go after 7 years.",
                "Art. 13 applies!"
            ]
        );
        assert_eq!(
            pieces("Wij delen o.a. met Mollie B.V. en anderen. Zie art. 6 AVG.\nNieuwe regel"),
            vec![
                "Wij delen o.a. met Mollie B.V. en anderen.",
                "Zie art. 6 AVG.",
                "Nieuwe regel"
            ]
        );
    }

    #[test]
    fn two_spaces_after_a_full_stop_end_the_sentence_too() {
        assert_eq!(
            pieces(
                "Data stays on the phone.  The foundation has a contract with Acme.   Ask us!  e.g. this"
            ),
            vec![
                "Data stays on the phone.",
                "The foundation has a contract with Acme.",
                "Ask us!  e.g. this"
            ]
        );
        // an abbreviation before two spaces still does not end one
        assert_eq!(
            pieces("Wij delen o.a.  Mollie-gegevens."),
            vec!["Wij delen o.a.  Mollie-gegevens."]
        );
    }

    #[test]
    fn a_shortened_german_street_does_not_end_the_sentence() {
        assert_eq!(
            pieces("Our officer sits at Ostfeldstr. 49, 30559 Hannover. Write to him."),
            vec![
                "Our officer sits at Ostfeldstr. 49, 30559 Hannover.",
                "Write to him."
            ]
        );
        assert_eq!(
            pieces("Bezoekadres: Reichsgrafen Str. 20, Freiburg. Schrijf ons."),
            vec![
                "Bezoekadres: Reichsgrafen Str. 20, Freiburg.",
                "Schrijf ons."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            pieces("See example.com. for more"),
            vec!["See example.com. for more"]
        );
    }
}
