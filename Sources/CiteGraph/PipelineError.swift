import Foundation

/// Errors of the pipeline that are not a module's own.
public enum PipelineError: Error, LocalizedError {
    case sampleCorpusMissing
    case invalidOption(name: String, value: String, reason: String)
    case notImplemented(what: String)
    case cannotWrite(path: String, reason: String)
    /// A personalised ranking's seed that names no node of the graph.
    case unknownSeed(id: String, graph: String)
    /// A topic that no paper of the graph carries as a key phrase.
    case unknownTopic(phrase: String)

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
        case .unknownSeed(let id, let graph):
            return "--seed \(id): no node of the \(graph) graph has this id; use an id as `citegraph rank` prints it."
        case .unknownTopic(let phrase):
            return "--topic \(phrase): no paper carries this key phrase; see reports/topics.csv or `citegraph build` for the phrases."
        }
    }
}
