//! The timeline's period as a filter: `p` replaces the `since:`/`until:` terms with the
//! day, week or month under the cursor.

use super::{State, filter};
use crate::tui::action::Effect;

impl State<'_> {
    /// Replaces the filter's `since:`/`until:` terms with the cursor's period.
    pub(super) fn filter_to_period(&mut self) -> Option<Effect> {
        let zoom = self.timeline.zoom;
        let period = self
            .list
            .current()
            .and_then(|id| self.timeline.sort_period(self.store, id));
        let bounds = period.and_then(|p| Some((zoom.start(p)?, zoom.start(p + 1)?.pred_opt()?)));
        let Some((first, last)) = bounds else {
            self.say("No dated statement under the cursor".into(), true);
            return None;
        };
        let text = filter::without_dates(self.filter.wanted());
        let expr = format!("{text} since:{first} until:{last}");
        self.filter.input.set(expr.trim());
        let effect = self.evaluate_filter();
        self.say(
            format!("Filtered to the {} of {first}; F clears", zoom.label()),
            false,
        );
        effect
    }
}
