// What the words right before a person say about his part in the sentence: a host ("at the invitation of",
// "hosted by"), the other party of talks ("talks with", "met"), or a welcomed guest ("welcomed", "đón"). Read
// for named persons (Mentions.swift) and for the persons a pronoun stands for (Coreference.swift) alike.

/// The cue before a person, if any.
enum PersonCue {
    case none, host, otherParty, guest
}

extension Lexicon {
    /// The cue that ends right before `phraseStart` (looking past "the" and punctuation other than a comma).
    func personCue(_ tokens: [Token], before phraseStart: Int, sentenceStart s: Int) -> PersonCue {
        var j = phraseStart - 1
        var steps = 0
        while j >= s && steps < 4 {
            if hostCues.matchEnding(tokens, at: j, start: s) > 0 { return .host }
            if otherPartyCues.matchEnding(tokens, at: j, start: s) > 0 { return .otherParty }
            if guestCues.matchEnding(tokens, at: j, start: s) > 0 { return .guest }
            // Past "the", punctuation other than a comma, and a title the lexicon does not know ("hội đàm với Đại
            // tướng Raúl Castro": capitalised words of the person's phrase).
            if tokens[j].lower == Self.theKey || tokens[j].kind == .punct && tokens[j].first != 0x2C
                || tokens[j].kind == .word && tokens[j].capitalized { j -= 1; steps += 1; continue }
            break
        }
        return .none
    }

    static let theKey = Fold.lowerKey("the")

    /// Whether the word between two persons only joins them ("A and B", "A và B"): a coordinator that is not a
    /// sequence word ("then", "rồi" start a new predicate). A comma does not: "At the invitation of X, Y visited".
    func joinsPersons(_ tokens: [Token], from: Int, to: Int) -> Bool {
        guard to - from == 1 else { return false }
        return coordinators.contains(tokens[from].lower) && !sequenceWords.contains(tokens[from].lower)
    }
}

extension PersonRef {
    mutating func setCue(_ cue: PersonCue) {
        switch cue {
        case .none: break
        case .host: hostContext = true
        case .otherParty: otherParty = true
        case .guest: guest = true
        }
    }
}

extension MentionFinder {
    /// A person joined by "and" to a host or the other party of talks shares that part ("talks with King X and President
    /// Y": both received the visitor; rule host.coordinated-party).
    func markCoordinatedParties(_ m: inout SentenceMentions) {
        guard m.persons.count > 1 else { return }
        for k in 1..<m.persons.count {
            let previous = m.persons[k - 1], p = m.persons[k]
            guard previous.hostContext || previous.otherParty, !p.hostContext, !p.otherParty, !p.guest else { continue }
            let joined = lexicon.joinsPersons(tokens, from: previous.nameEnd, to: p.phraseStart)
                || joinsThroughTitle(from: previous.nameEnd, to: p.phraseStart, titles: m.titles)
            guard joined || listClosedLater(m.persons, from: k) else { continue }
            m.persons[k].hostContext = previous.hostContext
            m.persons[k].otherParty = previous.otherParty
            m.persons[k].joinedParty = true
        }
    }

    /// "lời mời của Tổng thống A và Bí thư thứ nhất Đảng Cộng sản Cuba, Chủ tịch Hội đồng Nhà nước B, C sẽ thăm": the
    /// second person's first title stands right after the coordinator, and what follows up to his name is titles and
    /// their bodies, so the phrase between the two names is one person's titles (rule host.coordinated-party).
    func joinsThroughTitle(from: Int, to: Int, titles: [Range<Int>]) -> Bool {
        guard to - from >= 3, lexicon.coordinators.contains(tokens[from].lower), !lexicon.sequenceWords.contains(tokens[from].lower)
        else { return false }
        let titleStart = lexicon.ofWords.contains(tokens[from + 1].lower) ? from + 2 : from + 1
        guard let title = titles.first(where: { $0.lowerBound == titleStart }) else { return false }
        // Nothing but titles, their bodies ("Ban Chấp hành Trung ương Đảng Cộng sản Cuba", "Hội đồng Bộ trưởng": a
        // capitalised word and the syllables after it), commas and coordinators follow: no trip word, no future
        // word, so no new clause.
        return (title.upperBound..<to).allSatisfy { k in
            let t = tokens[k]
            if t.kind == .punct { return t.first == 0x2C }
            guard t.kind == .word else { return false }
            if t.capitalized || titles.contains(where: { $0.contains(k) }) || lexicon.coordinators.contains(t.lower) { return true }
            return tokens[k - 1].kind == .word && !startsClause(at: k, to: to)
        }
    }

