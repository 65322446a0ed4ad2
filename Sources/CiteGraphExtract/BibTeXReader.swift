import CiteGraphCore

/// Reader for BibTeX databases: `@type{key, field = value, …}` entries (or `@type(…)`).
///
/// Values are `{…}` (nested braces), `"…"`, numbers or `@string` macro names, joined with
/// `#`; the month macros `jan`…`dec` are predefined, an undefined macro stands for its own
/// name. `@preamble` and `@comment` are skipped, and so is text between entries. An entry
/// with `crossref = {k}` takes the fields it lacks from entry `k` (booktitle, year, editor,
/// publisher…; never title, identifiers, abstract, keywords, pages or note), and a
/// `@proceedings`/`@book` parent's title becomes the child's booktitle when it has none.
///
/// Record fields: title (required), author (split on " and " outside braces, case-
/// insensitive; "others" dropped; names kept as written, LaTeX converted), year (first
/// four-digit number), venue (journal, booktitle, series, school, institution), abstract,
/// keywords (split on `,` and `;`), ids: the key as `.local`, doi, eprint (arXiv when
/// archivePrefix/eprinttype is arXiv or absent), pmid. LaTeX accents and commands become
/// Unicode (`LaTeXText`).
///
/// A malformed entry (unbalanced braces or quotes, a missing `=`, `,` or closing brace)
/// is rejected with its line and the reason; reading resumes at the next `@` at the start
/// of a line. So that braces left open cannot swallow the rest of the file, an `@type{`
/// at the start of a line always ends the entry before it.
/// - Complexity: O(file size + entries).
public enum BibTeXReader {
    /// True when the first line that is not blank or a `%` comment starts an `@type{` block,
    /// or any line of the head does and no line looks like JSON.
    public static func looksLike(_ head: String) -> Bool {
        for raw in head.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingPrefix("\u{FEFF}").trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            if line.isEmpty || line.hasPrefix("%") { continue }
            if line.first == "{" || line.first == "[" { return false }
            if startsEntry(Array(line.utf8)[...]) { return true }
        }
        return false
    }

    /// Reads one BibTeX file; `crossref` is resolved within the file.
    /// - Throws: `ExtractError.encoding` for a file that is not UTF-8.
    public static func read(_ file: RecordFile) throws -> ExtractResult {
        try read([file])[0]
    }

    /// Reads several BibTeX files as one database, in order: `@string` macros defined in an
    /// earlier file are known in later ones, and `crossref` finds its entry in any of them
    /// (KRR's `krr.bib` cites proceedings in `procs.bib`, which uses `krr.bib`'s macros).
    /// Returns one result per file.
    /// - Throws: `ExtractError.encoding` for a file that is not UTF-8.
    public static func read(_ files: [RecordFile]) throws -> [ExtractResult] {
        var macros = BibTeXParser.defaultMacros
        var parsed: [(entries: [BibTeXParser.Entry], rejects: [RejectedRecord])] = []
        for file in files {
            let text = try file.utf8Text()
            var parser = BibTeXParser(bytes: Array(text.utf8), path: file.path, macros: macros)
            parser.parse()
            macros = parser.macros
            parsed.append((parser.entries, parser.rejects))
        }
        var byKey: [String: BibTeXParser.Entry] = [:]
        for (entries, _) in parsed {
            for entry in entries where byKey[entry.key.lowercased()] == nil { byKey[entry.key.lowercased()] = entry }
        }
        var results: [ExtractResult] = []
        for (index, file) in files.enumerated() {
            let (entries, rejects) = parsed[index]
            results.append(
                try RecordSink.collect(format: .bibtex) { sink in
                    var position = 0
                    try emit(entries: entries, rejects: rejects, parents: byKey, file: file.path, position: &position, into: sink)
                })
        }
        return results
    }

    /// Hands `sink` the records of `entries` (completed from their crossref `parents`, by
    /// lower-cased key) and the `rejects`, in the order of their lines, numbering them from
    /// `position` on.
    static func emit(
        entries: [BibTeXParser.Entry], rejects: [RejectedRecord], parents: [String: BibTeXParser.Entry], file: String,
        position: inout Int, into sink: RecordSink
    ) throws {
        var items: [(line: Int, outcome: Result<PaperRecord, RejectedRecord>)] = []
        for entry in entries {
            let fields = inherit(entry, from: parents)
            items.append((entry.line, makeRecord(entry, fields: fields, file: file)))
        }
        for reject in rejects { items.append((reject.line, .failure(reject))) }
        items.sort { $0.line < $1.line }
        for item in items {
            switch item.outcome {
            case .success(var record):
                record.source.position = position
                try sink.append(record: record)
            case .failure(let reject):
                try sink.append(reject: reject)
            }
            position += 1
        }
    }

    /// Fields a child entry never takes from its crossref parent.
    static let notInherited: Set<String> = [
        "title", "subtitle", "doi", "eprint", "archiveprefix", "eprinttype", "primaryclass", "pmid", "url", "abstract",
        "keywords", "pages", "note", "crossref", "ids", "key",
    ]

    /// The fields of `entry` completed from its crossref parent (and that parent's parent).
    static func inherit(_ entry: BibTeXParser.Entry, from byKey: [String: BibTeXParser.Entry]) -> [String: String] {
        var fields = entry.fields
        var seen: Set<String> = [entry.key.lowercased()]
        var current = entry
        while let ref = current.fields["crossref"].map({ BibTeXParser.cleanIdentifier($0).lowercased() }), !seen.contains(ref),
            let parent = byKey[ref]
        {
            seen.insert(ref)
            for (name, value) in parent.fields where !notInherited.contains(name) && fields[name] == nil {
                fields[name] = value
            }
            if fields["booktitle"] == nil, ["proceedings", "book"].contains(parent.type), let title = parent.fields["title"] {
                fields["booktitle"] = title
            }
            current = parent
        }
        return fields
    }

    static func makeRecord(_ entry: BibTeXParser.Entry, fields: [String: String], file: String) -> Result<PaperRecord, RejectedRecord> {
        func text(_ name: String) -> String? {
            guard let raw = fields[name] else { return nil }
            let t = LaTeXText.toUnicode(raw)
            return t.isEmpty ? nil : t
        }
        guard let title = text("title") else {
            return .failure(RejectedRecord(file: file, line: entry.line, field: "title", reason: "entry '\(entry.key)' has no title"))
        }
        var ids = [WorkID(kind: .local, value: entry.key)]
        if let doi = fields["doi"].map(BibTeXParser.cleanIdentifier), !doi.isEmpty { ids.append(WorkID(kind: .doi, value: doi)) }
        if let eprint = fields["eprint"].map(BibTeXParser.cleanIdentifier), !eprint.isEmpty {
            let archive = (fields["archiveprefix"] ?? fields["eprinttype"]).map { BibTeXParser.cleanIdentifier($0).lowercased() }
            if archive == nil || archive == "arxiv" { ids.append(WorkID(kind: .arxiv, value: eprint)) }
        }
        if let pmid = fields["pmid"].map(BibTeXParser.cleanIdentifier), !pmid.isEmpty { ids.append(WorkID(kind: .pmid, value: pmid)) }
        let keywords = (text("keywords") ?? "").split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        var record = PaperRecord(
            source: SourceLocation(file: file, position: 0, line: entry.line, format: RecordFormat.bibtex.rawValue),
            ids: ids, title: title, abstract: text("abstract"), authors: fields["author"].map(authors) ?? [],
            year: fields["year"].flatMap { TaggedText.year(in: $0) },
            venue: ["journal", "booktitle", "series", "school", "institution"].lazy.compactMap(text).first,
            keywords: keywords)
        record.volume = text("volume")
        record.firstPage = text("pages").flatMap(TaggedText.firstPage)
        return .success(record)
    }

    /// The names of a BibTeX name list: split on "and" between white space, outside braces,
    /// in any case; "others" (et al.) dropped; each name converted to Unicode as written.
    static func authors(_ raw: String) -> [String] {
        var names: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(raw.unicodeScalars)
        var depth = 0
        var i = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
        while i < scalars.count {
            let s = scalars[i]
            if s == "{" { depth += 1 } else if s == "}" { depth -= 1 }
            if depth == 0, isSpace(s), i + 4 < scalars.count,
                String(String.UnicodeScalarView(scalars[(i + 1)...(i + 3)])).lowercased() == "and", isSpace(scalars[i + 4])
            {
                names.append(String(current))
                current = String.UnicodeScalarView()
                i += 5
                continue
            }
            current.append(s)
            i += 1
        }
        names.append(String(current))
        return names.map(LaTeXText.toUnicode).filter { !$0.isEmpty && $0.lowercased() != "others" }
    }

    static func startsEntry(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "@") else { return false }
        i += 1
        let nameStart = i
        while i < bytes.endIndex, BibTeXParser.isLetter(bytes[i]) { i += 1 }
        guard i > nameStart else { return false }
        while i < bytes.endIndex, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return i < bytes.endIndex && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "("))
    }
}

