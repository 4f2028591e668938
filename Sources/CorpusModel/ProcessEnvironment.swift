#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables, read one at a time.
///
/// `ProcessInfo.processInfo.environment` makes a dictionary of the whole environment on every read; a warm run read it
/// a dozen times (about 2.5% of the run). `getenv` reads one variable where it is, and sees what `setenv` changed, as
/// that dictionary did.
public enum ProcessEnvironment {
    /// The value of `name`, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The value of `name` in `given` when given (a test's environment), else the process's.
    public static func value(_ name: String, in given: [String: String]?) -> String? {
        given.map { $0[name] } ?? value(name)
    }
}
