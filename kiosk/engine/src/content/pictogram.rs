//! The pictograms the kiosk draws itself, by name (`picture = "tablet"`). Emoji are still
//! accepted for a deployer's own answers; a word that names no pictogram is refused.

/// The names of the kiosk's own pictograms, in the order of the pictogram sheet
/// (`kiosk/docs/pictograms.png`).
pub const PICTOGRAMS: &[&str] = &[
    "smartphone",
    "computer",
    "tablet",
    "internet_at_home",
    "face_happy",
    "face_neutral",
    "face_worried",
    "bank",
    "video_call",
    "with_someone",
];

/// Whether `picture` is the name of one of the kiosk's own pictograms.
pub fn is_pictogram(picture: &str) -> bool {
    PICTOGRAMS.contains(&picture)
}

/// Why `picture` cannot be drawn, if it cannot: a name (plain ASCII letters, digits, `_`)
/// must be one of [`PICTOGRAMS`]; anything else is taken as an emoji (the fonts' own check
/// follows in `kiosk check`).
pub fn picture_problem(picture: &str) -> Option<String> {
    let trimmed = picture.trim();
    if trimmed.is_empty() {
        return Some(
            "an empty picture: give a pictogram name or an emoji, or leave `picture` out".to_owned(),
        );
    }
    let looks_like_a_name = trimmed.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (looks_like_a_name && !is_pictogram(trimmed))
        .then(|| format!("unknown pictogram {picture:?}; the kiosk draws: {}", PICTOGRAMS.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_emoji_are_accepted_and_unknown_words_refused() {
        assert_eq!(picture_problem("tablet"), None);
        assert_eq!(picture_problem("🎵"), None);
        assert_eq!(picture_problem("✖"), None);
        let problem = picture_problem("tablett").unwrap_or_default();
        assert!(problem.contains("tablet") && problem.contains("unknown"), "{problem}");
        assert!(picture_problem("").is_some());
    }
}
