//! The bundled fonts draw the scripts of Repère's languages, Ethiopic (Tigrinya) included, in
//! both the text and the bold (titles, buttons) families, with kittest's missing-glyph check on.

use egui_kittest::Harness;
use repere_kiosk::fonts::GlyphCheck;
use repere_kiosk::theme::{DisplayModes, Look, TextKind};
use repere_kiosk::widgets::bidi_layout::LineAlign;
use repere_kiosk::widgets::{ButtonKind, big_button, text_block};

/// Tigrinya as a visitor would read it: the language's name, a greeting, a sentence with
/// Ethiopic punctuation, digits and a Latin address.
const TIGRINYA: [&str; 3] = ["ትግርኛ", "ሰላም! ቋንቋኹም ምረጹ።", "ክፉት ክሳብ 12:00፣ mairie-exemple.fr ፧"];

/// Every letter, digit and punctuation mark of the Ethiopic block and its supplement.
fn ethiopic_syllabary() -> String {
    ('\u{1200}'..='\u{139F}')
        .filter(|c| c.is_alphabetic() || c.is_numeric() || ('\u{1360}'..='\u{1368}').contains(c))
        .collect()
}

#[test]
fn the_glyph_check_finds_every_ethiopic_letter_in_the_bundled_fonts() {
    let syllabary = ethiopic_syllabary();
    assert!(syllabary.chars().count() > 350, "the whole syllabary is tried: {}", syllabary.chars().count());
    let check = GlyphCheck::new();
    let mut texts = TIGRINYA.to_vec();
    texts.push(&syllabary);
    assert_eq!(check.undrawable(&texts), Vec::<char>::new());
}

/// Draws `texts` in the kiosk's text and bold families with `fonts`; kittest panics when a
/// character has no glyph.
fn draw(fonts: egui::FontDefinitions, texts: &[&str]) -> Harness<'static> {
    let texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 420.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(move |ctx| ctx.set_fonts(fonts))
        .build_ui(move |ui| {
            let look = Look::new(false, DisplayModes::default());
            egui::Frame::new().fill(look.palette.background).inner_margin(16).show(ui, |ui| {
                for text in &texts {
                    text_block(ui, &look, text, TextKind::Body, LineAlign::Start);
                    text_block(ui, &look, text, TextKind::Title, LineAlign::Start);
                }
                big_button(ui, &look, "ትግርኛ", None, ButtonKind::Secondary, egui::vec2(260.0, 80.0));
            });
        });
    harness.run();
    harness
}

#[test]
fn tigrinya_renders_without_missing_glyphs() {
    let syllabary = ethiopic_syllabary();
    let mut texts = TIGRINYA.to_vec();
    texts.push(&syllabary);
    draw(repere_kiosk::fonts::definitions(), &texts);
    // The check is on: egui's own fonts have no Ethiopic, and kittest refuses to draw boxes.
    let without = std::panic::catch_unwind(|| draw(egui::FontDefinitions::default(), &TIGRINYA));
    assert!(without.is_err(), "kittest must panic on Ethiopic text without an Ethiopic font");
}

#[test]
fn tigrinya_snapshot() {
    let mut harness = draw(repere_kiosk::fonts::definitions(), &TIGRINYA);
    harness.snapshot_options("fonts/tigrinya", &repere_kiosk::testing::snapshot_options());
}
