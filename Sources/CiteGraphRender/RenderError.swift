import Foundation

/// Everything that can go wrong while writing or rendering an output, with enough context
/// (file path, Graphviz's own message, offending row) to act on it.
public enum RenderError: Error, LocalizedError, Equatable {
    /// A diagram broke an invariant (`Diagram.validate()`); `reason` names the node or edge.
    case invalidDiagram(reason: String)
    /// Graphviz could not parse the DOT text. `message` is Graphviz's error text.
    case graphvizSyntax(message: String)
    /// A Graphviz layout or render step failed. `stage` is e.g. "layout sfdp" or "render png".
    case graphvizFailed(stage: String, message: String)
    /// The graph is larger than the renderer accepts; reduce it first
    /// (`Diagram.reduced(toTop:)`).
    case tooLarge(nodes: Int, edges: Int, maxNodes: Int, maxEdges: Int)
    /// A file could not be created or written.
    case writeFailed(path: String, message: String)
    /// A CSV row has a different number of fields than the header.
    case columnCountMismatch(path: String?, row: Int, expected: Int, found: Int)

    public var errorDescription: String? {
        switch self {
        case .invalidDiagram(let reason):
            return "Invalid diagram: \(reason)."
        case .graphvizSyntax(let message):
            return "Graphviz could not read the DOT text: \(message.isEmpty ? "syntax error" : message)"
        case .graphvizFailed(let stage, let message):
            return "Graphviz failed during \(stage)\(message.isEmpty ? "." : ": \(message)")"
        case .tooLarge(let nodes, let edges, let maxNodes, let maxEdges):
            return "The graph has \(nodes) nodes and \(edges) edges; at most \(maxNodes) nodes and \(maxEdges) edges "
                + "are rendered. Reduce it first (e.g. render --top N)."
        case .writeFailed(let path, let message):
            return "Could not write \(path): \(message)"
        case .columnCountMismatch(let path, let row, let expected, let found):
            return "\(path ?? "CSV"): row \(row) has \(found) fields, the header has \(expected)."
        }
    }
}
