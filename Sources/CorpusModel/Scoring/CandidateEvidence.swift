// What the rules knew when they made a visit candidate, kept only while its document is analysed: the
// scorer turns it into features (VisitFeatures.swift) and the candidate keeps one Float.

/// Where the rules found a visit candidate's parts, as token indexes of its document.
struct CandidateEvidence {
    /// How the candidate was made.
    enum Origin: UInt8 {
        /// A visit word, an arrival, a presence, an attendance or a host's welcome.
        case trigger
        /// A plural visit word followed by a list of persons and dates ("visits, including that of X in 2007").
        case list
        /// Talks or a summit held in a named city, a visit for the participants from elsewhere.
        case meeting
        /// Not recorded (a candidate built elsewhere).
        case unknown
        /// A person and a foreign place of one sentence that no rule joined, proposed for the scorer to judge
        /// (rule visit.proposed, ProposedVisits.swift).
        case proposed
    }

    /// A candidate's probability when no scorer is loaded: a report is as likely right as wrong, so a visit
    /// told by more reports is surer (the reports are combined as the scorer's are).
    static let defaultConfidence: Float = 0.5

    var origin = Origin.unknown
    /// The trigger's tokens ("paid an official visit": "visit"); for a meeting, the meeting word.
    var trigger: Range<Int>?
    /// The tokens of the time expression that dated the candidate, and whether it was relative ("on Monday").
    var time: Range<Int>?
    var timeRelative = false
    /// The visitor's phrase (title and name); empty when the visitor was found by a pronoun or a title alone.
    var visitorPhrase: Range<Int>?
    var visitorRole: MentionRole?
    /// For a proposed candidate: the place's tokens, the clause holding it, whether the sentence is a list item.
    var place: Range<Int>?
    var clause: Range<Int>?
    var listItem = false
    /// The rules exclude the place as a destination ("between X and Y", "the X embassy": not-destination phrases).
    var placeExcluded = false

    init() {}

    /// A visit read from a trigger, or from a list of persons and dates when the reading has no trigger.
    init(reading: VisitReading) {
        origin = reading.trigger == nil ? .list : .trigger
        trigger = reading.trigger?.tokens
        time = reading.time?.tokens
        timeRelative = reading.time?.relative ?? false
        let person = reading.person
        visitorPhrase = person.phraseStart..<max(person.phraseStart, person.nameEnd)
        visitorRole = person.role
    }

    init(meeting: Range<Int>, time: TaggedTime?) {
        origin = .meeting
        trigger = meeting
        self.time = time?.tokens
        timeRelative = time?.relative ?? false
    }
}
