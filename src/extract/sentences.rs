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
#[cfg(any(test, not(target_arch = "x86_64")))]
fn can_end(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?' | b';')
}

/// Where the first byte at or after `from` that [`can_end`] a sentence is. Most of a text
/// holds none: it is read 16 bytes at a time ([`end_mask`]), the place of the first such
/// byte of a block taken from its mask.
fn next_end_byte(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut at = from;
    let mut blocks = bytes[from..].chunks_exact(BLOCK);
    for block in blocks.by_ref() {
        let mask = end_mask(block.try_into().expect("a block of 16 bytes"));
        if mask != 0 {
            return Some(at + mask.trailing_zeros() as usize);
        }
        at += BLOCK;
    }
    // the last bytes, padded with zero bytes (which end nothing)
    let rest = blocks.remainder();
    let mut last = [0u8; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    let mask = end_mask(&last);
    (mask != 0).then(|| at + mask.trailing_zeros() as usize)
}

/// One bit per byte of `block` (the lowest for its first), set for the bytes that
/// [`can_end`] a sentence: five vector comparisons. (A loop over the bytes, written to be
/// compiled to vector instructions, was compiled to a test and branch per byte, some seven
/// instructions per byte of every block.)
#[cfg(target_arch = "x86_64")]
fn end_mask(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: SSE2, all these instructions need, is part of every x86-64 processor, and
    // the unaligned load reads the 16 bytes of `block`
    unsafe {
        let bytes = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let is = |b: u8| _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b as i8));
        let any = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(is(b'\n'), is(b'.')), is(b';')),
            _mm_or_si128(is(b'!'), is(b'?')),
        );
        _mm_movemask_epi8(any) as u32 & 0xffff
    }
}

/// See the x86-64 version.
#[cfg(not(target_arch = "x86_64"))]
fn end_mask(block: &[u8; 16]) -> u32 {
    (block.iter().enumerate()).fold(0, |mask, (i, &b)| mask | u32::from(can_end(b)) << i)
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
/// The abbreviation may end a compound ("the EU-U.S. Data Privacy Framework", "Swiss-U.S.").
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '-' | '/'))
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
    fn an_abbreviation_at_the_end_of_a_compound_does_not_end_the_sentence() {
        assert_eq!(
            pieces(
                "We rely on the EU-U.S. Data Privacy Framework (EU-U.S. DPF) and the Swiss-U.S. DPF. Ask us."
            ),
            vec![
                "We rely on the EU-U.S. Data Privacy Framework (EU-U.S. DPF) and the Swiss-U.S. DPF.",
                "Ask us."
            ]
        );
        // a compound that ends in an ordinary word still ends the sentence
        assert_eq!(
            pieces("We send a follow-up. Then we stop."),
            vec!["We send a follow-up.", "Then we stop."]
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
    fn the_end_bytes_are_found_where_a_byte_at_a_time_finds_them() {
        let text = "a.b!c?d;e\nf. Ü; ".repeat(7) + "no end in these last forty-one bytes here";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let expected = (bytes[from..].iter().position(|&b| can_end(b))).map(|i| from + i);
            assert_eq!(next_end_byte(bytes, from), expected, "{from}");
        }
        let mut block = [b'x'; 16];
        for i in 0..16 {
            for b in [b'\n', b'.', b'!', b'?', b';', b',', 0, 0xff] {
                block[i] = b;
                assert_eq!(end_mask(&block), u32::from(can_end(b)) << i, "{i} {b}");
            }
            block[i] = b'x';
        }
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            pieces("See example.com. for more"),
            vec!["See example.com. for more"]
        );
    }
}
