// Values of a corrections file read from YAML nodes, each refused with its line and column when of the wrong form.
import CorpusModel
import Yams

struct NodeReader {
    let file: String

    func error(_ node: Node, _ message: String) -> CorrectionsError {
        CorrectionsError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// A single value (a scalar), as written.
    func text(_ node: Node?, _ name: String, in context: Node) throws(CorrectionsError) -> String {
        guard let node else { throw error(context, "'\(name)' is missing") }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, "'\(name)' must be a single value")
        }
        return scalar.string
    }

    func optionalText(_ node: Node?, _ name: String) throws(CorrectionsError) -> String? {
        guard let node else { return nil }
        return try text(node, name, in: node)
    }

    /// One value or a list of values, as written.
    func texts(_ node: Node, _ name: String) throws(CorrectionsError) -> [String] {
        guard let items = node.sequence else { return [try text(node, name, in: node)] }
        if items.isEmpty { throw error(node, "'\(name)' is an empty list") }
        var out: [String] = []
        for item in items { out.append(try text(item, name, in: item)) }
        return out
    }

    /// An ISO date: "2019", "2019-02" or "2019-02-26".
    func date(_ node: Node, _ name: String) throws(CorrectionsError) -> PartialDate {
        let value = try text(node, name, in: node)
        guard let date = PartialDate(iso: value) else {
            throw error(node, "'\(name)' must be an ISO date such as 2019, 2019-02 or 2019-02-26, not '\(value)'")
        }
        return date
    }

    /// A date, or nothing for `null` / `~` (to clear it).
    func optionalDate(_ node: Node, _ name: String) throws(CorrectionsError) -> PartialDate? {
        if case .scalar(let s) = node, ["null", "~", ""].contains(s.string) { return nil }
        return try date(node, name)
    }

    /// One of an enumeration's raw values, with a "did you mean".
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ name: String, _: T.Type) throws(CorrectionsError) -> T
        where T.RawValue == String {
        let value = try text(node, name, in: node)
        if let found = T(rawValue: value) { return found }
        let names = T.allCases.map(\.rawValue)
        throw error(node, "'\(name)' must be one of \(names.joined(separator: ", ")), not '\(value)'\(Suggestion.hint(for: value, among: names))")
    }

    /// A whole number from 1.
    func number(_ node: Node, _ name: String) throws(CorrectionsError) -> Int {
        let value = try text(node, name, in: node)
        guard let n = Int(value), n >= 1 else { throw error(node, "'\(name)' must be a whole number from 1, not '\(value)'") }
        return n
    }

    /// A mapping whose keys are all among `allowed`.
    func mapping(_ node: Node, _ name: String, allowed: [String]) throws(CorrectionsError) -> Node.Mapping {
        guard let map = node.mapping else { throw error(node, "'\(name)' must be a mapping of \(allowed.joined(separator: ", "))") }
        for (key, _) in map {
            guard let k = key.string, allowed.contains(k) else {
                throw error(key, "unknown key '\(key.string ?? "?")' in '\(name)'\(Suggestion.hint(for: key.string ?? "", among: allowed)); expected \(allowed.joined(separator: ", "))")
            }
        }
        return map
    }
}
