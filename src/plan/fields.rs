//! Reading a TOML table field by field with every value's span, so that each problem — an
//! unknown field, a value of the wrong type, one out of range — is reported at its line and
//! column, all of them at once, with the closest field name for a typo.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{SourceFile, closest, did_you_mean};

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// One table of the file and the fields it may have.
pub(super) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    /// How the messages name the table: "the level", "this [[round]]".
    pub(super) what: &'static str,
    known: &'static [&'static str],
}

impl<'t, 'i> Fields<'t, 'i> {
    /// Reads `table`, reporting every field it does not know.
    pub(super) fn new(
        file: &mut SourceFile<'_>,
        table: &'t DeTable<'i>,
        span: Range<usize>,
        what: &'static str,
        known: &'static [&'static str],
    ) -> Self {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if !known.contains(&name) {
                let near = closest(name, known.iter().copied());
                file.report(
                    key.span(),
                    format!("{what} has no field \"{name}\""),
                    format!(
                        "{}the fields are: {}",
                        did_you_mean(&near),
                        known.join(", ")
                    ),
                );
            }
        }
        Self {
            table,
            span,
            what,
            known,
        }
    }

    pub(super) fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub(super) fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        debug_assert!(self.known.contains(&key), "{key} is not a known field");
        self.table.get(key)
    }

    /// A field that must be there: reports it missing at the table.
    pub(super) fn require(
        &self,
        file: &mut SourceFile<'_>,
        key: &str,
        example: &str,
    ) -> Option<&'t Value<'i>> {
        let value = self.get(key);
        if value.is_none() {
            file.report(
                self.span(),
                format!("{} has no \"{key}\"", self.what),
                format!("add {example}"),
            );
        }
        value
    }

    /// A text field.
    pub(super) fn text(&self, file: &mut SourceFile<'_>, key: &str) -> Option<String> {
        self.get(key).and_then(|value| text(file, value, key))
    }

    /// A whole number in `range`.
    pub(super) fn number(
        &self,
        file: &mut SourceFile<'_>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        self.get(key)
            .and_then(|value| number(file, value, key, range))
    }

    /// true or false.
    pub(super) fn flag(&self, file: &mut SourceFile<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            other => {
                file.report(
                    value.span(),
                    format!("\"{key}\" is {}, not true or false", describe(other)),
                    format!("write {key} = true or {key} = false"),
                );
                None
            }
        }
    }
}

/// What a value is, for messages: "a number", "text", "a list".
pub(super) fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

pub(super) fn text(file: &mut SourceFile<'_>, value: &Value<'_>, key: &str) -> Option<String> {
    match value.get_ref() {
        DeValue::String(text) => Some(text.to_string()),
        other => {
            file.report(
                value.span(),
                format!("\"{key}\" is {}, not text", describe(other)),
                format!("put the text in quotes: {key} = \"…\""),
            );
            None
        }
    }
}

pub(super) fn number(
    file: &mut SourceFile<'_>,
    value: &Value<'_>,
    key: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Option<i64> {
    let parsed = match value.get_ref() {
        DeValue::Integer(integer) => i64::from_str_radix(integer.as_str(), integer.radix()).ok(),
        other => {
            file.report(
                value.span(),
                format!("\"{key}\" is {}, not a whole number", describe(other)),
                format!(
                    "write a whole number from {} to {}, without quotes",
                    range.start(),
                    range.end()
                ),
            );
            return None;
        }
    };
    match parsed {
        Some(number) if range.contains(&number) => Some(number),
        _ => {
            file.report(
                value.span(),
                format!(
                    "\"{key}\" is {}: it must be from {} to {}",
                    value_text(value),
                    range.start(),
                    range.end()
                ),
                format!(
                    "write {key} = a number from {} to {}",
                    range.start(),
                    range.end()
                ),
            );
            None
        }
    }
}

/// A list of texts, or one text standing for a list of one.
pub(super) fn texts(
    file: &mut SourceFile<'_>,
    value: &Value<'_>,
    key: &str,
) -> Vec<(String, Range<usize>)> {
    match value.get_ref() {
        DeValue::String(text) => vec![(text.to_string(), value.span())],
        DeValue::Array(items) => items
            .iter()
            .filter_map(|item| text(file, item, key).map(|text| (text, item.span())))
            .collect(),
        other => {
            file.report(
                value.span(),
                format!("\"{key}\" is {}, not a list of texts", describe(other)),
                format!("write {key} = [\"…\", \"…\"]"),
            );
            Vec::new()
        }
    }
}

/// The value as the file wrote it, for messages.
fn value_text(value: &Value<'_>) -> String {
    match value.get_ref() {
        DeValue::Integer(integer) => integer.as_str().to_string(),
        DeValue::String(text) => format!("\"{text}\""),
        other => describe(other).to_string(),
    }
}
