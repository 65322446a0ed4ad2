import ArgumentParser
import CiteGraph

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write diagrams (OUT/graphs) and CSV summaries with an HTML overview (OUT/reports).",
        discussion: """
            Example:
              citegraph report --db corpus.sqlite --out results
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Directory receiving graphs/ and reports/.")
    var out: String = "."

    func run() throws {
        let files = try store.pipeline().report(outDir: out)
        for path in files.diagrams + files.tables + [files.html] { print("wrote \(path)") }
    }
}