/// The block structure of a BibTeX file, on its UTF-8 bytes (every delimiter is ASCII).
struct BibTeXParser {
    struct Entry {
        /// Entry type, lower-cased ("article").
        var type: String
        var key: String
        /// Field values by lower-cased name, macros expanded, LaTeX kept; the first of a
        /// repeated field wins.
        var fields: [String: String]
        /// 1-based line of the `@`.
        var line: Int
    }

    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    static let defaultMacros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June", "jul": "July",
        "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    let bytes: [UInt8]
    let path: String
    var macros: [String: String]
    var entries: [Entry] = []
    var rejects: [RejectedRecord] = []
    private var lineStarts: [Int] = [0]
    /// The line of `bytes[0]` in the file.
    private let firstLine: Int
    /// No entry starts at or after this offset (the rest of `bytes` is only looked at).
    private let limit: Int
    private var p = 0

    /// A parser of `bytes`, a whole file or a piece of one (see `BibTeXSegments`): the piece
    /// starts at line `firstLine` of the file, and its entries start before `limit` (the
    /// line at `limit` is the next piece's first, there to be seen as the next entry).
    init(bytes: [UInt8], path: String, macros: [String: String], firstLine: Int = 1, limit: Int? = nil) {
        self.bytes = bytes
        self.path = path
        self.macros = macros
        self.firstLine = firstLine
        self.limit = limit ?? bytes.count
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
    }

