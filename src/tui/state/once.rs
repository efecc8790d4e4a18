//! `A`: each statement once: where several annotators marked the same passage (matched as `demarche agree` matches), the panes show it once, its card naming everyone who marked it.

use super::State;
use crate::model::StatementId;
use crate::tui::action::Effect;

impl State<'_> {
    /// `A`: shows each statement once, or every annotator's again.
    pub(super) fn toggle_once(&mut self) -> Option<Effect> {
        if self.once.take().is_some() {
            self.renarrow();
            self.say("Every annotator's statements shown".into(), false);
            return None;
        }
        let groups = crate::compare::agree::groups(self.store, Default::default());
        let hidden = groups
            .iter()
            .enumerate()
            .filter(|&(i, g)| g.index() != i)
            .count();
        if hidden == 0 {
            self.say(
                "Each statement is already shown once: no passage was marked by several annotators"
                    .into(),
                false,
            );
            return None;
        }
        self.once = Some(groups);
        self.renarrow();
        self.say(
            format!("Each statement once: {hidden} marked again by another annotator hidden (its card says who); A shows them"),
            false,
        );
        None
    }

    /// Leaves out of the panes' list the statements another stands for.
    pub(super) fn keep_once(&mut self) {
        let Some(groups) = &self.once else { return };
        let current = self.list.current();
        self.list
            .ids
            .retain(|&id: &StatementId| groups[id.index()] == id);
        self.list.cursor = current.map_or(0, |id| self.list.position_near(id));
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::Action;
    use crate::tui::state::quotes::speaker_label;
    use crate::tui::test_support::state;

    #[test]
    fn a_passage_two_annotators_marked_shows_once_naming_both() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/brat/election");
        let loaded = crate::loader::load_paths(&[path]);
        let mut s = state(&loaded);
        assert_eq!(s.list.len(), 10);
        let labels = |s: &crate::tui::state::State| -> Vec<String> {
            s.list
                .ids
                .iter()
                .map(|&id| speaker_label(s.store, id))
                .collect()
        };
        assert!(
            labels(&s).contains(&"Reyes [anna+ben]".to_string()),
            "{:?}",
            labels(&s)
        );
        s.update(Action::ToggleOnce);
        assert_eq!(
            s.list.len(),
            8,
            "anna's and ben's two matched passages once each"
        );
        let shown = labels(&s);
        assert_eq!(
            shown.iter().filter(|l| l.starts_with("Reyes")).count(),
            1,
            "{shown:?}"
        );
        assert!(
            s.carried().contains(&Action::ToggleOnce),
            "kept across an edit"
        );
        s.update(Action::ToggleOnce);
        assert_eq!(s.list.len(), 10);
        let bundled = crate::bundled::load();
        let mut one = state(&bundled);
        one.update(Action::ToggleOnce);
        assert!(one.once.is_none(), "one annotator: nothing to fold");
    }
}
