import Testing
@testable import CiteGraphText

@Suite("Community labels")
struct CommunityLabelerTests {
    @Test func labelsSmallCommunities() throws {
        let docs = [
            "Graph neural networks and message passing.", "Message passing in graph neural networks.",
            "Graph neural networks, expressive power.",
            "Reinforcement learning with policy gradient.", "Policy gradient for reinforcement learning.",
            "Offline reinforcement learning.",
        ]
        var o = KeyPhraseExtractor.Options()
        o.minDocumentFrequency = 2
        let model = try KeyPhraseExtractor(o).extract(documents: docs)
        let labeler = try CommunityLabeler(model: model)
        #expect(labeler.label(members: [0, 1, 2], count: 2) == "graph neural networks · message passing")
        #expect(labeler.label(members: [3, 4, 5], count: 2) == "reinforcement learning · policy gradient")
        let all = labeler.topTerms(membership: [0, 0, 0, 1, 1, 1], count: 2)
        #expect(all.map { $0.map(\.term.label) } == [["graph neural networks", "message passing"], ["reinforcement learning", "policy gradient"]])
        #expect(throws: TextError.self) { try CommunityLabeler(model: model, distinctiveness: -1) }
    }

    @Test func labelsARealCommunity() throws {
        let model = KeyPhraseExtractorTests.sampleModel
        let members = SampleCorpus.papers.indices.filter {
            (SampleCorpus.papers[$0].title + " " + SampleCorpus.papers[$0].abstract).lowercased().contains("reinforcement learning")
        }
        #expect(members.count >= 5)
        let labeler = try CommunityLabeler(model: model)
        let top = labeler.topTerms(members: members, count: 3)
        print("RL community label: \(labeler.label(members: members))")
        #expect(top.first?.term.key == "reinforc learn")
        // No chosen term is a sub-phrase of another chosen term.
        for a in top { for b in top where a.term.id != b.term.id {
            #expect(TermModel.occurrences(of: a.term.key.split(separator: " "), in: b.term.key.split(separator: " ")) == 0)
        } }
    }
}
