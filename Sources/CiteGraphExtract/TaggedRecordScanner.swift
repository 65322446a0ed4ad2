/// Splits tagged-line exports into records of (tag, values, line): Web of Science plain
/// text ("TI title" with 3-space continuation lines, records ended by "ER") and
/// MEDLINE/RIS-style files ("TI  - title", continuation lines indented).
struct TaggedRecordScanner {
    /// One field: tag, its values (one per line for multi-value tags), and the 1-based line
    /// of its first value.
    struct Field {
        var tag: String
        var values: [String]
        var line: Int
    }

    struct Record {
        var fields: [Field] = []
        var line: Int = 0

        func values(_ tag: String) -> [String] { fields.filter { $0.tag == tag }.flatMap(\.values) }
        func first(_ tag: String) -> String? { values(tag).first }
        /// The values of `tag` joined with spaces (continuation lines of one long value).
        func joined(_ tag: String) -> String? {
            let v = values(tag)
            return v.isEmpty ? nil : v.joined(separator: " ")
        }
    }
}
