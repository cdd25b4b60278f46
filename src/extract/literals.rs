//! How a lexicon pattern is prepared for matching, and the literal *prefilter* of a
//! pattern: a set of byte strings at least one of which occurs in every match.
//!
//! A sentence is first scanned once for all the literals of a pattern list (Aho-Corasick);
//! only the patterns whose literals occur are run as regular expressions. A document is thus
//! scanned a bounded number of times however many patterns the lexicons hold, and patterns
//! that never get a candidate are never even compiled. A pattern without start literals may
//! instead need one of a few rare bytes (a postcode or a date a digit, an address its `@`):
//! it then runs only on texts that hold one ([`required_bytes`]).
//!
//! This file is also compiled into `build.rs`, which validates the bundled patterns and
//! computes their literals at build time, so the bundled lexicons cost no parsing at start-up.
//! It therefore depends on `regex-syntax` and `regex-automata` only. `build.rs` also
//! determinises here the automata of the bundled patterns that stay small ([`anchored_dfa`]
//! for a pattern searched from its literals, [`unanchored_dfa`] for one without start
//! literals), so they need no compiling at run time at all.

use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// Compiled size limit of one pattern (a pattern past it is refused when loaded).
pub const SIZE_LIMIT: usize = 64 << 20;

/// Shortest literal worth prefiltering on: a shorter one occurs in most sentences. A
/// prefix may be a byte shorter: a search that starts at it ends within a few bytes.
const MIN_LITERAL_LEN: usize = 3;
const MIN_PREFIX_LEN: usize = 2;

/// Bytes rare enough in prose that a literal holding one is worth prefiltering on however
/// short it is (the `@` of an email address, the `(` of "(“we”)").
const RARE_BYTES: &[u8] = b"@()[]{}<>#%&*+=|~$/\\";

/// Whether a set of literals is selective enough for a prefilter: each literal is at least
/// `min` bytes long or holds a [`RARE_BYTES`] byte.
fn selective(set: &[Vec<u8>], min: usize) -> bool {
    (set.iter()).all(|l| l.len() >= min || l.iter().any(|b| RARE_BYTES.contains(b)))
}

/// Most literals one pattern may contribute to a prefilter (an alternation of 150 country
/// names is fine; a cross product of optional words blowing up is not).
const MAX_LITERALS: usize = 1024;

/// Patterns are matched against normalised (lower-case) text, so they are compiled without
/// case folding, and with ASCII word boundaries: the lazy DFAs of [`super::patterns`] cannot
/// evaluate a Unicode `\b` next to a non-ASCII byte and would fall back to the slower full
/// engine on every accented Dutch sentence. Accented letters inside words still match as
/// literals; only a boundary right next to a non-ASCII letter behaves differently.
///
/// An ASCII `\b` next to an accented letter would see a word end where there is none and
/// none where there is one (`belgië` followed by a space): there a word end is written as
/// "not between two ASCII word characters" (`(?-u:\B)`), which is what it means beside a
/// letter that is not ASCII. When only some branches of a group end (or start) with such a
/// letter, the boundary is moved into each branch, in the form that branch needs.
pub fn prepare(pattern: &str) -> String {
    const ASCII_BOUNDARY: &str = r"(?-u:\b)";
    if pattern.is_ascii() {
        return pattern.replace(r"\b", ASCII_BOUNDARY);
    }
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        // the compiler reports the error
        return pattern.replace(r"\b", ASCII_BOUNDARY);
    };
    let mut edits = Vec::new();
    boundaries(&ast, &mut edits, &mut None);
    edits.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = String::with_capacity(pattern.len() + 16 * edits.len());
    let mut at = 0;
    for (start, end, text) in edits {
        out.push_str(&pattern[at..start]);
        out.push_str(text);
        at = end;
    }
    out.push_str(&pattern[at..]);
    out
}

/// A `\b` of a pattern that can never match where it stands, if there is one: next to a
/// character that is not a letter or digit (`b\.v\.\b` asks for a letter right after the
/// last full stop, so "B.V. is" never matches). The bundled lexicons are checked when the
/// program is built, a user's pack when it is loaded.
pub fn dead_boundary(pattern: &str) -> Option<String> {
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    let mut dead = None;
    boundaries(&ast, &mut Vec::new(), &mut dead);
    dead
}

/// The first upper-case letter a pattern asks for literally (outside escapes such as `\b`,
/// `\p{Lu}` and flag groups such as `(?-u:`): sentences are matched in lower case (see
/// `lexicon::normalise`), so such a pattern can never match there. The bundled lexicons are
/// checked when the program is built, a user's pack when it is loaded.
pub fn upper_case_letter(pattern: &str) -> Option<char> {
    // most patterns are ASCII without a capital anywhere (a tenth of start-up went to
    // reading them character by character)
    if !(pattern.bytes()).any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return None;
    }
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some('p' | 'P') = chars.next()
                    && chars.peek() == Some(&'{')
                {
                    chars.find(|c| *c == '}');
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                let flags: String = chars
                    .by_ref()
                    .take_while(|c| !matches!(c, ':' | ')'))
                    .collect();
                // `(?i)`: the letters match either case
                if flags.split('-').next().is_some_and(|on| on.contains('i')) {
                    return None;
                }
            }
            c if c.is_uppercase() => return Some(c),
            _ => {}
        }
    }
    None
}

/// What a match has on one side of a `\b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// an ASCII letter, digit or `_`
    Ascii,
    /// a letter or digit outside ASCII (`ë`, `ï`)
    OtherLetter,
    /// neither: `.`, `§`, a space
    Neither(char),
}

fn side(c: char) -> Side {
    if c.is_ascii_alphanumeric() || c == '_' {
        Side::Ascii
    } else if !c.is_ascii() && c.is_alphanumeric() {
        Side::OtherLetter
    } else {
        Side::Neither(c)
    }
}

