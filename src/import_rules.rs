//! The shape of the code, checked on every `cargo test` (the core alone too): which file may
//! name which. It reads every `use` line and every `crate::`/`super::`/`self::`/child-module
//! path in src/ and fails on
//! - an import circle between files (a file's re-exports of its own children, `pub use`, and
//!   its tests do not count: they are not what its code depends on);
//! - a core module (anything outside `game` and the command line) that names `cli` or `game`;
//! - a shared part of the game layer (anything in `game/` outside `game/screens/`, but for the
//!   root `game/mod.rs` and the test harness `game/testing.rs`) that names a screen, or a screen
//!   that names another screen;
//! - a file over 600 lines (tests aside).
//!
//! Run it alone with `cargo test --no-default-features --lib import_rules`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// No source file (tests aside) may grow past this many lines.
const MAX_LINES: usize = 600;

/// One source file and the module path it holds (`game::screens::quiz`).
#[derive(Debug)]
struct SourceFile {
    path: String,
    module: Vec<String>,
    /// The file's code up to its inline tests, without comments.
    code: String,
    lines: usize,
    /// Child modules declared in this file (`mod x;` or `mod x {`).
    children: BTreeSet<String>,
}

/// Every module file under `src/` (the binary's `main.rs` and test-only modules left out).
fn read_sources(src: &Path) -> Vec<SourceFile> {
    let mut files = Vec::new();
    let mut test_only = BTreeSet::new();
    collect(src, src, &mut files, &mut test_only);
    files.retain(|file: &SourceFile| {
        !test_only
            .iter()
            .any(|module: &Vec<String>| file.module.starts_with(module))
    });
    files
}

fn collect(
    src: &Path,
    dir: &Path,
    files: &mut Vec<SourceFile>,
    test_only: &mut BTreeSet<Vec<String>>,
) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|entry| entry.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(src, &path, files, test_only);
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let relative = path.strip_prefix(src).expect("under src/");
        let mut module: Vec<String> = relative
            .with_extension("")
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
            module.pop();
        }
        if module == ["main"] {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        let (code, children, tests) = strip(&text);
        for child in tests {
            let mut test_module = module.clone();
            test_module.push(child);
            test_only.insert(test_module);
        }
        files.push(SourceFile {
            path: format!("src/{}", relative.display()),
            module,
            lines: text.lines().count(),
            code,
            children,
        });
    }
}

/// The code without comments and without its inline test module; the child modules it
/// declares; and the children declared for tests only (`#[cfg(test)] mod x;`).
fn strip(text: &str) -> (String, BTreeSet<String>, Vec<String>) {
    let mut code = String::new();
    let mut children = BTreeSet::new();
    let mut tests = Vec::new();
    let mut after_cfg_test = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let declared = trimmed
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
            .map(|rest| rest.trim_end_matches([';', '{', ' ']).to_string());
        if after_cfg_test {
            after_cfg_test = false;
            if let Some(name) = &declared {
                if trimmed.ends_with('{') {
                    // The inline tests run to the end of the file.
                    break;
                }
                tests.push(name.clone());
                continue;
            }
        }
        if trimmed.starts_with("#[cfg(test)]") {
            after_cfg_test = true;
            continue;
        }
        if let Some(name) = declared {
            children.insert(name);
        }
        let without_comment = match line.find(" //") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        code.push_str(without_comment);
        code.push('\n');
    }
    (code, children, tests)
}

/// Every path the code names, as written: `crate::a::b`, `super::x`, `child::y`, with `use`
/// groups (`use a::{b, c::d}`) spelled out. Re-exports (`pub use`) are left out.
fn named_paths(file: &SourceFile) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let code = without_strings(&file.code);
    // `use` statements (each starts a line), braces expanded; the other lines are the code.
    let mut body = String::new();
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let (is_reexport, rest) = match trimmed.strip_prefix("pub") {
            Some(after) => (true, after.trim_start_matches(|c| c != ' ').trim_start()),
            None => (false, trimmed),
        };
        let Some(tree) = rest.strip_prefix("use ") else {
            body.push_str(line);
            body.push('\n');
            continue;
        };
        let mut statement = tree.to_string();
        while !statement.contains(';') {
            match lines.next() {
                Some(more) => statement.push_str(more),
                None => break,
            }
        }
        if !is_reexport {
            let tree = statement.split(';').next().unwrap_or_default();
            expand_use(tree, &mut Vec::new(), &mut paths);
        }
    }
    // Paths in the code itself.
    let words = body
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|word| word.contains("::"));
    for word in words {
        let parts: Vec<String> = word
            .split("::")
            .filter(|part| !part.is_empty())
            .map(str::to_string)
            .collect();
        let Some(first) = parts.first() else {
            continue;
        };
        if matches!(first.as_str(), "crate" | "super" | "self") || file.children.contains(first) {
            paths.push(parts);
        }
    }
    paths
}

