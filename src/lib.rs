//! demarche: browse diplomatic statements (who said what, when, where, how, to whom) from annotated articles.
//!
//! The library is the whole core: [`loader`] reads annotated articles into a
//! [`Store`], [`filter`] selects statements with one expression language,
//! [`export`] writes selections, [`record`] is the self-contained statement view
//! used by every output. [`cli`] and [`tui`] are thin adapters over it; the
//! core modules never touch a terminal.

pub mod bundled;
pub mod cache;
pub mod cli;
pub mod compare;
pub mod convert;
pub mod date;
pub mod diagnostic;
pub mod edit;
pub mod export;
pub mod extract;
pub mod filter;
pub mod fold;
pub mod generate;
pub mod journal;
pub mod loader;
pub mod model;
pub mod record;
pub mod search;
pub mod stances;
pub mod store;
pub mod text;
pub mod tui;

pub use diagnostic::{Diagnostic, Severity};
pub use filter::{Filter, FilterError};
pub use loader::{Loaded, load_paths};
pub use store::Store;
