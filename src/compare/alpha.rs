//! Krippendorff's alpha for nominal values: how far coders agree beyond chance, from units each coded by two or more coders.

use std::collections::HashMap;
use std::hash::Hash;

/// Alpha over `units` (each the values its coders gave; units with fewer than two
/// values are not pairable and are left out). `None` when fewer than two values are
/// pairable, or when every value is the same (no variation: alpha is undefined).
pub fn nominal<V: Eq + Hash + Clone>(units: &[Vec<V>]) -> Option<f64> {
    // The coincidence matrix: each ordered pair of values within a unit counts
    // 1 / (m - 1), m the unit's number of values.
    let mut coincidences: HashMap<(V, V), f64> = HashMap::new();
    for unit in units.iter().filter(|u| u.len() >= 2) {
        let weight = 1.0 / (unit.len() - 1) as f64;
        for (i, a) in unit.iter().enumerate() {
            for (j, b) in unit.iter().enumerate() {
                if i != j {
                    *coincidences.entry((a.clone(), b.clone())).or_default() += weight;
                }
            }
        }
    }
    let mut totals: HashMap<V, f64> = HashMap::new();
    for ((a, _), w) in &coincidences {
        *totals.entry(a.clone()).or_default() += w;
    }
    let n: f64 = totals.values().sum();
    if n < 2.0 {
        return None;
    }
    let observed: f64 = coincidences
        .iter()
        .filter(|((a, b), _)| a != b)
        .map(|(_, w)| w)
        .sum::<f64>()
        / n;
    let expected_pairs: f64 = totals.values().map(|t| t * (n - t)).sum();
    let expected = expected_pairs / (n * (n - 1.0));
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

#[cfg(test)]
mod tests {
    use super::nominal;

    #[test]
    fn perfect_agreement_is_one_and_no_variation_is_undefined() {
        let units = vec![vec!["a", "a"], vec!["b", "b"], vec!["a", "a"]];
        assert_eq!(nominal(&units), Some(1.0));
        assert_eq!(nominal(&[vec!["a", "a"], vec!["a", "a"]]), None);
        assert_eq!(nominal::<&str>(&[vec!["a"]]), None, "nothing pairable");
    }

    #[test]
    fn a_hand_computed_case() {
        // Four units by two coders: (a,a) (a,b) (b,b) (b,b). Coincidences: a-a 2,
        // a-b 1, b-a 1, b-b 4; n_a = 3, n_b = 5, n = 8. D_o = 2/8; D_e = 2*3*5/(8*7).
        // alpha = 1 - (2/8) / (30/56) = 1 - 56/120 = 0.5333…
        let units = vec![
            vec!["a", "a"],
            vec!["a", "b"],
            vec!["b", "b"],
            vec!["b", "b"],
        ];
        let alpha = nominal(&units).expect("defined");
        assert!((alpha - (1.0 - 56.0 / 120.0)).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn systematic_disagreement_is_below_zero() {
        let units = vec![vec!["a", "b"], vec!["b", "a"], vec!["a", "b"]];
        assert!(nominal(&units).is_some_and(|a| a < 0.0));
    }
}