fn optional(op: &regex_syntax::ast::RepetitionOp) -> bool {
    use regex_syntax::ast::{RepetitionKind, RepetitionRange};
    matches!(
        op.kind,
        RepetitionKind::ZeroOrOne
            | RepetitionKind::ZeroOrMore
            | RepetitionKind::Range(
                RepetitionRange::Exactly(0)
                    | RepetitionRange::AtLeast(0)
                    | RepetitionRange::Bounded(0, _)
            )
    )
}

/// The characters a piece of a pattern can end with (`at_end`) or start with, each with the
/// offset in the pattern where an assertion beside it goes; `None` when some branch ends
/// (starts) with a class, a repetition or an assertion. An optional part at the edge is
/// looked through only when it is separated from the rest by a non-word character
/// (`staten( van amerika)?`), so a boundary placed before it holds either way.
fn edges(ast: &regex_syntax::ast::Ast, at_end: bool) -> Option<Vec<(usize, Side)>> {
    use regex_syntax::ast::Ast;
    match ast {
        Ast::Literal(l) => {
            let offset = if at_end {
                l.span.end.offset
            } else {
                l.span.start.offset
            };
            Some(vec![(offset, side(l.c))])
        }
        Ast::Group(g) => edges(&g.ast, at_end),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            for branch in &a.asts {
                all.extend(edges(branch, at_end)?);
            }
            Some(all)
        }
        Ast::Concat(c) => {
            let mut all = Vec::new();
            let items: Box<dyn Iterator<Item = &Ast>> = if at_end {
                Box::new(c.asts.iter().rev())
            } else {
                Box::new(c.asts.iter())
            };
            for item in items {
                if let Ast::Repetition(r) = item
                    && optional(&r.op)
                {
                    let inner = edges(&r.ast, !at_end)?;
                    if !inner.iter().all(|(_, s)| matches!(s, Side::Neither(_))) {
                        return None;
                    }
                    all.extend(edges(&r.ast, at_end)?);
                    continue;
                }
                all.extend(edges(item, at_end)?);
                return Some(all);
            }
            None
        }
        _ => None,
    }
}

