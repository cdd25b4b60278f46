//! The input split in two halves, each a document (format sniffed from the content, as
//! `privlint diff` does for files without a telling extension), analysed and compared
//! with `privlint::diff::diff` under every noise option, then rendered in every format.
//! Must never panic; a document compared with itself has no changes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use privlint::diff::{self, Options, render};
use privlint::ingest::Source;

#[allow(dead_code)] // each target uses part of it
mod common;

fuzz_target!(|data: &[u8]| {
    let (a, b) = data.split_at(data.len() / 2);
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let old = common::analyse(Source::from_text("old", &a, None));
    let new = common::analyse(Source::from_text("new", &b, None));
    for (ignore_dates, ignore_numbering) in [(false, false), (true, true)] {
        let options = Options {
            ignore_dates,
            ignore_numbering,
        };
        let d = diff::diff(common::rules(), &old, &new, options);
        let _ = render::text(&d, false);
        let _ = render::json(&d);
        let _ = render::markdown(&d);
        let _ = render::html(&d);
        let same = diff::diff(common::rules(), &old, &old, options);
        assert!(
            !same.text_changed && !same.regression,
            "self-diff not empty"
        );
    }
});
