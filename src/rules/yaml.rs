//! The one place that knows which YAML library privlint uses (`yaml_serde`, the maintained
//! continuation of `serde_yaml`), so it can be swapped without touching the rule schema.
//!
//! The bundled rule files are also embedded in a packed binary form, converted by `build.rs`
//! ([`super::packed`]): reading a bundled file unchanged ([`from_rule_file`]) parses that
//! instead, many times faster, into the same types with the same checks.

use serde::de::DeserializeOwned;

/// Deserialize YAML; the error message carries the line and column when the library knows them.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    yaml_serde::from_str(text).map_err(|e| {
        let msg = e.to_string();
        match e.location() {
            Some(loc) if !msg.contains("line ") => {
                format!("line {} column {}: {msg}", loc.line(), loc.column())
            }
            _ => msg,
        }
    })
}

/// Deserialize a rule file: from its packed form when it is a bundled file with exactly the
/// bundled text, otherwise from its YAML.
pub fn from_rule_file<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, String> {
    // the bundled text itself (not a copy) needs no comparing
    let same = |t: &str| std::ptr::eq(t, text) || t == text;
    let unchanged = (super::bundled::BUNDLED.iter()).any(|(p, t)| *p == path && same(t));
    let packed = (super::bundled::BUNDLED_PACKED.iter())
        .find(|(p, _, _)| unchanged && *p == path)
        .map(|(_, (at, len), (s_at, s_len))| {
            let bytes = &super::bundled::PACKED[*at..*at + *len];
            let strings = &super::bundled::PACKED_STRINGS[*s_at..*s_at + *s_len];
            super::packed::from_bytes::<T>(bytes, strings)
        });
    match packed {
        Some(Ok(value)) => Ok(value),
        // an error is reported from the YAML, which knows the line
        _ => from_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::super::bundled::{BUNDLED, BUNDLED_PACKED, PACKED, PACKED_STRINGS};
    use super::super::{Catalogue, Rule};
    use crate::extract::lexicon::{LexiconFile, PatternText};

    /// A bundled file's packed form and its strings.
    fn packed(path: &str) -> (&'static [u8], &'static str) {
        let (_, (at, len), (s_at, s_len)) = (BUNDLED_PACKED.iter())
            .find(|(p, _, _)| *p == path)
            .unwrap_or_else(|| panic!("{path} has no packed form"));
        (
            &PACKED[*at..*at + *len],
            &PACKED_STRINGS[*s_at..*s_at + *s_len],
        )
    }

    /// Every bundled file is read from its packed form into the same values as from its
    /// YAML: untyped, and as the type it is read as.
    #[test]
    fn every_bundled_file_has_a_packed_form_with_the_same_data() {
        assert_eq!(BUNDLED.len(), BUNDLED_PACKED.len());
        for (path, yaml) in BUNDLED {
            let (bytes, strings) = packed(path);
            let from_yaml: serde_json::Value = yaml_serde::from_str(yaml).expect("yaml");
            let from_packed: serde_json::Value =
                super::super::packed::from_bytes(bytes, strings).expect("packed");
            assert_eq!(from_yaml, from_packed, "{path}");
            if path.ends_with("/requirements.yaml") {
                let from_yaml: Catalogue = super::from_str(yaml).expect("yaml");
                let from_packed: Catalogue =
                    super::super::packed::from_bytes(bytes, strings).unwrap();
                assert_eq!(
                    format!("{from_yaml:?}"),
                    format!("{from_packed:?}"),
                    "{path}"
                );
            } else if path.contains("/lexicon/") {
                let from_yaml: LexiconFile = super::from_str(yaml).expect("yaml");
                let from_packed: LexiconFile =
                    super::super::packed::from_bytes(bytes, strings).unwrap();
                assert_eq!(
                    format!("{from_yaml:?}"),
                    format!("{from_packed:?}"),
                    "{path}"
                );
                // every pattern of the packed form is a bundled one, by its number
                for (name, patterns) in &from_packed.features {
                    for (read, written) in patterns.iter().zip(&from_yaml.features[name]) {
                        assert!(matches!(read, PatternText::Bundled(_)), "{read:?}");
                        assert!(matches!(written, PatternText::Written(_)), "{written:?}");
                        assert_eq!(read.bundled_number(), written.bundled_number());
                        assert_eq!(read.as_str(), written.as_str());
                    }
                }
            } else if !path.ends_with("README.yaml") {
                let from_yaml: Rule = super::from_str(yaml).expect("yaml");
                let from_packed: Rule = super::super::packed::from_bytes(bytes, strings).unwrap();
                assert_eq!(from_yaml, from_packed, "{path}");
            }
        }
    }

    /// A bundled path with other text (a rules root on disk being edited) is read from the
    /// text.
    #[test]
    fn an_edited_bundled_file_is_read_from_its_text() {
        let (path, yaml) = (BUNDLED.iter())
            .find(|(p, _)| p.ends_with("/requirements.yaml"))
            .expect("catalogue");
        let edited = yaml.replacen("Identity of the controller", "Edited", 1);
        assert_ne!(&edited, yaml);
        let read: serde_json::Value = super::from_rule_file(path, &edited).expect("reads");
        let expected: serde_json::Value = yaml_serde::from_str(&edited).expect("yaml");
        assert_eq!(read, expected);
        assert!(read.to_string().contains("Edited"));
    }
}
