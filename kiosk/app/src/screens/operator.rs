//! The staff's menu, behind the PIN: exit, version, audio test. Opened by Ctrl+Alt+O or by
//! five taps in the top-right corner within three seconds.

use egui::{Pos2, Rect, Ui, vec2};

use super::View;
use crate::app::AppCommand;
use crate::i18n::tr_with;
use crate::slip_printer::PrinterStatus;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, dialog, text_block};

/// The operator panel's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OperatorPanel {
    /// Digits typed (never shown, never spoken).
    pub pin: String,
    /// The last PIN was refused.
    pub wrong: bool,
    /// The PIN was accepted.
    pub unlocked: bool,
    /// Why the room asked for could not open.
    pub room_problem: Option<String>,
}

/// Side of the corner that takes the secret taps.
const CORNER: f32 = 90.0;

/// Counts taps in the top-right corner; the fifth within three seconds opens the PIN pad.
pub fn corner_gesture(ui: &Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let screen = ui.ctx().content_rect();
    let corner = Rect::from_min_size(Pos2::new(screen.max.x - CORNER, screen.min.y), vec2(CORNER, CORNER));
    let tapped =
        ui.input(|i| i.pointer.any_pressed() && i.pointer.interact_pos().is_some_and(|p| corner.contains(p)));
    if tapped {
        let recent = view.ui_state.corner_taps.iter().filter(|t| view.now - **t < 3.0).count();
        if recent + 1 >= 5 {
            commands.push(AppCommand::OpenOperator);
        }
    }
    // The taps themselves are recorded by the app (UI-local state).
    if tapped {
        commands.push(AppCommand::CornerTap);
    }
}

/// The PIN pad, then the menu.
pub fn operator_ui(
    ctx: &egui::Context,
    view: &View<'_>,
    panel: &OperatorPanel,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    dialog(ctx, look, "operator", 560.0, |ui| {
        text_block(ui, look, &view.tr("operator.title"), TextKind::Title, LineAlign::Center);
        ui.add_space(12.0);
        if panel.unlocked {
            menu_ui(ui, view, panel, commands);
        } else {
            pin_ui(ui, view, panel, commands);
        }
        ui.add_space(12.0);
        ui.vertical_centered(|ui| {
            if big_button(
                ui,
                look,
                &view.tr("operator.close"),
                None,
                ButtonKind::Secondary,
                vec2(360.0, 72.0),
            )
            .clicked()
            {
                commands.push(AppCommand::CloseOverlay);
            }
        });
    });
}

fn pin_ui(ui: &mut Ui, view: &View<'_>, panel: &OperatorPanel, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let masked: String = "•".repeat(panel.pin.len());
    let field = text_block(
        ui,
        look,
        if masked.is_empty() { "—" } else { &masked },
        TextKind::Title,
        LineAlign::Center,
    );
    let label = view.tr("operator.pin");
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::PasswordInput, true, &label));
    if panel.wrong {
        text_block(ui, look, &view.tr("operator.pin_wrong"), TextKind::Body, LineAlign::Center);
    }
    let keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⬅", "0", "OK"];
    for row in keys.chunks(3) {
        ui.horizontal(|ui| {
            ui.add_space(
                (ui.available_width() - 3.0 * 100.0 - 2.0 * ui.spacing().item_spacing.x).max(0.0) / 2.0,
            );
            for key in row {
                let label =
                    if *key == "⬅" { view.tr("question.postcode.erase") } else { (*key).to_owned() };
                if big_button(ui, look, &label, None, ButtonKind::Secondary, vec2(100.0, 68.0)).clicked() {
                    match *key {
                        "⬅" => commands.push(AppCommand::PinErase),
                        "OK" => commands.push(AppCommand::PinSubmit),
                        digit => commands.extend(digit.chars().next().map(AppCommand::PinDigit)),
                    }
                }
            }
        });
    }
}

fn menu_ui(ui: &mut Ui, view: &View<'_>, panel: &OperatorPanel, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let language = view.session.language();
    let kiosk = tr_with(
        language,
        "operator.kiosk",
        &[("kiosk", &view.config.kiosk_id), ("site", &view.config.site_name)],
    );
    text_block(ui, look, &kiosk, TextKind::Body, LineAlign::Start);
    let version = tr_with(language, "operator.version", &[("version", env!("CARGO_PKG_VERSION"))]);
    text_block(ui, look, &version, TextKind::Body, LineAlign::Start);
    let audio = if view.audio_available { "operator.audio_ok" } else { "operator.audio_missing" };
    text_block(ui, look, &view.tr(audio), TextKind::Body, LineAlign::Start);
    let printer = match view.printer_status {
        PrinterStatus::NoPrinter => view.tr("operator.no_printer"),
        PrinterStatus::Checking => tr_with(language, "operator.printer_problem", &[("problem", "…")]),
        PrinterStatus::Ready => view.tr("operator.printer_ready"),
        PrinterStatus::Problem(problem) => {
            tr_with(language, "operator.printer_problem", &[("problem", problem)])
        }
    };
    text_block(ui, look, &printer, TextKind::Body, LineAlign::Start);
    if let Some(problem) = &panel.room_problem {
        let shown = tr_with(language, "operator.room_failed", &[("problem", problem)]);
        text_block(ui, look, &shown, TextKind::Body, LineAlign::Start);
    }
    let printing = view.print_state.said_key();
    if let Some(key) = printing {
        text_block(ui, look, &view.tr(key), TextKind::Body, LineAlign::Start);
    }
    ui.add_space(12.0);
    ui.vertical_centered(|ui| {
        if big_button(
            ui,
            look,
            &view.tr("operator.audio_test"),
            Some("🔊"),
            ButtonKind::Secondary,
            vec2(360.0, 72.0),
        )
        .clicked()
        {
            commands.push(AppCommand::AudioTest);
        }
        if view.has_printer
            && big_button(
                ui,
                look,
                &view.tr("operator.test_print"),
                Some("🖶"),
                ButtonKind::Secondary,
                vec2(360.0, 72.0),
            )
            .clicked()
        {
            commands.push(AppCommand::TestPrint);
        }
        if big_button(
            ui,
            look,
            &view.tr("operator.room_open"),
            None,
            ButtonKind::Secondary,
            vec2(360.0, 72.0),
        )
        .clicked()
        {
            commands.push(AppCommand::OpenRoom);
        }
        if big_button(ui, look, &view.tr("operator.exit"), Some("🚪"), ButtonKind::Primary, vec2(360.0, 72.0))
            .clicked()
        {
            commands.push(AppCommand::Exit);
        }
    });
}
