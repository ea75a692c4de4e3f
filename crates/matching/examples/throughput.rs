//! The matching benchmark (`benches/matching.rs`) as an example, so that it
//! builds without the whole workspace:
//! `cargo run --release -p peta-matching --example throughput`.
#[path = "../../../benches/matching.rs"]
mod bench;

fn main() {
    bench::main();
}
