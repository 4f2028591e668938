// The JSON text of a report without `JSONEncoder`: the same bytes (pretty-printed, keys sorted by their UTF-8
// bytes, slashes left as they are), made by walking the report's types and printing the tree as Foundation's writer
// does. On a warm run of a report plugin, `JSONEncoder` was about 6% of the process's CPU time, most of it the first
// use of its generic containers and of each type's synthesized `encode(to:)` (each first instantiation of a generic
// type searches the binary's conformance records); a plain `Encoder` of our own still paid the second part.
//
// The members written here are those the types' `Codable` conformances write (synthesized ones omit a nil optional).
// `JSONTextTests` compares the two on every kind of block with every optional field set and on odd strings and
// numbers, and lists each type's stored properties, so that a field added to a report type fails a test until it is
// written here too. A number that is not finite makes `encode` throw, and the renderer then uses `JSONEncoder`,
// which reports it.

import JSONOutput

enum JSONText {
    /// The text `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes for `report`.
    static func encode(_ report: Report) throws -> String {
        var writer = JSONTextWriter()
        writer.bytes.reserveCapacity(64 * 1024)
        try writer.write(try report.jsonNode())
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A number `JSONEncoder` would refuse: left to it.
    struct Unsupported: Error {}
}

/// A JSON value. An object's members are written in the order of their keys' bytes, whatever their order here.
enum JSONNode {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])

    /// The members whose value is not nil (a nil optional is left out, as synthesized `Codable` leaves it).
    static func members(_ members: [(String, JSONNode?)]) -> JSONNode {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    static func integer(_ value: Int) -> JSONNode { .number(String(value)) }

    /// `JSONEncoder`'s text of a finite `Double`: its description, without a trailing ".0".
    static func number(_ value: Double) throws -> JSONNode {
        guard value.isFinite else { throw JSONText.Unsupported() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    static func strings(_ values: [String]) -> JSONNode { .array(values.map { .string($0) }) }
    static func integers(_ values: [Int]) -> JSONNode { .array(values.map { .integer($0) }) }
}

extension Report {
    func jsonNode() throws -> JSONNode {
        .members([("title", .string(title)), ("subtitle", subtitle.map { .string($0) }),
                  ("blocks", .array(try blocks.map { try $0.jsonNode() })), ("provenance", provenance?.jsonNode()),
                  ("evidence", evidence.map { .array($0.map { $0.jsonNode() }) })])
    }
}

extension Block {
    /// `type` naming the case, and the case's fields beside it (`Block.encode(to:)`).
    func jsonNode() throws -> JSONNode {
        var members: [(String, JSONNode?)] = [("type", .string(kindName))]
        switch self {
        case .heading(let level, let text): members += [("level", .integer(level)), ("text", .string(text))]
        case .paragraph(let text): members += [("text", .string(text))]
        case .list(let items, let ordered): members += [("items", .strings(items)), ("ordered", .bool(ordered))]
        case .table(let table): members += [("table", try table.jsonNode())]
        case .chart(let chart): members += [("chart", try chart.jsonNode())]
        case .note(let text, let kind): members += [("text", .string(text)), ("kind", .string(kind.rawValue))]
        }
        return .members(members)
    }
}

extension Table {
    func jsonNode() throws -> JSONNode {
        .members([("title", title.map { .string($0) }), ("columns", .array(columns.map { $0.jsonNode() })),
                  ("rows", .array(try rows.map { .array(try $0.map { try $0.jsonNode() }) })),
                  ("evidence", evidence.map { .array($0.map { .strings($0) }) }),
                  ("evidenceTotals", evidenceTotals.map { .integers($0) })])
    }
}

extension Column {
    func jsonNode() -> JSONNode {
        .members([("key", .string(key)), ("title", .string(title)), ("kind", .string(kind.rawValue))])
    }
}

extension Cell {
    /// A plain value (`Cell.encode(to:)`).
    func jsonNode() throws -> JSONNode {
        switch self {
        case .text(let text): .string(text)
        case .integer(let value): .integer(value)
        case .number(let value): try .number(value)
        case .null: .null
        }
    }
}

extension Chart {
    func jsonNode() throws -> JSONNode {
        .members([("type", .string(type.rawValue)), ("title", .string(title)), ("xLabel", xLabel.map { .string($0) }),
                  ("yLabel", yLabel.map { .string($0) }), ("categories", .strings(categories)),
                  ("series", .array(try series.map { try $0.jsonNode() })), ("stacked", stacked.map { .bool($0) }),
                  ("evidence", evidence.map { .array($0.map { .array($0.map { .strings($0) }) }) }),
                  ("evidenceTotals", evidenceTotals.map { .array($0.map { .integers($0) }) })])
    }
}

extension Series {
    func jsonNode() throws -> JSONNode {
        .members([("name", .string(name)), ("values", .array(try values.map { try $0.map { try .number($0) } ?? .null }))])
    }
}

extension Provenance {
    func jsonNode() -> JSONNode {
        .members([("plugin", .string(plugin)), ("pluginVersion", .string(pluginVersion)),
                  ("params", .object(params.map { ($0.key, .string($0.value)) })), ("corpusHash", .string(corpusHash)),
                  ("dossierVersion", .string(dossierVersion)), ("generatedAt", .string(generatedAt)),
                  ("correctionsApplied", correctionsApplied.map { .integer($0) })])
    }
}

extension EvidenceItem {
    func jsonNode() -> JSONNode {
        .members([("id", .string(id)), ("label", .string(label)), ("sentences", .array(sentences.map { $0.jsonNode() }))])
    }
}

extension EvidenceSentence {
    func jsonNode() -> JSONNode {
        .members([("text", .string(text)), ("source", .string(source)), ("url", url.map { .string($0) }),
                  ("highlights", .array(highlights.map { .members([("start", .integer($0.start)), ("end", .integer($0.end))]) }))])
    }
}

/// Prints a tree as Foundation's JSON writer does with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes`:
/// two spaces per level, `"key" : value`, members in the order of their keys' UTF-8 bytes, an empty container as
/// its brackets around an empty line.
struct JSONTextWriter {
    var bytes: [UInt8] = []
    private var indent = 0
    /// Foundation refuses containers nested this deep.
    static let maximumDepth = 512

    mutating func write(_ node: JSONNode, depth: Int = 0) throws {
        switch node {
        case .string(let text): writeString(text)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let items):
            guard depth + 1 < Self.maximumDepth else { throw JSONText.Unsupported() }
            open(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(contentsOf: ",\n".utf8) }
                writeIndent()
                try write(item, depth: depth + 1)
            }
            close(UInt8(ascii: "]"))
        case .object(let members):
            guard depth + 1 < Self.maximumDepth else { throw JSONText.Unsupported() }
            open(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { bytes.append(contentsOf: ",\n".utf8) }
                writeIndent()
                writeString(member.key)
                bytes.append(contentsOf: " : ".utf8)
                try write(member.value, depth: depth + 1)
            }
            close(UInt8(ascii: "}"))
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        indent += 1
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        bytes.append(bracket)
    }

    private mutating func writeIndent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// A string in quotes, escaped as JSONEncoder escapes it (`JSONString`).
    mutating func writeString(_ text: String) { JSONString.append(text, to: &bytes) }
}
