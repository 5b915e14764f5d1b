//! Text as the game compares it, below every module that reads names (the dataset, typed
//! answers, search).

/// The form names are compared in: ASCII transliteration, lower case, letters and digits only.
pub fn fold(name: &str) -> String {
    deunicode::deunicode(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn marks_case_and_punctuation_fold_away() {
        assert_eq!(fold("Hamhŭng"), "hamhung");
        assert_eq!(fold("P'yŏngyang"), fold("pyongyang"));
        assert_eq!(fold("Rajin-Sonbong"), fold("RAJIN SONBONG"));
    }
}
