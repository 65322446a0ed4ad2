import Foundation

/// Errors of the text module: bad parameters and unreadable or malformed input files.
public enum TextError: Error, LocalizedError, Equatable, Sendable {
    /// A parameter outside its valid range, checked at the public entry point.
    case invalidParameter(name: String, reason: String)
    /// A file that could not be read.
    case unreadableFile(path: String, reason: String)
    /// A thesaurus line that does not follow the VOSviewer format.
    case malformedThesaurus(file: String, line: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .invalidParameter(let name, let reason):
            return "Invalid parameter \(name): \(reason)"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read file: \(reason)"
        case .malformedThesaurus(let file, let line, let reason):
            return "\(file):\(line): malformed thesaurus line: \(reason)"
        }
    }
}
