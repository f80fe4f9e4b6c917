//! A simulated browser on a simulated site: tab, back button, address bar, pages with links,
//! a cookie banner, a login; forms and downloads are in [`super::browser_form`]. Nothing is
//! fetched; the pages come from `scenarios/sites/`.

use egui::{Rect, Sense, Ui, vec2};
use repere_engine::content::Site;
use repere_engine::content::task::{BrowserGoal, PageQuestion};
use repere_engine::session::{Command, TaskEvent};

use super::ExerciseState;
use super::browser_form;
use super::type_text::keyboard_words;
use crate::app::AppCommand;
use crate::screens::reading_column;
use crate::screens::{View, reading_row};
use crate::theme::{Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::keyboard::{KeyPress, TextField, keyboard_ui, physical_keys};
use crate::widgets::typing::{KeyEffect, apply_key};
use crate::widgets::{ButtonKind, big_button, icon_button, text_block, text_galley, text_line};

/// The page shown for an address that leads nowhere.
const NOT_FOUND: &str = "not_found";

/// What the browser shows at the start of a task.
pub struct BrowserStart<'a> {
    /// The site.
    pub site: &'a Site,
    /// The page shown first.
    pub start: &'a str,
    /// Pages before it.
    pub history: &'a [String],
    /// A banner covers the page.
    pub banner: bool,
    /// What the visitor is asked to reach.
    pub goal: &'a BrowserGoal,
    /// A search already made on the start page.
    pub searched: Option<&'a str>,
    /// A question about the page.
    pub ask: Option<&'a PageQuestion>,
    /// The start page's form comes back from a first sending, its errors shown.
    pub returned: bool,
}

/// Where the visitor is in the browser: the task, the page, the pages before it, the state.
#[derive(Clone, Copy)]
pub(super) struct Here<'a> {
    /// The task.
    pub task: &'a BrowserStart<'a>,
    /// The page on screen.
    pub page_id: &'a str,
    /// The pages before it.
    pub history: &'a [String],
    /// The exercise's state.
    pub state: &'a ExerciseState,
    /// The cookie banner covers the page.
    pub banner_open: bool,
}

/// The browser exercise.
pub fn browser_ui(
    ui: &mut Ui,
    view: &View<'_>,
    area: Rect,
    task: &BrowserStart<'_>,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let (page_id, history) = where_is(task, state);
    let banner_open = task.banner && !state.banner_closed;
    let page = task.site.page(&page_id);
    let (title, text) = match page {
        Some(p) => (view.tr(&p.title), view.tr(&p.text)),
        None => (view.tr("browser.not_found.title"), view.tr("browser.not_found.text")),
    };
    let address = page.map_or_else(|| state.typed.clone().unwrap_or_default(), |p| p.address.clone());
    let here = Here { task, page_id: &page_id, history: &history, state, banner_open };
    let focus = focus(&here);

    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(10.0)));
    inner.set_clip_rect(area);
    let frame_label = view.tr("browser.frame");
    let frame = inner.interact(area, inner.scope_id().with("browser_frame"), Sense::hover());
    frame.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Window, true, &frame_label));

    // The bar: back, address, and the tab with the page's name (one row, to leave room for
    // the page).
    let tab = if title.is_empty() { view.tr("site.new_tab.title") } else { title.clone() };
    let mut presses = Vec::new();
    let form = page.and_then(|p| p.form.as_ref());
    let typing_form = form.zip(state.form.typing.as_ref());
    // While a login or form field is typed in, the bar gives its room to the keyboard.
    if state.login_field.is_none() && typing_form.is_none() {
        reading_row(&mut inner, look, |ui| {
            let back = if look.rtl { "➡" } else { "⬅" };
            let back_button = icon_button(ui, look, back, &view.tr("browser.back"), 56.0);
            if matches!(task.goal, BrowserGoal::BackTo(_)) {
                super::pointer::mark(ui, back_button.rect);
            }
            if back_button.clicked() {
                commands.extend(go_back(&here));
            }
            // The tab keeps the room its name needs; the bar takes the rest.
            let spacing = ui.spacing().item_spacing.x;
            let tab_width = text_galley(
                ui,
                look,
                &tab,
                TextKind::Small,
                look.palette.text,
                f32::INFINITY,
                LineAlign::Start,
            )
            .size
            .x
            .min(360.0)
                + 16.0;
            let bar_width = (ui.available_width() - tab_width - 2.0 * spacing).max(240.0);
            let shown = if state.editing { state.typed.clone().unwrap_or_default() } else { address.clone() };
            let bar = TextField::new(look, &view.tr("browser.address"), &shown)
                .focused(focus == Focus::Address)
                .width(bar_width)
                .show(ui);
            // "Show me" points at the bar, unless a link of the page leads to the goal.
            if matches!(task.goal, BrowserGoal::Page(_)) {
                super::pointer::mark(ui, bar.rect);
            }
            if bar.clicked() && !banner_open {
                commands.push(AppCommand::Exercise(ExerciseState {
                    editing: true,
                    typed: Some(String::new()),
                    ..state.clone()
                }));
            }
            egui::Frame::new().fill(look.palette.caption).inner_margin(8).corner_radius(8).show(ui, |ui| {
                ui.set_max_width(360.0);
                text_line(ui, look, &tab, TextKind::Small);
            });
        });
    }
    inner.add_space(8.0);

    let login = page.and_then(|p| p.login.as_ref());
    if state.editing || state.searching || state.login_field.is_some() || typing_form.is_some() {
        if let (Some(form), Some(_)) = (login, state.login_field) {
            login_ui(&mut inner, view, &here, form, focus, commands);
        }
        if let Some((form, typing)) = typing_form {
            browser_form::typing_ui(&mut inner, view, &here, form, typing, commands);
        }
        if state.searching {
            let query = state.typed.clone().unwrap_or_default();
            TextField::new(look, &view.tr("browser.search"), &query).width(720.0).show(&mut inner);
            inner.add_space(6.0);
        }
        presses.extend(physical_keys(&inner));
        presses.extend(keyboard_ui(&mut inner, look, &keyboard_words(view), state.shift));
    } else {
        page_ui(&mut inner, view, &here, page, &title, &text, commands);
        // On a new tab the bar has the focus, as in every browser: a real keyboard types in it.
        if focus == Focus::Address {
            presses.extend(physical_keys(&inner));
        }
    }
    super::pointer::point_at_marked(&inner, view);
    apply_keys(task, state, presses, commands);
    browser_form::download_bar(ui, view, area, state);
}

