//! A list of lexicon patterns matched together against one text: one Aho-Corasick pass
//! finds the prefilter literals that occur (see [`super::literals`]), and only the patterns
//! whose start literal and every filter set occur run, from the start literal's position:
//! with the automaton `build.rs` determinised for it when that was small (dense, or sparse
//! when the dense form would be big); when it was not, with the small automata of its pieces between its word windows (see
//! [`super::literals::window_split`]); otherwise (a pattern of a user's pack) with a lazy
//! DFA compiled the first time it is needed. A pattern without start literals
//! runs on whole texts (those that hold its filter literals, if it has any, and one of its
//! required bytes, such as a digit, if it has those: see
//! [`super::literals::required_bytes`]), with the dense automaton `build.rs` made for it,
//! or a lazy DFA.
//!
//! Bundled patterns were validated and had their literals computed by `build.rs`, which also
//! built the Aho-Corasick automaton over the literals of all of them: a list of bundled
//! patterns numbers its literals as that automaton does and searches with it, so start-up
//! builds no automaton. A pattern from a user's rule pack (or an edited rules root) is
//! compiled and analysed when the pack is loaded, so a bad one is reported before any
//! document is read; a list holding one builds its own automaton on first use.

use super::TextHasher;
use super::literals::{Literals, SIZE_LIMIT, prepare, required_bytes, required_literals};
use daachorse::DoubleArrayAhoCorasick;
use regex::Regex;
use regex_automata::dfa::{Automaton as _, dense, sparse};
use regex_automata::util::{pool::Pool, primitives::StateID, start, syntax};
use regex_automata::{Anchored, HalfMatch, Input, MatchError, hybrid, meta, nfa::thompson};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Arc, OnceLock};

/// Bytes that start at an address aligned for `u64`: embedded automata are read in place.
#[repr(C)]
pub(crate) struct Aligned<B: ?Sized> {
    pub _align: [u64; 0],
    pub bytes: B,
}

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_literals.rs"));

    /// The serialised sparse automata `LITERALS` and `SPLITS` point into (the larger
    /// anchored ones).
    pub static AUTOMATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled_dfas.bin"));

    use super::Aligned;

    /// The serialised dense automata `LITERALS` and `SPLITS` point into (the unanchored ones
    /// and the smaller anchored ones), each at an offset that is a multiple of 8, so their
    /// transitions are read in place.
    pub static DENSE_AUTOMATA: &Aligned<[u8]> = &Aligned {
        _align: [],
        bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/bundled_dense_dfas.bin")),
    };

    /// The table of the prefilter automaton over `PREFILTER_LITERALS`, a deterministic
    /// Aho-Corasick automaton (see `literal_dfa` in `build.rs`): per state a row of
    /// `PREFILTER_CLASSES` little-endian `u16`s, its transitions, each the next state's
    /// number; the states from `PREFILTER_FIRST_REPORTING` on report literals. Aligned, so
    /// that it is read in place as `u16`s ([`super::prefilter_table`]).
    pub static PREFILTER: &Aligned<[u8]> = &Aligned {
        _align: [],
        bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/bundled_prefilter.bin")),
    };
}

/// The automaton a list of patterns of a user's pack builds over its literals: the
/// literals it reports are numbered by the `u32`.
type Prefilter = DoubleArrayAhoCorasick<u32>;

/// The table of the bundled prefilter (`bundled::PREFILTER`) as `u16`s, little-endian: the
/// transition of state `s` for bytes of class `c` at `s * PREFILTER_CLASSES + c`.
fn prefilter_table() -> &'static [u16] {
    let bytes = &bundled::PREFILTER.bytes;
    // SAFETY: the bytes start at an address aligned for `u64`, so for `u16`; the slice ends
    // within them; every bit pattern is a `u16`
    unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<u16>(), bytes.len() / 2) }
}

/// The transition of state `state` of the bundled prefilter (`table`, see
/// [`prefilter_table`]) for byte `byte`.
#[inline(always)]
fn prefilter_step(table: &[u16], state: usize, byte: u8) -> usize {
    let class = usize::from(bundled::PREFILTER_COLUMNS[usize::from(byte)]);
    // SAFETY: `state` is a state of the automaton (the start state, or a transition read
    // from the table) and a byte's class is below `PREFILTER_CLASSES`, so the index is
    // inside the table: `build.rs` writes every transition as the number of a state, which
    // the test `every_prefilter_transition_is_a_state_and_every_class_a_column` checks (the
    // bounds check was two of the step's instructions, for every byte of every sentence)
    let next = unsafe { *table.get_unchecked(state * bundled::PREFILTER_CLASSES + class) };
    usize::from(u16::from_le(next))
}

/// Every occurrence in `text` of every bundled prefilter literal, overlapping ones
/// included, as `found(literal, start, end)` (the literal's index in
/// `bundled::PREFILTER_LITERALS`), in order of their ends: one table read per byte.
fn bundled_literals_in(text: &str, mut found: impl FnMut(usize, usize, usize)) {
    let bytes = text.as_bytes();
    let table = prefilter_table();
    let (mut state, mut from) = (0, 0);
    while let Some(end) = next_report(table, &mut state, bytes, from) {
        let r = state - bundled::PREFILTER_FIRST_REPORTING;
        // SAFETY: `state` is a reporting state, so `r + 1` is inside `PREFILTER_OUTPUTS_AT`,
        // whose ranges are ascending and inside `PREFILTER_OUTPUTS`: the test
        // `every_prefilter_transition_is_a_state_and_every_class_a_column` checks both (their
        // bounds checks were a third of the handling of a report, half a million per
        // megabyte of text)
        let outputs = unsafe {
            let at = bundled::PREFILTER_OUTPUTS_AT.get_unchecked(r..r + 2);
            (bundled::PREFILTER_OUTPUTS).get_unchecked(at[0] as usize..at[1] as usize)
        };
        for output in outputs {
            let len = (output >> 24) as usize;
            found((output & 0xff_ffff) as usize, end - len, end);
        }
        from = end;
    }
}

/// Runs the bundled prefilter automaton from state `state` over `bytes[from..]` up to the
/// first state that reports literals: the end of the byte that led to it, with `state`
/// then that state; `None` at the end of `bytes`. The reports are handled apart from this
/// loop so that it keeps its few values in registers (with the handling inlined, a step
/// took some sixteen instructions, its position counter on the stack).
fn next_report(table: &[u16], state: &mut usize, bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = *state;
    for (i, &b) in bytes.get(from..)?.iter().enumerate() {
        at = prefilter_step(table, at, b);
        if at >= bundled::PREFILTER_FIRST_REPORTING {
            *state = at;
            return Some(from + i + 1);
        }
    }
    None
}

/// The prefilter literals of one pattern: a bundled pattern's as numbers of
/// `bundled::PREFILTER_LITERALS`, another's as bytes.
#[derive(Debug)]
enum PatternLiterals {
    /// See [`Literals`]: `starts` are its `bytes`, numbered.
    Bundled {
        prefixes: bool,
        bounded: bool,
        at_end: bool,
        starts: &'static [u32],
        filter: &'static [&'static [&'static [u32]]],
        /// `filter` as [`FilterSets::push`] writes it into a list of bundled patterns,
        /// written by `build.rs` (making it took 60% of the start-up cost of the lists).
        filter_code: &'static [u32],
    },
    Own(Literals),
}

/// A set of literals of a pattern (its start literals, or one filter set), borrowed from
/// [`PatternLiterals`] without copying.
#[derive(Clone, Copy)]
enum LiteralSet<'a> {
    Bundled(&'a [u32]),
    Own(&'a [Vec<u8>]),
}

impl<'a> LiteralSet<'a> {
    fn len(self) -> usize {
        match self {
            LiteralSet::Bundled(ids) => ids.len(),
            LiteralSet::Own(literals) => literals.len(),
        }
    }

    fn iter(self) -> impl Iterator<Item = Literal<'a>> {
        let (bundled, own): (&[u32], &[Vec<u8>]) = match self {
            LiteralSet::Bundled(ids) => (ids, &[]),
            LiteralSet::Own(literals) => (&[], literals),
        };
        (bundled.iter().map(|id| Literal::Bundled(*id))).chain(own.iter().map(|l| Literal::Own(l)))
    }
}

/// The filter sets of one branch of a pattern.
#[derive(Clone, Copy)]
enum FilterBranch<'a> {
    Bundled(&'a [&'a [u32]]),
    Own(&'a [Vec<Vec<u8>>]),
}

impl<'a> FilterBranch<'a> {
    fn sets(self) -> impl Iterator<Item = LiteralSet<'a>> {
        let (bundled, own): (&[&[u32]], &[Vec<Vec<u8>>]) = match self {
            FilterBranch::Bundled(sets) => (sets, &[]),
            FilterBranch::Own(sets) => (&[], sets),
        };
        (bundled.iter().map(|set| LiteralSet::Bundled(set)))
            .chain(own.iter().map(|set| LiteralSet::Own(set)))
    }
}

/// One literal of a pattern, as [`PatternLiterals`] holds it.
#[derive(Clone, Copy)]
enum Literal<'a> {
    Bundled(u32),
    Own(&'a [u8]),
}

impl<'a> Literal<'a> {
    fn bytes(self) -> &'a [u8] {
        match self {
            Literal::Bundled(id) => bundled::PREFILTER_LITERALS[id as usize],
            Literal::Own(bytes) => bytes,
        }
    }
}

impl PatternLiterals {
    /// Whether the start literals are prefixes of every match (else suffixes).
    fn prefixes(&self) -> bool {
        match self {
            PatternLiterals::Bundled { prefixes, .. } => *prefixes,
            PatternLiterals::Own(ls) => ls.prefixes,
        }
    }

    /// Whether every match starts (prefixes) or ends (suffixes) at an ASCII word boundary.
    fn bounded(&self) -> bool {
        match self {
            PatternLiterals::Bundled { bounded, .. } => *bounded,
            PatternLiterals::Own(ls) => ls.bounded,
        }
    }

    /// Whether the pattern is searched backward from the end of the text (see
    /// [`Literals::at_end`]).
    fn at_end(&self) -> bool {
        match self {
            PatternLiterals::Bundled { at_end, .. } => *at_end,
            PatternLiterals::Own(ls) => ls.at_end,
        }
    }

    fn starts(&self) -> LiteralSet<'_> {
        match self {
            PatternLiterals::Bundled { starts, .. } => LiteralSet::Bundled(starts),
            PatternLiterals::Own(ls) => LiteralSet::Own(&ls.bytes),
        }
    }

    /// Per branch, its filter sets.
    fn filter(&self) -> impl Iterator<Item = FilterBranch<'_>> {
        let (bundled, own) = match self {
            PatternLiterals::Bundled { filter, .. } => (*filter, &[][..]),
            PatternLiterals::Own(ls) => (&[][..], &ls.filter[..]),
        };
        (bundled.iter().map(|sets| FilterBranch::Bundled(sets)))
            .chain(own.iter().map(|sets| FilterBranch::Own(sets)))
    }

    fn has_starts(&self) -> bool {
        match self {
            PatternLiterals::Bundled { starts, .. } => !starts.is_empty(),
            PatternLiterals::Own(ls) => !ls.bytes.is_empty(),
        }
    }

    fn has_filter(&self) -> bool {
        match self {
            PatternLiterals::Bundled { filter, .. } => !filter.is_empty(),
            PatternLiterals::Own(ls) => !ls.filter.is_empty(),
        }
    }
}

/// The lazy DFA that answers "does this text match" (the regex crate would also compile
/// capture engines and an automaton in the other direction, three times the cost, for
/// answers only `find` needs), with a pool of search caches so threads can share it. It
/// runs forward from a prefix literal, or backward from a suffix literal.
struct LazyDfa {
    dfa: Arc<hybrid::dfa::DFA>,
    caches: Pool<hybrid::dfa::Cache, CacheFn>,
}

type CacheFn = Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl std::fmt::Debug for LazyDfa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyDfa")
    }
}

