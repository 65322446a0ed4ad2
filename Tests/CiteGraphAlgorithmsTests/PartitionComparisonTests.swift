import CiteGraphAlgorithms
import CiteGraphCore
import Foundation
import Testing

@Suite("PartitionComparison")
struct PartitionComparisonTests {
    @Test("NMI equals scikit-learn's normalized_mutual_info_score (1e-12)")
    func sklearn() throws {
        let f = try TestPaths.fixture("nmi.json")  // make_fixtures.py, scikit-learn 1.9.1
        let a = (f["a"] as! [Int]).map(Int32.init), b = (f["b"] as! [Int]).map(Int32.init)
        let want = (f["nmi"] as! NSNumber).doubleValue
        #expect(abs(PartitionComparison.normalizedMutualInformation(a, b) - want) < 1e-12)
        #expect(abs(PartitionComparison.normalizedMutualInformation(b, a) - want) < 1e-12)
    }

    @Test("NMI of a partition with itself is 1; limit cases", arguments: [21, 22] as [UInt64])
    func identity(seed: UInt64) {
        print("NMI property test seed \(seed)")
        var rng = SeededGenerator(seed: seed)
        let a = (0..<500).map { _ in Int32(rng.nextInt(below: 12)) }
        #expect(abs(PartitionComparison.normalizedMutualInformation(a, a) - 1) < 1e-12)
        // Relabelling does not matter.
        let relabelled = a.map { 100 - $0 * 3 }
        #expect(abs(PartitionComparison.normalizedMutualInformation(a, relabelled) - 1) < 1e-12)
        #expect(PartitionComparison.normalizedMutualInformation([0, 0, 0], [5, 5, 5]) == 1)
        #expect(PartitionComparison.normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1]) == 0)
    }
}
