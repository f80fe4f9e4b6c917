//! The `kiosk` binary: see `kiosk --help` and CONTRACTS.md.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = repere_kiosk::cli::main(&args);
    std::process::exit(code);
}
