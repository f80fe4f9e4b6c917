//! Pictograms drawn by the kiosk as plain shapes, so that a visitor who does not read can tell
//! them apart: outlined, lightly filled, no letters, in the colours of the button they stand
//! on (normal and high contrast alike). Their names are listed by the engine
//! ([`repere_engine::content::pictogram::PICTOGRAMS`]); any other picture is drawn as an emoji
//! of the bundled fonts.

use std::f32::consts::PI;

use egui::epaint::{CircleShape, PathShape, PathStroke, RectShape};
use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};

/// Whether the kiosk draws `picture` itself (else it is an emoji).
pub fn is_drawn(picture: &str) -> bool {
    shapes(picture, Rect::from_min_size(Pos2::ZERO, Vec2::splat(64.0)), Color32::BLACK).is_some()
}

/// Draws the pictogram `name` in the square centred in `rect`, in `ink` (the colour of the
/// words beside it); returns false, drawing nothing, for a name the kiosk does not draw.
pub fn paint(painter: &Painter, rect: Rect, name: &str, ink: Color32) -> bool {
    shapes(name, rect, ink).map(|shapes| painter.extend(shapes)).is_some()
}

/// The shapes of the pictogram `name` in the square centred in `rect`, or `None` for a name
/// the kiosk does not draw.
fn shapes(name: &str, rect: Rect, ink: Color32) -> Option<Vec<Shape>> {
    let side = rect.width().min(rect.height());
    let pen = Pen {
        square: Rect::from_center_size(rect.center(), Vec2::splat(side)),
        ink,
        // A light tint of the ink: pale on a light button, dark grey in high contrast.
        fill: ink.gamma_multiply(0.18),
        width: (side * 0.065).max(2.0),
        shapes: Vec::new(),
    };
    let draw: fn(&mut Pen) = match name {
        "smartphone" => smartphone,
        "computer" => computer,
        "tablet" => tablet,
        "internet_at_home" => internet_at_home,
        "face_happy" => |pen| face(pen, Mouth::Smile),
        "face_neutral" => |pen| face(pen, Mouth::Straight),
        "face_worried" => |pen| face(pen, Mouth::Worried),
        "bank" => bank,
        "video_call" => video_call,
        "with_someone" => with_someone,
        _ => return None,
    };
    let mut pen = pen;
    draw(&mut pen);
    Some(pen.shapes)
}

/// The square a pictogram is drawn in (coordinates from 0 to 1), its colours and its shapes.
struct Pen {
    square: Rect,
    ink: Color32,
    fill: Color32,
    width: f32,
    shapes: Vec<Shape>,
}

impl Pen {
    /// A point of the square, `x` and `y` from 0 to 1.
    fn at(&self, x: f32, y: f32) -> Pos2 {
        self.square.min + vec2(x, y) * self.square.width()
    }

    /// A length as a fraction of the square's side.
    fn len(&self, fraction: f32) -> f32 {
        fraction * self.square.width()
    }

    fn stroke(&self) -> Stroke {
        Stroke::new(self.width, self.ink)
    }

    /// A rounded box, lightly filled (`fill`) or not, outlined.
    fn boxed(&mut self, min: (f32, f32), max: (f32, f32), round: f32, filled: bool) {
        let rect = Rect::from_min_max(self.at(min.0, min.1), self.at(max.0, max.1));
        let fill = if filled { self.fill } else { Color32::TRANSPARENT };
        let radius = CornerRadius::same(self.len(round).round().clamp(0.0, 255.0) as u8);
        self.shapes.push(Shape::Rect(RectShape::new(rect, radius, fill, self.stroke(), StrokeKind::Middle)));
    }

    /// A solid box in the ink's colour.
    fn solid(&mut self, min: (f32, f32), max: (f32, f32)) {
        let rect = Rect::from_min_max(self.at(min.0, min.1), self.at(max.0, max.1));
        self.shapes.push(Shape::rect_filled(rect, CornerRadius::same(1), self.ink));
    }

