// The review page (`dossier review`, docs/corrections.md "The review page"): one self-contained HTML file
// (inline CSS and script, nothing fetched) listing the facts worth checking. Each fact is a
// `<section class="fact" data-id="ID">` with why it is listed (`<li class="reason" data-reason="...">`), its
// fields, its sentences with the names in `<mark>`, and accept / reject / edit controls
// (`<button data-action="...">`). The script turns the decisions into a corrections file
// (`<textarea id="corrections-yaml">`, a download link `#corrections-download`) in the format
// Sources/Corrections reads. All text is escaped; without script the page still lists every fact.

/// Why a fact is listed: a code (`low-confidence`) and a sentence for the analyst.
public struct ReviewRowReason: Sendable, Equatable {
    public var code: String
    public var explanation: String
    public init(code: String, explanation: String) {
        self.code = code
        self.explanation = explanation
    }
}

/// The fields an analyst may change from the page, as a correction's `set` names them, with their values now.
public struct ReviewEditableFields: Sendable, Equatable {
    /// ISO date, or "" when undated.
    public var start: String
    public var status: String
    public var kind: String
    /// ISO alpha-3.
    public var destination: String
    public init(start: String, status: String, kind: String, destination: String) {
        self.start = start
        self.status = status
        self.kind = kind
        self.destination = destination
    }
}

/// One fact to check.
public struct ReviewRow: Sendable, Equatable {
    /// The fact's stable id: what the corrections name.
    public var id: String
    /// A one-line summary ("Tô Lâm → North Korea, 2025-10-09").
    public var label: String
    public var reasons: [ReviewRowReason]
    /// Every field to show, in order (name, value).
    public var fields: [ReviewField]
    public var editable: ReviewEditableFields
    public var sentences: [EvidenceSentence]
    public init(id: String, label: String, reasons: [ReviewRowReason], fields: [ReviewField], editable: ReviewEditableFields,
                sentences: [EvidenceSentence]) {
        self.id = id
        self.label = label
        self.reasons = reasons
        self.fields = fields
        self.editable = editable
        self.sentences = sentences
    }
}

/// A field shown for a fact.
public struct ReviewField: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The page: its rows, the choices its edit forms offer, and a line saying what it was made from.
public struct ReviewPage: Sendable {
    public var title: String
    /// What the page was made from ("12 of 310 visits, Data/unseen, confidence below 0.60").
    public var summary: String
    public var rows: [ReviewRow]
    /// The values `kind` and `status` may take.
    public var kinds: [String]
    public var statuses: [String]

    public init(title: String = "Facts to review", summary: String, rows: [ReviewRow], kinds: [String], statuses: [String]) {
        self.title = title
        self.summary = summary
        self.rows = rows
        self.kinds = kinds
        self.statuses = statuses
    }

    /// The whole HTML file.
    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Dossier" />
        <title>\(text(title))</title>
        <style>\(ReviewPageAssets.css)</style>
        </head>
        <body>
        <main>
        <header>
        <h1>\(text(title))</h1>
        <p class="summary">\(text(summary))</p>
        </header>

        """
        html += rows.isEmpty ? "<p class=\"empty\">Nothing to review.</p>\n" : rows.enumerated().map { render($1, number: $0 + 1) }.joined()
        html += "</main>\n" + output + "<script>\(ReviewPageAssets.script)</script>\n</body>\n</html>\n"
        return html
    }

    /// The corrections file being built, with who decides, a download link and a copy button.
    private var output: String {
        """
        <aside id="corrections">
        <h2>corrections.yaml</h2>
        <p><label>by <input type="text" id="review-by" autocomplete="name" /></label>
        <a id="corrections-download" download="corrections.yaml" href="#">Download</a>
        <button type="button" id="corrections-copy">Copy</button></p>
        <textarea id="corrections-yaml" readonly="readonly" rows="12" spellcheck="false">corrections: []
        </textarea>
        <p class="hint">Save it as corrections.yaml in the corpus folder, or give it with --corrections FILE.</p>
        </aside>

        """
    }

    private func render(_ row: ReviewRow, number: Int) -> String {
        let e = row.editable
        var out = "<section class=\"fact\" id=\"fact-\(number)\" data-id=\"\(attr(row.id))\" data-start=\"\(attr(e.start))\" "
            + "data-status=\"\(attr(e.status))\" data-kind=\"\(attr(e.kind))\" data-destination=\"\(attr(e.destination))\">\n"
        out += "<h2>\(text(row.label)) <code class=\"fact-id\">\(text(row.id))</code></h2>\n<ul class=\"reasons\">\n"
        out += row.reasons.map { "<li class=\"reason\" data-reason=\"\(attr($0.code))\">\(text($0.explanation))</li>\n" }.joined()
        out += "</ul>\n<dl class=\"fields\">\n"
        out += row.fields.map { "<dt>\(text($0.name))</dt><dd>\(text($0.value))</dd>\n" }.joined()
        out += "</dl>\n<ol class=\"sentences\">\n"
        for sentence in row.sentences {
            let body = sentence.runs.map { $0.highlighted ? "<mark>\(text($0.text))</mark>" : text($0.text) }.joined()
            out += "<li><q>\(body)</q> <cite>\(text(sentence.source))</cite></li>\n"
        }
        out += "</ol>\n" + controls + editForm(e) + "</section>\n"
        return out
    }

    private var controls: String {
        """
        <p class="controls"><button type="button" data-action="accept">Accept</button>
        <button type="button" data-action="reject">Reject</button>
        <button type="button" data-action="edit">Edit</button>
        <button type="button" data-action="undo">Undo</button>
        <label>reason <input type="text" name="reason" placeholder="optional" /></label>
        <span class="decision" role="status"></span></p>

        """
    }

    private func editForm(_ e: ReviewEditableFields) -> String {
        """
        <form class="edit" hidden="hidden">
        <label>start <input type="text" name="start" value="\(attr(e.start))" placeholder="YYYY-MM-DD" /></label>
        <label>status \(select("status", kinds: statuses, selected: e.status))</label>
        <label>kind \(select("kind", kinds: kinds, selected: e.kind))</label>
        <label>destination <input type="text" name="destination" value="\(attr(e.destination))" size="4" /></label>
        <button type="button" data-action="save-edit">Save edit</button>
        <span class="problem" role="alert"></span>
        </form>

        """
    }

    private func select(_ name: String, kinds values: [String], selected: String) -> String {
        let options = values.map { value in
            "<option value=\"\(attr(value))\"\(value == selected ? " selected=\"selected\"" : "")>\(text(value))</option>"
        }
        return "<select name=\"\(attr(name))\">" + options.joined() + "</select>"
    }

    private func text(_ s: String) -> String { HTMLEscape.text(s) }
    private func attr(_ s: String) -> String { HTMLEscape.attribute(s) }
}
