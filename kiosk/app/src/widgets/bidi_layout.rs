//! Lays out a paragraph in lines, right-to-left when the language is. egui 0.37 shapes
//! Arabic letters but has no bidi algorithm, so Repère breaks lines itself (in logical order,
//! with egui's own glyph widths) and places each piece in visual order (unicode-bidi).

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, FontId, Galley, Pos2, Vec2};
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// Horizontal placement of lines inside the available width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineAlign {
    /// Against the start edge: left in LTR, right in RTL.
    Start,
    /// Centred.
    Center,
}

/// A shaped piece placed at an offset from the top-left of the text block.
#[derive(Clone)]
pub struct PlacedPiece {
    /// Top-left of the piece.
    pub offset: Vec2,
    /// The shaped piece.
    pub galley: Arc<Galley>,
}

/// A paragraph laid out: pieces and the block's size.
#[derive(Clone, Default)]
pub struct LaidOutText {
    /// Pieces in painting order.
    pub pieces: Vec<PlacedPiece>,
    /// Size of the block.
    pub size: Vec2,
    /// The visual order of each line's text, for tests (logical text reordered for display).
    pub visual_lines: Vec<String>,
}

/// Something that can shape a short piece of text into a galley (egui's painter in the app,
/// the same fonts in tests).
pub trait Shaper {
    /// Shapes `text` on one line.
    fn shape(&self, text: &str) -> Arc<Galley>;
}

/// Shapes with a painter, a font and a colour.
pub struct PainterShaper<'a> {
    /// The painter whose fonts shape the text.
    pub painter: &'a egui::Painter,
    /// Font.
    pub font: FontId,
    /// Colour.
    pub color: Color32,
}

impl Shaper for PainterShaper<'_> {
    fn shape(&self, text: &str) -> Arc<Galley> {
        self.painter.layout_no_wrap(text.to_owned(), self.font.clone(), self.color)
    }
}

/// Lays out `text` within `max_width`. `rtl` is the paragraph direction (the language's).
pub fn layout(shaper: &dyn Shaper, text: &str, max_width: f32, rtl: bool, align: LineAlign) -> LaidOutText {
    let mut out = LaidOutText::default();
    let mut y = 0.0_f32;
    let mut lines: Vec<LineOfPieces> = Vec::new();
    for paragraph in text.split('\n') {
        let base = if rtl { Level::rtl() } else { Level::ltr() };
        let info = ParagraphBidiInfo::new(paragraph, Some(base));
        for line in break_lines(shaper, paragraph, max_width) {
            let (pieces, width, height, visual) = place_line(shaper, &info, paragraph, line);
            out.visual_lines.push(visual);
            lines.push((pieces, width, height));
        }
    }
    let block_width = lines.iter().map(|(_, w, _)| *w).fold(0.0, f32::max).min(max_width.max(1.0));
    let width = if max_width.is_finite() { max_width.max(block_width) } else { block_width };
    for (pieces, line_width, height) in lines {
        let x0 = match (align, rtl) {
            (LineAlign::Center, _) => (width - line_width) / 2.0,
            (LineAlign::Start, true) => width - line_width,
            (LineAlign::Start, false) => 0.0,
        };
        for (x, galley) in pieces {
            out.pieces.push(PlacedPiece { offset: Vec2::new(x0 + x, y), galley });
        }
        y += height;
    }
    out.size = Vec2::new(width, y);
    out
}

/// Splits a paragraph into line ranges at spaces, greedily, in logical order. A word wider
/// than the line gets a line of its own.
fn break_lines(shaper: &dyn Shaper, paragraph: &str, max_width: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut width = 0.0;
    for word in words(paragraph) {
        let word_text: String = paragraph[word.clone()].chars().filter(|c| !is_bidi_control(*c)).collect();
        let word_width = shaper.shape(word_text.trim_end()).size().x;
        let space_width = if word_text.ends_with(' ') { shaper.shape(" ").size().x } else { 0.0 };
        if width > 0.0 && width + word_width > max_width {
            lines.push(start..word.start);
            start = word.start;
            width = 0.0;
        }
        width += word_width + space_width;
    }
    lines.push(start..paragraph.len());
    lines
}

