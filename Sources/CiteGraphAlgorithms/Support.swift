import CiteGraphCore

/// A buffer pointer that may cross into `DispatchQueue.concurrentPerform` workers.
///
/// Safety rests on the caller: workers write disjoint index ranges and the buffer outlives
/// the parallel section.
struct SendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 0x10)!  // never dereferenced when empty
        count = buffer.count
    }
    init(_ buffer: UnsafeBufferPointer<Element>) {
        base = UnsafeMutablePointer(mutating: buffer.baseAddress ?? UnsafePointer(bitPattern: 0x10)!)
        count = buffer.count
    }
    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

/// Splits `0..<nodeCount` into `parts` contiguous ranges with about equal numbers of arcs,
/// so that parallel workers over a CSR get balanced work.
func balancedRanges(offsets: [Int], parts: Int) -> [Range<Int>] {
    let n = offsets.count - 1
    guard parts > 1, n > 0 else { return [0..<max(n, 0)] }
    let total = offsets[n] + n  // count one unit per node too
    var ranges: [Range<Int>] = []
    var start = 0
    for p in 1...parts {
        let goal = total * p / parts
        var end = start
        if p == parts { end = n } else {
            // binary search smallest end with offsets[end] + end >= goal
            var lo = start, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if offsets[mid] + mid < goal { lo = mid + 1 } else { hi = mid }
            }
            end = lo
        }
        ranges.append(start..<end)
        start = end
    }
    return ranges
}

extension Partition {
    /// Same numbering as `Partition.canonicalMembership` (communities by decreasing size,
    /// ties by smallest member) computed with flat arrays for non-negative labels.
    /// - Complexity: O(n + L + k log k) for labels below L and k communities.
    static func canonicalLabels(_ labels: [Int32]) -> [Int32] {
        guard let maxLabel = labels.max() else { return [] }
        precondition(labels.min()! >= 0, "community labels must be non-negative")
        let L = Int(maxLabel) + 1
        var size = [Int](repeating: 0, count: L)
        var first = [Int](repeating: Int.max, count: L)
        for (v, c) in labels.enumerated() {
            let c = Int(c)
            if size[c] == 0 { first[c] = v }
            size[c] += 1
        }
        var used: [Int] = []
        for c in 0..<L where size[c] > 0 { used.append(c) }
        used.sort { size[$0] != size[$1] ? size[$0] > size[$1] : first[$0] < first[$1] }
        var newLabel = [Int32](repeating: -1, count: L)
        for (i, c) in used.enumerated() { newLabel[c] = Int32(i) }
        return labels.map { newLabel[Int($0)] }
    }
}
