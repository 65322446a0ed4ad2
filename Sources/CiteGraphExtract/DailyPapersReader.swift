import Foundation
import CiteGraphCore

/// Reader for daily-papers page dumps (the text of a "Daily Papers" listing page).
///
/// Two layouts exist:
/// - compact: two "Get trending papers in your email inbox…" lines, then alternating title
///   and abstract lines, the first title glued to "Subscribe" ("SubscribeUnderstanding …");
/// - spaced: a header "new / Get trending… / Subscribe / Daily Papers / byAK and the research
///   community / <date>", then title and abstract lines separated by blank lines.
///
/// Both become title/abstract records; the record position is its index in the page and
/// the line is the title's 1-based line number.
/// - Complexity: O(file size).
public enum DailyPapersReader {
    static let headerLines: Set<String> = [
        "new", "Get trending papers in your email inbox once a day!", "Get trending papers in your email inbox!",
        "Subscribe", "Daily Papers", "byAK and the research community",
    ]
    static let marker = "Get trending papers in your email inbox"
    /// Titles longer than this mean the title/abstract lines are out of step.
    static let maximumTitleLength = 400

    /// Whether `head` (the start of a file) is a daily-papers page.
    public static func looksLike(_ head: String) -> Bool {
        let lines = head.split(whereSeparator: \.isNewline).prefix(4)
        return lines.contains { $0.hasPrefix(marker) }
    }

    /// Reads the records of one page.
    /// - Throws: `ExtractError` if the file is not UTF-8 or has no daily-papers header.
    public static func read(_ file: RecordFile) throws -> ExtractResult {
        let text = try file.utf8Text()
        var lines: [(number: Int, text: String)] = []
        var number = 0
        for raw in TaggedText.lines(text) {
            number += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingWhitespace().isEmpty { continue }
            lines.append((number, line))
        }
        // Skip the page header.
        var index = 0
        var sawHeader = false
        while index < lines.count {
            let line = lines[index].text.trimmingWhitespace()
            if headerLines.contains(line) || isDateLine(line) {
                sawHeader = sawHeader || line.hasPrefix(marker)
                index += 1
                continue
            }
            if line.hasPrefix("Subscribe") {
                // Compact layout: the first title is glued to "Subscribe".
                lines[index].text = String(line.dropFirst("Subscribe".count))
            }
            break
        }
        guard sawHeader else {
            throw ExtractError.malformed(
                path: file.path, line: lines.first?.number ?? 1, field: "header",
                reason: "no \"\(marker)…\" line; this is not a daily-papers page")
        }
        var result = ExtractResult(format: .dailyPapers)
        var position = 0
        while index < lines.count {
            let title = lines[index]
            defer { index += 2; position += 1 }
            guard index + 1 < lines.count else {
                result.rejects.append(
                    RejectedRecord(file: file.path, line: title.number, field: "abstract", reason: "title has no abstract line after it"))
                continue
            }
            let titleText = title.text.trimmingWhitespace()
            if titleText.count > maximumTitleLength {
                result.rejects.append(
                    RejectedRecord(
                        file: file.path, line: title.number, field: "title",
                        reason: "\(titleText.count) characters is too long for a title; title and abstract lines are out of step"))
                continue
            }
            let abstract = lines[index + 1].text.trimmingWhitespace()
            let location = SourceLocation(file: file.path, position: position, line: title.number, format: RecordFormat.dailyPapers.rawValue)
            result.records.append(PaperRecord(source: location, title: titleText, abstract: abstract))
        }
        return result
    }

    /// "Sep 12", "Sep 12, 2024", "12 Sep 2024".
    static func isDateLine(_ line: String) -> Bool {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let words = line.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard (2...3).contains(words.count) else { return false }
        let hasMonth = words.contains { months.contains(String($0.prefix(3))) && $0.count <= 9 && $0.first!.isUppercase }
        let othersNumeric = words.filter { !months.contains(String($0.prefix(3))) }.allSatisfy { $0.allSatisfy(\.isNumber) }
        return hasMonth && othersNumeric
    }
}
