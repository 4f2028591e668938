// Reports: the data a plugin produces. A report is a title and a list of blocks (headings, paragraphs,
// lists, tables, charts, notes); the host renders it (see Render.swift). Every type here is a plain
// value: Sendable, Equatable and Codable, so the JSON output of a report *is* the model.

import Foundation

/// A report produced by a plugin: what to show (`blocks`) and how it was made (`provenance`).
public struct Report: Sendable, Equatable, Codable {
    /// The report's title, rendered as the top-level heading.
    public var title: String
    /// An optional line under the title.
    public var subtitle: String?
    /// The content, in order.
    public var blocks: [Block]
    /// How the report was made, so that it can be reproduced; `nil` for ad-hoc reports.
    public var provenance: Provenance?
    /// The visits and events behind the report's rows and bars, each once (see `Table.evidence`).
    public var evidence: [EvidenceItem]?

    public init(title: String, subtitle: String? = nil, blocks: [Block] = [], provenance: Provenance? = nil,
                evidence: [EvidenceItem]? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
        self.provenance = provenance
        self.evidence = evidence
    }

    /// Checks every block (see `Block.validate()`); useful for a report that did not come from a
    /// `ReportBuilder`, e.g. one decoded from JSON.
    public func validate() throws(ReportError) {
        for (index, block) in blocks.enumerated() {
            do {
                try block.validate()
            } catch {
                throw ReportError("block \(index + 1) (\(block.kindName)): \(error.message)")
            }
        }
    }

    /// The tables of the report, in order.
    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// The charts of the report, in order.
    public var charts: [Chart] {
        blocks.compactMap { if case .chart(let c) = $0 { c } else { nil } }
    }
}

/// What is needed to reproduce a report: which plugin, with which parameters, over which corpus.
public struct Provenance: Sendable, Equatable, Codable {
    /// The plugin's name, e.g. `visits-per-decade`.
    public var plugin: String
    /// The plugin's declared version.
    public var pluginVersion: String
    /// The parameters the plugin ran with, after defaults were applied. Encoded with sorted keys and
    /// iterated in key order by every renderer (see `sortedParams`), so output is stable.
    public var params: [String: String]
    /// A hash identifying the corpus the report was computed from.
    public var corpusHash: String
    /// The Dossier version that produced the report.
    public var dossierVersion: String
    /// When the report was generated, as an ISO 8601 date-time (e.g. `2026-11-23T18:40:00Z`).
    public var generatedAt: String
    /// How many of the analyst's corrections the model had applied (docs/corrections.md); nil or 0: none,
    /// and the footers say nothing of them.
    public var correctionsApplied: Int?

    public init(plugin: String, pluginVersion: String, params: [String: String] = [:], corpusHash: String,
                dossierVersion: String, generatedAt: String) {
        self.plugin = plugin
        self.pluginVersion = pluginVersion
        self.params = params
        self.corpusHash = corpusHash
        self.dossierVersion = dossierVersion
        self.generatedAt = generatedAt
    }

    /// The same, with `generatedAt` formatted from a `Date` (ISO 8601, UTC, whole seconds).
    public init(plugin: String, pluginVersion: String, params: [String: String] = [:], corpusHash: String,
                dossierVersion: String, generatedAt date: Date) {
        self.init(plugin: plugin, pluginVersion: pluginVersion, params: params, corpusHash: corpusHash,
                  dossierVersion: dossierVersion, generatedAt: Self.internetDateTime(date))
    }

    /// `2026-11-23T18:40:00Z`: the C library's calendar and `strftime` (Foundation's formatters start ICU, a few
    /// milliseconds of every command that writes a report).
    static func internetDateTime(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)), parts = tm()
        gmtime_r(&seconds, &parts)
        var text = [CChar](repeating: 0, count: 64)
        let length = strftime(&text, text.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: text[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The parameters in key order (the stable order used by every renderer).
    public var sortedParams: [(key: String, value: String)] {
        params.sorted { $0.key < $1.key }
    }

    /// "3 corrections applied".
    public static func correctionsPhrase(_ n: Int) -> String { n == 1 ? "1 correction applied" : "\(n) corrections applied" }
}

/// The kind of a note: plain information or a warning the reader should not miss.
public enum NoteKind: String, Sendable, Equatable, Codable, CaseIterable {
    case info
    case warning
}

/// One piece of a report's content.
///
/// Encoded as a JSON object with a `type` field naming the case and the case's fields beside it, e.g.
/// `{"type": "heading", "level": 1, "text": "Visits"}` or `{"type": "table", "table": {...}}`.
public enum Block: Sendable, Equatable, Codable {
    /// A section heading; `level` is 1 (section) to 3 (sub-sub-section). The report title sits above
    /// level 1 (in Markdown and HTML a level-1 heading is `##` / `<h2>`).
    case heading(level: Int, text: String)
    /// A paragraph of plain text (not Markdown: renderers escape it).
    case paragraph(String)
    /// A bulleted (`ordered == false`) or numbered list of plain-text items.
    case list(items: [String], ordered: Bool)
    /// A table of typed cells.
    case table(Table)
    /// A bar or line chart.
    case chart(Chart)
    /// A remark set apart from the text: information or a warning.
    case note(String, kind: NoteKind)

    /// The name of the case, as used in the JSON `type` field and in error messages.
    public var kindName: String {
        switch self {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .list: "list"
        case .table: "table"
        case .chart: "chart"
        case .note: "note"
        }
    }

    /// Checks the block's invariants: heading level 1-3 with text, and the table and chart checks.
    public func validate() throws(ReportError) {
        switch self {
        case .heading(let level, let text):
            guard (1...3).contains(level) else {
                throw ReportError("heading level must be 1, 2 or 3, got \(level)")
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ReportError("heading text is empty")
            }
        case .paragraph, .list, .note:
            break
        case .table(let table):
            try table.validate()
        case .chart(let chart):
            try chart.validate()
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, level, text, items, ordered, table, chart, kind
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "heading":
            self = .heading(level: try c.decode(Int.self, forKey: .level), text: try c.decode(String.self, forKey: .text))
        case "paragraph":
            self = .paragraph(try c.decode(String.self, forKey: .text))
        case "list":
            self = .list(items: try c.decode([String].self, forKey: .items),
                         ordered: try c.decodeIfPresent(Bool.self, forKey: .ordered) ?? false)
        case "table":
            self = .table(try c.decode(Table.self, forKey: .table))
        case "chart":
            self = .chart(try c.decode(Chart.self, forKey: .chart))
        case "note":
            self = .note(try c.decode(String.self, forKey: .text),
                         kind: try c.decodeIfPresent(NoteKind.self, forKey: .kind) ?? .info)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown block type \"\(type)\"; expected heading, paragraph, list, table, chart or note")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kindName, forKey: .type)
        switch self {
        case .heading(let level, let text):
            try c.encode(level, forKey: .level)
            try c.encode(text, forKey: .text)
        case .paragraph(let text):
            try c.encode(text, forKey: .text)
        case .list(let items, let ordered):
            try c.encode(items, forKey: .items)
            try c.encode(ordered, forKey: .ordered)
        case .table(let table):
            try c.encode(table, forKey: .table)
        case .chart(let chart):
            try c.encode(chart, forKey: .chart)
        case .note(let text, let kind):
            try c.encode(text, forKey: .text)
            try c.encode(kind, forKey: .kind)
        }
    }
}

/// A problem in report data, with a message a plugin author can act on: what is wrong, where
/// (1-based row and cell numbers, as in Lua), and what was expected.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