/// The serialised automaton of a bundled pattern.
#[derive(Debug, Clone, Copy)]
enum Precompiled {
    /// Anchored: for searches from a start (or end) literal.
    FromLiteral(bundled::AutomatonAt),
    /// Dense, unanchored: for searches of whole texts, by a pattern without start literals.
    WholeText(&'static [u8]),
    /// A pattern cut at its word windows: per branch, anchored automata of its pieces and
    /// the windows between them.
    Split(&'static [bundled::SplitBranch]),
}

/// A precompiled automaton read back.
#[derive(Debug)]
enum Automaton {
    FromLiteral(AnchoredDfa),
    WholeText(dense::DFA<&'static [u32]>),
    Split(Vec<CutBranch>),
}

/// An anchored automaton of a bundled pattern or piece, in the form `build.rs` chose by its
/// size: dense (a step is one table read) when small, sparse otherwise; with its start
/// states.
#[derive(Debug)]
enum AnchoredDfa {
    Dense(dense::DFA<&'static [u32]>, StartStates),
    Sparse(sparse::DFA<&'static [u8]>, StartStates),
}

/// What regex-automata's start states tell apart of the byte before the start of an
/// anchored search (the byte after its end, reading backward), as its `StartByteMap` maps
/// bytes for the default line terminator: a byte that is not a word byte, an ASCII word byte,
/// `\n`, `\r`; [`StartStates::TEXT_EDGE`] is the edge of the text.
const LOOK_BEHIND_KINDS: [u8; 256] = {
    let mut kinds = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        kinds[b] = if byte.is_ascii_alphanumeric() || byte == b'_' {
            1
        } else if byte == b'\n' {
            2
        } else if byte == b'\r' {
            3
        } else {
            0
        };
        b += 1;
    }
    kinds
};

/// The anchored start states of an automaton, one per kind of byte before the start (see
/// [`LOOK_BEHIND_KINDS`]), found once when the automaton is read back: asking the
/// automaton for one built a search configuration and looked up its start table, some
/// forty instructions, about as many as the walk that followed (most stop within a few
/// bytes), for each of some two hundred thousand walks per forty statements.
#[derive(Debug, Clone, Copy)]
struct StartStates([StateID; 5]);

impl StartStates {
    /// The kind of the edge of the text (no byte before the start).
    const TEXT_EDGE: usize = 4;

    /// The anchored start states of `dfa`; `None` when it has none (a quit byte before the
    /// start; the bundled automata have no quit bytes).
    fn of(dfa: &impl regex_automata::dfa::Automaton) -> Option<StartStates> {
        let mut states = [StateID::ZERO; 5];
        let looks = [Some(b' '), Some(b'a'), Some(b'\n'), Some(b'\r'), None];
        for (state, look_behind) in states.iter_mut().zip(looks) {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(look_behind);
            *state = dfa.start_state(&config).ok()?;
        }
        Some(StartStates(states))
    }

    /// The start state of a search with `look_behind` before its start (reading backward,
    /// after its end; `None`: the edge of the text), as the automaton's `start_state` gives.
    fn after(&self, look_behind: Option<u8>) -> StateID {
        let kind = look_behind.map_or(Self::TEXT_EDGE, |b| {
            usize::from(LOOK_BEHIND_KINDS[usize::from(b)])
        });
        self.0[kind]
    }
}

impl AnchoredDfa {
    /// The bytes a search backward from the end of a text can read first without the
    /// automaton dying (one bit per byte value).
    fn last_bytes(&self) -> ByteSet {
        fn of(dfa: &impl regex_automata::dfa::Automaton) -> ByteSet {
            let input = Input::new(&[][..]).anchored(Anchored::Yes);
            let Ok(start) = dfa.start_state_reverse(&input) else {
                return [u64::MAX; 4];
            };
            let mut set = [0u64; 4];
            for b in 0..=255u8 {
                if !dfa.is_dead_state(dfa.next_state(start, b)) {
                    set[usize::from(b / 64)] |= 1 << (b % 64);
                }
            }
            set
        }
        match self {
            AnchoredDfa::Dense(dfa, _) => of(dfa),
            AnchoredDfa::Sparse(dfa, _) => of(dfa),
        }
    }

    /// Reads back an automaton `build.rs` serialised, without validating its transitions.
    ///
    /// # Safety
    ///
    /// `at` must be the place of an automaton in `bundled::DENSE_AUTOMATA` (dense) or
    /// `bundled::AUTOMATA` (sparse) as `build.rs` wrote it.
    unsafe fn read(((at, len), dense): bundled::AutomatonAt) -> Option<AnchoredDfa> {
        // SAFETY: see `Pattern::automaton`
        Some(if dense {
            let bytes = &bundled::DENSE_AUTOMATA.bytes[at..at + len];
            let dfa = unsafe { dense::DFA::from_bytes_unchecked(bytes) }.ok()?.0;
            let starts = StartStates::of(&dfa)?;
            AnchoredDfa::Dense(dfa, starts)
        } else {
            let bytes = &bundled::AUTOMATA[at..at + len];
            let dfa = unsafe { sparse::DFA::from_bytes_unchecked(bytes) }.ok()?.0;
            let starts = StartStates::of(&dfa)?;
            AnchoredDfa::Sparse(dfa, starts)
        })
    }

    fn try_search_fwd(&self, input: &Input<'_>) -> Result<Option<HalfMatch>, MatchError> {
        match self {
            AnchoredDfa::Dense(dfa, _) => dfa.try_search_fwd(input),
            AnchoredDfa::Sparse(dfa, _) => dfa.try_search_fwd(input),
        }
    }
}

/// One branch of a pattern cut at its word windows, read back: the automata of its pieces
/// in the order a search reads them, and the window after each but the last.
#[derive(Debug)]
struct CutBranch {
    pieces: Vec<AnchoredDfa>,
    gaps: &'static [bundled::Gap],
}

impl CutBranch {
    /// Whether the branch matches from byte `at` (forward), or up to it (`backward`): the
    /// places each piece may start are those its predecessor's matches end at, moved on by
    /// any length of their window the text allows. `None` when an automaton cannot answer.
    fn matches(&self, text: &[u8], at: usize, backward: bool) -> Option<bool> {
        PLACES.with_borrow_mut(|(starts, ends)| self.matches_with(text, at, backward, starts, ends))
    }

    /// [`Self::matches`] with the places pieces start and end at kept in `starts` and
    /// `ends` (a thread's, reused: most searches end at their first piece).
    fn matches_with(
        &self,
        text: &[u8],
        at: usize,
        backward: bool,
        starts: &mut Vec<usize>,
        ends: &mut Vec<usize>,
    ) -> Option<bool> {
        starts.clear();
        starts.push(at);
        for (k, piece) in self.pieces.iter().enumerate() {
            let last = k + 1 == self.pieces.len();
            ends.clear();
            for &start in starts.iter() {
                match piece {
                    AnchoredDfa::Dense(dfa, starts) => {
                        piece_ends(dfa, starts, text, start, backward, last, ends)?
                    }
                    AnchoredDfa::Sparse(dfa, starts) => {
                        piece_ends(dfa, starts, text, start, backward, last, ends)?
                    }
                }
                if last && !ends.is_empty() {
                    return Some(true);
                }
            }
            let Some(gap) = self.gaps.get(k) else {
                return Some(false);
            };
            ends.sort_unstable();
            ends.dedup();
            starts.clear();
            window_ends(gap, text, ends, backward, starts);
            if starts.is_empty() {
                return Some(false);
            }
        }
        Some(false)
    }
}

thread_local! {
    /// The places of [`CutBranch::matches`].
    static PLACES: std::cell::RefCell<(Vec<usize>, Vec<usize>)> = std::cell::RefCell::default();
}

/// Every place a match of a piece's automaton (anchored, reporting every match) that
/// starts at byte `at` ends, in `out`; reading `backward`, every place one that ends at
/// `at` starts. Only the first when `first` is set. `None` when the automaton gives up
/// (it has no quit bytes, so it does not).
fn piece_ends(
    dfa: &impl regex_automata::dfa::Automaton,
    starts: &StartStates,
    text: &[u8],
    at: usize,
    backward: bool,
    first: bool,
    out: &mut Vec<usize>,
) -> Option<()> {
    walk_anchored(dfa, starts, text, at, backward, |end| {
        out.push(end);
        first
    })
}

/// Whether an anchored automaton has a match that starts at byte `at` (reading
/// `backward`, one that ends there), as its `try_search_fwd` (`try_search_rev`) with
/// `earliest` tells: the walk stops at the first match state or the dead state. Without
/// the set-up of the general search (a prefilter, a universal start state, the
/// acceleration of states), which cost more than the walk itself: most such searches stop
/// within a few bytes. `None` when the automaton gives up.
fn anchored_match(
    dfa: &impl regex_automata::dfa::Automaton,
    starts: &StartStates,
    text: &[u8],
    at: usize,
    backward: bool,
) -> Option<bool> {
    let mut found = false;
    walk_anchored(dfa, starts, text, at, backward, |_| {
        found = true;
        true
    })?;
    Some(found)
}

/// Runs an anchored automaton from byte `at` forward (or from `at` back, `backward`) and
/// calls `on_match` with where each match it reports ends (starts), until `on_match` says
/// to stop (`true`), the automaton dies or the text ends. `None` when the automaton gives up.
/// It starts from the state of `starts` for the byte before `at` (reading `backward`, the
/// byte at `at`), the one the automaton's `start_state_forward` (`start_state_reverse`)
/// gives for the search.
fn walk_anchored(
    dfa: &impl regex_automata::dfa::Automaton,
    starts: &StartStates,
    text: &[u8],
    at: usize,
    backward: bool,
    mut on_match: impl FnMut(usize) -> bool,
) -> Option<()> {
    // a match is seen one byte late: in the state after the byte that follows it (or
    // after the end of the text)
    let mut step = |sid, at_match: usize| -> Option<bool> {
        if dfa.is_special_state(sid) {
            if dfa.is_match_state(sid) {
                return Some(on_match(at_match));
            }
            if dfa.is_dead_state(sid) {
                return Some(true);
            }
            if dfa.is_quit_state(sid) {
                return None;
            }
        }
        Some(false)
    };
    if backward {
        let mut sid = starts.after(text.get(at).copied());
        for i in (0..at).rev() {
            sid = dfa.next_state(sid, text[i]);
            if step(sid, i + 1)? {
                return Some(());
            }
        }
        step(dfa.next_eoi_state(sid), 0)?;
    } else {
        let mut sid = starts.after(at.checked_sub(1).and_then(|i| text.get(i).copied()));
        for (i, byte) in text.iter().enumerate().skip(at) {
            sid = dfa.next_state(sid, *byte);
            if step(sid, i)? {
                return Some(());
            }
        }
        step(dfa.next_eoi_state(sid), text.len())?;
    }
    Some(())
}

/// The places the next piece may start at after a window, from the places (ascending) the
/// piece before it ends at: any window length from its least to its greatest whose bytes
/// are all in its class (reading `backward`, places the piece before it may end at).
/// Ascending, without repeats.
///
/// The windows of successive ends overlap, and their far ends are in the same order as
/// the ends (a window stops at the first byte outside its class or at its greatest
/// length), so each place is taken once, from the window that reaches it first, with no
/// sorting afterwards.
fn window_ends(
    gap: &bundled::Gap,
    text: &[u8],
    ends: &[usize],
    backward: bool,
    out: &mut Vec<usize>,
) {
    let &(class, min, max, next) = gap;
    let (min, max) = (min as usize, max as usize);
    let has = |set: [u64; 4], b: u8| set[usize::from(b / 64)] >> (b % 64) & 1 == 1;
    // the next piece is not run where it cannot begin (most places, for one that begins
    // with a word)
    if backward {
        // from the last end down, each window taken below the places already taken
        let mut below = usize::MAX;
        for &e in ends.iter().rev() {
            let run = (text[..e].iter().rev().take(max))
                .take_while(|b| has(class, **b))
                .count();
            if run < min {
                continue;
            }
            let Some(top) = below.checked_sub(1) else {
                break;
            };
            for s in (e - run..=(e - min).min(top)).rev() {
                if s == 0 || has(next, text[s - 1]) {
                    out.push(s);
                }
            }
            below = below.min(e - run);
        }
        out.reverse();
    } else {
        // from the first end up, each window taken above the places already taken
        let mut above = 0;
        for &e in ends {
            let run = (text[e..].iter().take(max))
                .take_while(|b| has(class, **b))
                .count();
            if run < min {
                continue;
            }
            for s in (e + min).max(above)..=e + run {
                if s == text.len() || has(next, text[s]) {
                    out.push(s);
                }
            }
            above = above.max(e + run + 1);
        }
    }
}

/// Where a pattern is in `bundled::LITERALS`, if it is a bundled one.
fn bundled_index(pattern: &str) -> Option<usize> {
    (bundled::LITERALS)
        .binary_search_by(|(p, _, _, _)| (*p).cmp(pattern))
        .ok()
}

/// One pattern ready to be added to a [`PatternList`].
#[derive(Debug)]
pub struct Pattern {
    /// The pattern as the automata take it ([`prepare`]); `build.rs` prepared the bundled
    /// ones.
    prepared: Cow<'static, str>,
    literals: Option<PatternLiterals>,
    /// For a pattern without start literals: bytes one of which every match holds, when
    /// they are rare (see [`super::literals::required_bytes`]); a text without any is not
    /// searched.
    required: Option<ByteSet>,
    /// The automaton `build.rs` determinised, if it was small enough: deserialised
    /// (without copying) on first use.
    precompiled: Option<Precompiled>,
    /// Boxed: the automaton's header is some 700 bytes, and every bundled pattern (about
    /// 700) is made at start-up, most never run.
    automaton: OnceLock<Option<Box<Automaton>>>,
    /// `None` inside: the pattern is beyond the lazy DFA (it then uses `full`).
    lazy_dfa: OnceLock<Option<LazyDfa>>,
    full: OnceLock<meta::Regex>,
    /// For a pattern searched backward from the end of the text: the bytes its automaton
    /// can read first there (one bit per byte value), computed on first use.
    last_bytes: OnceLock<ByteSet>,
    /// Whether the automata read the pattern as the full expression does: it has no class
    /// they read byte-wise (see [`super::literals::automaton_syntax`]), so they find the
    /// same matches in any text, not only in ASCII. Found on first need.
    read_as_written: OnceLock<bool>,
}

/// Compile a regular expression the way every lexicon pattern is validated (a user's
/// pattern at load time, a bundled one by build.rs): the errors of the regex crate say
/// what is wrong and where.
fn build(prepared: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(prepared)
        .size_limit(SIZE_LIMIT)
        .build()
}

/// A regular expression compiled with the meta engine of `regex-automata` (the engine of
/// `regex::Regex`) without two of its speed-ups, a literal prefilter and a full DFA for
/// small expressions: with digit classes such as `[0-9]{4}` or word alternations their
/// construction costs several times the rest of the compilation, while the expressions
/// compiled this way run only on short texts a cheaper test has passed (the prefilter and
/// automata of a pattern list, a unit word or four digits for a value), which the lazy DFA
/// reads fast enough. Nor is the one-pass DFA built: the engine uses it only for the groups
/// of an anchored search, and none of these searches is anchored. Same matches as
/// `regex::Regex`.
pub(super) fn lean_regex(
    pattern: &str,
    size_limit: Option<usize>,
) -> Result<meta::Regex, Box<meta::BuildError>> {
    let config = meta::Config::new()
        .auto_prefilter(false)
        .dfa(false)
        .onepass(false)
        .nfa_size_limit(size_limit);
    (meta::Regex::builder().configure(config).build(pattern)).map_err(Box::new)
}

/// Memory one search cache of one pattern may grow to (per thread; only the patterns too big
/// to precompile have one). Past this the cache is cleared and rebuilt, and a pattern that
/// thrashes falls back to the full engine. At 256 KiB the patterns with several word
/// windows were cleared dozens of times per hundred statements; at 2 MiB they are not, for
/// 10% fewer instructions and a few MB more memory (8 MiB gained nothing more).
const CACHE_CAPACITY: usize = 2 << 20;

/// The lazy DFA of a pattern, reading forward or (for a pattern searched from its suffix
/// literals) backward, in the syntax of [`super::literals::automaton_syntax`].
fn build_lazy_dfa(prepared: &str, reverse: bool) -> Option<LazyDfa> {
    let bytewise = super::literals::automaton_syntax(prepared);
    let dfa = hybrid::dfa::DFA::builder()
        .configure(hybrid::dfa::Config::new().cache_capacity(CACHE_CAPACITY))
        .syntax(syntax::Config::new().utf8(false))
        .thompson(
            thompson::Config::new()
                .utf8(false)
                .reverse(reverse)
                .nfa_size_limit(Some(SIZE_LIMIT)),
        )
        .build(&bytewise)
        .ok()?;
    let dfa = Arc::new(dfa);
    let for_pool = Arc::clone(&dfa);
    let create: CacheFn = Box::new(move || for_pool.create_cache());
    Some(LazyDfa {
        dfa,
        caches: Pool::new(create),
    })
}

impl Pattern {
    /// The pattern as `build.rs` prepared it, if it is one of the bundled lexicons'
    /// (validated, its literals computed and its automata built when privlint was built).
    pub fn bundled(pattern: &str) -> Option<Pattern> {
        Some(Pattern::bundled_at(bundled_index(pattern)?))
    }

    /// The number of a bundled pattern (see [`Pattern::bundled_at`]), if `pattern` is one.
    pub fn bundled_number(pattern: &str) -> Option<usize> {
        bundled_index(pattern)
    }

    /// The text of the bundled pattern numbered `i` (see [`Pattern::bundled_at`]).
    pub fn bundled_text(i: usize) -> &'static str {
        bundled::LITERALS[i].0
    }

    /// How many bundled patterns there are (their numbers are below).
    pub fn bundled_count() -> usize {
        bundled::LITERALS.len()
    }

    /// The bundled pattern numbered `i` (see [`Pattern::bundled_number`]).
    pub fn bundled_at(i: usize) -> Pattern {
        let (_, prepared, literals, automaton) = bundled::LITERALS[i];
        let literals = literals.map(|(prefixes, bounded, at_end, starts, filter, filter_code)| {
            PatternLiterals::Bundled {
                prefixes,
                bounded,
                at_end,
                starts,
                filter,
                filter_code,
            }
        });
        let anchored = (literals.as_ref()).is_some_and(|ls| ls.has_starts() || ls.at_end());
        let precompiled = automaton
            .map(|at| {
                if anchored {
                    Precompiled::FromLiteral(at)
                } else {
                    let ((at, len), _) = at;
                    Precompiled::WholeText(&bundled::DENSE_AUTOMATA.bytes[at..at + len])
                }
            })
            .or_else(|| {
                let split = bundled::SPLITS.binary_search_by_key(&i, |(p, _)| *p).ok()?;
                Some(Precompiled::Split(bundled::SPLITS[split].1))
            });
        let required = (bundled::REQUIRED_BYTES.binary_search_by_key(&i, |(p, _)| *p))
            .ok()
            .map(|at| bundled::REQUIRED_BYTES[at].1);
        Pattern {
            prepared: Cow::Borrowed(prepared),
            literals,
            required,
            precompiled,
            automaton: OnceLock::new(),
            lazy_dfa: OnceLock::new(),
            full: OnceLock::new(),
            last_bytes: OnceLock::new(),
            read_as_written: OnceLock::new(),
        }
    }

    /// A pattern as written in a lexicon file. Unknown to the build (not bundled, or
    /// edited), it is compiled now, so an error surfaces at load time.
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        if let Some(bundled) = Pattern::bundled(pattern) {
            return Ok(bundled);
        }
        let prepared = prepare(pattern);
        build(&prepared)?;
        let literals = required_literals(&prepared).map(PatternLiterals::Own);
        let required = (!literals.as_ref().is_some_and(PatternLiterals::has_starts))
            .then(|| required_bytes(&prepared))
            .flatten();
        Ok(Pattern {
            prepared: Cow::Owned(prepared),
            literals,
            required,
            precompiled: None,
            automaton: OnceLock::new(),
            lazy_dfa: OnceLock::new(),
            full: OnceLock::new(),
            last_bytes: OnceLock::new(),
            read_as_written: OnceLock::new(),
        })
    }

    /// The full expression, for finding where matches are (compiled on first use).
    pub fn regex(&self) -> &meta::Regex {
        self.full.get_or_init(|| {
            // Bundled patterns were compiled by build.rs with the regex crate, any other
            // pattern in `Pattern::new`: the same parser and limits
            lean_regex(&self.prepared, Some(SIZE_LIMIT)).expect("pattern validated at load")
        })
    }

    /// The precompiled automaton, if `build.rs` made one (a failure to read it back only
    /// means the lazy automaton is used).
    fn automaton(&self) -> Option<&Automaton> {
        self.automaton
            .get_or_init(|| {
                // SAFETY (here and in `AnchoredDfa::read`): `bytes` is one of the automata in
                // `bundled::AUTOMATA` or `bundled::DENSE_AUTOMATA`, which build.rs
                // serialised with the same (locked) regex-automata for the target's byte
                // order, and the test
                // `every_bundled_automaton_passes_full_validation` reads each back with
                // the validating `from_bytes`. What is skipped here is only that
                // validation of every transition, which cost a tenth of all the
                // instructions of checking one statement; the header, version, byte
                // order and (dense) alignment are still checked.
                let automaton = match self.precompiled? {
                    Precompiled::FromLiteral(at) => {
                        Automaton::FromLiteral(unsafe { AnchoredDfa::read(at) }?)
                    }
                    Precompiled::WholeText(bytes) => {
                        let (dfa, _) = unsafe { dense::DFA::from_bytes_unchecked(bytes) }.ok()?;
                        Automaton::WholeText(dfa)
                    }
                    Precompiled::Split(branches) => {
                        let mut cut = Vec::with_capacity(branches.len());
                        for (pieces, gaps) in branches {
                            let mut dfas = Vec::with_capacity(pieces.len());
                            for at in *pieces {
                                dfas.push(unsafe { AnchoredDfa::read(*at) }?);
                            }
                            cut.push(CutBranch { pieces: dfas, gaps });
                        }
                        Automaton::Split(cut)
                    }
                };
                Some(Box::new(automaton))
            })
            .as_deref()
    }

    /// Whether a match of a pattern searched backward from the end of the text may end at
    /// the end of `text`: its automaton can read the last byte. Most sentences end with a
    /// full stop, which ends no match of such a pattern (a country in a table cell).
    fn may_end_at_end_of(&self, text: &str) -> bool {
        let Some(&last) = text.as_bytes().last() else {
            return true;
        };
        let set = self.last_bytes.get_or_init(|| match self.automaton() {
            Some(Automaton::FromLiteral(dfa)) => dfa.last_bytes(),
            _ => [u64::MAX; 4],
        });
        set[usize::from(last / 64)] >> (last % 64) & 1 == 1
    }

    /// See [`Pattern::read_as_written`](struct.Pattern.html#structfield.read_as_written).
    fn read_as_written(&self) -> bool {
        *(self.read_as_written)
            .get_or_init(|| super::literals::automaton_syntax(&self.prepared) == *self.prepared)
    }

    /// Whether the pattern's literals are suffixes (it is searched backward from them).
    fn backward(&self) -> bool {
        self.literals.as_ref().is_some_and(|l| !l.prefixes())
    }

    /// Whether the pattern matches somewhere in `text` (`at: None`), or with a match
    /// starting at byte `at` where one of its prefix literals occurs (ending there, for a
    /// suffix literal). A search from a known end follows one thread of the automaton
    /// instead of one per position, and stops as soon as the text leaves the pattern.
    pub fn is_match(&self, text: &str, at: Option<usize>) -> bool {
        self.automaton_match(text, at).unwrap_or_else(|| match at {
            Some(start) if !self.backward() => {
                self.regex().is_match(Input::new(text).range(start..))
            }
            _ => self.regex().is_match(text),
        })
    }

    /// The matches of the pattern in `text` from the positions of its prefix literals (a
    /// candidate group, ascending), found by its precompiled automaton; `None` when it has
    /// none that reads forward from them, a group is not only such positions, or the text
    /// is not ASCII and the automaton reads a class byte-wise (a window of it then counts
    /// bytes, not characters).
    fn find_from_literals(
        &self,
        text: &str,
        group: &[(u32, usize)],
    ) -> Option<Vec<std::ops::Range<usize>>> {
        let Some(Automaton::FromLiteral(dfa)) = self.automaton() else {
            return None;
        };
        if self.backward() || group.iter().any(|(_, at)| *at == ANYWHERE) {
            return None;
        }
        if !text.is_ascii() && !self.read_as_written() {
            return None;
        }
        let mut found = Vec::new();
        let mut from = 0;
        for &(_, at) in group {
            if at < from {
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            if let Some(end) = dfa.try_search_fwd(&input).ok()? {
                found.push(at..end.offset());
                from = end.offset();
            }
        }
        Some(found)
    }

    /// Whether a match starts at byte `at` of `text`, where one of the pattern's prefix
    /// literals occurs.
    fn starts_at(&self, text: &str, at: usize) -> bool {
        self.automaton_match(text, Some(at)).unwrap_or_else(|| {
            // leftmost: a match found from `at` starts there if any match does
            (self.regex().find(Input::new(text).range(at..))).is_some_and(|m| m.start() == at)
        })
    }

    /// The answer of the automata, `None` when they cannot give one (the full engine then
    /// decides): see [`Self::is_match`].
    fn automaton_match(&self, text: &str, at: Option<usize>) -> Option<bool> {
        let found = match (self.automaton(), at) {
            (Some(Automaton::FromLiteral(dfa)), Some(at)) => {
                let (text, backward) = (text.as_bytes(), self.backward());
                let found = match dfa {
                    AnchoredDfa::Dense(dfa, starts) => {
                        anchored_match(dfa, starts, text, at, backward)
                    }
                    AnchoredDfa::Sparse(dfa, starts) => {
                        anchored_match(dfa, starts, text, at, backward)
                    }
                };
                // the automata have no quit bytes, so they answer
                if let Some(found) = found {
                    return Some(found);
                }
                None
            }
            (Some(Automaton::WholeText(dfa)), None) => {
                // a pattern anchored at the text's start has an anchored automaton
                let input = Input::new(text).earliest(true);
                let input = if dfa.start_kind() == regex_automata::dfa::StartKind::Anchored {
                    input.anchored(Anchored::Yes)
                } else {
                    input
                };
                Some(dfa.try_search_fwd(&input))
            }
            (Some(Automaton::Split(branches)), Some(at)) => {
                // a branch that matches decides; one whose automata gave up leaves a "no" to
                // the lazy DFA
                let mut undecided = false;
                for branch in branches {
                    match branch.matches(text.as_bytes(), at, self.backward()) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => undecided = true,
                    }
                }
                if !undecided {
                    return Some(false);
                }
                None
            }
            _ => None,
        };
        // the automata have no quit bytes (their word boundaries are ASCII), so they answer
        if let Some(Ok(found)) = found {
            return Some(found.is_some());
        }
        let backward = self.backward() && at.is_some();
        let built = self
            .lazy_dfa
            .get_or_init(|| build_lazy_dfa(&self.prepared, self.backward()));
        // a backward automaton only searches from a literal; `at: None` then needs the
        // full engine (it happens for the patterns of a list without a prefilter)
        if let Some(lazy) = built.as_ref().filter(|_| backward == self.backward()) {
            let mut cache = lazy.caches.get();
            let found = match at {
                None => lazy
                    .dfa
                    .try_search_fwd(&mut cache, &Input::new(text).earliest(true)),
                Some(start) if !backward => lazy.dfa.try_search_fwd(
                    &mut cache,
                    &Input::new(text)
                        .range(start..)
                        .anchored(Anchored::Yes)
                        .earliest(true),
                ),
                Some(end) => lazy.dfa.try_search_rev(
                    &mut cache,
                    &Input::new(text)
                        .range(..end)
                        .anchored(Anchored::Yes)
                        .earliest(true),
                ),
            };
            if let Ok(found) = found {
                return Some(found.is_some());
            }
            // the lazy DFA gave up (cache thrashing, a Unicode word boundary next to a
            // non-ASCII letter): the full engine decides
        }
        None
    }
}

/// Patterns matched as one list, by index.
#[derive(Debug, Default)]
pub struct PatternList {
    patterns: Vec<Pattern>,
    /// Whether every pattern is bundled: the literals are then numbered as in
    /// `bundled::PREFILTER_LITERALS` and searched for with [`bundled_prefilter`].
    bundled: bool,
    /// Whether any pattern has a literal (without any, only the unfiltered patterns run).
    has_literals: bool,
    /// The distinct prefilter literals of all patterns, numbered in order of first
    /// appearance, when the list is not `bundled`.
    literals: Vec<Vec<u8>>,
    /// The automaton over `literals`, built on first use (a lexicon a run never needs
    /// costs nothing); `None` inside when it could not be built and every pattern runs.
    prefilter: OnceLock<Option<OwnPrefilter>>,
    /// Per prefilter literal: the patterns it is a start (or end) literal of.
    literal_patterns: Table<LiteralUse>,
    /// How many literal numbers there are (bundled: all of `bundled::PREFILTER_LITERALS`).
    literal_numbers: usize,
    /// The filter sets of the patterns, read only for a pattern that is a candidate: see
    /// [`FilterSets`].
    filters: FilterSets,
    /// Patterns without start literals but with filters: run anywhere in a text that
    /// holds a literal of each filter set of one of their branches (and one of their
    /// required bytes, see [`Pattern::required`]).
    filter_only: Vec<(u32, u32)>,
    /// Patterns without a useful literal set: run on every text (that holds one of their
    /// required bytes).
    unfiltered: Vec<(u32, u32)>,
    /// Patterns without literals whose every match ends at the end of the text: searched
    /// backward from there in every text that holds one of their required bytes, without
    /// testing their filter sets (the search reads a few bytes).
    at_end: Vec<(u32, u32)>,
    /// The required bytes of the patterns of `filter_only`, `unfiltered` and `at_end`
    /// (each given there as the mask [`RequiredBytes::number`] gave it).
    required: RequiredBytes,
}

/// The sets of required bytes of the patterns of a list (see [`Pattern::required`]), each
/// distinct set numbered by a bit of a `u32`, with per byte value the bits of the sets it
/// is in: a text is read for them with a table read and an `or` per byte ([`TextBytes`]).
/// (A set of all 256 byte values took a shift, a read and a write per byte, some 5% of
/// finding candidates.)
#[derive(Debug, Default)]
struct RequiredBytes {
    /// The distinct sets, in the order of their bits.
    sets: Vec<ByteSet>,
    /// Per byte value, the bits of the sets it is in (once a set is numbered).
    sets_of: Option<Box<[u32; 256]>>,
}

impl RequiredBytes {
    /// The mask (one bit) of a pattern's set of required bytes, numbering the set if it is
    /// new; 0, run on every text, when it requires none (or when 32 sets are numbered
    /// already: the test is then only skipped).
    fn number(&mut self, required: Option<ByteSet>) -> u32 {
        let Some(set) = required else {
            return 0;
        };
        let bit = match self.sets.iter().position(|s| *s == set) {
            Some(bit) => bit,
            None if self.sets.len() == 32 => return 0,
            None => {
                let bit = self.sets.len();
                self.sets.push(set);
                let sets_of = self.sets_of.get_or_insert_with(|| Box::new([0; 256]));
                for (b, sets) in sets_of.iter_mut().enumerate() {
                    if set[b / 64] >> (b % 64) & 1 == 1 {
                        *sets |= 1 << bit;
                    }
                }
                bit
            }
        };
        1 << bit
    }
}

/// A pattern that a prefilter literal is a start (or end) literal of.
#[derive(Debug, Clone, Copy)]
struct LiteralUse {
    /// The pattern's index in its list.
    pattern: u32,
    /// Whether the pattern is searched backward from the literal (it is a suffix).
    backward: bool,
    /// Whether every match of the pattern starts (ends, `backward`) at an ASCII word
    /// boundary: where the literal occurs without one there, it is not searched from.
    bounded: bool,
}

/// Whether there is an ASCII word boundary (`(?-u:\b)`) at byte `at` of `text`: a word
/// byte (ASCII letter, digit, `_`) on exactly one side of it.
fn ascii_boundary(text: &[u8], at: usize) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let before = at
        .checked_sub(1)
        .and_then(|i| text.get(i))
        .is_some_and(word);
    before != text.get(at).is_some_and(word)
}

/// The filter sets of the patterns of a list (see [`super::literals::Literals::filter`]),
/// with literals numbered as the list numbers them, in one array: per pattern with filter
/// sets, its number of branches, then per branch how many numbers of the array its sets
/// take and its sets, each its literals with [`FilterSets::LAST`] set on the last one.
///
/// A pattern's sets are read only when the pattern is a candidate (one of its start literals
/// occurs), after the prefilter pass has marked the literals that occur: a dozen or so
/// patterns per sentence. Before, every occurrence of a filter literal marked all the sets
/// it belongs to, and a common word ("data", "your") is in the sets of dozens of patterns,
/// most of which never had a start literal in the sentence.
#[derive(Debug, Default)]
struct FilterSets {
    /// Per pattern: where its sets start in `code`, or [`FilterSets::NONE`] (it has none).
    at: Vec<u32>,
    code: Vec<u32>,
}

impl FilterSets {
    const NONE: u32 = u32::MAX;

