//! What the layout test checks, noted while the kiosk draws: every piece of text the bidi
//! layout places, with the box it must stay in when it has one.
//! Off unless a test turns it on: then each frame's notes are kept until the test takes them.

use std::sync::atomic::{AtomicBool, Ordering};

use egui::{Context, Id, LayerId, Rect};

/// Some kiosk of this process audits its layout (a test): until then, noting a text costs one
/// load and a kiosk's frames touch no context memory for it.
static ANY_AUDIT: AtomicBool = AtomicBool::new(false);

/// A piece of text as placed on screen.
#[derive(Clone, Debug)]
pub struct PlacedText {
    /// The piece's words (a line, or a run of a line).
    pub text: String,
    /// Where the piece was painted, in points.
    pub rect: Rect,
    /// The painter's clip rectangle: what of the piece can be seen.
    pub clip: Rect,
    /// The box the text belongs in (a button's inside, a text block's room), when known.
    pub within: Option<Rect>,
    /// The layer it was painted on (dialogs are above the screen).
    pub layer: LayerId,
}

/// Everything noted since the audit was last taken.
#[derive(Clone, Debug, Default)]
pub struct LayoutAudit {
    /// Texts placed.
    pub texts: Vec<PlacedText>,
}

fn audit_id() -> Id {
    Id::unique("repere_layout_audit")
}

/// Starts noting (tests only: nothing is noted on a kiosk).
pub fn enable(ctx: &Context) {
    ANY_AUDIT.store(true, Ordering::Relaxed);
    ctx.data_mut(|d| d.insert_temp(audit_id(), Some(LayoutAudit::default())));
}

/// What was noted since the last call (or since [`enable`]); noting goes on.
pub fn take(ctx: &Context) -> LayoutAudit {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Option<LayoutAudit>>(audit_id()).as_mut().map(std::mem::take)
    })
    .unwrap_or_default()
}

fn note(ctx: &Context, add: impl FnOnce(&mut LayoutAudit)) {
    if !ANY_AUDIT.load(Ordering::Relaxed) {
        return;
    }
    ctx.data_mut(|d| {
        if let Some(audit) = d.get_temp_mut_or_default::<Option<LayoutAudit>>(audit_id()).as_mut() {
            add(audit);
        }
    });
}

/// Notes a piece of text painted by `painter` at `rect`.
pub(crate) fn note_text(painter: &egui::Painter, text: &str, rect: Rect, within: Option<Rect>) {
    note(painter.ctx(), |audit| {
        audit.texts.push(PlacedText {
            text: text.to_owned(),
            rect,
            clip: painter.clip_rect(),
            within,
            layer: painter.layer_id(),
        });
    });
}