/// The edits that turn each `\b` of the pattern into its ASCII form (see [`prepare`]), and
/// the first `\b` that can never match.
fn boundaries(
    ast: &regex_syntax::ast::Ast,
    edits: &mut Vec<(usize, usize, &'static str)>,
    dead: &mut Option<String>,
) {
    use regex_syntax::ast::{AssertionKind, Ast};
    const BOUNDARY: &str = r"(?-u:\b)";
    const BESIDE_OTHER_LETTER: &str = r"(?-u:\B)";
    let is_boundary =
        |ast: &Ast| matches!(ast, Ast::Assertion(a) if a.kind == AssertionKind::WordBoundary);
    match ast {
        Ast::Assertion(a) if a.kind == AssertionKind::WordBoundary => {
            edits.push((a.span.start.offset, a.span.end.offset, BOUNDARY));
        }
        Ast::Group(g) => boundaries(&g.ast, edits, dead),
        Ast::Repetition(r) => boundaries(&r.ast, edits, dead),
        Ast::Alternation(a) => a.asts.iter().for_each(|b| boundaries(b, edits, dead)),
        Ast::Concat(c) => {
            for (i, item) in c.asts.iter().enumerate() {
                let Ast::Assertion(a) = item else {
                    boundaries(item, edits, dead);
                    continue;
                };
                if !is_boundary(item) {
                    continue;
                }
                let before = i.checked_sub(1).and_then(|j| edges(&c.asts[j], true));
                let after = c.asts.get(i + 1).and_then(|next| edges(next, false));
                // beside a non-word character a `\b` needs a word character on its other
                // side: dead when that side is the end of the pattern (or of its branch)
                // or is itself not a word character
                let open_or_not_word = |exists: bool, sides: &Option<Vec<(usize, Side)>>| {
                    !exists
                        || sides.as_ref().is_some_and(|sides| {
                            sides.iter().all(|(_, s)| matches!(s, Side::Neither(_)))
                        })
                };
                let checks = [
                    (
                        &before,
                        "after",
                        open_or_not_word(i + 1 < c.asts.len(), &after),
                    ),
                    (&after, "before", open_or_not_word(i > 0, &before)),
                ];
                for (sides, word, other_side_dead) in checks {
                    let not_word = sides.iter().flatten().find_map(|(_, s)| match s {
                        Side::Neither(c) => Some(*c),
                        _ => None,
                    });
                    if let Some(c) = not_word
                        && other_side_dead
                        && dead.is_none()
                    {
                        *dead = Some(format!(
                            "`\\b` {word} `{c}` can only match beside a letter or digit, which \
                             this pattern does not mean: leave the `\\b` out there"
                        ));
                    }
                }
                let other_letter = |sides: &Option<Vec<(usize, Side)>>| {
                    sides.iter().flatten().any(|(_, s)| *s == Side::OtherLetter)
                };
                let split = if other_letter(&before) {
                    before
                } else if other_letter(&after) {
                    after
                } else {
                    None
                };
                match split {
                    Some(sides) => {
                        edits.push((a.span.start.offset, a.span.end.offset, ""));
                        for (offset, s) in sides {
                            let text = if s == Side::OtherLetter {
                                BESIDE_OTHER_LETTER
                            } else {
                                BOUNDARY
                            };
                            edits.push((offset, offset, text));
                        }
                    }
                    None => edits.push((a.span.start.offset, a.span.end.offset, BOUNDARY)),
                }
            }
        }
        _ => {}
    }
}

/// The syntax a prepared pattern is given to the automata in: "any character" (`.`) and
/// "any character but these ASCII ones" (`[^.]`, `[^,;]`) are matched byte-wise. On UTF-8
/// text a run of such bytes is a run of such characters, so the same sentences match at a
/// fraction of the cost of the Unicode classes, whose UTF-8 automata are copied into every
/// step of a window such as `.{0,100}`. Only a window counts bytes, not characters, so
/// next to accented letters it may be a few characters shorter: the automata then answer
/// no where the full expression would say yes, never the other way round.
pub fn automaton_syntax(prepared: &str) -> String {
    let mut out = String::with_capacity(prepared.len() + 16);
    let mut chars = prepared.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some((_, escaped)) = chars.next() {
                    out.push(escaped);
                }
            }
            '.' => out.push_str("(?-u:.)"),
            '[' => {
                let end = class_end(prepared, i);
                let class = &prepared[i..end];
                if class.starts_with("[^") && byte_wise_class(class) {
                    out.push_str("(?-u:");
                    out.push_str(class);
                    out.push(')');
                } else {
                    out.push_str(class);
                }
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The end (exclusive) of the character class that starts at byte `start` of `pattern`:
/// nested classes and escapes skipped, a `]` right after `[` or `[^` taken literally.
fn class_end(pattern: &str, start: usize) -> usize {
    let bytes = pattern.as_bytes();
    let mut depth = 0;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => {
                depth += 1;
                i += 1;
                if bytes.get(i) == Some(&b'^') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b']') {
                    i += 1;
                }
                continue;
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Whether a negated class means the same matched byte-wise: it names only ASCII
/// characters, literally or by an escape such as `\.` (not by `\w`, `\d`, `\p{..}`,
/// whose byte-wise meanings differ).
fn byte_wise_class(class: &str) -> bool {
    let Some(body) = (class.strip_prefix('[')).and_then(|c| c.strip_suffix(']')) else {
        return false;
    };
    let body = body.as_bytes();
    class.is_ascii()
        && !body.contains(&b'[')
        && !(body.windows(2)).any(|w| w[0] == b'\\' && w[1].is_ascii_alphanumeric())
}

/// Largest determinised automaton of one pattern worth building ahead of time (its sparse
/// form, which is embedded, is about a third of it). Reading one back costs next to nothing,
/// while a pattern left to the lazy DFA is compiled in every run that needs it: at 1 MiB
/// instead of 256 KiB, checking the Netflix statement took 8% fewer instructions, for
/// 10 MB more in the binary (512 KiB: 3% fewer, 3 MB more).
pub const PRECOMPILED_DFA_LIMIT: usize = 1 << 20;

/// The fully determinised automaton of a prepared pattern for anchored searches from a
/// literal, reading forward or (for a pattern searched from its suffix literals) backward;
/// `None` when it would be larger than [`PRECOMPILED_DFA_LIMIT`].
pub fn anchored_dfa(
    prepared: &str,
    reverse: bool,
) -> Option<regex_automata::dfa::dense::DFA<Vec<u32>>> {
    determinise(prepared, reverse, regex_automata::dfa::StartKind::Anchored)
}

/// The fully determinised automaton of a prepared pattern that has no start or end
/// literals, for forward searches of a whole text (such a pattern runs on every text, or
/// on every text that holds its filter literals); `None` when it would be larger than
/// [`PRECOMPILED_DFA_LIMIT`].
///
/// A pattern that can only match at the start of the text (`^…`) gets an anchored
/// automaton instead, which stops within the first words of a text where the unanchored
/// one would read all of it; the search asks the automaton which it is.
pub fn unanchored_dfa(prepared: &str) -> Option<regex_automata::dfa::dense::DFA<Vec<u32>>> {
    let start = if starts_at_text_start(prepared) {
        regex_automata::dfa::StartKind::Anchored
    } else {
        regex_automata::dfa::StartKind::Unanchored
    };
    determinise(prepared, false, start)
}

/// Whether every match of the prepared pattern starts at the start of the text (`^`, not
/// the multi-line start of a line).
fn starts_at_text_start(prepared: &str) -> bool {
    regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(&automaton_syntax(prepared))
        .is_ok_and(|hir| {
            (hir.properties().look_set_prefix()).contains(regex_syntax::hir::Look::Start)
        })
}

fn determinise(
    prepared: &str,
    reverse: bool,
    start: regex_automata::dfa::StartKind,
) -> Option<regex_automata::dfa::dense::DFA<Vec<u32>>> {
    use regex_automata::{dfa, nfa::thompson, util::syntax};
    dfa::dense::Builder::new()
        .configure(
            dfa::dense::Config::new()
                .start_kind(start)
                .dfa_size_limit(Some(PRECOMPILED_DFA_LIMIT))
                .determinize_size_limit(Some(4 * PRECOMPILED_DFA_LIMIT)),
        )
        .syntax(syntax::Config::new().utf8(false))
        .thompson(
            thompson::Config::new()
                .utf8(false)
                .reverse(reverse)
                .nfa_size_limit(Some(SIZE_LIMIT)),
        )
        .build(&automaton_syntax(prepared))
        .ok()
}

/// A word window between two pieces of a pattern (`[^.]{0,80}`, read byte-wise): from
/// `min` to `max` bytes, each of them in `class` (one bit per byte value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub class: [u64; 4],
    pub min: u32,
    pub max: u32,
    /// The bytes the piece after the window can begin with (reading backward: end with):
    /// it is not run from the other places the window allows.
    pub next: [u64; 4],
}

/// One branch of a pattern cut at its word windows: the automata of its pieces, in the
/// order a search reads them (backward: the last piece first), and the window between each
/// piece and the next.
#[derive(Debug)]
pub struct SplitBranch<D> {
    pub pieces: Vec<D>,
    pub gaps: Vec<Gap>,
}

/// Shortest window worth cutting a pattern at: a short one adds few states.
const MIN_SPLIT_WINDOW: u32 = 10;

/// A pattern cut at the word windows of its branches (`we( [a-z]+){0,3}
/// (share|sell)\b[^.]{0,80}\b(with|to)\b` is two pieces with a window of up to 80 bytes
/// between them). A window multiplies the states of the automaton by its length, for every
/// way the words after it can begin inside it: whole, a third of the patterns with windows
/// are too big to determinise, and the rest take 15 MB. Cut there, each piece is a small
/// automaton anchored where it starts (or ends, reading backward), reporting every place it
/// ends (all matches, not only the leftmost-first one), and the window is a test of the
/// bytes between; a search is as fast as with the whole automaton. `None` when the pattern
/// has no window to cut at, some piece is not small, or a window is not byte-wise.
pub fn window_split(
    prepared: &str,
    reverse: bool,
) -> Option<Vec<SplitBranch<regex_automata::dfa::dense::DFA<Vec<u32>>>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(&automaton_syntax(prepared))
        .ok()?;
    let mut branches = Vec::new();
    split_branches(&hir, &mut branches)?;
    let mut out = Vec::new();
    let mut cut_any = false;
    for items in branches {
        let mut pieces: Vec<Vec<regex_syntax::hir::Hir>> = vec![Vec::new()];
        let mut gaps = Vec::new();
        for item in items {
            match window_gap(&item) {
                Some(gap) => {
                    gaps.push(gap);
                    pieces.push(Vec::new());
                }
                None => pieces.last_mut()?.push(item),
            }
        }
        cut_any |= !gaps.is_empty();
        let mut dfas = Vec::new();
        for piece in pieces {
            dfas.push(piece_dfa(&regex_syntax::hir::Hir::concat(piece), reverse)?);
        }
        if reverse {
            dfas.reverse();
            gaps.reverse();
        }
        for (gap, next) in gaps.iter_mut().zip(&dfas[1..]) {
            gap.next = first_bytes(next);
        }
        out.push(SplitBranch { pieces: dfas, gaps });
    }
    cut_any.then_some(out)
}

/// The items of a pattern's branches, each branch flattened to one concatenation: the
/// alternations whose branches hold a window are multiplied out (`\b(a[^.]{0,40}b|c)` is
/// the branches `\b a [^.]{0,40} b` and `\b c`; the parser lifts a common prefix such as
/// `\b` out of an alternation), and groups are looked through. `None` past 32 branches.
fn split_branches(
    hir: &regex_syntax::hir::Hir,
    out: &mut Vec<Vec<regex_syntax::hir::Hir>>,
) -> Option<()> {
    use regex_syntax::hir::{Hir, HirKind};
    fn flatten(h: &Hir, items: &mut Vec<Hir>) {
        match h.kind() {
            HirKind::Capture(c) => flatten(&c.sub, items),
            HirKind::Concat(hs) => hs.iter().for_each(|h| flatten(h, items)),
            _ => items.push(h.clone()),
        }
    }
    fn alternates(h: &Hir) -> Option<&[Hir]> {
        match h.kind() {
            HirKind::Capture(c) => alternates(&c.sub),
            HirKind::Alternation(bs) => Some(bs),
            _ => None,
        }
    }
    fn has_window(h: &Hir) -> bool {
        let mut items = Vec::new();
        flatten(h, &mut items);
        items.iter().any(|item| {
            window_gap(item).is_some()
                || alternates(item).is_some_and(|bs| bs.iter().any(has_window))
        })
    }
    let mut items = Vec::new();
    flatten(hir, &mut items);
    let multiplied = (items.iter())
        .position(|item| alternates(item).is_some_and(|bs| bs.iter().any(has_window)));
    let Some(at) = multiplied else {
        out.push(items);
        return Some(());
    };
    for branch in alternates(&items[at])? {
        let mut concat = items[..at].to_vec();
        concat.push(branch.clone());
        concat.extend_from_slice(&items[at + 1..]);
        split_branches(&Hir::concat(concat), out)?;
        if out.len() > 32 {
            return None;
        }
    }
    Some(())
}

/// The window an item of a concatenation is, if it is one: a bounded repetition of a class
/// of ASCII characters or bytes, at least [`MIN_SPLIT_WINDOW`] long.
fn window_gap(item: &regex_syntax::hir::Hir) -> Option<Gap> {
    use regex_syntax::hir::{Class, HirKind};
    let HirKind::Repetition(rep) = item.kind() else {
        return None;
    };
    let max = rep.max?;
    if max < MIN_SPLIT_WINDOW {
        return None;
    }
    let HirKind::Class(class) = rep.sub.kind() else {
        return None;
    };
    let mut bits = [0u64; 4];
    let mut set = |lo: u32, hi: u32| {
        for b in lo..=hi {
            bits[(b / 64) as usize] |= 1 << (b % 64);
        }
    };
    match class {
        Class::Bytes(c) => {
            for r in c.ranges() {
                set(u32::from(r.start()), u32::from(r.end()));
            }
        }
        Class::Unicode(c) => {
            for r in c.ranges() {
                if !r.end().is_ascii() {
                    return None;
                }
                set(u32::from(r.start()), u32::from(r.end()));
            }
        }
    }
    Some(Gap {
        class: bits,
        min: rep.min,
        max,
        next: [u64::MAX; 4],
    })
}

/// The bytes an anchored automaton can read first without dying, whatever came before
/// (one bit per byte value).
fn first_bytes(dfa: &regex_automata::dfa::dense::DFA<Vec<u32>>) -> [u64; 4] {
    use regex_automata::{Anchored, dfa::Automaton, util::start};
    let mut bits = [0u64; 4];
    // the start states differ by what precedes: nothing, a line end, a word byte or not
    for before in [None, Some(b'\n'), Some(b'\r'), Some(b'a'), Some(b' ')] {
        let config = start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(before);
        let Ok(start) = dfa.start_state(&config) else {
            return [u64::MAX; 4];
        };
        for byte in 0..=255u8 {
            if !dfa.is_dead_state(dfa.next_state(start, byte)) {
                bits[usize::from(byte / 64)] |= 1 << (byte % 64);
            }
        }
    }
    bits
}

/// The automaton of one piece of a cut pattern: anchored, reporting every end of a match
/// (every start, reading backward); `None` when it is bigger than
/// [`PRECOMPILED_DFA_LIMIT`].
fn piece_dfa(
    hir: &regex_syntax::hir::Hir,
    reverse: bool,
) -> Option<regex_automata::dfa::dense::DFA<Vec<u32>>> {
    use regex_automata::{MatchKind, dfa, nfa::thompson};
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
                .reverse(reverse)
                .which_captures(thompson::WhichCaptures::None)
                .nfa_size_limit(Some(SIZE_LIMIT)),
        )
        .build_from_hir(hir)
        .ok()?;
    dfa::dense::Builder::new()
        .configure(
            dfa::dense::Config::new()
                .start_kind(dfa::StartKind::Anchored)
                .match_kind(MatchKind::All)
                .accelerate(false)
                .dfa_size_limit(Some(PRECOMPILED_DFA_LIMIT))
                .determinize_size_limit(Some(4 * PRECOMPILED_DFA_LIMIT)),
        )
        .build_from_nfa(&nfa)
        .ok()
}

