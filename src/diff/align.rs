//! Section alignment: matching the sections of two revisions by heading and by content,
//! finding moves (sections outside the longest run kept in order), renames (same content,
//! new heading), and paragraph- and word-level changes inside matched sections.
//!
//! Matching compares *bags of words*: each section and paragraph carries its words as
//! sorted 64-bit fingerprints, computed once, so the similarity of two texts is one linear
//! merge (Dice coefficient) instead of a word diff. Word diffs (`similar`) run only on the
//! paragraphs that are finally paired as changed, once each.

use super::{Options, ParagraphChange, SectionChange, SectionRef, WordEdit};
use crate::analysis::DocumentAnalysis;
use crate::extract::values;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};
use std::collections::BTreeMap;

/// A section reduced to what the diff compares.
#[derive(Debug, Clone)]
pub struct Unit {
    pub reference: SectionRef,
    /// Normalised heading (empty for the preamble).
    pub key: String,
    /// Normalised paragraph texts with their first lines and display texts.
    pub paragraphs: Vec<(String, usize, String)>,
    /// Word fingerprints of each paragraph (same order as `paragraphs`).
    pub paragraph_words: Vec<Words>,
    pub content: String,
    /// Word fingerprints of the whole section content.
    pub words: Words,
}

/// The words of a text as sorted fingerprints: a multiset for similarity by overlap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words(Vec<u64>);

impl Words {
    pub fn of(text: &str) -> Words {
        let mut v: Vec<u64> = text.split_whitespace().map(fingerprint).collect();
        v.sort_unstable();
        Words(v)
    }

    /// Dice coefficient of the two multisets: 2·|common| / (|a| + |b|), 0.0–1.0.
    pub fn similarity(&self, other: &Words) -> f64 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (2 * common) as f64 / (a.len() + b.len()) as f64
    }
}

/// FNV-1a: a fixed, deterministic 64-bit hash of a word.
fn fingerprint(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Text as compared: straight quotes and dashes, folded white space; optionally without
/// dates or leading numbering.
pub fn normalise(text: &str, options: Options, heading: bool) -> String {
    let mut t: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '‑' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    if options.ignore_dates {
        for (r, _) in values::dates(&t.clone()).into_iter().rev() {
            t.replace_range(r.0..r.1, "<date>");
        }
    }
    let mut t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if options.ignore_numbering {
        t = strip_numbering(&t);
    }
    if heading {
        t = t.trim_end_matches([':', '.']).to_lowercase();
    }
    t
}

/// Drop leading numbering: "3.", "3.2", "a)", "Artikel 5", "Article 5".
fn strip_numbering(text: &str) -> String {
    let mut rest = text;
    for word in ["Artikel ", "artikel ", "Article ", "article "] {
        if let Some(r) = rest.strip_prefix(word) {
            rest = r;
        }
    }
    let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let trimmed = if trimmed.len() < rest.len() {
        trimmed
    } else {
        // "a) " or "b. " list letters
        let mut chars = rest.chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(c), Some(')' | '.'), Some(' ')) if c.is_ascii_alphabetic() => &rest[2..],
            _ => rest,
        }
    };
    trimmed.trim_start().to_string()
}

