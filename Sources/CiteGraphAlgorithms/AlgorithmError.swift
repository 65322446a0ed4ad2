import CiteGraphCore
import Foundation

/// Why an algorithm refused its input. Every case says which parameter was wrong, what it
/// must be, and what was given, so the message can be shown to a person as it is.
public enum AlgorithmError: Error, LocalizedError, Equatable, Sendable {
    /// A numeric parameter is outside its allowed range (`range` is written for people,
    /// e.g. "[0, 1)").
    case parameterOutOfRange(algorithm: String, parameter: String, range: String, value: Double)
    /// A per-node vector (personalization, membership) does not have one entry per node.
    case vectorLengthMismatch(algorithm: String, parameter: String, expected: Int, actual: Int)
    /// A per-node vector has a negative, infinite or NaN entry.
    case invalidVectorEntry(algorithm: String, parameter: String, index: Int, value: Double)
    /// A vector that must have positive total (personalization) sums to zero.
    case zeroSum(algorithm: String, parameter: String)
    /// An edge weight is negative, infinite or NaN.
    case invalidEdgeWeight(algorithm: String, source: Int, target: Int, weight: Double)
    /// The algorithm needs a graph of the other kind (directed / undirected).
    case unsupportedGraph(algorithm: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .parameterOutOfRange(algorithm, parameter, range, value):
            return "\(algorithm) \(parameter) must be in \(range), got \(Self.format(value))"
        case let .vectorLengthMismatch(algorithm, parameter, expected, actual):
            return "\(algorithm) \(parameter) must have one entry per node (\(expected)), got \(actual) entries"
        case let .invalidVectorEntry(algorithm, parameter, index, value):
            return "\(algorithm) \(parameter) entries must be finite and non-negative, got \(Self.format(value)) at node \(index)"
        case let .zeroSum(algorithm, parameter):
            return "\(algorithm) \(parameter) must have a positive sum, got all zeros; give at least one node a positive value"
        case let .invalidEdgeWeight(algorithm, source, target, weight):
            return "\(algorithm) needs finite, non-negative edge weights, got \(Self.format(weight)) on edge \(source) → \(target)"
        case let .unsupportedGraph(algorithm, reason):
            return "\(algorithm) cannot run on this graph: \(reason)"
        }
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(format: "%.1f", x) : "\(x)"
    }
}

extension Graph {
    /// Throws `AlgorithmError.invalidEdgeWeight` for the first negative or non-finite weight.
    /// - Complexity: O(n + m).
    func validateWeights(for algorithm: String) throws {
        try weights.withUnsafeBufferPointer { w in
            for v in 0..<nodeCount {
                for i in offsets[v]..<offsets[v + 1] where !(w[i] >= 0 && w[i].isFinite) {
                    throw AlgorithmError.invalidEdgeWeight(
                        algorithm: algorithm, source: v, target: Int(targets[i]), weight: w[i])
                }
            }
        }
    }
}
