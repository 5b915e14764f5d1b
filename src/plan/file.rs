//! The level format, `format = 1`: one TOML file per plan, the plan's fields at the top and one
//! `[[round]]` table per round, in the order they are played (levels/README.md describes it for
//! teachers). Reading collects every problem at once, each at its line and column with what to
//! write instead; then a dry run deals the plan over several seeds and difficulties and reports
//! a round its cities cannot fill.

use std::ops::Range;
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use super::fields::{Fields, Value, describe, texts};
use super::{Cities, Plan, Round, Run, Shelf, deal};
use crate::dataset::{CityKey, Dataset};
use crate::diagnostics::{Problems, SourceFile, closest, did_you_mean};
use crate::quiz::generate::Kind;
use crate::quiz::placement::{Difficulty, city_pool};
use crate::quiz::population::Measure;

const PLAN_FIELDS: &[&str] = &[
    "format",
    "id",
    "title",
    "description",
    "instructions",
    "shelf",
    "time_limit",
    "pass_mark",
    "stars",
    "seed",
    "round",
];

const ROUND_FIELDS: &[&str] = &[
    "kinds",
    "questions",
    "cities",
    "facts",
    "each_city_once",
    "run",
    "order_size",
    "figure",
    "board_size",
];

/// The default clock: 30 seconds a question.
const DEFAULT_SECONDS: u64 = 30;

/// Whether a file's text is a plan (a level or a set) rather than a dataset: it says `format`
/// and has rounds, where a dataset has cities and sources.
pub fn is_plan_file(text: &str) -> bool {
    match DeTable::parse(text) {
        Ok(table) => {
            let table = table.get_ref();
            table.get("round").is_some() || table.get("format").is_some()
        }
        // Unreadable: judge by its lines, so the right checker reports the syntax error.
        Err(_) => text.lines().any(|line| {
            let line = line.trim_start();
            line.starts_with("[[round]]") || line.starts_with("format")
        }),
    }
}

/// Reads and checks a plan file against the dataset it will be played on.
pub fn parse_plan(file_name: &str, text: &str, dataset: &Dataset) -> Result<Plan, Problems> {
    let mut file = SourceFile::new(file_name, text);
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(err) => {
            file.report(
                err.span().unwrap_or(0..0),
                err.message().trim(),
                "check the TOML syntax here: quotes around text, = between a field and its value, [[round]] headers",
            );
            return Err(file.into_problems());
        }
    };
    let whole = 0..text.len().min(1);
    let plan = Reader {
        file: &mut file,
        dataset,
    }
    .plan(table.get_ref(), whole, file_name)
    .map(|plan| Plan {
        content_hash: super::content_hash(text),
        ..plan
    });
    if let Some(plan) = plan.filter(|_| !file.has_problems()) {
        dry_run(&mut file, &plan, dataset, text);
        if !file.has_problems() {
            return Ok(plan);
        }
    }
    Err(file.into_problems())
}

pub(super) struct Reader<'f, 'a, 'd> {
    pub(super) file: &'f mut SourceFile<'a>,
    pub(super) dataset: &'d Dataset,
}

