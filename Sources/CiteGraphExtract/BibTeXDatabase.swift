/// BibTeX files read as one database (as `BibTeXReader.read(_:)` reads them) without holding
/// the files: `@string` macros defined in an earlier file are known in later ones, and
/// `crossref` finds its entry in any of them. Opening the database reads the files once,
/// piece by piece (`BibTeXSegments`), to learn what reading a file needs from the others; each
/// file is then streamed on its own (`stream(_:chunkSize:_:)`), its records in file order.
///
/// What is kept of the whole database, so not bounded by a piece: the macros in force where
/// each file starts, and the entries that another entry names in `crossref` (proceedings and
/// books, typically few), with a second pass over the files to pick those up when there are
/// any. The files are read two or three times in all.
public struct BibTeXDatabase: Sendable {
    /// The files, in the order they were given.
    public let files: [StreamedRecordFile]
    /// Entries some entry names in `crossref`, by lower-cased key (the first of a key wins).
    private let parents: [String: BibTeXParser.Entry]
    /// The macros defined when each file starts.
    private let macrosAtStart: [[String: String]]
    /// Bytes per piece (`BibTeXSegments`).
    private let pieceSize: Int

    /// Reads `files` (BibTeX, UTF-8) to learn their macros and crossref targets.
    /// - Throws: `ExtractError` naming the file (unreadable, not UTF-8).
    public init(files: [StreamedRecordFile]) throws {
        try self.init(files: files, pieceSize: 1 << 20)
    }

    /// `init(files:)` cutting the files in pieces of about `pieceSize` bytes (tests cut small).
    init(files: [StreamedRecordFile], pieceSize: Int) throws {
        self.files = files
        self.pieceSize = pieceSize
        var targets: Set<String> = []
        var macros = BibTeXParser.defaultMacros
        var atStart: [[String: String]] = []
        for file in files {
            atStart.append(macros)
            try Self.parse(file, pieceSize: pieceSize, macros: &macros) { parser in
                for entry in parser.entries {
                    if let ref = entry.fields["crossref"] { targets.insert(BibTeXParser.cleanIdentifier(ref).lowercased()) }
                }
            }
        }
        var parents: [String: BibTeXParser.Entry] = [:]
        if !targets.isEmpty {
            for (index, file) in files.enumerated() {
                macros = atStart[index]
                try Self.parse(file, pieceSize: pieceSize, macros: &macros) { parser in
                    for entry in parser.entries {
                        let key = entry.key.lowercased()
                        if targets.contains(key), parents[key] == nil { parents[key] = entry }
                    }
                }
            }
        }
        self.parents = parents
        macrosAtStart = atStart
    }

    /// Reads file `index` in chunks of at most `chunkSize` records and rejects (fewer when
    /// their text passes about 4 MB), handing each to `deliver`: together what
    /// `BibTeXReader.read(_:)` returns for that file.
    /// - Throws: `ExtractError` naming the file, or what `deliver` throws.
    public func stream(_ index: Int, chunkSize: Int = 10_000, _ deliver: @escaping (ExtractResult) throws -> Void) throws {
        let sink = RecordSink(format: .bibtex, chunkSize: chunkSize, deliver: deliver)
        try stream(index, into: sink)
        try sink.finish()
    }

    func stream(_ index: Int, into sink: RecordSink) throws {
        var macros = macrosAtStart[index]
        var position = 0
        let name = files[index].displayName
        try Self.parse(files[index], pieceSize: pieceSize, macros: &macros) { parser in
            try BibTeXReader.emit(
                entries: parser.entries, rejects: parser.rejects, parents: parents, file: name, position: &position, into: sink)
        }
    }

    /// Parses `file` piece by piece with `macros` in force, handing `body` each piece's parser.
    private static func parse(
        _ file: StreamedRecordFile, pieceSize: Int, macros: inout [String: String], _ body: (BibTeXParser) throws -> Void
    ) throws {
        var pieces = try BibTeXSegments(path: file.path, name: file.displayName, pieceSize: pieceSize)
        while let piece = try pieces.next() {
            var parser = BibTeXParser(
                bytes: piece.bytes, path: file.displayName, macros: macros, firstLine: piece.firstLine, limit: piece.limit)
            parser.parse()
            macros = parser.macros
            try body(parser)
        }
    }
}
