import CiteGraph
import CiteGraphStore
import Foundation
import Testing

@Suite struct TopicsPipelineTests {
    func samplePipeline() throws -> (Pipeline, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let pipeline = try Pipeline(databasePath: dir.appendingPathComponent("t.sqlite").path)
        _ = try pipeline.ingestSampleCorpus()
        return (pipeline, dir)
    }

    /// A VOSviewer thesaurus drops one phrase and merges another into a third.
    @Test func thesaurusDropsAndMerges() throws {
        let (pipeline, dir) = try samplePipeline()
        defer { try? FileManager.default.removeItem(at: dir) }
        try pipeline.build([.cotopic])
        let before = Set(try pipeline.store.termLabels().values)
        #expect(before.contains("layer normalization"))
        #expect(before.contains("batch normalization"))
        let thesaurus = dir.appendingPathComponent("thesaurus.txt")
        try "label\treplace by\nlayer normalization\t\nbatch normalization\tnormalization layers\n".write(to: thesaurus, atomically: true, encoding: .utf8)
        var options = BuildOptions()
        options.thesaurus = thesaurus.path
        try pipeline.build([.cotopic], options: options)
        let after = Set(try pipeline.store.termLabels().values)
        #expect(!after.contains("layer normalization"))
        #expect(!after.contains("batch normalization"))
        #expect(after.contains("normalization layers"))
    }

    /// Explicit keywords join the phrases: a keyword shared by two papers becomes a term.
    @Test func keywordsBecomeTopics() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = (0..<6).map { i in
            "{\"id\": \"k\(i)\", \"title\": \"Paper number \(i) on varied matters\", \"abstract\": \"Text \(i) about item \(i).\", \"keywords\": [\(i < 3 ? "\"zebra crossings\"" : "\"quantum gravity\"")]}"
        }
        let file = dir.appendingPathComponent("k.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let pipeline = try Pipeline(databasePath: dir.appendingPathComponent("k.sqlite").path)
        _ = try pipeline.ingest(paths: [file.path])
        try pipeline.build([.cotopic])
        let labels = Set(try pipeline.store.termLabels().values)
        #expect(labels.contains("zebra crossings"))
        #expect(labels.contains("quantum gravity"))
    }
}