    /// No sets yet, with room for where those of `patterns` patterns start (`at`).
    fn with_patterns(patterns: usize) -> FilterSets {
        FilterSets {
            at: Vec::with_capacity(patterns),
            code: Vec::new(),
        }
    }

    /// Flag of the last literal of a set in `code`.
    const LAST: u32 = 1 << 31;

    /// Adds the sets of the next pattern (`None`: it has no filter sets), the literals
    /// numbered by `number`. At most `MAX_SETS` sets of a branch are kept: a subset of them
    /// is still a necessary condition.
    fn push<'a>(
        &mut self,
        branches: Option<impl Iterator<Item = FilterBranch<'a>>>,
        mut number: impl FnMut(Literal<'a>) -> u32,
    ) {
        let Some(branches) = branches else {
            self.at.push(Self::NONE);
            return;
        };
        self.at.push(self.code.len() as u32);
        let count_at = self.code.len();
        self.code.push(0);
        for branch in branches {
            self.code[count_at] += 1;
            let mut sets = [LiteralSet::Own(&[]); Self::MAX_SETS];
            let mut used = 0;
            for (slot, set) in sets.iter_mut().zip(branch.sets()) {
                *slot = set;
                used += 1;
            }
            // the smallest sets first: a branch fails at its first set without a literal in
            // the text, and a small set costs fewest tests
            let sets = &mut sets[..used];
            sets.sort_by_key(|set| set.len());
            let length_at = self.code.len();
            self.code.push(0);
            for set in sets.iter() {
                self.code.extend(set.iter().map(&mut number));
                match (set.len(), self.code.last_mut()) {
                    (1.., Some(last)) => *last |= Self::LAST,
                    // an empty set (none is made) fails: a number no literal has
                    _ => self.code.push(u32::MAX),
                }
            }
            self.code[length_at] = (self.code.len() - length_at - 1) as u32;
        }
    }

