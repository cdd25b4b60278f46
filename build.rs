//! Embeds the bundled rule packs (`rules/**/*.yaml`) into the binary, so an installed
//! privlint needs no data files beside it. `--rules DIR` adds packs at run time.
//!
//! Each bundled file is also embedded in a packed binary form (`src/rules/packed_format.rs`),
//! which a run reads instead of parsing the YAML (`src/rules/packed.rs`).
//!
//! It also validates every pattern of the bundled lexicons (`rules/lexicon/*.yaml`),
//! prepares it for the automata and computes its prefilter literals
//! (`src/extract/literals.rs`), so a broken bundled pattern (one that does not compile, or
//! that can never match: a `\b` where none can be, an upper-case letter) fails the build,
//! and start-up neither checks nor parses nor compiles patterns a document never needs. The
//! automata of the patterns that stay small are determinised here, those of the others
//! piece by piece between their word windows (`bundled_dense_dfas.bin`: dense, for the
//! patterns without start literals that read whole texts and for the smaller anchored
//! automata; `bundled_dfas.bin`: sparse, the larger anchored automata), and so is the
//! prefilter automaton over the literals of all bundled patterns
//! (`bundled_prefilter.bin`): a run reads them back instead of building them. So are the
//! automata of the value patterns (`src/extract/value_patterns.rs`;
//! `bundled_value_dfas.bin`), whose compilation was a fifth of a run.
//!
//! On Linux with glibc the binary is linked as a position-dependent executable: the dynamic
//! loader then has no relocations to apply to the tables of static data at every start (about
//! 50,000, most in the bundled literal tables, the HTML name tables and the Unicode tables),
//! which cost a one-line check a sixth of its time. The executable's own code and data are
//! then not at a random address (ASLR still places the libraries, heap and stack). Set
//! `PRIVLINT_PIE=1` when building to keep the default position-independent executable.

#[path = "src/extract/literals.rs"]
mod literals;
#[path = "src/rules/packed_format.rs"]
mod packed_format;
#[path = "src/extract/value_patterns.rs"]
#[allow(dead_code)]
mod value_patterns;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

/// Links the binaries position-dependent on Linux with glibc (see the module docs), unless
/// `PRIVLINT_PIE` is set.
fn link_position_dependent() {
    println!("cargo:rerun-if-env-changed=PRIVLINT_PIE");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let pie = std::env::var_os("PRIVLINT_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" && !pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    link_position_dependent();
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Bundled rule files: (path relative to the repository, contents).\npub const BUNDLED: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        );
    }
    code.push_str("];\n");
    let lexicons: Vec<&PathBuf> = files
        .iter()
        .filter(|f| f.parent().and_then(|p| p.file_name()) == Some("lexicon".as_ref()))
        .collect();
    let numbers = pattern_numbers(&lexicons);
    // the same files in the packed form of `src/rules/packed_format.rs`, one blob, with one
    // table of strings; the lexicons' patterns numbered as in `LITERALS`
    let mut packed = Vec::new();
    let mut strings = String::new();
    code.push_str(
        "/// Where some bytes are: (offset, length).\npub type Span = (usize, usize);\n\
         /// The same files in a packed binary form (`src/rules/packed.rs`), which parses many\n\
         /// times faster than YAML: (path, (offset, length) in `PACKED`, (offset, length) of\n\
         /// its strings in `PACKED_STRINGS`). A file whose YAML\n\
         /// does not convert (or does not parse: the error is then reported at run time, with\n\
         /// its line) is not here.\n\
         pub const BUNDLED_PACKED: &[(&str, Span, Span)] = &[\n",
    );
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(f).expect("read rule file");
        let mut bytes = Vec::new();
        let strings_before = strings.len();
        let written = yaml_serde::from_str::<yaml_serde::Value>(&text)
            .ok()
            .is_some_and(|value| {
                let number = |s: &str| {
                    let lexicon = lexicons.contains(&f);
                    lexicon.then(|| numbers.get(s).copied()).flatten()
                };
                packed_format::write(&value, &mut bytes, &mut strings, &number).is_ok()
            });
        if written {
            let _ = writeln!(
                code,
                "    ({rel:?}, ({}, {}), ({strings_before}, {})),",
                packed.len(),
                bytes.len(),
                strings.len() - strings_before
            );
            packed.extend_from_slice(&bytes);
        } else {
            strings.truncate(strings_before);
        }
    }
    code.push_str(
        "];\n/// The packed forms of the bundled files, one after the other.\n\
         pub static PACKED: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/bundled_packed.bin\"));\n\
         /// The table of their strings.\n\
         pub static PACKED_STRINGS: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/bundled_strings.txt\"));\n",
    );
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("out dir"));
    std::fs::write(out_dir.join("bundled_rules.rs"), code).expect("write bundled rules");
    std::fs::write(out_dir.join("bundled_packed.bin"), packed).expect("write packed rules");
    std::fs::write(out_dir.join("bundled_strings.txt"), strings).expect("write packed strings");

    let (table, automata, dense, prefilter) = literal_table(&lexicons, &numbers);
    std::fs::write(out_dir.join("bundled_literals.rs"), table).expect("write bundled literals");
    std::fs::write(out_dir.join("bundled_dfas.bin"), automata).expect("write bundled automata");
    std::fs::write(out_dir.join("bundled_dense_dfas.bin"), dense)
        .expect("write bundled dense automata");
    std::fs::write(out_dir.join("bundled_prefilter.bin"), prefilter)
        .expect("write bundled prefilter");

    let (table, automata) = value_automata();
    std::fs::write(out_dir.join("bundled_value_dfas.rs"), table)
        .expect("write bundled value automata table");
    std::fs::write(out_dir.join("bundled_value_dfas.bin"), automata)
        .expect("write bundled value automata");
}

