import Foundation

/// The sample corpus bundled with citegraph: five daily-papers pages.
public enum BundledSample {
    /// Paths of the bundled pages, sorted.
    /// - Throws: `PipelineError.sampleCorpusMissing` when the resource bundle is absent.
    public static func files() throws -> [String] {
        guard let url = Bundle.module.url(forResource: "SampleCorpus", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { throw PipelineError.sampleCorpusMissing }
        let files = names.filter { $0.hasSuffix(".txt") }.sorted().map { url.appendingPathComponent($0).path }
        if files.isEmpty { throw PipelineError.sampleCorpusMissing }
        return files
    }
}
