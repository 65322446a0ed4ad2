import ArgumentParser
import CiteGraph
import CiteGraphCore
import CiteGraphRender

extension Layout: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a graph with Graphviz (in-process): SVG, PNG, PDF or DOT.",
        discussion: """
            Keeps the --top nodes by PageRank (node area), coloured by community with a legend.
            Ranks and communities are computed first when missing.

            Examples:
              citegraph render --graph cotopic
              citegraph render --graph topics --top 80 --layout neato --format pdf --out topics.pdf
              citegraph render --graph cotopic --community 2 --format png
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Graph to draw.")
    var graph: GraphKind

    @Option(help: "Nodes kept, by PageRank.")
    var top: Int = 200

    @Option(help: "sfdp, neato or dot (default: sfdp beyond ~100 nodes, neato below).")
    var layout: Layout?

    @Option(help: "svg, png, pdf or dot.")
    var format: RenderFormat = .svg

    @Option(help: "Output file (default: graphs/KIND.FORMAT, or graphs/KIND-community-C.FORMAT).")
    var out: String?

    @Option(help: "Draw only this community (see `citegraph communities`).")
    var community: Int?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let name = community.map { "\(graph.rawValue)-community-\($0)" } ?? graph.rawValue
        let path = out ?? "graphs/\(name).\(format.fileExtension)"
        if out == nil { try FileManager.default.createDirectory(atPath: "graphs", withIntermediateDirectories: true) }
        try store.pipeline().render(graph: graph, options: { var o = RenderOptions(top: top, layout: layout); o.community = community; return o }(), format: format, to: path)
        print("wrote \(path)")
    }
}

import Foundation