/// The code with every string literal emptied (a message may mention `crate::` or "use").
fn without_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut chars = code.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (true, '\\') => {
                chars.next();
            }
            (true, '"') => {
                in_string = false;
                out.push('"');
            }
            (true, _) => {}
            // A char literal such as '"' is not a string.
            (false, '\'') if chars.peek() == Some(&'"') => {
                out.push(c);
                out.push(chars.next().unwrap_or('"'));
            }
            (false, '"') => {
                in_string = true;
                out.push('"');
            }
            (false, _) => out.push(c),
        }
    }
    out
}

/// Spells out one use tree (`a::{b, c::{d, e}}`) into full paths.
fn expand_use(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(str::to_string)
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let depth = prefix.len();
        prefix.extend(head);
        for item in split_top_level(inner) {
            expand_use(item, prefix, out);
        }
        prefix.truncate(depth);
    } else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        let mut full = prefix.clone();
        full.extend(
            path.split("::")
                .map(str::trim)
                .filter(|part| !part.is_empty() && *part != "*")
                .map(str::to_string),
        );
        if !full.is_empty() {
            out.push(full);
        }
    }
}

/// Splits `a, b::{c, d}, e` at the commas outside braces.
fn split_top_level(text: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&text[start..]);
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .collect()
}

/// The file a path leads to: the deepest module file its segments name.
fn resolve<'f>(
    from: &SourceFile,
    path: &[String],
    by_module: &BTreeMap<Vec<String>, &'f SourceFile>,
) -> Option<&'f SourceFile> {
    let mut module = from.module.clone();
    let mut segments = path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some("crate") => {
            module.clear();
            segments.next();
        }
        Some("super") => {
            while segments.peek().map(|s| s.as_str()) == Some("super") {
                module.pop();
                segments.next();
            }
        }
        Some("self") => {
            segments.next();
        }
        Some(child) if from.children.contains(child) => {}
        _ => return None,
    }
    let mut found = by_module.get(&module).copied();
    for segment in segments {
        module.push(segment.clone());
        match by_module.get(&module) {
            Some(file) => found = Some(file),
            None => break,
        }
    }
    found
}

/// Which file names which (file paths), with the names that tie them.
fn import_graph(files: &[SourceFile]) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let by_module: BTreeMap<Vec<String>, &SourceFile> = files
        .iter()
        .map(|file| (file.module.clone(), file))
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in files {
        let edges = graph.entry(file.path.clone()).or_default();
        for path in named_paths(file) {
            if let Some(target) = resolve(file, &path, &by_module)
                && target.path != file.path
            {
                edges
                    .entry(target.path.clone())
                    .or_default()
                    .insert(path.join("::"));
            }
        }
    }
    graph
}

/// The groups of files that import each other in a circle (strongly connected, Tarjan).
fn circles(graph: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>) -> Vec<Vec<String>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(walk: &mut Walk<'g>, node: &'g str) {
        let number = walk.index.len();
        walk.index.insert(node, number);
        walk.low.insert(node, number);
        walk.stack.push(node);
        walk.on_stack.insert(node);
        for next in walk.graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            let next = next.as_str();
            if !walk.index.contains_key(next) {
                visit(walk, next);
                let low = walk.low[node].min(walk.low[next]);
                walk.low.insert(node, low);
            } else if walk.on_stack.contains(next) {
                let low = walk.low[node].min(walk.index[next]);
                walk.low.insert(node, low);
            }
        }
        if walk.low[node] == walk.index[node] {
            let mut group = Vec::new();
            while let Some(top) = walk.stack.pop() {
                walk.on_stack.remove(top);
                group.push(top.to_string());
                if top == node {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                walk.found.push(group);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            visit(&mut walk, node);
        }
    }
    walk.found
}

