import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// The ingest content digest (XXH64) against the reference C implementation's values
/// (Tests/Fixtures/extract/xxh64_vectors.json, made by make_xxh64_vectors.py), fed whole, in
/// pieces of every awkward size and in one pass (`hash`, ingest's key hash); and the FNV-1a
/// digest that older stores hold.
@Suite struct ContentDigestTests {
    static let vectors: [String: [String: String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/extract/xxh64_vectors.json")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: [String: String]]) ?? [:]
    }()

    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(($0 * 31 + 7) % 256) } }

    @Test func textVectors() {
        let text = Self.vectors["text"] ?? [:]
        #expect(text.count == 3)
        for (input, expected) in text {
            #expect(ContentDigest.of(Array(input.utf8)) == ContentDigest.prefix + expected, "\(input.debugDescription)")
        }
    }

    @Test func patternVectorsWholeAndInPieces() {
        let pattern = Self.vectors["pattern"] ?? [:]
        #expect(pattern.count == 19)
        for (length, expected) in pattern {
            let bytes = Self.pattern(Int(length)!)
            #expect(ContentDigest.of(bytes) == ContentDigest.prefix + expected, "length \(length)")
            // The one-pass value (ingest's key hash) is the same function.
            #expect(bytes.withUnsafeBytes { ContentDigest.hash($0) } == UInt64(expected, radix: 16), "hash, length \(length)")
            // Pieces of 1, 2, 3, … 40 bytes, cycling, across the 32-byte stripes.
            var digest = ContentDigest()
            var start = 0, size = 1
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                digest.add(Array(bytes[start..<end]))
                start = end
                size = size % 40 + 1
            }
            #expect(digest.hex == ContentDigest.prefix + expected, "length \(length) in pieces")
        }
    }

    /// A file's digest is the same read whole or streamed in blocks; the legacy digest is
    /// FNV-1a: hand-checked for "a" (0xcbf29ce484222325 ^ 0x61, times 0x100000001b3).
    @Test func fileDigestsAgreeAndLegacyIsFNV1a() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citegraph-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.jsonl").path
        try Data(Self.pattern(3_000_017)).write(to: URL(fileURLWithPath: path))
        let file = try RecordFile(path: path)
        #expect(file.digest.hasPrefix(ContentDigest.prefix))
        #expect(try StreamedRecordFile.contentDigest(path: path) == file.digest)
        #expect(try StreamedRecordFile.legacyContentDigest(path: path) == file.legacyDigest)
        #expect(RecordFile(path: "a", bytes: Array("a".utf8)).legacyDigest == "af63dc4c8601ec8c")
    }
}
