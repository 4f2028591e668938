// CSV text (RFC 4180) made in memory with yaslab/CSV.swift's `CSVWriter`: fields holding the separator, a double
// quote, CR or LF quoted (quotes doubled), CRLF line ends, the last record too.
//
// The writer hands its stream one byte per call. Foundation's memory stream (`OutputStream(toMemory:)`) takes each
// through CFWriteStream, a few hundred nanoseconds a byte: 19 s for the 100,000 articles' visits
// (docs/PERFORMANCE.md). `ByteArrayStream` appends each byte to an array instead; the writer and its output are
// the same.

import CSV
import Foundation

/// Rows written as CSV text, one at a time.
public final class CSVText {
    private let sink = ByteArrayStream()
    private let writer: CSVWriter

    /// A CSV text whose fields are separated by `separator` (a comma by default).
    public init(separator: Unicode.Scalar = ",") {
        do {
            writer = try CSVWriter(stream: sink, delimiter: String(separator), newline: .crlf)
        } catch {
            // The stream is memory: it opens. Should it not, say so rather than write nothing.
            preconditionFailure("CSV writing to memory failed: \(error)")
        }
    }

    /// Writes one record (the header is a record too).
    public func write(row: [String]) {
        do { try writer.write(row: row) } catch {
            preconditionFailure("CSV writing to memory failed: \(error)")
        }
    }

    /// The text written, with the line break that ends the last record (the writer only separates records; RFC
    /// 4180 allows a final one and most tools expect it).
    public func finish() -> String {
        writer.stream.close()
        return String(decoding: sink.bytes, as: UTF8.self) + "\r\n"
    }

    /// `records` as CSV text.
    public static func render(_ records: [[String]], separator: Unicode.Scalar = ",") -> String {
        let text = CSVText(separator: separator)
        for record in records { text.write(row: record) }
        return text.finish()
    }
}

/// An output stream into an array of bytes, as cheap per call as an array append.
final class ByteArrayStream: OutputStream {
    private(set) var bytes: [UInt8] = []
    private var status = Stream.Status.notOpen

    init() {
        super.init(toMemory: ())
    }

    required init(toMemory: ()) {
        super.init(toMemory: ())
    }

    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { nil }
    override var hasSpaceAvailable: Bool { status == .open }

    override func open() { if status == .notOpen { status = .open } }
    override func close() { status = .closed }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        guard status == .open else { return -1 }
        if length == 1 { bytes.append(buffer.pointee) } else { bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: length)) }
        return length
    }
}