    /// A circle, lightly filled or not, outlined.
    fn circle(&mut self, center: (f32, f32), radius: f32, filled: bool) {
        let fill = if filled { self.fill } else { Color32::TRANSPARENT };
        self.shapes.push(Shape::Circle(CircleShape {
            center: self.at(center.0, center.1),
            radius: self.len(radius),
            fill,
            stroke: self.stroke(),
        }));
    }

    /// A solid dot in the ink's colour.
    fn dot(&mut self, center: (f32, f32), radius: f32) {
        self.shapes.push(Shape::circle_filled(self.at(center.0, center.1), self.len(radius), self.ink));
    }

    /// A line through the points, with the pen's width.
    fn line(&mut self, points: &[(f32, f32)]) {
        let points = points.iter().map(|&(x, y)| self.at(x, y)).collect();
        self.shapes.push(Shape::Path(PathShape::line(points, PathStroke::new(self.width, self.ink))));
    }

    /// An arc of a circle, angles in turns clockwise from the right (screen y goes down).
    fn arc(&mut self, center: (f32, f32), radius: f32, from: f32, to: f32) {
        let points = arc_points(self.at(center.0, center.1), self.len(radius), from, to);
        self.shapes.push(Shape::Path(PathShape::line(points, PathStroke::new(self.width, self.ink))));
    }

    /// A closed convex shape through the points, lightly filled and outlined.
    fn polygon(&mut self, points: &[(f32, f32)], filled: bool) {
        let points = points.iter().map(|&(x, y)| self.at(x, y)).collect();
        let fill = if filled { self.fill } else { Color32::TRANSPARENT };
        self.shapes.push(Shape::convex_polygon(points, fill, self.stroke()));
    }
}

/// Points along an arc, angles in turns.
fn arc_points(center: Pos2, radius: f32, from: f32, to: f32) -> Vec<Pos2> {
    let steps = 24;
    (0..=steps)
        .map(|i| {
            let turn = from + (to - from) * i as f32 / steps as f32;
            let angle = turn * 2.0 * PI;
            center + vec2(angle.cos(), angle.sin()) * radius
        })
        .collect()
}

/// A phone held upright: tall and narrow, its screen, a button below.
fn smartphone(pen: &mut Pen) {
    pen.boxed((0.3, 0.06), (0.7, 0.94), 0.08, false);
    pen.boxed((0.36, 0.16), (0.64, 0.76), 0.0, true);
    pen.dot((0.5, 0.85), 0.045);
}

/// A laptop: an open screen on a wide keyboard base.
fn computer(pen: &mut Pen) {
    pen.boxed((0.18, 0.16), (0.82, 0.64), 0.04, true);
    pen.polygon(&[(0.1, 0.72), (0.9, 0.72), (0.98, 0.84), (0.02, 0.84)], false);
    pen.line(&[(0.4, 0.78), (0.6, 0.78)]);
}

/// A tablet lying wide: a big screen in a thick frame, a round button on the side.
fn tablet(pen: &mut Pen) {
    pen.boxed((0.04, 0.18), (0.96, 0.82), 0.1, false);
    pen.boxed((0.14, 0.27), (0.8, 0.73), 0.0, true);
    pen.circle((0.885, 0.5), 0.035, false);
}

/// A house with the waves of a wifi inside.
fn internet_at_home(pen: &mut Pen) {
    pen.polygon(&[(0.5, 0.06), (0.94, 0.44), (0.06, 0.44)], true);
    pen.boxed((0.14, 0.44), (0.86, 0.94), 0.0, true);
    // Waves opening upwards, over a dot.
    pen.arc((0.5, 0.84), 0.14, 0.625, 0.875);
    pen.arc((0.5, 0.84), 0.27, 0.625, 0.875);
    pen.dot((0.5, 0.84), 0.05);
}

/// The mouth of a face.
#[derive(Clone, Copy)]
enum Mouth {
    /// Corners up: easy.
    Smile,
    /// A straight line: so-so.
    Straight,
    /// Corners down and raised brows: hard, worrying.
    Worried,
}

