//! The course view: one actor's statements topic by topic in date order, each with its stance, and the changes marked in words (legible without colour).

use super::popup;
use super::theme::Theme;
use crate::stances::By;
use crate::tui::layout;
use crate::tui::state::{CourseLine, State};
use crate::tui::text::{self, clean, date_label, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let parts = layout::view(area);
    let v = &state.course;
    let store = state.store;
    let name = v
        .actor
        .map_or_else(String::new, |a| clean(&store.actor(a).name));
    let title = format!("{name}: positions over time, by {}", v.by.label());
    popup(frame, parts.frame, &title, theme);
    let count: usize = v.topics.iter().map(|c| c.steps.len()).sum();
    let changes: usize = v
        .topics
        .iter()
        .flat_map(|c| c.steps.iter())
        .filter(|s| s.changed)
        .count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let summary = match (count, v.by) {
        (0, By::Principal) => format!(
            "No stance of {name} here. Statements made on another's behalf count for them: b counts by speaker."
        ),
        (0, By::Speaker) => format!("No statement of {name} here has a topic with a stance."),
        _ => format!(
            "{} on {}, {} · oldest first",
            plural(count, "stance"),
            plural(v.topics.len(), "topic"),
            plural(changes, "change")
        ),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(summary, theme.dim)),
        parts.summary,
    );
    let width = parts.table.width as usize;
    let lines: Vec<Line> = v
        .lines()
        .into_iter()
        .skip(v.offset)
        .take(parts.table.height as usize)
        .map(|line| match line {
            CourseLine::Gap => Line::default(),
            CourseLine::Topic(t) => {
                let c = &v.topics[t];
                Line::from(Span::styled(
                    format!("{} ({})", clean(store.topic(c.topic)), c.steps.len()),
                    theme.heading,
                ))
            }
            CourseLine::Step(t, s, n) => {
                let step = v.topics[t].steps[s];
                let mark = match (step.changed, step.order_uncertain) {
                    (false, _) => "",
                    (true, false) => "changed",
                    (true, true) => "changed?",
                };
                let fields = format!(
                    "  {:<13}{:<10}{:<10}{mark:<10}",
                    date_label(store.date_or_published(step.id)),
                    step.stance.to_string(),
                    store.mode(step.id).to_string(),
                );
                let room = width.saturating_sub(text::width(&fields));
                let quote = truncate(&clean(store.text(step.id)), room);
                let cursor = |st: ratatui::style::Style| {
                    if n == v.cursor {
                        st.patch(theme.cursor)
                    } else {
                        st
                    }
                };
                Line::from(vec![
                    Span::styled(fields, cursor(theme.stance(step.stance))),
                    Span::styled(quote, cursor(theme.mode(store.mode(step.id)))),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), parts.table);
}
