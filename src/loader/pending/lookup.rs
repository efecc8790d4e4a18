//! Finding a name among a document's names: a scan while they are few, a hash map beyond.

use std::collections::HashMap;

/// Lists up to this long are searched by a scan rather than a hash map.
const FEW: usize = 16;

/// The position of `key` among `names`: scanned while they are few, else from `index`.
pub(super) fn find<'n>(
    index: &HashMap<String, u32>,
    mut names: impl Iterator<Item = &'n str>,
    key: &str,
) -> Option<u32> {
    if index.is_empty() {
        names.position(|n| n == key).map(|i| i as u32)
    } else {
        index.get(key).copied()
    }
}

/// Keeps `index` in step with `names` (just appended to) once they outgrow [`FEW`].
pub(super) fn index_beyond_few<'n>(
    index: &mut HashMap<String, u32>,
    mut names: impl ExactSizeIterator<Item = &'n str> + DoubleEndedIterator,
) {
    let len = names.len();
    if len <= FEW {
        return;
    }
    if index.is_empty() {
        index.extend(names.enumerate().map(|(i, n)| (n.to_string(), i as u32)));
    } else if let Some(last) = names.next_back() {
        index.insert(last.to_string(), len as u32 - 1);
    }
}
