// The review page's rows: each visit ReviewSelection picked, with why, its fields and its sentences.
import CorpusModel
import Foundation
import Reports
import ScriptingAPI

struct ReviewRows {
    let corpus: Corpus
    let minimumConfidence: Double

    func rows(_ candidates: [ReviewCandidate]) -> [ReviewRow] {
        let ids = corpus.visitIDs
        return candidates.map { candidate in
            let visit = corpus.visits[candidate.visit]
            return ReviewRow(id: ids[candidate.visit], label: label(visit), reasons: candidate.reasons.map { explain($0, visit) },
                             fields: fields(visit),
                             editable: ReviewEditableFields(start: visit.start?.iso ?? "", status: visit.status.rawValue,
                                                            kind: visit.kind.rawValue, destination: visit.destination),
                             sentences: MentionEvidence.sentences(visit.mentions, in: corpus))
        }
    }

    private func countryName(_ code: String) -> String { corpus.gazetteer.country(code)?.name ?? code }

    private func label(_ visit: Visit) -> String {
        "\(corpus.entities[visit.visitor].name) → \(countryName(visit.destination))" + (visit.start.map { ", \($0.iso)" } ?? "")
    }

    /// Why `visit` is listed, in words.
    func explain(_ reason: ReviewReason, _ visit: Visit) -> ReviewRowReason {
        let words: String
        switch reason {
        case .lowConfidence:
            words = "confidence \(String(format: "%.2f", visit.confidence)), below \(String(format: "%.2f", minimumConfidence))"
        case .singleSource:
            words = "reported by one article only"
        case .conflictingDates:
            let dates = Set(visit.mentions.compactMap(\.date)).sorted().map(\.iso)
            words = "its reports give different dates: \(dates.joined(separator: ", "))"
        case .conflictingStatuses:
            let statuses = VisitStatus.allCases.filter { s in visit.mentions.contains { $0.status == s } }.map(\.rawValue)
            words = "its reports disagree on the status: \(statuses.joined(separator: ", "))"
        case .discoveredVisitor:
            words = "\(corpus.entities[visit.visitor].name) is not in the gazetteer (found in the text)"
        }
        return ReviewRowReason(code: reason.rawValue, explanation: words)
    }

    private func fields(_ visit: Visit) -> [ReviewField] {
        let entities = corpus.entities
        var fields = [ReviewField(name: "visitor", value: "\(entities[visit.visitor].name) (\(entities[visit.visitor].id))")]
        if let country = visit.visitorCountry { fields.append(ReviewField(name: "visitor country", value: countryName(country))) }
        fields.append(ReviewField(name: "destination", value: "\(countryName(visit.destination)) (\(visit.destination))"))
        if let city = visit.city { fields.append(ReviewField(name: "city", value: entities[city].name)) }
        if !visit.hosts.isEmpty {
            fields.append(ReviewField(name: "hosts", value: visit.hosts.map { entities[$0].name }.joined(separator: ", ")))
        }
        fields.append(ReviewField(name: "start", value: visit.start?.iso ?? "undated"))
        if let end = visit.end { fields.append(ReviewField(name: "end", value: end.iso)) }
        fields += [ReviewField(name: "kind", value: visit.kind.rawValue), ReviewField(name: "level", value: visit.level.rawValue),
                   ReviewField(name: "status", value: visit.status.rawValue),
                   ReviewField(name: "confidence", value: String(format: "%.2f", visit.confidence)),
                   ReviewField(name: "rules", value: visit.rules.joined(separator: ", "))]
        if let notes = corpus.corrections.visits[visit.id], !notes.isEmpty {
            fields.append(ReviewField(name: "corrections", value: notes.map(\.summary).joined(separator: "; ")))
        }
        return fields
    }
}
