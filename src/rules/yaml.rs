//! The one place that knows which YAML library privlint uses (`yaml_serde`, the maintained
//! continuation of `serde_yaml`), so it can be swapped without touching the rule schema.

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