/// Literals of a pattern, and whether every match starts with one of them (prefixes) or
/// ends with one (suffixes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literals {
    pub prefixes: bool,
    /// Whether every match starts (prefixes) or ends (suffixes) at an ASCII word boundary
    /// (`(?-u:\b)`): a literal found inside a word is then no place to search from.
    pub bounded: bool,
    /// Whether the pattern has no literals to search from but every match of it ends at
    /// the end of the text (`$`): it is then searched backward from there (`bytes` empty,
    /// `prefixes` false), a few bytes instead of the whole text.
    pub at_end: bool,
    pub bytes: Vec<Vec<u8>>,
    /// Further necessary conditions, per branch of a pattern that is an alternation (one
    /// branch otherwise): every match of a branch also contains one literal of each of its
    /// sets (the literals of the word groups inside it). Empty: none. A pattern that starts
    /// with a common word ("you", "we") then runs only on sentences that also hold, say,
    /// "delete" or "erase", and "data" or "information".
    pub filter: Vec<Vec<Vec<Vec<u8>>>>,
}

/// Shortest literal worth a filter: shorter ones are in too many sentences to be worth it.
const MIN_FILTER_LEN: usize = 3;

/// Most filter sets one pattern gets.
const MAX_FILTER_SETS: usize = 8;

