import CiteGraphCore

/// Co-occurrence counting: the undirected weighted graph joining items that appear in the
/// same group.
///
/// One mechanism behind several bibliometric graphs (Zupic & Čater 2015 review them):
/// - co-authorship: groups = each paper's authors;
/// - bibliographic coupling (Kessler 1963): groups = the citing papers of each cited work;
/// - co-citation (Small 1973): groups = the reference list of each citing paper;
/// - topic map: groups = each paper's topics.
public enum Cooccurrence {
    /// How one group contributes to the weight of each of its pairs.
    public enum Counting: String, Sendable, CaseIterable {
        /// Every pair in a group gets 1.
        case full
        /// Every pair in a group of size k gets 1 / (k − 1), so each member's total
        /// contribution is 1 (Perianes-Rodriguez, Waltman & van Eck 2016).
        case fractional
    }

    /// Counts the pairs of items sharing groups.
    ///
    /// - Parameters:
    ///   - groups: each group's item ids (`0..<itemCount`); duplicates within a group are ignored.
    ///   - itemCount: number of items.
    ///   - counting: full or fractional counting.
    ///   - maxGroupSize: groups larger than this are skipped (a 1,000-author paper would add
    ///     half a million pairs); nil keeps all.
    /// - Returns: each unordered pair once (`source < target`), sorted, with its weight.
    /// - Complexity: O(Σ k²) time over group sizes k, O(distinct pairs) memory.
    public static func pairs(groups: [[Int32]], itemCount: Int, counting: Counting = .full, maxGroupSize: Int? = nil) -> EdgeList {
        var weights: [Int64: Double] = [:]
        var members: [Int32] = []
        for group in groups {
            members.removeAll(keepingCapacity: true)
            members.append(contentsOf: group)
            members.sort()
            var unique = 0
            for i in members.indices where i == 0 || members[i] != members[i - 1] {
                members[unique] = members[i]; unique += 1
            }
            guard unique >= 2 else { continue }
            if let maxGroupSize, unique > maxGroupSize { continue }
            let share = counting == .full ? 1.0 : 1.0 / Double(unique - 1)
            for i in 0..<unique {
                let a = Int64(members[i]) << 32
                for j in (i + 1)..<unique {
                    weights[a | Int64(members[j]), default: 0] += share
                }
            }
        }
        var list = EdgeList()
        list.reserveCapacity(weights.count)
        for key in weights.keys.sorted() {
            list.append(Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xffff_ffff), weights[key]!)
        }
        return list
    }

    /// Association strength of a co-occurrence count (van Eck & Waltman 2009):
    /// `c_ij / (s_i · s_j)` scaled by the total `2m` so values are comparable across maps,
    /// where `s_i` is item i's total occurrences.
    public static func associationStrength(count: Double, occurrencesA: Double, occurrencesB: Double, totalOccurrences: Double) -> Double {
        guard occurrencesA > 0, occurrencesB > 0 else { return 0 }
        return totalOccurrences * count / (occurrencesA * occurrencesB)
    }
}
