import Foundation

/// Paths of the repository, found from this file (symbolic links resolved).
enum Paths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/text")
    static let sampleCorpus = testsDirectory.deletingLastPathComponent()
        .appendingPathComponent("Sources/CiteGraph/SampleCorpus")
}

/// The bundled sample corpus: five daily-paper page dumps, each a short header followed by
/// alternating title and abstract lines (one file separates lines by blank lines).
enum SampleCorpus {
    struct Paper { var file: String; var title: String; var abstract: String }

    static let papers: [Paper] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Paths.sampleCorpus.path)) ?? []
        var out: [Paper] = []
        for file in files.sorted() where file.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: Paths.sampleCorpus.appendingPathComponent(file), encoding: .utf8) else { continue }
            var lines: [String] = []
            for raw in text.split(separator: "\n") {
                var line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line == "new" || line.hasPrefix("Get trending papers") || line == "Subscribe"
                    || line == "Daily Papers" || line.hasPrefix("byAK and") { continue }
                if line.range(of: #"^[A-Z][a-z]{2} \d{1,2}$"#, options: .regularExpression) != nil { continue }
                if line.hasPrefix("Subscribe") { line.removeFirst("Subscribe".count) }
                lines.append(line)
            }
            for k in stride(from: 0, to: lines.count - 1, by: 2) {
                out.append(Paper(file: file, title: lines[k], abstract: lines[k + 1]))
            }
        }
        return out
    }()

    static var documents: [String] { papers.map { KeyPhraseExtractorDocument.make($0.title, $0.abstract) } }
}

import CiteGraphText

enum KeyPhraseExtractorDocument {
    static func make(_ title: String, _ abstract: String) -> String {
        KeyPhraseExtractor.document(title: title, abstract: abstract)
    }
}

/// SplitMix64 (S. Vigna), a small seeded generator for reproducible random tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