    /// 1-based line of a byte offset.
    func line(of offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + firstLine
    }

    mutating func parse() {
        while let at = nextAt(from: p, lineStartOnly: false), at < limit {
            p = at + 1
            let type = identifier().lowercased()
            skipSpace()
            guard !type.isEmpty, p < bytes.count, bytes[p] == UInt8(ascii: "{") || bytes[p] == UInt8(ascii: "(") else { continue }
            let close = bytes[p] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            p += 1
            do {
                switch type {
                case "comment":
                    _ = try balanced(close: close, start: at)
                case "preamble":
                    skipSpace()
                    _ = try value(field: "preamble", start: at)
                    try expectClose(close, start: at)
                case "string":
                    skipSpace()
                    let name = identifier().lowercased()
                    guard !name.isEmpty else { throw Failure(offset: p, reason: "@string needs a macro name") }
                    skipSpace()
                    try expect(UInt8(ascii: "="), what: "'=' after @string name '\(name)'")
                    skipSpace()
                    macros[name] = try value(field: name, start: at)
                    try expectClose(close, start: at)
                default:
                    entries.append(try entry(type: type, close: close, start: at))
                }
            } catch let failure as Failure {
                let where_ = line(of: failure.offset)
                rejects.append(
                    RejectedRecord(
                        file: path, line: line(of: at), field: type,
                        reason: failure.reason + (where_ == line(of: at) ? "" : " (at line \(where_))")))
                p = nextAt(from: at + 1, lineStartOnly: true) ?? bytes.count
            } catch {
                preconditionFailure("BibTeXParser throws only Failure")
            }
        }
    }

