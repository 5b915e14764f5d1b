//! The dataset's rules, one test each, and the shipped file against its sources.

use super::*;
use crate::geography::{LatLon, MapShapes, distance_km};

const SEED_FILES: [&str; 4] = [
    "000_94b79746cb7df676.txt",
    "001_cbd80db4a2371350.txt",
    "002_526ff2c019d1b34c.txt",
    "003_6e473d90ee99f913.txt",
];

fn shipped() -> Dataset {
    let map = MapShapes::built_in().unwrap();
    match Dataset::built_in(Some(&map.country)) {
        Ok(dataset) => dataset,
        Err(problems) => panic!("the shipped dataset has problems:\n{problems}"),
    }
}

#[test]
fn shipped_dataset_has_every_census_city_and_musan_with_census_figures() {
    let dataset = shipped();
    let census = dataset
        .sources
        .iter()
        .position(|s| s.slug == "census2008")
        .unwrap();
    let expected = [
        ("pyongyang", 3_255_288, Some(2_581_076)),
        ("hamhung", 768_551, Some(703_610)),
        ("chongjin", 667_929, Some(614_892)),
        ("nampo", 366_815, Some(310_864)),
        ("kaesong", 308_440, Some(192_578)),
        ("rason", 196_954, Some(158_337)),
        ("manpo", 116_760, None),
        ("musan", 123_721, None),
    ];
    for (slug, total, urban) in expected {
        let city = dataset
            .city_by_slug(slug)
            .unwrap_or_else(|| panic!("{slug} is missing"));
        let total_figure = city.figure(PopulationKind::Total).unwrap();
        assert_eq!(total_figure.amount, Amount::Count(total), "{slug}");
        assert_eq!(total_figure.year, Year::In(2008));
        assert_eq!(usize::from(total_figure.source.0), census);
        assert_eq!(
            city.figure(PopulationKind::Urban).map(|p| p.amount),
            urban.map(Amount::Count),
            "{slug}"
        );
    }
    let census_cities = dataset
        .cities
        .iter()
        .filter(|c| {
            c.population
                .iter()
                .any(|p| usize::from(p.source.0) == census && p.kind == PopulationKind::Total)
        })
        .count();
    assert_eq!(census_cities, 28, "the 27 census cities and Musan county");
}

#[test]
fn shipped_coordinates_are_within_10_km_of_the_reference_table() {
    let dataset = shipped();
    let fixture = include_str!("../../tests/fixtures/census_coords.csv");
    let mut checked = 0;
    for line in fixture.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        let (slug, lat, lon) = (
            fields[0],
            fields[2].parse().unwrap(),
            fields[3].parse().unwrap(),
        );
        let city = dataset
            .city_by_slug(slug)
            .unwrap_or_else(|| panic!("{slug} is missing"));
        let km = distance_km(city.location, LatLon { lat, lon });
        assert!(km < 10.0, "{slug} is {km:.1} km from the reference");
        checked += 1;
    }
    assert_eq!(checked, 28);
}

/// One row of `tools/data/second_sources.toml`.
#[derive(serde::Deserialize)]
struct SecondSource {
    city: String,
    lat: Option<f64>,
    lon: Option<f64>,
    source: Option<String>,
    within_km: Option<f64>,
    note: Option<String>,
    none: Option<String>,
}

#[derive(serde::Deserialize)]
struct SecondSources {
    point: Vec<SecondSource>,
}

/// A map question marks a click right or wrong by a city's point: every point is checked
/// against a source other than the one it came from, within 5 km unless the row explains why
/// more (Rason is Rajin, not Sonbong); a city with no independent source says so.
#[test]
fn every_point_agrees_with_its_second_source() {
    let dataset = shipped();
    let table: SecondSources =
        toml::from_str(include_str!("../../tools/data/second_sources.toml")).unwrap();
    for city in &dataset.cities {
        let row = table
            .point
            .iter()
            .find(|row| row.city == city.slug)
            .unwrap_or_else(|| panic!("{} has no second source row", city.slug));
        let (Some(lat), Some(lon)) = (row.lat, row.lon) else {
            assert!(
                row.none.is_some(),
                "{}: a point or why there is none",
                city.slug
            );
            continue;
        };
        assert!(
            row.source.is_some(),
            "{}: name the second source",
            city.slug
        );
        let limit = row.within_km.unwrap_or(5.0);
        if row.within_km.is_some() {
            assert!(
                row.note.is_some(),
                "{}: explain the wider tolerance",
                city.slug
            );
        }
        let km = distance_km(city.location, LatLon { lat, lon });
        assert!(
            km <= limit,
            "{} is {km:.1} km from its second source",
            city.slug
        );
    }
    assert_eq!(table.point.len(), dataset.cities.len());
}

