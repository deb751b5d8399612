//! Edits of the treatment plan: the sessions' dates and the design's shade.

use crate::design::{Session, add_days};

/// Plans every session after the first its `days_after_previous` after the one before (after
/// the day it was done, once done).
pub fn schedule(sessions: &mut [Session]) {
    for index in 1..sessions.len() {
        let previous = &sessions[index - 1];
        let from = if previous.done {
            previous.actual_date.clone().or(previous.planned_date.clone())
        } else {
            previous.planned_date.clone()
        };
        if let Some(date) = from.and_then(|d| add_days(&d, i64::from(sessions[index].days_after_previous))) {
            sessions[index].planned_date = Some(date);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_scheduled_from_the_first_and_from_when_they_were_done() {
        let mut sessions = Session::default_plan();
        sessions[0].planned_date = Some("2026-11-23".to_owned());
        schedule(&mut sessions);
        assert_eq!(sessions[1].planned_date.as_deref(), Some("2026-12-03"));
        assert_eq!(sessions[2].planned_date.as_deref(), Some("2027-01-07"));
        sessions[1].done = true;
        sessions[1].actual_date = Some("2026-12-10".to_owned());
        schedule(&mut sessions);
        assert_eq!(sessions[2].planned_date.as_deref(), Some("2027-01-14"), "35 days after it was done");
    }
}
