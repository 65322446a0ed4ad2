import CiteGraphCore
import Foundation

/// Reader for JSON Lines: citegraph's own record format (`id`, `doi`, `title`, `abstract`,
/// `authors`, `year`, `venue`, `keywords`, `references`), the arXiv metadata snapshot, and
/// OpenAlex/Semantic Scholar/Crossref objects one per line. A line that is not a JSON object is
/// rejected with its line number; the others are read.
/// - Complexity: O(file size); one line parsed at a time.
public enum JSONLinesReader {
    public static func looksLike(_ head: String) -> Bool {
        // A first line holding a whole object, and another object line soon after; a
        // pretty-printed document opens with "{" alone.
        let lines = head.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix("\u{FEFF}") }.prefix(6)
        guard let first = lines.first, first.hasPrefix("{"), first.count > 1 else { return false }
        let closed = first.trimmingWhitespaceSuffix().hasSuffix("}") || lines.count == 1
        return closed && (lines.count == 1 || lines.dropFirst().contains { $0.hasPrefix("{") })
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        var result = ExtractResult(format: .jsonl)
        var lineNumber = 0
        var position = 0
        var start = file.bytes.startIndex
        if file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        let bytes = file.bytes
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = SourceLocation(file: file.path, position: position, line: lineNumber, format: RecordFormat.jsonl.rawValue)
            position += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                result.rejects.append(RejectedRecord(file: file.path, line: lineNumber, field: "json", reason: "not a JSON object"))
                continue
            }
            switch JSONWorkMapper.record(from: object, location: location) {
            case .success(let record): result.records.append(record)
            case .failure(let reject): result.rejects.append(reject)
            }
        }
        return result
    }
}

extension Substring {
    func trimmingWhitespaceSuffix() -> Substring {
        var s = self
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}

/// Reader for JSON documents holding works: a single object, an array (OpenAlex export,
/// AMiner DBLP V12), or an API page (`results`, `data`, `items`, Crossref's `message`).
public enum JSONDocumentReader {
    public static func looksLike(_ head: String) -> Bool {
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("{") || trimmed.hasPrefix("[")
    }

    public static func read(_ file: RecordFile) throws -> ExtractResult {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(file.bytes))
        } catch {
            let nsError = error as NSError
            let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
            throw ExtractError.malformed(path: file.path, line: 1, field: "json", reason: "not valid JSON (\(detail))")
        }
        var result = ExtractResult(format: .json)
        for (position, item) in JSONWorkMapper.works(in: json).enumerated() {
            let location = SourceLocation(file: file.path, position: position, line: 1, format: RecordFormat.json.rawValue)
            guard let object = item as? [String: Any] else {
                result.rejects.append(RejectedRecord(file: file.path, line: 1, field: "item \(position)", reason: "not a JSON object"))
                continue
            }
            switch JSONWorkMapper.record(from: object, location: location) {
            case .success(let record): result.records.append(record)
            case .failure(var reject):
                reject.field = "item \(position): " + reject.field
                result.rejects.append(reject)
            }
        }
        return result
    }
}
