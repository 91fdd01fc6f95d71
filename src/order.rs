//! Stable ordering by a `u32` key through `(key, index)` pairs. Every sort call site over a
//! new element type or comparator adds 2–4 KB to the start-up wasm; sorting `(u32, u32)`
//! pairs reuses the instantiation the index and the planner already need.

/// A `u64` as (high, low) halves, which sort as the whole number does: `u64` keys sorted
/// through the shared `(u32, u32)` sort.
pub fn halves(v: u64) -> (u32, u32) {
    ((v >> 32) as u32, v as u32)
}

/// `items` ordered by `key`, items with equal keys in their original order.
pub fn by_key<T>(items: Vec<T>, key: impl Fn(&T) -> u32) -> Vec<T> {
    let mut order: Vec<(u32, u32)> = (items.iter().enumerate())
        .map(|(i, item)| (key(item), i as u32))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    (order.iter())
        .filter_map(|&(_, i)| slots[i as usize].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::by_key;

    #[test]
    fn orders_like_a_stable_sort() {
        let items: Vec<(u32, char)> = "qarinقارن compare"
            .chars()
            .enumerate()
            .map(|(i, c)| ((i as u32 * 7) % 5, c))
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|x| x.0);
        assert_eq!(by_key(items, |x| x.0), expected);
        assert!(by_key(Vec::<u8>::new(), |&x| x as u32).is_empty());
    }

    #[test]
    fn halves_sort_as_the_whole_number() {
        let mut numbers = vec![u64::MAX, 1 << 32, 0, (1 << 32) - 1, 7 << 40 | 3, 7 << 40];
        let mut pairs: Vec<(u32, u32)> = numbers.iter().map(|&v| super::halves(v)).collect();
        numbers.sort_unstable();
        pairs.sort_unstable();
        let back: Vec<u64> = pairs
            .iter()
            .map(|&(h, l)| u64::from(h) << 32 | u64::from(l))
            .collect();
        assert_eq!(back, numbers);
    }
}
