// The action of one entry: its key's value and its companion keys (`set`, `into`, `entity`) read into a
// `CorrectionAction`.
import CorpusModel
import Yams

struct CorrectionActionReader {
    let map: Node.Mapping
    let reader: NodeReader
    static let amendable = ["start", "end", "destination", "city", "kind", "level", "status", "visitor"]
    static let visitFields = ["visitor", "destination", "start", "end", "city", "kind", "level", "status", "document", "sentence", "quote"]

    func read(_ action: String) throws(CorrectionsError) -> CorrectionAction {
        let value = map[action]!
        switch action {
        case "reject": return .reject(try reference(value, action))
        case "accept": return .accept(try reference(value, action))
        case "amend":
            guard let set = map["set"] else { throw reader.error(value, "an amend entry needs 'set', the fields to change") }
            return .amend(try reference(value, action), try changes(set))
        case "add": return .add(try visit(value))
        case "merge":
            let person = try reader.text(value, "merge", in: value)
            return .merge(person: person, into: try reader.text(map["into"], "into", in: value))
        case "split": return .split(try split(value))
        default:
            let alias = try reader.text(value, "alias", in: value)
            return .alias(alias, entity: try reader.text(map["entity"], "entity", in: value))
        }
    }

    /// An id, or {visitor, destination, date}.
    func reference(_ node: Node, _ action: String) throws(CorrectionsError) -> FactReference {
        if case .scalar = node { return .id(try reader.text(node, action, in: node)) }
        let fields = try reader.mapping(node, action, allowed: ["visitor", "destination", "date"])
        return .visit(visitor: try reader.text(fields["visitor"], "visitor", in: node),
                      destination: try reader.text(fields["destination"], "destination", in: node).uppercased(),
                      date: try reader.date(try required(fields["date"], "date", node), "date"))
    }

    func changes(_ node: Node) throws(CorrectionsError) -> [FieldChange] {
        let fields = try reader.mapping(node, "set", allowed: Self.amendable)
        var out: [FieldChange] = []
        for (key, value) in fields {
            let name = key.string!
            switch name {
            case "start": out.append(.start(try reader.optionalDate(value, name)))
            case "end": out.append(.end(try reader.optionalDate(value, name)))
            case "destination": out.append(.destination(try reader.text(value, name, in: value).uppercased()))
            case "city":
                if case .scalar(let s) = value, ["null", "~"].contains(s.string) { out.append(.city(nil)) } else {
                    out.append(.city(try reader.text(value, name, in: value)))
                }
            case "kind": out.append(.kind(try reader.choice(value, name, VisitKind.self)))
            case "level": out.append(.level(try reader.choice(value, name, Level.self)))
            case "status": out.append(.status(try reader.choice(value, name, VisitStatus.self)))
            default: out.append(.visitor(try reader.text(value, name, in: value)))
            }
        }
        if out.isEmpty { throw reader.error(node, "'set' names no field to change") }
        return out
    }

    func visit(_ node: Node) throws(CorrectionsError) -> VisitToAdd {
        let f = try reader.mapping(node, "add", allowed: Self.visitFields)
        let source: SourceSentence
        switch (f["sentence"], f["quote"]) {
        case (let n?, nil): source = .number(try reader.number(n, "sentence"))
        case (nil, let q?): source = .quote(try reader.text(q, "quote", in: node))
        default: throw reader.error(node, "an added visit needs its source: 'sentence' (a number) or 'quote' (words of the sentence), one of them")
        }
        var visit = VisitToAdd(visitor: try reader.text(f["visitor"], "visitor", in: node),
                               destination: try reader.text(f["destination"], "destination", in: node).uppercased(),
                               document: try reader.text(f["document"], "document", in: node), source: source)
        if let v = f["start"] { visit.start = try reader.optionalDate(v, "start") }
        if let v = f["end"] { visit.end = try reader.optionalDate(v, "end") }
        if let v = f["city"] { visit.city = try reader.text(v, "city", in: v) }
        if let v = f["kind"] { visit.kind = try reader.choice(v, "kind", VisitKind.self) }
        if let v = f["level"] { visit.level = try reader.choice(v, "level", Level.self) }
        if let v = f["status"] { visit.status = try reader.choice(v, "status", VisitStatus.self) }
        return visit
    }

    /// `split: PERSON`, `into` (a person, or {name, country} for a new one) and at least one of `names`, `documents`, `visits`.
    func split(_ value: Node) throws(CorrectionsError) -> PersonSplit {
        let person = try reader.text(value, "split", in: value)
        let intoNode = try required(map["into"], "into", value)
        let into: SplitTarget
        if case .scalar = intoNode {
            into = .person(try reader.text(intoNode, "into", in: intoNode))
        } else {
            let f = try reader.mapping(intoNode, "into", allowed: ["name", "country"])
            into = .newPerson(name: try reader.text(f["name"], "name", in: intoNode),
                              country: try reader.optionalText(f["country"], "country")?.uppercased())
        }
        var split = PersonSplit(person: person, into: into)
        if let n = map["names"] { split.names = try reader.texts(n, "names") }
        if let n = map["documents"] { split.documents = try reader.texts(n, "documents") }
        if let n = map["visits"] { split.visits = try reader.texts(n, "visits") }
        if split.names.isEmpty && split.documents.isEmpty && split.visits.isEmpty {
            throw reader.error(value, "a split entry needs the reports to move: 'names' (the visitor as they write it), 'documents' or 'visits'")
        }
        return split
    }

    func required(_ node: Node?, _ name: String, _ context: Node) throws(CorrectionsError) -> Node {
        guard let node else { throw reader.error(context, "'\(name)' is missing") }
        return node
    }
}
