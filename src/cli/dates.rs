//! The note a date-bounded selection leaves on standard error: how many more statements may fall in its dates.

use crate::filter::{Filter, possible_more};
use crate::model::StatementId;
use crate::store::Store;

/// Says on standard error how many statements besides `ids` may fall in `filter`'s
/// dates, when it reads them as certain and some do: a script's output stays the
/// statements asked for, and its user learns what `dates:possible` would add.
pub fn note_possible(store: &Store, filter: &Filter, ids: &[StatementId]) {
    if let Some(Some(more)) = possible_more(store, filter, ids, &|| false)
        && more > 0
    {
        eprintln!(
            "demarche: {} statement(s) made certainly within the dates; {more} more may fall in them (add dates:possible to include them)",
            ids.len()
        );
    }
}
