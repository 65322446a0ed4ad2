/// The graphs citegraph derives from a corpus. The raw value is the `--graph` name and the
/// `edges.kind` value in the store.
public enum GraphKind: String, Sendable, CaseIterable, Codable {
    /// Paper–paper, weight = cosine similarity of key-phrase vectors (top-k neighbours).
    case cotopic
    /// Topic map: topic–topic co-occurrence.
    case topics
    /// Author–author, weight = joint papers.
    case coauthor
    /// Paper → paper from resolved references.
    case citation
    /// Paper → paper where a title or abstract names another paper's short name.
    case mention
    /// Paper–paper bibliographic coupling (shared references).
    case coupling
    /// Paper–paper co-citation (cited together).
    case cocitation

    /// What the nodes of this graph are.
    public enum NodeType: String, Sendable { case paper, term, author }

    public var nodeType: NodeType {
        switch self {
        case .topics: return .term
        case .coauthor: return .author
        default: return .paper
        }
    }

    /// Whether edges have a direction (citing → cited).
    public var isDirected: Bool { self == .citation || self == .mention }
}
