import ArgumentParser
import CiteGraph
import Foundation

@main
struct CiteGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citegraph",
        abstract: "Citation-graph analytics: paper records in, graphs, rankings and reports out.",
        discussion: """
            Quick start (the bundled sample corpus of five daily-papers pages):
              citegraph run
            Your own files, step by step:
              citegraph ingest savedrecs.txt --db corpus.sqlite
              citegraph build --graph cotopic --db corpus.sqlite
              citegraph rank --graph cotopic --top 20 --db corpus.sqlite
              citegraph communities --graph cotopic --db corpus.sqlite
              citegraph report --db corpus.sqlite --out .
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, IngestCommand.self, BuildCommand.self, RankCommand.self, CommunitiesCommand.self,
            RenderCommand.self, ReportCommand.self, ExportCommand.self, StatsCommand.self,
        ])

    /// Runs the command, printing errors of the library as "citegraph: error: …" with exit status 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LocalizedError {
            FileHandle.standardError.write(Data("citegraph: error: \(error.errorDescription ?? "\(error)")\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// Options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store: one SQLite file.", valueName: "path"))
    var db: String = "citegraph.sqlite"

    @Flag(name: .long, help: "No progress output on stderr.")
    var quiet = false

    func pipeline() throws -> Pipeline {
        try Pipeline(databasePath: db, progress: ProgressReporter(quiet: quiet))
    }
}

extension GraphKindArgument {
    static var helpList: String { GraphKindArgument.allCases.map(\.rawValue).joined(separator: ", ") }
}
