import CiteGraphCore

/// Reader for citation edge lists and adjacency lists.
///
/// - SNAP style: `citing cited` per line, separated by tabs, spaces, a comma, or `==>`
///   (the AAN `acl.txt` style "A , B" works too); `#` and `%` lines are comments; an optional
///   header line ("Paper_ID Cited_ID", "source,target") is skipped.
/// - Adjacency lists: `node nbr nbr …` (a line with only the node lists an isolated node).
///
/// Every node label becomes a paper whose id is the label; each line adds references from
/// the citing node to the cited one. With `citedFirst` the two columns are swapped (the LINQS
/// Cora file lists `cited citing`).
/// - Complexity: O(file size).
public enum EdgeListReader {
    static let headerWords = ["id", "source", "target", "citing", "cited", "from", "to", "node", "paper", "src", "dst"]

    /// Whether `head` looks like an edge or adjacency list: most non-comment lines are short
    /// sequences of label-like tokens.
    public static func looksLike(_ head: String) -> Bool {
        let lines = head.split(whereSeparator: \.isNewline).dropLast().filter { !$0.hasPrefix("#") && !$0.hasPrefix("%") }
        guard lines.count >= 2 else { return false }
        let sample = lines.prefix(50)
        let good = sample.filter { line in
            let tokens = tokenize(line)
            return !tokens.isEmpty && tokens.count <= 64 && tokens.allSatisfy { $0.count <= 40 && !$0.contains("\"") }
                && tokens.allSatisfy { $0.allSatisfy { c in c.isLetter || c.isNumber || "-_.:/".contains(c) } }
        }
        let numericish = sample.dropFirst().filter { tokenize($0).allSatisfy { t in t.contains { $0.isNumber } } }
        return good.count >= sample.count - 1 && numericish.count * 2 >= sample.count - 1
    }

    static func tokenize<S: StringProtocol>(_ line: S) -> [Substring] {
        var text = Substring(line)
        if text.hasSuffix("\r") { text = text.dropLast() }
        if text.contains("==>") {
            return text.components(separatedBy: "==>").map { Substring($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" })
    }

    /// Reads the edges of `file` as paper records.
    public static func read(_ file: RecordFile, citedFirst: Bool = false) throws -> ExtractResult {
        let text = try file.utf8Text()
        var index: [Substring: Int] = [:]
        var labels: [Substring] = []
        var lines: [Int] = []
        var references: [[String]] = []
        func node(_ label: Substring, line: Int) -> Int {
            if let i = index[label] { return i }
            index[label] = labels.count
            labels.append(label); lines.append(line); references.append([])
            return labels.count - 1
        }
        var result = ExtractResult(format: .edgeList)
        var lineNumber = 0
        var sawData = false
        for raw in TaggedText.lines(text) {
            lineNumber += 1
            let trimmed = raw.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("%") || trimmed == "\r" { continue }
            let tokens = tokenize(trimmed)
            if tokens.isEmpty { continue }
            if !sawData {
                sawData = true
                let lower = tokens.map { $0.lowercased() }
                if lower.contains(where: { t in headerWords.contains { t.contains($0) } }) && !tokens.contains(where: { $0.contains { $0.isNumber } }) {
                    continue  // header line
                }
            }
            if tokens.count == 2 {
                let (citing, cited) = citedFirst ? (tokens[1], tokens[0]) : (tokens[0], tokens[1])
                let source = node(citing, line: lineNumber)
                _ = node(cited, line: lineNumber)
                references[source].append(String(cited))
            } else {
                // Adjacency list: node, then the nodes it links to.
                let first = node(tokens[0], line: lineNumber)
                for other in tokens.dropFirst() {
                    let target = node(other, line: lineNumber)
                    if citedFirst { references[target].append(String(tokens[0])) } else { references[first].append(String(other)) }
                }
            }
        }
        result.records.reserveCapacity(labels.count)
        for (i, label) in labels.enumerated() {
            let id = String(label)
            result.records.append(
                PaperRecord(
                    source: SourceLocation(file: file.path, position: i, line: lines[i], format: RecordFormat.edgeList.rawValue),
                    ids: [WorkID(kind: .local, value: id)], title: "", references: references[i].filter { $0 != id }))
        }
        return result
    }
}
