//! The course view: one actor's positions over time, topic by topic, with the changes marked; opened from the actors pane (`p`), counted at once (one actor's statements are few).

use super::list::{scroll_offset, step};
use super::{Overlay, State};
use crate::model::{ActorId, StatementId};
use crate::stances::{By, Course, course};
use crate::tui::action::Effect;
use ratatui::layout::Rect;

#[derive(Clone, Debug, Default)]
pub struct CourseView {
    pub actor: Option<ActorId>,
    pub by: By,
    pub topics: Vec<Course>,
    /// Index into the statements of all topics, in order.
    pub cursor: usize,
    /// First line in view.
    pub offset: usize,
}

/// One line of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CourseLine {
    /// A topic's heading (index into `topics`).
    Topic(usize),
    /// A statement: topic index, step index, and its index among all statements.
    Step(usize, usize, usize),
    Gap,
}

impl CourseView {
    /// Every line, headings and gaps between topics included.
    pub fn lines(&self) -> Vec<CourseLine> {
        let mut out = Vec::new();
        let mut n = 0;
        for (t, c) in self.topics.iter().enumerate() {
            if t > 0 {
                out.push(CourseLine::Gap);
            }
            out.push(CourseLine::Topic(t));
            for s in 0..c.steps.len() {
                out.push(CourseLine::Step(t, s, n));
                n += 1;
            }
        }
        out
    }

    fn len(&self) -> usize {
        self.topics.iter().map(|c| c.steps.len()).sum()
    }

    /// The statement under the cursor.
    pub fn chosen(&self) -> Option<StatementId> {
        self.topics
            .iter()
            .flat_map(|c| c.steps.iter())
            .nth(self.cursor)
            .map(|s| s.id)
    }

    /// Keeps the cursor's line, and its topic's heading where it fits, in view.
    pub fn scroll(&mut self, table: Rect) {
        let lines = self.lines();
        let at = lines
            .iter()
            .position(|l| matches!(l, CourseLine::Step(_, _, n) if *n == self.cursor))
            .unwrap_or(0);
        let height = table.height.max(1) as usize;
        self.offset = scroll_offset(self.offset, at, height);
    }
}

impl State<'_> {
    /// `p` in the actors pane: the actor's positions over time, over the filter's statements.
    pub(super) fn open_course(&mut self) -> Option<Effect> {
        let Some(actor) = self.actors.selected() else {
            self.say(
                "Choose an actor first (j/k in the actors pane)".into(),
                true,
            );
            return None;
        };
        let by = self.course.by;
        self.course = CourseView {
            actor: Some(actor),
            by,
            topics: course(self.store, &self.list.filtered, actor, by),
            cursor: 0,
            offset: 0,
        };
        self.overlay = Some(Overlay::Course);
        None
    }

    pub(super) fn step_course(&mut self, delta: isize) -> Option<Effect> {
        self.course.cursor = step(self.course.cursor, delta, self.course.len());
        None
    }

    /// `b`: the same actor counted by speaker instead of principal, or back.
    pub(super) fn toggle_course_by(&mut self) -> Option<Effect> {
        let by = match self.course.by {
            By::Principal => By::Speaker,
            By::Speaker => By::Principal,
        };
        if let Some(actor) = self.course.actor {
            self.course.topics = course(self.store, &self.list.filtered, actor, by);
        }
        self.course.by = by;
        self.course.cursor = 0;
        None
    }

    /// Enter: the statement in its article; Esc there comes back here.
    pub(super) fn open_course_step(&mut self) -> Option<Effect> {
        let id = self.course.chosen()?;
        // The actors pane may narrow the list to another actor: show every filtered one.
        if self.list.ids.binary_search(&id).is_err() {
            self.actors.cursor = 0;
            self.renarrow();
        }
        self.open_from_view(id, Overlay::Course)
    }
}
