//! Menus as data: what a screen shows (`Page`), what it offers (`Menu`), and what the player chose
//! (`MenuAction`). Keys and mouse clicks both become a `MenuAction`, read by one system, so every
//! menu works with the keyboard alone and the headless tests drive the same path.

use bevy::app::AppExit;
use bevy::prelude::*;

use super::keys::DIGIT_KEYS;
use super::messages::QuizCommand;
use super::notices::Notices;
use super::preferences::Preferences;
use super::screen::Screen;
use super::systems::AppSystems;
use crate::settings::SettingKind;

/// The text of the current screen: a heading and paragraphs the UI draws above the menu.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// Lines shown below the menu (e.g. a quiz's question-by-question results).
    pub details: Vec<String>,
}

/// What choosing a menu line does.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum MenuAction {
    Open(Screen),
    /// Escape, or the "Back" line: the screen's `Screen::back`.
    Back,
    /// Change a setting by one step: +1 (Enter, →) or −1 (←).
    Adjust(SettingKind, i32),
    Quit,
    /// Quit with a failing exit code: the game could not start properly.
    QuitAfterError,
    /// Pause, quit, review or replay a quiz (handled by the Quiz screen).
    Quiz(QuizCommand),
}

/// One line of a menu.
#[derive(Clone, Debug, PartialEq)]
pub struct MenuItem {
    pub label: String,
    pub action: MenuAction,
}

impl MenuItem {
    pub fn new(label: impl Into<String>, action: MenuAction) -> Self {
        Self {
            label: label.into(),
            action,
        }
    }
}

/// The lines the current screen offers and which one has the keyboard focus.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct Menu {
    pub items: Vec<MenuItem>,
    pub focus: usize,
}

impl Menu {
    pub fn new(items: Vec<MenuItem>) -> Self {
        Self { items, focus: 0 }
    }

    /// A menu with a single "Back" line.
    pub fn back_only() -> Self {
        Self::new(vec![MenuItem::new("Back", MenuAction::Back)])
    }

    pub fn focused(&self) -> Option<&MenuItem> {
        self.items.get(self.focus)
    }

    /// Moves the focus by `step` lines, wrapping around at either end.
    pub fn move_focus(&mut self, step: i32) {
        let len = self.items.len() as i32;
        if len > 0 {
            self.focus = (self.focus as i32 + step).rem_euclid(len) as usize;
        }
    }
}

/// Set while an egui text field has the keyboard, so typing never moves a menu.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyboardTakenByText(pub bool);

/// Set while the pointer is over a panel, so clicks on panels never reach the map.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PointerTakenByUi(pub bool);

/// Shows a page and its menu (the usual `OnEnter` of a screen).
pub fn show(commands: &mut Commands, page: Page, menu: Menu) {
    commands.insert_resource(page);
    commands.insert_resource(menu);
}

/// The page of a screen whose feature is not built yet: it says so plainly and offers Back.
pub fn show_not_built_yet(commands: &mut Commands, screen: Screen, what_it_will_do: &str) {
    show(
        commands,
        Page {
            heading: screen.title().into(),
            details: Vec::new(),
            paragraphs: vec![
                what_it_will_do.into(),
                "This part of the game is not built yet.".into(),
            ],
        },
        Menu::back_only(),
    );
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Page>()
        .init_resource::<Menu>()
        .init_resource::<KeyboardTakenByText>()
        .init_resource::<PointerTakenByUi>()
        .add_message::<MenuAction>()
        .add_systems(
            Update,
            (
                read_menu_keys.in_set(AppSystems::RecordInput),
                apply_menu_actions.in_set(AppSystems::Update),
            ),
        );
}

/// ↑/↓ and Tab/Shift+Tab move the focus; Enter or Space chooses; ←/→ adjust a setting line;
/// the number keys 1–9 choose a line directly; Escape goes back.
fn read_menu_keys(
    keys: Res<ButtonInput<KeyCode>>,
    taken: Res<KeyboardTakenByText>,
    mut menu: ResMut<Menu>,
    mut actions: MessageWriter<MenuAction>,
) {
    if taken.0 {
        return;
    }
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if keys.just_pressed(KeyCode::ArrowDown) || (keys.just_pressed(KeyCode::Tab) && !shift) {
        menu.move_focus(1);
    }
    if keys.just_pressed(KeyCode::ArrowUp) || (keys.just_pressed(KeyCode::Tab) && shift) {
        menu.move_focus(-1);
    }
    if keys.just_pressed(KeyCode::Home) {
        menu.focus = 0;
    }
    if keys.just_pressed(KeyCode::End) {
        menu.focus = menu.items.len().saturating_sub(1);
    }
    for (index, digit) in DIGIT_KEYS[1..].iter().enumerate() {
        if keys.just_pressed(*digit) && index < menu.items.len() {
            menu.focus = index;
            actions.write(menu.items[index].action.clone());
        }
    }
    let Some(focused) = menu.focused().map(|item| item.action.clone()) else {
        if keys.just_pressed(KeyCode::Escape) {
            actions.write(MenuAction::Back);
        }
        return;
    };
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space]) {
        actions.write(focused.clone());
    }
    if let MenuAction::Adjust(kind, _) = focused {
        if keys.just_pressed(KeyCode::ArrowLeft) {
            actions.write(MenuAction::Adjust(kind, -1));
        }
        if keys.just_pressed(KeyCode::ArrowRight) {
            actions.write(MenuAction::Adjust(kind, 1));
        }
    }
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(MenuAction::Back);
    }
}

fn apply_menu_actions(
    mut actions: MessageReader<MenuAction>,
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut preferences: ResMut<Preferences>,
    mut notices: ResMut<Notices>,
    mut exit: MessageWriter<AppExit>,
) {
    for action in actions.read() {
        match *action {
            MenuAction::Open(target) => next_screen.set(target),
            MenuAction::Back => {
                if let Some(target) = screen.get().back() {
                    next_screen.set(target);
                }
            }
            MenuAction::Adjust(kind, step) => {
                if let Err(problem) = preferences.adjust(kind, step) {
                    notices.push(problem);
                }
            }
            MenuAction::Quit => {
                exit.write(AppExit::Success);
            }
            MenuAction::QuitAfterError => {
                exit.write(AppExit::error());
            }
            MenuAction::Quiz(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three_lines() -> Menu {
        Menu::new(vec![
            MenuItem::new("a", MenuAction::Back),
            MenuItem::new("b", MenuAction::Quit),
            MenuItem::new("c", MenuAction::Open(Screen::Title)),
        ])
    }

    #[test]
    fn focus_wraps_around_both_ends() {
        let mut menu = three_lines();
        menu.move_focus(-1);
        assert_eq!(menu.focus, 2);
        menu.move_focus(1);
        assert_eq!(menu.focus, 0);
        menu.move_focus(4);
        assert_eq!(menu.focus, 1);
    }

    #[test]
    fn empty_menu_has_no_focus() {
        let mut menu = Menu::default();
        menu.move_focus(1);
        assert_eq!(menu.focused(), None);
    }
}
