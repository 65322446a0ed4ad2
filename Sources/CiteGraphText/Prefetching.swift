/// Calls `body(i)` for `i` in `0..<count`, in order, having asked `prefetch` for item
/// `i + distance` first (and for the first `distance` items before starting): the pattern of
/// the hash-table loops of key phrases, where each item's bucket is far away in memory and
/// waiting for one load at a time is what the loop would otherwise do.
@inline(__always)
func forEachPrefetching(_ count: Int, distance: Int = 16, prefetch: (Int) -> Void, _ body: (Int) throws -> Void) rethrows {
    for i in 0..<min(distance, count) { prefetch(i) }
    for i in 0..<count {
        if i + distance < count { prefetch(i + distance) }
        try body(i)
    }
}
