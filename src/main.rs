/// mimalloc instead of the system allocator: the analysis allocates many small, short-lived
/// vectors per sentence, and glibc's malloc/free took about a tenth of all instructions. On
/// the 1,000-statement bench corpus this runs about 30% faster. Version 2 without
/// transparent huge pages (see Cargo.toml) keeps its peak RSS on two threads at 95 MB (glibc:
/// 86 MB; version 3, or huge pages: 107–118 MB).
/// Called through its plain entry points where the alignment allows (see
/// [`privlint::alloc`]).
#[global_allocator]
static ALLOCATOR: privlint::alloc::Allocator = privlint::alloc::Allocator;

fn main() -> std::process::ExitCode {
    privlint::cli::main()
}
