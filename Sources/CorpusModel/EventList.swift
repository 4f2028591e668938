// A corpus's other events (meetings, talks, anniversaries ...): held in memory, or, for a model loaded from the
// cache, decoded from its file the first time they are read, so that a report that reads only visits never
// pays for them (issue 11: the warm run).
import Foundation

final class EventList: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [Event]?
    private var decode: (@Sendable () -> [Event])?

    /// How many events there are, known without decoding them.
    let count: Int

    init(_ events: [Event]) {
        decoded = events
        count = events.count
    }

    /// `decode` runs once, on the first read, under the list's lock; it gives `count` events.
    init(count: Int, decodingWhenRead decode: @escaping @Sendable () -> [Event]) {
        self.count = count
        self.decode = decode
    }

    var events: [Event] {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let events = decode!()
        precondition(events.count == count, "the events decoded are the events counted")
        decoded = events
        decode = nil
        return events
    }

    /// Whether the events are in memory (a loaded model's are not until first read).
    var isDecoded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return decoded != nil
    }
}
