//! Messages for the player that are not errors of theirs: a settings file set aside, a folder
//! that could not be written. Shown on every page until dismissed.

use bevy::prelude::*;

#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices(pub Vec<String>);

impl Notices {
    pub fn push(&mut self, text: impl Into<String>) {
        let text = text.into();
        // The same problem reported twice (e.g. every save failing) is shown once.
        if !self.0.contains(&text) {
            self.0.push(text);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>();
}
