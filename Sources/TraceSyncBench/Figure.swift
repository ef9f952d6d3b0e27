import Foundation

/// One measured figure beside the baseline measured in the same run.
struct Figure: Encodable, Sendable {
    /// The section it belongs to: merge, http, pull, trace, field, login, supervision.
    let section: String
    let name: String
    let value: Double
    /// `entries/s`, `rows/s`, `ms`, `MiB`.
    let unit: String
    let baselineName: String?
    let baseline: Double?
    /// Anything a reader needs to interpret the figure.
    let note: String?

    init(_ section: String, _ name: String, value: Double, unit: String,
         baseline: (name: String, value: Double)? = nil, note: String? = nil) {
        self.section = section
        self.name = name
        self.value = value
        self.unit = unit
        self.baselineName = baseline?.name
        self.baseline = baseline?.value
        self.note = note
    }

    /// value ÷ baseline: above 1 is faster for a rate, slower for a latency.
    var ratio: Double? {
        guard let baseline, baseline > 0 else { return nil }
        return value / baseline
    }

    enum CodingKeys: String, CodingKey { case section, name, value, unit, baselineName, baseline, ratio, note }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section, forKey: .section)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(baselineName, forKey: .baselineName)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encodeIfPresent(ratio, forKey: .ratio)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// Collects figures as they are measured and prints them as a table.
final class Report {
    private(set) var figures: [Figure] = []

    /// Adds a figure and prints it at once, so a long run shows progress.
    func add(_ figure: Figure) {
        figures.append(figure)
        print("  \(figure.name): \(Self.format(figure.value)) \(figure.unit)"
              + (figure.baseline.map { " (baseline \(Self.format($0)))" } ?? ""))
    }

    /// The figures as a Markdown table: figure, value, baseline, ratio.
    var table: String {
        var lines = ["| figure | value | baseline | ratio |", "|---|---:|---|---:|"]
        for figure in figures {
            let baseline = figure.baseline.map { "\(Self.format($0)) \(figure.unit) (\(figure.baselineName ?? ""))" } ?? "–"
            let ratio = figure.ratio.map { String(format: "%.2f×", $0) } ?? "–"
            lines.append("| \(figure.name) | \(Self.format(figure.value)) \(figure.unit) | \(baseline) | \(ratio) |")
        }
        let notes = figures.compactMap { figure in figure.note.map { "- \(figure.name): \($0)" } }
        return (lines + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n")
    }

    /// Writes the figures and the machine they were measured on as JSON.
    func write(json path: String, machine: [String: String]) throws {
        struct Document: Encodable {
            let machine: [String: String]
            let figures: [Figure]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(Document(machine: machine, figures: figures)).write(to: URL(fileURLWithPath: path))
    }

    /// A number with precision fit for a table: 3 significant digits below 100, whole numbers with separators above.
    static func format(_ value: Double) -> String {
        if value >= 100 {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 0
            return formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value))
        }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
}
