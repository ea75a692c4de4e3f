//! `peta`: the command-line front of Peta. All work happens in the library
//! crates; this binary parses arguments, calls them and prints.

mod app;
mod cmd;
mod diagnostics;
mod repo;

/// jemalloc instead of the system allocator: the analysis of a national
/// repository allocates and frees many gigabytes of small maps and strings,
/// where glibc's malloc spends a quarter of the time more (mostly page faults
/// on memory it returned to the kernel and takes back); see
/// docs/performance.md, "Allocator".
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    app::run()
}
