//! Reads the packed form of the bundled rule files ([`super::packed_format`]) into the rule
//! types, with the same serde derivations (and so the same checks) as their YAML.
//!
//! `build.rs` converts each bundled file's YAML to this form. Parsing it costs a fraction of
//! parsing the same data as JSON, which is what the bundled files were embedded as before:
//! there are no quotes, escapes or separators to find, a string is its length and its bytes
//! (borrowed, so a field name is never copied), and a count says how many items follow. The
//! JSON parse of the bundled files was a fifth of the instructions of checking a short
//! statement.
//!
//! The deserializer is self-describing (every value says what it is), as JSON's is: a type
//! asks for what it expects and gets what the data holds, so the same data gives the same
//! values and the same errors as from a `serde_json::Value` of the YAML.

pub use super::packed_format::BUNDLED_PATTERN;
use super::packed_format::{
    FALSE, FLOAT, MAPPING, NEGATIVE, NULL, PATTERN, SEQUENCE, STRING, TRUE, UNSIGNED,
};
use serde::de::value::{BorrowedStrDeserializer, Error, MapAccessDeserializer};
use serde::de::{self, DeserializeSeed, Error as _, Visitor};

/// Reads a `T` from its packed form, which must be all of `bytes`, with its strings, all of
/// them, in the table `strings`.
pub fn from_bytes<'de, T: de::Deserialize<'de>>(
    bytes: &'de [u8],
    strings: &'de str,
) -> Result<T, Error> {
    let mut reader = Reader { bytes, strings };
    let value = T::deserialize(&mut reader)?;
    if !reader.bytes.is_empty() || !reader.strings.is_empty() {
        return Err(Error::custom("trailing bytes"));
    }
    Ok(value)
}

/// The bytes not read yet, and the strings not read yet.
struct Reader<'de> {
    bytes: &'de [u8],
    strings: &'de str,
}

impl<'de> Reader<'de> {
    fn byte(&mut self) -> Result<u8, Error> {
        let (&first, rest) =
            (self.bytes.split_first()).ok_or_else(|| Error::custom("truncated"))?;
        self.bytes = rest;
        Ok(first)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.first().copied()
    }

    /// An unsigned LEB128 number.
    fn number(&mut self) -> Result<u64, Error> {
        // most are lengths and counts below 128: one byte
        if let Some((&b, rest)) = self.bytes.split_first()
            && b < 0x80
        {
            self.bytes = rest;
            return Ok(u64::from(b));
        }
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(Error::custom("number too long"))
    }

