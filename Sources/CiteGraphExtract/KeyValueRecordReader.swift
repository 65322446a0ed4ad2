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
        var result = ExtractResult(format: .keyValue)
        var fields: [String: String] = [:]
        var startLine = 0
        var broken: (Int, String)? = nil
        var position = 0
        func finish() {
            defer { fields = [:]; broken = nil; startLine = 0 }
            guard startLine > 0 else { return }
            defer { position += 1 }
            if let (line, text) = broken {
                result.rejects.append(RejectedRecord(file: file.path, line: line, field: "line", reason: "'\(text.prefix(30))' is not `key = {value}`"))
                return
            }
            let id = fields["id"]
            let title = fields["title"] ?? ""
            guard id != nil || !title.isEmpty else {
                result.rejects.append(RejectedRecord(file: file.path, line: startLine, field: "id", reason: "record has neither an id nor a title"))
                return
            }
            var year: Int? = nil
            if let y = fields["year"], !y.isEmpty {
                guard let parsed = Int(y), (1000...2999).contains(parsed) else {
                    result.rejects.append(RejectedRecord(file: file.path, line: startLine, field: "year", reason: "'\(y)' is not a year"))
                    return
                }
                year = parsed
            }
            var ids: [WorkID] = []
            if let id { ids.append(WorkID(kind: .local, value: id)) }
            if let doi = fields["doi"], !doi.isEmpty { ids.append(WorkID(kind: .doi, value: doi)) }
            let authors = (fields["author"] ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            result.records.append(
                PaperRecord(
                    source: SourceLocation(file: file.path, position: position, line: startLine, format: RecordFormat.keyValue.rawValue),
                    ids: ids, title: title, abstract: fields["abstract"], authors: authors, year: year,
                    venue: fields["venue"].flatMap { $0.isEmpty ? nil : $0 }))
        }
        var number = 0
        for raw in TaggedText.lines(text) {
            number += 1
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty { finish(); continue }
            if startLine == 0 { startLine = number }
            guard let eq = line.range(of: " = {"), line.hasSuffix("}") else {
                if broken == nil { broken = (number, line) }
                continue
            }
            let key = String(line[..<eq.lowerBound]).lowercased()
            let value = String(line[eq.upperBound..<line.index(before: line.endIndex)])
            fields[key] = HTMLEntities.decode(value).trimmingWhitespace()
        }
        finish()
        return result
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
