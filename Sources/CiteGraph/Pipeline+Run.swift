import CiteGraphCore
import CiteGraphExtract
import CiteGraphStore
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
        let stats = try store.stats()
        // Mentions stand in for citations only where the corpus has no references; coupling and
        // co-citation grow quadratically with popular references, so they are built on request
        // (`citegraph build --graph coupling --graph cocitation`).
        var kinds: [GraphKind] = [.cotopic, .topics]
        kinds.append(stats.references > 0 ? .citation : .mention)
        if stats.authors > 0 { kinds.append(.coauthor) }
        try build(kinds, options: options)
        for kind in [GraphKind.cotopic, .topics] {
            _ = try computeScores(graph: kind)
            try communities(graph: kind)
        }
        if stats.references > 0 { _ = try computeScores(graph: .citation) }
        return try report(outDir: outDir, options: renderOptions)
    }
}
