import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// The byte-level parser of citegraph's own JSON Lines format, and chunked reading.
@Suite struct JSONLinesStreamTests {
    static let lines = [
        #"{"id": "G1", "title": "Graph  methods\nfor ranking", "abstract": "  Text with \"quotes\", a tab\t, é and \u00e9 and \ud83d\ude00. ", "authors": ["Doe, J.", "", "Roe, R."], "year": 2020, "venue": "Journal 4", "references": ["G0", "10.1/X", ""]}"#,
        #"{"id": "https://openalex.org/W123", "doi": "https://doi.org/10.5/ABC", "title": "Open", "year": null, "keywords": ["a", "b"]}"#,
        #"{"title": "", "id": ""}"#,
        #"{"title": "Old", "year": 999}"#,
        #"{"title": "No id", "abstract": "", "venue": ""}"#,
        #"  {"title":"Compact","year":1999,"authors":[],"references":[null,"x"]}  "#,
        #"{"title": "<jats:p>Marked</jats:p>", "abstract": "<jats:p>Some <jats:italic>text</jats:italic></jats:p>"}"#,
        #"{"id": "A1", "title": "Other key", "submitter": "someone"}"#,
        #"{"id": 42, "title": "Numeric id"}"#,
        #"{"id": "D", "title": "Duplicate", "title": "Twice"}"#,
        #"{"id": "Y", "title": "Fraction year", "year": 2001.0}"#,
        #"{"id": "B", "title": "Bad escape \q"}"#,
        #"{"id": "T", "title": "Trailing"} x"#,
        #"["not", "an object"]"#,
    ]

    /// Every line the fast parser accepts maps to the record Foundation's path gives.
    @Test func fastParserAgreesWithFoundation() throws {
        var accepted = 0
        for (n, line) in Self.lines.enumerated() {
            let location = SourceLocation(file: "f.jsonl", position: n, line: n + 1, format: "jsonl")
            let bytes = Array(line.utf8)
            let fast = bytes.withUnsafeBufferPointer { OwnRecordLineParser.parse($0, location: location) }
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            let slow = object.map { JSONWorkMapper.record(from: $0, location: location) }
            guard let fast else { continue }
            accepted += 1
            #expect(slow != nil, "line \(n + 1)")
            if let slow { #expect(fast == slow, "line \(n + 1)") }
        }
        #expect(accepted == 7)
    }

    func write(_ text: String, gzip: Bool, in dir: URL) throws -> String {
        let plain = dir.appendingPathComponent("r.jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        guard gzip else { return plain }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain)' > '\(plain).gz'"]
        try process.run()
        process.waitUntilExit()
        return plain + ".gz"
    }

    /// Chunks of two records, plain and gzip: the same records, rejects, positions and lines
    /// as reading the file whole, and the same digest.
    @Test(arguments: [false, true]) func chunksReadLikeTheWholeFile(gzip: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cg-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "\u{FEFF}" + Self.lines.joined(separator: "\n\n") + "\n  \n" + #"{"id": "last", "title": "No newline"}"#
        let path = try write(text, gzip: gzip, in: dir)
        let whole = try Extractor.read(RecordFile(path: path))
        let file = try #require(try StreamedRecordFile.open(path: path))
        #expect(file.format == .jsonl)
        #expect(file.digest == (try RecordFile(path: path)).digest)
        let stream = try JSONLinesStream(file, chunkSize: 2)
        var records: [PaperRecord] = [], rejects: [RejectedRecord] = []
        while let chunk = try stream.next() {
            records += chunk.records
            rejects += chunk.rejects
        }
        #expect(records == whole.records)
        #expect(rejects == whole.rejects)
        #expect(records.last?.source.line == 2 * Self.lines.count + 1)
    }

    /// Files of other formats are read whole.
    @Test func otherFormatsAreNotStreamed() throws {
        #expect(try StreamedRecordFile.open(path: SampleCorpus.files[0]) == nil)
    }
}