/// The sections of an analysed revision as comparable units.
pub fn units(a: &DocumentAnalysis, options: Options) -> Vec<Unit> {
    let doc = &a.document;
    let idx = &doc.source.line_index;
    let mut out = Vec::new();
    for (i, s) in doc.sections.iter().enumerate() {
        let (b0, b1) = s.blocks;
        let mut paragraphs = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate().take(b1).skip(b0) {
            if Some(bi) == s.heading {
                continue;
            }
            let n = normalise(&block.text, options, false);
            if !n.is_empty() {
                paragraphs.push((n, idx.line(block.span.start), block.text.clone()));
            }
        }
        if s.heading.is_none() && paragraphs.is_empty() {
            continue;
        }
        let first_line = doc.blocks.get(b0).map_or(1, |b| idx.line(b.span.start));
        let last_line = if b1 > b0 {
            idx.lines(doc.blocks[b1 - 1].span).1
        } else {
            first_line
        };
        let content = paragraphs
            .iter()
            .map(|p| p.0.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let paragraph_words = paragraphs.iter().map(|p| Words::of(&p.0)).collect();
        let words = Words::of(&content);
        out.push(Unit {
            reference: SectionRef {
                position: i,
                title: s.title.clone(),
                first_line,
                last_line,
            },
            key: normalise(&s.title, options, true),
            paragraphs,
            paragraph_words,
            content,
            words,
        });
    }
    out
}

/// Align two revisions' sections. Result order: the new revision's order, with removed
/// sections placed after the section that preceded them in the old revision.
pub fn align(old: &[Unit], new: &[Unit]) -> Vec<SectionChange> {
    let mut pair_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut old_used = vec![false; old.len()];
    // 1. Same heading, unique on both sides.
    let (oc, nc) = (key_counts(old), key_counts(new));
    for (j, n) in new.iter().enumerate() {
        if nc.get(n.key.as_str()) == Some(&1)
            && oc.get(n.key.as_str()) == Some(&1)
            && let Some(i) = old.iter().position(|o| o.key == n.key)
        {
            pair_of_new[j] = Some(i);
            old_used[i] = true;
        }
    }
    // 2. Identical content.
    for (j, n) in new.iter().enumerate() {
        if pair_of_new[j].is_none()
            && !n.content.is_empty()
            && let Some(i) = (0..old.len()).find(|&i| !old_used[i] && old[i].content == n.content)
        {
            pair_of_new[j] = Some(i);
            old_used[i] = true;
        }
    }
    // 3. Similar content (greedy by best similarity), or same heading among duplicates.
    let mut candidates = Vec::new();
    for (j, n) in new.iter().enumerate() {
        if pair_of_new[j].is_some() {
            continue;
        }
        for (i, o) in old.iter().enumerate() {
            if old_used[i] {
                continue;
            }
            let mut sim = o.words.similarity(&n.words);
            if o.key == n.key && !n.key.is_empty() {
                sim = sim.max(0.5) + 0.25;
            }
            if sim >= 0.5 {
                candidates.push((sim, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if pair_of_new[j].is_none() && !old_used[i] {
            pair_of_new[j] = Some(i);
            old_used[i] = true;
        }
    }
    // Moves: matched pairs outside the longest increasing run of old positions.
    let matched: Vec<(usize, usize)> = pair_of_new
        .iter()
        .enumerate()
        .filter_map(|(j, i)| i.map(|i| (j, i)))
        .collect();
    let keep = longest_increasing(&matched.iter().map(|(_, i)| *i).collect::<Vec<_>>());
    let mut in_order = vec![false; new.len()];
    for k in keep {
        in_order[matched[k].0] = true;
    }

    let mut out: Vec<SectionChange> = Vec::new();
    let mut removed_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, used) in old_used.iter().enumerate() {
        if !used {
            // Attach to the nearest earlier old section that survived.
            let anchor = (0..i).rev().find(|&k| old_used[k]);
            removed_after.entry(anchor).or_default().push(i);
        }
    }
    let push_removed = |out: &mut Vec<SectionChange>, list: Option<&Vec<usize>>| {
        for &i in list.into_iter().flatten() {
            out.push(SectionChange {
                old: Some(old[i].reference.clone()),
                new: None,
                added: false,
                removed: true,
                moved: false,
                renamed: false,
                changed: true,
                similarity: 0.0,
                paragraphs: old[i]
                    .paragraphs
                    .iter()
                    .map(|(_, line, text)| ParagraphChange {
                        kind: "removed",
                        old_line: Some(*line),
                        new_line: None,
                        old_text: Some(text.clone()),
                        new_text: None,
                        words: Vec::new(),
                    })
                    .collect(),
            });
        }
    };
    push_removed(&mut out, removed_after.get(&None));
    for (j, n) in new.iter().enumerate() {
        match pair_of_new[j] {
            Some(i) => {
                let o = &old[i];
                let paragraphs = paragraph_changes(o, n);
                let sim = o.words.similarity(&n.words);
                out.push(SectionChange {
                    old: Some(o.reference.clone()),
                    new: Some(n.reference.clone()),
                    added: false,
                    removed: false,
                    moved: !in_order[j],
                    renamed: o.key != n.key,
                    changed: !paragraphs.is_empty(),
                    similarity: (sim * 1000.0).round() / 1000.0,
                    paragraphs,
                });
                push_removed(&mut out, removed_after.get(&Some(i)));
            }
            None => out.push(SectionChange {
                old: None,
                new: Some(n.reference.clone()),
                added: true,
                removed: false,
                moved: false,
                renamed: false,
                changed: true,
                similarity: 0.0,
                paragraphs: n
                    .paragraphs
                    .iter()
                    .map(|(_, line, text)| ParagraphChange {
                        kind: "added",
                        old_line: None,
                        new_line: Some(*line),
                        old_text: None,
                        new_text: Some(text.clone()),
                        words: Vec::new(),
                    })
                    .collect(),
            }),
        }
    }
    out
}

fn key_counts(units: &[Unit]) -> BTreeMap<&str, usize> {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for u in units {
        *m.entry(u.key.as_str()).or_default() += 1;
    }
    m
}

/// Indices (into `seq`) of one longest strictly increasing subsequence.
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let n = seq.len();
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        let pos = tails.partition_point(|&t| seq[t] < seq[i]);
        if pos > 0 {
            prev[i] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::new();
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        out.push(k);
        k = prev[k];
    }
    out.reverse();
    out
}

fn paragraph_changes(old: &Unit, new: &Unit) -> Vec<ParagraphChange> {
    let a: Vec<&str> = old.paragraphs.iter().map(|p| p.0.as_str()).collect();
    let b: Vec<&str> = new.paragraphs.iter().map(|p| p.0.as_str()).collect();
    let ops = similar::capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut out = Vec::new();
    let removed = |i: usize| ParagraphChange {
        kind: "removed",
        old_line: Some(old.paragraphs[i].1),
        new_line: None,
        old_text: Some(old.paragraphs[i].2.clone()),
        new_text: None,
        words: Vec::new(),
    };
    let added = |j: usize| ParagraphChange {
        kind: "added",
        old_line: None,
        new_line: Some(new.paragraphs[j].1),
        old_text: None,
        new_text: Some(new.paragraphs[j].2.clone()),
        words: Vec::new(),
    };
    for op in ops {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.extend((old_index..old_index + old_len).map(removed));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                out.extend((new_index..new_index + new_len).map(added));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Pair each new paragraph with the most similar remaining old one (in
                // order) when they are similar enough for a word diff to help; the rest
                // are removed or added.
                // One paragraph replaced by one other in the same place is a changed
                // paragraph whatever its words ("Datum: 22 april 2018." → "Datum: 24
                // januari 2019.").
                let mut next_old = old_index;
                let mut paired: Vec<(usize, usize)> = Vec::new();
                if old_len == 1 && new_len == 1 {
                    paired.push((old_index, new_index));
                    next_old = old_index + 1;
                }
                let one_to_one = !paired.is_empty();
                for j in (new_index..new_index + new_len).filter(|_| !one_to_one) {
                    let best = (next_old..old_index + old_len)
                        .map(|i| {
                            let sim = old.paragraph_words[i].similarity(&new.paragraph_words[j]);
                            (sim, i)
                        })
                        .filter(|(sim, _)| *sim >= 0.4)
                        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
                    if let Some((_, i)) = best {
                        paired.push((i, j));
                        next_old = i + 1;
                    }
                }
                let (mut i, mut j) = (old_index, new_index);
                for (pi, pj) in paired {
                    out.extend((i..pi).map(removed));
                    out.extend((j..pj).map(added));
                    out.push(ParagraphChange {
                        kind: "changed",
                        old_line: Some(old.paragraphs[pi].1),
                        new_line: Some(new.paragraphs[pj].1),
                        old_text: Some(old.paragraphs[pi].2.clone()),
                        new_text: Some(new.paragraphs[pj].2.clone()),
                        words: word_edits(&old.paragraphs[pi].0, &new.paragraphs[pj].0),
                    });
                    i = pi + 1;
                    j = pj + 1;
                }
                out.extend((i..old_index + old_len).map(removed));
                out.extend((j..new_index + new_len).map(added));
            }
        }
    }
    out
}

/// Word-level edits between two normalised paragraphs.
pub fn word_edits(a: &str, b: &str) -> Vec<WordEdit> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(a, b);
    let mut out: Vec<WordEdit> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Insert => "insert",
            ChangeTag::Delete => "delete",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(WordEdit {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    out
}
