import CiteGraphCore
import CiteGraphStore
import CiteGraphText
import Dispatch
import Foundation

extension Pipeline {
    /// Extracts key phrases from every paper's title and abstract (TF-IDF over stemmed 1–4
    /// word phrases, acronyms merged), stores the vocabulary and each paper's top phrases.
    /// - Returns: the model and the papers' row ids in its document order.
    /// - Parameter storeBeside: store the terms on another thread and return at once; the
    ///   caller joins the returned write (`BackgroundWork.wait()`) before it finishes.
    @discardableResult
    func extractTerms(options: BuildOptions, storeBeside: Bool = false) throws -> (model: TermModel, papers: [Int64], write: BackgroundWork?) {
        PhaseClock.mark("before texts")
        // The texts become one document string each as they are read; only the ids stay.
        var papers: [Int64] = []
        var documents: [String] = []
        try store.forEachPaperText { paper in
            var abstract = paper.abstract ?? ""
            // Explicit keywords (author keywords, MeSH, OpenAlex concepts, arXiv categories)
            // join the text as phrases of their own, one per sentence.
            if let keywords = paper.keywords, !keywords.isEmpty {
                abstract += "\n" + keywords.split(separator: ";").map { $0.trimmingWhitespace() + "." }.joined(separator: " ")
            }
            papers.append(paper.id)
            documents.append(KeyPhraseExtractor.document(title: paper.title, abstract: abstract))
        }
        PhaseClock.mark("paperTexts")
        progress.begin("extracting key phrases", total: papers.count)
        var extractorOptions = KeyPhraseExtractor.Options()
        extractorOptions.topN = options.termsPerPaper
        if let path = options.thesaurus { extractorOptions.thesaurus = try Thesaurus(contentsOf: URL(fileURLWithPath: path)) }
        let extractor = try KeyPhraseExtractor(extractorOptions)
        // The extractor takes the documents over and frees them once tokenized.
        let model = extractor.extract(documents: consume documents)
        PhaseClock.mark("extract")
        // Each document's top phrases, in parallel chunks (the nested-phrase check is quadratic
        // in a document's terms), joined in document order.
        let chunkCount = papers.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 8
        let chunks = ParallelSlots(count: chunkCount, initial: [[(term: Int32, weight: Double)]]())
        let limit = options.termsPerPaper, documentCount = papers.count
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lo = documentCount * chunk / chunkCount, hi = documentCount * (chunk + 1) / chunkCount
            chunks.set(chunk, (lo..<hi).map { d in model.topTerms(ofDocument: d, limit: limit).map { ($0.term.id, $0.weight) } })
        }
        var used = Set<Int32>()
        var paperTerms: [(paper: Int64, term: Int32, weight: Double)] = []
        var d = 0
        for chunk in chunks.all {
            for terms in chunk {
                for (term, weight) in terms {
                    used.insert(term)
                    paperTerms.append((papers[d], term, weight))
                }
                d += 1
            }
        }
        PhaseClock.mark("topTerms")
        // Store only the terms some paper carries, renumbered densely.
        let kept = used.sorted()
        var position: [Int32: Int] = [:]
        for (i, id) in kept.enumerated() { position[id] = i }
        let storedTerms = kept.map { let t = model.terms[Int($0)]; return StoredTerm(key: t.key, label: t.label, df: t.df) }
        let storedPaperTerms = paperTerms.map { ($0.paper, position[$0.term]!, $0.weight) }
        let store = self.store
        let write = BackgroundWork { try store.replaceTerms(storedTerms, paperTerms: storedPaperTerms) }
        if !storeBeside { try write.wait() }
        PhaseClock.mark("replaceTerms")
        progress.finish("key phrases: \(model.terms.count) terms over \(papers.count) papers, \(kept.count) kept as top phrases")
        return (model, papers, storeBeside ? write : nil)
    }

    /// The co-topic graph: each paper's `neighbours` most similar papers (cosine of TF-IDF
    /// phrase vectors ≥ `minSimilarity`) through an inverted index.
    func cotopicEdges(options: BuildOptions) throws -> ([StoredEdge], String) {
        // The terms are written while the neighbours are searched.
        let (model, papers, write) = try extractTerms(options: options, storeBeside: true)
        let topK = try TopKCosine(k: options.neighbours, threshold: options.minSimilarity)
        let list = topK.edges(model.vectors)
        try write?.wait()
        PhaseClock.mark("topK")
        var edges: [StoredEdge] = []
        edges.reserveCapacity(list.count)
        for i in 0..<list.count {
            let a = papers[Int(list.sources[i])], b = papers[Int(list.targets[i])]
            edges.append(StoredEdge(source: min(a, b), target: max(a, b), weight: list.weights[i]))
        }
        let parameters = JSON.object([
            "similarity": "cosine of TF-IDF key-phrase vectors", "neighbours": options.neighbours,
            "min_similarity": options.minSimilarity, "min_df": 2, "max_df_ratio": 0.5, "max_phrase_words": 4,
        ])
        return (edges, parameters)
    }
}
