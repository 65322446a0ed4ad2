import Foundation

/// Errors of the SQLite store, each naming the database file.
public enum StoreError: Error, LocalizedError {
    case notAStore(path: String, reason: String)
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    /// Another process holds the store locked (a first ingest into an empty store does until it commits).
    case busy(path: String)
    case unknownGraph(kind: String)
    case graphNotBuilt(path: String, kind: String)
    case rejectedInStrictMode(file: String, line: Int, field: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notAStore(let path, let reason):
            return "\(path): not a citegraph store (\(reason)). Choose another --db path; the file was left untouched."
        case .newerSchema(let path):
            return "\(path): written by a newer citegraph (unknown schema migrations). Upgrade citegraph; the file was left untouched."
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the store (\(reason))."
        case .busy(let path):
            return "\(path): another process is writing this store and holds it locked (a first ingest into an empty store does until it commits). Try again when it has finished; nothing was changed."
        case .unknownGraph(let kind):
            return "unknown graph kind '\(kind)'"
        case .graphNotBuilt(let path, let kind):
            return "\(path): the \(kind) graph has no edges; run `citegraph build --graph \(kind)` first."
        case .rejectedInStrictMode(let file, let line, let field, let reason):
            return "\(file):\(line): \(field): \(reason) (--strict: nothing from this file was stored)"
        }
    }
}
