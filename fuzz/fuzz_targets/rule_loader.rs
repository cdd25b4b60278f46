//! Bytes as a user rule-pack YAML file and as a lexicon file, loaded together with the
//! bundled files by `RuleSet::from_files`: loaded or refused with an error naming the
//! file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use privlint::rules::{RuleSet, bundled};

fn bundled_plus(path: &str, text: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = bundled::BUNDLED
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    files.push((path.to_string(), text.to_string()));
    files
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for path in ["user/fuzz-rule.yaml", "user/lexicon/fuzz-lexicon.yaml"] {
        if let Err(e) = RuleSet::from_files(bundled_plus(path, &text)) {
            let message = e.to_string();
            // Errors name the file they come from (the fuzzed one or, for a rule that
            // refers to something the pack lacks, a bundled one).
            assert!(message.contains(".yaml"), "error names no file: {message}");
        }
    }
});
