// A corpus's other events (meetings, talks, anniversaries ...): held in memory, or, for a model loaded from the
// cache, decoded from its file the first time they are read, so that a report that reads only visits never
// pays for them (issue 11: the warm run).
import Foundation

final class EventList: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [Event]?
    private var decode: (@Sendable () -> [Event])?

    init(_ events: [Event]) { decoded = events }

    /// `decode` runs once, on the first read, under the list's lock.
    init(decodingWhenRead decode: @escaping @Sendable () -> [Event]) { self.decode = decode }

    var events: [Event] {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let events = decode!()
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
