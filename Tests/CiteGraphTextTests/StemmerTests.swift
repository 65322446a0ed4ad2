import Foundation
import Testing
@testable import CiteGraphText

@Suite("Porter2 stemmer")
struct StemmerTests {
    /// Reference pairs from the Snowball reference implementation (snowballstemmer 3.1.1),
    /// written by Tests/Fixtures/text/make_porter2_pairs.py.
    @Test func matchesSnowballReferencePairs() throws {
        let text = try String(contentsOf: Paths.fixtures.appendingPathComponent("porter2_pairs.tsv"), encoding: .utf8)
        let stemmer = Stemmer()
        var checked = 0
        var mismatches: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(parts.count == 2, "bad fixture line \(line)")
            let got = stemmer.stem(String(parts[0]))
            if got != parts[1] { mismatches.append("\(parts[0]) → \(got), expected \(parts[1])") }
            checked += 1
        }
        #expect(checked >= 900)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test(arguments: [
        ("generously", "generous"), ("dying", "die"), ("news", "news"), ("skies", "sky"),
        ("inning", "inning"), ("proceeding", "proceed"), ("relational", "relat"),
        ("normalization", "normal"), ("networks", "network"), ("hopping", "hop"), ("hoped", "hope"),
        ("archaeologist", "archaeolog"), ("cries", "cri"), ("ties", "tie"), ("a", "a"),
    ])
    func knownStems(word: String, stem: String) {
        #expect(Stemmer().stem(word) == stem)
    }

    @Test func hyphenatedTokensAreStemmedPartByPart() {
        let s = Stemmer()
        #expect(s.stem(token: "self-attention") == "self-attent")
        #expect(s.stem(token: "graph-based") == "graph-base")
        #expect(s.stem(token: "gpt-4") == "gpt-4")
    }

    @Test func nonASCIILettersArePreserved() {
        #expect(Stemmer().stem("padé") == "padé")
        #expect(Stemmer().stem("naïve") == "naïv")
    }
}