    /// A trip, visit, arrival, attendance or hosting word, or a plan word, at `k`.
    private func startsClause(at k: Int, to end: Int) -> Bool {
        lexicon.plannedCues.contains(tokens[k].lower) || lexicon.presentFutureWords.contains(tokens[k].lower)
            // One set after another, not an array of them: the array copied the five sets (each of their tables
            // retained and released) at every word.
            || lexicon.visitVerbs.match(tokens, at: k, end: end) > 0 || lexicon.visitNouns.match(tokens, at: k, end: end) > 0
            || lexicon.arrivalVerbs.match(tokens, at: k, end: end) > 0 || lexicon.attendVerbs.match(tokens, at: k, end: end) > 0
            || lexicon.hostVerbs.match(tokens, at: k, end: end) > 0
    }

    /// "Nhận lời mời của A, B và C, D sẽ thăm", "At the invitation of A and B, C will visit": a host cue (not
    /// "accompanied by") that comes before any trip, plan, arrival, attendance or hosting word of the sentence makes
    /// every person named between it and the comma that ends the list of hosts (`hostListEnd`) a host. The cue right
    /// before a person does not look past the lower-case words and commas of the hosts' titles and bodies ("Tổng thống
    /// Cộng hòa Tunisia A", "Tổng Bí thư, Chủ tịch nước B"), nor along a list that a title splits (rule
    /// host.coordinated-party).
    func markInvitationList(_ m: inout SentenceMentions, from s: Int, to e: Int) {
        guard !m.persons.isEmpty else { return }
        var k = s
        var cueEnd: Int?
        while k < e && cueEnd == nil {
            let n = lexicon.hostCues.match(tokens, at: k, end: e)
            if n > 0 {
                guard lexicon.accompaniedByWords.match(tokens, at: k, end: e) == 0 else { return }
                cueEnd = k + n
            } else if startsClause(at: k, to: e) {
                return
            }
            k += 1
        }
        guard let cueEnd, let clauseWord = (cueEnd..<e).first(where: { startsClause(at: $0, to: e) }),
              let end = hostListEnd(after: cueEnd, before: clauseWord, m) else { return }
        for i in m.persons.indices where m.persons[i].phraseStart >= cueEnd && m.persons[i].nameEnd <= end
            && !m.persons[i].hostContext && !m.persons[i].guest {
            m.persons[i].hostContext = true
            m.persons[i].otherParty = false
            m.persons[i].joinedParty = true
        }
    }

    /// The comma that closes the list of hosts after an invitation cue: one that a person's phrase or a title follows
    /// (the visitor's clause opens there). When the list's last "và"/"and" before a capitalised word (not a spouse:
    /// "và Phu nhân"; not "và đoàn") comes after every such comma, it joins the visitors ("của phía Trung Quốc, A, B và C sang"): the first comma.
    /// Else the first such comma after the person that "và" joins ("của A, B và Hoàng Thái tử, Thủ tướng C, D sẽ"),
    /// else the first one after a person's name ("của Tổng Bí thư, Chủ tịch nước A, B sẽ").
    func hostListEnd(after cueEnd: Int, before clauseWord: Int, _ m: SentenceMentions) -> Int? {
        let opening = (cueEnd..<clauseWord).filter { c in
            tokens[c].kind == .punct && tokens[c].first == 0x2C
                && (m.persons.contains { $0.phraseStart == c + 1 } || m.titles.contains { $0.lowerBound == c + 1 }
                    || m.titleOnly.contains { $0.tokens.lowerBound == c + 1 })
        }
        let joins = (cueEnd..<clauseWord).filter {
            lexicon.coordinators.contains(tokens[$0].lower) && !lexicon.sequenceWords.contains(tokens[$0].lower)
                && $0 + 1 < clauseWord && tokens[$0 + 1].capitalized
                && lexicon.spouseWords.match(tokens, at: $0 + 1, end: clauseWord) == 0
        }
        if let lastJoin = joins.last, let lastOpening = opening.last {
            if lastJoin > lastOpening { return opening.first }
            guard let joined = m.persons.first(where: { $0.nameStart > lastJoin }) else { return nil }
            return opening.first { $0 >= joined.nameEnd }
        }
        return opening.first { c in m.persons.contains { $0.phraseStart >= cueEnd && $0.nameEnd <= c } }
    }

    /// "lời mời của A, B và C, D sẽ thăm": a person after a comma belongs to the list of hosts when the list goes
    /// on, through commas only, to a person joined by "và"/"and"; the comma after that closes the list, and the
    /// next person (D) is the sentence's subject.
    func listClosedLater(_ persons: [PersonRef], from k: Int) -> Bool {
        var q = k
        while q < persons.count {
            let gap = persons[q - 1].nameEnd..<persons[q].phraseStart
            if lexicon.joinsPersons(tokens, from: gap.lowerBound, to: gap.upperBound) { return true }
            guard gap.count == 1, tokens[gap.lowerBound].kind == .punct, tokens[gap.lowerBound].first == 0x2C else { return false }
            q += 1
        }
        return false
    }
}
