//! The bookkeeping a view counted in the background shares: which count it shows, which it awaits, and the request for a new one when the statements on screen or the count asked for changed.

use super::State;
use crate::tui::action::{Effect, Tally, TallyRequest};

/// What a view's count is of: the statement list's revision, and the count.
type Basis = (u64, Tally);

#[derive(Clone, Copy, Debug, Default)]
pub struct Counting {
    shown: Option<Basis>,
    /// The count awaited: its generation and what it is of.
    awaited: Option<(u64, Basis)>,
}

impl Counting {
    pub fn pending(&self) -> bool {
        self.awaited.is_some()
    }

    /// Whether `generation` is the count awaited; if so it is now the one shown, and
    /// what it was a count of is returned.
    pub fn arrived(&mut self, generation: u64) -> Option<Tally> {
        let (_, basis) = self.awaited.filter(|(g, _)| *g == generation)?;
        self.awaited = None;
        self.shown = Some(basis);
        Some(basis.1)
    }
}

impl<'a> State<'a> {
    /// A count of the statements on screen as `tally`, unless `counting` shows it or
    /// awaits it already; `counting` picks the view's bookkeeping out of the state.
    pub(super) fn ask_count(
        &mut self,
        tally: Tally,
        counting: for<'s> fn(&'s mut State<'a>) -> &'s mut Counting,
    ) -> Option<Effect> {
        let basis = (self.list.revision, tally);
        let c = *counting(self);
        if c.shown == Some(basis) || c.awaited.is_some_and(|(_, b)| b == basis) {
            return None;
        }
        let generation = self.next_tally();
        counting(self).awaited = Some((generation, basis));
        Some(Effect::Tally(TallyRequest {
            generation,
            ids: self.list.ids.clone(),
            tally,
        }))
    }
}
