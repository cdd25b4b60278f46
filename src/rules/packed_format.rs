//! The packed form of a YAML value, in which `build.rs` embeds the bundled rule files (see
//! [`super::packed`], which reads it). `build.rs` includes this file to write it.
//!
//! A value is a tag byte followed by its contents; every count and length is an unsigned
//! LEB128 number:
//!
//! | tag | value | followed by |
//! |---|---|---|
//! | [`NULL`] | null | nothing |
//! | [`FALSE`], [`TRUE`] | a boolean | nothing |
//! | [`UNSIGNED`] | an integer ≥ 0 | the integer |
//! | [`NEGATIVE`] | an integer < 0 | the integer's bitwise complement, as a `u64` |
//! | [`FLOAT`] | any other number | its 8 bytes, little-endian |
//! | [`STRING`] | a string | its length in bytes (its text is the next in the string table) |
//! | [`PATTERN`] | a string that is a bundled lexicon pattern | its number among them (see below), then its length |
//! | [`SEQUENCE`] | a sequence | its number of items, then the items |
//! | [`MAPPING`] | a mapping | its number of entries, then key and value of each, in order |
//!
//! The strings are not in the packed data but in a table of their own, one valid UTF-8 text
//! (embedded with `include_str!`, which checks that), so that reading a string costs no
//! UTF-8 validation, only a check that its end is a character boundary. They are in the
//! order of the data, each right after the one before: a string's place in the table is
//! where the previous one ended.
//!
//! A bundled lexicon pattern is numbered by its place among all of them, sorted, which is
//! its place in the table `build.rs` makes of them (`bundled::LITERALS` in
//! `src/extract/patterns.rs`). A type that asks for one as a newtype struct named
//! [`BUNDLED_PATTERN`] gets the number (`visit_u64`); any other gets the text, as for a
//! [`STRING`].
//!
//! A tagged YAML value (`!tag`) has no packed form.

pub const NULL: u8 = 0;
pub const FALSE: u8 = 1;
pub const TRUE: u8 = 2;
pub const UNSIGNED: u8 = 3;
pub const NEGATIVE: u8 = 4;
pub const FLOAT: u8 = 5;
pub const STRING: u8 = 6;
pub const SEQUENCE: u8 = 7;
pub const MAPPING: u8 = 8;
pub const PATTERN: u8 = 9;

/// The name of the newtype struct a type asks for to get a bundled pattern's number (see
/// the module docs).
#[allow(dead_code)] // not by build.rs
pub const BUNDLED_PATTERN: &str = "privlint::BundledPattern";

/// Appends `n` as an unsigned LEB128 number.
pub fn write_number(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Appends the packed form of `value` to `out` and its strings to the table `strings`, or
/// says why it has none. A string that is not a mapping key and that `number` numbers is
/// written as that bundled pattern.
#[allow(dead_code)] // used by build.rs and the tests
pub fn write(
    value: &yaml_serde::Value,
    out: &mut Vec<u8>,
    strings: &mut String,
    number: &dyn Fn(&str) -> Option<u64>,
) -> Result<(), String> {
    use yaml_serde::Value;
    match value {
        Value::Null => out.push(NULL),
        Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                out.push(UNSIGNED);
                write_number(u, out);
            } else if let Some(i) = n.as_i64() {
                out.push(NEGATIVE);
                write_number(!(i as u64), out);
            } else {
                let f = n.as_f64().ok_or_else(|| format!("number {n}"))?;
                out.push(FLOAT);
                out.extend_from_slice(&f.to_le_bytes());
            }
        }
        Value::String(s) => {
            if let Some(n) = number(s) {
                out.push(PATTERN);
                write_number(n, out);
            } else {
                out.push(STRING);
            }
            write_number(s.len() as u64, out);
            strings.push_str(s);
        }
        Value::Sequence(items) => {
            out.push(SEQUENCE);
            write_number(items.len() as u64, out);
            for item in items {
                write(item, out, strings, number)?;
            }
        }
        Value::Mapping(map) => {
            out.push(MAPPING);
            write_number(map.len() as u64, out);
            for (key, value) in map {
                write(key, out, strings, &|_| None)?;
                write(value, out, strings, number)?;
            }
        }
        Value::Tagged(t) => return Err(format!("tagged value {}", t.tag)),
    }
    Ok(())
}
