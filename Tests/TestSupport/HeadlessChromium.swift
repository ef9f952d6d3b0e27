public import Foundation

/// Debian's `chromium` in headless mode at a phone's size: renders a page, saves a screenshot and returns the DOM
/// after layout, and measures how a page's lines break.
public struct HeadlessChromium: Sendable {
    public let executable: URL

    /// The browser on `PATH` (`chromium`, `chromium-browser`, `google-chrome`), or `CHROMIUM` if set.
    public static func find() -> HeadlessChromium? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CHROMIUM"] { return HeadlessChromium(executable: URL(fileURLWithPath: explicit)) }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    /// True when the tests must have a browser: in CI (`CI` set), where a missing one is a failure, not a skip.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// Loads `url` in a window `width` × `height` CSS pixels, saves a screenshot to `screenshot` if given, and
    /// returns the DOM after the page loaded.
    public func render(_ url: String, width: Int = 390, height: Int = 844, screenshot: URL? = nil,
                       in directory: URL) async throws -> String {
        let profile = directory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "--force-device-scale-factor=1",
        ]
        if let screenshot { arguments.append("--screenshot=\(screenshot.path)") }
        arguments += ["--dump-dom", url]
        let result = try await ProcessRun.run(executable, arguments, in: directory, timeout: 60)
        guard result.status == 0, result.stdout.contains("<html") else { throw HarnessError("chromium failed:\n\(result)") }
        return result.stdout
    }

    /// How the trace-code groups (`.g` spans) of `html` lay out at `width`: for each group its digits and how many
    /// line boxes it takes (1 unless it is broken across lines), the number of distinct lines the code's groups sit
    /// on, and whether anything is wider than the window. The page runs no script of its own; a measuring script
    /// is added to a copy of it, opened from a file. Headless chromium lays out `--dump-dom` at least 500 px wide
    /// whatever the window, so the copy's root element is fixed at `width` instead.
    public func layout(of html: String, width: Int, in directory: URL) async throws -> CodeLayout {
        let script = """
            <style>html{width:\(width)px}</style>
            <script>
            const groups = [...document.querySelectorAll('.g')];
            const tops = new Set(groups.map(g => Math.round(g.getBoundingClientRect().top)));
            const widest = Math.max(...[...document.body.querySelectorAll('*')].map(e => e.getBoundingClientRect().right));
            const report = {groups: groups.map(g => ({digits: g.textContent, boxes: g.getClientRects().length})),
                            lines: tops.size, overflows: widest > \(width) + 0.5};
            const out = document.createElement('pre'); out.id = 'layout'; out.textContent = JSON.stringify(report);
            document.body.appendChild(out);
            </script>
            """
        let file = directory.appendingPathComponent("layout-\(UUID().uuidString).html")
        try html.replacingOccurrences(of: "</body>", with: script + "</body>").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let dom = try await render(file.absoluteString, width: width, in: directory)
        guard let start = dom.range(of: "<pre id=\"layout\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { throw HarnessError("no layout report in:\n\(dom.suffix(2_000))") }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        return try JSONDecoder().decode(CodeLayout.self, from: Data(json.utf8))
    }
}

/// How a page's trace-code groups broke into lines (`HeadlessChromium.layout`).
public struct CodeLayout: Decodable, Sendable {
    public struct Group: Decodable, Sendable {
        public let digits: String
        /// How many line boxes the group takes: more than 1 when a line break falls inside it.
        public let boxes: Int
    }

    public let groups: [Group]
    /// How many lines the groups sit on.
    public let lines: Int
    /// True when the page is wider than the window (a reader would scroll sideways).
    public let overflows: Bool
}
