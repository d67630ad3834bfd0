//! Query handling: text → AST ([`parse`]) → matching documents ([`eval`]).

pub mod ast;
pub mod eval;
pub mod expand;
pub mod feedback;
mod fuzzy;
pub mod parse;
mod phrase;
pub mod proximity;
mod scratch;

pub use ast::{Atom, Clause, Filter, Query, Scope};
pub use eval::{evaluate, Matches};
pub use parse::{parse, parse_with};
