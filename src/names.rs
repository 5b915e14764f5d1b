//! Comparing names the way a player types them: "hamhung", "Hamhŭng" and "HAMHUNG" are one name;
//! so are "P'yŏngyang" and "Pyongyang", "Rajin-Sonbong" and "Rajin Sonbong". A typed answer may
//! also carry one small typo ("Hamhng"), as long as no other city is as close.

use crate::dataset::{City, CityId, Dataset};
use crate::text::fold;

/// Edits (Damerau–Levenshtein) a typed name may be from a spelling of this folded length and
/// still count: none for short names, where one letter makes another name ("Anju", "Anak"),
/// one from five letters on.
pub fn typos_allowed(folded_length: usize) -> usize {
    if folded_length >= 5 { 1 } else { 0 }
}

/// What a typed name turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypedName {
    /// A recorded spelling of this city, give or take case, marks and punctuation.
    Exact(CityId),
    /// One small typo away from this city's name, and from no other city's.
    Close(CityId),
    /// As close to several cities: not an answer.
    Ambiguous(Vec<CityId>),
    Unknown,
}

/// Which city `typed` names. Hangul is compared as written (spaces and "시" aside) and also
/// through its transliteration.
pub fn match_typed(dataset: &Dataset, typed: &str) -> TypedName {
    let typed_hangul: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    let typed_hangul = typed_hangul.trim_end_matches('시');
    let folded = fold(typed);
    if folded.is_empty() && typed_hangul.is_empty() {
        return TypedName::Unknown;
    }
    let exact = dataset.cities.iter().find(|city| {
        (!typed_hangul.is_empty() && city.hangul == typed_hangul)
            || (!folded.is_empty() && folded_spellings(city).any(|s| s == folded))
    });
    if let Some(city) = exact {
        return TypedName::Exact(city.id);
    }
    if folded.is_empty() {
        return TypedName::Unknown;
    }
    let close: Vec<CityId> = dataset
        .cities
        .iter()
        .filter(|city| {
            folded_spellings(city).any(|spelling| {
                strsim::damerau_levenshtein(&folded, &spelling)
                    <= typos_allowed(spelling.len().min(folded.len()))
            })
        })
        .map(|city| city.id)
        .collect();
    match close.as_slice() {
        [] => TypedName::Unknown,
        [one] => TypedName::Close(*one),
        _ => TypedName::Ambiguous(close),
    }
}

fn folded_spellings(city: &City) -> impl Iterator<Item = String> + '_ {
    city.spellings()
        .map(fold)
        .filter(|spelling| !spelling.is_empty())
}

/// Whether two cities share a spelling once folded (then one could not stand for the other).
pub fn share_a_spelling(a: &City, b: &City) -> bool {
    folded_spellings(a).any(|x| folded_spellings(b).any(|y| x == y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::test_dataset;

    #[test]
    fn accents_case_apostrophes_and_hyphens_do_not_matter() {
        assert_eq!(fold("Hamhŭng"), "hamhung");
        assert_eq!(fold("HAMHUNG"), "hamhung");
        assert_eq!(fold("P'yŏngyang"), fold("Pyongyang"));
        assert_eq!(fold("Rajin-Sŏnbong"), fold("rajin sonbong"));
        assert_eq!(fold("Namp’o"), "nampo");
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(fold("Hamheung"), fold("Hamhung"));
        assert_ne!(fold("Chongjin"), fold("Chongju"));
    }

    #[test]
    fn every_spelling_of_hamhung_and_one_typo_are_hamhung() {
        let d = test_dataset();
        let hamhung = d.city_by_slug("hamhung").unwrap().id;
        for typed in [
            "Hamhung",
            "Hamhŭng",
            "Hamheung",
            "hamhung",
            "HAMHUNG",
            "함흥",
            " 함흥시 ",
        ] {
            assert_eq!(match_typed(&d, typed), TypedName::Exact(hamhung), "{typed}");
        }
        assert_eq!(match_typed(&d, "Hamhng"), TypedName::Close(hamhung));
        assert_eq!(match_typed(&d, "Hamhugn"), TypedName::Close(hamhung));
        for typed in ["Hanhun", "Hamju", "Hamhu", "Hamhungg x"] {
            let named = match match_typed(&d, typed) {
                TypedName::Exact(id) | TypedName::Close(id) => Some(id),
                _ => None,
            };
            assert_ne!(named, Some(hamhung), "{typed}");
        }
        for typed in ["", "  ", "Ham", "?!"] {
            assert_eq!(match_typed(&d, typed), TypedName::Unknown, "{typed}");
        }
    }

    #[test]
    fn similar_cities_keep_their_own_names() {
        let d = test_dataset();
        let id = |slug: &str| d.city_by_slug(slug).unwrap().id;
        assert_eq!(match_typed(&d, "Chongju"), TypedName::Exact(id("chongju")));
        assert_eq!(
            match_typed(&d, "Chongjin"),
            TypedName::Exact(id("chongjin"))
        );
        assert_eq!(match_typed(&d, "Kusong"), TypedName::Exact(id("kusong")));
        assert_eq!(match_typed(&d, "Kaesong"), TypedName::Exact(id("kaesong")));
        assert_eq!(match_typed(&d, "Rajin"), TypedName::Exact(id("rason")));
        // Short names allow no typo: "Anjy" is not Anju.
        assert_eq!(match_typed(&d, "Anjy"), TypedName::Unknown);
    }
}
