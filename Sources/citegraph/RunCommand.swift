import ArgumentParser
import CiteGraph
import CiteGraphExtract
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The whole pipeline: ingest, build graphs, rank, find communities, write diagrams and reports.",
        discussion: """
            With no FILE, runs on the bundled sample corpus (five daily-papers pages).
            Writes OUT/graphs/{cotopic,topics}.{svg,png,dot} (and citation/coauthor when they
            have edges) and OUT/reports/{papers,communities,topics,edges}.csv and index.html.

            Examples:
              citegraph run
              citegraph run savedrecs.txt scopus.csv --db corpus.sqlite --out results
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Record files; none: the bundled sample corpus.")
    var files: [String] = []

    @Option(help: "Directory receiving graphs/ and reports/.")
    var out: String = "."

    @Option(help: "Reader to use instead of sniffing the content.")
    var format: RecordFormat?

    @Option(help: "Nodes per diagram, by PageRank.")
    var top: Int = 200

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let pipeline = try store.pipeline()
        let files = try pipeline.run(paths: self.files, format: format, outDir: out, render: RenderOptions(top: top))
        let stats = try pipeline.stats()
        print("\(stats.papers) papers from \(stats.sources) records in \(stats.files) file(s); store: \(store.db)")
        for path in files.diagrams + files.tables + [files.html] { print("wrote \(path)") }
    }
}
