//! The one integration-test binary. Fixtures are found by glob; adding a test case is
//! adding a file. Modules group the tests by pipeline stage.

mod check;
mod ci;
mod common;
mod diff;
mod eval;
mod html;
mod ingest;
mod props;
mod report;
mod robust;
mod rules;
mod scale;
