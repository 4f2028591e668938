// Choosing the host of a visit: the person who received the visitor, when the sentence says so. Only a
// person of the destination's country can host; the cues are the lexicon's host, talks and welcome sets.

/// The host of a visit as read from its sentence, with the rule that chose him.
struct HostReading {
    /// The person's entity index (local to the document until the corpus is assembled).
    var entity: Int
    var rule: Rule
}

extension EventFinder {
    /// The host of `visitor`'s visit to `destination`: a person after a host cue ("at the invitation of",
    /// "welcomed by", "hosted by") or a talks cue ("held talks with", "met", "hội đàm với"), else, for a welcomed
    /// guest, the person before him who welcomes him ("X welcomed Y", "X tiếp Y"). Never the visitor himself
    /// and never a person of another country than the destination.
    func host(of visitor: PersonRef, destination: String, _ c: SentenceContext) -> HostReading? {
        let others = c.persons.filter { $0.entity != visitor.entity && c.country(of: $0) == destination }
        if let cued = others.first(where: { $0.hostContext || $0.otherParty }) {
            return HostReading(entity: cued.entity, rule: .hostCue)
        }
        if visitor.guest, let welcomer = others.last(where: { $0.nameEnd <= visitor.phraseStart && !$0.guest }) {
            return HostReading(entity: welcomer.entity, rule: .hostWelcomer)
        }
        return nil
    }
}
