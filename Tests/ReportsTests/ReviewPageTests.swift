import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reports

/// The elements of an XML document, each with its attributes and the text directly inside it.
final class ElementCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text = "" }
    var elements: [Element] = []
    private var open: [Int] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for i in open { elements[i].text += string }
    }
}

@Suite("Review page")
struct ReviewPageTests {
    let hostile = "<script>alert(\"x\")</script> & 'more'"

    func page(rows: [ReviewRow]? = nil) -> ReviewPage {
        let sentence = EvidenceSentence(text: "Kim Jong Un arrived in Hanoi on 26 February \(hostile).", source: "A <title>",
                                        highlights: [TextSpan(start: 0, end: 11), TextSpan(start: 23, end: 28)])
        let first = ReviewRow(id: "v-kim-jong-un-VNM-2019-02-26-abc123", label: "Kim Jong Un → Vietnam, 2019-02-26",
                              reasons: [ReviewRowReason(code: "single-source", explanation: "reported by one article only"),
                                        ReviewRowReason(code: "low-confidence", explanation: "confidence 0.40, below 0.60")],
                              fields: [ReviewField(name: "visitor", value: "Kim Jong Un (kim-jong-un)"), ReviewField(name: "note", value: hostile)],
                              editable: ReviewEditableFields(start: "2019-02-26", status: "occurred", kind: "state", destination: "VNM"),
                              sentences: [sentence])
        var second = first
        second.id = "v-x-CHN-undated-def456"
        second.label = hostile
        second.editable = ReviewEditableFields(start: "", status: "planned", kind: "working", destination: "CHN")
        return ReviewPage(summary: "2 of 9 visits", rows: rows ?? [first, second], kinds: ["state", "official", "working", "unspecified"],
                          statuses: ["occurred", "planned", "negated"])
    }

    func elements(_ html: String) throws -> [ElementCollector.Element] {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        return collector.elements
    }

    @Test("one section per fact with its id, reasons, fields, marked names and controls")
    func structure() throws {
        let all = try elements(page().render())
        let facts = all.filter { $0.name == "section" && $0.attributes["class"] == "fact" }
        #expect(facts.map { $0.attributes["data-id"] } == ["v-kim-jong-un-VNM-2019-02-26-abc123", "v-x-CHN-undated-def456"])
        #expect(facts.map { $0.attributes["data-start"] } == ["2019-02-26", ""])
        #expect(facts.map { $0.attributes["data-status"] } == ["occurred", "planned"])
        #expect(all.filter { $0.name == "li" && $0.attributes["class"] == "reason" }.map { $0.attributes["data-reason"] }
                == ["single-source", "low-confidence", "single-source", "low-confidence"])
        #expect(all.filter { $0.name == "mark" }.map(\.text) == ["Kim Jong Un", "Hanoi", "Kim Jong Un", "Hanoi"])
        let actions = all.filter { $0.name == "button" }.compactMap { $0.attributes["data-action"] }
        #expect(actions == Array(repeating: ["accept", "reject", "edit", "undo", "save-edit"], count: 2).flatMap { $0 })
        let selected = all.filter { $0.name == "option" && $0.attributes["selected"] != nil }.map(\.text)
        #expect(selected == ["occurred", "state", "planned", "working"])
        #expect(all.contains { $0.name == "textarea" && $0.attributes["id"] == "corrections-yaml" && $0.text == "corrections: []\n" })
        #expect(all.contains { $0.name == "a" && $0.attributes["id"] == "corrections-download" && $0.attributes["download"] == "corrections.yaml" })
    }

    @Test("every text is escaped: a hostile label, field or sentence stays text")
    func escaping() throws {
        let html = page().render()
        #expect(!html.contains(hostile))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"))
        let all = try elements(html)
        #expect(all.filter { $0.name == "script" }.count == 1)
        #expect(all.filter { $0.name == "h2" }.contains { $0.text.hasPrefix(hostile) })
        #expect(all.contains { $0.name == "cite" && $0.text == "A <title>" })
    }

    @Test("self-contained: inline style and script, nothing fetched")
    func selfContained() {
        let html = page().render()
        #expect(!html.lowercased().contains("http") && !html.contains("<link") && !html.contains("<img") && !html.contains("src="))
        #expect(html.contains("<style>") && html.contains("<script>") && html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test("no facts: the page says so and still has an empty corrections file")
    func empty() throws {
        let all = try elements(page(rows: []).render())
        #expect(!all.contains { $0.name == "section" })
        #expect(all.contains { $0.name == "p" && $0.text == "Nothing to review." })
    }
}
