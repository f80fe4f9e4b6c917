//! The bundled fonts (Noto, from Debian's fonts-noto-core; licence in `kiosk/fonts/`), one
//! copy in the binary for the screen and the paper alike.

/// Noto Sans: Latin, Greek, Cyrillic.
pub const NOTO_SANS: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");
/// Noto Sans Arabic: Arabic, Dari, Pashto.
pub const NOTO_SANS_ARABIC: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Regular.ttf");
/// Noto Sans Arabic Bold.
pub const NOTO_SANS_ARABIC_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Bold.ttf");
/// Noto Sans Ethiopic: Tigrinya (the Ethiopic blocks only, without hinting).
pub const NOTO_SANS_ETHIOPIC: &[u8] = include_bytes!("../../fonts/NotoSansEthiopic-Regular.ttf");
/// Noto Sans Ethiopic Bold.
pub const NOTO_SANS_ETHIOPIC_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansEthiopic-Bold.ttf");

/// Every bundled font.
pub const ALL: [&[u8]; 6] = [
    NOTO_SANS,
    NOTO_SANS_BOLD,
    NOTO_SANS_ARABIC,
    NOTO_SANS_ARABIC_BOLD,
    NOTO_SANS_ETHIOPIC,
    NOTO_SANS_ETHIOPIC_BOLD,
];