    private mutating func entry(type: String, close: UInt8, start: Int) throws -> Entry {
        skipSpace()
        let keyStart = p
        while p < bytes.count, bytes[p] != UInt8(ascii: ","), bytes[p] != close, !isSpace(bytes[p]) {
            if bytes[p] == UInt8(ascii: "=") || bytes[p] == UInt8(ascii: "{") {
                throw Failure(offset: p, reason: "entry has no citation key before its first field")
            }
            p += 1
        }
        let key = String(decoding: bytes[keyStart..<p], as: UTF8.self)
        guard !key.isEmpty else { throw Failure(offset: p, reason: "entry has no citation key") }
        var fields: [String: String] = [:]
        skipSpace()
        while true {
            if p < bytes.count, bytes[p] == close {
                p += 1
                return Entry(type: type, key: key, fields: fields, line: line(of: start))
            }
            if p < bytes.count, bytes[p] == UInt8(ascii: ",") {
                p += 1
                skipSpace()
                continue
            }
            try checkNotAtNextEntry(start: start)
            let nameStart = p
            let name = identifier().lowercased()
            guard !name.isEmpty else {
                let found = p < bytes.count ? "'\(Character(Unicode.Scalar(bytes[p])))'" : "the end of the file"
                throw Failure(offset: nameStart, reason: "expected a field name or the closing '\(Character(Unicode.Scalar(close)))', found \(found)")
            }
            skipSpace()
            try expect(UInt8(ascii: "="), what: "'=' after field name '\(name)'")
            skipSpace()
            let v = try value(field: name, start: start)
            if fields[name] == nil { fields[name] = v }
            skipSpace()
            guard p < bytes.count, bytes[p] == UInt8(ascii: ",") || bytes[p] == close else {
                try checkNotAtNextEntry(start: start)
                throw Failure(offset: p, reason: "expected ',' or the closing '\(Character(Unicode.Scalar(close)))' after field '\(name)'")
            }
        }
    }

    /// A field value: parts joined by `#`.
    private mutating func value(field: String, start: Int) throws -> String {
        var out = ""
        while true {
            guard p < bytes.count else { throw Failure(offset: p, reason: "file ends inside field '\(field)'") }
            let b = bytes[p]
            if b == UInt8(ascii: "{") {
                let open = p
                p += 1
                out += try balanced(close: UInt8(ascii: "}"), start: open)
            } else if b == UInt8(ascii: "\"") {
                out += try quoted(start: p)
            } else if Self.isDigit(b) {
                let s = p
                while p < bytes.count, Self.isDigit(bytes[p]) { p += 1 }
                out += String(decoding: bytes[s..<p], as: UTF8.self)
            } else {
                let name = identifier()
                guard !name.isEmpty else { throw Failure(offset: p, reason: "field '\(field)' has no value") }
                out += macros[name.lowercased()] ?? name
            }
            skipSpace()
            guard p < bytes.count, bytes[p] == UInt8(ascii: "#") else { return out }
            p += 1
            skipSpace()
        }
    }

