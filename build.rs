//! Compiles every level in levels/ into the binary (the binary alone is the whole game): writes
//! the list of files for `src/plan/built_in.rs`, so a new level is one new file and nothing else.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=levels");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let folder = Path::new(&manifest).join("levels");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the levels/ folder is there")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    let mut code =
        String::from("/// Every level file, by its path in the repository, in file-name order.\n");
    code.push_str("pub const LEVEL_FILES: &[(&str, &str)] = &[\n");
    // The path is joined when the library compiles, not here, so a checkout moved elsewhere
    // (or a second one sharing the target folder) never reads a stale absolute path.
    for name in &names {
        code.push_str(&format!(
            "    (\"levels/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/levels/{name}\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("levels.rs");
    std::fs::write(out, code).expect("OUT_DIR can be written");
}
