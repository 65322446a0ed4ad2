import CiteGraphCore
import CiteGraphExtract
import CiteGraphStore
import Foundation

extension Pipeline {
    /// The whole pipeline: ingest `paths` (the bundled sample corpus when empty), build every
    /// graph the data supports, rank and cluster the co-topic graph and the topic map, and
    /// write diagrams and reports under `outDir`.
    @discardableResult
    public func run(paths: [String], format: RecordFormat? = nil, outDir: String, build options: BuildOptions = BuildOptions(),
        render renderOptions: RenderOptions = RenderOptions()) throws -> ReportFiles
    {
        if paths.isEmpty { _ = try ingestSampleCorpus() } else { _ = try ingest(paths: paths, format: format) }
        let stats = try store.stats()
        var kinds: [GraphKind] = [.cotopic, .topics, .mention]
        if stats.references > 0 { kinds += [.citation, .coupling, .cocitation] }
        if stats.authors > 0 { kinds.append(.coauthor) }
        try build(kinds, options: options)
        for kind in [GraphKind.cotopic, .topics] {
            try rank(graph: kind)
            try communities(graph: kind)
        }
        if stats.references > 0 { try rank(graph: .citation) }
        return try report(outDir: outDir, options: renderOptions)
    }
}