/// An open face: a round outline, two eyes, the mouth telling how it feels.
fn face(pen: &mut Pen, mouth: Mouth) {
    pen.circle((0.5, 0.5), 0.44, true);
    pen.dot((0.35, 0.4), 0.055);
    pen.dot((0.65, 0.4), 0.055);
    match mouth {
        Mouth::Smile => pen.arc((0.5, 0.52), 0.22, 0.08, 0.42),
        Mouth::Straight => pen.line(&[(0.32, 0.68), (0.68, 0.68)]),
        Mouth::Worried => {
            pen.arc((0.5, 0.9), 0.22, 0.6, 0.9);
            // Brows raised in the middle.
            pen.line(&[(0.24, 0.3), (0.42, 0.24)]);
            pen.line(&[(0.58, 0.24), (0.76, 0.3)]);
        }
    }
}

/// A building with a pointed roof and columns, and a coin with the euro sign.
fn bank(pen: &mut Pen) {
    pen.polygon(&[(0.32, 0.06), (0.6, 0.26), (0.04, 0.26)], true);
    for x in [0.12, 0.32, 0.52] {
        pen.solid((x - 0.04, 0.32), (x + 0.04, 0.74));
    }
    pen.solid((0.02, 0.8), (0.62, 0.87));
    // The coin beside it.
    pen.circle((0.79, 0.68), 0.19, true);
    pen.arc((0.82, 0.68), 0.1, 0.14, 0.86);
    pen.line(&[(0.68, 0.645), (0.83, 0.645)]);
    pen.line(&[(0.68, 0.715), (0.83, 0.715)]);
}

/// A screen showing a person, its camera on top: a video call, not a handset.
fn video_call(pen: &mut Pen) {
    pen.boxed((0.06, 0.12), (0.94, 0.78), 0.06, false);
    pen.dot((0.5, 0.06), 0.035);
    // The person: head and shoulders, cut by the screen's bottom edge.
    pen.circle((0.5, 0.36), 0.12, true);
    let shoulders: Vec<(f32, f32)> = (0..=12)
        .map(|i| {
            let angle = PI + PI * i as f32 / 12.0;
            (0.5 + 0.24 * angle.cos(), 0.74 + 0.2 * angle.sin())
        })
        .collect();
    pen.polygon(&shoulders, true);
    pen.line(&[(0.34, 0.9), (0.66, 0.9)]);
}

/// Two people side by side, one smaller leaning on the other: done with someone's help.
fn with_someone(pen: &mut Pen) {
    for (x, scale) in [(0.3, 0.85), (0.68, 1.0)] {
        pen.circle((x, 0.9 - 0.43 * scale), 0.11 * scale, true);
        let body: Vec<(f32, f32)> = (0..=12)
            .map(|i| {
                let angle = PI + PI * i as f32 / 12.0;
                (x + 0.2 * scale * angle.cos(), 0.9 + 0.3 * scale * angle.sin())
            })
            .collect();
        pen.polygon(&body, true);
    }
    // A hand on the shoulder.
    pen.line(&[(0.47, 0.66), (0.56, 0.6)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_pictogram_is_drawn_and_an_emoji_is_not() {
        for name in repere_engine::content::pictogram::PICTOGRAMS {
            assert!(is_drawn(name), "{name} is listed by the engine but not drawn");
        }
        assert!(!is_drawn("🎵"));
        assert!(!is_drawn("tablette"));
    }

    #[test]
    fn a_pictogram_stays_inside_its_square() {
        let rect = Rect::from_min_size(egui::pos2(100.0, 50.0), vec2(64.0, 64.0));
        for name in repere_engine::content::pictogram::PICTOGRAMS {
            let shapes = shapes(name, rect, Color32::BLACK).unwrap_or_default();
            assert!(shapes.len() >= 3, "{name}: {} shapes", shapes.len());
            for shape in shapes {
                let bounds = shape.visual_bounding_rect();
                assert!(rect.expand(3.0).contains_rect(bounds), "{name}: {bounds:?} leaves {rect:?}");
            }
        }
    }
}
