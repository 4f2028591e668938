// YAML with a guard against alias bombs ("billion laughs"): a few lines of anchors and aliases can stand
// for billions of nodes, and composing them (or comparing them as mapping keys) never ends. Before Yams
// composes a document, libyaml's event stream is read once to count the aliases and the nodes they
// expand to; past the limits the file is refused with the line of the alias that went too far. Every
// YAML file Dossier reads (the corpus manifest, batch plans) goes through `GuardedYAML.compose`.

import CYaml
import Yams

/// How far aliases may go in one file.
public struct YAMLAliasLimits: Sendable {
    /// Aliases (`*name`) in the file.
    public var aliases: Int
    /// Nodes of the document with every alias expanded.
    public var expandedNodes: Int

    public init(aliases: Int = 1_000, expandedNodes: Int = 100_000) {
        self.aliases = aliases
        self.expandedNodes = expandedNodes
    }

    public static let standard = YAMLAliasLimits()
}

/// A YAML file refused because its aliases go past the limits. Line and column are 1-based.
public struct YAMLAliasError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
}

public enum GuardedYAML {
    /// `Yams.compose(yaml:)` after checking the aliases. Throws `YAMLAliasError` past the limits, and
    /// Yams's own errors for malformed YAML. `resolver` tags plain scalars: `.basic` leaves every one a string
    /// (enough for a file read as strings, and it spares the regular expressions of `.default`, made on first use).
    public static func compose(yaml: String, limits: YAMLAliasLimits = .standard, resolver: Resolver = .default) throws -> Node? {
        if yaml.utf8.contains(UInt8(ascii: "*")) { try checkAliases(yaml, limits: limits) }
        return try Yams.compose(yaml: yaml, resolver)
    }

    /// Walks libyaml's events, sizing every anchored node, and adds up what each alias expands to.
    /// A syntax error ends the walk quietly: Yams reports it, with its position, when it composes.
    static func checkAliases(_ yaml: String, limits: YAMLAliasLimits) throws(YAMLAliasError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        var sizer = NodeSizer(limits: limits)
        try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLAliasError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let done = event.type == YAML_STREAM_END_EVENT
                let result = Result { () throws(YAMLAliasError) in try sizer.take(event) }
                yaml_event_delete(&event)
                try result.get()
                if done { return }
            }
        }
    }
}

/// The running sizes of the collections being read, and of every anchored node.
struct NodeSizer {
    let limits: YAMLAliasLimits
    var anchors: [String: Int] = [:]
    /// Open collections: their anchor and their size so far.
    var open: [(anchor: String?, size: Int)] = []
    var aliases = 0
    var expanded = 0

    init(limits: YAMLAliasLimits) { self.limits = limits }

    mutating func take(_ event: yaml_event_t) throws(YAMLAliasError) {
        let mark = event.start_mark
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
        case YAML_SCALAR_EVENT:
            try add(1, anchor: name(event.data.scalar.anchor), at: mark)
        case YAML_SEQUENCE_START_EVENT:
            open.append((name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT:
            open.append((name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = open.popLast() else { return }
            try add(closed.size, anchor: closed.anchor, at: mark, counted: true)
        case YAML_ALIAS_EVENT:
            aliases += 1
            if aliases > limits.aliases {
                throw refusal(mark, "more than \(limits.aliases) YAML aliases; refused (an alias bomb?)")
            }
            let size = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
            try add(size, anchor: nil, at: mark)
        default:
            break
        }
    }

    /// Adds a node of `size` to the collection that holds it. `counted`: a collection whose own nodes
    /// were counted as they came.
    private mutating func add(_ size: Int, anchor: String?, at mark: yaml_mark_t, counted: Bool = false) throws(YAMLAliasError) {
        if !counted { expanded += size } else { expanded += 1 }
        if expanded > limits.expandedNodes {
            throw refusal(mark, "YAML aliases expand to more than \(limits.expandedNodes) nodes; refused (an alias bomb?)")
        }
        if let anchor { anchors[anchor] = size }
        if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, Int.max / 4) }
    }

    private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func refusal(_ mark: yaml_mark_t, _ message: String) -> YAMLAliasError {
        YAMLAliasError(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
    }
}
