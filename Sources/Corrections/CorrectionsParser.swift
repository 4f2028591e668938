// Reads a corrections file: `corrections:` followed by a list of entries (or the bare list), each entry a
// mapping with one action key (reject, accept, amend, add, merge, split, alias) and optional by, date, reason.
// Anything it does not know is refused with its line and column, and the whole file with it.
import CorpusModel
import GuardedYAML
import Yams

public enum CorrectionsParser {
    static let actions = ["reject", "accept", "amend", "add", "merge", "split", "alias"]
    static let common = ["by", "date", "reason"]
    static let keysOf: [String: [String]] = [
        "reject": ["reject"], "accept": ["accept"], "amend": ["amend", "set"], "add": ["add"], "merge": ["merge", "into"], "alias": ["alias", "entity"],
        "split": ["split", "into", "names", "documents", "visits"],
    ]

    public static func parse(_ text: String, file: String) throws(CorrectionsError) -> [Correction] {
        let reader = NodeReader(file: file)
        let root = try compose(text, file: file)
        guard let root else { return [] }
        let list: Node
        if let map = root.mapping {
            for (key, _) in map where key.string != "corrections" {
                throw reader.error(key, "unknown key '\(key.string ?? "?")'\(Suggestion.hint(for: key.string ?? "", among: ["corrections"])): a corrections file holds one list, 'corrections'")
            }
            guard let value = map["corrections"] else { return [] }
            list = value
        } else {
            list = root
        }
        if case .scalar(let s) = list, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
        guard let items = list.sequence else { throw reader.error(list, "'corrections' must be a list of entries") }
        return try items.map { (item) throws(CorrectionsError) in try entry(item, reader) }
    }

    /// Yams's parse, its errors turned into ours with their line and column.
    static func compose(_ text: String, file: String) throws(CorrectionsError) -> Node? {
        do {
            return try GuardedYAML.compose(yaml: text)
        } catch let error as YAMLAliasError {
            throw CorrectionsError(file: file, line: error.line, column: error.column, message: error.message)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw CorrectionsError(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                throw CorrectionsError(file: file, line: context.mark.line, column: context.mark.column,
                                       message: "duplicated keys \(duplicates.joined(separator: ", "))")
            default:
                throw CorrectionsError(file: file, message: "malformed YAML: \(error)")
            }
        } catch {
            throw CorrectionsError(file: file, message: "malformed YAML: \(error)")
        }
    }

    static func entry(_ node: Node, _ reader: NodeReader) throws(CorrectionsError) -> Correction {
        guard let map = node.mapping else {
            throw reader.error(node, "an entry must be a mapping such as {reject: VISIT_ID, reason: ...}")
        }
        let keys = map.keys.compactMap(\.string)
        let found = keys.filter { actions.contains($0) }
        guard found.count == 1, let action = found.first else {
            if found.count > 1 { throw reader.error(node, "an entry does one thing; this one says \(found.joined(separator: " and "))") }
            let unknown = keys.first { !common.contains($0) } ?? ""
            throw reader.error(node, "an entry needs one of \(actions.joined(separator: ", "))\(Suggestion.hint(for: unknown, among: actions))")
        }
        let allowed = keysOf[action]! + common
        for (key, _) in map {
            guard let name = key.string, allowed.contains(name) else {
                throw reader.error(key, "unknown key '\(key.string ?? "?")' in a \(action) entry\(Suggestion.hint(for: key.string ?? "", among: allowed)); expected \(allowed.joined(separator: ", "))")
            }
        }
        return Correction(action: try CorrectionActionReader(map: map, reader: reader).read(action),
                          by: try reader.optionalText(map["by"], "by"), date: try reader.optionalText(map["date"], "date"),
                          reason: try reader.optionalText(map["reason"], "reason"), file: reader.file, line: node.mark?.line ?? 0)
    }
}