/// The screen a file belongs to (`src/game/screens/quiz/…` → `quiz`), if it is in one.
fn screen_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("src/game/screens/")?;
    let name = rest.split('/').next()?;
    (name != "mod.rs").then(|| name.trim_end_matches(".rs"))
}

fn sources() -> Vec<SourceFile> {
    read_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn no_file_imports_another_in_a_circle() {
    let graph = import_graph(&sources());
    let found = circles(&graph);
    let explained: Vec<String> = found
        .iter()
        .map(|group| {
            let ties: Vec<String> = group
                .iter()
                .flat_map(|from| {
                    graph[from]
                        .iter()
                        .filter(|(to, _)| group.contains(to))
                        .map(move |(to, names)| format!("  {from} -> {to}: {names:?}"))
                })
                .collect();
            format!(
                "{} files: {}\n{}",
                group.len(),
                group.join(", "),
                ties.join("\n")
            )
        })
        .collect();
    assert!(
        found.is_empty(),
        "import circles (move what both sides need into a module below them):\n{}",
        explained.join("\n")
    );
}

#[test]
fn the_core_names_neither_the_command_line_nor_the_game() {
    let graph = import_graph(&sources());
    let mut wrong = Vec::new();
    for (from, edges) in &graph {
        if from.starts_with("src/game/") || from == "src/cli.rs" || from == "src/lib.rs" {
            continue;
        }
        for (to, names) in edges {
            if to == "src/cli.rs" || to.starts_with("src/game/") {
                wrong.push(format!("{from} -> {to}: {names:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the core must not name the command line or the game (convert in cli.rs):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn shared_game_parts_name_no_screen_and_screens_name_no_other() {
    let graph = import_graph(&sources());
    let mut wrong = Vec::new();
    for (from, edges) in &graph {
        // The root puts the plugins together; the test harness reads every screen's state.
        if !from.starts_with("src/game/")
            || from == "src/game/mod.rs"
            || from == "src/game/testing.rs"
        {
            continue;
        }
        let own = screen_of(from);
        let is_screen_hub = from == "src/game/screens/mod.rs";
        for (to, names) in edges {
            if to == "src/game/screens/mod.rs" && !is_screen_hub && own.is_none() {
                wrong.push(format!(
                    "{from} -> {to}: {names:?} (a shared part names the screens)"
                ));
            }
            let Some(target) = screen_of(to) else {
                continue;
            };
            if is_screen_hub || own == Some(target) {
                continue;
            }
            let what = if own.is_some() {
                "a screen names another screen"
            } else {
                "a shared part names a screen"
            };
            wrong.push(format!("{from} -> {to}: {names:?} ({what})"));
        }
    }
    assert!(
        wrong.is_empty(),
        "screens sit above the shared parts of the game and beside each other; what two of them \
         need belongs below both (a message, a resource in a shared module):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_source_file_is_over_six_hundred_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|file| file.lines > MAX_LINES)
        .map(|file| format!("{}: {} lines", file.path, file.lines))
        .collect();
    assert!(
        long.is_empty(),
        "split these files by concern (at most {MAX_LINES} lines each):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checker_reads_use_groups_and_circles() {
    let mut paths = Vec::new();
    expand_use("crate::a::{b, c::{D, e as f}}", &mut Vec::new(), &mut paths);
    let spelled: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(spelled, ["crate::a::b", "crate::a::c::D", "crate::a::c::e"]);

    let edge = |from: &str, to: &str| {
        (
            from.to_string(),
            BTreeMap::from([(to.to_string(), BTreeSet::new())]),
        )
    };
    let graph = BTreeMap::from([
        edge("a", "b"),
        edge("b", "c"),
        edge("c", "a"),
        edge("d", "a"),
    ]);
    assert_eq!(circles(&graph), vec![vec!["a", "b", "c"]]);
    assert_eq!(screen_of("src/game/screens/quiz/panel.rs"), Some("quiz"));
    assert_eq!(screen_of("src/game/screens/title.rs"), Some("title"));
    assert_eq!(screen_of("src/game/screens/mod.rs"), None);
}
