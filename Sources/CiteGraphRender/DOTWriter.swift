import Foundation

/// Turns a `Diagram` into Graphviz DOT source text. Pure Swift: no Graphviz call.
///
/// What the text asks Graphviz for:
/// - circles filled by community from Paul Tol's colour-blind-safe "light" qualitative
///   palette (cycled when there are more communities than colours; pale grey for none),
/// - node area proportional to `size` (width = `maxNodeWidth`·√(size / largest size),
///   never below `minNodeWidth` so that every node stays visible),
/// - `fixedsize=shape`, so labels may overflow the circle but still count for overlap
///   removal (`overlap=prism` for neato and sfdp),
/// - edge pen width linear in weight between `minPenWidth` and `maxPenWidth`,
///   `outputorder=edgesfirst` so edges never hide nodes,
/// - the title (and the legend, one colour swatch per community) as an HTML-like graph
///   label at the top,
/// - for `dot`, bounded network-simplex and crossing-minimisation work
///   (`nslimit`, `nslimit1`, `mclimit`, `searchsize`).
///
/// Node ids never reach Graphviz: nodes are named `n0`, `n1`… in diagram order, so any id
/// is safe. Every label, tooltip and legend text is escaped for its DOT context (quoted
/// escString or HTML-like label); Graphviz in turn escapes it again in SVG, so text such as
/// `<script>` comes out as `&lt;script&gt;`.
public struct DOTWriter: Sendable {
    /// Characters per label line before wrapping.
    public var labelWidth: Int = 22
    /// Label lines kept; the last one ends in "…" when more text would follow.
    public var maxLabelLines: Int = 3
    /// Diameter (inches) of the largest node.
    public var maxNodeWidth: Double = 1.6
    /// Smallest diameter (inches) any node is drawn with.
    public var minNodeWidth: Double = 0.2
    /// Pen width (points) of the lightest edge.
    public var minPenWidth: Double = 0.4
    /// Pen width (points) of the heaviest edge.
    public var maxPenWidth: Double = 4
    /// Font list; Graphviz/cairo and SVG viewers both take the first one available.
    public var fontName: String = "Helvetica,Arial,sans-serif"
    /// Node label font size (points).
    public var fontSize: Double = 9
    /// Legend labels longer than this are cut with "…".
    public var legendLabelLimit: Int = 60

    /// Paul Tol's "light" qualitative scheme without its pale grey (which marks "no
    /// community"): distinct for colour-blind readers and light enough for black text.
    /// Source: Paul Tol, "Colour Schemes", SRON/EPS/TN/09-002, §2 (2021).
    public static let palette: [String] = [
        "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
    ]
    /// Fill for nodes without a community.
    public static let noCommunityColor = "#DDDDDD"

    /// The fill colour of `community`: palette colours in turn, repeating past the end;
    /// grey for `nil`. Negative numbers wrap like positive ones.
    public static func color(forCommunity community: Int?) -> String {
        guard let community else { return noCommunityColor }
        let n = palette.count
        return palette[((community % n) + n) % n]
    }

    /// Creates a writer with the default styling.
    public init() {}

    /// The DOT text for `diagram`.
    /// - Throws: `RenderError.invalidDiagram` when `diagram.validate()` fails.
    /// - Complexity: O(n + m + total text length).
    public func write(_ diagram: Diagram) throws -> String {
        try diagram.validate()
        var out = ""
        out.reserveCapacity(256 + diagram.nodes.count * 160 + diagram.edges.count * 64)
        let arrow = diagram.directed ? "->" : "--"
        out += diagram.directed ? "digraph citegraph {\n" : "graph citegraph {\n"

        // Graph-wide attributes.
        let font = TextEscaping.dotQuoted(fontName)
        var graphAttrs = [
            "layout=\(diagram.layout.rawValue)", "charset=\"UTF-8\"", "outputorder=edgesfirst",
            "fontname=\(font)", "fontsize=12", "bgcolor=\"white\"", "pad=0.3", "labelloc=t", "labeljust=c",
            "label=\(titleLabel(diagram))",
        ]
        switch diagram.layout {
        case .sfdp, .neato:
            graphAttrs += ["overlap=prism", "splines=false"]
            if diagram.layout == .neato { graphAttrs.append("start=1") }
        case .dot:
            graphAttrs += [
                "nslimit=2", "nslimit1=2", "mclimit=0.5", "searchsize=30", "ranksep=0.6", "nodesep=0.15",
                "remincross=false",
            ]
        }
        out += "  graph [\(graphAttrs.joined(separator: ", "))];\n"
        out += "  node [shape=circle, style=filled, fixedsize=shape, color=\"#555555\", penwidth=0.6, "
            + "fontname=\(font), fontsize=\(number(fontSize))];\n"
        out += "  edge [color=\"#55555577\", arrowsize=0.5];\n"

        // Nodes.
        var name: [String: Int] = [:]
        name.reserveCapacity(diagram.nodes.count)
        let largest = diagram.nodes.lazy.map(\.size).max() ?? 0
        for (i, node) in diagram.nodes.enumerated() {
            name[node.id] = i
            let lines = TextEscaping.wrap(node.label, width: labelWidth, maxLines: maxLabelLines)
            // Escape each line, then join with DOT's own line break.
            let label = "\"" + lines.map { String(TextEscaping.dotQuoted($0).dropFirst().dropLast()) }
                .joined(separator: "\\n") + "\""
            let tip = TextEscaping.dotQuoted(node.tooltip.isEmpty ? node.label : node.tooltip)
            let width = max(minNodeWidth, largest > 0 ? maxNodeWidth * (node.size / largest).squareRoot() : minNodeWidth)
            out += "  n\(i) [label=\(label), tooltip=\(tip), width=\(number(width)), "
                + "fillcolor=\"\(Self.color(forCommunity: node.community))\"];\n"
        }

        // Edges.
        let heaviest = diagram.edges.lazy.map(\.weight).max() ?? 0
        for edge in diagram.edges {
            let s = name[edge.source]!, t = name[edge.target]!
            let pen = heaviest > 0 ? minPenWidth + (maxPenWidth - minPenWidth) * edge.weight / heaviest : minPenWidth
            let tip = TextEscaping.dotQuoted("\(edge.source) \(diagram.directed ? "→" : "—") \(edge.target) (\(number(edge.weight)))")
            out += "  n\(s) \(arrow) n\(t) [penwidth=\(number(pen)), tooltip=\(tip)];\n"
        }
        out += "}\n"
        return out
    }

    /// The graph label: an HTML-like table with the title and one row per legend entry.
    private func titleLabel(_ diagram: Diagram) -> String {
        var html = "<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">"
        html += "<tr><td colspan=\"2\"><font point-size=\"16\"><b>\(TextEscaping.dotHTML(diagram.title))</b></font></td></tr>"
        for entry in diagram.legend {
            let text = TextEscaping.dotHTML(TextEscaping.truncated(TextEscaping.collapseWhitespace(entry.label), to: legendLabelLimit))
            html += "<tr><td bgcolor=\"\(Self.color(forCommunity: entry.community))\" width=\"12\" height=\"12\" "
                + "fixedsize=\"true\"></td><td align=\"left\"><font point-size=\"10\">\(text)</font></td></tr>"
        }
        html += "</table>>"
        return html
    }

    /// A decimal number with at most 3 fraction digits, never in exponent form.
    private func number(_ x: Double) -> String {
        var s = String(format: "%.3f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
