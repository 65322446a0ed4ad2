import CiteGraphCore
import CiteGraphExtract
import CiteGraphStore
import Dispatch
import Foundation

extension Pipeline {
    /// The whole pipeline: ingest `paths` (the bundled sample corpus when empty), build the
    /// co-topic graph, the topic map, the citation graph (or, without references, the mention
    /// graph) and the co-author graph, rank and cluster them, and write diagrams and reports
    /// under `outDir`.
    @discardableResult
    public func run(paths: [String], format: RecordFormat? = nil, outDir: String, build options: BuildOptions = BuildOptions(),
        render renderOptions: RenderOptions = RenderOptions()) throws -> ReportFiles
    {
        if paths.isEmpty { _ = try ingestSampleCorpus() } else { _ = try ingest(paths: paths, format: format) }
        let presence = try store.presence()
        // Mentions stand in for citations only where the corpus has no references; coupling and
        // co-citation grow quadratically with popular references, so they are built on request
        // (`citegraph build --graph coupling --graph cocitation`).
        let citationKind: GraphKind = presence.references ? .citation : .mention
        let companionKinds: [GraphKind] = presence.authors ? [citationKind, .coauthor] : [citationKind]
        // Reference resolution, the citation and co-author graphs and their rankings and
        // communities (the ones the report shows) are mostly serial SQLite work: they run on a
        // second thread while the key phrases and the co-topic graph keep the cores busy. The
        // store serialises the writes; every step keeps its parameters and seed. Paper
        // communities are labelled by key phrases, so the citation communities wait for them.
        let companion = Pipeline(store: store, progress: progress.companion())
        let termsStored = DispatchSemaphore(value: 0)
        let citationBranch = BackgroundWork {
            let counts = try companion.build(companionKinds, options: options)
            let shown = companionKinds.filter { $0 != .mention && (counts[$0] ?? 0) > 0 }
            for kind in shown {
                let (_, nodes, graph) = try companion.computeScores(graph: kind)
                // The co-author communities need no key phrases: found on the graph just
                // ranked. (The citation graph is read again after the wait rather than held
                // through the key phrases' memory peak.)
                if kind == .coauthor { try companion.communities(graph: .coauthor, loaded: (graph, nodes)) }
            }
            termsStored.wait()
            if shown.contains(.citation) { try companion.communities(graph: .citation) }
        }
        do {
            do {
                defer { termsStored.signal() }
                try build([.cotopic, .topics], options: options)
            }
            for kind in [GraphKind.cotopic, .topics] {
                let (_, nodes, graph) = try computeScores(graph: kind)
                try communities(graph: kind, loaded: (graph, nodes))
            }
        } catch {
            try? citationBranch.wait()
            throw error
        }
        try citationBranch.wait()
        return try report(outDir: outDir, options: renderOptions)
    }
}
