//! rust-i18n compiles `locales/` in: rebuild when a text changes.

fn main() {
    println!("cargo:rerun-if-changed=../../locales");
}
