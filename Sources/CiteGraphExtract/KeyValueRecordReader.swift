import Foundation
import CiteGraphCore

/// Reader for `key = {value}` records separated by blank lines, as the ACL Anthology Network
/// (AAN) metadata release writes them:
///
///     id = {D10-1001}
///     author = {Rush, Alexander M.; Sontag, David}
///     title = {On Dual Decomposition …}
///     venue = {EMNLP}
///     year = {2010}
///
/// Fields: id (kept as the paper's id, so AAN's `acl.txt` edge list joins it), author
/// (`;`-separated), title, venue, year, doi, abstract. HTML entities (`&eacute;`) are decoded.
/// A line that is not `key = {value}` rejects its record with the line.
/// - Complexity: O(file size).
public enum KeyValueRecordReader {
    public static func looksLike(_ head: String) -> Bool {
        let lines = head.split(whereSeparator: \.isNewline).prefix(6)
        guard let first = lines.first else { return false }
        return first.hasPrefix("id = {") && lines.dropFirst().contains { $0.hasPrefix("title = {") || $0.hasPrefix("author = {") }
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        // AAN's metadata is ASCII with a few stray Windows-1252 bytes (0x93/0x94 quotes):
        // decoded as Windows-1252 when the file is not valid UTF-8.
        let text: String
        do {
            text = try file.utf8Text()
        } catch {
            guard let decoded = String(data: Data(file.bytes), encoding: .windowsCP1252) else { throw error }
            text = decoded
        }
        return try LineReading.whole(file, text: text, format: .keyValue, read(name:into:lines:))
    }

    /// Reads the file at `path` block by block into `sink`, each record as soon as it ends.
    /// The file is read twice when it is not valid UTF-8: the first pass finds that out
    /// (the whole file decides, as for `read(_:)`), the second decodes it as Windows-1252.
    /// - Throws: `ExtractError` naming the file, or what the sink throws.
    static func read(streaming path: String, name: String, into sink: RecordSink) throws {
        var check = try UTF8TextBlocks(path: path, name: name)
        var encodingError: Error? = nil
        do {
            while try check.next() != nil {}
        } catch let error as ExtractError {
            guard case .encoding = error else { throw error }
            encodingError = error
        }
        guard let encodingError else {
            try LineReading.streamed(path: path, name: name, into: sink, read(name:into:lines:))
            return
        }
        var blocks = try UTF8TextBlocks(path: path, name: name, validating: false)
        try read(name: name, into: sink) { body in
            while let block = try blocks.next() {
                guard let text = String(data: Data(block.bytes), encoding: .windowsCP1252) else { throw encodingError }
                var lines = TaggedText.lines(text)[...]
                if !block.isLast { lines = lines.dropLast() }
                for line in lines { try body(line) }
            }
        }
    }

    /// The reader proper: `lines` calls its argument with each line in turn.
    private static func read(name: String, into sink: RecordSink, lines: LineReading.Lines) throws {
        var fields: [String: String] = [:]
        var startLine = 0
        var broken: (Int, String)? = nil
        var position = 0
        func finish() throws {
            defer { fields = [:]; broken = nil; startLine = 0 }
            guard startLine > 0 else { return }
            defer { position += 1 }
            if let (line, text) = broken {
                try sink.append(reject: RejectedRecord(file: name, line: line, field: "line", reason: "'\(text.prefix(30))' is not `key = {value}`"))
                return
            }
            let id = fields["id"]
            let title = fields["title"] ?? ""
            guard id != nil || !title.isEmpty else {
                try sink.append(reject: RejectedRecord(file: name, line: startLine, field: "id", reason: "record has neither an id nor a title"))
                return
            }
            var year: Int? = nil
            if let y = fields["year"], !y.isEmpty {
                guard let parsed = Int(y), (1000...2999).contains(parsed) else {
                    try sink.append(reject: RejectedRecord(file: name, line: startLine, field: "year", reason: "'\(y)' is not a year"))
                    return
                }
                year = parsed
            }
            var ids: [WorkID] = []
            if let id { ids.append(WorkID(kind: .local, value: id)) }
            if let doi = fields["doi"], !doi.isEmpty { ids.append(WorkID(kind: .doi, value: doi)) }
            let authors = (fields["author"] ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            try sink.append(
                record: PaperRecord(
                    source: SourceLocation(file: name, position: position, line: startLine, format: RecordFormat.keyValue.rawValue),
                    ids: ids, title: title, abstract: fields["abstract"], authors: authors, year: year,
                    venue: fields["venue"].flatMap { $0.isEmpty ? nil : $0 }))
        }
        var number = 0
        try lines { raw in
            number += 1
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty { try finish(); return }
            if startLine == 0 { startLine = number }
            guard let eq = line.range(of: " = {"), line.hasSuffix("}") else {
                if broken == nil { broken = (number, line) }
                return
            }
            let key = String(line[..<eq.lowerBound]).lowercased()
            let value = String(line[eq.upperBound..<line.index(before: line.endIndex)])
            fields[key] = HTMLEntities.decode(value).trimmingWhitespace()
        }
        try finish()
    }
}

extension HTMLEntities {
    /// `text` with `&name;`, `&#NNN;` and `&#xHH;` references replaced; unknown ones kept.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var replacement: String? = nil
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    replacement = character(named: name) ?? ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"][name]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}
