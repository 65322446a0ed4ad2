import Foundation

/// Readable labels for groups of documents (communities of a similarity or citation graph).
///
/// The score of term `t` in community `C` is
/// `mass_C(t) × (mass_C(t) / mass_all(t))^distinctiveness`, where `mass_X(t)` is the sum of
/// the members' (L2-normalised) weights for `t`: the first factor favours terms that many
/// members weight highly, the second the terms concentrated in `C` rather than spread over
/// the corpus (a c-TF-IDF-like contrast; M. Grootendorst, "BERTopic", 2022, uses a similar
/// class-based weighting). With `distinctiveness` 0 the score is the plain weight sum.
/// A term that is a contiguous sub-phrase or super-phrase of a better-ranked chosen term is
/// skipped ("neural network" after "graph neural network", "deep reinforcement learning"
/// after "reinforcement learning"), so that labels do not repeat themselves.
public struct CommunityLabeler: Sendable {
    public let model: TermModel
    /// Exponent of the concentration factor (≥ 0).
    public let distinctiveness: Double
    private let corpusMass: [Double]

    /// - Throws: `TextError.invalidParameter` when `distinctiveness` is negative or not finite.
    /// - Complexity: O(nnz) to sum the corpus-wide term mass.
    public init(model: TermModel, distinctiveness: Double = 1) throws(TextError) {
        guard distinctiveness >= 0 && distinctiveness.isFinite else {
            throw .invalidParameter(name: "distinctiveness", reason: "must be a finite number ≥ 0, got \(distinctiveness)")
        }
        self.model = model
        self.distinctiveness = distinctiveness
        var mass = [Double](repeating: 0, count: model.terms.count)
        let v = model.vectors
        for e in 0..<v.nonZeroCount { mass[Int(v.columns[e])] += v.values[e] }
        corpusMass = mass
    }

    /// The best `count` terms of the community formed by `members` (document indices).
    /// - Complexity: O(Σ members' nnz + m log m) for m distinct terms in the community.
    public func topTerms(members: [Int], count: Int = 3) -> [WeightedTerm] {
        let v = model.vectors
        var mass: [Int32: Double] = [:]
        for d in members {
            precondition(d >= 0 && d < v.rowCount, "member \(d) out of range")
            for e in v.offsets[d]..<v.offsets[d + 1] { mass[v.columns[e], default: 0] += v.values[e] }
        }
        return best(mass, count: count)
    }

    /// Top terms of every community of a membership vector (`membership[d]` is the community
    /// of document `d`, in `0..<communityCount`), in one pass over the vectors.
    /// - Complexity: O(nnz + Σ_c m_c log m_c).
    public func topTerms(membership: [Int32], count: Int = 3) -> [[WeightedTerm]] {
        precondition(membership.count == model.documentCount, "one community per document")
        let communities = (membership.max().map { Int($0) } ?? -1) + 1
        var mass = [[Int32: Double]](repeating: [:], count: communities)
        let v = model.vectors
        for d in 0..<v.rowCount where membership[d] >= 0 {
            let c = Int(membership[d])
            for e in v.offsets[d]..<v.offsets[d + 1] { mass[c][v.columns[e], default: 0] += v.values[e] }
        }
        return mass.map { best($0, count: count) }
    }

    /// A label such as "graph neural networks · message passing".
    public func label(members: [Int], count: Int = 3) -> String {
        topTerms(members: members, count: count).map(\.term.label).joined(separator: " · ")
    }

    private func best(_ mass: [Int32: Double], count: Int) -> [WeightedTerm] {
        var scored: [(Int32, Double)] = mass.map { t, m in
            let share = corpusMass[Int(t)] > 0 ? m / corpusMass[Int(t)] : 0
            return (t, distinctiveness == 0 ? m : m * pow(share, distinctiveness))
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var chosen: [WeightedTerm] = []
        var chosenWords: [[Substring]] = []
        for (t, score) in scored {
            if chosen.count >= count { break }
            let term = model.terms[Int(t)]
            let words = term.key.split(separator: " ")
            if chosenWords.contains(where: {
                TermModel.occurrences(of: words, in: $0) > 0 || TermModel.occurrences(of: $0, in: words) > 0
            }) { continue }
            chosen.append(WeightedTerm(term: term, weight: score))
            chosenWords.append(words)
        }
        return chosen
    }
}
