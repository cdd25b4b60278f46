//! The command line: arguments → validated configuration → run → exit status.
//! The only module that prints or reads the environment.

use std::process::ExitCode;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