/// Every key of the frame, applied in order to the state the previous key left (a fast
/// typist's keys arrive several in one frame); the state they lead to is sent once.
fn apply_keys(
    task: &BrowserStart<'_>,
    state: &ExerciseState,
    presses: Vec<KeyPress>,
    commands: &mut Vec<AppCommand>,
) {
    let mut next = state.clone();
    for press in presses {
        let (page_id, history) = where_is(task, &next);
        let banner_open = task.banner && !next.banner_closed;
        let here = Here { task, page_id: &page_id, history: &history, state: &next, banner_open };
        let mut moved = None;
        for command in type_key(&press, &here) {
            match command {
                AppCommand::Exercise(state) => moved = Some(state),
                AppCommand::None => {}
                other => commands.push(other),
            }
        }
        if let Some(moved) = moved {
            next = moved;
        }
    }
    if next != *state {
        commands.push(AppCommand::Exercise(next));
    }
}

/// The page on screen and the pages before it.
fn where_is(task: &BrowserStart<'_>, state: &ExerciseState) -> (String, Vec<String>) {
    let page = state.page.clone().unwrap_or_else(|| task.start.to_owned());
    (page, state.history.clone().unwrap_or_else(|| task.history.to_vec()))
}

/// The field that takes the keys: the only one that shows a caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Focus {
    /// The address bar.
    Address,
    /// A search page's box.
    Search,
    /// A login field: 0 the identifier, 1 the password.
    Login(u8),
    /// A field of the page's form.
    Form,
    /// No field: the keys go nowhere.
    Nowhere,
}

/// Where the keys go: the field being typed in; on a new tab, the address bar.
fn focus(here: &Here<'_>) -> Focus {
    let state = here.state;
    let page = here.task.site.page(here.page_id);
    if state.searching {
        Focus::Search
    } else if state.form.typing.is_some() && page.is_some_and(|p| p.form.is_some()) {
        Focus::Form
    } else if let Some(field) = state.login_field.filter(|_| page.is_some_and(|p| p.login.is_some())) {
        Focus::Login(field)
    } else if state.editing || (page.is_some_and(|p| p.address.is_empty()) && !here.banner_open) {
        Focus::Address
    } else {
        Focus::Nowhere
    }
}

