//! Set operations on ascending statement-id lists: union (over a bitmap), intersection, merge.

use crate::model::StatementId;

/// The union of several ascending lists of statements of a store of `len`, ascending:
/// one pass over a bitmap, however many lists (merging them pairwise grows with their
/// number: `actor:p` unites hundreds of actors' lists).
pub fn union_sorted<'a>(
    lists: impl IntoIterator<Item = &'a [StatementId]>,
    len: usize,
) -> Vec<StatementId> {
    let mut lists = lists.into_iter().filter(|l| !l.is_empty());
    let Some(first) = lists.next() else {
        return Vec::new();
    };
    let Some(second) = lists.next() else {
        return first.to_vec();
    };
    let mut bits = bitmap(len);
    for list in [first, second].into_iter().chain(lists) {
        set_bits(&mut bits, list);
    }
    super::words::collect_bits(&bits)
}

/// A bitmap with one (clear) bit per statement of a store of `len`.
pub fn bitmap(len: usize) -> Vec<u64> {
    vec![0; len.div_ceil(64)]
}

/// Sets the bits of `ids` in a [`bitmap`].
pub fn set_bits(bits: &mut [u64], ids: &[StatementId]) {
    for id in ids {
        bits[id.index() / 64] |= 1 << (id.0 % 64);
    }
}

/// Whether the bit of `id` is set in a [`bitmap`].
pub fn has_bit(bits: &[u64], id: StatementId) -> bool {
    bits[id.index() / 64] & (1 << (id.0 % 64)) != 0
}

/// The ids in both ascending lists, ascending.
pub fn intersect_sorted(a: &[StatementId], b: &[StatementId]) -> Vec<StatementId> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.len().saturating_mul(16) < b.len() {
        return a
            .iter()
            .filter(|id| b.binary_search(id).is_ok())
            .copied()
            .collect();
    }
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Merges two ascending id lists into one ascending list.
pub fn merge_sorted(a: &[StatementId], b: &[StatementId]) -> Vec<StatementId> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            if a[i] == b[j] {
                j += 1;
            }
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
