import CiteGraphCore
import Foundation

/// Similarity of two partitions of the same nodes.
public enum PartitionComparison {
    /// Normalised mutual information with arithmetic-mean normalisation,
    /// `NMI = I(A; B) / ((H(A) + H(B)) / 2)` (Danon, Díaz-Guilera, Duch & Arenas 2005,
    /// "Comparing community structure identification", J. Stat. Mech. P09008) — scikit-learn's
    /// `normalized_mutual_info_score` default, including its limit cases: 1 when both
    /// labelings put every node in one community (or there are no nodes), 0 when the mutual
    /// information is 0 otherwise.
    /// - Precondition: `a.count == b.count`.
    /// - Complexity: O(n log n) time, O(n) memory.
    public static func normalizedMutualInformation(_ a: [Int32], _ b: [Int32]) -> Double {
        precondition(a.count == b.count, "both labelings must cover the same nodes")
        let n = a.count
        let da = dense(a), db = dense(b)
        if (da.count == 1 && db.count == 1) || n == 0 { return 1 }
        // Contingency table through sorting combined keys (no hashing, deterministic).
        var keys = (0..<n).map { Int64(da.labels[$0]) << 32 | Int64(db.labels[$0]) }
        keys.sort()
        let N = Double(n)
        var mi = 0.0
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && keys[j] == keys[i] { j += 1 }
            let nij = Double(j - i)
            let ca = Int(keys[i] >> 32), cb = Int(keys[i] & 0xffff_ffff)
            mi += nij / N * log(N * nij / (Double(da.sizes[ca]) * Double(db.sizes[cb])))
            i = j
        }
        if mi <= 0 { return 0 }
        func entropy(_ sizes: [Int]) -> Double {
            sizes.reduce(0) { h, s in s == 0 ? h : h - Double(s) / N * log(Double(s) / N) }
        }
        let normaliser = (entropy(da.sizes) + entropy(db.sizes)) / 2
        return min(1, mi / normaliser)
    }

    /// Normalised mutual information of two partitions' memberships.
    public static func normalizedMutualInformation(_ a: Partition, _ b: Partition) -> Double {
        normalizedMutualInformation(a.membership, b.membership)
    }

    private static func dense(_ x: [Int32]) -> (labels: [Int32], sizes: [Int], count: Int) {
        let sorted = Array(Set(x)).sorted()
        var map: [Int32: Int32] = [:]
        for (i, l) in sorted.enumerated() { map[l] = Int32(i) }
        var sizes = [Int](repeating: 0, count: sorted.count)
        let labels = x.map { l -> Int32 in let d = map[l]!; sizes[Int(d)] += 1; return d }
        return (labels, sizes, sorted.count)
    }
}
