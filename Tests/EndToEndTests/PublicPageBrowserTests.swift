import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The consumer's page as a shopper's phone shows it: Debian's chromium, headless at 390 × 844, renders each state
/// from a real `sync-server` — a good code, a held batch, a voided sale, destroyed goods, a mistyped and an unknown
/// code — and the test reads the text of the rendered DOM and measures where the trace code's lines break.
/// Screenshots go to `$TRACESYNC_SCREENSHOTS` when set (the README's come from `docs/screenshots`).
/// Skipped when chromium is missing, unless `CI` is set: then a missing browser fails.
@Suite(.serialized, .enabled(if: HeadlessChromium.find() != nil || HeadlessChromium.required,
                             "chromium 未安装，跳过 / chromium is not installed: apt-get install chromium fonts-noto-cjk (set CI=1 to fail instead)"))
struct PublicPageBrowserTests {
    /// One page to render: its name (the screenshot's), path, the texts it must show and the markup it must hold.
    struct Page {
        let name: String
        let path: String
        let shows: [String]
        var markup: [String] = []
    }

    static func pages(_ states: PublicPageStates) -> [Page] {
        let market = PublicPageStates.self
        let contactZh = "\(market.marketName)（电话 \(market.marketPhone)，地址 \(market.marketAddress)）"
        let form = #"<form action="/t" method="get">"#, again = "重新输入追溯码 / Type the code again"
        return [
            Page(name: "ok", path: "/t/\(states.ok)", shows: [
                "产品追溯", "Product trace", "猪肉（白条）", "Pork carcass", "产地：海南省澄迈县", "Origin: Chengmai County, Hainan Province",
                market.slaughterhouseName, "屠宰场 · 海南省澄迈县", "电话：\(market.slaughterhousePhone)",
                market.marketName, "批发市场 · 海口市龙华区", "wholesale market, Longhua District, Haikou City",
                "电话：\(market.marketPhone)", "地址：\(market.marketAddress)", "瘦肉精", "合格 Pass",
            ]),
            Page(name: "held", path: "/t/\(states.held)", shows: [
                "⚠ 食品安全暂扣", "请勿食用，并联系售出的市场：\(contactZh)", "Do not eat it; contact the market that sold it",
                "此批次处于食品安全暂扣状态", "不合格 Fail",
            ]),
            Page(name: "voided", path: "/t/\(states.voided)", shows: [
                "这笔销售已被市场作废", "the market voided this sale", "这个追溯码不再对应任何商品", "no longer names any goods",
                "请联系\(contactZh)", again,
            ], markup: [form]),
            Page(name: "destroyed", path: "/t/\(states.destroyed)", shows: [
                "⚠ 检测不合格", "剩余货物已全部销毁", "what was left of it has been destroyed",
                "如您手中还有，请勿食用，并联系售出的市场：\(contactZh)", "此批次检测不合格，剩余货物已全部销毁，不再销售。",
            ]),
            Page(name: "mistyped", path: "/t/\(states.mistyped)", shows: [
                "追溯码校验位错误", "trace code check digits do not match", "请对照收据重新输入", "re-type the 24 digits",
                again,
            ], markup: [form, "value=\"\(Self.grouped(states.mistyped))\""]),
            Page(name: "unknown", path: "/t/\(states.unknown)", shows: ["查无此追溯码", "trace code not found", again], markup: [form]),
        ]
    }

    @Test
    func eachStateReadsOnAPhoneInChineseThenEnglishWithoutBreakingTheCode() async throws {
        let chromium = try #require(HeadlessChromium.find(), "CI 要求 chromium / CI requires chromium: apt-get install chromium fonts-noto-cjk")
        if HeadlessChromium.required { #expect(try await Self.hasChineseFont(), "CI 要求中文字体 / CI requires a CJK font: apt-get install fonts-noto-cjk") }
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await PublicPageStates.addSlaughterhouse(server)
            try await server.start(["--demo"])
            defer { server.stop() }
            let states = try await PublicPageStates.record(server: server, in: directory)
            let shots = ProcessInfo.processInfo.environment["TRACESYNC_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? directory

            for page in Self.pages(states) {
                let screenshot = shots.appendingPathComponent("public-\(page.name).png")
                let dom = try await chromium.render(server.url + page.path, screenshot: screenshot, in: directory)
                let text = HTMLText.visible(dom)
                for shown in page.shows { #expect(text.contains(shown), "\(page.name) page lacks \(shown)") }
                for markup in page.markup { #expect(dom.contains(markup), "\(page.name) page lacks \(markup)") }
                for secret in PublicPageStates.secrets { #expect(!dom.contains(secret), "\(page.name) page shows \(secret)") }
                #expect(!dom.contains("区划") && !dom.contains("<script"), "\(page.name)")
                #expect(try Data(contentsOf: screenshot).count > 1_000, "\(page.name) screenshot")
            }
        }
    }

    @Test
    func theTraceCodeBreaksOnlyBetweenGroupsOfFour() async throws {
        let chromium = try #require(HeadlessChromium.find(), "CI 要求 chromium / CI requires chromium")
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let market = try await MarketDevice.enrolled("market", node: PublicPageStates.market, server: server, in: directory)
            let batch = try #require(try await market.device.json("receive", "--product", "100101", "--quantity", "10",
                                                            "--operator", market.operatorId, "--supplier", "海南澄金肉联",
                                                            "--origin", "469023")["code"]?.stringValue)
            try await market.sync()
            let mistyped = String(batch.dropLast()) + String((batch.last!.wholeNumberValue! + 1) % 10)
            for path in ["/t/\(batch)", "/t/\(mistyped)"] {
                let html = try await HTTP.get(server.url + path).body
                // 390 px is a phone; 220 px (a small phone with large text) forces the code onto several lines.
                for width in [390, 220] {
                    let layout = try await chromium.layout(of: html, width: width, in: directory)
                    #expect(layout.groups.map(\.digits).joined() == (path.hasSuffix(batch) ? batch : mistyped), "\(path) at \(width)")
                    #expect(layout.groups.allSatisfy { $0.digits.count == 4 && $0.boxes == 1 }, "\(path) at \(width): \(layout.groups)")
                    #expect(!layout.overflows, "\(path) is wider than \(width) px")
                    if width == 220 { #expect(layout.lines > 1, "\(path): the code did not wrap at \(width) px") }
                }
            }
        }
    }

    /// `code` in groups of four separated by spaces, as the form is filled in.
    static func grouped(_ code: String) -> String {
        stride(from: 0, to: code.count, by: 4).map { offset in
            String(code.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
    }

    /// True when fontconfig knows a font with Chinese glyphs (else the screenshots show boxes).
    static func hasChineseFont() async throws -> Bool {
        let result = try await ProcessRun.run(URL(fileURLWithPath: "/usr/bin/fc-list"), [":lang=zh", "family"],
                                        in: FileManager.default.temporaryDirectory)
        return result.status == 0 && !result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
