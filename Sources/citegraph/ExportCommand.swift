import ArgumentParser
import CiteGraph
import CiteGraphCore

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a graph for Gephi (GraphML, GEXF), Pajek, VOSviewer or as a CSV edge list.",
        discussion: """
            Nodes carry id, title, year, PageRank and community (computed first when missing).
            VOSviewer: FILE is the map file; the network file is written beside it as FILE-network.txt.

            Examples:
              citegraph export --graph cotopic --format gexf --out cotopic.gexf
              citegraph export --graph citation --format graphml --out citation.graphml
              citegraph export --graph topics --format vosviewer --out topics-map.txt
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Graph to export.")
    var graph: GraphKind

    @Option(help: "graphml, gexf, pajek, vosviewer or csv.")
    var format: ExportFormat

    @Option(help: "Output file.")
    var out: String

    func run() throws {
        for path in try store.pipeline().export(graph: graph, format: format, to: out) { print("wrote \(path)") }
    }
}