#[test]
fn every_seed_city_has_three_facts_citing_a_seed_and_no_fact_is_empty() {
    let dataset = shipped();
    let seed_ids: Vec<usize> = SEED_FILES
        .iter()
        .map(|name| {
            dataset
                .sources
                .iter()
                .position(|s| s.slug == *name)
                .unwrap()
        })
        .collect();
    for slug in [
        "pyongyang",
        "hamhung",
        "chongjin",
        "nampo",
        "wonsan",
        "sinuiju",
        "kaesong",
        "rason",
        "pyongsong",
        "kimchaek",
        "musan",
    ] {
        let city = dataset.city_by_slug(slug).unwrap();
        let from_seeds = city
            .facts
            .iter()
            .filter(|f| seed_ids.contains(&usize::from(f.source.0)))
            .count();
        assert!(
            from_seeds >= 3,
            "{slug} has {from_seeds} facts from the seeds"
        );
    }
    for city in &dataset.cities {
        assert!(
            city.facts.len() >= 2,
            "{} has {} facts",
            city.slug,
            city.facts.len()
        );
        for fact in &city.facts {
            assert!(!fact.text.trim().is_empty(), "{}", city.slug);
        }
    }
    let hamhung = dataset.city_by_slug("hamhung").unwrap();
    assert!(hamhung.population.contains(&Population {
        amount: Amount::Range {
            min: Some(700_000),
            max: Some(800_000)
        },
        year: Year::Undated,
        kind: PopulationKind::Estimate,
        source: SourceId(seed_ids[1] as u16),
    }));
    let musan = dataset.city_by_slug("musan").unwrap();
    assert!(musan.population.iter().any(|p| p.amount
        == Amount::Range {
            min: None,
            max: Some(200_000)
        }));
}

#[test]
fn the_seed_top_ten_is_a_ranking_that_disagrees_with_the_census() {
    let dataset = shipped();
    assert_eq!(dataset.rankings.len(), 1);
    let ranking = &dataset.rankings[0];
    let id = |slug| dataset.city_by_slug(slug).unwrap().id;
    assert!(
        ranking.claims_larger(id("kaesong"), id("tanchon")),
        "listed above unlisted"
    );
    assert!(ranking.claims_larger(id("hamhung"), id("chongjin")));
    assert!(!ranking.claims_larger(id("chongjin"), id("hamhung")));
    assert!(
        !ranking.claims_larger(id("tanchon"), id("sariwon")),
        "no claim between unlisted"
    );
}

#[test]
fn search_finds_a_city_by_any_spelling() {
    let dataset = shipped();
    let first = |query: &str| {
        dataset
            .search(query)
            .first()
            .map(|&id| dataset.city(id).slug.clone())
    };
    assert_eq!(first("hamhung").as_deref(), Some("hamhung"));
    assert_eq!(first("HAMHŬNG").as_deref(), Some("hamhung"));
    assert_eq!(first("함흥").as_deref(), Some("hamhung"));
    assert_eq!(first("Chinnampo").as_deref(), Some("nampo"));
    assert_eq!(first("songjin").as_deref(), Some("kimchaek"));
    assert_eq!(first("p'yŏngyang").as_deref(), Some("pyongyang"));
    assert!(dataset.search("").is_empty());
    assert!(dataset.search("zzz").is_empty());
    // A prefix finds every city it starts, whole matches first.
    let chong: Vec<_> = dataset
        .search("chong")
        .iter()
        .map(|&id| dataset.city(id).slug.clone())
        .collect();
    assert!(
        chong.contains(&"chongjin".to_string()) && chong.contains(&"chongju".to_string()),
        "{chong:?}"
    );
}