/// `VALUE_DFAS`: each value pattern of `value_patterns::determinised`, with ASCII word
/// boundaries (as `src/extract/values.rs` searches it on texts without a word character
/// outside ASCII), with where its forward and reverse automata (those of a
/// `regex_automata::dfa::regex::Regex`) are in the blob, and whether they are dense; and
/// the blob, each automaton at an offset that is a multiple of 8.
fn value_automata() -> (String, Vec<u8>) {
    use regex_automata::dfa::{dense, regex::Regex};
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut blob = Vec::new();
    let mut code = String::from(
        "/// Where some bytes are: (offset, length).\n\
         pub type Span = (usize, usize);\n\
         /// The determinised value patterns (with ASCII word boundaries): (pattern, where the\n\
         /// forward automaton is in `VALUE_AUTOMATA`, where the reverse one is, whether both\n\
         /// are dense (else sparse)).\n\
         pub static VALUE_DFAS: &[(&str, Span, Span, bool)] = &[\n",
    );
    for (pattern, sparse) in value_patterns::determinised() {
        let ascii = value_patterns::with_ascii_word_boundaries(&pattern);
        let regex = Regex::builder()
            .dense(dense::Config::new().minimize(!sparse))
            .build(&ascii)
            .unwrap_or_else(|e| panic!("value pattern {ascii}: {e}"));
        let mut place = |dfa: &dense::DFA<Vec<u32>>| {
            let bytes = if sparse {
                let dfa = dfa.to_sparse().expect("sparse value automaton");
                if big_endian {
                    dfa.to_bytes_big_endian()
                } else {
                    dfa.to_bytes_little_endian()
                }
            } else {
                let (bytes, padding) = if big_endian {
                    dfa.to_bytes_big_endian()
                } else {
                    dfa.to_bytes_little_endian()
                };
                bytes[padding..].to_vec()
            };
            append_dense(&mut blob, &bytes)
        };
        let forward = place(regex.forward());
        let reverse = place(regex.reverse());
        let _ = writeln!(code, "    ({ascii:?}, {forward}, {reverse}, {}),", !sparse);
    }
    code.push_str("];\n");
    (code, blob)
}

/// Every string of a YAML value except mapping keys.
fn strings<'v>(value: &'v yaml_serde::Value, out: &mut Vec<&'v str>) {
    match value {
        yaml_serde::Value::String(s) => out.push(s),
        yaml_serde::Value::Sequence(items) => items.iter().for_each(|v| strings(v, out)),
        yaml_serde::Value::Mapping(map) => map.values().for_each(|v| strings(v, out)),
        yaml_serde::Value::Tagged(t) => strings(&t.value, out),
        _ => {}
    }
}

