// Reading `dossier.yaml` with Yams, keeping each node's line so every mistake is reported as
// `dossier.yaml:LINE:COLUMN: message`, with a "did you mean" for a mistyped key or format.

import CorpusModel
import Foundation
import ScriptingAPI
import Yams

/// A workspace file refused: every problem found, each with its file, line and column.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible, Equatable {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

extension Workspace {
    /// Reads and checks a workspace file.
    public static func load(_ file: URL) throws -> Workspace {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw WorkspaceError(problems: ["\(file.path): cannot read: \(error.localizedDescription)"])
        }
        return try parse(text, file: file)
    }

    /// Checks a workspace file's text; `file` names it in messages and anchors its relative paths.
    public static func parse(_ text: String, file: URL) throws -> Workspace {
        var reader = WorkspaceReader(file: file)
        let workspace = reader.read(text)
        if !reader.problems.isEmpty { throw WorkspaceError(problems: reader.problems) }
        return workspace
    }
}

/// Every YAML document Dossier reads from a user goes through one function, so a guarded loader (limits on
/// aliases and size) can take its place in one edit.
enum WorkspaceYAML {
    static func compose(_ text: String) throws -> Node? { try Yams.compose(yaml: text) }
}

struct WorkspaceReader {
    let file: URL
    var problems: [String] = []

    init(file: URL) { self.file = file }

    mutating func problem(_ node: Node?, _ message: String) {
        let place = node?.mark.map { "\(file.path):\($0.line):\($0.column)" } ?? file.path
        problems.append("\(place): \(message)")
    }

    mutating func read(_ text: String) -> Workspace {
        var workspace = Workspace(file: file)
        let root: Node?
        do { root = try WorkspaceYAML.compose(text) } catch {
            problems.append("\(file.path):\(Self.describe(error))")
            return workspace
        }
        guard let root else { return workspace } // an empty file: every default
        guard let top = root.mapping else {
            problem(root, "a workspace is a mapping of \(Workspace.keys.joined(separator: ", "))")
            return workspace
        }
        for (keyNode, value) in top {
            guard let key = keyNode.string else { problem(keyNode, "keys must be text"); continue }
            switch key {
            case "corpus": workspace.corpus = strings(value, key)
            case "plugins": workspace.plugins = strings(value, key)
            case "gazetteer": workspace.gazetteer = strings(value, key)
            case "overlays": workspace.overlays = strings(value, key)
            case "corrections": workspace.corrections = strings(value, key)
            case "extractors": workspace.extractors = strings(value, key)
            case "cache":
                if value.null != nil { continue }
                if let s = value.scalar?.string, !s.isEmpty { workspace.cache = s } else { problem(value, "'cache' takes one folder") }
            case "formats":
                workspace.formats = strings(value, key)
                for name in workspace.formats where !Workspace.formatNames.contains(name) {
                    problem(value, "unknown format '\(name)'\(Suggestion.hint(for: name, among: Workspace.formatNames)); formats are \(Workspace.formatNames.joined(separator: ", "))")
                }
            default:
                problem(keyNode, "unknown key '\(key)'\(Suggestion.hint(for: key, among: Workspace.keys)); a workspace has \(Workspace.keys.joined(separator: ", "))")
            }
        }
        return workspace
    }

    /// A list of non-empty strings, or one string standing for a list of one.
    mutating func strings(_ node: Node, _ key: String) -> [String] {
        if node.null != nil { return [] }
        if let s = node.scalar?.string {
            guard !s.isEmpty else { problem(node, "'\(key)' takes a folder or a list of them"); return [] }
            return [s]
        }
        guard let items = node.sequence else {
            problem(node, "'\(key)' takes a folder or a list of them")
            return []
        }
        var out: [String] = []
        for item in items {
            if let s = item.scalar?.string, !s.isEmpty { out.append(s) } else { problem(item, "'\(key)' items are non-empty text") }
        }
        return out
    }

    static func describe(_ error: Error) -> String {
        guard let yaml = error as? YamlError else { return " malformed YAML: \(error)" }
        switch yaml {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "\(mark.line):\(mark.column): malformed YAML: \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            return "\(context.mark.line):\(context.mark.column): a key appears twice: \(duplicates.joined(separator: ", "))"
        default:
            return " malformed YAML: \(yaml)"
        }
    }
}
