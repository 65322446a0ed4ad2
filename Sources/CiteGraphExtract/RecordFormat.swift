import CiteGraphCore

/// The record formats citegraph reads. The raw value is the `--format` name.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// Daily-papers page dumps: a short page header, then title and abstract lines.
    case dailyPapers = "daily-papers"

    /// A one-line description for `--help`.
    public var summary: String {
        switch self {
        case .dailyPapers: return "daily-papers page text (header, then title / abstract lines)"
        }
    }
}

/// A result of reading one file: the records read, and the records that could not be read.
public struct ExtractResult: Sendable {
    public var format: RecordFormat
    public var records: [PaperRecord]
    public var rejects: [RejectedRecord]

    public init(format: RecordFormat, records: [PaperRecord] = [], rejects: [RejectedRecord] = []) {
        self.format = format; self.records = records; self.rejects = rejects
    }
}

extension RejectedRecord {
    /// The equivalent error, used in strict mode.
    public var error: ExtractError { .malformed(path: file, line: line, field: field, reason: reason) }
}
