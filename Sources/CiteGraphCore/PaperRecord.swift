/// One paper record as a reader found it in a source file, before de-duplication.
public struct PaperRecord: Sendable, Equatable {
    /// Where the record came from.
    public var source: SourceLocation
    /// Identifiers the source gave (DOI, arXiv id, …); may be empty.
    public var ids: [WorkID]
    public var title: String
    public var abstract: String?
    /// Author names as written in the source ("Doe, John" or "John Doe").
    public var authors: [String]
    public var year: Int?
    public var venue: String?
    public var keywords: [String]
    /// References as found (an id, a DOI or free text).
    public var references: [String]
    /// Volume and first page (or article number) as the source gives them, for resolving
    /// references written as (first author, year, source, volume, page).
    public var volume: String? = nil
    public var firstPage: String? = nil
    /// Per author (parallel to `authors`, or empty): the ORCID iD ("0000-0002-1825-0097")
    /// when the source gives one.
    public var authorORCIDs: [String?] = []
    /// Per author (parallel to `authors`, or empty): the source service's own author id
    /// ("openalex:A5023888391", "s2:1741101") when it gives one.
    public var authorServiceIDs: [String?] = []

    public init(
        source: SourceLocation, ids: [WorkID] = [], title: String, abstract: String? = nil,
        authors: [String] = [], year: Int? = nil, venue: String? = nil, keywords: [String] = [],
        references: [String] = []
    ) {
        self.source = source; self.ids = ids; self.title = title; self.abstract = abstract
        self.authors = authors; self.year = year; self.venue = venue; self.keywords = keywords
        self.references = references
    }
}

/// The place a record was read from: file, 0-based record position in the file, 1-based
/// line where the record starts, and the format that read it.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var position: Int
    public var line: Int
    public var format: String

    public init(file: String, position: Int, line: Int, format: String) {
        self.file = file; self.position = position; self.line = line; self.format = format
    }
}

/// An identifier of a work in one of the namespaces citegraph merges on.
public struct WorkID: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case doi, arxiv, pmid, openalex, s2, wos, local
        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }
    public var kind: Kind
    /// The normalised value (DOI lower-cased without resolver prefix, arXiv id without version…).
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = WorkID.normalise(value, kind: kind)
    }

    public static func < (a: WorkID, b: WorkID) -> Bool {
        a.kind != b.kind ? a.kind < b.kind : a.value < b.value
    }

    /// Normalises an identifier value for its namespace.
    public static func normalise(_ raw: String, kind: Kind) -> String {
        normaliseASCII(raw, kind: kind) ?? normaliseByCharacters(raw, kind: kind)
    }

    /// `normalise` by the `Character` rules, for any text.
    static func normaliseByCharacters(_ raw: String, kind: Kind) -> String {
        var v = raw.trimmingWhitespace()
        switch kind {
        case .doi:
            v = v.lowercased()
            for prefix in doiPrefixes.map(\.description) where v.hasPrefix(prefix) {
                v.removeFirst(prefix.count)
            }
        case .arxiv:
            v = v.lowercased()
            for prefix in ["arxiv:", "https://arxiv.org/abs/", "http://arxiv.org/abs/"] where v.hasPrefix(prefix) {
                v.removeFirst(prefix.count)
            }
            // Strip a version suffix such as "v2".
            if let vIndex = v.lastIndex(of: "v"), v[v.index(after: vIndex)...].allSatisfy(\.isNumber),
                v.index(after: vIndex) != v.endIndex, vIndex != v.startIndex
            {
                v = String(v[..<vIndex])
            }
        case .openalex:
            if let slash = v.lastIndex(of: "/") { v = String(v[v.index(after: slash)...]) }
            v = v.uppercased()
        case .pmid, .s2, .wos, .local:
            break
        }
        return v
    }

    /// The resolver prefixes `normalise` removes from a DOI, in the order it tries them.
    private static let doiPrefixes: [StaticString] = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]

    /// `normalise` of an ASCII DOI, local, PubMed, Semantic Scholar or Web of Science id, on
    /// its bytes (ASCII white space is what `trimmingWhitespace` trims, ASCII case is what
    /// `lowercased` changes, and the prefixes match byte for byte): `raw` itself when nothing
    /// changes (a DOI as dblp and Crossref write it), one new string otherwise. Nil for other
    /// text and kinds, which `normalise` treats by the `Character` rules.
    private static func normaliseASCII(_ raw: String, kind: Kind) -> String? {
        guard kind != .arxiv, kind != .openalex else { return nil }
        var text = raw
        // nil: not ASCII; .some(nil): unchanged.
        let changed = text.withUTF8 { bytes -> String?? in
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
            func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            // One branch-free pass: any byte above ASCII, any upper-case letter.
            var all: UInt8 = 0
            var upper: UInt8 = 0
            for b in bytes {
                all |= b
                upper |= b &- 0x41 < 26 ? 1 : 0
            }
            guard all < 0x80 else { return nil }
            // Only a DOI is lower-cased.
            let hasUpper = kind == .doi && upper != 0
            var start = 0
            var end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            // Every prefix starts with "h" or "d" (most DOIs start with "10.").
            if kind == .doi, start < end, lower(bytes[start]) == UInt8(ascii: "h") || lower(bytes[start]) == UInt8(ascii: "d") {
                for prefix in doiPrefixes where end - start >= prefix.utf8CodeUnitCount {
                    let count = prefix.utf8CodeUnitCount
                    var k = 0
                    while k < count, lower(bytes[start + k]) == prefix.utf8Start[k] { k += 1 }
                    if k == count { start += count }
                }
            }
            if start == 0 && end == bytes.count && !hasUpper { return .some(nil) }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for i in start..<end { out[i - start] = kind == .doi ? lower(bytes[i]) : bytes[i] }
                return end - start
            }
        }
        guard let changed else { return nil }
        return changed ?? raw
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    public func trimmingWhitespace() -> String {
        // Fast path: text that opens and ends with a printable ASCII character has nothing to trim.
        var s = Substring(self)
        if let first = s.utf8.first, let last = s.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self as? String ?? String(s)
        }
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// A record that could not be read, with where and why.
public struct RejectedRecord: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var field: String
    public var reason: String

    public init(file: String, line: Int, field: String, reason: String) {
        self.file = file; self.line = line; self.field = field; self.reason = reason
    }
}