    /// A count or length, which cannot be more than the bytes left (each item takes one).
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.number()?;
        usize::try_from(n)
            .ok()
            .filter(|n| *n <= self.bytes.len())
            .ok_or_else(|| Error::custom("count beyond the data"))
    }

    /// A string (its tag read), the next in the table: valid UTF-8 like the whole table, if
    /// it ends at a character boundary.
    fn string(&mut self) -> Result<&'de str, Error> {
        let len = usize::try_from(self.number()?).ok();
        let strings = self.strings;
        let text = len.and_then(|len| Some((strings.get(..len)?, strings.get(len..)?)));
        let (text, rest) = text.ok_or_else(|| Error::custom("string beyond the table"))?;
        self.strings = rest;
        Ok(text)
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.byte()? {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            UNSIGNED => visitor.visit_u64(self.number()?),
            NEGATIVE => visitor.visit_i64(!self.number()? as i64),
            FLOAT => {
                let bytes = self
                    .bytes
                    .get(..8)
                    .ok_or_else(|| Error::custom("truncated"))?;
                self.bytes = &self.bytes[8..];
                let mut le = [0; 8];
                le.copy_from_slice(bytes);
                visitor.visit_f64(f64::from_le_bytes(le))
            }
            STRING => visitor.visit_borrowed_str(self.string()?),
            PATTERN => {
                self.number()?;
                visitor.visit_borrowed_str(self.string()?)
            }
            SEQUENCE => {
                let left = self.count()?;
                let mut items = Items { reader: self, left };
                let value = visitor.visit_seq(&mut items)?;
                items.end(value)
            }
            MAPPING => {
                let left = self.count()?;
                let mut entries = Items { reader: self, left };
                let value = visitor.visit_map(&mut entries)?;
                entries.end(value)
            }
            tag => Err(Error::custom(format!("unknown tag {tag}"))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek() == Some(NULL) {
            self.bytes = &self.bytes[1..];
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// A bundled pattern asked for as [`BUNDLED_PATTERN`] is its number.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == BUNDLED_PATTERN && self.peek() == Some(PATTERN) {
            self.bytes = &self.bytes[1..];
            let number = self.number()?;
            self.string()?;
            return visitor.visit_u64(number);
        }
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant is its name; any other variant a mapping of its name to its contents.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.byte()? {
            STRING => visitor.visit_enum(BorrowedStrDeserializer::new(self.string()?)),
            PATTERN => {
                self.number()?;
                visitor.visit_enum(BorrowedStrDeserializer::new(self.string()?))
            }
            MAPPING if self.count()? == 1 => {
                let mut entries = Items {
                    reader: self,
                    left: 1,
                };
                let value = visitor.visit_enum(MapAccessDeserializer::new(&mut entries))?;
                entries.end(value)
            }
            _ => Err(Error::custom("expected an enum variant")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The items of a sequence, or the entries of a mapping, still to be read.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    left: usize,
}

impl<'de> Items<'_, 'de> {
    /// The next value, if any is left.
    fn next<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    /// `value`, if the visitor read every item (as serde_json requires).
    fn end<T>(&self, value: T) -> Result<T, Error> {
        if self.left == 0 {
            Ok(value)
        } else {
            Err(Error::custom("items left over"))
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.next(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        self.next(seed)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        // the value of the key just read (which took its entry off the count)
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::super::packed_format::write;
    use super::from_bytes;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    /// The packed form of a YAML text, and its string table.
    fn pack(yaml: &str) -> (Vec<u8>, String) {
        pack_numbered(yaml, &|_| None)
    }

    /// The same, with the strings `number` numbers written as bundled patterns.
    fn pack_numbered(yaml: &str, number: &dyn Fn(&str) -> Option<u64>) -> (Vec<u8>, String) {
        let value: yaml_serde::Value = yaml_serde::from_str(yaml).expect("yaml");
        let mut out = Vec::new();
        let mut strings = String::new();
        write(&value, &mut out, &mut strings, number).expect("packs");
        (out, strings)
    }

    fn read<'de, T: Deserialize<'de>>(
        (bytes, strings): &'de (Vec<u8>, String),
    ) -> Result<T, super::Error> {
        from_bytes(bytes, strings)
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Mode {
        Quick,
        Slow,
        Steps { steps: u32 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        name: String,
        #[serde(default)]
        share: Option<f64>,
        count: u32,
        offset: i64,
        on: bool,
        #[serde(default)]
        missing: Option<String>,
        nothing: Option<u8>,
        modes: Vec<Mode>,
        lists: BTreeMap<String, Vec<String>>,
    }

    const SAMPLE: &str = "name: ünïcode \"quoted\" \\b(x)\\b\nshare: 0.35\ncount: 300\noffset: -70000\non: true\nnothing: null\nmodes: [quick, slow]\nlists:\n  b: [y, z]\n  a: []\n";

    #[test]
    fn reads_what_yaml_reads() {
        let from_yaml: Sample = yaml_serde::from_str(SAMPLE).expect("yaml");
        let packed = pack(SAMPLE);
        let from_packed: Sample = read(&packed).expect("packed");
        assert_eq!(from_packed, from_yaml);
        assert_eq!(from_packed.offset, -70000);
        assert_eq!(from_packed.modes[1], Mode::Slow);
        // and what JSON of the same value reads
        let json: serde_json::Value = read(&packed).expect("json value");
        let expected: serde_json::Value = yaml_serde::from_str(SAMPLE).expect("yaml");
        assert_eq!(json, expected);
    }

    /// A number, or a text when it is not one of the bundled patterns.
    #[derive(Debug, PartialEq)]
    enum Numbered {
        Text(String),
        Number(u64),
    }

    impl<'de> Deserialize<'de> for Numbered {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Expect;
            impl<'de> serde::de::Visitor<'de> for Expect {
                type Value = Numbered;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a string")
                }
                fn visit_newtype_struct<D: serde::Deserializer<'de>>(
                    self,
                    d: D,
                ) -> Result<Numbered, D::Error> {
                    String::deserialize(d).map(Numbered::Text)
                }
                fn visit_u64<E>(self, n: u64) -> Result<Numbered, E> {
                    Ok(Numbered::Number(n))
                }
            }
            d.deserialize_newtype_struct(super::BUNDLED_PATTERN, Expect)
        }
    }

    #[test]
    fn bundled_patterns_are_numbers_to_who_asks_and_texts_to_others() {
        let yaml = "{a: [x, y, z], b: y, y: z}";
        let numbers = |s: &str| (s == "y").then_some(7);
        let packed = pack_numbered(yaml, &numbers);
        let numbered: BTreeMap<String, Vec<Numbered>> =
            yaml_serde::from_str("{a: [x, y, z]}").expect("yaml");
        assert_eq!(numbered["a"][1], Numbered::Text("y".into()));
        #[derive(Debug, Deserialize)]
        struct Both {
            a: Vec<Numbered>,
            b: String,
            y: Numbered,
        }
        let both: Both = read(&packed).expect("packed");
        assert_eq!(
            both.a,
            [
                Numbered::Text("x".into()),
                Numbered::Number(7),
                Numbered::Text("z".into())
            ]
        );
        // a string read as a string, a key (never numbered) as a key
        assert_eq!(both.b, "y");
        assert_eq!(both.y, Numbered::Text("z".into()));
        let json: serde_json::Value = read(&packed).expect("json value");
        let expected: serde_json::Value = yaml_serde::from_str(yaml).expect("yaml");
        assert_eq!(json, expected);
    }

    /// A variant with contents as the JSON the bundled files were before (YAML writes it
    /// with a tag, which has no packed form).
    #[test]
    fn reads_a_variant_with_contents_as_json_does() {
        let packed = pack("{steps: {steps: 3}}");
        let json: Mode = serde_json::from_str(r#"{"steps": {"steps": 3}}"#).expect("json");
        assert_eq!(read::<Mode>(&packed).expect("packed"), json);
        assert_eq!(json, Mode::Steps { steps: 3 });
        assert!(read::<Mode>(&pack("{steps: {steps: 3}, quick: null}")).is_err());
        assert!(read::<Mode>(&pack("[quick]")).is_err());
    }

    #[test]
    fn rejects_what_the_types_reject() {
        let unknown = SAMPLE.replace("on: true", "on: true\nextra: 1");
        let err = read::<Sample>(&pack(&unknown)).expect_err("unknown field");
        assert!(err.to_string().contains("unknown field `extra`"), "{err}");
        let wrong = SAMPLE.replace("count: 300", "count: -1");
        assert!(read::<Sample>(&pack(&wrong)).is_err());
        let missing = SAMPLE.replace("count: 300\n", "");
        let err = read::<Sample>(&pack(&missing)).expect_err("missing field");
        assert!(err.to_string().contains("missing field `count`"), "{err}");
        let not_a_variant = SAMPLE.replace("quick,", "fast,");
        assert!(read::<Sample>(&pack(&not_a_variant)).is_err());
    }

    #[test]
    fn rejects_broken_data() {
        let (bytes, strings) = pack(SAMPLE);
        for cut in 0..bytes.len() {
            let cut = from_bytes::<Sample>(&bytes[..cut], &strings);
            assert!(cut.is_err(), "{cut:?}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(from_bytes::<Sample>(&longer, &strings).is_err());
        // a string table that ends early or late, or a string that ends inside a character
        assert!(from_bytes::<Sample>(&bytes, &strings[..strings.len() - 1]).is_err());
        assert!(from_bytes::<Sample>(&bytes, &format!("{strings}x")).is_err());
        let (bytes, strings) = pack("ü");
        let got = from_bytes::<String>(&bytes, &strings);
        assert_eq!(got.ok(), Some("ü".into()));
        assert_eq!(bytes, [6, 2]);
        assert!(from_bytes::<String>(&[6, 1], &strings).is_err());
        // strings are read in order
        let (bytes, strings) = pack("[ab, c, '', def]");
        assert_eq!(strings, "abcdef");
        let got: Vec<String> = from_bytes(&bytes, &strings).expect("packed");
        assert_eq!(got, ["ab", "c", "", "def"]);
        // a tuple of two read from a sequence of three
        assert!(read::<(u8, u8)>(&pack("[1, 2, 3]")).is_err());
        assert_eq!(read::<(u8, u8)>(&pack("[1, 2]")).ok(), Some((1, 2)));
        // a count larger than the data, and an unknown tag
        assert!(from_bytes::<Vec<u8>>(&[7, 0xff, 0xff, 0x03], "").is_err());
        assert!(from_bytes::<u8>(&[9], "").is_err());
    }
}
