// `add`: a visit the rules missed, reported by a sentence of a document named by file name (or stable id) and
// sentence number or quote.
import CorpusModel

extension WorkingModel {
    mutating func add(_ wanted: VisitToAdd, _ correction: Correction) -> Result<Void, Unmatched> {
        do throws(Unmatched) {
            let visitor = try entity(wanted.visitor, kind: .person).get()
            let destination = try country(wanted.destination).get()
            var city: Int?
            if let name = wanted.city { city = try entity(name, kind: .city).get() }
            let mention = try source(of: wanted)
            let level = wanted.level ?? wanted.start.flatMap { entities[visitor].office(at: $0)?.level } ?? .other
            let visit = Visit(id: visits.count, visitor: visitor, visitorCountry: entities[visitor].country, destination: destination,
                              city: city, start: wanted.start, end: wanted.end, kind: wanted.kind, level: level,
                              status: wanted.status, mentions: [mention], confidence: 1)
            let id = StableID.visits([visit], entities: entities, documents: original.documents)[0]
            if let existing = visitIDs.indices.first(where: { visitIDs[$0] == id && visits[$0] != nil }) {
                return .failure(Unmatched("the visit to add is already in the model as \(visitIDs[existing])"))
            }
            visits.append(visit)
            visitIDs.append(id)
            mark(visit: visits.count - 1, correction.note("add"))
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// The sentence an added visit cites.
    func source(of wanted: VisitToAdd) throws(Unmatched) -> Mention {
        let documents = original.documents.indices.filter {
            original.documents[$0].name == wanted.document || StableID.document(original.documents[$0]) == wanted.document
        }
        guard documents.count == 1, let d = documents.first else {
            throw Unmatched(documents.isEmpty ? "no document is named '\(wanted.document)'"
                : "\(documents.count) documents are named '\(wanted.document)'; name one by its id (file name@hash, as exported)")
        }
        let document = original.documents[d]
        switch wanted.source {
        case .number(let n):
            guard n <= document.sentences.count else {
                throw Unmatched("\(document.name) has \(document.sentences.count) sentences (numbered from 1); there is no sentence \(n)")
            }
            return Mention(document: d, sentence: n - 1)
        case .quote(let quote):
            let found = document.sentences.indices.filter { document.sentenceText($0).localizedCaseInsensitiveContains(quote) }
            guard found.count == 1 else {
                throw Unmatched(found.isEmpty ? "the quote '\(quote)' is in no sentence of \(document.name)"
                    : "the quote '\(quote)' is in \(found.count) sentences of \(document.name) (\(found.map { String($0 + 1) }.joined(separator: ", "))); quote more, or give 'sentence'")
            }
            return Mention(document: d, sentence: found[0])
        }
    }
}