/// The inner literal sets of a pattern that is a concatenation: for each part that every
/// match must contain (it cannot match empty), the literals one of which starts that part,
/// when they are few and none is short (in a branch where no part has such literals, the
/// literals that start the rest of the branch from the part on); the set equal to the start
/// (or end) literals `used` is left out.
fn filter_literals(hir: &regex_syntax::hir::Hir, used: &[Vec<u8>]) -> Vec<Vec<Vec<Vec<u8>>>> {
    use regex_syntax::hir::HirKind;
    let mut hir = hir;
    loop {
        match hir.kind() {
            HirKind::Capture(c) => hir = &c.sub,
            // `\b(a…|b…)`: the parser factors a common word boundary out of the branches
            HirKind::Concat(parts)
                if (parts.iter())
                    .filter(|p| p.properties().maximum_len() != Some(0))
                    .count()
                    == 1 =>
            {
                hir = (parts.iter())
                    .find(|p| p.properties().maximum_len() != Some(0))
                    .expect("one part that is not zero-width");
            }
            _ => break,
        }
    }
    let branches: Vec<Vec<Vec<Vec<u8>>>> = match hir.kind() {
        HirKind::Alternation(branches) => (branches.iter())
            .map(|b| branch_filter_literals(b, used))
            .collect(),
        _ => vec![branch_filter_literals(hir, used)],
    };
    // a branch without a filter may match any text: then the pattern has none
    if branches.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    branches
}

/// The filter sets of one branch (see [`filter_literals`]).
fn branch_filter_literals(hir: &regex_syntax::hir::Hir, used: &[Vec<u8>]) -> Vec<Vec<Vec<u8>>> {
    use regex_syntax::hir::HirKind;
    let mut hir = hir;
    while let HirKind::Capture(c) = hir.kind() {
        hir = &c.sub;
    }
    let HirKind::Concat(parts) = hir.kind() else {
        return Vec::new();
    };
    let sets = part_filter_sets(parts, used, false);
    if !sets.is_empty() {
        return sets;
    }
    // no part has selective prefixes of its own ("bd" among street words): the prefixes of
    // the rest of the branch from each part on, which run on into the parts after it ("bd ")
    // (only here: more and longer literals made the prefilter automaton half as big again)
    part_filter_sets(parts, used, true)
}

/// The filter sets of the parts of a branch (see [`branch_filter_literals`]): the prefixes
/// of each part that every match holds, or (`onward`) of the rest of the branch from it.
fn part_filter_sets(
    parts: &[regex_syntax::hir::Hir],
    used: &[Vec<u8>],
    onward: bool,
) -> Vec<Vec<Vec<u8>>> {
    let mut sets: Vec<Vec<Vec<u8>>> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if part.properties().minimum_len().unwrap_or(0) == 0 {
            continue;
        }
        let set = if onward {
            prefix_set(&regex_syntax::hir::Hir::concat(parts[i..].to_vec()))
        } else {
            prefix_set(part)
        };
        let Some(set) = set else {
            continue;
        };
        if set == used || sets.contains(&set) {
            continue;
        }
        sets.push(set);
        if sets.len() == MAX_FILTER_SETS {
            break;
        }
    }
    sets
}