    /// Adds the sets of the next pattern as `push` writes them (see
    /// `PatternLiterals::Bundled::filter_code`).
    fn push_code(&mut self, code: &[u32]) {
        self.at.push(self.code.len() as u32);
        self.code.extend_from_slice(code);
    }

    /// Most sets of one branch that are tested (as many as a pattern gets, see
    /// `literals::MAX_FILTER_SETS`).
    const MAX_SETS: usize = 8;

    /// Whether pattern `p` may match a text in which the literals `l` with
    /// `seen[l] == call` occur: it has no filter sets, or some branch of it has a literal of
    /// each of its sets.
    fn pass(&self, p: usize, seen: &[u32], call: u32) -> bool {
        let at = self.at[p];
        if at == Self::NONE {
            return true;
        }
        let Some((&branches, mut rest)) = self.code[at as usize..].split_first() else {
            return true;
        };
        'branches: for _ in 0..branches {
            let Some((&length, after)) = rest.split_first() else {
                return false;
            };
            let (branch, after) = after.split_at(length as usize);
            rest = after;
            // the branch fails at its first set without a literal in the text: the rest of
            // its sets is skipped
            let mut entries = branch.iter();
            while let Some(&entry) = entries.next() {
                if seen.get((entry & !Self::LAST) as usize) == Some(&call) {
                    // the rest of the set
                    if entry & Self::LAST == 0 {
                        entries.find(|e| **e & Self::LAST != 0);
                    }
                } else if entry & Self::LAST != 0 {
                    continue 'branches;
                }
            }
            return true;
        }
        false
    }
}

