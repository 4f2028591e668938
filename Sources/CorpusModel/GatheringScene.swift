// A gathering as the story's scene: placed in the lead, its participants may be listed a paragraph or more later
// ("The summit opened in Vientiane on Monday. ... [four sentences on the agenda] ... Among those attending were
// ..."). Past its reach of a few sentences a gathering still holds while no sentence since has named a place in
// another country or a time far from its days: nothing has taken the story elsewhere (rule
// destination.gathering-context).

extension GatheringPlace {
    /// Whether a time starting `t` is far from its days: more than `EventFinder.arrivalDays` before or after them
    /// (any time, when it has no days: the story has moved on to a time of its own).
    func isFar(_ t: PartialDate) -> Bool {
        guard let start else { return true }
        let first = start.dayRange.lowerBound, last = (end ?? start).dayRange.upperBound, a = t.dayRange
        return max(a.lowerBound - last, first - a.upperBound) > EventFinder.arrivalDays
    }
}

extension EventFinder {
    /// After a sentence is read: a place in another country or a time far from the gathering's days, in a sentence
    /// after the one that last named or used it, ends the gathering as the story's scene.
    mutating func noteSceneChange(_ c: SentenceContext) {
        guard let g = gathering, !g.sceneEnded, c.index > g.sentence else { return }
        let elsewhere = c.destinations.contains { $0.country != g.country }
        let otherTime = c.times.contains { g.isFar($0.start) }
        if elsewhere || otherTime { gathering?.sceneEnded = true }
    }
}