/// A key pressed, given to the field that has the focus.
fn type_key(press: &KeyPress, here: &Here<'_>) -> Vec<AppCommand> {
    let state = here.state;
    let page = here.task.site.page(here.page_id);
    match focus(here) {
        Focus::Search => type_query(press, here),
        Focus::Form => match (page.and_then(|p| p.form.as_ref()), state.form.typing.as_ref()) {
            (Some(form), Some(typing)) => browser_form::type_in_field(press.clone(), form, typing, here),
            _ => Vec::new(),
        },
        Focus::Login(field) => page
            .and_then(|p| p.login.as_ref())
            .map_or_else(Vec::new, |form| type_login(press, field, form, here)),
        Focus::Address if state.editing => type_address(press, here),
        // The bar of a new tab: the first character typed opens its keyboard.
        Focus::Address if matches!(press, KeyPress::Insert(_)) => {
            let editing = ExerciseState { editing: true, typed: Some(String::new()), ..state.clone() };
            let mut commands = vec![AppCommand::Exercise(editing.clone())];
            commands.extend(type_address(press, &Here { state: &editing, ..*here }));
            commands
        }
        Focus::Address | Focus::Nowhere => Vec::new(),
    }
}

fn page_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    page: Option<&repere_engine::content::site::WebPage>,
    title: &str,
    text: &str,
    commands: &mut Vec<AppCommand>,
) {
    let Here { task, page_id, state, banner_open, .. } = *here;
    let look = view.look;
    // A search page keeps its room for the results: its name is on the tab.
    if !page.is_some_and(repere_engine::content::site::WebPage::is_search) {
        text_block(ui, look, title, TextKind::Title, LineAlign::Start);
        text_block(ui, look, text, TextKind::Body, LineAlign::Start);
        ui.add_space(8.0);
    }
    if let Some(page) = page.filter(|p| p.is_search()) {
        search_ui(ui, view, here, page, commands);
    }
    if let Some(page) = page.filter(|p| !p.links.is_empty()) {
        // A site's menu: its links in the reading direction, on as many lines as they need.
        let row = if look.rtl {
            egui::Layout::right_to_left(egui::Align::Min)
        } else {
            egui::Layout::left_to_right(egui::Align::Min)
        };
        ui.with_layout(row.with_main_wrap(true), |ui| {
            for link in &page.links {
                let button = link_button(ui, look, &view.tr(&link.label));
                if matches!(task.goal, BrowserGoal::Page(goal) if *goal == link.to) {
                    super::pointer::mark(ui, button.rect);
                }
                if button.clicked() && !banner_open {
                    commands.extend(open(&link.to, here));
                }
            }
        });
    }
    if let Some(page) = page {
        browser_form::downloads_ui(ui, view, here, page, commands);
    }
    if let Some(form) = page.and_then(|p| p.login.as_ref()) {
        login_ui(ui, view, here, form, focus(here), commands);
    }
    if let Some(form) = page.and_then(|p| p.form.as_ref()) {
        browser_form::form_ui(ui, view, here, form, commands);
    }
    if let Some(ask) = task.ask.filter(|_| page_id == task.start) {
        question_ui(ui, view, ask, state, commands);
    }
    if banner_open {
        ui.add_space(16.0);
        egui::Frame::new().fill(look.palette.caption).inner_margin(16).corner_radius(12).show(ui, |ui| {
            text_block(ui, look, &view.tr("browser.banner.text"), TextKind::Body, LineAlign::Start);
            reading_row(ui, look, |ui| {
                let refuse = big_button(
                    ui,
                    look,
                    &view.tr("browser.banner.refuse"),
                    None,
                    ButtonKind::Secondary,
                    vec2(220.0, 64.0),
                );
                let accept = big_button(
                    ui,
                    look,
                    &view.tr("browser.banner.accept"),
                    None,
                    ButtonKind::Secondary,
                    vec2(220.0, 64.0),
                );
                // Either button closes it: "Show me" rings both.
                if *task.goal == BrowserGoal::BannerClosed(true) {
                    super::pointer::mark(ui, refuse.rect.union(accept.rect));
                }
                if refuse.clicked() || accept.clicked() {
                    commands
                        .push(AppCommand::Exercise(ExerciseState { banner_closed: true, ..state.clone() }));
                    if *task.goal == BrowserGoal::BannerClosed(true) {
                        commands.push(AppCommand::Session(Command::TaskDone));
                    }
                }
            });
        });
    }
}

