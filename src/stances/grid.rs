//! The stance matrix laid out for reading: actors as rows and topics as columns, each in a chosen order, with the cell at any position.

use super::{By, Cell, Counts};
use crate::model::{ActorId, TopicId};
use crate::store::Store;
use foldhash::{HashMap, HashMapExt};

/// How the rows (actors) are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowOrder {
    /// Most statements first.
    #[default]
    Count,
    Name,
    /// Most divided first: the most statements that a statement of the other side
    /// on the same topic contradicts (the smaller of supports and opposes, summed
    /// over the actor's topics), then most statements.
    Divided,
}

impl RowOrder {
    pub fn next(self) -> RowOrder {
        match self {
            RowOrder::Count => RowOrder::Name,
            RowOrder::Name => RowOrder::Divided,
            RowOrder::Divided => RowOrder::Count,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RowOrder::Count => "count",
            RowOrder::Name => "name",
            RowOrder::Divided => "divided",
        }
    }
}

/// How the columns (topics) are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColOrder {
    #[default]
    Count,
    Name,
}

impl ColOrder {
    pub fn next(self) -> ColOrder {
        match self {
            ColOrder::Count => ColOrder::Name,
            ColOrder::Name => ColOrder::Count,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ColOrder::Count => "count",
            ColOrder::Name => "name",
        }
    }
}

/// A row or column: its actor or topic, with the totals of its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band<K> {
    pub key: K,
    pub counts: Counts,
    /// Statements contradicted on the same topic (see [`RowOrder::Divided`]).
    pub divided: u32,
}

impl<K> Band<K> {
    fn new(key: K) -> Band<K> {
        Band {
            key,
            counts: [0; 3],
            divided: 0,
        }
    }

    /// Counts one cell in the band.
    fn add(&mut self, counts: &Counts, contradicted: u32) {
        for (into, n) in self.counts.iter_mut().zip(counts) {
            *into += n;
        }
        self.divided += contradicted;
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// The matrix of one selection of statements, counted `by` principal or speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub by: By,
    pub rows: Vec<Band<ActorId>>,
    pub cols: Vec<Band<TopicId>>,
    /// Statements counted (each topic of a statement once).
    pub total: u32,
    cells: HashMap<(ActorId, TopicId), Counts>,
}

impl Grid {
    /// Lays out `cells` (as [`super::cells`] gives them) in the orders asked for.
    pub fn new(store: &Store, cells: &[Cell], by: By, rows: RowOrder, cols: ColOrder) -> Grid {
        let mut row_map: HashMap<ActorId, Band<ActorId>> = HashMap::new();
        let mut col_map: HashMap<TopicId, Band<TopicId>> = HashMap::new();
        let mut map = HashMap::with_capacity(cells.len());
        let mut total = 0;
        for c in cells {
            let contradicted = c.counts[0].min(c.counts[1]);
            row_map
                .entry(c.actor)
                .or_insert_with(|| Band::new(c.actor))
                .add(&c.counts, contradicted);
            col_map
                .entry(c.topic)
                .or_insert_with(|| Band::new(c.topic))
                .add(&c.counts, contradicted);
            total += c.total();
            map.insert((c.actor, c.topic), c.counts);
        }
        let mut grid = Grid {
            by,
            rows: row_map.into_values().collect(),
            cols: col_map.into_values().collect(),
            total,
            cells: map,
        };
        grid.sort(store, rows, cols);
        grid
    }

    /// Orders rows and columns; ties go by name, then id, so the order is stable.
    pub fn sort(&mut self, store: &Store, rows: RowOrder, cols: ColOrder) {
        let name = |a: ActorId| store.actor(a).name.as_str();
        self.rows.sort_unstable_by(|a, b| {
            let by_name = name(a.key).cmp(name(b.key)).then(a.key.cmp(&b.key));
            match rows {
                RowOrder::Count => b.total().cmp(&a.total()).then(by_name),
                RowOrder::Name => by_name,
                RowOrder::Divided => b
                    .divided
                    .cmp(&a.divided)
                    .then(b.total().cmp(&a.total()))
                    .then(by_name),
            }
        });
        self.cols.sort_unstable_by(|a, b| {
            let by_name = store
                .topic(a.key)
                .cmp(store.topic(b.key))
                .then(a.key.cmp(&b.key));
            match cols {
                ColOrder::Count => b.total().cmp(&a.total()).then(by_name),
                ColOrder::Name => by_name,
            }
        });
    }

    /// The counts at row `r`, column `c` (`None`: out of the grid, or no statement).
    pub fn at(&self, r: usize, c: usize) -> Option<Counts> {
        let (row, col) = (self.rows.get(r)?, self.cols.get(c)?);
        self.cells.get(&(row.key, col.key)).copied()
    }

    pub fn row_of(&self, actor: ActorId) -> Option<usize> {
        self.rows.iter().position(|b| b.key == actor)
    }

    pub fn col_of(&self, topic: TopicId) -> Option<usize> {
        self.cols.iter().position(|b| b.key == topic)
    }

    /// Non-empty cells.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// The largest count of any one stance in a cell, for sizing the cells.
    pub fn widest(&self) -> u32 {
        self.cells
            .values()
            .flat_map(|c| c.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_columns_follow_the_orders_asked_for() {
        let loaded = crate::bundled::load();
        let store = &loaded.store;
        let ids: Vec<_> = store.all_ids().collect();
        let cells = super::super::cells(store, &ids, By::Principal);
        let grid = Grid::new(
            store,
            &cells,
            By::Principal,
            RowOrder::Count,
            ColOrder::Name,
        );
        assert_eq!(grid.cell_count(), cells.len());
        let totals: Vec<u32> = grid.rows.iter().map(Band::total).collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
        let names: Vec<&str> = grid.cols.iter().map(|c| store.topic(c.key)).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        let sum: u32 = cells.iter().map(Cell::total).sum();
        assert_eq!(grid.total, sum);
        // Every cell is where its row and column are.
        for c in &cells {
            let r = grid.row_of(c.actor).expect("its row");
            let k = grid.col_of(c.topic).expect("its column");
            assert_eq!(grid.at(r, k), Some(c.counts));
        }
        let mut by_name = grid.clone();
        by_name.sort(store, RowOrder::Name, ColOrder::Count);
        let names: Vec<&str> = by_name
            .rows
            .iter()
            .map(|r| store.actor(r.key).name.as_str())
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    }

    #[test]
    fn divided_rows_come_first_in_divided_order() {
        let loaded = crate::bundled::load();
        let store = &loaded.store;
        let (a, b) = (ActorId(0), ActorId(1));
        let t = TopicId(0);
        let cells = [
            Cell {
                actor: a,
                topic: t,
                counts: [9, 0, 0],
            },
            Cell {
                actor: b,
                topic: t,
                counts: [2, 2, 0],
            },
        ];
        let grid = Grid::new(
            store,
            &cells,
            By::Speaker,
            RowOrder::Divided,
            ColOrder::Count,
        );
        assert_eq!(grid.rows[0].key, b);
        assert_eq!(grid.rows[0].divided, 2);
        let grid = Grid::new(store, &cells, By::Speaker, RowOrder::Count, ColOrder::Count);
        assert_eq!(grid.rows[0].key, a);
        assert_eq!(grid.at(5, 0), None);
    }
}
