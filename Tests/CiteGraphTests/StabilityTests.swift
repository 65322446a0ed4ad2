import Foundation
import Testing

@testable import CiteGraph

@Suite struct StabilityTests {
    /// Hand-computed: reference {0,1} {2,3}; other {0,1,2} {3}.
    /// Community 0: best Jaccard with {0,1,2} = 2/3. Community 1: with {3} = 1/2 (with {0,1,2}: 1/4).
    @Test func persistenceIsBestJaccardAveragedOverRuns() {
        let p = Pipeline.persistence(of: [0, 0, 1, 1], in: [[0, 0, 0, 1], [1, 1, 0, 0]])
        #expect(abs(p[0] - (2.0 / 3 + 1) / 2) < 1e-12)
        #expect(abs(p[1] - (0.5 + 1) / 2) < 1e-12)
    }

    @Test func stabilityOnTheSampleCorpus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = try Pipeline(databasePath: dir.appendingPathComponent("s.sqlite").path)
        _ = try pipeline.ingestSampleCorpus()
        let (result, report) = try pipeline.stability(graph: .cotopic, options: CommunityOptions(seed: 5), runs: 3)
        #expect(report.seeds == [5, 6, 7])
        #expect(report.modularities[0] == result.modularity)
        #expect(report.meanPairwiseNMI > 0.5 && report.meanPairwiseNMI <= 1)
        #expect(report.persistence.count == result.labels.count)
        #expect(report.persistence.allSatisfy { $0 > 0 && $0 <= 1 })
    }
}
