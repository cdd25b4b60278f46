//! The one place that knows which YAML library privlint uses (`yaml_serde`, the maintained
//! continuation of `serde_yaml`), so it can be swapped without touching the rule schema.
//!
//! The bundled rule files are also embedded as JSON, converted by `build.rs`: reading a
//! bundled file unchanged ([`from_rule_file`]) parses that instead, several times faster, into
//! the same types with the same checks.

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

/// Deserialize a rule file: from its JSON form when it is a bundled file with exactly the
/// bundled text, otherwise from its YAML.
pub fn from_rule_file<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, String> {
    // the bundled text itself (not a copy) needs no comparing
    let same = |t: &str| std::ptr::eq(t, text) || t == text;
    let unchanged = (super::bundled::BUNDLED.iter()).any(|(p, t)| *p == path && same(t));
    let json = (super::bundled::BUNDLED_JSON.iter())
        .find(|(p, _)| unchanged && *p == path)
        .map(|(_, json)| *json);
    match json.map(serde_json::from_str::<T>) {
        Some(Ok(value)) => Ok(value),
        // an error is reported from the YAML, which knows the line
        _ => from_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::super::bundled::{BUNDLED, BUNDLED_JSON};

    #[test]
    fn every_bundled_file_has_a_json_form_with_the_same_data() {
        assert_eq!(BUNDLED.len(), BUNDLED_JSON.len());
        for ((path, yaml), (json_path, json)) in BUNDLED.iter().zip(BUNDLED_JSON) {
            assert_eq!(path, json_path);
            let from_yaml: serde_json::Value = yaml_serde::from_str(yaml).expect("yaml");
            let from_json: serde_json::Value = serde_json::from_str(json).expect("json");
            assert_eq!(from_yaml, from_json, "{path}");
        }
    }
}