/// The prefixes one of which starts every match of `hir`, sorted, when they are few and
/// selective enough for a filter set (see [`branch_filter_literals`]).
fn prefix_set(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    let mut extractor = Extractor::new();
    extractor
        .kind(ExtractKind::Prefix)
        .limit_total(64)
        .limit_class(4)
        .limit_literal_len(8);
    let mut seq = extractor.extract(hir);
    seq.dedup();
    let literals = seq.literals()?;
    if literals.is_empty() {
        return None;
    }
    let mut set: Vec<Vec<u8>> = literals.iter().map(|l| l.as_bytes().to_vec()).collect();
    set.sort();
    set.dedup();
    selective(&set, MIN_FILTER_LEN).then_some(set)
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
        if !selective(
            &candidate,
            if prefixes {
                MIN_PREFIX_LEN
            } else {
                MIN_LITERAL_LEN
            },
        ) {
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
    let Some((prefixes, mut bytes)) = best else {
        // no start or end literals: the pattern runs anywhere, but only on texts that
        // hold one of its inner literals, if it has a selective set of them
        let filter = filter_literals(&hir, &[]);
        if (hir.properties().look_set_suffix()).contains(regex_syntax::hir::Look::End) {
            return Some(Literals {
                prefixes: false,
                bounded: false,
                at_end: true,
                bytes: Vec::new(),
                filter,
            });
        }
        return (!filter.is_empty()).then_some(Literals {
            prefixes: true,
            bounded: false,
            at_end: false,
            bytes: Vec::new(),
            filter,
        });
    };
    bytes.sort();
    bytes.dedup();
    let filter = filter_literals(&hir, &bytes);
    let edge = if prefixes {
        hir.properties().look_set_prefix()
    } else {
        hir.properties().look_set_suffix()
    };
    Some(Literals {
        prefixes,
        bounded: edge.contains(regex_syntax::hir::Look::WordAscii),
        at_end: false,
        bytes,
        filter,
    })
}

/// A set of bytes (one bit per byte value) one of which every match of the prepared
/// `pattern` holds, when none of them is common in prose: for a pattern without start
/// literals, which otherwise runs on every text (or every text with its filter literals),
/// such as a postcode or a date (a digit). `None`: no such set.
///
/// A class's non-ASCII members count by the first bytes of their UTF-8 forms (a text that
/// holds such a character holds its first byte), a literal by its rarest byte. Look-arounds
/// and anything that may match empty hold no byte.
pub fn required_bytes(prepared: &str) -> Option<[u64; 4]> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(prepared)
        .ok()?;
    let set = byte_requirement(&hir)?;
    let common = (0..=255u8).any(|b| has_byte(set, b) && common_byte(b));
    (!common && set != [0; 4]).then_some(set)
}

/// Whether byte `b` is in `set`.
pub fn has_byte(set: [u64; 4], b: u8) -> bool {
    set[usize::from(b / 64)] >> (b % 64) & 1 == 1
}

/// Bytes in most sentences (white space, full stops, commas and the letters but `j`, `q`,
/// `x`, `z`): a set holding one is no test worth making.
fn common_byte(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(b, b'.' | b',' | b'\x0b')
        || (b.is_ascii_alphabetic() && !matches!(b.to_ascii_lowercase(), b'j' | b'q' | b'x' | b'z'))
}

/// How costly a set is as a requirement: the common bytes weigh most.
fn set_weight(set: [u64; 4]) -> u32 {
    (0..=255u8)
        .filter(|b| has_byte(set, *b))
        .map(|b| if common_byte(b) { 100 } else { 1 })
        .sum()
}

/// The first byte of the UTF-8 form of a character.
fn utf8_lead(c: u32) -> u8 {
    match c {
        0..0x80 => c as u8,
        0x80..0x800 => 0xC0 | (c >> 6) as u8,
        0x800..0x10000 => 0xE0 | (c >> 12) as u8,
        _ => 0xF0 | (c >> 18) as u8,
    }
}