// ---- the validator, one broken dataset per rule

const GOOD: &str = r#"
[[source]]
id = "census"
title = "A census"

[[province]]
id = "north"
name = "North"
name_mr = "Puk"
hangul = "북"
kind = "province"
iso = "KP-99"

[[city]]
id = "alpha"
name = "Alpha"
name_mr = "Alp'a"
name_rr = "Alpa"
hangul = "알파"
aliases = ["Old Alpha"]
province = "north"
status = "city"
lat = 39.0
lon = 125.7
coord_source = "census"

[[city.population]]
count = 1000
year = 2008
kind = "total"
source = "census"

[[city.fact]]
key = "test"
text = "It is a test city."
topic = "geography"
source = "census"
"#;

/// Parses GOOD with one text replacement and returns the problems as printed.
fn problems_after(from: &str, to: &str) -> Vec<String> {
    assert!(GOOD.contains(from), "{from}");
    let text = GOOD.replacen(from, to, 1);
    match Dataset::parse("test.toml", &text, None) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

fn line_of(text: &str) -> usize {
    GOOD.lines().position(|l| l.contains(text)).unwrap() + 1
}

#[test]
fn the_good_example_passes() {
    let dataset = Dataset::parse("test.toml", GOOD, None).unwrap();
    assert_eq!(dataset.cities[0].name, "Alpha");
}

/// A second, valid city table to append to GOOD.
fn extra_city(id: &str, name_mr: &str) -> String {
    format!(
        "\n[[city]]\nid = \"{id}\"\nname = \"Beta\"\nname_mr = \"{name_mr}\"\nname_rr = \"Beta\"\n\
         hangul = \"베타\"\nprovince = \"north\"\nstatus = \"city\"\nlat = 39.0\nlon = 125.7\n\
         coord_source = \"census\"\n[[city.population]]\ncount = 5\nyear = 2008\nkind = \"total\"\n\
         source = \"census\"\n"
    )
}

fn line_in(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(nth)
        .unwrap()
        .0
        + 1
}

#[test]
fn duplicate_city_ids_name_the_second_line() {
    let text = format!("{GOOD}{}", extra_city("alpha", "Pet'a"));
    let problems = Dataset::parse("test.toml", &text, None).unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("the city id \"alpha\" is used twice")
    );
    assert_eq!(problems[0].line, line_in(&text, "id = \"alpha\"", 1));
}

#[test]
fn a_name_shared_by_two_cities_is_reported() {
    let text = format!("{GOOD}{}", extra_city("beta", "ALPHA"));
    let problems = Dataset::parse("test.toml", &text, None).unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("\"ALPHA\" of \"beta\" is also a name of \"alpha\"")
    );
    assert_eq!(problems[0].line, line_in(&text, "ALPHA", 0));
}

#[test]
fn a_coordinate_off_the_map_names_its_line() {
    let problems = problems_after("lat = 39.0", "lat = 93.0");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!(
            "test.toml:{}:7: \"alpha\" at lat 93",
            line_of("lat = 39.0")
        )),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains("fix: write decimal degrees"));
}

#[test]
fn a_coordinate_outside_the_country_is_reported_with_its_distance() {
    let map = MapShapes::built_in().unwrap();
    // Seoul: on the map, but well outside North Korea.
    let text = GOOD
        .replace("lat = 39.0", "lat = 37.57")
        .replace("lon = 125.7", "lon = 126.98");
    let problems = Dataset::parse("test.toml", &text, Some(&map.country))
        .unwrap_err()
        .0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("outside North Korea"),
        "{}",
        problems[0]
    );
    assert_eq!(problems[0].line, line_of("lat = 39.0"));
}

