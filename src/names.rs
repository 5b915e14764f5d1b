//! Comparing names the way a player types them: "hamhung", "Hamhŭng" and "HAMHUNG" are one name;
//! so are "P'yŏngyang" and "Pyongyang", "Rajin-Sonbong" and "Rajin Sonbong".

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
    use super::*;

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
}
