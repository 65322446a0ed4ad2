import Foundation

/// Everything that can go wrong while reading record files. Each case names the file, and
/// the line and field where there is one.
public enum ExtractError: Error, LocalizedError, Equatable {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case emptyFile(path: String)
    case unknownFormat(path: String, hint: String)
    case unsupportedFormat(path: String, format: String)
    case malformed(path: String, line: Int, field: String, reason: String)
    case encoding(path: String, line: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file. Check the path, or run `citegraph run` with no file for the sample corpus."
        case .isDirectory(let path):
            return "\(path): is a directory, not a record file. Pass the files inside it (e.g. \(path)/*.txt)."
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)). Check its permissions."
        case .emptyFile(let path):
            return "\(path): the file is empty; there are no records to read."
        case .unknownFormat(let path, let hint):
            return "\(path): not a record format citegraph recognises (\(hint)). Pass --format NAME to choose a reader; `citegraph ingest --help` lists them."
        case .unsupportedFormat(let path, let format):
            return "\(path): format '\(format)' is not supported yet."
        case .malformed(let path, let line, let field, let reason):
            return "\(path):\(line): \(field): \(reason)"
        case .encoding(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let p), .isDirectory(let p), .unreadable(let p, _), .emptyFile(let p),
            .unknownFormat(let p, _), .unsupportedFormat(let p, _), .malformed(let p, _, _, _),
            .encoding(let p, _, _):
            return p
        }
    }
}
