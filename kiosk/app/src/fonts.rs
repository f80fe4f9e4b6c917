//! Bundled fonts (Noto from Debian, see `kiosk/fonts/`: Latin and Cyrillic, Arabic script,
//! Ethiopic), so every kiosk renders the same and nothing depends on the machine's fonts. egui's emoji fonts draw the pictograms.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The family used for titles and buttons.
pub const BOLD: &str = "bold";

/// Installs the kiosk's fonts in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// The kiosk's font definitions.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let add = |fonts: &mut FontDefinitions, name: &str, bytes: &'static [u8]| {
        fonts.font_data.insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    };
    // One copy of each font in the binary, shared with the slip (kiosk/fonts/README.md).
    add(&mut fonts, "NotoSans-Regular", repere_print::fonts::NOTO_SANS);
    add(&mut fonts, "NotoSans-Bold", repere_print::fonts::NOTO_SANS_BOLD);
    add(&mut fonts, "NotoSansArabic-Regular", repere_print::fonts::NOTO_SANS_ARABIC);
    add(&mut fonts, "NotoSansArabic-Bold", repere_print::fonts::NOTO_SANS_ARABIC_BOLD);
    add(&mut fonts, "NotoSansEthiopic-Regular", repere_print::fonts::NOTO_SANS_ETHIOPIC);
    add(&mut fonts, "NotoSansEthiopic-Bold", repere_print::fonts::NOTO_SANS_ETHIOPIC_BOLD);

    // egui's own symbol fonts stay as fallbacks for pictograms.
    let symbols: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .map(|list| list.iter().filter(|name| name.as_str() != "Ubuntu-Light").cloned().collect())
        .unwrap_or_default();
    let family = |first: &[&str]| -> Vec<String> {
        first.iter().map(|s| (*s).to_owned()).chain(symbols.iter().cloned()).collect()
    };
    fonts.families.insert(
        FontFamily::Proportional,
        family(&["NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansEthiopic-Regular"]),
    );
    fonts.families.insert(
        FontFamily::Name(BOLD.into()),
        family(&["NotoSans-Bold", "NotoSansArabic-Bold", "NotoSansEthiopic-Bold"]),
    );
    fonts
}

/// Finds characters that no bundled font can draw (control characters aside): the kiosk
/// would show empty boxes. `kiosk check` reports them.
pub struct GlyphCheck(egui::Context);

impl GlyphCheck {
    /// Loads the kiosk's fonts once.
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        install(&ctx);
        // Fonts are ready after a first pass.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        Self(ctx)
    }

    /// The characters of `texts` no bundled font draws, sorted, once each.
    pub fn undrawable(&self, texts: &[&str]) -> Vec<char> {
        let font = egui::FontId::proportional(20.0);
        let invisible = |c: &char| c.is_control() || matches!(c, '\u{200C}'..='\u{200F}' | '\u{FE0F}');
        let mut missing: Vec<char> = self.0.fonts_mut(|fonts| {
            texts
                .iter()
                .flat_map(|t| t.chars())
                .filter(|c| !invisible(c) && !fonts.has_glyph(&font, *c))
                .collect()
        });
        missing.sort_unstable();
        missing.dedup();
        missing
    }
}

impl Default for GlyphCheck {
    fn default() -> Self {
        Self::new()
    }
}