/// A link of a site's menu: as wide as its words, at most the page's width; words too long
/// for one line go on two, and the button grows to hold them.
fn link_button(ui: &mut Ui, look: &Look, words: &str) -> egui::Response {
    const PICTURE: &str = "🔗";
    let picture_room = look.size(TextKind::Title) * 1.2 + 16.0;
    let one_line =
        text_galley(ui, look, words, TextKind::Button, look.palette.text, f32::INFINITY, LineAlign::Center);
    let text_room = ui.available_width() - picture_room - 32.0;
    let lines =
        text_galley(ui, look, words, TextKind::Button, look.palette.text, text_room, LineAlign::Center);
    let height = if one_line.size.x > text_room { lines.size.y + 32.0 } else { 0.0 };
    big_button(ui, look, words, Some(PICTURE), ButtonKind::Secondary, vec2(0.0, height.max(64.0)))
}

/// A question about what the page says, with its answers; a wrong answer is a miss and a
/// kind "try again".
fn question_ui(
    ui: &mut Ui,
    view: &View<'_>,
    ask: &PageQuestion,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    ui.add_space(12.0);
    egui::Frame::new().fill(look.palette.caption).inner_margin(12).corner_radius(12).show(ui, |ui| {
        text_block(ui, look, &view.tr(&ask.question), TextKind::Body, LineAlign::Start);
        reading_row(ui, look, |ui| {
            for (index, answer) in ask.answers.iter().enumerate() {
                if big_button(ui, look, &view.tr(answer), None, ButtonKind::Secondary, vec2(160.0, 56.0))
                    .clicked()
                {
                    if index == ask.right {
                        commands.push(AppCommand::Session(Command::TaskDone));
                    } else {
                        commands.push(AppCommand::Session(Command::Task(TaskEvent::Miss)));
                        commands.push(AppCommand::Exercise(ExerciseState { tried: true, ..state.clone() }));
                    }
                }
            }
        });
    });
}

/// A search engine's page: the search box, then the results once a search is made; the
/// advertisements are marked, as search engines do.
fn search_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    page: &repere_engine::content::site::WebPage,
    commands: &mut Vec<AppCommand>,
) {
    let Here { task, state, banner_open, .. } = *here;
    let look = view.look;
    let query = state.query.clone().or_else(|| task.searched.map(str::to_owned));
    let shown = query.clone().unwrap_or_default();
    let search_box = reading_row(ui, look, |ui| {
        TextField::new(look, &view.tr("browser.search"), &shown).focused(false).width(720.0).show(ui)
    });
    if *task.goal == BrowserGoal::Searched(true) {
        super::pointer::mark(ui, search_box.rect);
    }
    if search_box.clicked() && !banner_open {
        commands.push(AppCommand::Exercise(ExerciseState {
            searching: true,
            typed: Some(String::new()),
            ..state.clone()
        }));
    }
    if query.is_none() {
        return;
    }
    ui.add_space(6.0);
    for result in &page.results {
        reading_row(ui, look, |ui| {
            if result.sponsored {
                egui::Frame::new().fill(look.palette.caption).inner_margin(4).corner_radius(4).show(
                    ui,
                    |ui| {
                        text_line(ui, look, &view.tr("browser.sponsored"), TextKind::Small);
                    },
                );
            }
            let title = view.tr(&result.title);
            if big_button(ui, look, &title, None, ButtonKind::Secondary, vec2(0.0, 48.0)).clicked()
                && !banner_open
            {
                commands.extend(open(&result.to, here));
            }
            ui.label(
                egui::RichText::new(&result.address)
                    .size(look.size(TextKind::Small))
                    .color(look.palette.target),
            );
        });
    }
}

