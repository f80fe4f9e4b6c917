//! Codes to photograph: a place's link as a QR code, for paper (SVG) and for the screen
//! (a grid of modules).

use qrcode::{Color, EcLevel, QrCode};

/// The modules of a code, row after row (`true` is dark), with its width in modules. The
/// quiet zone is not included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrModules {
    /// Modules across (and down).
    pub width: usize,
    /// Dark modules.
    pub dark: Vec<bool>,
}

/// The code of `url` (medium error correction: paper gets creased), `None` if too long.
pub fn qr_modules(url: &str) -> Option<QrModules> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(QrModules {
        width: code.width(),
        dark: code.to_colors().into_iter().map(|c| c == Color::Dark).collect(),
    })
}

/// The code of `url` as an SVG image with its quiet zone, `None` if too long.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build())
}