/// The patterns of the bundled lexicons (every string but the mapping keys and the
/// `language`), numbered in sorted order: their places in `LITERALS`.
fn pattern_numbers(lexicons: &[&PathBuf]) -> BTreeMap<String, u64> {
    let mut numbers = BTreeMap::new();
    for path in lexicons {
        let text = std::fs::read_to_string(path).expect("read lexicon");
        let Ok(yaml_serde::Value::Mapping(map)) = yaml_serde::from_str(&text) else {
            continue;
        };
        let mut found = Vec::new();
        for (key, v) in &map {
            if key.as_str() != Some("language") {
                strings(v, &mut found);
            }
        }
        numbers.extend(found.into_iter().map(|p| (p.to_string(), 0)));
    }
    for (n, number) in numbers.values_mut().enumerate() {
        *number = n as u64;
    }
    numbers
}

/// `LITERALS`: each bundled lexicon pattern (sorted, for binary search) with its prepared
/// form, its prefilter literals (and whether they are prefixes) and where its automaton is.
/// Every pattern is compiled here exactly as at run time; one that does not compile stops
/// the build with its file and text.
/// Also the two blobs of automata (`bundled_dfas.bin`, `bundled_dense_dfas.bin`) and the
/// prefilter automaton.
fn literal_table(
    lexicons: &[&PathBuf],
    numbers: &BTreeMap<String, u64>,
) -> (String, Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut dead = Vec::new();
    for path in lexicons {
        let text = std::fs::read_to_string(path).expect("read lexicon");
        let value: yaml_serde::Value = yaml_serde::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not valid YAML: {e}", path.display()));
        let mut found = Vec::new();
        if let yaml_serde::Value::Mapping(map) = &value {
            for (key, v) in map {
                if key.as_str() != Some("language") {
                    strings(v, &mut found);
                }
            }
        }
        for pattern in found {
            let prepared = literals::prepare(pattern);
            if let Err(e) = regex::RegexBuilder::new(&prepared)
                .size_limit(literals::SIZE_LIMIT)
                .build()
            {
                panic!(
                    "{}: pattern {pattern:?} does not compile: {e}",
                    path.display()
                );
            }
            if let Some(reason) = literals::dead_boundary(pattern) {
                dead.push(format!("{}: pattern {pattern:?}: {reason}", path.display()));
            }
            // sentences are matched in lower case (a run does not check bundled patterns again)
            if let Some(letter) = literals::upper_case_letter(pattern) {
                dead.push(format!(
                    "{}: pattern {pattern:?}: `{letter}` can never match: write `{}`",
                    path.display(),
                    letter.to_lowercase()
                ));
            }
            patterns.push(pattern.to_string());
        }
    }
    assert!(dead.is_empty(), "\n{}", dead.join("\n"));
    patterns.sort();
    patterns.dedup();
    // the packed lexicons refer to the patterns by these numbers
    assert!(patterns.iter().eq(numbers.keys()), "pattern numbers differ");
    // each pattern's literals and anchored automaton, then the distinct literals of all of
    // them, numbered in sorted order: the prefilter automaton is built once, here
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut automata: Vec<u8> = Vec::new();
    let mut dense: Vec<u8> = Vec::new();
    let mut analysed = Vec::new();
    let mut splits: Vec<String> = Vec::new();
    let mut required: Vec<String> = Vec::new();
    let mut distinct: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
    for pattern in &patterns {
        let prepared = literals::prepare(pattern);
        let literals = literals::required_literals(&prepared);
        // each pattern gets its automaton now, if it is small. A pattern searched from its
        // literals gets one anchored there; a search from a literal ends within a few bytes
        // (five on average over the team's statements), so a step costs more than a byte:
        // in the dense form a step is one table read, in the sparse form a parse of the
        // state's transition ranges (some fifty instructions more). The dense form is
        // about nine times the size, so only automata up to `DENSE_ANCHORED_LIMIT` take
        // it (most of the cheaply read ones are the small patterns that run most often);
        // larger ones stay sparse. A pattern without start literals gets an unanchored
        // one, dense: it reads whole texts; one searched backward from the end of the
        // text an anchored one, dense whatever its size: it is tried on every text.
        let mut anchored_at = |dfa: &regex_automata::dfa::dense::DFA<Vec<u32>>, always_dense| {
            let (bytes, padding) = if big_endian {
                dfa.to_bytes_big_endian()
            } else {
                dfa.to_bytes_little_endian()
            };
            if always_dense || bytes.len() - padding <= DENSE_ANCHORED_LIMIT {
                return format!("({}, true)", append_dense(&mut dense, &bytes[padding..]));
            }
            let sparse = dfa.to_sparse().expect("sparse automaton");
            let bytes = if big_endian {
                sparse.to_bytes_big_endian()
            } else {
                sparse.to_bytes_little_endian()
            };
            let at = automata.len();
            automata.extend_from_slice(&bytes);
            format!("(({at}, {}), false)", bytes.len())
        };
        let automaton = match &literals {
            Some(ls) if !ls.bytes.is_empty() || ls.at_end => {
                // a pattern with word windows is cut at them, a small automaton per piece:
                // as fast as its whole automaton, which is up to a hundred times bigger
                let split = literals::window_split(&prepared, !ls.prefixes);
                let whole = match split {
                    Some(_) => None,
                    None => literals::anchored_dfa(&prepared, !ls.prefixes),
                };
                if let Some(branches) = split {
                    let branches: Vec<String> = (branches.iter())
                        .map(|b| {
                            let pieces: Vec<String> =
                                b.pieces.iter().map(|p| anchored_at(p, false)).collect();
                            let gaps: Vec<String> = (b.gaps.iter())
                                .map(|g| {
                                    let [a, b, c, d] = g.class;
                                    let [e, f, h, i] = g.next;
                                    format!(
                                        "([{a:#x}, {b:#x}, {c:#x}, {d:#x}], {}, {}, \
                                         [{e:#x}, {f:#x}, {h:#x}, {i:#x}])",
                                        g.min, g.max
                                    )
                                })
                                .collect();
                            format!("(&[{}], &[{}])", pieces.join(", "), gaps.join(", "))
                        })
                        .collect();
                    splits.push(format!(
                        "    ({}, &[{}]),",
                        analysed.len(),
                        branches.join(", ")
                    ));
                }
                whole.map(|dfa| format!("Some({})", anchored_at(&dfa, ls.at_end)))
            }
            _ => literals::unanchored_dfa(&prepared).map(|dfa| {
                let (bytes, padding) = if big_endian {
                    dfa.to_bytes_big_endian()
                } else {
                    dfa.to_bytes_little_endian()
                };
                format!(
                    "Some(({}, true))",
                    append_dense(&mut dense, &bytes[padding..])
                )
            }),
        }
        .unwrap_or_else(|| "None".to_string());
        // a pattern without start literals runs on every text (with its filter literals):
        // only on those that hold one of its required bytes, if it has any
        if literals.as_ref().is_none_or(|ls| ls.bytes.is_empty())
            && let Some([a, b, c, d]) = literals::required_bytes(&prepared)
        {
            required.push(format!(
                "    ({}, [{a:#x}, {b:#x}, {c:#x}, {d:#x}]),",
                analysed.len()
            ));
        }
        if let Some(ls) = &literals {
            let filters = ls.filter.iter().flatten().flatten();
            for l in ls.bytes.iter().chain(filters) {
                distinct.insert(l.clone(), 0);
            }
        }
        analysed.push((pattern, prepared, literals, automaton));
    }
    for (id, n) in distinct.values_mut().enumerate() {
        *n = id as u32;
    }
    let ids = |ls: &[Vec<u8>]| {
        let ids: Vec<String> = ls.iter().map(|l| distinct[l].to_string()).collect();
        format!("&[{}]", ids.join(", "))
    };
    let mut code = String::from(
        "/// The prefilter literals of a pattern, as indices into `PREFILTER_LITERALS` (`true`:\n\
         /// prefixes of every match; `false`: suffixes; empty: none), whether every match\n\
         /// starts (prefixes) or ends (suffixes) at an ASCII word boundary, whether it is\n\
         /// searched backward from the end of the text instead (`literals::Literals::at_end`),\n\
         /// and its filter literal sets, first as sets and then as `FilterSets::push` writes\n\
         /// them (see `filter_code`), or `None`: run on every text.\n\
         pub type PatternLiterals = Option<(\n    bool,\n    bool,\n    bool,\n    &'static [u32],\n    &'static [&'static [&'static [u32]]],\n    &'static [u32],\n)>;\n\
         /// Where the automaton of a pattern is, when it was small enough to build ahead of\n\
         /// time: anchored at a literal when the pattern has start (or end) literals (or at\n\
         /// the end of the text, for one searched backward from there), unanchored when it\n\
         /// has none. See [`AutomatonAt`].\n\
         pub type PatternAutomaton = Option<AutomatonAt>;\n\
         /// Where one automaton is: (offset, length) and whether it is dense (in\n\
         /// `bundled_dense_dfas.bin`) or sparse (in `bundled_dfas.bin`).\n\
         pub type AutomatonAt = ((usize, usize), bool);\n\
         /// Bundled lexicon patterns, sorted, each as written and as prepared for matching\n\
         /// (`literals::prepare`), with its prefilter literals and its automaton.\n\
         pub static LITERALS: &[(&str, &str, PatternLiterals, PatternAutomaton)] = &[\n",
    );
    for (pattern, prepared, literals, automaton) in &analysed {
        let literals = match literals {
            None => "None".to_string(),
            Some(ls) => format!(
                "Some(({}, {}, {}, {}, &[{}], &{:?}))",
                ls.prefixes,
                ls.bounded,
                ls.at_end,
                ids(&ls.bytes),
                ls.filter
                    .iter()
                    .map(|branch| {
                        let sets = branch.iter().map(|set| ids(set));
                        format!("&[{}]", sets.collect::<Vec<_>>().join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                filter_code(&ls.filter, &distinct)
            ),
        };
        let _ = writeln!(
            code,
            "    ({pattern:?}, {prepared:?}, {literals}, {automaton}),"
        );
    }
    code.push_str("];\n");
    code.push_str(
        "/// A word window of a pattern cut at its windows: the bytes it may hold (one bit\n\
         /// per byte value), its least and greatest length, and the bytes the next piece\n\
         /// can begin with.\n\
         pub type Gap = ([u64; 4], u32, u32, [u64; 4]);\n\
         /// One branch of a cut pattern: its pieces' automata (anchored, reporting every\n\
         /// match; see [`AutomatonAt`]) in the order a search reads them, and the windows\n\
         /// between them.\n\
         pub type SplitBranch = (&'static [AutomatonAt], &'static [Gap]);\n\
         /// The patterns with word windows, cut at them\n\
         /// (`literals::window_split`): index in `LITERALS` (ascending), branches.\n\
         pub static SPLITS: &[(usize, &[SplitBranch])] = &[\n",
    );
    for split in &splits {
        code.push_str(split);
        code.push('\n');
    }
    code.push_str("];\n");
    code.push_str(
        "/// The patterns without start literals that need one of a few rare bytes\n\
         /// (`literals::required_bytes`): index in `LITERALS` (ascending), the bytes (one bit\n\
         /// per byte value).\n\
         pub static REQUIRED_BYTES: &[(usize, [u64; 4])] = &[\n",
    );
    for line in &required {
        code.push_str(line);
        code.push('\n');
    }
    code.push_str("];\n");
    let sorted: Vec<Vec<u8>> = distinct.into_keys().collect();
    let _ = writeln!(
        code,
        "/// The distinct prefilter literals of all bundled patterns, sorted; the automaton in\n\
         /// `bundled_prefilter.bin` reports each by its index here.\n\
         pub static PREFILTER_LITERALS: &[&[u8]] = &[{}];",
        byte_strings(&sorted)
    );
    let dfa = literal_dfa(&sorted);
    let _ = writeln!(
        code,
        "/// How many transitions a row of the prefilter automaton (`bundled_prefilter.bin`)\n\
         /// has: one per class of bytes.\n\
         pub const PREFILTER_CLASSES: usize = {classes};\n\
         /// The number of the first state of the prefilter automaton that reports literals:\n\
         /// those that do are numbered after those that do not.\n\
         pub const PREFILTER_FIRST_REPORTING: usize = {first_reporting};\n\
         /// Per byte value: its class, the column of its transition in a row.\n\
         pub static PREFILTER_COLUMNS: [u8; 256] = {columns:?};\n\
         /// The literals the reporting states report, those of state\n\
         /// `PREFILTER_FIRST_REPORTING + r` at `PREFILTER_OUTPUTS_AT[r]..PREFILTER_OUTPUTS_AT[r + 1]`:\n\
         /// index in `PREFILTER_LITERALS`, and the literal's length in the top eight bits.\n\
         pub static PREFILTER_OUTPUTS: &[u32] = &{outputs:?};\n\
         pub static PREFILTER_OUTPUTS_AT: &[u32] = &{outputs_at:?};",
        classes = dfa.classes,
        first_reporting = dfa.first_reporting,
        columns = dfa.columns,
        outputs = dfa.outputs,
        outputs_at = dfa.outputs_at,
    );
    let prefilter = dfa.table;
    (code, automata, dense, prefilter)
}

/// The filter sets of a pattern (branches of sets of literals) as `FilterSets::push` in
/// `src/extract/patterns.rs` writes them into a list of bundled patterns, each literal by
/// its number: the number of branches, then per branch the length of its code and its
/// first `FILTER_SETS` sets, the smallest first (a stable sort), each set's literals with
/// `FILTER_LAST` on the last one (an empty set: `u32::MAX`). The test
/// `every_written_filter_code_is_what_the_filter_sets_make` checks it against `push`.
fn filter_code(filter: &[Vec<Vec<Vec<u8>>>], numbers: &BTreeMap<Vec<u8>, u32>) -> Vec<u32> {
    const FILTER_SETS: usize = 8;
    const FILTER_LAST: u32 = 1 << 31;
    let mut code = vec![0u32];
    for branch in filter {
        code[0] += 1;
        let mut sets: Vec<&Vec<Vec<u8>>> = branch.iter().take(FILTER_SETS).collect();
        sets.sort_by_key(|set| set.len());
        let length_at = code.len();
        code.push(0);
        for set in sets {
            code.extend(set.iter().map(|l| numbers[l]));
            match code.last_mut() {
                Some(last) if !set.is_empty() => *last |= FILTER_LAST,
                _ => code.push(u32::MAX),
            }
        }
        code[length_at] = (code.len() - length_at - 1) as u32;
    }
    code
}

/// The prefilter automaton of [`literal_dfa`].
struct LiteralDfa {
    classes: usize,
    first_reporting: usize,
    columns: [u8; 256],
    table: Vec<u8>,
    outputs: Vec<u32>,
    outputs_at: Vec<u32>,
}

/// The prefilter automaton over the bundled literals (`literals`, each reported by its
/// index): an Aho-Corasick automaton made deterministic, so that a search takes one table
/// read per byte of text and never follows a failure link (the double-array automaton it
/// replaces took some thirty instructions per byte).
///
/// The table is little-endian `u16`s, one row per state: the number of the next state for
/// each class of bytes (a byte no literal holds, then each byte a literal holds). The states
/// that report no literal are numbered first, then those that do (so a search tests a
/// number against the first of those instead of a flag), each kind in order of depth (the
/// start state first), so that the states a search visits most are close together. With
/// the byte offset of the next row and a flag in a `u32`, and the range of outputs at the
/// start of each row, the table took 8.5 MB and a report read another cache line than the
/// transition that led to it; it now takes half, and the ranges of outputs are apart, in a
/// small array. An output is a literal's index with its length in the top eight bits.
fn literal_dfa(literals: &[Vec<u8>]) -> LiteralDfa {
    // the byte classes: 0 for the bytes no literal holds, one each for the others
    let mut class = [0usize; 256];
    let mut classes = 1;
    for b in 0..=255u8 {
        if literals.iter().any(|l| l.contains(&b)) {
            class[usize::from(b)] = classes;
            classes += 1;
        }
    }
    assert!(classes <= 256, "prefilter byte classes");
    // the trie: per node its children (by class) and the literals that end there
    let mut children: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new()];
    let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
    for (id, literal) in literals.iter().enumerate() {
        assert!(
            !literal.is_empty() && literal.len() < 256 && id < 1 << 24,
            "prefilter literal {id}: {literal:?}"
        );
        let mut node = 0;
        for b in literal {
            let next = children.len();
            node = *children[node].entry(class[usize::from(*b)]).or_insert(next);
            if node == next {
                children.push(BTreeMap::new());
                ends.push(Vec::new());
            }
        }
        ends[node].push(id as u32 | (literal.len() as u32) << 24);
    }
    // in order of depth: the failure link of each node (its longest proper suffix that is a
    // node), what it reports (its own literals and its failure link's) and its transitions
    // (a child, or the failure link's transition)
    let nodes = children.len();
    assert!(
        nodes <= 1 << 16,
        "prefilter automaton too big for 16-bit state numbers: {nodes} states"
    );
    let mut order = vec![0];
    let mut fail = vec![0; nodes];
    let mut reports: Vec<Vec<u32>> = vec![Vec::new(); nodes];
    let mut delta = vec![0usize; nodes * classes];
    let mut head = 0;
    while let Some(&node) = order.get(head) {
        head += 1;
        for c in 0..classes {
            delta[node * classes + c] = match children[node].get(&c) {
                Some(&child) => child,
                None if node == 0 => 0,
                None => delta[fail[node] * classes + c],
            };
        }
        for (&c, &child) in &children[node] {
            fail[child] = if node == 0 {
                0
            } else {
                delta[fail[node] * classes + c]
            };
            let mut reported = ends[child].clone();
            reported.extend_from_slice(&reports[fail[child]]);
            reports[child] = reported;
            order.push(child);
        }
    }
    // the start state reports nothing (no literal is empty), so it is number 0
    let mut numbered: Vec<usize> = (order.iter().copied())
        .filter(|n| reports[*n].is_empty())
        .collect();
    let first_reporting = numbered.len();
    numbered.extend(order.iter().copied().filter(|n| !reports[*n].is_empty()));
    let mut number = vec![0usize; nodes];
    for (at, node) in numbered.iter().enumerate() {
        number[*node] = at;
    }
    let mut table = Vec::with_capacity(nodes * classes * 2);
    let (mut outputs, mut outputs_at) = (Vec::new(), vec![0u32]);
    for &node in &numbered {
        if number[node] >= first_reporting {
            outputs.extend_from_slice(&reports[node]);
            outputs_at.push(outputs.len() as u32);
        }
        for c in 0..classes {
            let next = number[delta[node * classes + c]] as u16;
            table.extend_from_slice(&next.to_le_bytes());
        }
    }
    LiteralDfa {
        classes,
        first_reporting,
        columns: class.map(|c| c as u8),
        table,
        outputs,
        outputs_at,
    }
}

/// Largest anchored automaton (serialised dense, in bytes) embedded in the dense form; see
/// `literal_table`. At 64 KiB nine in ten anchored automata are dense: the embedded
/// automata grow from 6.4 MB to 26 MB and a corpus run's peak RSS by some 19 MB (the pages
/// of the automata it reads), for 7% fewer instructions over a sample of the bench corpus
/// and 17% fewer in matching sentences (16 KiB: 1.6% fewer for 5 MB more RSS; 32 KiB:
/// 3.8% for 11 MB; every automaton dense: 9% for 26 MB).
const DENSE_ANCHORED_LIMIT: usize = 64 << 10;

/// Appends a serialised dense automaton to the blob of dense automata (or any automaton to
/// a blob of automata) and gives its offset and length as written in the table of bundled
/// patterns: `(at, len)`. The blob starts
/// 8-aligned in the binary; each automaton starts at an address its `u32` transitions can
/// be read from in place.
fn append_dense(blob: &mut Vec<u8>, bytes: &[u8]) -> String {
    while blob.len() % 8 != 0 {
        blob.push(0);
    }
    let at = blob.len();
    blob.extend_from_slice(bytes);
    format!("({at}, {})", bytes.len())
}

/// Byte strings as the elements of a Rust slice literal.
fn byte_strings(strings: &[Vec<u8>]) -> String {
    strings
        .iter()
        .map(|l| format!("&{l:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}