/// The prefilter automaton a list builds for itself.
struct OwnPrefilter(Prefilter);

impl std::fmt::Debug for OwnPrefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OwnPrefilter({} states)", self.0.num_states())
    }
}

/// Items per literal number, stored as one array cut by offsets. The bundled literals
/// number in the thousands: a list that uses many of them (the sentence patterns) has an
/// offset for every number, read directly; a list that uses few (headings, table headers,
/// typed values) has offsets only for the numbers it uses, found by binary search after a
/// bit test, which spares building and faulting in tens of kilobytes of offsets per list
/// at start-up.
#[derive(Debug)]
struct Table<T> {
    /// The numbers that have items, ascending, when the table is sparse; `None` when it
    /// is dense.
    numbers: Option<Vec<u32>>,
    /// Sparse: one bit per number, set for those in `numbers`.
    present: Vec<u64>,
    /// Where the items of each number (dense) or of each of `numbers` (sparse) start, and
    /// a last offset where they end.
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            numbers: None,
            present: Vec::new(),
            offsets: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Table<T> {
    /// The table of `numbers` literal numbers holding each (number, item) pair, each
    /// number's items in the order of the pairs. Dense when there are pairs for more than
    /// an eighth of the numbers.
    fn new(numbers: usize, mut pairs: Vec<(u32, T)>) -> Table<T> {
        let Some(&(_, first)) = pairs.first() else {
            return Table::default();
        };
        if pairs.len() * 8 >= numbers {
            // a counting sort: the offset of each number, then each item put at its
            // number's next free place (which leaves there the start of the next number)
            let mut offsets = vec![0u32; numbers + 1];
            for (n, _) in &pairs {
                offsets[*n as usize + 1] += 1;
            }
            for n in 0..numbers {
                offsets[n + 1] += offsets[n];
            }
            let mut items = vec![first; pairs.len()];
            for (n, item) in &pairs {
                let at = &mut offsets[*n as usize];
                items[*at as usize] = *item;
                *at += 1;
            }
            offsets.rotate_right(1);
            offsets[0] = 0;
            return Table {
                numbers: None,
                present: Vec::new(),
                offsets,
                items,
            };
        }
        // stable: the items of a number keep their order
        pairs.sort_by_key(|(n, _)| *n);
        let groups = pairs.chunk_by(|a, b| a.0 == b.0);
        let used: Vec<u32> = groups.clone().map(|group| group[0].0).collect();
        let mut offsets: Vec<u32> = (groups.scan(0, |at, group| {
            let start = *at;
            *at += group.len() as u32;
            Some(start)
        }))
        .collect();
        offsets.push(pairs.len() as u32);
        let mut present = vec![0u64; numbers.div_ceil(64)];
        for n in &used {
            if let Some(word) = present.get_mut(*n as usize / 64) {
                *word |= 1 << (n % 64);
            }
        }
        Table {
            numbers: Some(used),
            present,
            offsets,
            items: pairs.into_iter().map(|(_, item)| item).collect(),
        }
    }

    /// The items of `number` (matching looks them up by [`Self::range`]).
    #[cfg(test)]
    fn get(&self, number: usize) -> &[T] {
        self.items_in(self.range(number))
    }

    /// Where the items of `number` are in the table's items (see [`Self::items_in`]): the
    /// range can be kept without borrowing the table, and looked up only once.
    fn range(&self, number: usize) -> std::ops::Range<usize> {
        let slot = match &self.numbers {
            None => number,
            Some(numbers) => {
                let present = self.present.get(number / 64);
                if present.is_none_or(|word| word >> (number % 64) & 1 == 0) {
                    return 0..0;
                }
                match numbers.binary_search(&(number as u32)) {
                    Ok(slot) => slot,
                    Err(_) => return 0..0,
                }
            }
        };
        match self.offsets.get(slot..slot + 2) {
            Some(&[from, to]) => from as usize..to as usize,
            _ => 0..0,
        }
    }

    /// The items at a range [`Self::range`] gave.
    fn items_in(&self, range: std::ops::Range<usize>) -> &[T] {
        &self.items[range]
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Per-thread working memory of [`PatternList::candidates`], kept between calls so that a
/// sentence costs no allocation for it. Marks are numbers of calls: a mark equal to `call`
/// was made in this call.
#[derive(Default)]
struct Scratch {
    /// Per literal number, the call that last saw it occur.
    seen: Vec<u32>,
    /// Per pattern, the call that last tested its filter sets, and (`passed`) the answer.
    tested: Vec<u32>,
    passed: Vec<bool>,
    /// The literal hits of this call that start patterns: where the literal's patterns
    /// are in the list's table ([`Table::range`]), and where the literal starts and ends.
    hits: Vec<(std::ops::Range<usize>, usize, usize)>,
    call: u32,
}

impl Scratch {
    /// Starts a call of a list with `literals` literal numbers and `patterns` patterns: a
    /// new call number, and marks for every number and pattern.
    fn start(&mut self, literals: usize, patterns: usize) -> u32 {
        if self.seen.len() < literals {
            self.seen.resize(literals, 0);
        }
        if self.tested.len() < patterns {
            self.tested.resize(patterns, 0);
            self.passed.resize(patterns, false);
        }
        self.call = self.call.wrapping_add(1);
        if self.call == 0 {
            self.seen.fill(0);
            self.tested.fill(0);
            self.call = 1;
        }
        self.hits.clear();
        self.call
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Where a candidate pattern is to be tried: from a literal's position, or anywhere.
const ANYWHERE: usize = usize::MAX;

/// A set of bytes, one bit per byte value.
type ByteSet = [u64; 4];

/// The sets of required bytes of a list ([`RequiredBytes`]) that a text holds a byte of,
/// found on first need (most lists have a pattern with required bytes, see
/// [`Pattern::required`]; a text is read for them once).
struct TextBytes<'t> {
    text: &'t [u8],
    required: &'t RequiredBytes,
    sets: Option<u32>,
}

impl<'t> TextBytes<'t> {
    fn new(text: &'t str, required: &'t RequiredBytes) -> Self {
        TextBytes {
            text: text.as_bytes(),
            required,
            sets: None,
        }
    }

    /// Whether the text holds one of the required bytes of the set of mask `required` (0:
    /// nothing is required).
    fn holds(&mut self, required: u32) -> bool {
        if required == 0 {
            return true;
        }
        let Some(sets_of) = self.required.sets_of.as_deref() else {
            return true;
        };
        let text = self.text;
        let present = (self.sets).get_or_insert_with(|| {
            text.iter()
                .fold(0, |sets, &b| sets | sets_of[usize::from(b)])
        });
        *present & required != 0
    }
}

/// Candidate patterns of a text with where to try each (see [`PatternList::candidates`]),
/// kept by [`PatternList::matching_keeping`] so that later questions about the same text
/// need no second prefilter pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidates(Vec<(u32, usize)>);

/// Sorts candidates by pattern, then position ([`ANYWHERE`] last), as `sort_unstable`
/// does. On a text shorter than 4 GiB each is sorted as one 64-bit number, the pattern
/// above the position (`ANYWHERE` as the greatest 32-bit one): half the bytes to move and
/// one comparison instead of two (sorting took a tenth of finding the candidates).
fn sort_candidates(candidates: &mut [(u32, usize)], text_len: usize) {
    if text_len >= u32::MAX as usize {
        candidates.sort_unstable();
        return;
    }
    let mut keys: Vec<u64> = (candidates.iter())
        .map(|&(p, at)| u64::from(p) << 32 | at.min(u32::MAX as usize) as u64)
        .collect();
    keys.sort_unstable();
    for (c, key) in candidates.iter_mut().zip(keys) {
        let at = key as u32;
        *c = (
            (key >> 32) as u32,
            if at == u32::MAX {
                ANYWHERE
            } else {
                at as usize
            },
        );
    }
}

/// The candidates (sorted by pattern) of the patterns in `range`.
fn in_range(candidates: &[(u32, usize)], range: std::ops::Range<usize>) -> &[(u32, usize)] {
    let start = candidates.partition_point(|(p, _)| (*p as usize) < range.start);
    let end = candidates.partition_point(|(p, _)| (*p as usize) < range.end);
    &candidates[start..end.max(start)]
}

impl PatternList {
    pub fn new(patterns: Vec<Pattern>) -> PatternList {
        let bundled =
            (patterns.iter()).all(|p| !matches!(p.literals, Some(PatternLiterals::Own(_))));
        // a list with a pattern of a user's pack numbers the distinct literals in order of
        // first appearance
        type Index<'a> = HashMap<&'a [u8], u32, BuildHasherDefault<TextHasher>>;
        fn number<'a>(
            l: Literal<'a>,
            bundled: bool,
            index: &mut Index<'a>,
            distinct: &mut Vec<&'a [u8]>,
        ) -> u32 {
            match l {
                Literal::Bundled(id) if bundled => id,
                _ => {
                    let bytes = l.bytes();
                    *index.entry(bytes).or_insert_with(|| {
                        distinct.push(bytes);
                        (distinct.len() - 1) as u32
                    })
                }
            }
        }
        let mut index = Index::default();
        let mut distinct: Vec<&[u8]> = Vec::new();
        let mut number = |l| number(l, bundled, &mut index, &mut distinct);
        let mut unfiltered = Vec::new();
        // the pairs of start literal and pattern, made at their final size (they grew a pair
        // at a time)
        let start_count = (patterns.iter().filter_map(|p| p.literals.as_ref()))
            .filter(|ls| !ls.at_end())
            .map(|ls| ls.starts().len())
            .sum();
        let mut starts: Vec<(u32, LiteralUse)> = Vec::with_capacity(start_count);
        let mut filters = FilterSets::with_patterns(patterns.len());
        let mut filter_only = Vec::new();
        let mut at_end = Vec::new();
        let mut required = RequiredBytes::default();
        for (i, p) in patterns.iter().enumerate() {
            let Some(ls) = (p.literals.as_ref()).filter(|ls| !ls.at_end()) else {
                if p.literals.is_some() {
                    at_end.push((i as u32, required.number(p.required)));
                } else {
                    unfiltered.push((i as u32, required.number(p.required)));
                }
                filters.push(None::<std::iter::Empty<_>>, &mut number);
                continue;
            };
            let used = LiteralUse {
                pattern: i as u32,
                backward: !ls.prefixes(),
                bounded: ls.bounded(),
            };
            for l in ls.starts().iter() {
                starts.push((number(l), used));
            }
            // a pattern without start literals is a candidate only by its filter sets (with
            // none, never)
            if !ls.has_starts() {
                filter_only.push((i as u32, required.number(p.required)));
            }
            let branches = (ls.has_filter() || !ls.has_starts()).then(|| ls.filter());
            match ls {
                // in a list of bundled patterns a literal's number is its bundled one, which
                // the written sets use
                PatternLiterals::Bundled { filter_code, .. } if bundled && branches.is_some() => {
                    filters.push_code(filter_code)
                }
                _ => filters.push(branches, &mut number),
            }
        }
        let numbers = if bundled {
            bundled::PREFILTER_LITERALS.len()
        } else {
            distinct.len()
        };
        let literals: Vec<Vec<u8>> = distinct.into_iter().map(<[u8]>::to_vec).collect();
        let literal_patterns = Table::new(numbers, starts);
        PatternList {
            patterns,
            bundled,
            has_literals: !literal_patterns.is_empty()
                || !filter_only.is_empty()
                || !at_end.is_empty(),
            literals,
            prefilter: OnceLock::new(),
            literal_patterns,
            literal_numbers: numbers,
            filters,
            filter_only,
            unfiltered,
            at_end,
            required,
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn regex(&self, i: usize) -> &meta::Regex {
        self.patterns[i].regex()
    }

    /// The patterns worth running on `text`, each with where to try it: sorted by pattern,
    /// then position ([`ANYWHERE`] last), without repeats.
    fn candidates(&self, text: &str) -> Vec<(u32, usize)> {
        let mut bytes = TextBytes::new(text, &self.required);
        let mut anywhere =
            |&(i, required): &(u32, u32)| bytes.holds(required).then_some((i, ANYWHERE));
        if !self.has_literals {
            return self.unfiltered.iter().filter_map(anywhere).collect();
        }
        let own = if self.bundled {
            None
        } else {
            let Some(ac) = self.prefilter() else {
                // more literals than the automaton takes: every pattern runs
                return (0..self.patterns.len() as u32)
                    .map(|i| (i, ANYWHERE))
                    .collect();
            };
            Some(ac)
        };
        // A pattern is pushed only when its filter sets pass (each set of one of its branches
        // has a literal in the text), so the prefilter pass first marks every literal that
        // occurs and keeps its hits, and the hits are then turned into candidates with the
        // filter sets of each pattern tested once. Pushing every hit's patterns and
        // removing those that fail after sorting sorted several times as many pairs (a
        // common start literal such as "data" starts dozens of patterns).
        let mut candidates: Vec<(u32, usize)> = Vec::with_capacity(32 + self.unfiltered.len());
        candidates.extend(self.unfiltered.iter().filter_map(&mut anywhere));
        SCRATCH.with_borrow_mut(|scratch| {
            let call = scratch.start(self.literal_numbers, self.patterns.len());
            let Scratch {
                seen,
                tested,
                passed,
                hits,
                ..
            } = scratch;
            let mut mark = {
                // the marks as a slice and the call by value: the prefilter's loop keeps
                // them in registers instead of reading them again for every literal
                let (seen, hits) = (&mut seen[..], &mut *hits);
                move |literal: usize, start: usize, end: usize| {
                    seen[literal] = call;
                    let patterns = self.literal_patterns.range(literal);
                    if !patterns.is_empty() {
                        hits.push((patterns, start, end));
                    }
                }
            };
            match own {
                None => bundled_literals_in(text, mark),
                Some(ac) => (ac.find_overlapping_iter(text))
                    .for_each(|m| mark(m.value() as usize, m.start(), m.end())),
            }
            let seen = &*seen;
            for (patterns, start, end) in hits.drain(..) {
                for used in self.literal_patterns.items_in(patterns) {
                    let pi = used.pattern as usize;
                    if tested[pi] != call {
                        tested[pi] = call;
                        passed[pi] = self.filters.pass(pi, seen, call);
                    }
                    // the boundary is tested last: most occurrences are of patterns whose
                    // filter sets fail
                    let at = if used.backward { end } else { start };
                    if passed[pi] && (!used.bounded || ascii_boundary(text.as_bytes(), at)) {
                        candidates.push((used.pattern, at));
                    }
                }
            }
            // the patterns searched backward from the end of the text
            for &(p, required) in &self.at_end {
                if bytes.holds(required) && self.patterns[p as usize].may_end_at_end_of(text) {
                    candidates.push((p, text.len()));
                }
            }
            // the patterns without start literals whose filter sets pass
            for &(p, required) in &self.filter_only {
                if bytes.holds(required) && self.filters.pass(p as usize, seen, call) {
                    candidates.push((p, ANYWHERE));
                }
            }
        });
        sort_candidates(&mut candidates, text.len());
        candidates.dedup();
        candidates
    }

    /// The automaton over the prefilter literals of a list that is not `bundled`, built on
    /// first use.
    fn prefilter(&self) -> Option<&Prefilter> {
        self.prefilter
            .get_or_init(|| Prefilter::new(&self.literals).ok().map(OwnPrefilter))
            .as_ref()
            .map(|own| &own.0)
    }

    /// Builds the prefilter of a list that is not `bundled` now (for a thread that prepares
    /// what checking will need while the first statement is read; the bundled one is
    /// ready).
    pub fn warm_up(&self) {
        if self.has_literals && !self.bundled {
            let _ = self.prefilter();
        }
    }

    /// Indices, ascending, of the patterns that match `text`.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        self.matching_in(text, 0..self.patterns.len())
    }

    /// Indices, ascending, of the patterns among `range` that match `text` (the others are
    /// not run).
    pub fn matching_in(&self, text: &str, range: std::ops::Range<usize>) -> Vec<usize> {
        self.matching_where(text, |p| range.contains(&p))
    }

    /// Indices, ascending, of the patterns `run` takes that match `text` (the others are
    /// not run).
    pub fn matching_where(&self, text: &str, run: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut candidates = self.candidates(text);
        candidates.retain(|(p, _)| run(*p as usize));
        self.matching_among(text, &candidates)
    }

    /// [`Self::matching`], with the candidates among `keep` kept for [`Self::find_among`]
    /// on the same text (one prefilter pass serves both).
    pub fn matching_keeping(
        &self,
        text: &str,
        keep: std::ops::Range<usize>,
    ) -> (Vec<usize>, Candidates) {
        let candidates = self.candidates(text);
        let matching = self.matching_among(text, &candidates);
        (matching, Candidates(in_range(&candidates, keep).to_vec()))
    }

    /// The patterns of `candidates` (sorted, see [`Self::candidates`]) that match `text`.
    fn matching_among(&self, text: &str, candidates: &[(u32, usize)]) -> Vec<usize> {
        candidates
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|group| self.matches_at(text, group))
            .map(|group| group[0].0 as usize)
            .collect()
    }

    /// Indices, ascending, of the patterns that match `text`, each with where its leftmost
    /// match starts, when the prefilter tells: every match of a pattern searched forward
    /// from its prefix literals starts at one of them, so the first of their positions a
    /// match starts at is where the leftmost one does, and the full expression is not
    /// needed. `None`: ask [`Self::regex`]. (A window of the automata counts bytes, see
    /// [`super::literals::automaton_syntax`]: next to accented letters a start may be a
    /// later one than the full expression's.)
    pub fn matching_starts(&self, text: &str) -> Vec<(usize, Option<usize>)> {
        self.candidates(text)
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|group| {
                let p = group[0].0 as usize;
                let pattern = &self.patterns[p];
                let anywhere = group.last().is_some_and(|(_, at)| *at == ANYWHERE);
                if anywhere || pattern.backward() {
                    return self.matches_at(text, group).then_some((p, None));
                }
                let (_, start) = group.iter().find(|(_, at)| pattern.starts_at(text, *at))?;
                Some((p, Some(*start)))
            })
            .collect()
    }

    /// Where the `patterns` match `text`: per pattern (in their order), its matches as
    /// `regex::Regex::find_iter` gives them. A pattern whose automaton runs forward from
    /// its prefix literals finds them there on an ASCII text (on any text, when it has no
    /// class the automaton reads byte-wise), where its automaton and its full expression
    /// read alike, without compiling the full expression: every match
    /// starts at a prefix literal, the leftmost one at the first literal from which the
    /// automaton matches, and that automaton (leftmost-first, like the full expression)
    /// says where it ends.
    pub fn find_in(
        &self,
        text: &str,
        patterns: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, std::ops::Range<usize>)> {
        self.find_among(text, &Candidates(self.candidates(text)), patterns)
    }

    /// [`Self::find_in`] with the candidates [`Self::matching_keeping`] kept for `text`
    /// (`patterns` among those it kept).
    pub fn find_among(
        &self,
        text: &str,
        candidates: &Candidates,
        patterns: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        for p in patterns {
            let group = in_range(&candidates.0, p..p + 1);
            if group.is_empty() {
                continue;
            }
            let pattern = &self.patterns[p];
            if let Some(found) = pattern.find_from_literals(text, group) {
                out.extend(found.into_iter().map(|m| (p, m)));
            } else if self.matches_at(text, group) {
                out.extend((pattern.regex().find_iter(text)).map(|m| (p, m.range())));
            }
        }
        out
    }

    /// Whether the pattern of a candidate group (one pattern, its positions) matches.
    fn matches_at(&self, text: &str, group: &[(u32, usize)]) -> bool {
        let pattern = &self.patterns[group[0].0 as usize];
        if group.last().is_some_and(|(_, at)| *at == ANYWHERE) {
            return pattern.is_match(text, None);
        }
        group
            .iter()
            .any(|(_, at)| pattern.is_match(text, Some(*at)))
    }

    /// Whether any pattern matches `text`.
    pub fn any_match(&self, text: &str) -> bool {
        self.candidates(text)
            .chunk_by(|a, b| a.0 == b.0)
            .any(|group| self.matches_at(text, group))
    }
}

#[cfg(test)]
mod tests {
    use super::{Pattern, PatternList};

    /// The filter sets `build.rs` wrote for each bundled pattern are those
    /// `FilterSets::push` makes of its literals.
    #[test]
    fn every_written_filter_code_is_what_the_filter_sets_make() {
        let mut written = 0;
        for i in 0..super::Pattern::bundled_count() {
            let pattern = super::Pattern::bundled_at(i);
            let Some(ls @ super::PatternLiterals::Bundled { filter_code, .. }) = &pattern.literals
            else {
                continue;
            };
            let mut made = super::FilterSets::with_patterns(1);
            made.push(Some(ls.filter()), |l| match l {
                super::Literal::Bundled(id) => id,
                super::Literal::Own(_) => unreachable!("a bundled pattern's literals are numbered"),
            });
            let mut read = super::FilterSets::with_patterns(1);
            read.push_code(filter_code);
            assert_eq!(made.at, read.at, "{}", pattern.prepared);
            assert_eq!(made.code, read.code, "{}", pattern.prepared);
            written += usize::from(ls.has_filter());
        }
        assert!(written > 500, "{written}");
    }

    fn list(patterns: &[&str]) -> PatternList {
        PatternList::new(patterns.iter().map(|p| Pattern::new(p).unwrap()).collect())
    }

    /// Whether the anchored automaton `build.rs` wrote at `at` reads back with every
    /// transition validated, and whether it is dense.
    fn anchored_automaton_is_valid(
        ((at, len), dense): super::bundled::AutomatonAt,
    ) -> (bool, bool) {
        let valid = if dense {
            let bytes = &super::bundled::DENSE_AUTOMATA.bytes[at..at + len];
            super::dense::DFA::from_bytes(bytes).is_ok()
        } else {
            let bytes = &super::bundled::AUTOMATA[at..at + len];
            super::sparse::DFA::from_bytes(bytes).is_ok()
        };
        (valid, dense)
    }

    #[test]
    fn every_bundled_automaton_passes_full_validation() {
        let (mut anchored, mut unanchored, mut dense) = (0, 0, 0);
        for (pattern, _, literals, automaton) in super::bundled::LITERALS {
            let Some(at) = automaton else {
                continue;
            };
            match literals {
                Some((_, _, at_end, starts, _, _)) if !starts.is_empty() || *at_end => {
                    let (valid, is_dense) = anchored_automaton_is_valid(*at);
                    assert!(valid, "{pattern}");
                    anchored += 1;
                    dense += usize::from(is_dense);
                }
                _ => {
                    let ((at, len), is_dense) = *at;
                    assert!(is_dense, "{pattern}");
                    let bytes = &super::bundled::DENSE_AUTOMATA.bytes[at..at + len];
                    assert!(super::dense::DFA::from_bytes(bytes).is_ok(), "{pattern}");
                    unanchored += 1;
                }
            }
        }
        // and the pieces of the patterns cut at their word windows
        let mut pieces = 0;
        for (index, branches) in super::bundled::SPLITS {
            let (pattern, _, _, _) = super::bundled::LITERALS[*index];
            for at in branches.iter().flat_map(|(pieces, _)| pieces.iter()) {
                let (valid, is_dense) = anchored_automaton_is_valid(*at);
                assert!(valid, "{pattern}");
                pieces += 1;
                dense += usize::from(is_dense);
            }
        }
        // both forms are in use: the small anchored automata dense, the big ones sparse
        assert!(dense > 100 && dense < anchored + pieces, "{dense}");
        // the lexicons have hundreds of patterns small enough to precompile, and a few
        // without start literals (an e-mail address, a postcode) that search whole texts
        assert!(anchored > 100, "{anchored}");
        assert!(unanchored >= 5, "{unanchored}");
        assert!(pieces > 100, "{pieces}");
    }

    #[test]
    fn the_bundled_patterns_are_prepared_as_at_run_time() {
        for (pattern, prepared, _, _) in super::bundled::LITERALS {
            assert_eq!(*prepared, super::prepare(pattern), "{pattern}");
        }
    }

    const TEXTS: [&str; 5] = [
        "we keep your invoices for seven years because tax law requires it, then we delete them.",
        "you can ask us for a copy of your personal data, or have it corrected at any time.",
        "wij bewaren uw gegevens zeven jaar vanwege de fiscale bewaarplicht en verwijderen ze daarna.",
        "we share your e-mail address with our payment provider (stripe) and with google analytics.",
        "u kunt een klacht indienen bij de autoriteit persoonsgegevens of ons mailen.",
    ];

    /// `TEXTS` and every line of the team's statements, normalised as sentences are.
    fn sample_lines() -> Vec<String> {
        (TEXTS.iter().map(|t| t.to_string()))
            .chain(
                crate::extract::team_corpus_lines()
                    .iter()
                    .map(|l| crate::extract::lexicon::normalise(l)),
            )
            .collect()
    }

    /// What the unchecked table reads of `prefilter_step` rely on.
    #[test]
    fn every_prefilter_transition_is_a_state_and_every_class_a_column() {
        let table = super::prefilter_table();
        let classes = super::bundled::PREFILTER_CLASSES;
        assert_eq!(table.len() % classes, 0);
        let states = table.len() / classes;
        assert!(states > super::bundled::PREFILTER_FIRST_REPORTING);
        assert!(table.iter().all(|t| usize::from(u16::from_le(*t)) < states));
        assert!((super::bundled::PREFILTER_COLUMNS.iter()).all(|c| usize::from(*c) < classes));
        // the outputs of each reporting state, read unchecked by `bundled_literals_in`
        let at = super::bundled::PREFILTER_OUTPUTS_AT;
        assert_eq!(
            at.len(),
            states - super::bundled::PREFILTER_FIRST_REPORTING + 1
        );
        assert!(at.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            at.last()
                .is_some_and(|l| *l as usize <= super::bundled::PREFILTER_OUTPUTS.len())
        );
    }

    #[test]
    fn the_bundled_prefilter_finds_what_one_built_now_finds() {
        let built = super::Prefilter::new(super::bundled::PREFILTER_LITERALS).unwrap();
        let by_daachorse = |text: &str| {
            let mut found: Vec<(usize, usize, u32)> = (built.find_overlapping_iter(text))
                .map(|m| (m.start(), m.end(), m.value()))
                .collect();
            found.sort_unstable();
            found
        };
        let bundled = |text: &str| {
            let mut found = Vec::new();
            super::bundled_literals_in(text, |id, start, end| found.push((start, end, id as u32)));
            found.sort_unstable();
            found
        };
        // the sample sentences, and every literal beside another
        let literals = super::bundled::PREFILTER_LITERALS;
        let pairs = (literals.iter().zip(literals.iter().rev().cycle().skip(7)))
            .map(|(a, b)| String::from_utf8_lossy(&[*a, b" ", b].concat()).into_owned());
        let mut total = 0;
        for text in sample_lines().into_iter().chain(pairs) {
            let expected = by_daachorse(&text);
            assert_eq!(bundled(&text), expected, "{text}");
            for (start, end, id) in &expected {
                let literal = super::bundled::PREFILTER_LITERALS[*id as usize];
                assert_eq!(&text.as_bytes()[*start..*end], literal);
            }
            total += expected.len();
        }
        assert!(total > 100, "{total}");
    }

    #[test]
    fn a_list_with_a_pattern_of_its_own_numbers_its_literals_itself_and_matches_the_same() {
        let bundled: Vec<&str> = (super::bundled::LITERALS.iter())
            .map(|(p, _, _, _)| *p)
            .collect();
        let own = r"\bzebra crossings?\b";
        assert!(Pattern::bundled(own).is_none());
        let all = list(&bundled);
        let mut with_own = bundled.clone();
        with_own.push(own);
        let mixed = list(&with_own);
        assert!(all.bundled && !mixed.bundled);
        for text in TEXTS
            .iter()
            .chain(&["we collect where you park near a zebra crossing."])
        {
            let mut expected = all.matching(text);
            if text.contains("zebra") {
                expected.push(bundled.len());
            }
            assert_eq!(mixed.matching(text), expected, "{text}");
        }
    }

    #[test]
    fn match_starts_the_prefilter_tells_are_those_of_the_full_expression() {
        let bundled: Vec<&str> = (super::bundled::LITERALS.iter())
            .map(|(p, _, _, _)| *p)
            .collect();
        let all = list(&bundled);
        let mut told = 0;
        for text in TEXTS {
            let starts = all.matching_starts(text);
            let indices: Vec<usize> = starts.iter().map(|(p, _)| *p).collect();
            assert_eq!(indices, all.matching(text), "{text}");
            for (p, start) in starts.into_iter().filter_map(|(p, s)| Some((p, s?))) {
                let full = all.regex(p).find(text).map(|m| m.start());
                assert_eq!(Some(start), full, "{} in {text}", bundled[p]);
                told += 1;
            }
        }
        assert!(told > 20, "{told}");
    }

    /// The lean full expression of every bundled pattern finds what `regex::Regex` finds,
    /// on the lines of the team's statements (normalised as sentences are).
    #[test]
    fn the_full_expressions_find_what_the_regex_crate_finds() {
        let lines = sample_lines();
        let mut matches = 0;
        for (pattern, prepared, _, _) in super::bundled::LITERALS {
            let lean = Pattern::new(pattern).expect("bundled pattern");
            let reference = super::build(prepared).expect("bundled pattern compiles");
            for line in &lines {
                let want: Vec<(usize, usize)> = (reference.find_iter(line))
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let got: Vec<(usize, usize)> = (lean.regex().find_iter(line.as_str()))
                    .map(|m| (m.start(), m.end()))
                    .collect();
                assert_eq!(got, want, "{pattern} on {line:?}");
                matches += got.len();
            }
        }
        assert!(matches > 1000, "{matches}");
    }

    #[test]
    fn a_text_holds_the_required_bytes_of_a_set_where_it_holds_one_of_them() {
        let set = |bytes: &[u8]| {
            let mut set = [0u64; 4];
            bytes
                .iter()
                .for_each(|b| set[usize::from(b / 64)] |= 1 << (b % 64));
            set
        };
        let mut required = super::RequiredBytes::default();
        assert_eq!(required.number(None), 0);
        let digits = required.number(Some(set(b"0123456789")));
        let at = required.number(Some(set(b"@")));
        let high = required.number(Some(set(&[0xC2, 0xFF])));
        assert_eq!((digits, at, high), (1, 2, 4));
        assert_eq!(required.number(Some(set(b"0123456789"))), digits);
        // past 32 sets, a set is not tested: its patterns run on every text
        for b in 0..40u8 {
            required.number(Some(set(&[b'a' + b % 26, b])));
        }
        assert_eq!(required.sets.len(), 32);
        assert_eq!(required.number(Some(set(b"!?"))), 0);
        for (text, expected) in [
            ("call 112", [true, false, false, true]),
            ("mail a@b.nl", [false, true, false, true]),
            ("no\u{a0}break", [false, false, true, true]),
            ("", [false, false, false, true]),
        ] {
            let mut bytes = super::TextBytes::new(text, &required);
            let got = [digits, at, high, 0].map(|mask| bytes.holds(mask));
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn the_start_states_kept_are_those_the_automata_give_for_every_byte_before_the_start() {
        fn check(dfa: &impl regex_automata::dfa::Automaton, starts: &super::StartStates) {
            let looks = (0..=255u8).map(Some).chain([None]);
            for look_behind in looks {
                let config = super::start::Config::new()
                    .anchored(super::Anchored::Yes)
                    .look_behind(look_behind);
                let want = dfa.start_state(&config).expect("no quit bytes");
                assert_eq!(starts.after(look_behind), want, "{look_behind:?}");
            }
        }
        let mut checked = 0;
        for (pattern, _, _, _) in super::bundled::LITERALS {
            let pattern = Pattern::new(pattern).expect("bundled pattern");
            let dfas: Vec<&super::AnchoredDfa> = match pattern.automaton() {
                Some(super::Automaton::FromLiteral(dfa)) => vec![dfa],
                Some(super::Automaton::Split(branches)) => {
                    branches.iter().flat_map(|b| &b.pieces).collect()
                }
                _ => continue,
            };
            for dfa in dfas {
                match dfa {
                    super::AnchoredDfa::Dense(d, s) => check(d, s),
                    super::AnchoredDfa::Sparse(d, s) => check(d, s),
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn the_anchored_walk_answers_as_the_earliest_search_of_the_automaton() {
        use regex_automata::dfa::Automaton as _;
        let lines = sample_lines();
        let (mut searched, mut yes) = (0, 0);
        for (pattern, _, _, _) in super::bundled::LITERALS {
            let pattern = Pattern::new(pattern).expect("bundled pattern");
            let Some(super::Automaton::FromLiteral(dfa)) = pattern.automaton() else {
                continue;
            };
            let Some(literals) = &pattern.literals else {
                continue;
            };
            let backward = pattern.backward();
            let starts: Vec<&[u8]> = literals.starts().iter().map(|l| l.bytes()).collect();
            for line in &lines {
                let text = line.as_bytes();
                // from each of its literals, and from the ends of the text
                let mut places = vec![0, text.len()];
                for literal in &starts {
                    let found = memchr::memmem::find_iter(text, literal);
                    places.extend(found.map(|at| if backward { at + literal.len() } else { at }));
                }
                for at in places {
                    let input = super::Input::new(text)
                        .anchored(super::Anchored::Yes)
                        .earliest(true);
                    let (want, got) = match dfa {
                        super::AnchoredDfa::Dense(d, s) if backward => (
                            d.try_search_rev(&input.range(..at)),
                            super::anchored_match(d, s, text, at, true),
                        ),
                        super::AnchoredDfa::Dense(d, s) => (
                            d.try_search_fwd(&input.range(at..)),
                            super::anchored_match(d, s, text, at, false),
                        ),
                        super::AnchoredDfa::Sparse(d, s) if backward => (
                            d.try_search_rev(&input.range(..at)),
                            super::anchored_match(d, s, text, at, true),
                        ),
                        super::AnchoredDfa::Sparse(d, s) => (
                            d.try_search_fwd(&input.range(at..)),
                            super::anchored_match(d, s, text, at, false),
                        ),
                    };
                    let want = want.expect("no quit bytes").is_some();
                    assert_eq!(got, Some(want), "{} at {at} of {line:?}", pattern.prepared);
                    searched += 1;
                    yes += usize::from(want);
                }
            }
        }
        assert!(yes > 1000 && searched > 10 * yes, "{yes} of {searched}");
    }

    #[test]
    fn a_pattern_cut_at_its_windows_answers_as_its_whole_automaton() {
        // windows a few bytes short of, at and past their length, and broken by a full
        // stop, on top of the team's statements
        let mut lines = sample_lines();
        for n in 30..=84 {
            let gap = "x".repeat(n);
            lines.push(format!("we share {gap} with them"));
            lines.push(format!("we share {} with them", gap.replacen('x', ".", 1)));
            lines.push(format!("wij delen {gap} met hen"));
            // searched backward from their last words
            lines.push(format!("you {gap} can correct it"));
            lines.push(format!("you can {gap} correct it"));
            lines.push(format!("u kunt {gap} uw gegevens te verwijderen"));
        }
        let (mut cut, mut backward, mut yes, mut no) = (0, 0, 0, 0);
        for (pattern, prepared, _, _) in super::bundled::LITERALS {
            let cut_pattern = Pattern::new(pattern).expect("bundled pattern");
            let Some(super::Automaton::Split(_)) = cut_pattern.automaton() else {
                continue;
            };
            cut += 1;
            let reverse = cut_pattern.backward();
            backward += usize::from(reverse);
            let whole = super::build_lazy_dfa(prepared, reverse).expect("lazy automaton");
            let mut cache = whole.dfa.create_cache();
            let Some(super::PatternLiterals::Bundled { starts, .. }) = &cut_pattern.literals else {
                panic!("{pattern}: a cut pattern is searched from its literals");
            };
            for line in &lines {
                for id in *starts {
                    let literal = super::bundled::PREFILTER_LITERALS[*id as usize];
                    let literal = std::str::from_utf8(literal).expect("ASCII literal");
                    for (at, _) in line.match_indices(literal) {
                        let at = if reverse { at + literal.len() } else { at };
                        let input = super::Input::new(line.as_str())
                            .anchored(super::Anchored::Yes)
                            .earliest(true);
                        let want = if reverse {
                            whole.dfa.try_search_rev(&mut cache, &input.range(..at))
                        } else {
                            whole.dfa.try_search_fwd(&mut cache, &input.range(at..))
                        };
                        let want = want.expect("no quit bytes").is_some();
                        let got = cut_pattern.automaton_match(line, Some(at));
                        assert_eq!(got, Some(want), "{pattern} at {at} of {line:?}");
                        if want { yes += 1 } else { no += 1 }
                    }
                }
            }
        }
        // the patterns with word windows are cut (over a hundred and fifty, in both
        // directions), and the lines exercise both answers
        assert!(cut >= 150, "{cut}");
        assert!(backward > 0, "{backward}");
        assert!(yes > 100 && no > 5000, "{yes} {no}");
    }

    #[test]
    fn matches_found_from_the_literals_are_those_of_the_full_expressions() {
        let lines: Vec<String> = (sample_lines().into_iter())
            .chain([
                // overlapping and adjacent matches, and one at the very end
                "third parties and third parties, third parties".to_string(),
                "we share it with google analytics, google analytics and firebase".to_string(),
                // not ASCII: the automata of patterns without byte-wise classes find these too
                "third parties’ “cookies” – third parties… and café partners".to_string(),
                "wij delen uw gegevens met derden, zoals één verwerker in belgië".to_string(),
            ])
            .collect();
        let patterns: Vec<Pattern> = (super::bundled::LITERALS.iter())
            .map(|(p, _, _, _)| Pattern::new(p).expect("bundled pattern"))
            .collect();
        let from_literals = (patterns.iter())
            .filter(|p| matches!(p.automaton(), Some(super::Automaton::FromLiteral(_))))
            .filter(|p| !p.backward())
            .count();
        let list = PatternList::new(patterns);
        let (mut found, mut ascii) = (0, 0);
        for line in &lines {
            ascii += usize::from(line.is_ascii());
            let got = list.find_in(line, 0..list.len());
            let mut want = Vec::new();
            for p in 0..list.len() {
                want.extend((list.regex(p).find_iter(line.as_str())).map(|m| (p, m.range())));
            }
            assert_eq!(got, want, "{line:?}");
            found += got.len();
        }
        // most patterns read forward from their literals, and most lines are ASCII
        assert!(from_literals > 300, "{from_literals}");
        assert!(ascii * 2 > lines.len(), "{ascii} of {}", lines.len());
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn warming_up_builds_the_prefilter_and_matching_is_unchanged() {
        let patterns = [
            r"\bretain(ed)?\b[^.]{0,40}\byears?\b",
            r"\bthird part(y|ies)\b",
        ];
        let cold = list(&patterns);
        let warm = list(&patterns);
        assert!(warm.prefilter.get().is_none());
        warm.warm_up();
        assert!(warm.prefilter.get().is_some_and(Option::is_some));
        let text = "we retained it for seven years and shared it with third parties";
        assert_eq!(warm.matching(text), vec![0, 1]);
        assert_eq!(cold.matching(text), warm.matching(text));
        assert_eq!(warm.matching("nothing here"), Vec::<usize>::new());
    }

    #[test]
    fn filter_sets_pass_when_one_branch_has_a_literal_of_each_set() {
        // pattern 0: no sets; 1: branches {a|b, c} and {d}, the larger set given first;
        // 2: no branches (never passes)
        let own = |sets: &[&[&str]]| -> Vec<Vec<Vec<u8>>> {
            (sets.iter())
                .map(|set| set.iter().map(|l| l.as_bytes().to_vec()).collect())
                .collect()
        };
        let first = own(&[&["a", "b"], &["c"]]);
        let second = own(&[&["d"]]);
        let mut names: Vec<Vec<u8>> = Vec::new();
        let mut number = |l: super::Literal<'_>| {
            let bytes = l.bytes().to_vec();
            let at = names
                .iter()
                .position(|n| *n == bytes)
                .unwrap_or(names.len());
            if at == names.len() {
                names.push(bytes);
            }
            at as u32
        };
        let mut sets = super::FilterSets::default();
        sets.push(None::<std::iter::Empty<_>>, &mut number);
        let branches = [
            super::FilterBranch::Own(&first),
            super::FilterBranch::Own(&second),
        ];
        sets.push(Some(branches.into_iter()), &mut number);
        sets.push(Some(std::iter::empty()), &mut number);
        let id = |l: &str| names.iter().position(|n| n == l.as_bytes()).unwrap() as u32;
        let pass = |p: usize, present: &[&str]| {
            let mut seen = vec![0; names.len()];
            for l in present {
                seen[id(l) as usize] = 1;
            }
            sets.pass(p, &seen, 1)
        };
        assert!(pass(0, &[]));
        assert!(pass(1, &["a", "c"]));
        assert!(pass(1, &["c", "b"]));
        assert!(pass(1, &["d"]));
        assert!(!pass(1, &["a", "b"]));
        assert!(!pass(1, &["c"]));
        // the first branch fails at its second set, and the skip lands on the second branch
        assert!(pass(1, &["c", "d"]));
        assert!(!pass(1, &[]));
        assert!(!pass(2, &["a", "b", "c", "d"]));
    }

    #[test]
    fn a_pattern_with_filter_sets_matches_as_its_full_expression() {
        // patterns of no bundled lexicon, so the list numbers its literals and builds its
        // own prefilter: two with filter sets for the words after their start literals, and
        // an address whose literals are its `@` or its ending
        let patterns = [
            r"\bwe\b[^.]{0,40}\b(delete|erase)\b[^.]{0,40}\b(data|information)\b",
            r"\b(you|users) can (ask|request)\b[^.]{0,30}\b(copy|access)\b",
            r"[a-z]+@[a-z]+\.(com|nl)\b",
        ];
        let own: Vec<&str> = patterns.to_vec();
        for p in &own {
            assert!(Pattern::bundled(p).is_none(), "{p}");
        }
        let filtered = (own.iter())
            .filter(|p| {
                let pattern = Pattern::new(p).unwrap();
                pattern.literals.as_ref().is_some_and(|l| l.has_filter())
            })
            .count();
        assert!(filtered >= 2, "{filtered}");
        let list = list(&own);
        let texts = [
            "we will delete your data on request.",
            "we will delete your account. data is kept",
            "we erase it. information",
            "we keep information and may erase it.",
            "you can request a copy of your data.",
            "users can ask for access.",
            "you can ask us anything. copy",
            "mail privacy@example.com or info@example.nl today",
            "mail privacy at example dot com",
        ];
        for text in texts {
            let want: Vec<usize> = (0..list.len())
                .filter(|p| list.regex(*p).is_match(text))
                .collect();
            assert_eq!(list.matching(text), want, "{text}");
        }
    }

    #[test]
    fn a_candidate_is_every_start_of_a_pattern_whose_filter_sets_pass() {
        // a pattern of no bundled lexicon: its start literals are its verbs (prefixes), its
        // filter set the nouns after them
        let text = r"\b(delete|erase)\b[^.]{0,40}\b(account|profile)\b";
        let pattern = Pattern::new(text).unwrap();
        let literals = pattern.literals.as_ref().unwrap();
        assert!(literals.prefixes() && literals.has_filter());
        let starts: Vec<&[u8]> = literals
            .starts()
            .iter()
            .map(super::Literal::bytes)
            .collect();
        assert_eq!(starts, [&b"delete"[..], b"erase"]);
        let list = PatternList::new(vec![pattern]);
        let candidates = |s: &str| -> Vec<usize> {
            let c = list.candidates(s);
            assert!(c.iter().all(|(p, _)| *p == 0), "{c:?}");
            c.into_iter().map(|(_, at)| at).collect()
        };
        // every position of a start literal, ascending, once, when a filter literal occurs
        // (here only after the last start)
        assert_eq!(
            candidates("erase or delete, then erase. account"),
            [0, 9, 22]
        );
        // no filter literal: no candidate, however many starts
        assert!(candidates("erase or delete, then erase.").is_empty());
        // a filter literal without a start: none either
        assert!(candidates("your profile and account").is_empty());
        // each call tests the filter sets anew
        assert_eq!(candidates("profile: delete"), [9]);
        assert!(candidates("delete").is_empty());
    }

    #[test]
    fn a_start_literal_inside_a_word_is_no_candidate_of_a_bounded_pattern() {
        let list = PatternList::new(vec![
            Pattern::new(r"\b(delete|erase)\b[^.]{0,40}\baccount\b").unwrap(),
            Pattern::new(r"(delete|erase)[^.]{0,40}\baccount\b").unwrap(),
        ]);
        // "delete" inside "undelete" is no start of the first
        let text = "undelete or delete_me or erased, delete-account";
        assert_eq!(
            list.candidates(text),
            [(0, 12), (0, 25), (0, 33), (1, 2), (1, 12), (1, 25), (1, 33)]
        );
        assert!(super::ascii_boundary(b"a b", 0) && super::ascii_boundary(b"a b", 3));
        assert!(!super::ascii_boundary(b"a_b", 1) && !super::ascii_boundary(b"", 0));
    }

    #[test]
    fn a_pattern_searched_from_the_end_of_the_text_matches_as_its_full_expression() {
        let text = r"[a-z0-9)] (the )?(usa|india|united states)\s*$";
        let pattern = Pattern::new(text).unwrap();
        assert!(pattern.literals.as_ref().is_some_and(|ls| ls.at_end()));
        let full = regex::Regex::new(text).unwrap();
        let list = PatternList::new(vec![pattern]);
        for text in [
            "stripe  payments  usa",
            "hosting (the united states)  ",
            "we process data in the usa.",
            "usa",
            "india pale ale is served",
            "",
        ] {
            assert_eq!(
                list.matching(text),
                [0][..usize::from(full.is_match(text))],
                "{text}"
            );
        }
    }

    #[test]
    fn candidates_sort_as_pairs_do() {
        let any = super::ANYWHERE;
        let mut pairs = vec![
            (7, 3),
            (2, any),
            (7, 1),
            (2, 0),
            (0, 9),
            (7, any),
            (2, 0),
            (1, 5),
        ];
        let mut want = pairs.clone();
        want.sort_unstable();
        super::sort_candidates(&mut pairs, 100);
        assert_eq!(pairs, want);
    }

    #[test]
    fn a_sparse_table_gives_what_a_dense_one_gives() {
        // items of a few numbers out of many (sparse) and of most of few numbers (dense),
        // with repeats of a number in its order and numbers given out of order
        let pairs: Vec<(u32, u16)> = vec![(7, 1), (3, 2), (7, 3), (0, 4), (9, 5), (3, 6)];
        let sparse = super::Table::new(1000, pairs.clone());
        let dense = super::Table::new(10, pairs);
        assert!(sparse.numbers.is_some() && dense.numbers.is_none());
        for number in 0..1000 {
            let expected: &[u16] = match number {
                0 => &[4],
                3 => &[2, 6],
                7 => &[1, 3],
                9 => &[5],
                _ => &[],
            };
            assert_eq!(sparse.get(number), expected, "{number}");
            assert_eq!(dense.get(number), expected, "{number}");
        }
        assert!(super::Table::<u16>::new(1000, Vec::new()).get(5).is_empty());
    }
}