/// The login form: the card with the codes given, the identifier, the password (masked),
/// and the button, on one row in the reading direction (so that the keyboard fits below).
/// Each code on the card is labelled with its field's name, in the fields' order.
fn login_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    form: &repere_engine::content::site::LoginForm,
    focus: Focus,
    commands: &mut Vec<AppCommand>,
) {
    let state = here.state;
    let look = view.look;
    if state.tried {
        text_block(ui, look, &view.tr(LOGIN_WRONG), TextKind::Body, LineAlign::Start);
    }
    let typing = matches!(focus, Focus::Login(_));
    let codes = [
        (view.tr("browser.login.card_identifier"), form.identifier.as_str()),
        (view.tr("browser.login.card_password"), form.password.as_str()),
    ];
    reading_row(ui, look, |ui| {
        let spacing = ui.spacing().item_spacing.x;
        let connect_words = view.tr("browser.login.connect");
        let connect_width = text_galley(
            ui,
            look,
            &connect_words,
            TextKind::Button,
            look.palette.text,
            f32::INFINITY,
            LineAlign::Start,
        )
        .size
        .x + 40.0;
        // The codes one under the other, the identifier first, each after its field's name;
        // while typing, small and without the title: the keyboard below needs the height.
        let code_kind = if typing { TextKind::Small } else { TextKind::Body };
        egui::Frame::new().fill(look.palette.caption).inner_margin(8).corner_radius(8).show(ui, |ui| {
            reading_column(ui, look, |ui| {
                ui.spacing_mut().item_spacing.y = 2.0;
                if !typing {
                    text_line(ui, look, &view.tr("browser.login.card"), TextKind::Small);
                }
                for (name, code) in &codes {
                    code_line(ui, look, name, code, code_kind);
                }
            });
        });
        let field_width =
            ((ui.available_width() - connect_width - 3.0 * spacing) / 2.0).clamp(MIN_LOGIN_FIELD, 360.0);
        let fields = [
            (view.tr("browser.login.identifier"), &state.identifier, false),
            (view.tr("browser.login.password"), &state.secret, true),
        ];
        for (index, (label, value, masked)) in fields.into_iter().enumerate() {
            let field = TextField::new(look, &label, value)
                .masked(masked)
                .focused(focus == Focus::Login(index as u8))
                .width(field_width)
                .show(ui);
            if field.clicked() {
                let login_field = Some(index as u8);
                commands.push(AppCommand::Exercise(ExerciseState {
                    login_field,
                    tried: false,
                    ..state.clone()
                }));
            }
        }
        let connect =
            big_button(ui, look, &connect_words, None, ButtonKind::Primary, vec2(connect_width, 56.0));
        if connect.clicked() {
            commands.extend(sign_in(form, here));
        }
    });
}

/// A code of the card: its field's name (the visitor's language), then the code (Latin, left
/// to right), in the reading direction.
fn code_line(ui: &mut Ui, look: &Look, name: &str, code: &str, kind: TextKind) {
    reading_row(ui, look, |ui| {
        text_line(ui, look, name, TextKind::Small);
        text_line(ui, &look.latin(), code, kind);
    });
}

/// The narrowest a login field gets: room for its name and a code.
const MIN_LOGIN_FIELD: f32 = 240.0;

/// Shown and said when the codes typed do not match.
const LOGIN_WRONG: &str = "browser.login.wrong.say";

/// The codes typed are checked: right, the account opens; otherwise a miss, and the message
/// shown is said, at each try (an error is spoken, not only shown).
fn sign_in(form: &repere_engine::content::site::LoginForm, here: &Here<'_>) -> Vec<AppCommand> {
    let state = here.state;
    if state.identifier.trim() == form.identifier && state.secret == form.password {
        let signed_in = ExerciseState {
            login_field: None,
            identifier: String::new(),
            secret: String::new(),
            ..state.clone()
        };
        open(&form.to, &Here { state: &signed_in, ..*here })
    } else {
        vec![
            AppCommand::Session(Command::Task(TaskEvent::Miss)),
            AppCommand::Exercise(ExerciseState { tried: true, login_field: None, ..state.clone() }),
            AppCommand::Say(LOGIN_WRONG.to_owned()),
        ]
    }
}

/// Typing in a login field; confirming connects.
fn type_login(
    press: &KeyPress,
    field: u8,
    form: &repere_engine::content::site::LoginForm,
    here: &Here<'_>,
) -> Vec<AppCommand> {
    let mut next = here.state.clone();
    let mut shift = next.shift;
    let value = if field == 0 { &mut next.identifier } else { &mut next.secret };
    match apply_key(press, value, &mut shift, usize::MAX) {
        KeyEffect::Confirm => return sign_in(form, here),
        KeyEffect::Nothing => return Vec::new(),
        KeyEffect::Edited | KeyEffect::Shift => next.shift = shift,
    }
    vec![AppCommand::Exercise(next)]
}

