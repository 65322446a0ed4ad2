import Foundation

/// A VOSviewer thesaurus: terms to merge into another term or to drop.
///
/// File format (VOSviewer manual, "Thesaurus files"): a tab-separated text file whose first
/// line is the header `label<TAB>replace by`, then one mapping per line, `label<TAB>replacement`.
/// An empty replacement drops the term. Blank lines are ignored; a UTF-8 byte-order mark and
/// CRLF line ends are accepted.
///
/// The extractor matches labels by their stemmed key (see `KeyPhraseExtractor`), so the
/// entry `neural net<TAB>neural network` also catches "neural nets"; matching happens before
/// document frequencies and weights are computed. A label of more than
/// `KeyPhraseExtractor.Options.maxPhraseLength` words can only match an acronym expansion.
/// Mappings are not chained: `a → b` and `b → c` send `a` to `b`.
public struct Thesaurus: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The term to replace, as written in the file.
        public var label: String
        /// The replacement, or nil to drop the term.
        public var replacement: String?

        public init(label: String, replacement: String?) {
            self.label = label
            self.replacement = replacement?.isEmpty == true ? nil : replacement
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads a thesaurus file.
    /// - Throws: `TextError.unreadableFile`, or `TextError.malformedThesaurus` naming the file
    ///   and line of the first malformed line.
    /// - Complexity: O(file size).
    public init(contentsOf url: URL) throws(TextError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: text, fileName: url.path)
    }

    /// Parses thesaurus text; `fileName` is used in error messages.
    /// - Throws: `TextError.malformedThesaurus` for a missing header, a line without a tab,
    ///   or an empty label.
    /// - Complexity: O(text length).
    public init(parsing text: String, fileName: String = "<thesaurus>") throws(TextError) {
        var entries: [Entry] = []
        var sawHeader = false
        var lineNumber = 0
        // Splitting on Character newlines treats "\r\n" as one line end.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if !sawHeader {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard fields.count >= 2, fields[0] == "label", fields[1] == "replace by" else {
                    throw .malformedThesaurus(
                        file: fileName, line: lineNumber,
                        reason: "expected the header \"label<TAB>replace by\", found \"\(line)\"")
                }
                sawHeader = true
                continue
            }
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            guard let tab = line.firstIndex(of: "\t") else {
                throw .malformedThesaurus(
                    file: fileName, line: lineNumber,
                    reason: "expected \"label<TAB>replacement\" (no tab in \"\(line)\")")
            }
            let label = line[..<tab].trimmingCharacters(in: .whitespaces)
            var rest = line[line.index(after: tab)...]
            if let secondTab = rest.firstIndex(of: "\t") { rest = rest[..<secondTab] }
            let replacement = rest.trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else {
                throw .malformedThesaurus(file: fileName, line: lineNumber, reason: "empty label")
            }
            entries.append(Entry(label: label, replacement: replacement))
        }
        guard sawHeader else {
            throw .malformedThesaurus(file: fileName, line: 1, reason: "empty file: expected the header \"label<TAB>replace by\"")
        }
        self.entries = entries
    }
}