#[test]
fn a_population_without_year_or_source_is_reported() {
    let problems = problems_after("year = 2008\n", "");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("has no year"));
    assert!(problems[0].contains("year = \"undated\""));
    assert!(
        problems[0].starts_with(&format!("test.toml:{}:", line_of("[[city.population]]"))),
        "{}",
        problems[0]
    );

    let problems = problems_after("kind = \"total\"\nsource = \"census\"", "kind = \"total\"");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("has no source"));

    let problems = problems_after(
        "kind = \"total\"\nsource = \"census\"",
        "kind = \"total\"\nsource = \"nowhere\"",
    );
    assert!(
        problems[0].contains("unknown source \"nowhere\""),
        "{problems:?}"
    );
    assert!(problems[0].contains("use one of the [[source]] ids (census)"));
}

#[test]
fn min_above_max_is_reported() {
    let problems = problems_after("count = 1000", "min = 900\nmax = 800");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("min 900 above max 800"));
    assert!(
        problems[0].starts_with(&format!("test.toml:{}:", line_of("count = 1000"))),
        "{}",
        problems[0]
    );
}

#[test]
fn an_empty_fact_is_reported() {
    let problems = problems_after("It is a test city.", "  ");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("a fact about \"alpha\" is empty"));
    assert!(problems[0].starts_with(&format!("test.toml:{}:", line_of("It is a test city."))));
}

#[test]
fn an_unknown_province_lists_the_known_ones() {
    let problems = problems_after("province = \"north\"", "province = \"nowhere\"");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("unknown province \"nowhere\""));
    assert!(problems[0].contains("fix: use one of the [[province]] ids: north"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = GOOD
        .replacen("province = \"north\"", "province = \"nowhere\"", 1)
        .replacen("It is a test city.", "", 1)
        .replacen("status = \"city\"", "status = \"town\"", 1);
    let problems = Dataset::parse("test.toml", &text, None).unwrap_err().0;
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems.windows(2).all(|w| w[0].line <= w[1].line),
        "in file order"
    );
}

#[test]
fn syntax_errors_and_unknown_keys_point_at_the_place() {
    let problems = problems_after("status = \"city\"", "status = city");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("test.toml:{}:", line_of("status = \"city\""))),
        "{}",
        problems[0]
    );

    let problems = problems_after("status = \"city\"", "status = \"city\"\npopulaton = 5");
    assert!(problems[0].contains("unknown field"), "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("test.toml:{}:", line_of("status = \"city\"") + 1)),
        "{}",
        problems[0]
    );
}

/// Two cities whose facts both say "special economic zone": the first must list the second.
fn two_zones(first_extra: &str) -> Vec<String> {
    let zone = |key: &str, extra: &str| {
        format!(
            "[[city.fact]]\nkey = \"{key}\"\ntext = \"It is a special economic zone.\"\n\
             topic = \"trade\"\nsource = \"census\"\n{extra}"
        )
    };
    let text = format!(
        "{GOOD}\n{}{}\n{}",
        zone("zone", first_extra),
        extra_city("beta", "Pet'a"),
        zone("zone", "also_true_of = [\"alpha\"]\n"),
    );
    match Dataset::parse("test.toml", &text, None) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_shared_trait_must_list_the_other_city_or_say_it_was_checked() {
    let problems = two_zones("");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("alpha/zone says \"special economic zone\""),
        "{problems:?}"
    );
    assert!(
        problems[0].contains("also says of \"beta\""),
        "{problems:?}"
    );
    assert!(
        problems[0].contains("also_true_of = [\"beta\"]"),
        "{problems:?}"
    );
    assert!(two_zones("also_true_of = [\"beta\"]\n").is_empty());
    assert!(two_zones("distinct_from = [\"beta\"]\n").is_empty());
    assert!(two_zones("generic = true\n").is_empty());
}

#[test]
fn capitals_of_different_provinces_are_no_shared_trait() {
    let fact = |text: &str| {
        format!(
            "[[city.fact]]\nkey = \"capital\"\ntext = \"{text}\"\ntopic = \"government\"\nsource = \"census\"\n"
        )
    };
    let text = format!(
        "{GOOD}\n{}{}\n{}",
        fact("It is the capital of North Province."),
        extra_city("beta", "Pet'a"),
        fact("It is the capital of South Province."),
    );
    assert!(Dataset::parse("test.toml", &text, None).is_ok());
}
