//! "Show me" points at the task's target: a thick ring around it and an arrow beside it, for a
//! few seconds after the visitor asked, so that a visitor who does not read sees where to act.

use egui::{
    Color32, Context, CornerRadius, Id, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, Vec2, vec2,
};

use crate::screens::View;

/// How long the pointer stays after "Show me", in seconds. It pulses meanwhile, then goes: a
/// waiting screen draws nothing.
pub const POINTER_SECONDS: f64 = 4.0;

/// Where the pointer was drawn this frame (for tests and screen checks).
fn pointed_id() -> Id {
    Id::unique("repere_show_me_pointed")
}

/// The rect the "Show me" pointer rings in the pass being drawn or, between passes, in the
/// last one, if it was drawn there.
pub fn pointed(ctx: &Context) -> Option<Rect> {
    // The pass count goes up when a pass ends.
    let pass = ctx.cumulative_pass_nr();
    let drawn = ctx.data(|d| d.get_temp::<(u64, Rect)>(pointed_id()));
    drawn.filter(|(drawn, _)| drawn + 1 >= pass).map(|(_, rect)| rect)
}

/// Where the target marked in this frame is kept until the pointer is drawn.
fn marked_id() -> Id {
    Id::unique("repere_show_me_marked")
}

/// Marks `rect` as this frame's target, for [`point_at_marked`] (an environment whose target
/// is drawn deep inside it, as the browser's links); a later mark wins.
pub(super) fn mark(ui: &Ui, rect: Rect) {
    let pass = ui.ctx().cumulative_pass_nr();
    ui.ctx().data_mut(|d| d.insert_temp(marked_id(), (pass, rect)));
}

/// Points at the target last marked in this frame, if any.
pub(super) fn point_at_marked(ui: &Ui, view: &View<'_>) {
    let pass = ui.ctx().cumulative_pass_nr();
    let marked = ui.ctx().data(|d| d.get_temp::<(u64, Rect)>(marked_id()));
    point_at(ui, view, marked.filter(|(marked, _)| *marked == pass).map(|(_, rect)| rect));
}

/// Seconds since "Show me" was pressed, while the pointer is to be drawn.
fn pointing_for(view: &View<'_>) -> Option<f64> {
    let since = view.ui_state.show_me_since?;
    let elapsed = view.now - since;
    (view.ui_state.hint_shown && (0.0..POINTER_SECONDS).contains(&elapsed)).then_some(elapsed)
}

/// Rings `target` and draws an arrow beside it, pointing at it, while "Show me" is on; does
/// nothing otherwise (or for no target). Call it after the target is drawn, so that the
/// pointer is on top.
pub fn point_at(ui: &Ui, view: &View<'_>, target: Option<Rect>) {
    let (Some(elapsed), Some(target)) = (pointing_for(view), target) else {
        return;
    };
    let palette = &view.look.palette;
    // A gentle pulse, twice a second, that ends with the pointer.
    let pulse = (elapsed * std::f64::consts::TAU * 1.5).sin().abs() as f32;
    let ring = target.expand(8.0 + 4.0 * pulse);
    let painter = ui.painter().clone().with_clip_rect(ui.clip_rect().expand(24.0));
    // The accent ring with a thin contrasting edge, visible on any button or background.
    painter.rect_stroke(
        ring,
        CornerRadius::same(16),
        Stroke::new(11.0, palette.background),
        StrokeKind::Middle,
    );
    painter.rect_stroke(ring, CornerRadius::same(16), Stroke::new(7.0, palette.accent), StrokeKind::Middle);
    // The other buttons of the screen (last frame's), that the arrow must not hide; the
    // widgets that hold the target (the exercise's area) do not count.
    let others: Vec<Rect> = ui.ctx().viewport(|v| {
        v.prev_pass
            .widgets
            .get_layer(ui.layer_id())
            .filter(|w| w.sense.senses_click() || w.sense.senses_drag())
            .map(|w| w.rect)
            .filter(|r| !r.contains_rect(target) && !target.contains_rect(*r))
            .collect()
    });
    let (fill, edge) = (palette.accent, palette.background);
    arrow(&painter, ring, ui.clip_rect(), &others, view.look.rtl, fill, edge, pulse);
    let remaining = POINTER_SECONDS - elapsed;
    ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(remaining.clamp(0.0, 1.0 / 30.0)));
    let pass = ui.ctx().cumulative_pass_nr();
    ui.ctx().data_mut(|d| d.insert_temp(pointed_id(), (pass, target)));
}

/// An arrow outside `ring`, pointing at it, where it hides no other button: from the reading
/// side, below, above or the other side, the first that fits in `room` and covers nothing.
#[expect(clippy::too_many_arguments, reason = "the ring, its room, what not to hide, and the colours")]
fn arrow(
    painter: &Painter,
    ring: Rect,
    room: Rect,
    others: &[Rect],
    rtl: bool,
    fill: Color32,
    edge: Color32,
    pulse: f32,
) {
    let length = 90.0;
    let gap = 6.0 + 8.0 * (1.0 - pulse);
    let before = if rtl { Vec2::X } else { -Vec2::X };
    // Each side: the direction the arrow comes from, and the point it aims at.
    let sides = [
        (before, if rtl { ring.right_center() } else { ring.left_center() }),
        (Vec2::Y, ring.center_bottom()),
        (-Vec2::Y, ring.center_top()),
        (-before, if rtl { ring.left_center() } else { ring.right_center() }),
    ];
    let span = |(from, tip): &(Vec2, Pos2)| {
        let across = vec2(-from.y, from.x) * 30.0;
        Rect::from_two_pos(*tip + across, *tip + *from * (gap + length) - across)
    };
    let fits = |side: &(Vec2, Pos2)| room.contains_rect(span(side));
    let hides_nothing = |side: &(Vec2, Pos2)| !others.iter().any(|o| o.intersects(span(side)));
    let chosen = sides
        .iter()
        .find(|s| fits(s) && hides_nothing(s))
        .or_else(|| sides.iter().find(|s| fits(s)))
        .or(sides.first());
    let Some(&(from, tip)) = chosen else {
        return;
    };
    let tip = tip + from * gap;
    let tail = tip + from * length;
    let across = vec2(-from.y, from.x);
    let head = tip + from * 40.0;
    let shaft = 11.0;
    let points = vec![
        tip,
        head + across * 30.0,
        head + across * shaft,
        tail + across * shaft,
        tail - across * shaft,
        head - across * shaft,
        head - across * 30.0,
    ];
    // Not convex: drawn as the head and the shaft, under one outline.
    let outline = Stroke::new(3.0, edge);
    painter.add(Shape::convex_polygon(
        vec![tip, head + across * 30.0, head - across * 30.0],
        fill,
        Stroke::NONE,
    ));
    painter.add(Shape::convex_polygon(
        vec![head + across * shaft, tail + across * shaft, tail - across * shaft, head - across * shaft],
        fill,
        Stroke::NONE,
    ));
    painter.add(Shape::closed_line(points, outline));
}
