//! Whether a confidence means something: predicted statements grouped by confidence (0.1 wide), with the share of each group that is right (matched by overlap, with the right speaker).

use serde::Serialize;

/// Predicted statements of confidence `from` up to `from + 0.1` (1.0 in the last).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bin {
    pub from: f64,
    pub statements: usize,
    pub right: usize,
    pub share: f64,
}

/// The bins, lowest confidence first, of `(confidence, right)` pairs; statements
/// without a confidence (coded by hand) are left out.
pub fn bins(judged: impl IntoIterator<Item = (Option<f32>, bool)>) -> Vec<Bin> {
    let mut counts = [(0usize, 0usize); 10];
    for (confidence, right) in judged {
        let Some(c) = confidence else { continue };
        // f32 tenths are a hair below themselves as f64 (0.9 → 0.8999…).
        let k = ((f64::from(c) * 10.0 + 1e-4).floor() as usize).min(9);
        counts[k].0 += 1;
        counts[k].1 += usize::from(right);
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n > 0)
        .map(|(k, &(n, r))| Bin {
            from: k as f64 / 10.0,
            statements: n,
            right: r,
            share: r as f64 / n as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_fall_in_tenths_and_one_counts_with_the_last() {
        let b = bins([
            (Some(0.95), true),
            (Some(1.0), false),
            (Some(0.5), true),
            (Some(0.59), false),
            (None, true),
        ]);
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].from, b[0].statements, b[0].right), (0.5, 2, 1));
        assert_eq!((b[1].from, b[1].statements, b[1].share), (0.9, 2, 0.5));
    }
}
