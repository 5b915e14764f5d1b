//! Problems found in a file the player or a teacher gave us: where (file, line, column), what is
//! wrong, and what to write instead. Loaders collect every problem at once instead of stopping at
//! the first.

use std::fmt;
use std::ops::Range;

/// One problem at one place in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    /// What to write instead.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if !self.fix.is_empty() {
            write!(f, "\n  fix: {}", self.fix)?;
        }
        Ok(())
    }
}

/// Every problem found in one load, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// A file's name and text, to turn byte offsets into line and column and to collect problems.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
    problems: Vec<Problem>,
}

impl<'a> SourceFile<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Self {
            name,
            text,
            problems: Vec::new(),
        }
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// Records a problem at the start of `span`.
    pub fn report(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        let (line, column) = self.locate(span.start);
        self.problems.push(Problem {
            file: self.name.to_string(),
            line,
            column,
            message: message.into(),
            fix: fix.into(),
        });
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The problems found, in file order.
    pub fn into_problems(mut self) -> Problems {
        self.problems
            .sort_by_key(|problem| (problem.line, problem.column));
        Problems(self.problems)
    }
}

/// The names of `known` closest to `word` (a typo's likely meaning), best first, at most three;
/// none when nothing is near.
pub fn closest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Vec<&'k str> {
    let word = word.to_lowercase();
    let mut near: Vec<(usize, &str)> = known
        .into_iter()
        .map(|name| {
            (
                strsim::damerau_levenshtein(&word, &name.to_lowercase()),
                name,
            )
        })
        .filter(|(distance, name)| {
            *distance <= (name.chars().count() / 3).max(2)
                || name.to_lowercase().contains(&word) && word.len() >= 3
        })
        .collect();
    near.sort();
    near.dedup_by(|a, b| a.1 == b.1);
    near.into_iter().take(3).map(|(_, name)| name).collect()
}

/// "did you mean “a” or “b”? " for the closest names, or nothing.
pub fn did_you_mean(near: &[&str]) -> String {
    match near {
        [] => String::new(),
        [one] => format!("did you mean \"{one}\"? "),
        [first @ .., last] => format!(
            "did you mean {} or \"{last}\"? ",
            first
                .iter()
                .map(|name| format!("\"{name}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let file = SourceFile::new("x.toml", "ab\nŏŭc\n\nz");
        assert_eq!(file.locate(0), (1, 1));
        assert_eq!(file.locate(2), (1, 3));
        assert_eq!(file.locate(3), (2, 1));
        // 'c' comes after two 2-byte characters: byte 7, column 3.
        assert_eq!(file.locate(7), (2, 3));
        assert_eq!(file.locate(9), (3, 1));
        assert_eq!(file.locate(999), (4, 2));
        // An offset inside a character counts from that character.
        assert_eq!(file.locate(4), (2, 1));
    }

    #[test]
    fn the_closest_names_are_offered_for_a_typo() {
        let kinds = ["where-is", "which-city", "which-fact", "true-false"];
        assert_eq!(closest("were-is", kinds), ["where-is"]);
        assert_eq!(closest("which-citty", kinds)[0], "which-city");
        assert!(closest("zebra", kinds).is_empty());
        assert_eq!(did_you_mean(&["a", "b"]), "did you mean \"a\" or \"b\"? ");
    }

    #[test]
    fn problems_print_file_line_column_and_fix_in_file_order() {
        let mut file = SourceFile::new("cities.toml", "a\nb\nc\n");
        file.report(4..5, "second", "write c");
        file.report(2..3, "first", "");
        let problems = file.into_problems();
        assert_eq!(
            problems.to_string(),
            "cities.toml:2:1: first\ncities.toml:3:1: second\n  fix: write c"
        );
    }
}
