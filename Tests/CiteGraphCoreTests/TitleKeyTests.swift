import Testing

@testable import CiteGraphCore

@Suite struct TitleKeyTests {
    @Test func foldsCaseAccentsAndPunctuation() {
        #expect(TitleKey.normalise("Padé Activation Units: End-to-end Learning") == "pade activation units end to end learning")
        #expect(TitleKey.normalise("  Layer   Normalization. ") == "layer normalization")
    }

    @Test func shortNamePrefix() {
        #expect(TitleKey.shortName(of: "FFJORD: Free-form Continuous Dynamics") == "FFJORD")
        #expect(TitleKey.withoutShortName("TRP: Trained Rank Pruning for Efficient Deep Neural Networks")
            == "trained rank pruning for efficient deep neural networks")
        #expect(TitleKey.shortName(of: "A title without a colon") == nil)
    }

    @Test func authorKeys() {
        #expect(AuthorName.key("Smith, J.") == AuthorName.key("Smith, J"))
        #expect(AuthorName.key("Doe, John") != AuthorName.key("Doe, Jack"))
        #expect(AuthorName.key("John Doe") == AuthorName.key("Doe, John"))
    }

    @Test func workIDNormalisation() {
        #expect(WorkID(kind: .doi, value: "https://doi.org/10.1000/ABC").value == "10.1000/abc")
        #expect(WorkID(kind: .arxiv, value: "arXiv:2101.00001v3").value == "2101.00001")
        #expect(WorkID(kind: .openalex, value: "https://openalex.org/W123").value == "W123")
    }

    /// A hand-built 3-node graph: duplicates summed, transpose reverses, undirected doubles.
    @Test func csrConstruction() {
        let list = EdgeList(sources: [0, 0, 1, 0], targets: [1, 2, 2, 1], weights: [1, 2, 3, 4])
        let g = Graph(nodeCount: 3, edges: list, isDirected: true)
        #expect(g.offsets == [0, 2, 3, 3])
        #expect(g.targets == [1, 2, 2])
        #expect(g.weights == [5, 2, 3])
        let t = g.transposed()
        #expect(t.offsets == [0, 0, 1, 3])
        #expect(t.targets == [0, 0, 1])
        let u = g.undirected()
        #expect(u.edgeCount == 3)
        #expect(u.arcCount == 6)
    }
}
