//! Bytes as a `.html` file, parsed as Html (byte reader and `Source::from_text`), then
//! extracted and evaluated against the bundled rules. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use privlint::ingest::Format;

mod common;

fuzz_target!(|data: &[u8]| {
    common::ingest_target("fuzz.html", data, Format::Html);
});