/// Words with their trailing spaces.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            in_space = true;
        } else if in_space {
            out.push(start..i);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Pieces with their x offsets, the line's width and height.
type LineOfPieces = (Vec<(f32, Arc<Galley>)>, f32, f32);

type PlacedLine = (Vec<(f32, Arc<Galley>)>, f32, f32, String);

/// Places one line's pieces in visual order. Returns pieces with x offsets, the line's width
/// and height, and its visual text.
fn place_line(
    shaper: &dyn Shaper,
    info: &ParagraphBidiInfo<'_>,
    paragraph: &str,
    line: Range<usize>,
) -> PlacedLine {
    // Spaces at the end of a line are not shown.
    let trimmed_end = line.start + paragraph[line.clone()].trim_end_matches(' ').len();
    let line = line.start..trimmed_end;
    let mut pieces = Vec::new();
    let mut visual = String::new();
    let mut x = 0.0;
    let mut height = shaper.shape(" ").size().y;
    if !line.is_empty() {
        let (levels, runs) = info.visual_runs(line.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            for segment in segments(&paragraph[run.clone()], rtl) {
                let galley = shaper.shape(&segment);
                height = height.max(galley.size().y);
                let w = galley.size().x;
                visual.push_str(&segment);
                pieces.push((x, galley));
                x += w;
            }
        }
    }
    (pieces, x, height, visual)
}

/// Isolates (U+2066–U+2069), embeddings and overrides (U+202A–U+202E) and marks (LRM, RLM,
/// ALM): they order the text and have no glyph.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Wraps data of unknown direction in a first-strong isolate (the engine's, shared with the
/// slip's words).
pub use repere_engine::slip::words::isolate;

/// The pieces of one bidi run, in visual order. An LTR run is one piece. An RTL run is split
/// into words of right-to-left letters (shaped whole, so letters join) and single other
/// characters (spaces, punctuation, mirrored brackets), then reversed.
fn segments(run: &str, rtl: bool) -> Vec<String> {
    // Directional marks and isolates order the text; they are not drawn.
    let run: String = run.chars().filter(|c| !is_bidi_control(*c)).collect();
    if run.is_empty() {
        return Vec::new();
    }
    if !rtl {
        return vec![run];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in run.chars() {
        let joins = matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::NSM)
            || c == '\u{200C}'
            || c == '\u{200D}';
        if joins {
            current.push(c);
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            out.push(mirror(c).to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.reverse();
    out
}

/// The mirrored form of a paired character shown right-to-left.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// Paints a laid-out text with its top-left at `origin`.
pub fn paint(painter: &egui::Painter, origin: Pos2, text: &LaidOutText, color: Color32) {
    paint_within(painter, origin, text, color, None);
}

/// Paints a laid-out text that belongs inside `within` (a button's inside, a block's room):
/// the layout test checks that it stays there.
pub fn paint_within(
    painter: &egui::Painter,
    origin: Pos2,
    text: &LaidOutText,
    color: Color32,
    within: Option<egui::Rect>,
) {
    for piece in &text.pieces {
        let at = origin + piece.offset;
        crate::layout_audit::note_text(
            painter,
            piece.galley.text(),
            egui::Rect::from_min_size(at, piece.galley.size()),
            within,
        );
        painter.galley(at, Arc::clone(&piece.galley), color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shapes with egui's fonts, as the kiosk does.
    struct TestShaper(egui::Context);

    impl Shaper for TestShaper {
        fn shape(&self, text: &str) -> Arc<Galley> {
            self.0.fonts_mut(|f| {
                f.layout(text.to_owned(), FontId::proportional(20.0), Color32::BLACK, f32::INFINITY)
            })
        }
    }

    fn shaper() -> TestShaper {
        let ctx = egui::Context::default();
        crate::fonts::install(&ctx);
        // Fonts are ready after the first pass.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        TestShaper(ctx)
    }

    fn visual(text: &str, rtl: bool) -> Vec<String> {
        layout(&shaper(), text, f32::INFINITY, rtl, LineAlign::Start).visual_lines
    }

    #[test]
    fn arabic_words_run_right_to_left() {
        // Logical: "مرحبا بك" (word 1, word 2); visually word 2 stands on the left.
        assert_eq!(visual("مرحبا بك", true), vec!["بك مرحبا".to_owned()]);
    }

    #[test]
    fn digits_keep_their_order_inside_arabic() {
        assert_eq!(visual("الغرفة 10 هنا", true), vec!["هنا 10 الغرفة".to_owned()]);
        assert_eq!(visual("خلال 25 ثانية", true), vec!["ثانية 25 خلال".to_owned()]);
    }

    #[test]
    fn latin_words_stay_readable_inside_arabic() {
        assert_eq!(visual("افتح Repère الآن", true), vec!["الآن Repère افتح".to_owned()]);
        assert_eq!(
            visual("اكتب marie.dupont@mail.fr هنا", true),
            vec!["هنا marie.dupont@mail.fr اكتب".to_owned()]
        );
    }

    #[test]
    fn brackets_are_mirrored_in_arabic() {
        assert_eq!(visual("مستوى (1)", true), vec!["(1) مستوى".to_owned()]);
    }

    #[test]
    fn isolated_data_keeps_its_own_order_inside_arabic() {
        // Without the isolate, "+" would end up after the digits and "67" after the street.
        let phone = format!("الهاتف: {}", isolate("+33545953544"));
        assert_eq!(visual(&phone, true), vec!["+33545953544 :الهاتف".to_owned()]);
        assert_eq!(
            visual(&isolate("67 rue Haute, 16000 Angoulême"), true),
            vec!["67 rue Haute, 16000 Angoulême".to_owned()]
        );
        let hours = format!("اليوم: {} و {}", isolate("09:00-12:00"), isolate("14:00-18:00"));
        assert_eq!(visual(&hours, true), vec!["14:00-18:00 و 09:00-12:00 :اليوم".to_owned()]);
    }

    #[test]
    fn french_is_untouched() {
        assert_eq!(visual("Niveau 2 sur 5", false), vec!["Niveau 2 sur 5".to_owned()]);
    }

    #[test]
    fn lines_break_in_logical_order() {
        let shaper = shaper();
        let text = "كلمة أولى ثم كلمة ثانية ثم كلمة ثالثة";
        let one_word = shaper.shape("كلمة أولى ثم").size().x;
        let laid = layout(&shaper, text, one_word + 2.0, true, LineAlign::Start);
        assert!(laid.visual_lines.len() >= 2, "{:?}", laid.visual_lines);
        // The first line holds the first words (logical order), shown right-to-left.
        assert!(laid.visual_lines[0].ends_with("كلمة"), "{:?}", laid.visual_lines);
        assert!(laid.visual_lines[0].contains("أولى"), "{:?}", laid.visual_lines);
        let last = laid.visual_lines.last().map(String::as_str).unwrap_or_default();
        assert!(last.starts_with("ثالثة"), "{:?}", laid.visual_lines);
    }

    #[test]
    fn rtl_lines_are_right_aligned() {
        let shaper = shaper();
        let laid = layout(&shaper, "مرحبا", 400.0, true, LineAlign::Start);
        let piece = &laid.pieces[0];
        let right = piece.offset.x + piece.galley.size().x;
        assert!((right - 400.0).abs() < 0.5, "right edge at {right}");
    }
}
