import Foundation

/// Errors of the pipeline that are not a module's own.
public enum PipelineError: Error, LocalizedError {
    case sampleCorpusMissing
    case invalidOption(name: String, value: String, reason: String)
    case notImplemented(what: String)
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .sampleCorpusMissing:
            return "the bundled sample corpus is missing from this installation; reinstall citegraph or pass record files."
        case .invalidOption(let name, let value, let reason):
            return "--\(name) \(value): \(reason)"
        case .notImplemented(let what):
            return "\(what) is not available in this version of citegraph."
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write (\(reason))."
        }
    }
}
