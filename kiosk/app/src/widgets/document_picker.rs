//! The visitor's documents folder as a dialog, to choose one document (to attach to an e-mail,
//! to send on a procedure site): one big button per document, with its pictogram, its file
//! name and what it is, and "Cancel". The caller keeps whether the dialog is open.

use egui::{Sense, Ui, vec2};
use repere_engine::content::Document;

use super::bidi_layout::{self, LineAlign};
use super::{ButtonKind, centered_button, dialog, text_block, text_galley};
use crate::i18n::tr;
use crate::theme::{Look, MIN_TARGET, TextKind};

/// What the visitor did in the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// This document (its id) was chosen.
    Document(String),
    /// The dialog was closed without choosing.
    Cancelled,
}

/// Shows the dialog listing `documents` (usually `content.documents.folder()`) in `language`;
/// returns what the visitor did this frame, if anything. Each document's accessible name is
/// its file name, as a computer's file dialog says it.
pub fn document_picker(
    ctx: &egui::Context,
    look: &Look,
    language: &str,
    documents: &[&Document],
) -> Option<Picked> {
    let mut picked = None;
    dialog(ctx, look, "document_picker", 720.0, |ui| {
        text_block(ui, look, &tr(language, "documents.title"), TextKind::Title, LineAlign::Start);
        text_block(ui, look, &tr(language, "documents.hint"), TextKind::Body, LineAlign::Start);
        ui.add_space(12.0);
        for document in documents {
            if document_button(ui, look, language, document).clicked() {
                picked = Some(Picked::Document(document.id.clone()));
            }
        }
        ui.add_space(12.0);
        let cancel = tr(language, "documents.cancel");
        if centered_button(ui, look, &cancel, Some("✖"), ButtonKind::Secondary, vec2(260.0, MIN_TARGET))
            .clicked()
        {
            picked = Some(Picked::Cancelled);
        }
    });
    picked
}

/// One document: pictogram, file name (Latin, left to right) and what it is, on the reading
/// side of a button as wide as the dialog.
fn document_button(ui: &mut Ui, look: &Look, language: &str, document: &Document) -> egui::Response {
    let palette = look.palette;
    let size = vec2(ui.available_width(), MIN_TARGET + 8.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let painter = ui.painter();
    let stroke = if response.hovered() { 3.0 } else { 2.0 };
    painter.rect(
        rect,
        egui::CornerRadius::same(14),
        palette.surface,
        egui::Stroke::new(stroke, palette.border),
        egui::StrokeKind::Inside,
    );
    let picture = painter.layout_no_wrap(
        document.picture.clone(),
        egui::FontId::proportional(look.size(TextKind::Title)),
        palette.text,
    );
    let name = text_galley(
        ui,
        &look.latin(),
        &document.name,
        TextKind::Button,
        palette.text,
        f32::INFINITY,
        LineAlign::Start,
    );
    let inner = rect.shrink2(vec2(16.0, 0.0));
    let gap = 20.0;
    let room = (inner.width() - picture.size().x - name.size.x - 2.0 * gap).max(80.0);
    let label = tr(language, &document.label);
    let what = text_galley(ui, look, &label, TextKind::Body, palette.border, room, LineAlign::Start);
    // From the reading side: pictogram, name, what it is.
    let widths = [picture.size().x, name.size.x, what.size.x];
    let mut x = if look.rtl { inner.max.x } else { inner.min.x };
    let mut next = |width: f32| {
        let left = if look.rtl { x - width } else { x };
        x = if look.rtl { x - width - gap } else { x + width + gap };
        left
    };
    let lefts = widths.map(&mut next);
    let middle = |height: f32| rect.center().y - height / 2.0;
    painter.galley(egui::pos2(lefts[0], middle(picture.size().y)), picture, palette.text);
    bidi_layout::paint(painter, egui::pos2(lefts[1], middle(name.size.y)), &name, palette.text);
    bidi_layout::paint(painter, egui::pos2(lefts[2], middle(what.size.y)), &what, palette.border);
    let name = document.name.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use repere_engine::content::Content;

    use super::*;
    use crate::theme::DisplayModes;

    fn harness(language: &'static str, rtl: bool) -> Harness<'static, Option<Picked>> {
        let content = Content::builtin().unwrap();
        let documents: Vec<Document> = content.documents.folder().into_iter().cloned().collect();
        let mut fonts_ready = false;
        Harness::builder().with_size(crate::testing::SCREEN).build_ui_state(
            move |ui, picked: &mut Option<Picked>| {
                // The kiosk's fonts are there from the next frame on.
                if !fonts_ready {
                    crate::fonts::install(ui.ctx());
                    fonts_ready = true;
                    return;
                }
                let look = Look::new(rtl, DisplayModes::default());
                let shown: Vec<&Document> = documents.iter().collect();
                if let Some(choice) = document_picker(ui.ctx(), &look, language, &shown) {
                    *picked = Some(choice);
                }
            },
            None,
        )
    }

    #[test]
    fn a_document_of_the_folder_is_chosen_by_its_name() {
        let mut harness = harness("fr", false);
        harness.run();
        assert!(harness.query_by_label("rendez-vous.pdf").is_none(), "a received document is not offered");
        harness.get_by_label("facture.pdf").click();
        harness.run();
        assert_eq!(harness.state(), &Some(Picked::Document("invoice".to_owned())));
    }

    #[test]
    fn cancel_closes_without_a_document_in_arabic_too() {
        let mut harness = harness("ar", true);
        harness.run();
        harness.get_by_label(&tr("ar", "documents.cancel")).click();
        harness.run();
        assert_eq!(harness.state(), &Some(Picked::Cancelled));
    }
}
