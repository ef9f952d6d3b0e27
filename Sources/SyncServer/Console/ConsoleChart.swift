import SyncCore
import CentralCore
import CentralSQLite

/// The overview's charts: bar charts drawn by the server as inline SVG, one bar a day, with the days and values as
/// text in the drawing (so they read without colour and print), no script.
enum ConsoleChart {
    /// One bar.
    struct Bar: Sendable {
        /// The day, `YYYY-MM-DD`.
        let day: String
        /// Its value; nil draws no bar (a day with nothing to measure, as a pass rate without inspections).
        let value: Double?
    }

    /// An SVG bar chart of `bars` titled `title`, with `format` writing a value; `maximum` fixes the scale (1 for a
    /// rate), else the largest value sets it.
    static func bars(_ bars: [Bar], title: LocalizedText, maximum: Double? = nil, colour: String, format: (Double) -> String) -> String {
        let width = 720.0, height = 220.0, left = 40.0, bottom = 30.0, top = 24.0
        let scale = maximum ?? max(bars.compactMap(\.value).max() ?? 0, 1)
        let step = (width - left - 8) / Double(max(bars.count, 1))
        let plot = height - bottom - top
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" role="img" aria-label="\(HTMLPage.escape(title.zh)) / \(HTMLPage.escape(title.en))">\
        <title>\(HTMLPage.escape(title.zh)) / \(HTMLPage.escape(title.en))</title>\
        <text x="\(Int(left))" y="16" font-size="13">\(HTMLPage.escape(title.zh)) / \(HTMLPage.escape(title.en))</text>\
        <line x1="\(Int(left))" y1="\(Int(height - bottom))" x2="\(Int(width - 8))" y2="\(Int(height - bottom))" stroke="#888"/>\
        <text x="\(Int(left) - 4)" y="\(Int(top) + 4)" font-size="10" text-anchor="end">\(HTMLPage.escape(format(scale)))</text>\
        <text x="\(Int(left) - 4)" y="\(Int(height - bottom))" font-size="10" text-anchor="end">0</text>
        """
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * step
            if let value = bar.value {
                let h = plot * min(value / scale, 1)
                svg += "<rect x=\"\(fmt(x + 1))\" y=\"\(fmt(height - bottom - h))\" width=\"\(fmt(max(step - 2, 1)))\" height=\"\(fmt(h))\" fill=\"\(colour)\">"
                svg += "<title>\(HTMLPage.escape(bar.day)): \(HTMLPage.escape(format(value)))</title></rect>"
            }
            if index % 5 == 0 || index == bars.count - 1 {
                svg += "<text x=\"\(fmt(x + step / 2))\" y=\"\(Int(height - bottom) + 14)\" font-size=\"10\" text-anchor=\"middle\">\(HTMLPage.escape(String(bar.day.suffix(5))))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// A coordinate rounded to a whole pixel.
    private static func fmt(_ value: Double) -> String { String(Int(value.rounded())) }
}
