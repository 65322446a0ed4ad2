import CiteGraphCore

/// Small text helpers shared by the RIS, MEDLINE and BibTeX readers.
enum TaggedText {
    /// The first page of a page range as sources write it ("123-145", "123--145", "e0123",
    /// "123"); nil when empty.
    static func firstPage(_ pages: String) -> String? {
        let first = pages.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "," || $0 == " " }).first.map(String.init) ?? ""
        return first.isEmpty ? nil : first
    }

    /// The lines of `text`, split at LF and at CR LF. Swift reads CR LF as one Character, so
    /// `split(separator: "\n")` would not split there; a CR left at either end of a line (a
    /// bare CR before LF pairs, as in litstudy's `example.ris`) is for the caller to drop.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// The first four-digit number in 1000…2999 in `text` ("1 Jan.-Feb. 2019" → 2019,
    /// "2016 Jan 15" → 2016, "2019///" → 2019).
    static func year(in text: String) -> Int? {
        var digits = 0
        var value = 0
        for c in text.unicodeScalars {
            if (48...57).contains(c.value) {
                digits += 1
                // Only runs of exactly four digits count: stop accumulating past five, so a
                // long digit run cannot overflow.
                if digits <= 5 { value = value * 10 + Int(c.value - 48) }
                continue
            }
            if digits == 4, (1000...2999).contains(value) { return value }
            digits = 0
            value = 0
        }
        return digits == 4 && (1000...2999).contains(value) ? value : nil
    }

    /// A DOI or arXiv id from a resolver URL, nil for any other URL.
    static func workID(fromURL url: String) -> WorkID? {
        let lower = url.lowercased()
        for host in ["doi.org/", "dx.doi.org/"] {
            if let range = lower.range(of: host), lower[range.upperBound...].hasPrefix("10.") {
                return WorkID(kind: .doi, value: String(url[range.upperBound...]))
            }
        }
        for prefix in ["arxiv.org/abs/", "arxiv.org/pdf/"] {
            if let range = lower.range(of: prefix) {
                var id = String(url[range.upperBound...])
                if id.lowercased().hasSuffix(".pdf") { id.removeLast(4) }
                return id.isEmpty ? nil : WorkID(kind: .arxiv, value: id)
            }
        }
        return nil
    }

    /// A personal name as "Family, Given": kept when it already has a comma ("Doe, John");
    /// "John Doe" and "G. Kalbe" are turned round, with lower-case particles kept with the
    /// family name ("Ludwig van Beethoven" → "van Beethoven, Ludwig"); a single word is kept.
    static func familyFirst(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !name.contains(","), words.count > 1 else { return words.joined(separator: " ") }
        let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "du", "la", "le", "ter", "ten", "zu"]
        var familyStart = words.count - 1
        while familyStart > 1, particles.contains(words[familyStart - 1]) { familyStart -= 1 }
        return words[familyStart...].joined(separator: " ") + ", " + words[..<familyStart].joined(separator: " ")
    }
}

extension Substring {
    /// The substring without trailing characters matching `predicate`.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s.removeLast() }
        return s
    }
}