/// Insert, erase and shift act alike in the address bar and the search box.
fn edit_field(press: &KeyPress, mut typed: String, state: &ExerciseState) -> AppCommand {
    let mut shift = state.shift;
    match apply_key(press, &mut typed, &mut shift, usize::MAX) {
        KeyEffect::Edited => {
            AppCommand::Exercise(ExerciseState { typed: Some(typed), shift, ..state.clone() })
        }
        KeyEffect::Shift => AppCommand::Exercise(ExerciseState { shift, ..state.clone() }),
        // Confirming is each field's own business.
        KeyEffect::Confirm | KeyEffect::Nothing => AppCommand::None,
    }
}

/// Typing in a search box; confirming words makes the search.
fn type_query(press: &KeyPress, here: &Here<'_>) -> Vec<AppCommand> {
    let Here { task, state, .. } = *here;
    let typed = state.typed.clone().unwrap_or_default();
    match press {
        KeyPress::Insert(_) | KeyPress::Erase | KeyPress::Shift => vec![edit_field(press, typed, state)],
        KeyPress::Confirm if typed.trim().is_empty() => Vec::new(),
        KeyPress::Confirm => {
            let mut commands = vec![AppCommand::Exercise(ExerciseState {
                searching: false,
                query: Some(typed),
                typed: None,
                ..state.clone()
            })];
            if *task.goal == BrowserGoal::Searched(true) {
                commands.push(AppCommand::Session(Command::TaskDone));
            }
            commands
        }
    }
}

/// Opens a page: the goal ends the task; the page where a download or a form of the goal is
/// waits is on the way; another page is a step beside the way.
pub(super) fn open(to: &str, here: &Here<'_>) -> Vec<AppCommand> {
    let Here { task, page_id: from, history, state, .. } = *here;
    let goal = task.goal;
    let mut commands = Vec::new();
    let mut history = history.to_vec();
    history.push(from.to_owned());
    let on_the_way = matches!(goal, BrowserGoal::Downloaded(_) | BrowserGoal::Submitted(_))
        && goal.page(task.site) == Some(to);
    if *goal == BrowserGoal::Page(to.to_owned()) {
        commands.push(AppCommand::Session(Command::TaskDone));
    } else if !on_the_way {
        commands.push(AppCommand::Session(Command::Task(TaskEvent::Miss)));
    }
    commands.push(AppCommand::Exercise(on_page(to.to_owned(), history, state)));
    commands
}

fn go_back(here: &Here<'_>) -> Vec<AppCommand> {
    let Here { task, history, state, banner_open, .. } = *here;
    let goal = task.goal;
    let mut history = history.to_vec();
    let Some(previous) = history.pop().filter(|_| !banner_open) else {
        return Vec::new();
    };
    let mut commands = Vec::new();
    let reached = matches!(goal, BrowserGoal::Page(p) | BrowserGoal::BackTo(p) if *p == previous);
    if reached {
        commands.push(AppCommand::Session(Command::TaskDone));
    }
    commands.push(AppCommand::Exercise(on_page(previous, history, state)));
    commands
}

/// The browser on another page: nothing typed in its bars, the new page's form untouched.
fn on_page(page: String, history: Vec<String>, state: &ExerciseState) -> ExerciseState {
    ExerciseState {
        page: Some(page),
        history: Some(history),
        editing: false,
        typed: None,
        form: state.form.on_new_page(),
        ..state.clone()
    }
}

/// Typing in the address bar; confirming opens the page at that address, or "not found".
fn type_address(press: &KeyPress, here: &Here<'_>) -> Vec<AppCommand> {
    let Here { task, page_id, history, state, .. } = *here;
    let typed = state.typed.clone().unwrap_or_default();
    match press {
        KeyPress::Insert(_) | KeyPress::Erase | KeyPress::Shift => vec![edit_field(press, typed, state)],
        // As in a browser, Enter on an empty bar does nothing.
        KeyPress::Confirm if typed.trim().is_empty() => Vec::new(),
        KeyPress::Confirm => {
            if let Some(page) = task.site.page_at(&typed) {
                return open(&page.id, here);
            }
            let mut commands = open(NOT_FOUND, here);
            // Keep what was typed on show, so the visitor can see the slip.
            commands.push(AppCommand::Exercise(ExerciseState {
                page: Some(NOT_FOUND.to_owned()),
                history: Some(history.iter().cloned().chain(std::iter::once(page_id.to_owned())).collect()),
                editing: false,
                typed: Some(typed),
                ..state.clone()
            }));
            commands
        }
    }
}
