import CorpusModel
import Foundation

let args = CommandLine.arguments
if args.count >= 3 && args[1] == "trace" {
    let (g, _) = Gazetteer.load(directories: args.dropFirst(3).map { URL(fileURLWithPath: $0) } + [URL(fileURLWithPath: "Data/gazetteer")])
    let (c, d) = CorpusBuilder(gazetteer: g, jobs: 1).build(files: [(args[2], nil)])
    for x in d { print(x) }
    for doc in c.documents {
        print("title: \(doc.title ?? "-") date: \(doc.date?.iso ?? "-") place: \(doc.place ?? "-") source: \(doc.source ?? "-") lang: \(doc.language)")
        for (i, _) in doc.sentences.enumerated() {
            print("[\(i)] \(doc.sentenceText(i))")
            for m in doc.mentions where m.sentence == i { print("    \(m.role) \(c.entities[m.entity].id) '\(doc.slice(m.range))'") }
            for t in doc.times where t.sentence == i { print("    time '\(doc.slice(t.range))' = \(t.start.iso)\(t.end.map { ".." + $0.iso } ?? "")") }
        }
    }
    for v in c.visits { print("VISIT \(c.entities[v.visitor].name) -> \(v.destination) \(v.start?.iso ?? "?")..\(v.end?.iso ?? "") \(v.kind) \(v.level) \(v.status) sentences \(v.mentions.map(\.sentence))") }
    for e in c.events where e.kind != .visit { print("EVENT \(e.kind) \(e.participants.map { c.entities[$0].name }) \(e.countries) \(e.start?.iso ?? "?") \(e.status) \(e.label ?? "") \(e.mentions.map(\.sentence))") }
    exit(0)
}
print("corpus-bench: not yet written")
