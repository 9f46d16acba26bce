//! Stable sorting through one shared routine. Each call of the standard
//! `sort_by`/`sort_by_key` compiles its own copy of the sorting algorithm for
//! its element type and comparison (about 3 KB of WebAssembly each, 20-odd of
//! them in the app); these sort a list of positions once, through a
//! comparison passed by reference, and then move the elements into place,
//! so the algorithm is in the module once. Same order as `slice::sort_by`:
//! stable, O(n log n).

use std::cmp::Ordering;

/// Like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Like `slice::sort_by_cached_key`: `key` runs once per element.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// Like `slice::sort` (stable).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// `0..len` in the order `compare` gives, ties kept in place.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts the element at `order[i]` at position `i`, following each cycle of
/// the permutation with swaps (no copies, no `Clone`).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        if order[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_place() {
        let mut seed = 20_261_130_u64;
        for len in [0, 1, 2, 3, 7, 50, 333] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "len {len}");
            let mut cached = v.clone();
            sort_by_cached_key(&mut cached, |p| std::cmp::Reverse(p.0));
            let mut std = v.clone();
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(cached, std, "len {len}");
            let mut plain = v.clone();
            sort(&mut plain);
            let mut std = v;
            std.sort();
            assert_eq!(plain, std, "len {len}");
        }
    }
}