/// See [`required_bytes`]: the set one of whose bytes every match of `hir` holds, before
/// it is judged rare enough.
fn byte_requirement(hir: &regex_syntax::hir::Hir) -> Option<[u64; 4]> {
    use regex_syntax::hir::{Class, HirKind};
    let mut set = [0u64; 4];
    let mut add = |lo: u8, hi: u8| {
        for b in lo..=hi {
            set[usize::from(b / 64)] |= 1 << (b % 64);
        }
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => return None,
        HirKind::Literal(literal) => {
            let rarest = (literal.0.iter()).min_by_key(|b| common_byte(**b))?;
            add(*rarest, *rarest);
        }
        HirKind::Class(Class::Unicode(class)) => {
            for r in class.ranges() {
                let (lo, hi) = (u32::from(r.start()), u32::from(r.end()));
                if lo < 0x80 {
                    add(lo as u8, hi.min(0x7F) as u8);
                }
                if hi >= 0x80 {
                    add(utf8_lead(lo.max(0x80)), utf8_lead(hi));
                }
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            for r in class.ranges() {
                add(r.start(), r.end());
            }
        }
        HirKind::Repetition(r) if r.min >= 1 => return byte_requirement(&r.sub),
        HirKind::Repetition(_) => return None,
        HirKind::Capture(c) => return byte_requirement(&c.sub),
        HirKind::Concat(parts) => {
            return (parts.iter().filter_map(byte_requirement)).min_by_key(|s| set_weight(*s));
        }
        HirKind::Alternation(branches) => {
            for branch in branches {
                let other = byte_requirement(branch)?;
                for (word, o) in set.iter_mut().zip(other) {
                    *word |= o;
                }
            }
        }
    }
    (set != [0; 4]).then_some(set)
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
    fn a_pattern_whose_every_match_starts_or_ends_at_a_word_boundary_is_bounded() {
        let bounded = |pattern: &str| required_literals(&prepare(pattern)).unwrap().bounded;
        assert!(bounded(r"\b(keep|retain)\b[^.]{0,40}\byears\b"));
        // by its suffixes
        assert!(bounded(r"\b[a-z]*partner\b[^.]{0,60}\bontvangt\b"));
        // one branch without the boundary: not every match has it
        assert!(!bounded(
            r"\bkeep\b[^.]{0,40}\byears|retain[^.]{0,40}\byears"
        ));
        assert!(!bounded(r"(keep|retain)[^.]{0,40}\byears"));
    }

    #[test]
    fn a_pattern_without_literals_that_ends_at_the_end_of_the_text_is_searched_from_there() {
        let found = required_literals(&prepare(r"[a-z] (usa|india)\s*$")).unwrap();
        assert!(found.at_end && !found.prefixes && found.bytes.is_empty());
        // with literals to search from, those are used
        let found = required_literals(&prepare(r"\bshipped to (usa|india)$")).unwrap();
        assert!(!found.at_end && found.prefixes);
        // not every branch ends there
        let found = required_literals(&prepare(r"[a-z] (usa|india)\s*$|[a-z] uk"));
        assert!(found.is_none_or(|ls| !ls.at_end));
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
    fn a_rarer_inner_word_group_becomes_a_filter() {
        let found = required_literals(&prepare(
            r"\b(you|users?)\b[^.]{0,40}\b(delete|erase)\b[^.]{0,20}\bdata\b",
        ))
        .unwrap();
        assert!(found.prefixes);
        assert_eq!(
            found.bytes,
            vec![b"user".to_vec(), b"users".to_vec(), b"you".to_vec()]
        );
        assert_eq!(
            found.filter,
            vec![vec![
                vec![b"delete".to_vec(), b"erase".to_vec()],
                vec![b"data".to_vec()]
            ]]
        );
        // the start group is not a filter too; a group with a two-letter word is none, a
        // three-letter word still makes one
        let found =
            required_literals(&prepare(r"\b(retain|keep)\b[^.]{0,40}\b(by|years?)\b")).unwrap();
        assert!(found.filter.is_empty(), "{found:?}");
        let found =
            required_literals(&prepare(r"\b(retain|keep)\b[^.]{0,40}\b(for|years?)\b")).unwrap();
        let set = [b"for".to_vec(), b"year".to_vec(), b"years".to_vec()];
        assert_eq!(found.filter, vec![vec![set.to_vec()]]);
    }

    #[test]
    fn a_short_literal_with_a_rare_byte_still_prefilters() {
        // an email address: no start or end literal, but every match holds an `@`
        let found = required_literals(&prepare(
            r"\b[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b",
        ))
        .unwrap();
        assert!(found.bytes.is_empty());
        assert_eq!(found.filter, vec![vec![vec![b"@".to_vec()]]]);
        // an opening parenthesis starts every match
        let found = required_literals(&prepare(r"\(\s*(we|us)\)")).unwrap();
        assert!(found.prefixes);
        assert!(found.bytes.iter().all(|l| l.starts_with(b"(")), "{found:?}");
        // a short literal of letters alone does not
        assert_eq!(literals(r"\b(a|of)\b"), None);
    }

    #[test]
    fn a_pattern_open_at_both_ends_may_still_have_a_filter() {
        let found = required_literals(&prepare(r"[a-z]+ (remove|erase)[a-z]* [a-z]+")).unwrap();
        assert!(found.bytes.is_empty());
        assert_eq!(
            found.filter,
            vec![vec![vec![b"erase".to_vec(), b"remove".to_vec()]]]
        );
    }

    #[test]
    fn a_branch_whose_parts_are_too_short_takes_the_prefixes_of_what_follows_them() {
        // "bd" alone is too short to filter on, " bd " (from the space on) and "bd " are
        // not; the first branch keeps the sets of its own parts
        let found = required_literals(&prepare(
            r"\b[a-z]+(straat|weg) [0-9]+|\b[0-9]+,? (rue|bd) [a-z]",
        ))
        .unwrap();
        assert!(found.bytes.is_empty());
        assert_eq!(
            found.filter,
            vec![
                vec![vec![b"straat".to_vec(), b"weg".to_vec()]],
                vec![
                    vec![b" bd ".to_vec(), b" rue ".to_vec()],
                    vec![b"bd ".to_vec(), b"rue ".to_vec()]
                ]
            ]
        );
    }

    #[test]
    fn each_branch_of_an_alternation_gets_its_filter_or_none_has_one() {
        let found = required_literals(&prepare(
            r"\b(send|share)[a-z]*\b[^.]{0,80}\babroad\b|\b(send|share)[a-z]*\b[^.]{0,40}\binternationally\b",
        ))
        .unwrap();
        assert_eq!(
            found.filter,
            vec![
                vec![vec![b"abroad".to_vec()]],
                vec![vec![b"internat".to_vec()]]
            ]
        );
        // the second branch has nothing but its start literal: no filter at all
        let found = required_literals(&prepare(r"\bshare[^.]{0,80}\babroad\b|\bshare\b")).unwrap();
        assert!(found.filter.is_empty(), "{found:?}");
    }

    #[test]
    fn a_pattern_is_cut_at_the_long_windows_of_each_branch() {
        let shape = |pattern: &str, reverse: bool| {
            window_split(&prepare(pattern), reverse).map(|branches| {
                (branches.iter())
                    .map(|b| {
                        let gaps: Vec<(u32, u32)> = b.gaps.iter().map(|g| (g.min, g.max)).collect();
                        (b.pieces.len(), gaps)
                    })
                    .collect::<Vec<_>>()
            })
        };
        // two windows: three pieces; read backward, the windows come in reverse order
        let two = r"\b(you|users)\b[^.]{0,40}\b(can|may)\b[^.]{3,60}\bdelete\b";
        assert_eq!(shape(two, false), Some(vec![(3, vec![(0, 40), (3, 60)])]));
        assert_eq!(shape(two, true), Some(vec![(3, vec![(3, 60), (0, 40)])]));
        // the common `\b` the parser lifts out of the branches is multiplied back in; a
        // branch without a window is one piece
        assert_eq!(
            shape(r"\bretain\b[^.]{0,120}\byears\b|\bretention\b", false),
            Some(vec![(2, vec![(0, 120)]), (1, vec![])])
        );
        // a window inside an optional group, a short window, a Unicode one: not cut here
        assert_eq!(shape(r"\bsent( via [^.]{1,40})? to\b", false), None);
        assert_eq!(shape(r"\bwe\b[^.]{0,5}\bshare\b", false), None);
        assert_eq!(shape(r"\bwe\b[^é]{0,50}\bshare\b", false), None);
        // the window's class is read byte-wise: a full stop ends it
        let branches = window_split(&prepare(two), false).expect("cut");
        let gap = &branches[0].gaps[0];
        let holds = |b: u8| gap.class[usize::from(b / 64)] >> (b % 64) & 1 == 1;
        assert!(holds(b' ') && holds(b'x') && holds(0xc3) && !holds(b'.'));
    }

    #[test]
    fn prepare_makes_word_boundaries_ascii() {
        assert_eq!(prepare(r"\bdata\b"), r"(?-u:\b)data(?-u:\b)");
    }

    #[test]
    fn a_boundary_beside_an_accented_letter_is_written_for_it() {
        // after `ë` a word ends where no ASCII word character follows
        assert_eq!(prepare(r"\bbelgië\b"), r"(?-u:\b)belgië(?-u:\B)");
        assert_eq!(prepare(r"\bééN\b"), r"(?-u:\B)ééN(?-u:\b)");
        // only the branches that need it; the rest keep the ASCII boundary
        assert_eq!(
            prepare(r"\bin (japan|australië)\b"),
            r"(?-u:\b)in (japan(?-u:\b)|australië(?-u:\B))"
        );
        // an optional tail set off by a space is looked through
        assert_eq!(
            prepare(r"(staten( van amerika)?|brazilië)\b"),
            r"(staten(?-u:\b)( van amerika(?-u:\b))?|brazilië(?-u:\B))"
        );
        let matches = |pattern: &str, text: &str| {
            regex::Regex::new(&prepare(pattern)).unwrap().is_match(text)
        };
        assert!(matches(
            r"\bin (japan|australië)\b",
            "servers in australië."
        ));
        assert!(matches(
            r"\bin (japan|australië)\b",
            "servers in japan, too"
        ));
        assert!(!matches(r"\bin (japan|australië)\b", "in australiëx"));
        assert!(!matches(r"\bin (japan|australië)\b", "in japanese"));
    }

    #[test]
    fn a_boundary_that_can_never_match_is_named() {
        let dead = dead_boundary(r"\b(b\.v\.|ltd)\b").unwrap();
        assert!(dead.contains("after `.`"), "{dead}");
        assert!(
            dead_boundary(r"\b(§|art\.) ?\d")
                .unwrap()
                .contains("before `§`")
        );
        // beside a word character on the other side a boundary is fine
        assert_eq!(dead_boundary(r"\b\d{4} ?[a-z]{2}\b [a-z]"), None);
        assert_eq!(dead_boundary(r"\b(b\.v|ltd)\b"), None);
        assert_eq!(dead_boundary(r"(\b(article|art\.)|§) ?\d+"), None);
    }

    #[test]
    fn automata_read_any_character_and_ascii_negated_classes_byte_wise() {
        assert_eq!(
            automaton_syntax(r"a.{0,9}b[^.]c[^,;]{0,4}\.d"),
            r"a(?-u:.){0,9}b(?-u:[^.])c(?-u:[^,;]){0,4}\.d"
        );
        // positive classes, classes with non-ASCII members or Unicode escapes, nested
        // classes and escaped brackets are left as written
        for kept in [r"[a-z.]", r"[^’]", r"[^\w.]", r"[^[:alpha:]]", r"\[^x"] {
            assert_eq!(automaton_syntax(kept), kept);
        }
        // a dot inside a class is not "any character"; a `]` right after `[^` is a member
        assert_eq!(automaton_syntax(r"[.]x."), r"[.]x(?-u:.)");
        assert_eq!(automaton_syntax(r"[^].]x"), r"(?-u:[^].])x");
        // and the byte-wise window still matches across accented letters
        let re = regex_automata::meta::Regex::builder()
            .syntax(regex_automata::util::syntax::Config::new().utf8(false))
            .build(&automaton_syntax(r"^café.{0,5}één$"))
            .unwrap();
        assert!(re.is_match("café è één"));
        assert!(!re.is_match("café èèèè één"));
    }

    #[test]
    fn a_pattern_that_needs_a_digit_or_a_rare_byte_requires_it() {
        let set = |p: &str| required_bytes(&prepare(p));
        let digits = set(r"\b\d{4} ?[a-z]{2}\b [a-z]").expect("a postcode needs a digit");
        for b in b'0'..=b'9' {
            assert!(has_byte(digits, b));
        }
        assert!(!has_byte(digits, b'a') && !has_byte(digits, b' '));
        // the first bytes of Unicode digits (Arabic-Indic: U+0660, first byte 0xD9)
        assert!(has_byte(digits, 0xD9));
        assert!(!has_byte(digits, 0xC3));
        // a branch with only common letters leaves nothing to test
        assert_eq!(set(r"\bpostbus\b|\b\d+ [a-z]+straat\b"), None);
        // every branch needs one: a digit, or the `x` of "box", or the `@`
        let any = set(r"\bp\.?o\.? box\b|\b\d{4}\b|[a-z]+@[a-z]+").unwrap();
        assert!(has_byte(any, b'x') && has_byte(any, b'7') && has_byte(any, b'@'));
        assert!(!has_byte(any, b'b'));
        // optional parts and look-arounds need nothing; an accented letter its first byte
        assert_eq!(set(r"^(\d+)?$"), None);
        let accented = set(r"\bcoöp\b").unwrap();
        assert!(has_byte(accented, 0xC3) || has_byte(accented, 0xB6));
        assert_eq!(set(r"[a-z]+ [^.]* [a-z]+"), None);
    }

    #[test]
    fn a_pattern_at_the_text_start_gets_an_anchored_automaton() {
        use regex_automata::dfa::{Automaton, StartKind};
        use regex_automata::{Anchored, Input};
        let at_start = unanchored_dfa(&prepare(r"^(our )?cloud suppliers$")).expect("automaton");
        assert_eq!(at_start.start_kind(), StartKind::Anchored);
        let found = |text: &str| {
            let input = Input::new(text).anchored(Anchored::Yes);
            at_start.try_search_fwd(&input).expect("search").is_some()
        };
        assert!(found("our cloud suppliers"));
        assert!(found("cloud suppliers"));
        assert!(!found("we use our cloud suppliers"));
        let anywhere = unanchored_dfa(&prepare(r"cloud suppliers$")).expect("automaton");
        assert_eq!(anywhere.start_kind(), StartKind::Unanchored);
        let input = Input::new("we use our cloud suppliers");
        assert!(anywhere.try_search_fwd(&input).expect("search").is_some());
    }
}