    /// The text up to the `close` that balances the `{` (or entry delimiter) before `p`, with
    /// inner braces kept; `p` ends after `close`.
    private mutating func balanced(close: UInt8, start: Int) throws -> String {
        let s = p
        var depth = 0
        while p < bytes.count {
            let b = bytes[p]
            if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") && (depth > 0 || close == UInt8(ascii: "}")) {
                if depth == 0 {
                    p += 1
                    return String(decoding: bytes[s..<(p - 1)], as: UTF8.self)
                }
                depth -= 1
            } else if b == close, depth == 0 {
                p += 1
                return String(decoding: bytes[s..<(p - 1)], as: UTF8.self)
            } else if b == UInt8(ascii: "\n") {
                p += 1
                try checkNotAtNextEntry(start: start, unclosed: "'{' opened at line \(line(of: start))")
                continue
            }
            p += 1
        }
        throw Failure(offset: start, reason: "unbalanced braces: '{' opened at line \(line(of: start)) is never closed")
    }

    /// A `"…"` value (braces inside counted, a `"` inside braces kept).
    private mutating func quoted(start: Int) throws -> String {
        p += 1
        let s = p
        var depth = 0
        while p < bytes.count {
            let b = bytes[p]
            if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                guard depth > 0 else { throw Failure(offset: p, reason: "unbalanced braces: '}' without '{' in a quoted value") }
                depth -= 1
            } else if b == UInt8(ascii: "\""), depth == 0 {
                p += 1
                return String(decoding: bytes[s..<(p - 1)], as: UTF8.self)
            } else if b == UInt8(ascii: "\n") {
                p += 1
                try checkNotAtNextEntry(start: start, unclosed: "'\"' opened at line \(line(of: start))")
                continue
            }
            p += 1
        }
        throw Failure(offset: start, reason: "unbalanced quotes: '\"' opened at line \(line(of: start)) is never closed")
    }

    /// Fails when `p` is at the start of a line holding `@type{`: the current entry was
    /// never closed.
    private func checkNotAtNextEntry(start: Int, unclosed: String? = nil) throws {
        var q = p
        while q < bytes.count, bytes[q] == UInt8(ascii: " ") || bytes[q] == UInt8(ascii: "\t") { q += 1 }
        guard q < bytes.count, bytes[q] == UInt8(ascii: "@"), q == 0 || isLineStart(q), BibTeXReader.startsEntry(bytes[q...]) else { return }
        let what = unclosed.map { "unbalanced braces: \($0) is not closed" } ?? "unbalanced braces: the entry is not closed"
        throw Failure(offset: q, reason: "\(what) before the next entry at line \(line(of: q))")
    }

    private func isLineStart(_ q: Int) -> Bool {
        var r = q - 1
        while r >= 0, bytes[r] == UInt8(ascii: " ") || bytes[r] == UInt8(ascii: "\t") { r -= 1 }
        return r < 0 || bytes[r] == UInt8(ascii: "\n") || bytes[r] == UInt8(ascii: "\r")
    }

    private mutating func expectClose(_ close: UInt8, start: Int) throws {
        skipSpace()
        try expect(close, what: "closing '\(Character(Unicode.Scalar(close)))'")
    }

    private mutating func expect(_ b: UInt8, what: String) throws {
        guard p < bytes.count, bytes[p] == b else { throw Failure(offset: p, reason: "expected \(what)") }
        p += 1
    }

    /// The next `@` from `offset` (at the start of a line when `lineStartOnly`).
    private func nextAt(from offset: Int, lineStartOnly: Bool) -> Int? {
        var q = offset
        while q < bytes.count {
            if bytes[q] == UInt8(ascii: "@"), !lineStartOnly || isLineStart(q) { return q }
            q += 1
        }
        return nil
    }

    /// A BibTeX identifier: printable ASCII except `"#%'(),={}` and space, or any non-ASCII byte.
    private mutating func identifier() -> String {
        let s = p
        while p < bytes.count {
            let b = bytes[p]
            if b >= 0x80 || (b > 0x20 && b < 0x7F && !Self.nonIdentifier.contains(b)) { p += 1 } else { break }
        }
        return String(decoding: bytes[s..<p], as: UTF8.self)
    }

    private static let nonIdentifier: Set<UInt8> = Set("\"#%'(),={}".utf8)

    private mutating func skipSpace() {
        while p < bytes.count, isSpace(bytes[p]) { p += 1 }
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// An identifier value (key, DOI, eprint) without braces, `\` escapes or surrounding space.
    static func cleanIdentifier(_ raw: String) -> String {
        var out = ""
        var escaped = false
        for c in raw {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c != "{" && c != "}" {
                out.append(c)
            }
        }
        return out.trimmingWhitespace()
    }
}