impl Reader<'_, '_, '_> {
    fn plan(&mut self, table: &DeTable<'_>, span: Range<usize>, file_name: &str) -> Option<Plan> {
        let fields = Fields::new(self.file, table, span, "the level", PLAN_FIELDS);
        if let Some(value) =
            fields.require(self.file, "format", "format = 1 at the top of the file")
            && let Some(format) = super::fields::number(self.file, value, "format", 0..=i64::MAX)
            && format != 1
        {
            self.file.report(
                value.span(),
                format!("this is format {format}; this version of cityquiz reads format 1"),
                "write format = 1 (or update cityquiz)",
            );
        }
        let id = fields
            .require(
                self.file,
                "id",
                "id = \"my-level\" (lowercase letters, digits and hyphens)",
            )
            .and_then(|value| super::fields::text(self.file, value, "id"));
        if let (Some(id), Some(value)) = (&id, fields.get("id"))
            && !is_slug(id)
        {
            self.file.report(
                value.span(),
                format!("the id \"{id}\" is not a slug"),
                "write lowercase letters a–z, digits and single hyphens, e.g. id = \"ports-of-the-east\"",
            );
        }
        let title = fields
            .require(self.file, "title", "title = \"The ten largest cities\"")
            .and_then(|value| super::fields::text(self.file, value, "title"));
        let description = fields.text(self.file, "description").unwrap_or_default();
        let instructions = fields.text(self.file, "instructions").unwrap_or_default();
        let shelf = fields
            .get("shelf")
            .and_then(|value| self.choice(value, "shelf", &Shelf::NAMES))
            .map_or(Shelf::Levels, |name| match name {
                "title" => Shelf::Title,
                "daily" => Shelf::Daily,
                "drill" => Shelf::Drill,
                _ => Shelf::Levels,
            });
        let time_limit = match fields.get("time_limit") {
            None => Some(Duration::from_secs(DEFAULT_SECONDS)),
            Some(value) => match value.get_ref() {
                DeValue::Boolean(false) => None,
                _ => super::fields::number(self.file, value, "time_limit", 5..=600)
                    .map(|seconds| Duration::from_secs(seconds as u64)),
            },
        };
        let pass_mark = fields.number(self.file, "pass_mark", 0..=100).unwrap_or(50) as u8;
        let stars = self.stars(&fields);
        let seed = fields
            .number(self.file, "seed", 0..=i64::MAX)
            .map(|seed| seed as u64);
        let rounds = match fields.require(self.file, "round", "a [[round]] table with its kinds") {
            Some(value) => match value.get_ref() {
                DeValue::Array(items) => items.iter().filter_map(|item| self.round(item)).collect(),
                other => {
                    self.file.report(
                        value.span(),
                        format!(
                            "\"round\" is {}, not a list of [[round]] tables",
                            describe(other)
                        ),
                        "write each round as a [[round]] table",
                    );
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        Some(Plan {
            id: id?,
            title: title?,
            description,
            instructions,
            shelf,
            time_limit,
            pass_mark,
            stars,
            seed,
            rounds,
            file: file_name.to_string(),
            content_hash: String::new(),
        })
    }

    fn stars(&mut self, fields: &Fields<'_, '_>) -> [u8; 3] {
        const DEFAULT: [u8; 3] = [0, 70, 90];
        let Some(value) = fields.get("stars") else {
            return DEFAULT;
        };
        let fix = "write three shares of the maximum points, rising, e.g. stars = [50, 70, 90]";
        let DeValue::Array(items) = value.get_ref() else {
            self.file.report(
                value.span(),
                format!(
                    "\"stars\" is {}, not a list of three numbers",
                    describe(value.get_ref())
                ),
                fix,
            );
            return DEFAULT;
        };
        let numbers: Vec<u8> = items
            .iter()
            .filter_map(|item| super::fields::number(self.file, item, "stars", 0..=100))
            .map(|n| n as u8)
            .collect();
        match numbers.as_slice() {
            &[one, two, three] if one <= two && two <= three => [one, two, three],
            _ if numbers.len() == items.len() => {
                self.file.report(
                    value.span(),
                    "\"stars\" needs three shares, each at least the one before",
                    fix,
                );
                DEFAULT
            }
            _ => DEFAULT,
        }
    }

    /// One of `names`, or a report with the closest.
    fn choice<'n>(&mut self, value: &Value<'_>, key: &str, names: &[&'n str]) -> Option<&'n str> {
        let text = super::fields::text(self.file, value, key)?;
        match names.iter().find(|name| **name == text) {
            Some(name) => Some(name),
            None => {
                let near = closest(&text, names.iter().copied());
                self.file.report(
                    value.span(),
                    format!("\"{text}\" is not a {key}"),
                    format!(
                        "{}write {key} = one of {}",
                        did_you_mean(&near),
                        quoted(names)
                    ),
                );
                None
            }
        }
    }

    fn round(&mut self, item: &Value<'_>) -> Option<Round> {
        let DeValue::Table(table) = item.get_ref() else {
            self.file.report(
                item.span(),
                "a round must be a [[round]] table",
                "write [[round]] and its fields below it",
            );
            return None;
        };
        let fields = Fields::new(
            self.file,
            table,
            item.span(),
            "this [[round]]",
            ROUND_FIELDS,
        );
        let kind_names: Vec<&str> = Kind::ALL.iter().map(|kind| kind.name()).collect();
        let listed = fields
            .require(
                self.file,
                "kinds",
                "kinds = [\"where-is\", \"find-on-map\"]",
            )
            .map(|value| texts(self.file, value, "kinds"));
        let listed_none = listed.as_ref().is_some_and(Vec::is_empty);
        let kinds: Vec<Kind> = match listed {
            Some(listed) => listed
                .into_iter()
                .filter_map(|(name, span)| match Kind::from_name(&name) {
                    Some(kind) => Some(kind),
                    None => {
                        let near = closest(&name, kind_names.iter().copied());
                        self.file.report(
                            span,
                            format!("\"{name}\" is not a kind of question"),
                            format!(
                                "{}the kinds are: {}",
                                did_you_mean(&near),
                                kind_names.join(", ")
                            ),
                        );
                        None
                    }
                })
                .collect(),
            None => Vec::new(),
        };
        if listed_none {
            self.file.report(
                fields.span(),
                "this [[round]] lists no kind",
                "write kinds = [\"where-is\"] (one kind or more)",
            );
        }
        let run = fields
            .get("run")
            .and_then(|value| self.choice(value, "run", &["mixed", "until-miss", "each-given"]))
            .map_or(Run::Mixed, |name| match name {
                "until-miss" => Run::UntilMiss,
                "each-given" => Run::EachGiven,
                _ => Run::Mixed,
            });
        let questions = match (run, fields.get("questions")) {
            (Run::Mixed, None) => {
                fields.require(self.file, "questions", "questions = 10");
                0
            }
            (_, None) => 0,
            (_, Some(value)) => {
                super::fields::number(self.file, value, "questions", 1..=100).unwrap_or(0) as usize
            }
        };
        let cities = fields
            .get("cities")
            .map_or(Some(Cities::All), |value| self.cities(value));
        let cities = cities.unwrap_or_default();
        if matches!(cities, Cities::Given) != (run == Run::EachGiven) {
            self.file.report(
                fields.span(),
                "cities = \"given\" and run = \"each-given\" go together: the game gives a drill's cities when it starts",
                "write both (a drill), or neither",
            );
        }
        let facts = fields
            .get("facts")
            .map(|value| self.facts(value))
            .unwrap_or_default();
        let each_city_once = fields.flag(self.file, "each_city_once").unwrap_or(false);
        let order_size = fields
            .number(self.file, "order_size", 3..=8)
            .map(|n| n as usize);
        let board_size = fields
            .number(self.file, "board_size", 4..=8)
            .map(|n| n as usize);
        let measure = fields
            .get("figure")
            .and_then(|value| self.choice(value, "figure", &["total", "urban"]))
            .map(|name| {
                if name == "urban" {
                    Measure::Urban
                } else {
                    Measure::Total
                }
            });
        let round = Round {
            kinds,
            questions,
            cities,
            facts,
            each_city_once,
            run,
            order_size,
            measure,
            board_size,
        };
        self.enough_cities(&round, item.span());
        Some(round)
    }

    /// A round that asks each question about another city needs as many cities as questions.
    fn enough_cities(&mut self, round: &Round, span: Range<usize>) {
        if !round.each_city_once || round.run != Run::Mixed {
            return;
        }
        let smallest = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard]
            .into_iter()
            .map(|difficulty| {
                super::resolve_cities(self.dataset, &round.cities, difficulty, &[]).len()
            })
            .min()
            .unwrap_or(0);
        let asking_cities = round
            .kinds
            .iter()
            .filter(|kind| kind.deals() != crate::quiz::generate::Deals::Nothing)
            .count();
        let share = asking_cities as f64 / round.kinds.len().max(1) as f64;
        let needed = (round.questions as f64 * share).ceil() as usize;
        if needed > smallest {
            self.file.report(
                span,
                format!(
                    "this round asks {needed} questions each about another city, but its cities are only {smallest}"
                ),
                format!("ask at most questions = {smallest}, choose more cities, or drop each_city_once"),
            );
        }
    }
}

/// Deals the plan for a few seeds at every difficulty (a drill with its largest cities) and
/// reports, at its round, each reason a question could not be drawn.
fn dry_run(file: &mut SourceFile<'_>, plan: &Plan, dataset: &Dataset, text: &str) {
    let round_spans = round_spans(text);
    let mut reported: Vec<(usize, String)> = Vec::new();
    for difficulty in Difficulty::ALL {
        let choices = super::PlanChoices {
            difficulty,
            ..super::PlanChoices::default()
        };
        let given: Vec<CityKey> = city_pool(dataset, Difficulty::Easy)
            .into_iter()
            .take(3)
            .map(|id| dataset.key(id))
            .collect();
        for seed in 0..8 {
            for (round, problem) in deal(dataset, plan, &choices, seed, &given).problems {
                let message = problem.to_string();
                if !reported.contains(&(round, message.clone())) {
                    reported.push((round, message));
                }
            }
        }
    }
    for (round, message) in reported {
        let span = round_spans.get(round).cloned().unwrap_or(0..0);
        file.report(
            span,
            format!("round {} cannot always be dealt: {message}", round + 1),
            "choose more cities or facts for this round, or other kinds",
        );
    }
}

/// Where each `[[round]]` header is, in order.
fn round_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[[round]]") {
            let start = offset + (line.len() - line.trim_start().len());
            spans.push(start..start + "[[round]]".len());
        }
        offset += line.len();
    }
    spans
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 48
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(super) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
