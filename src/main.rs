fn main() -> std::process::ExitCode {
    privlint::cli::main()
}
