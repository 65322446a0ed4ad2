@testable import CiteGraphCore
import Foundation
import Testing

@testable import CiteGraphExtract

/// The byte-level fast paths of the readers give what the `Character` rules they replace
/// give, on every line of the real files and on lines made to hit the edge cases
/// (combining marks on spaces, prepended marks, non-ASCII whitespace, CR LF).
@Suite struct ByteLevelTextTests {
    /// Scalars that interact with grapheme breaking and whitespace.
    static let tricky: [String] = [
        " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{301}", "\u{200D}",
        "\u{0600}", "\u{093F}", "é", "–", "“", "漢", "👍🏽", "A", "U", "T", "E", "R", "F", "N", "V", "1", "-", ",", "x",
    ]

    static func randomTexts(count: Int, seed: UInt64, from pieces: [String] = tricky) -> [String] {
        var state = seed
        func next() -> UInt64 {
            // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in
            (0..<Int(next() % 12)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    static func wosLines(_ text: String) -> [[UInt8]] {
        TaggedText.lines(text).map { line in
            var l = Substring(line)
            if l.hasSuffix("\r") { l = l.dropLast() }
            return Array(l.utf8)
        }
    }

    static func classify(_ line: [UInt8], canContinue: Bool) -> (bytes: WebOfScienceLine, characters: WebOfScienceLine) {
        let fast = line.withUnsafeBufferPointer { WebOfScienceLine($0, 0..<line.count, canContinue: canContinue) }
        let slow = WebOfScienceLine(characters: Substring(String(decoding: line, as: UTF8.self)), canContinue: canContinue)
        return (fast, slow)
    }

    @Test(arguments: [
        "metaknowledge_testfiles_wos_scopus_medline/ManyAuthors.isi", "metaknowledge_testfiles_wos_scopus_medline/savedrecs.txt",
        "metaknowledge_testfiles_wos_scopus_medline/testFile.isi", "metaknowledge_testfiles_wos_scopus_medline/badFile.isi",
        "wos_pices_wg49_savedrecs/savedrecs.txt",
    ])
    func webOfScienceLinesOfRealFiles(name: String) throws {
        let text = try RecordFile(path: SharedData.path(name)).utf8Text()
        for line in Self.wosLines(text) {
            for canContinue in [false, true] {
                let (fast, slow) = Self.classify(line, canContinue: canContinue)
                #expect(fast == slow, "\(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    @Test func webOfScienceEdgeLines() {
        var lines = ["", "   ", "ER", "ER ", "EF", "FN x", "VR 1.0", "AUGilles, H", "AU", "AU ", "TI  Title  ", "ti x", "A", "1A x",
                     "   \u{301}x", "  \u{301} x", "TI\u{301} x", "T\u{301} x", "UT é", "UTé", "\u{0600}TI x", "AB\u{A0}x", "AB \u{A0}x\u{A0}"]
        lines += Self.randomTexts(count: 4000, seed: 42).map { "\($0)" }
        lines += Self.randomTexts(count: 2000, seed: 7).map { "TI \($0)" }
        lines += Self.randomTexts(count: 2000, seed: 8).map { "   \($0)" }
        for line in lines {
            for canContinue in [false, true] {
                // Lines reach the classifier without LF and without a final CR.
                var l = Substring(line)
                if l.hasSuffix("\r") { continue }
                if l.contains("\n") || l.contains("\r\n") { l = l.prefix { $0 != "\n" && $0 != "\r\n" } }
                let (fast, slow) = Self.classify(Array(l.utf8), canContinue: canContinue)
                #expect(fast == slow, "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func utf8LinesSplitLikeTaggedTextLines() {
        for text in Self.randomTexts(count: 3000, seed: 3) + ["", "\n", "a\r\n", "a\r\r\nb", "\r\n\r\n", "x\ry\n"] {
            let bytes = Array(text.utf8)
            let lines = bytes.withUnsafeBufferPointer { buffer in UTF8Lines(buffer).map { Array(buffer[$0]) } }
            #expect(lines == TaggedText.lines(text).map { Array($0.utf8) }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func trimmedStringMatchesTrimmingWhitespace() {
        for text in Self.randomTexts(count: 3000, seed: 5) {
            let bytes = Array(text.utf8)
            let trimmed = bytes.withUnsafeBufferPointer { $0.trimmedString(0..<bytes.count) }
            #expect(trimmed == text.trimmingWhitespace())
        }
    }

    @Test func collapsingWhitespaceOnBytesMatchesCharacters() {
        let texts = Self.randomTexts(count: 5000, seed: 11) + [" a \u{301}b", "a\u{0600} b", "x\u{A0}y", "  lead  and  trail  ", "\r\n a\r\nb\t"]
        for text in texts {
            #expect(XMLStreamReader.collapsingWhitespace(utf8: Array(text.utf8)) == XMLStreamReader.collapsingWhitespace(text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// dblp's byte-level rules (homonym numbers, closing periods) and `WorkID.normalise`'s
    /// ASCII path give, byte for byte, what the `Character` rules they stand for give.
    @Test func dblpNamesTitlesAndIDsOnBytesMatchCharacters() {
        let pieces = Self.tricky + [
            " 0001", " 1234", "0", ".", "..", "doi:", "DOI:", "https://doi.org/", "HTTP://DX.DOI.ORG/", "http://doi.org/", "10.1000/AbC",
            "\u{1C}", "\u{7F}", "Singh",
        ]
        var texts = [
            "", ".", "..", "a.", "a..", " 0001", "0001", "Manish Singh 0001", "Manish Singh 001", "Manish Singh 00001", "A 0001 B",
            "\u{0600} 0001", "x\u{0600} 0001", "x\u{0600}.", "\u{0600}..", "x.\u{0600}.", "\u{301}.", " 10.1/X ", "doi:doi:10.1/x",
            "https://doi.org/http://doi.org/10.1/X", "\r\n10.1/x\r\n",
        ]
        texts += Self.randomTexts(count: 6000, seed: 13, from: pieces)
        for text in texts {
            let scalars = "\(text.unicodeScalars.map { String($0.value, radix: 16) })"
            var title = text
            if title.hasSuffix("."), !title.hasSuffix("..") { title.removeLast() }
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                #expect(Array(DBLPReader.withoutHomonymNumber(utf8: bytes).utf8) == Array(DBLPReader.withoutHomonymNumber(text).utf8), "\(scalars)")
                #expect(Array(DBLPReader.withoutClosingPeriod(utf8: bytes).utf8) == Array(title.utf8), "\(scalars)")
            }
            for kind in WorkID.Kind.allCases {
                #expect(Array(WorkID.normalise(text, kind: kind).utf8) == Array(WorkID.normaliseByCharacters(text, kind: kind).utf8), "\(kind) \(scalars)")
            }
        }
    }
}
